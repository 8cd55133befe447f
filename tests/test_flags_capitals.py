"""The capital check on unseen copy: every form of the claim wherever it stands in a sentence,
countries with small words in their names or an article and a possessive, demonyms several
countries share, and cities under their other names."""

from __future__ import annotations

import pytest

from tui.analysis.flags import find_flags


def capitals(text: str) -> list[str]:
    found = find_flags(
        text, paragraphs=((0, len(text)),), entities=(), figures=(), article_date=None
    )
    return [f.message for f in found if f.rule == "wrong-capital"]


@pytest.mark.parametrize(
    "text",
    [
        "In Canada's capital Toronto the streets were quiet.",
        "Protests spread to the United States's capital, Los Angeles.",
        "Ilidža is Bosnia and Herzegovina's capital.",
        "The capital of the Democratic Republic of the Congo, Lubumbashi, was calm.",
        "Everyone knows that Gomel is Belarus's capital and largest city.",
        "On Monday in Bombay, the Indian capital, it rained.",
    ],
)
def test_a_false_claim_is_caught_in_every_form(text: str) -> None:
    assert len(capitals(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "In Canada's capital Ottawa the streets were quiet.",
        "Protests spread to the United States's capital, Washington.",
        "Sarajevo is Bosnia and Herzegovina's capital.",
        "Crowds filled the Congolese capital, Brazzaville.",
        "Crowds filled the Congolese capital, Kinshasa.",
        "Kiev, the capital of Ukraine, was quiet.",
        "Peking, the capital of China, was quiet.",
    ],
)
def test_a_true_claim_is_never_flagged(text: str) -> None:
    assert capitals(text) == []


def test_the_message_names_the_city_as_written() -> None:
    [message] = capitals("Gomel, the capital of Belarus, was quiet.")
    assert message.startswith("Gomel is not the capital of Belarus")
    assert "Minsk" in message
