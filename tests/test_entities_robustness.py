"""Odd input never breaks the entity stage, and its promises hold on any text."""

import random

import pytest

from tui.analysis.entities import find_entities

VOCABULARY = """
the The of and for in May Mr Prime Minister President Kazakh Russian Almaty ALMATY KAZAKHSTAN
Bank National Tokayev Kassym-Jomart al-Assad van der Berg U.S. J. & Inc Co. Wednesday 23 2022
( ) , . ; : “ ” ’s 's - — CSTO Collective Security Treaty Organization police Police said It's
We're A I Cup House Council Ltd of the MPs Anti-social Moscow-based
"""
WORDS = VOCABULARY.split()


def random_texts(n: int) -> list[str]:
    rng = random.Random(20220105)
    texts = []
    for _ in range(n):
        words = rng.choices(WORDS, k=rng.randint(1, 40))
        texts.append("".join(w + rng.choice([" ", " ", " ", "\n", ""]) for w in words))
    return texts


@pytest.mark.parametrize("text", ["", " ", "\n\n", "A", "I", "Mr", "THE END", "’s", "-X"])
def test_degenerate_text_gives_no_error(text):
    find_entities(text)


@pytest.mark.parametrize("text", random_texts(300))
def test_every_promise_holds_on_jumbled_text(text):
    entities = find_entities(text)
    for e in entities:
        forms = {e.name.lower(), *(a.lower() for a in e.aliases)}
        assert all(0 <= a < b <= len(text) for a, b in e.mentions + e.demonym_mentions)
        assert all(text[a:b].lower() in forms for a, b in e.mentions)
        assert list(e.mentions) == sorted(e.mentions)
        assert e.mentions or e.demonym_mentions
        assert e.kind in ("person", "organization", "place", "other")
    assert len({e.id for e in entities}) == len(entities)
    firsts = [min(e.mentions + e.demonym_mentions) for e in entities]
    assert firsts == sorted(firsts)


def test_a_long_run_of_capitalised_words_costs_work_in_proportion_to_its_length(monkeypatch):
    """A list of names with no stop between them is one run of thousands of capitalised words;
    looking up every way to cut it in two once cost time and memory in its square."""
    from tui.analysis.entities import edges

    looked_up = []
    real = edges.lookup

    def counting(tokens, text, gaz):
        looked_up.append(len(tokens))
        return real(tokens, text, gaz)

    monkeypatch.setattr(edges, "lookup", counting)
    text = " ".join(f"Alpha{i} Beta" for i in range(3000))
    assert find_entities(text, paragraphs=[(0, len(text))])
    assert sum(looked_up) < 50 * 6000
