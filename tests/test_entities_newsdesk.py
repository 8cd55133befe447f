"""Business and politics copy: companies, parties and agencies by name, short forms after the
full name, legal suffixes, shared surnames, and names that are none ("GMTV's Sunday")."""

from tui.analysis.entities import find_entities
from tui.analysis.model import Analysis, Entity, Source
from tui.outline import entities_section

# Written after the BBC's business story of the kind the issue quotes, not copied from it.
BUSINESS = (
    "Quarterly profits at US media giant TimeWarner jumped 76%. The firm, one of the biggest "
    "investors in Google, saw a profit dip at Warner Bros, and fewer users for AOL. Time Warner "
    "said on Friday that it owns 8% of Google. It sold its stake in AOL Europe to German "
    "publisher Bertelsmann."
)
POLITICS = (
    "Labour plans a rise, Ms Hewitt told GMTV's Sunday programme. The Liberal Democrats said it "
    "was misdirected, and the Tories called it desperate."
)


def by_name(text: str) -> dict[str, Entity]:
    return {e.name: e for e in find_entities(text)}


def test_known_companies_are_organisations_with_their_short_forms_joined():
    found = by_name(BUSINESS)
    warner = found["Time Warner"]
    assert (warner.kind, warner.subtype) == ("organization", "company")
    assert "TimeWarner" in warner.aliases
    assert found["Google"].kind == "organization"
    assert found["Warner Bros"].kind == "organization"
    assert found["AOL Europe"].kind == "organization"


def test_a_place_named_only_by_its_demonym_is_counted_once_not_zero():
    germany = by_name(BUSINESS)["Germany"]
    assert germany.mentions == ()
    assert len(germany.shown_mentions()) == 1
    sidebar = entities_section(Analysis(Source(text=BUSINESS), BUSINESS, entities=(germany,)))
    (item,) = [i for g in sidebar.groups for i in g.items]
    assert item.label.split()[0] == "1"


def test_parties_are_organisations_and_a_programme_day_is_no_person():
    found = by_name(POLITICS)
    for party in ("Labour", "Liberal Democrats", "Tories"):
        assert (found[party].kind, found[party].subtype) == ("organization", "party"), party
    assert "GMTV's Sunday" not in found
    assert not any(e.kind == "person" and "Sunday" in e.name for e in found.values())
    assert found["GMTV"].kind == "organization"


def test_a_short_form_after_the_full_name_joins_it_over_the_place_gazetteer():
    found = by_name("Quinlan Mining Corp gained. Quinlan said so.")
    quinlan = found["Quinlan Mining Corp"]
    assert quinlan.aliases == ("Quinlan",) and len(quinlan.mentions) == 2
    norilsk = by_name("Norilsk Nickel raised output. Norilsk said prices would rise.")
    assert norilsk["Norilsk Nickel"].aliases == ("Norilsk",)


def test_legal_suffixes_head_a_company():
    found = by_name("Vantera NV, Holmgren AG, Castelo SA and PT Sumber Jaya rose; Brixley Plc fell")
    for name in ("Vantera NV", "Holmgren AG", "Castelo SA", "Brixley Plc"):
        assert (found[name].kind, found[name].subtype) == ("organization", "company"), name
    assert found["PT Sumber Jaya"].kind == "organization"


def test_initials_keep_a_persons_name_whole():
    found = by_name("President George W. Bush met Chancellor Angela Merkel in Berlin.")
    assert found["George W. Bush"].kind == "person"
    assert "George" not in found and "W. Bush" not in found


def test_a_title_picks_which_of_two_people_a_shared_surname_means():
    text = "Tony Blair and his wife Cherie Blair arrived. Mr Blair said he was pleased."
    found = by_name(text)
    assert len(found["Tony Blair"].mentions) == 2
    assert len(found["Cherie Blair"].mentions) == 1


def test_a_shared_surname_nothing_decides_stays_apart_with_both_offered():
    text = (
        "Tony Blair and his wife Cherie Blair arrived. Blair said it was fine. "
        "Later Tony Blair spoke, and Blair agreed."
    )
    found = by_name(text)
    blair = found["Blair"]
    assert blair.kind == "person"
    assert set(blair.candidates) == {found["Tony Blair"].id, found["Cherie Blair"].id}
    analysis = Analysis(Source(text=text), text, entities=tuple(found.values()))
    labels = [i.label for g in entities_section(analysis).groups for i in g.items]
    assert any(label.endswith("(Tony Blair or Cherie Blair?)") for label in labels)


def test_names_with_accents_stay_people():
    found = by_name("José María Aznar met Lech Wałęsa and Recep Tayyip Erdoğan in Madrid.")
    for name in ("José María Aznar", "Lech Wałęsa", "Recep Tayyip Erdoğan"):
        assert found[name].kind == "person", name


def test_a_place_after_a_public_body_is_still_the_place():
    found = by_name("Officials at Darlington Council wrote. It hit the Mowden area of Darlington.")
    assert found["Darlington Council"].kind == "organization"
    assert found["Darlington"].kind == "place"


def test_a_companys_product_is_no_person_and_its_arm_abroad_is_the_company():
    found = by_name("He bought an Apple Powerbook, and Sony Europe said sales rose.")
    assert found["Apple Powerbook"].kind == "other"
    assert found["Sony Europe"].kind == "organization"
