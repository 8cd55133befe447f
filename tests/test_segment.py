"""One sentence model for every stage: abbreviations, initials and initialisms end no sentence
where they are bound to the next word, and do where a sentence plainly opens after them."""

from __future__ import annotations

import pytest

from tui.analysis.figures import find_figures
from tui.analysis.flags.rule import Article
from tui.analysis.segment import (
    Sentences,
    paragraphs,
    sentence_in,
    sentence_starts,
    sentences,
    stops,
)


def _cut(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith said so.",
        "Dr. Jones met Mrs. Brown.",
        "John F. Kennedy was shot on Nov. 22 in Dallas.",
        "It sold goods to the U.S. Senate.",
        "No. 10 said it would not comment.",
        "He lives in St. Louis now.",
        "The meeting ended at 9 a.m. Monday.",
        "Some fruit, e.g. apples, was left.",
        "They waited … then left.",
        "Gen. Smith and Sen. Brown met Gov. Hill.",
    ],
)
def test_an_abbreviation_bound_to_the_next_word_ends_no_sentence(text: str) -> None:
    assert _cut(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sold in the U.S. The firm said so.", ["Sold in the U.S.", "The firm said so."]),
        ("It rose 3.5%. Shares fell.", ["It rose 3.5%.", "Shares fell."]),
        ('"Yes," he said. "No!" She left.', ['"Yes," he said.', '"No!"', "She left."]),
        ("He paid £5m. £3m was lost.", ["He paid £5m.", "£3m was lost."]),
        ("It ended at 8 a.m. He left.", ["It ended at 8 a.m.", "He left."]),
        ("First line.\nSecond line", ["First line.", "Second line"]),
        ("He went to Main St. The shop was shut.", ["He went to Main St.", "The shop was shut."]),
    ],
)
def test_a_sentence_ends_where_one_plainly_opens(text: str, expected: list[str]) -> None:
    assert _cut(text) == expected


def test_starts_stops_and_paragraphs() -> None:
    assert sentence_starts("Mr. A went. He left.") == [0, 12]
    # stops are looser: a lower-case word after a full stop may be a cut-off one
    assert stops("It ended. atch military came.") == [0, 10]
    assert sentence_starts("It ended. atch military came.") == [0]
    assert paragraphs("  One.\n\n Two. \n") == [(2, 6), (9, 13)]


def test_the_sentence_at_a_position_and_its_neighbours() -> None:
    text = "Mr. Smith came. He left.\nNext one."
    s = Sentences(text, [(0, 24), (25, 34)])
    assert s.all() == [(0, 15), (16, 24), (25, 34)]
    assert s.at(3) == (0, 15)
    assert s.at(15) == (0, 15)  # between two: the one before
    assert s.at(30) == (25, 34)
    assert s.next_start(3) == 16
    assert s.next_start(20) == 25
    assert s.previous_start(16) == 0
    assert s.previous_start(0) is None
    assert sentence_in(text, 0, 24, 20) == (16, 24)


def test_flags_and_figures_agree_on_the_sentence() -> None:
    """A flag's sentence and a figure's source come from the same cut: the source named before
    "Mr." is in the figure's sentence, as the flag rules see it."""
    text = "Police said Mr. Smith and 12 others were arrested."
    article = Article(text)
    assert article.sentence_at(text.index("12")) == (0, len(text))
    figures = find_figures(text).figures
    twelve = next(f for f in figures if f.text == "12")
    assert twelve.source == "Police said"
