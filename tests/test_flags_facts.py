"""Checkable facts: capitals against the dated table, and counts that disagree."""

from datetime import date

import pytest

from tui.analysis.flags import find_flags
from tui.analysis.flags.facts import places
from tui.analysis.model import Entity, Figure


def capitals(text, day=None, entities=()):
    found = find_flags(
        text, paragraphs=((0, len(text)),), entities=entities, figures=(), article_date=day
    )
    return [f for f in found if f.rule == "wrong-capital"]


def country(name, text):
    at = text.find(name)
    return Entity(f"e:{name}", name, "place", (), ((at, at + len(name)),) if at >= 0 else ())


@pytest.mark.parametrize(
    "text",
    [
        "Sydney, the capital of Australia, was quiet.",
        "Protests reached Canada's capital, Toronto, on Monday.",
        "Crowds filled the Australian capital Sydney.",
        "Sydney is Australia's capital.",
    ],
)
def test_a_city_called_a_capital_it_is_not_is_an_error(text):
    [flag] = capitals(text)
    assert flag.severity == "error"
    assert text[slice(*flag.spans[0])] in {"Sydney", "Toronto"}


def test_the_message_names_the_real_capital():
    [flag] = capitals("Sydney, the capital of Australia, was quiet.")
    assert flag.message == "Sydney is not the capital of Australia: today it is Canberra."


@pytest.mark.parametrize(
    "text",
    [
        "Canberra, the capital of Australia, was quiet.",
        "Protests reached Canada's capital, Ottawa, on Monday.",
        "Sydney, the financial capital of Australia, was quiet.",
        "Almaty, Kazakhstan's former capital, was quiet.",
        "Sacramento, the state capital, was quiet.",
        "Edinburgh, the Scottish capital, was quiet.",
    ],
)
def test_true_or_qualified_capitals_are_left_alone(text):
    assert capitals(text) == []


def test_the_article_date_picks_the_capital_of_its_day():
    text = "Nur-Sultan, the capital of Kazakhstan, was cold."
    assert capitals(text, date(2021, 1, 5)) == []
    [flag] = capitals(text, date(2023, 1, 5))
    assert "Astana" in flag.message and "5 January 2023" in flag.message


def test_the_country_of_an_implied_capital_comes_from_the_city_and_the_article():
    text = "Unrest spread across Kazakhstan. Almaty is the country’s capital and largest city."
    [flag] = capitals(text, date(2022, 1, 6), (country("Kazakhstan", text),))
    assert flag.message == (
        "Almaty is not the capital of Kazakhstan: on 6 January 2022 it was Nur-Sultan."
    )
    assert flag.reason.startswith("Dated capitals table:")


def test_an_implied_capital_is_not_checked_when_the_article_names_no_country_of_the_city():
    assert capitals("Almaty is the country’s capital.", date(2022, 1, 6)) == []


def test_a_capital_of_a_part_of_the_country_passes_when_the_country_is_implied():
    text = "Britain voted. In the capital, Edinburgh, turnout was high."
    assert capitals(text, None, (country("Britain", text),)) == []


def test_every_country_has_a_capital_today():
    table = places().capitals
    assert len(table) > 240
    assert all(any(c.holds(None) for c in caps) for caps in table.values())


def test_past_capitals_carry_their_source():
    kazakhstan = places().capitals["KZ"]
    assert [c.name for c in kazakhstan if c.holds(date(2000, 1, 1))] == ["Astana"]
    assert all(c.source for c in kazakhstan)


def counts(text, *figures):
    found = find_flags(
        text, paragraphs=((0, len(text)),), entities=(), figures=figures, article_date=None
    )
    return [f for f in found if f.rule == "contradicting-figures"]


def test_two_exact_counts_of_the_same_thing_that_differ_are_flagged():
    text = "Twelve officers were killed. Police said 15 officers were killed."
    [flag] = counts(
        text,
        Figure("a", "Twelve", "count", 12, span=(0, 6), counts="officers ... killed"),
        Figure("b", "15", "count", 15, span=(41, 43), counts="officers ... killed"),
    )
    assert flag.spans == ((0, 6), (41, 43))


def test_a_count_that_rose_is_no_contradiction():
    text = "Twelve officers were killed. The toll rose to 15 officers killed."
    assert (
        counts(
            text,
            Figure("a", "Twelve", "count", 12, span=(0, 6), counts="officers ... killed"),
            Figure("b", "15", "count", 15, span=(46, 48), counts="officers ... killed"),
        )
        == []
    )
