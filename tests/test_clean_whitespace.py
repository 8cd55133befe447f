"""Whitespace: folded inside paragraphs, stripped at their edges; the article's characters kept."""

from __future__ import annotations

from tui.analysis.clean import clean


def test_runs_of_spaces_and_tabs_fold_to_one_space():
    assert clean("Two  words\tand   more.").text == "Two words and more."


def test_paragraph_edges_are_stripped():
    assert clean("   Indented line.  \n\tNext one.").text == "Indented line.\nNext one."


def test_each_fold_is_one_whitespace_edit():
    cleaned = clean("Two   words.")
    assert [(e.kind, e.text, e.replacement) for e in cleaned.edits] == [("whitespace", "   ", " ")]


def test_blank_lines_between_paragraphs_are_whitespace_edits():
    cleaned = clean("One.\n\n\nTwo.")
    assert cleaned.text == "One.\nTwo."
    assert {e.kind for e in cleaned.edits} == {"whitespace"}


def test_quotes_dashes_and_a_single_no_break_space_stay():
    source = "“Quoted” – and ‘single’ — with 10\u00a0km."
    assert clean(source).text == source


def test_hidden_characters_are_left_for_the_flags():
    source = "Zero\u200bwidth and \u202ebidi."
    assert clean(source).text == source
