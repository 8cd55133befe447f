"""Word wrapping of article paragraphs into visual lines, as offsets, fast enough for megabytes.

A line is a ``(start, end)`` pair into the article text. Narrow text (one cell a character, which
covers Latin, Greek and Cyrillic prose) wraps with one regular-expression match a line; text with
wide or zero-width characters falls back to measuring words in cells.

A layout can stop after its first screens (``first_lines``) and ``finish`` later: a 5 MB text
takes a tenth of a second to wrap, which the first frame need not wait for.
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
from ..safe_text import visible

_WORD = re.compile(r"\s*\S+\s*")
_MAX = sys.maxsize
# Printable Latin, Greek and Cyrillic, general punctuation and currency signs: one cell each.
# Text made only of these needs no character-by-character measuring.
_COMMON_NARROW = re.compile(
    "[^\n\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]"
)


@lru_cache(maxsize=16)
def _line_pattern(width: int) -> re.Pattern[str]:
    # Up to `width` characters ending before a space (or the end), else a hard cut of a long word.
    return re.compile(rf"[^\n]{{1,{width}}}(?=\s|$)[^\S\n]*|[^\n]{{{width}}}[^\S\n]*")


class Layout:
    """Visual lines of a document at one width: blank lines separate paragraphs."""

    __slots__ = (
        "_narrow",
        "_paragraphs",
        "_resume",
        "_text",
        "ends",
        "paragraph_first_line",
        "starts",
        "width",
    )

    def __init__(
        self, text: str, paragraphs: Sequence[Span], width: int, first_lines: int | None = None
    ) -> None:
        self.width = max(width, 8)
        self.starts = array("q")
        self.ends = array("q")
        self.paragraph_first_line = array("q")
        self._text, self._paragraphs = text, paragraphs
        self._narrow = _is_narrow(text)
        self._resume: tuple[int, int, int] | None = (0, -1, -1)
        self._wrap(first_lines)

    @property
    def complete(self) -> bool:
        return self._resume is None

    def finish(self) -> None:
        """Wrap what the first lines left."""
        self._wrap(None)

    def _wrap(self, lines: int | None) -> None:
        if self._resume is None:
            return
        if self._narrow:
            self._wrap_narrow(lines)
            return
        starts, ends = self.starts, self.ends
        for index in range(self._resume[1] + 1, len(self._paragraphs)):
            if lines is not None and len(starts) >= lines:
                self._resume = (0, index - 1, -1)
                return
            if index:
                starts.append(-1)
                ends.append(-1)
            self.paragraph_first_line.append(len(starts))
            start, end = self._paragraphs[index]
            for a, b in wrap_paragraph(self._text, start, end, self.width):
                starts.append(a)
                ends.append(b)
        self._resume = None

    def _wrap_narrow(self, lines: int | None) -> None:
        """One regular-expression pass over the whole text (lines never cross a newline),
        each line filed under the paragraph it falls in: no Python call per paragraph.

        Given ``lines``, it stops at the first paragraph past them that starts a line of the
        text, where a pass from the top has a match boundary too; ``_resume`` keeps where."""
        assert self._resume is not None
        text, paragraphs = self._text, self._paragraphs
        starts, ends, firsts = self.starts, self.ends, self.paragraph_first_line
        position, index, end = self._resume
        count = len(paragraphs)
        for match in _line_pattern(self.width).finditer(text, position):
            at = match.start()
            if at >= end:  # the next paragraph holding this line, skipping blank lines
                if (
                    lines is not None
                    and len(starts) >= lines
                    and index + 1 < count
                    and text[paragraphs[index + 1][0] - 1] == "\n"
                ):
                    self._resume = (paragraphs[index + 1][0], index, end)
                    return
                while index + 1 < count and paragraphs[index + 1][1] <= at:
                    index += 1
                    _empty_paragraph(starts, ends, firsts, paragraphs[index][0], index)
                if index + 1 >= count or paragraphs[index + 1][0] > at:
                    continue
                index += 1
                end = paragraphs[index][1]
                if index:
                    starts.append(-1)
                    ends.append(-1)
                firsts.append(len(starts))
            starts.append(at)
            ends.append(min(match.end(), end))
        while index + 1 < count:
            index += 1
            _empty_paragraph(starts, ends, firsts, paragraphs[index][0], index)
        self._resume = None

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
        if index >= len(self.paragraph_first_line):  # not wrapped yet: the last line so far
            return max(len(self.starts) - 1, 0)
        first = self.paragraph_first_line[index]
        last = (
            self.paragraph_first_line[index + 1] - 1
            if index + 1 < len(self.paragraph_first_line)
            else len(self.starts)
        )
        # Lines of one paragraph have increasing starts: search them, not the whole document.
        y = bisect_right(self.starts, offset, first, last) - 1
        return max(y, first)


def _is_narrow(text: str) -> bool:
    """Every character shows one cell wide (as ``visible`` draws it): wrap by characters."""
    if text.isascii():
        return True
    return all(cell_len(visible(char)) == 1 for char in set(_COMMON_NARROW.findall(text)))


def _empty_paragraph(starts: array, ends: array, firsts: array, at: int, index: int) -> None:
    """A paragraph with no text (an empty span) still takes a line."""
    if index:
        starts.append(-1)
        ends.append(-1)
    firsts.append(len(starts))
    starts.append(at)
    ends.append(at)


def wrap_paragraph(text: str, start: int, end: int, width: int) -> list[Span]:
    """Greedy word wrap of ``text[start:end]`` into spans of at most ``width`` cells."""
    if start >= end:
        return [(start, start)]
    chunk = text[start:end]
    if _is_narrow(chunk):
        lines = [(start + m.start(), start + m.end()) for m in _line_pattern(width).finditer(chunk)]
        return lines or [(start, end)]
    return _wrap_by_cells(chunk, start, width)


def _wrap_by_cells(chunk: str, base: int, width: int) -> list[Span]:
    lines: list[Span] = []
    line_start = used = 0
    for match in _WORD.finditer(chunk):
        pos, word_end = match.start(), match.start() + len(match.group().rstrip())
        if used and used + cell_len(visible(chunk[pos:word_end])) > width:
            lines.append((base + line_start, base + pos))
            line_start, used = pos, 0
        while cell_len(visible(chunk[pos:word_end])) > width:  # a word wider than a line is cut
            cut = _cut_at_cells(chunk[pos:word_end], width)
            lines.append((base + pos, base + pos + cut))
            pos = line_start = pos + cut
        used += cell_len(visible(chunk[pos : match.end()]))
    lines.append((base + line_start, base + len(chunk)))
    return lines


def _cut_at_cells(word: str, width: int) -> int:
    used = 0
    for index, char in enumerate(word):
        used += cell_len(visible(char))
        if used > width:
            return max(index, 1)
    return len(word)
