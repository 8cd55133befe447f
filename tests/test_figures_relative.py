"""Relative days resolved against the reference date, and how the reference is chosen."""

from __future__ import annotations

from datetime import date

import pytest

from tui.analysis.figures import find_figures

THURSDAY = date(2022, 1, 6)


def resolved(text: str, **kwargs) -> list[tuple[str, date | None]]:
    return [(f.text, f.date) for f in find_figures(text, **kwargs).figures]


def test_a_past_weekday_is_the_last_such_day_on_or_before_publication() -> None:
    assert resolved("Police fired on Wednesday night.", published=THURSDAY) == [
        ("Wednesday night", date(2022, 1, 5))
    ]
    assert resolved("Police fired on Thursday.", published=THURSDAY) == [("Thursday", THURSDAY)]


def test_a_future_weekday_is_the_next_such_day() -> None:
    assert resolved("Talks will resume on Monday.", published=THURSDAY) == [
        ("Monday", date(2022, 1, 10))
    ]


def test_a_weekday_after_a_lower_bound_is_the_first_such_day_on_or_after_it() -> None:
    text = "Police fired on Thursday morning. On Wednesday there were reports."
    caption = "5th of January, 2022, at ALMATY A burning car"
    result = find_figures(text, captions=[caption])
    assert (result.reference_date.kind, result.reference_date.date) == ("caption", date(2022, 1, 5))
    assert [(f.text, f.date) for f in result.figures if f.span] == [
        ("Thursday morning", date(2022, 1, 6)),
        ("Wednesday", date(2022, 1, 5)),
    ]


@pytest.mark.parametrize(
    ("text", "expression", "day"),
    [
        ("It rained yesterday.", "yesterday", date(2022, 1, 5)),
        ("It rains today.", "today", THURSDAY),
        ("It will rain tomorrow.", "tomorrow", date(2022, 1, 7)),
        ("He left two weeks ago.", "two weeks ago", date(2021, 12, 23)),
        ("He left last Thursday.", "last Thursday", date(2021, 12, 30)),
        ("He comes next Monday.", "next Monday", date(2022, 1, 10)),
        ("It began last week.", "last week", date(2021, 12, 27)),
    ],
)
def test_deictic_days_count_from_the_reference(text: str, expression: str, day: date) -> None:
    assert resolved(text, published=THURSDAY) == [(expression, day)]


def test_last_week_stands_for_its_monday() -> None:
    (f,) = find_figures("It began last week.", published=THURSDAY).figures
    assert f.unit == "week"


def test_last_year_is_a_year() -> None:
    (f,) = find_figures("Sales fell last year.", published=THURSDAY).figures
    assert (f.kind, f.value) == ("year", 2021)


def test_without_a_reference_relative_days_stay_unresolved() -> None:
    result = find_figures("Police fired on Wednesday.")
    assert result.reference_date is None
    assert [(f.kind, f.date) for f in result.figures] == [("relative-date", None)]


def test_the_readers_date_wins_over_every_other() -> None:
    result = find_figures(
        "Published 5 January 2022\nIt rained on Monday.",
        published=date(2022, 1, 4),
        captions=["3 January 2022, a car"],
        override=date(2022, 1, 12),
    )
    assert (result.reference_date.kind, result.reference_date.date) == ("user", date(2022, 1, 12))
    assert result.figures[1].date == date(2022, 1, 10)


def test_the_publication_date_wins_over_the_text() -> None:
    result = find_figures("Published 5 January 2022\nIt rained.", published=date(2022, 1, 4))
    assert result.reference_date.kind == "published"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Published 5 January 2022\nIt rained on Monday.", "5 January 2022"),
        ("Updated: January 5, 2022\nIt rained on Monday.", "January 5, 2022"),
        ("5 January 2022\nIt rained on Monday.", "5 January 2022"),
    ],
)
def test_a_dateline_in_the_text_is_a_publication_date(text: str, words: str) -> None:
    result = find_figures(text)
    assert result.reference_date is not None
    assert (result.reference_date.kind, result.reference_date.text) == ("dateline", words)
    assert result.figures[-1].date == date(2022, 1, 3)


def test_a_wire_dateline_takes_its_year_from_the_story() -> None:
    text = "ALMATY, Jan 6 (Reuters) - Troops arrived on Wednesday after the 5 January 2022 riots."
    result = find_figures(text)
    assert (result.reference_date.kind, result.reference_date.date) == ("dateline", THURSDAY)


def test_the_latest_past_event_date_bounds_the_story_from_below() -> None:
    result = find_figures("Protests began on 2 January 2022 and police fired on Thursday.")
    assert (result.reference_date.kind, result.reference_date.date) == ("event", date(2022, 1, 2))
    assert result.figures[-1].date == THURSDAY


def test_the_previous_weekday_counts_from_another_day_and_is_left_open() -> None:
    (f,) = find_figures("It closed up from the previous Friday.", published=THURSDAY).figures
    assert (f.text, f.date) == ("the previous Friday", None)
