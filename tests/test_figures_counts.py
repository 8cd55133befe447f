"""What a count measures and who says so."""

from __future__ import annotations

from tui.analysis.figures import find_figures

SENTENCE = (
    "Three hundred and fifty-three police and security forces employees were injured, and twelve "
    "were murdered, according to Almaty city authorities on Thursday."
)


def test_a_count_measures_the_words_after_it_and_what_happened_to_them() -> None:
    first = find_figures(SENTENCE).figures[0]
    assert first.counts == "police and security forces employees ... injured"


def test_a_bare_count_borrows_the_noun_of_the_count_before_it() -> None:
    twelve = find_figures(SENTENCE).figures[1]
    assert twelve.text == "twelve"
    assert twelve.counts == "police and security forces employees ... murdered"


def test_according_to_names_the_source_without_the_words_after_it() -> None:
    sources = {f.source for f in find_figures(SENTENCE).figures if f.kind == "count"}
    assert sources == {"according to Almaty city authorities"}


def test_a_vague_amount_measures_what_follows_of() -> None:
    (f,) = find_figures("Dozens of people were killed in the attacks.").figures
    assert f.counts == "people ... killed"


def test_a_said_clause_names_the_source() -> None:
    (f,) = find_figures("About 3,000 passengers waited overnight, the port authority said.").figures
    assert f.source == "the port authority said"


def test_a_pronoun_is_not_a_source() -> None:
    (f,) = find_figures("About 3,000 passengers waited, he said.").figures
    assert f.source is None


def test_counts_stop_before_the_next_amount() -> None:
    found = find_figures("Several armoured carriers and scores of troops on foot came.").figures
    assert [f.counts for f in found] == ["armoured carriers", "troops"]


def test_a_date_has_no_counts() -> None:
    (f,) = find_figures("on 5 January 2022 people died").figures
    assert f.counts is None
