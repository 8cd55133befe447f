"""What every caller of clean() relies on, for any input: edits quote the source exactly, edits and
copied text tile the source, spans stay inside the text, the offset map leads back to the source."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis.clean import clean

FRAGMENTS = [
    "The mayor's office is on fire.",
    "on fire.br>",
    "<p>",
    "</p>",
    "<br />",
    "&amp;nbsp;",
    "&#233;",
    "&nbsp;",
    "  ",
    "\t",
    "\n",
    "\n\n",
    " \n ",
    "\u200b",
    "\u00a0",
    "“quoted”",
    "atch military ",
    "5th of January, 2022, at ALMATY, KAZAKHSTAN A car burns. ",
    "Photograph: Jane Doe/Reuters",
    "(AP Photo/John Roe)",
    "TASS photo by Ivan Petrov",
    "More information can be found here.",
    "Read more: the story.",
    "Advertisement",
    "Ministers met on Monday to discuss the budget and agreed to raise spending on schools.",
    "Ministers met on Monday to discuss the budget and agreed to raise spending on roads.",
    "The ministers met on Monday to discuss the budget",
]
articles = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=30).map("".join)


def check_contract(source: str) -> None:
    cleaned = clean(source)
    text = cleaned.text
    for edit in cleaned.edits:
        a, b = edit.original
        assert 0 <= a <= b <= len(source)
        assert edit.text == source[a:b]
    # edits never overlap and, with the copied runs, cover every character of the source once
    runs = cleaned.offsets.runs()
    starts = [o for _, o, _ in runs]
    assert starts == sorted(starts)
    assert [c for c, _, _ in runs] == sorted(c for c, _, _ in runs)
    copied = sum(
        (runs[k + 1][0] if k + 1 < len(runs) else len(text)) - c
        for k, (c, _, is_copy) in enumerate(runs)
        if is_copy
    )
    assert copied + sum(e.original[1] - e.original[0] for e in cleaned.edits) == len(source)
    for i in range(len(text)):
        o = cleaned.offsets.to_original(i)
        assert 0 <= o <= len(source)
    for k, (c, o, is_copy) in enumerate(runs):
        end = runs[k + 1][0] if k + 1 < len(runs) else len(text)
        if is_copy:
            assert text[c:end] == source[o : o + end - c]
    previous_end = -1
    for a, b in cleaned.paragraphs:
        assert previous_end < a < b <= len(text)
        assert "\n" not in text[a:b]
        previous_end = b
    assert "\n".join(text[a:b] for a, b in cleaned.paragraphs) == text
    for flag in cleaned.flags:
        assert all(0 <= a <= b <= len(text) for a, b in flag.spans)


@settings(max_examples=300, deadline=None)
@given(articles)
def test_contract_holds_for_article_like_text(source):
    check_contract(source)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_contract_holds_for_any_string(source):
    check_contract(source)


def test_every_copied_character_maps_back_to_itself():
    source = "  First  paragraph.br>\n\n\nSecond &amp; last.\t\n"
    cleaned = clean(source)
    for c, _, is_copy in cleaned.offsets.runs():
        if is_copy:
            assert cleaned.text[c] == source[cleaned.offsets.to_original(c)]


def test_paragraphs_are_joined_by_one_line_break():
    cleaned = clean("\n\nOne.\n\n\n  \nTwo.\n")
    assert cleaned.text == "One.\nTwo."
    assert cleaned.paragraphs == ((0, 4), (5, 9))


def test_text_without_defects_is_left_as_it_is():
    source = "A quiet day in the harbour.\nNothing happened."
    cleaned = clean(source)
    assert cleaned.text == source
    assert cleaned.edits == ()
    assert cleaned.flags == ()


def test_empty_text_cleans_to_nothing():
    cleaned = clean("")
    assert (cleaned.text, cleaned.paragraphs, cleaned.edits) == ("", (), ())
