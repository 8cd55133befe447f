"""Which forms name the same entity."""

from tui.analysis.entities import find_entities
from tui.analysis.entities.aliases import defines


def entity_with(text: str, name: str):
    for e in find_entities(text):
        if name.lower() in {e.name.lower(), *(a.lower() for a in e.aliases)}:
            return e
    raise AssertionError(f"no entity named {name!r} in {find_entities(text)}")


def test_schwartz_hearst_matches_letters_in_order_from_word_starts():
    assert defines("CSTO", "Collective Security Treaty Organization")
    assert defines("HMM", "hidden Markov model")
    assert not defines("CSTO", "Collective Treaty")
    assert not defines("AB", "A")


def test_an_acronym_defined_after_its_long_form_is_an_alias():
    text = "The Eurasian Grain Board (EGB) met. The EGB agreed on prices."
    e = entity_with(text, "Eurasian Grain Board")
    assert e.name == "Eurasian Grain Board"
    assert "EGB" in e.aliases
    assert len(e.mentions) == 3


def test_an_acronym_defined_before_its_long_form_is_an_alias():
    text = "The EGB (Eurasian Grain Board) met in Astana."
    assert "EGB" in entity_with(text, "Eurasian Grain Board").aliases


def test_a_known_acronym_joins_its_long_form_without_a_definition():
    text = "The North Atlantic Treaty Organization met. Later NATO said no."
    e = entity_with(text, "NATO")
    assert e.name == "North Atlantic Treaty Organization"
    assert e.kind == "organization"


def test_an_acronym_that_spells_an_organisations_initials_joins_it():
    text = "The Caspian Fishing Council said quotas rise. A CFC spokesman confirmed."
    assert "CFC" in entity_with(text, "Caspian Fishing Council").aliases


def test_a_surname_joins_the_full_name():
    text = "Kassym-Jomart Tokayev spoke. Later Tokayev left."
    e = entity_with(text, "Tokayev")
    assert (e.name, e.kind, e.aliases) == ("Kassym-Jomart Tokayev", "person", ("Tokayev",))


def test_a_surname_shared_by_two_people_joins_the_nearest_before_it():
    text = "Anna Brandt met Peter Brandt. Brandt, the younger, spoke first."
    assert len(entity_with(text, "Peter Brandt").mentions) == 2
    assert len(entity_with(text, "Anna Brandt").mentions) == 1


def test_official_and_short_country_names_are_one_place():
    text = "Russia sent troops; the Russian Federation confirmed it."
    e = entity_with(text, "Russian Federation")
    assert (e.name, e.kind, e.aliases) == ("Russia", "place", ("Russian Federation",))


def test_case_variants_are_one_entity():
    text = "ALMATY was quiet. Almaty reopened."
    assert len(entity_with(text, "Almaty").mentions) == 2


def test_close_spellings_of_one_name_are_one_entity():
    text = "Nursultan Nazarbayev resigned. Nursultan Nazarbaev kept his post."
    e = entity_with(text, "Nursultan Nazarbayev")
    assert len(e.mentions) == 2


def test_demonyms_link_to_their_place_in_their_own_list():
    text = "Kazakhstan closed its borders. Kazakh officials said Kazakhs may leave."
    e = entity_with(text, "Kazakhstan")
    assert [text[a:b] for a, b in e.mentions] == ["Kazakhstan"]
    assert [text[a:b] for a, b in e.demonym_mentions] == ["Kazakh", "Kazakhs"]


def test_unrelated_names_stay_apart():
    text = "Austria and Australia played. Iran met Iraq."
    assert {e.name for e in find_entities(text)} == {"Austria", "Australia", "Iran", "Iraq"}
