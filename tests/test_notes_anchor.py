"""Anchoring: a note finds its words in a changed article, or becomes an orphan; never wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.analysis import analyze
from tui.analysis.entities import Correction
from tui.analysis.offsets import OffsetMap
from tui.notes import Note, anchor_notes, make_anchor, place
from tui.notes.anchor import CONTEXT
from tui.source import load

ARTICLE = (
    "The harbour at Dover was closed on Monday after a storm damaged two piers.\n"
    "Ferries to Calais were cancelled and about 3,000 passengers waited overnight.\n"
    "The port authority said repairs would take a week.\n"
)
QUOTE = "about 3,000 passengers waited overnight"


def span_of(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def test_an_unchanged_text_places_the_note_where_it_was():
    anchor = make_anchor(ARTICLE, *span_of(ARTICLE, QUOTE))
    assert place(anchor, ARTICLE) == span_of(ARTICLE, QUOTE)


def test_an_anchor_keeps_the_quote_and_32_characters_either_side():
    start, end = span_of(ARTICLE, QUOTE)
    anchor = make_anchor(ARTICLE, start, end)
    assert anchor.exact == QUOTE
    assert anchor.prefix == ARTICLE[start - CONTEXT : start]
    assert anchor.suffix == ARTICLE[end : end + CONTEXT]


def test_an_anchor_records_the_span_in_the_original_through_the_offset_map():
    offsets = OffsetMap([(0, 0, True), (10, 14, True)], 30, 34)
    anchor = make_anchor("x" * 30, 12, 20, offsets)
    assert anchor.original == (16, 24)


def test_a_paragraph_inserted_above_moves_the_note_with_its_quote():
    anchor = make_anchor(ARTICLE, *span_of(ARTICLE, QUOTE))
    changed = "A new first paragraph about something else entirely.\n" + ARTICLE
    assert place(anchor, changed) == span_of(changed, QUOTE)


def test_words_changed_elsewhere_do_not_move_the_note():
    anchor = make_anchor(ARTICLE, *span_of(ARTICLE, QUOTE))
    changed = ARTICLE.replace("Monday", "Tuesday").replace("a week", "ten days")
    assert place(anchor, changed) == span_of(changed, QUOTE)


def test_a_quote_with_a_word_changed_lands_on_the_changed_words():
    anchor = make_anchor(ARTICLE, *span_of(ARTICLE, QUOTE))
    changed = ARTICLE.replace("waited overnight", "waited all night")
    assert place(anchor, changed) == span_of(changed, "about 3,000 passengers waited all night")


def test_a_deleted_quote_makes_an_orphan():
    anchor = make_anchor(ARTICLE, *span_of(ARTICLE, QUOTE))
    changed = ARTICLE.replace(QUOTE, "")
    assert place(anchor, changed) is None


def test_a_rewritten_sentence_makes_an_orphan():
    sentence = "Ferries to Calais were cancelled and about 3,000 passengers waited overnight."
    anchor = make_anchor(ARTICLE, *span_of(ARTICLE, sentence))
    changed = ARTICLE.replace(sentence, "Rail services were unaffected, a spokesman said.")
    assert place(anchor, changed) is None


def test_a_repeated_quote_is_told_apart_by_its_context():
    text = "Police said the crowd was calm. Later, witnesses said the crowd was calm again."
    second = text.index("the crowd was calm", 20)
    anchor = make_anchor(text, second, second + len("the crowd was calm"))
    changed = "Updated. " + text
    assert place(anchor, changed) == (second + 9, second + 9 + len("the crowd was calm"))


def test_a_deleted_quote_never_lands_on_the_same_words_elsewhere():
    text = "Police said the crowd was calm. Later, witnesses said the crowd was calm again."
    second = text.index("the crowd was calm", 20)
    anchor = make_anchor(text, second, second + len("the crowd was calm"))
    changed = text.replace("Later, witnesses said the crowd was calm again.", "Then it rained.")
    assert place(anchor, changed) is None


def test_a_quote_at_the_very_start_survives_a_change_at_the_end():
    anchor = make_anchor(ARTICLE, 0, 10)
    assert place(anchor, ARTICLE + "An update.\n") == (0, 10)


def test_notes_are_returned_in_the_order_given_with_their_spans():
    later = Note("note", make_anchor(ARTICLE, *span_of(ARTICLE, "repairs")))
    earlier = Note("highlight", make_anchor(ARTICLE, *span_of(ARTICLE, "storm")))
    placed = anchor_notes([later, earlier], "Update.\n" + ARTICLE)
    assert [p.note for p in placed] == [later, earlier]
    assert [p.span for p in placed] == [
        span_of("Update.\n" + ARTICLE, "repairs"),
        span_of("Update.\n" + ARTICLE, "storm"),
    ]


def test_a_correction_without_an_anchor_has_no_span():
    fix = Note("correction", None, correction=Correction("rename", "Dover", "Dover Port"))
    assert anchor_notes([fix], ARTICLE)[0].span is None


def test_a_thousand_notes_on_a_megabyte_search_the_whole_text_once(monkeypatch):
    """Each note is looked for where the one before it moved to, so a change at the top costs
    one search of the whole text, not one a note (its speed: bench/notes_scenario.py)."""
    import tui.notes.anchor as anchoring

    words = [f"w{i}x" for i in range(160_000)]
    text = " ".join(words)[:1_000_000]
    notes = [Note("note", make_anchor(text, s, s + 40)) for s in range(500, 990_000, 990)][:1000]
    changed = "A paragraph added at the top.\n" + text.replace("w5000x", "W5000X")
    searches = []
    whole_text_search = anchoring._occurrences
    monkeypatch.setattr(
        anchoring, "_occurrences", lambda *a, **k: searches.append(1) or whole_text_search(*a, **k)
    )
    placed = anchor_notes(notes, changed)
    assert sum(p.span is not None for p in placed) >= 990
    assert len(searches) <= 5, len(searches)


# Property tests. The article is made of distinct words, so a passage and its context occur
# once; edits insert words of another alphabet or delete characters anywhere. The quote's true
# place is tracked through the edits, and the note must land there or be an orphan.

_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def _word(i: int) -> str:
    return _SYLLABLES[i % 70] + _SYLLABLES[(i // 70) % 70] + str(i)


def _article(n: int) -> str:
    parts = []
    for i in range(n):
        parts.append(_word(i))
        parts.append(".\n" if i % 23 == 22 else ". " if i % 7 == 6 else " ")
    return "".join(parts)


_edits = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete"]),
        st.integers(-80, 160),  # offset from the quote's start: around and inside it
        st.integers(1, 60),  # characters deleted, or words inserted
        st.booleans(),  # anywhere in the text instead
        st.integers(0, 10**6),
    ),
    max_size=5,
)


def _apply(text: str, span: tuple[int, int], edits) -> tuple[str, tuple[int, int], bool]:
    """The edited text, where the quote now stands, and whether the quote or its context was
    touched."""
    start, end = span
    touched = False
    for op, offset, size, anywhere, seed in edits:
        at = seed % (len(text) + 1) if anywhere else min(max(start + offset, 0), len(text))
        if op == "insert":
            inserted = " ".join(f"QZ{seed % 997}Y{k}" for k in range(1 + size // 10)) + " "
            text = text[:at] + inserted + text[at:]
            touched |= start - CONTEXT <= at <= end + CONTEXT
            if at <= start:
                start, end = start + len(inserted), end + len(inserted)
            elif at < end:
                end += len(inserted)
        else:
            stop = min(at + size, len(text))
            text = text[:at] + text[stop:]
            touched |= at < end + CONTEXT and stop > start - CONTEXT
            start -= max(0, min(stop, start) - at)
            end -= max(0, min(stop, end) - at)
    return text, (start, end), touched


def test_a_quote_left_whole_by_an_edit_beside_it_is_placed_whole():
    """Deleting the letter after a quote ending "feba1" in "feba11" leaves the quote whole; the
    same text reads as the quote's last letter deleted, but the unchanged reading wins."""
    base = _article(20)
    start = base.index("faba10")
    anchor = make_anchor(base, start, start + len("faba10 feba1"))
    text = base.replace("feba11", "feba1")
    assert place(anchor, text) == (start, start + len("faba10 feba1"))


