"""What kind an entity is, read from the gazetteer and the words around it."""

from tui.analysis.entities import find_entities


def kinds(text: str) -> dict[str, str]:
    return {e.name: e.kind for e in find_entities(text)}


def test_a_country_from_the_gazetteer_is_a_place():
    assert kinds("Troops arrived from Tajikistan.")["Tajikistan"] == "place"


def test_a_city_from_the_gazetteer_is_a_place():
    assert kinds("The march reached Almaty.")["Almaty"] == "place"


def test_a_region_from_the_gazetteer_is_a_place():
    assert kinds("Forces were sent to Central Asia.")["Central Asia"] == "place"


def test_a_word_ending_organisations_names_makes_an_organization():
    assert kinds("Shares of Dunmore Holdings fell.")["Dunmore Holdings"] == "organization"
    assert kinds("He joined the Ministry of Energy.")["Ministry of Energy"] == "organization"


def test_a_title_before_a_name_makes_a_person():
    assert kinds("Talks with Mr Ostrowicz ended.")["Ostrowicz"] == "person"


def test_a_role_before_a_name_makes_a_person():
    assert kinds("The goal came from striker Olunde Barasa.")["Olunde Barasa"] == "person"


def test_a_known_given_name_makes_a_person():
    assert kinds("Shares were sold by Robert Vantongeren.")["Robert Vantongeren"] == "person"


def test_a_word_ending_places_names_makes_a_place():
    assert kinds("Boats sailed up the Limpopo River.")["Limpopo River"] == "place"


def test_a_known_acronym_standing_alone_is_an_organization():
    assert kinds("The request went to NATO and the IMF.") == {
        "NATO": "organization",
        "IMF": "organization",
    }


def test_a_named_event_is_other():
    assert kinds("Fans travelled to the Asian Winter Cup.")["Asian Winter Cup"] == "other"


def test_one_kind_holds_for_every_mention_of_an_entity():
    text = "Mr Ostrowicz resigned. Ostrowicz had led the party since 2003."
    found = find_entities(text)
    assert [(e.name, e.kind, len(e.mentions)) for e in found] == [("Ostrowicz", "person", 2)]


def test_a_place_joined_with_an_ordinary_word_names_an_organization():
    found = kinds("Fans of Manchester United and Real Madrid flew with Air France.")
    assert found == {
        "Manchester United": "organization",
        "Real Madrid": "organization",
        "Air France": "organization",
    }


def test_a_given_name_before_a_place_name_is_still_a_person():
    assert kinds("The film starred Florence Paris.")["Florence Paris"] == "person"
