"""Sports copy: a city's or a county's name in a team's slot names the team, a country stays a
place, and the whole story votes on each name."""

from tui.analysis.entities import find_entities
from tui.analysis.entities.teams import is_sports
from tui.analysis.model import Source
from tui.analysis.pipeline import analyze
from tui.analysis.serialize import from_dict, to_dict

REPORT = (
    "Leeds beat Porto 2-1 in the league on Saturday, their first win of the season. The striker "
    "Tomas Ruvenko scored both goals for Leeds before halftime and the coach was pleased. "
    "England drew with Moldova 1-1 in a World Cup qualifier. Results: Leeds 2 Porto 1, "
    "Kettlebridge 0 Marlow 3."
)


def entities(text: str) -> dict[str, tuple[str, str | None]]:
    return {e.name: (e.kind, e.subtype) for e in find_entities(text)}


def test_a_city_in_a_team_slot_is_a_team_for_the_whole_story():
    found = entities(REPORT)
    assert found["Leeds"] == ("organization", "team")
    assert found["Porto"] == ("organization", "team")
    leeds = next(e for e in find_entities(REPORT) if e.name == "Leeds")
    assert len(leeds.mentions) == 3


def test_unknown_names_beside_a_score_are_teams():
    found = entities(REPORT)
    assert found["Kettlebridge"][0] == "organization"
    assert found["Marlow"][0] == "organization"


def test_a_national_team_stays_its_country():
    found = entities(REPORT)
    assert found["England"][0] == "place"
    assert found["Moldova"][0] == "place"


def test_a_player_is_no_team():
    assert entities(REPORT)["Tomas Ruvenko"][0] == "person"


def test_a_standings_row_makes_teams():
    table = (
        "Baseball standings after the games of the season, in the league: won, lost, percentage. "
        "DETROIT 48 86 .358 26 TORONTO 63 71 .470 11 CLEVELAND 80 53 .602 -"
    )
    found = entities(table)
    assert found["Detroit"][0] == "organization"
    assert found["Toronto"][0] == "organization"


def test_a_city_beside_a_number_outside_sport_stays_a_place():
    business = "Shares in Leeds 2 percent higher. Frankfurt 3 traders said the market was calm."
    assert not is_sports(business)
    assert entities(business)["Leeds"][0] == "place"


def test_club_cues_and_known_clubs():
    found = entities("Real Madrid beat Celtic. Werder Bremen drew with Aston Villa and Feyenoord.")
    for club in ("Real Madrid", "Celtic", "Werder Bremen", "Aston Villa", "Feyenoord"):
        assert found[club] == ("organization", "team"), club


def test_a_players_surname_beside_a_score_stays_a_person():
    card = (
        "Cricket scores at the close of play in the match: innings, wickets and runs. "
        "Surrey 429-7 (Chris Lewis 80 not out). Bowling: Lewis 10-2-31-3. Kent 108-3."
    )
    found = entities(card)
    assert found["Chris Lewis"][0] == "person"
    assert found["Surrey"][0] == "organization"


def test_the_subtype_is_in_the_json_and_reads_back():
    analysis = analyze(Source(text=REPORT))
    data = to_dict(analysis)
    leeds = next(e for e in data["entities"] if e["name"] == "Leeds")
    assert leeds["subtype"] == "team"
    assert next(e for e in data["entities"] if e["name"] == "England")["subtype"] is None
    assert from_dict(data).entities == analysis.entities


def test_a_club_named_before_its_player_is_the_club_and_the_player_a_person():
    story = (
        "Chelsea left-back Wayne Bridge could miss the rest of the season after the defeat. "
        "Leeds boss Martin Kessel said his striker scored twice in the league match, 2-1."
    )
    found = entities(story)
    assert found["Wayne Bridge"][0] == "person"
    assert found["Leeds"] == ("organization", "team")


def test_the_venue_and_a_bowler_are_not_read_as_teams():
    card = (
        "Cricket: scores at the close of play in the match, innings and wickets. "
        "Kent 108-3. Graham Croft took 3-23; Thorpe c Smith b Croft 6. KANSAS AT DETROIT"
    )
    found = entities(card)
    assert found["Kent"][0] == "organization"
    assert found["Graham Croft"][0] == "person"
    assert found["Detroit"][0] == "place"
