"""Amounts: money, percentages, units, ranges, scores, qualifiers, vague amounts and years."""

from __future__ import annotations

import pytest

from tui.analysis.figures import find_figures
from tui.analysis.model import Figure


def figures(text: str) -> list[Figure]:
    return list(find_figures(text).figures)


def only(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expression", "value", "currency"),
    [
        ("It cost £2bn in all", "£2bn", 2_000_000_000, "GBP"),
        ("a $5m deal", "$5m", 5_000_000, "USD"),
        ("I spent 20 million pounds on it", "20 million pounds", 20_000_000, "GBP"),
        ("profit of 1.4bn euros", "1.4bn euros", 1_400_000_000, "EUR"),
        ("paid US$30 each", "US$30", 30, "USD"),
        ("worth 5,000 tenge", "5,000 tenge", 5000, "KZT"),
    ],
)
def test_money_has_its_value_and_currency(
    text: str, expression: str, value: int, currency: str
) -> None:
    f = only(text)
    assert (f.kind, f.text, f.value, f.unit) == ("money", expression, value, currency)


def test_percentages_in_sign_and_words() -> None:
    assert [(f.text, f.value, f.unit) for f in figures("45% and 12 per cent")] == [
        ("45%", 45, "%"),
        ("12 per cent", 12, "%"),
    ]


def test_a_unit_makes_a_measure() -> None:
    f = only("a 27-kilometre ring")
    assert (f.kind, f.value, f.unit) == ("measure", 27, "kilometre")


def test_a_strong_crowd_is_a_count() -> None:
    f = only("a 2,000-strong crowd gathered")
    assert (f.kind, f.text, f.value) == ("count", "2,000-strong", 2000)


@pytest.mark.parametrize(
    ("text", "expression", "low", "high", "unit"),
    [
        ("between 10 and 15 people", "between 10 and 15", 10, 15, None),
        ("some 10-15 people", "10-15", 10, 15, None),
        ("a £10-15m fee", "£10-15m", 10_000_000, 15_000_000, "GBP"),
        ("3 to 4 L of wine", "3 to 4 L", 3, 4, "L"),
        ("5-10% of them", "5-10%", 5, 10, "%"),
    ],
)
def test_a_range_has_both_ends(
    text: str, expression: str, low: int, high: int, unit: str | None
) -> None:
    f = only(text)
    assert (f.kind, f.text, f.low, f.high, f.unit) == ("range", expression, low, high, unit)


def test_a_change_from_one_amount_to_another_is_two_figures() -> None:
    found = figures("Inflation rose from 5% to 7%.")
    assert [(f.kind, f.value) for f in found] == [("percent", 5), ("percent", 7)]


def test_a_result_is_a_score_not_a_range() -> None:
    assert [f.kind for f in figures("They won 3-1 and later 6-4 3-6 7-6.")] == ["score"] * 4


@pytest.mark.parametrize(
    ("text", "expression", "low", "high"),
    [
        ("more than 300 people", "more than 300", 301, None),
        ("at least 20 were hurt", "at least 20", 20, None),
        ("up to 50 homes", "up to 50", None, 50),
        ("nearly 100 cars", "nearly 100", None, 99),
    ],
)
def test_a_qualified_count_is_approximate_with_bounds(
    text: str, expression: str, low: int | None, high: int | None
) -> None:
    f = only(text)
    assert (f.kind, f.text, f.low, f.high) == ("approximate", expression, low, high)


def test_a_qualified_amount_keeps_its_kind() -> None:
    f = only("almost 6bn euros")
    assert (f.kind, f.value, f.high) == ("money", 6_000_000_000, 6_000_000_000)


@pytest.mark.parametrize(
    ("text", "expression", "low", "high"),
    [
        ("dozens of people", "dozens", 24, None),
        ("scores of troops", "scores", 40, None),
        ("hundreds were hurt", "hundreds", 200, 999),
        ("tens of thousands marched", "tens of thousands", 20000, 99999),
        ("several hundred homes", "several hundred", 300, 900),
        ("Several armoured carriers", "Several", 3, 9),
        ("a handful of people", "a handful", 2, 6),
    ],
)
def test_vague_amounts_have_a_range_and_no_value(
    text: str, expression: str, low: int, high: int | None
) -> None:
    f = only(text)
    assert (f.kind, f.text, f.value, f.low, f.high) == ("approximate", expression, None, low, high)


def test_scores_as_a_verb_is_not_an_amount() -> None:
    assert figures("He scores freely.") == []


def test_years_decades_and_seasons() -> None:
    found = figures("In 2005, as in the 1960s and the 2013-14 season")
    assert [(f.kind, f.text, f.value, f.low, f.high) for f in found] == [
        ("year", "2005", 2005, None, None),
        ("year", "1960s", 1960, None, None),
        ("year", "2013-14", None, 2013, 2014),
    ]


def test_a_four_digit_count_is_not_a_year() -> None:
    f = only("About 2000 people came.")
    assert (f.kind, f.value) == ("approximate", 2000)


def test_a_clock_time_is_not_a_count() -> None:
    assert [(f.kind, f.text) for f in figures("at 2pm and 14:30 GMT")] == [
        ("time", "2pm"),
        ("time", "14:30 GMT"),
    ]


def test_one_in_five_is_a_fraction() -> None:
    f = only("It found that one in five people agreed.")
    assert (f.kind, f.text, f.value) == ("fraction", "one in five", 0.2)


def test_rank_after_number_is_an_ordinal() -> None:
    f = only("the world number 60 lost")
    assert (f.kind, f.value) == ("ordinal", 60)