@settings(max_examples=600, deadline=None)
@given(
    n=st.integers(20, 120),
    where=st.floats(0, 1),
    length=st.integers(1, 90),
    edits=_edits,
)
def test_a_note_lands_on_its_quote_or_becomes_an_orphan_never_elsewhere(n, where, length, edits):
    base = _article(n)
    start = int(where * (len(base) - 1))
    end = min(start + length, len(base))
    anchor = make_anchor(base, start, end)
    text, (now_start, now_end), touched = _apply(base, (start, end), edits)
    span = place(anchor, text)
    if text[now_start:now_end] == anchor.exact:
        assert span in (None, (now_start, now_end))
    elif span is not None:
        assert now_start < now_end, "the quote is gone, yet the note was placed"
        assert span[0] < now_end and span[1] > now_start, "placed away from its quote"
    if not touched:
        assert span == (now_start, now_end), "an untouched quote was not found"


@settings(max_examples=200, deadline=None)
@given(n=st.integers(5, 80), where=st.floats(0, 1), length=st.integers(1, 90))
def test_every_note_is_found_where_it_was_in_the_same_text(n, where, length):
    base = _article(n)
    start = int(where * (len(base) - 1))
    end = min(start + length, len(base))
    assert place(make_anchor(base, start, end), base) == (start, end)


_SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "kazakhstan-unrest-2022-scraped.txt"


@pytest.fixture(scope="module")
def sample_text() -> str:
    return analyze(load(str(_SAMPLE))).text


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(where=st.floats(0, 1), length=st.integers(1, 120), edits=_edits)
def test_in_a_real_article_a_note_never_lands_on_other_words(sample_text, where, length, edits):
    start = int(where * (len(sample_text) - 1))
    end = min(start + length, len(sample_text))
    anchor = make_anchor(sample_text, start, end)
    text, (now_start, now_end), _ = _apply(sample_text, (start, end), edits)
    span = place(anchor, text)
    if span is not None and not (span[0] < now_end and span[1] > now_start):
        assert text[span[0] : span[1]] == anchor.exact, "placed on other words"


def test_a_one_letter_quote_whose_letter_was_deleted_is_an_orphan():
    base = _article(20)
    anchor = make_anchor(base, 0, 1)
    text, (start, end), _ = _apply(
        base, (0, 1), [("insert", 3, 1, False, 0), ("delete", 0, 2, False, 0)]
    )
    assert start == end  # the quote is gone
    assert place(anchor, text) is None
