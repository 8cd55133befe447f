"""Wrapping paragraphs into lines of offsets."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.widgets.wrap import Layout, wrap_paragraph


def _lines(text: str, width: int) -> list[str]:
    return [text[a:b].rstrip() for a, b in wrap_paragraph(text, 0, len(text), width)]


def test_words_wrap_at_spaces():
    assert _lines("the quick brown fox jumps", 10) == ["the quick", "brown fox", "jumps"]


def test_long_word_is_cut():
    assert _lines("abcdefghijkl", 5) == ["abcde", "fghij", "kl"]


def test_wide_characters_count_two_cells():
    lines = _lines("中文中文中文 中文", 6)
    assert all(cell_len(line) <= 6 for line in lines)
    assert "".join(lines).replace(" ", "") == "中文中文中文中文"


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=300),
    st.integers(min_value=8, max_value=60),
)
def test_wrapping_covers_the_paragraph_in_order_within_the_width(text: str, width: int):
    text = text.replace("\n", " ")
    spans = wrap_paragraph(text, 0, len(text), width)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (a, b), (c, _) in itertools.pairwise(spans):
        assert a <= b == c
    assert all(cell_len(text[a:b].rstrip()) <= width for a, b in spans)


def test_layout_separates_paragraphs_and_finds_offsets():
    text = "first paragraph here\nsecond one"
    layout = Layout(text, [(0, 20), (21, 31)], 10)
    assert [layout.line(y) for y in range(len(layout))] == [
        (0, 6),
        (6, 16),
        (16, 20),
        None,
        (21, 31),
    ]
    assert layout.line_of(17, [(0, 20), (21, 31)]) == 2
    assert layout.line_of(29, [(0, 20), (21, 31)]) == 4


@given(
    st.lists(st.text(alphabet=st.sampled_from("ab  é\t"), max_size=40), max_size=12),
    st.integers(min_value=8, max_value=30),
)
def test_whole_text_layout_matches_wrapping_paragraph_by_paragraph(lines: list[str], width: int):
    text = "\n".join(lines)
    paragraphs, pos = [], 0
    for line in lines:
        if line.strip():
            paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    expected: list = []
    for index, (a, b) in enumerate(paragraphs):
        expected += ([None] if index else []) + wrap_paragraph(text, a, b, width)
    layout = Layout(text, paragraphs, width)
    assert [layout.line(y) for y in range(len(layout))] == expected


@given(
    st.lists(st.text(alphabet=st.sampled_from("ab  é\t中"), max_size=40), max_size=14),
    st.integers(min_value=8, max_value=30),
    st.integers(min_value=0, max_value=12),
    st.booleans(),
)
def test_a_layout_finished_later_matches_one_made_whole(
    lines: list[str], width: int, first_lines: int, spaces_between: bool
):
    """Stopping after the first lines and finishing later gives the same lines, and meanwhile
    every offset maps to a line that exists."""
    text = ("\n \n" if spaces_between else "\n").join(lines)
    paragraphs = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            paragraphs.append(match.span())
    whole = Layout(text, paragraphs, width)
    partial = Layout(text, paragraphs, width, first_lines=first_lines)
    assert all(
        0 <= partial.line_of(offset, paragraphs) < max(len(partial), 1)
        for offset in range(len(text) + 1)
    )
    partial.finish()
    assert partial.complete
    assert [partial.line(y) for y in range(len(partial))] == [
        whole.line(y) for y in range(len(whole))
    ]
    assert list(partial.paragraph_first_line) == list(whole.paragraph_first_line)


def test_a_long_text_stops_after_its_first_lines():
    text = "\n".join(f"paragraph {n} " + "word " * 30 for n in range(100))
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", text)]
    layout = Layout(text, paragraphs, 40, first_lines=20)
    assert not layout.complete and 20 <= len(layout) < 40
    layout.finish()
    assert layout.complete and len(layout) > 400
