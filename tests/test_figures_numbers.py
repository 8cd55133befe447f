"""Numbers as written, in words and in digits, before any meaning is given to them."""

from __future__ import annotations

import pytest

from tui.analysis.figures.numbers import find_digit_numbers, find_word_numbers


def words(text: str) -> list[tuple[str, float | int, str]]:
    return [(text[n.start : n.end], n.value, n.form) for n in find_word_numbers(text)]


def digits(text: str) -> list[tuple[str, float | int]]:
    return [(text[n.start : n.end], n.value) for n in find_digit_numbers(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Three hundred and fifty-three", 353),
        ("twelve", 12),
        ("two thousand and nineteen", 2019),
        ("twenty six million and seventy two hundred", 26007200),
        ("nineteen hundred seventy-three", 1973),
        ("two and a half million", 2500000),
        ("a hundred and two", 102),
        ("a dozen", 12),
        ("two point three", 2.3),
        ("minus ten", -10),
        ("seventy-five thousands", 75000),
    ],
)
def test_a_cardinal_in_words_is_read_whole(text: str, value: float) -> None:
    assert words(text) == [(text, value, "cardinal")]


def test_a_million_and_a_half_is_one_and_a_half_million() -> None:
    assert words("a million and a half")[0][1] == 1_500_000


def test_a_run_splits_where_the_grammar_cannot_go_on() -> None:
    assert [v for _, v, _ in words("hundred and five hundred and six")] == [105, 106]
    assert [v for _, v, _ in words("twenty thirty fifty hundred")] == [20, 30, 5000]
    assert [v for _, v, _ in words("one, two and three")] == [1, 2, 3]


def test_ordinals_and_fractions_have_their_own_form() -> None:
    assert words("the twenty-first time") == [("twenty-first", 21, "ordinal")]
    assert words("two thirds of voters") == [("two thirds", pytest.approx(2 / 3), "fraction")]
    assert words("A third of them") == [("A third", pytest.approx(1 / 3), "fraction")]


def test_an_ordinal_after_a_is_not_a_fraction_without_of() -> None:
    assert words("a third term") == [("third", 3, "ordinal")]


def test_words_inside_other_words_are_not_numbers() -> None:
    assert words("someone often attends the tone of money") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234 people", [("1,234", 1234)]),
        ("3.5 points", [("3.5", 3.5)]),
        ("a 2½ inch gap", [("2½", 2.5)]),
        ("5.5x10-3 kg", [("5.5x10-3", 0.0055)]),
        ("4e14 Hz", [("4e14", 4 * 10**14)]),
        ("temperatures of -10", [("-10", -10)]),
    ],
)
def test_digits_are_read_with_separators_fractions_and_exponents(
    text: str, expected: list[tuple[str, float]]
) -> None:
    assert digits(text) == expected


def test_digits_inside_words_entities_and_decimals_are_not_numbers() -> None:
    assert digits("cluster J1149 and &#163; and x.5") == []


def test_a_hyphen_between_numbers_is_not_a_minus() -> None:
    assert digits("2013-14") == [("2013", 2013), ("14", 14)]


@pytest.mark.parametrize(
    "text",
    [
        "The value was 1e400 units.",
        "It was 2x10^999 metres.",
        "9" * 5000 + " people",
        "1," + "000," * 1500 + "000 dollars",
        "£" + "9" * 400 + ".5bn",
        "7x99999^99 grams",
    ],
)
def test_numbers_no_float_can_hold_are_no_figures_and_no_crash(text: str) -> None:
    from tui.analysis import Source, analyze
    from tui.analysis.serialize import to_dict

    assert find_digit_numbers(text) == []
    result = to_dict(analyze(Source(text=text)))
    assert all(f["value"] is None or abs(f["value"]) < 1e200 for f in result["figures"])


def test_big_but_real_numbers_still_read() -> None:
    assert [n.value for n in find_digit_numbers("3x12^2 and 2.5e6 and 1e100")] == [
        432,
        2_500_000,
        1e100,
    ]
