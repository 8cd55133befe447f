"""Markup debris: tags and entities left in plain text are removed or decoded in place."""

from __future__ import annotations

from tui.analysis.clean import clean


def kinds(cleaned):
    return [e.kind for e in cleaned.edits if e.kind != "whitespace"]


def test_broken_tag_glued_to_a_word_is_removed():
    cleaned = clean("In Almaty the mayor's office is on fire.br>")
    assert cleaned.text == "In Almaty the mayor's office is on fire."
    assert kinds(cleaned) == ["markup"]


def test_whole_tags_are_removed_without_leaving_double_spaces():
    assert clean("A <b>bold</b> claim <br/> here.").text == "A bold claim here."


def test_a_breaking_tag_between_words_leaves_a_space():
    assert clean("first<br>second").text == "first second"


def test_a_tag_opened_but_never_closed_is_removed():
    assert clean("The end <br").text == "The end"


def test_entities_are_decoded_also_when_escaped_twice():
    assert clean("Caf&#233; &amp; bar&amp;nbsp;today").text == "Café & bar today"


def test_removed_tags_raise_a_flag_at_the_word_they_stuck_to():
    cleaned = clean("It is on fire.br>")
    (flag,) = cleaned.flags
    assert flag.rule == "markup-debris"
    assert cleaned.text[slice(*flag.spans[0])] == "fire."


def test_decoded_entities_raise_no_flag():
    assert clean("Caf&#233; life.").flags == ()


def test_angle_brackets_of_prose_and_formulas_stay():
    source = "Profits rose > 5% when x<y and a -> b."
    assert clean(source).text == source


def test_unknown_entity_names_stay():
    source = "R&D; costs &fooo; rose."
    assert clean(source).text == source
