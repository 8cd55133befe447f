"""Absolute dates in the common news forms, and the year of a date written without one."""

from __future__ import annotations

from datetime import date

import pytest

from tui.analysis.figures import find_figures
from tui.analysis.figures.dates import year_for


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("on 5th of January, 2022, at noon", "5th of January, 2022"),
        ("on January 5, 2022 police", "January 5, 2022"),
        ("on 5 Jan 2022 police", "5 Jan 2022"),
        ("dated 2022-01-05 in", "2022-01-05"),
        ("on Wednesday, 5 January 2022 police", "Wednesday, 5 January 2022"),
    ],
)
def test_a_full_date_is_read_in_every_common_form(text: str, expression: str) -> None:
    (f,) = find_figures(text).figures
    assert (f.kind, f.text, f.date) == ("date", expression, date(2022, 1, 5))


def test_a_date_without_a_year_waits_for_the_reference() -> None:
    (f,) = find_figures("It happened on Jan. 5.").figures
    assert (f.kind, f.text, f.date) == ("date", "Jan. 5", None)


def test_a_date_without_a_year_takes_the_year_nearest_the_reference() -> None:
    (f,) = find_figures("It opened on Dec. 30.", published=date(2022, 1, 6)).figures
    assert f.date == date(2021, 12, 30)


def test_the_fifth_of_january_in_words() -> None:
    (f,) = find_figures("on the fifth of January", published=date(2022, 2, 1)).figures
    assert (f.text, f.date) == ("fifth of January", date(2022, 1, 5))


def test_month_words_that_are_verbs_are_not_dates() -> None:
    assert find_figures("Police may march on 5 streets.").figures[0].kind != "date"


def test_a_named_weekday_picks_the_year() -> None:
    assert year_for(4, 25, date(1998, 4, 24), weekday=5) == date(1998, 4, 25)


def test_a_date_after_payable_is_ahead_of_the_reference() -> None:
    assert year_for(1, 2, date(1989, 11, 2), tense="future") == date(1990, 1, 2)


def test_a_date_after_ended_is_behind_the_reference() -> None:
    assert year_for(3, 31, date(1989, 11, 1), tense="past") == date(1989, 3, 31)
