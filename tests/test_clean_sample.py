"""The bundled sample: what cleaning must do to a real scraped article full of defects."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.analysis.clean import clean

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "kazakhstan-unrest-2022-scraped.txt"


@pytest.fixture(scope="module")
def source() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaned(source):
    return clean(source)


def rules(cleaned):
    return sorted(f.rule for f in cleaned.flags)


def test_debris_and_boilerplate_are_gone(cleaned):
    assert "br>" not in cleaned.text
    assert "More information can be found here" not in cleaned.text


def test_repeated_paragraph_stays_once(cleaned):
    assert cleaned.text.count("The National Bank of Kazakhstan has stopped") == 1


def test_captions_and_the_credit_leave_the_body_as_edits(cleaned, source):
    assert "A burning automobile" not in cleaned.text and "Getty Images" not in cleaned.text
    kinds = [e.kind for e in cleaned.edits if "burning automobile" in e.text or "TASS" in e.text]
    assert kinds == ["caption", "caption", "credit"]


def test_the_broken_fragment_stays_and_is_flagged(cleaned):
    (flag,) = [f for f in cleaned.flags if f.rule == "truncated-text"]
    assert cleaned.text[slice(*flag.spans[0])] == "atch"


def test_the_missing_full_stop_after_reuters_is_flagged(cleaned):
    (flag,) = [f for f in cleaned.flags if f.rule == "missing-end-punctuation"]
    assert cleaned.text[slice(*flag.spans[0])] == "news agency Reuters"


def test_the_restatement_pair_is_linked_by_one_flag(cleaned):
    (flag,) = [f for f in cleaned.flags if f.rule == "possible-restatement"]
    first, second = (cleaned.text[a:b] for a, b in flag.spans)
    assert first.startswith("The claims of violent skirmishes")
    assert second.startswith("On Wednesday, there had been reports")


def test_flags_raised_are_exactly_these(cleaned):
    assert rules(cleaned) == [
        "duplicate-paragraph",
        "markup-debris",
        "missing-end-punctuation",
        "possible-restatement",
        "truncated-text",
    ]


def test_every_edit_quotes_the_source(cleaned, source):
    assert all(source[a:b] == e.text for e in cleaned.edits for a, b in [e.original])
