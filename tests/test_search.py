"""Finding a query in the article: smart case, offsets into the text as it stands."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tui.search import edited, find_all
from tui.spanindex import SpanIndex


def test_a_lower_case_query_ignores_case():
    assert find_all("Said the man; SAID again, said.", "said") == [(0, 4), (14, 18), (26, 30)]


def test_a_query_with_capitals_matches_case():
    assert find_all("Said the man; SAID again, said.", "Said") == [(0, 4)]


def test_letters_that_lower_to_two_characters_keep_offsets_right():
    text = "İstanbul, then istanbul"
    assert find_all(text, "istanbul") == [(0, 8), (15, 23)]


def test_hits_stop_at_the_limit():
    assert len(find_all("a" * 50, "a", limit=7)) == 7


@given(st.text(alphabet="aAbBßẞİ ", max_size=60), st.text(alphabet="abß", min_size=1, max_size=3))
def test_lower_case_search_finds_what_an_ignore_case_search_finds(text: str, query: str):
    expected = [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]
    assert find_all(text, query) == expected


@given(
    st.text(alphabet="ab ", max_size=80),
    st.text(alphabet="ab", min_size=1, max_size=2),
    st.integers(min_value=0, max_value=80),
    st.integers(min_value=0, max_value=10),
)
def test_hits_index_as_any_spans_do(text: str, query: str, start: int, length: int):
    hits = find_all(text, query)
    fast, general = SpanIndex.apart(hits), SpanIndex((hit, None) for hit in hits)
    assert len(fast) == len(general)
    assert fast.touching(start, start + length) == general.touching(start, start + length)
    assert fast.after(start) == general.after(start)
    assert fast.before(start) == general.before(start)


def test_the_prompt_edits_as_in_less():
    assert edited("Alm", "a", "a") == "Alma"
    assert edited("Alma", "backspace", None) == "Alm"
    assert edited("the Almaty  ", "ctrl+w", None) == "the "
    assert edited("the Almaty", "ctrl+u", None) == ""
    assert edited("x", "space", " ") == "x "


def test_keys_that_edit_nothing_are_left_to_the_app():
    assert edited("Alma", "tab", "\t") is None
    assert edited("Alma", "down", None) is None
    assert edited("Alma", "ctrl+p", "\x10") is None
