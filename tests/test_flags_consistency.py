"""Consistency: one thing named twice in a list, two spellings, acronyms, repeated facts."""

import re

from tui.analysis.flags import find_flags
from tui.analysis.model import Entity, Figure


def flags(text, rule, entities=(), figures=()):
    found = find_flags(
        text, paragraphs=((0, len(text)),), entities=entities, figures=figures, article_date=None
    )
    return [f for f in found if f.rule == rule]


def place(name, text, *forms):
    spans = {m.span() for form in (name, *forms) for m in re.finditer(rf"\b{form}\b", text)}
    return Entity(f"e:{name}", name, "place", tuple(forms), tuple(sorted(spans)))


LIST = "Members include Russia, Armenia, Belarus and the Russian Federation."


def entities_of(text):
    return (
        place("Russia", text, "Russian Federation"),
        place("Armenia", text),
        place("Belarus", text),
    )


def test_two_aliases_of_one_country_in_one_list_are_flagged():
    [flag] = flags(LIST, "alias-in-list", entities_of(LIST))
    assert [LIST[a:b] for a, b in flag.spans] == ["Russia", "Russian Federation"]
    assert flag.message == "“Russia” and “Russian Federation” name the same country in one list."


def test_the_same_name_twice_in_a_listing_is_left_alone():
    text = "Venues: Norfolk, Virginia Beach, Virginia Beach, Richmond."
    venues = (place("Norfolk", text), place("Virginia Beach", text), place("Richmond", text))
    assert flags(text, "alias-in-list", venues) == []


def test_aliases_in_separate_sentences_are_no_list():
    text = "Russia sent troops. Armenia, Belarus and the Russian Federation agreed."
    assert flags(text, "alias-in-list", entities_of(text)) == []


def test_a_pair_joined_by_and_is_no_list():
    text = "Russia and the Russian Federation are one."
    assert flags(text, "alias-in-list", entities_of(text)) == []


def test_people_sharing_a_surname_are_not_aliases_in_a_list():
    text = "Guests were Bush, Cheney, Rice and Laura Bush."
    bush = Entity("e:bush", "George Bush", "person", ("Bush", "Laura Bush"), ((12, 16), (35, 45)))
    others = (
        Entity("e:c", "Cheney", "person", (), ((18, 24),)),
        Entity("e:r", "Rice", "person", (), ((26, 30),)),
    )
    assert flags(text, "alias-in-list", (bush, *others)) == []


def test_two_spellings_from_the_shipped_list_are_flagged():
    text = "Protestors gathered. Police said protesters had left, and protestors returned."
    [flag] = flags(text, "spelling-variants")
    assert "“protesters” (1×)" in flag.message and "“protestors” (1×)" in flag.message


def test_ise_and_ize_spellings_of_one_word_are_flagged():
    text = "They organised a march; the police organized a cordon."
    [flag] = flags(text, "spelling-variants")
    assert {text[a:b] for a, b in flag.spans} == {"organised", "organized"}


def test_a_hyphenated_and_a_closed_compound_are_flagged():
    text = "Send an e-mail. The email bounced."
    assert len(flags(text, "spelling-variants")) == 1


def test_different_words_that_only_look_alike_are_not_variants():
    text = "Four for the road; the licence is licensed; re-sign and resign; the meter in metres."
    assert flags(text, "spelling-variants") == []


def test_capitalised_names_are_not_checked_for_spelling():
    text = "The Labor Department and the labour market."
    assert flags(text, "spelling-variants") == []


def test_an_acronym_never_spelled_out_is_flagged_as_info():
    [flag] = flags("The XYZQ said on Monday that the XYZQ would act.", "acronym-undefined")
    assert flag.severity == "info" and "never spelled out" in flag.message


def test_an_acronym_spelled_out_in_brackets_is_defined():
    text = "The Monetary Policy Committee (MPC) met. The MPC held rates."
    assert flags(text, "acronym-undefined") == []


def test_an_acronym_followed_by_its_long_form_is_defined():
    text = "The HSDPA (High Speed Downlink Packet Access) standard is new; the HSDPA is fast."
    assert flags(text, "acronym-undefined") == []


def test_an_acronym_used_before_its_definition_is_flagged():
    text = "The MPC met. Later the Monetary Policy Committee (MPC) held rates."
    [flag] = flags(text, "acronym-undefined")
    assert "before" in flag.message and flag.spans == ((4, 7),)


def test_well_known_acronyms_and_brand_names_are_left_alone():
    assert flags("The BBC and NATO met IBM staff in the US.", "acronym-undefined") == []


def test_a_headline_may_use_an_acronym_unexplained():
    text = "MPC holds rates\nThe Monetary Policy Committee (MPC) held rates on Thursday."
    found = find_flags(
        text, paragraphs=((0, 15), (16, len(text))), entities=(), figures=(), article_date=None
    )
    assert not [f for f in found if f.rule == "acronym-undefined"]


def repeated(text, *figures):
    cut = text.index("\n")
    found = find_flags(
        text,
        paragraphs=((0, cut), (cut + 1, len(text))),
        entities=(),
        figures=figures,
        article_date=None,
    )
    return [f for f in found if f.rule == "repeated-fact"]


def test_the_same_casualty_count_in_two_paragraphs_is_a_repeated_fact():
    text = "Twelve officers were killed.\nLater, twelve officers were killed."
    [flag] = repeated(
        text,
        Figure("f1", "Twelve", "count", 12, span=(0, 6), counts="officers ... killed"),
        Figure("f2", "twelve", "count", 12, span=(36, 42), counts="officers ... killed"),
    )
    assert flag.severity == "info" and flag.spans == ((0, 6), (36, 42))


def test_the_same_count_of_anything_else_is_no_repeated_fact():
    text = "Two tackles were made.\nThen two tackles were made."
    assert (
        repeated(
            text,
            Figure("f1", "Two", "count", 2, span=(0, 3), counts="tackles ... made"),
            Figure("f2", "two", "count", 2, span=(28, 31), counts="tackles ... made"),
        )
        == []
    )
