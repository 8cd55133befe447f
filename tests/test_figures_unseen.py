"""Figures on ordinary copy: years, durations, titles, clock times, ranks, large scales, and the
tense that picks a weekday's or a year-less date's day."""

from __future__ import annotations

from datetime import date

import pytest

from tui.analysis.figures import find_figures

WEDNESDAY = date(2024, 3, 13)


def _read(text: str, published: date | None = WEDNESDAY) -> list[tuple[str, str, object]]:
    return [
        (f.text, f.kind, f.date or f.value) for f in find_figures(text, published=published).figures
    ]


def test_years_in_a_list_and_before_results_are_years() -> None:
    assert _read("It had to restate 2000 and 2003 results.") == [
        ("2000", "year", 2000),
        ("2003", "year", 2003),
    ]
    assert _read("He counted 2000 people.")[0][1] == "count"


def test_parts_of_a_time_unit_are_durations_and_quarters_of_a_year_are_counted() -> None:
    assert _read("It took half an hour.") == [("half an hour", "measure", 0.5)]
    assert _read("It took three quarters of an hour.")[0][1:] == ("measure", 0.75)
    assert _read("Profits were lower than in the preceding three quarters.") == [
        ("three quarters", "count", 3)
    ]
    assert _read("Three quarters of voters agreed.")[0][1:] == ("fraction", 0.75)


def test_a_programme_title_is_no_date_and_a_sentence_opening_today_is() -> None:
    assert [kind for _, kind, _ in _read("She told Radio 4's Today programme.")] == []
    assert _read("Today the minister said so.") == [("Today", "relative-date", WEDNESDAY)]


def test_a_four_digit_clock_time_is_a_time() -> None:
    assert _read("The blast came at 0100 GMT.") == [("0100 GMT", "time", None)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It was the first time he had won.", 1),
        ("He came second in the race.", 2),
        ("Sales fell in its second quarter.", 2),
        ("the one hundredth anniversary", 100),
    ],
)
def test_first_and_second_rank_where_they_rank(text: str, value: int) -> None:
    assert [(kind, v) for _, kind, v in _read(text)] == [("ordinal", value)]


@pytest.mark.parametrize(
    "text", ["At first he said no.", "A second referendum.", "first-time buyers"]
)
def test_first_and_second_that_rank_nothing_are_no_figures(text: str) -> None:
    assert _read(text) == []


def test_scales_reach_decillion_and_stay_exact() -> None:
    (found,) = _read("nine hundred decillion and one")
    assert found[2] == 900 * 10**33 + 1
    assert _read("five quadrillion dollars")[0][1:] == ("money", 5 * 10**15)
    assert _read("one and a half million")[0][2] == 1_500_000


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The service planned for Saturday was cancelled.", date(2024, 3, 9)),
        ("United flew home on Saturday.", date(2024, 3, 9)),
        ("Talks could start as soon as Tuesday.", date(2024, 3, 19)),
        ("A deal may come as early as Friday.", date(2024, 3, 15)),
        ("The vote will be held on Friday.", date(2024, 3, 15)),
    ],
)
def test_the_tense_of_a_weekday(text: str, day: date) -> None:
    assert [d for _, kind, d in _read(text) if kind == "relative-date"] == [day]


def test_one_weekday_is_one_day_in_a_story() -> None:
    text = "The talks began on Monday. Officials said Monday's session was long."
    days = {d for _, kind, d in _read(text) if kind == "relative-date"}
    assert days == {date(2024, 3, 11)}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The man was shot on Oct. 23.", date(2023, 10, 23)),
        ("The vote will be held on Oct. 23.", date(2024, 10, 23)),
        ("Its record high was set on Aug. 6.", date(2023, 8, 6)),
    ],
)
def test_a_date_without_a_year_takes_its_verb_s_tense(text: str, day: date) -> None:
    assert [d for _, kind, d in _read(text) if kind == "date"] == [day]
