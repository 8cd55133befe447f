"""Word wrapping of article paragraphs into visual lines, as offsets, fast enough for megabytes.

A line is a ``(start, end)`` pair into the article text. Narrow text (one cell a character, which
covers Latin, Greek and Cyrillic prose) wraps with one regular-expression match a line; text with
wide or zero-width characters falls back to measuring words in cells.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from rich.cells import cell_len

from ..analysis.model import Span

_NOT_NARROW = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0e31-\u0e3a"
    "\u1100-\u115f\u200b-\u200f\u20d0-\u20ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
    "\ufe00-\ufe0f\ufe20-\ufe6f\uff00-\uff60\uffe0-\uffe6\U0001f000-\U0001faff"
    "\U00020000-\U0003fffd]"
)
_WORD = re.compile(r"\S+\s*")
_MAX = sys.maxsize


@lru_cache(maxsize=16)
def _line_pattern(width: int) -> re.Pattern[str]:
    # Up to `width` characters ending before a space (or the end), else a hard cut of a long word.
    return re.compile(rf"[^\n]{{1,{width}}}(?=\s|$)\s*|[^\n]{{{width}}}\s*")


class Layout:
    """Visual lines of a document at one width: blank lines separate paragraphs."""

    __slots__ = ("ends", "paragraph_first_line", "starts", "width")

    def __init__(self, text: str, paragraphs: Sequence[Span], width: int) -> None:
        self.width = max(width, 8)
        self.starts = array("q")
        self.ends = array("q")
        self.paragraph_first_line = array("q")
        for index, (start, end) in enumerate(paragraphs):
            if index:
                self.starts.append(-1)
                self.ends.append(-1)
            self.paragraph_first_line.append(len(self.starts))
            for a, b in wrap_paragraph(text, start, end, self.width):
                self.starts.append(a)
                self.ends.append(b)

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, y: int) -> Span | None:
        """The text span of line ``y``, or None for a blank separator line."""
        start = self.starts[y]
        return None if start < 0 else (start, self.ends[y])

    def line_of(self, offset: int, paragraphs: Sequence[Span]) -> int:
        """The visual line holding text ``offset`` (a line of its paragraph if it falls between)."""
        if not paragraphs:
            return 0
        index = max(bisect_right(paragraphs, (offset, _MAX)) - 1, 0)
        first = self.paragraph_first_line[index]
        last = (
            self.paragraph_first_line[index + 1] - 1
            if index + 1 < len(self.paragraph_first_line)
            else len(self.starts)
        )
        # Lines of one paragraph have increasing starts: search them, not the whole document.
        y = bisect_right(self.starts, offset, first, last) - 1
        return max(y, first)


def wrap_paragraph(text: str, start: int, end: int, width: int) -> list[Span]:
    """Greedy word wrap of ``text[start:end]`` into spans of at most ``width`` cells."""
    if start >= end:
        return [(start, start)]
    chunk = text[start:end]
    if chunk.isascii() or (_NOT_NARROW.search(chunk) is None and cell_len(chunk) == len(chunk)):
        lines = [(start + m.start(), start + m.end()) for m in _line_pattern(width).finditer(chunk)]
        return lines or [(start, end)]
    return _wrap_by_cells(chunk, start, width)


def _wrap_by_cells(chunk: str, base: int, width: int) -> list[Span]:
    lines: list[Span] = []
    line_start = used = 0
    for match in _WORD.finditer(chunk):
        pos, word_end = match.start(), match.start() + len(match.group().rstrip())
        if used and used + cell_len(chunk[pos:word_end]) > width:
            lines.append((base + line_start, base + pos))
            line_start, used = pos, 0
        while cell_len(chunk[pos:word_end]) > width:  # a word wider than a line is cut
            cut = _cut_at_cells(chunk[pos:word_end], width)
            lines.append((base + pos, base + pos + cut))
            pos = line_start = pos + cut
        used += cell_len(chunk[pos : match.end()])
    lines.append((base + line_start, base + len(chunk)))
    return lines


def _cut_at_cells(word: str, width: int) -> int:
    used = 0
    for index, char in enumerate(word):
        used += cell_len(char)
        if used > width:
            return max(index, 1)
    return len(word)
