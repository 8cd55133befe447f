"""Map positions in the cleaned text back to the source as loaded, and forth.

The map is a list of runs, not a table per character: run ``k`` says that cleaned text from
``clean[k]`` corresponds to source text from ``orig[k]``; a run is either copied one to one or
replaced (its lengths may differ). Lookups are a binary search, so a 5 MB article costs a few
arrays of integers.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable

from .model import Span


class OffsetMap:
    """Runs of (clean start, original start, copied?) ending at (clean length, original length)."""

    __slots__ = ("_clean", "_copied", "_orig", "clean_length", "original_length")

    def __init__(
        self,
        runs: Iterable[tuple[int, int, bool]],
        clean_length: int,
        original_length: int,
    ) -> None:
        self._clean = array("q")
        self._orig = array("q")
        self._copied = array("b")
        for c, o, copied in runs:
            if self._clean and self._clean[-1] == c and self._orig[-1] == o:
                self._copied[-1] = copied
                continue
            self._clean.append(c)
            self._orig.append(o)
            self._copied.append(copied)
        self.clean_length = clean_length
        self.original_length = original_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that cleaning left as it was."""
        return cls([(0, 0, True)], length, length)

    def __len__(self) -> int:
        return len(self._clean)

    def _run_end(self, k: int) -> tuple[int, int]:
        if k + 1 < len(self._clean):
            return self._clean[k + 1], self._orig[k + 1]
        return self.clean_length, self.original_length

    def to_original(self, pos: int) -> int:
        """The source position of cleaned position ``pos`` (a replaced run maps to its start)."""
        if not self._clean:
            return min(max(pos, 0), self.original_length)
        pos = min(max(pos, 0), self.clean_length)
        k = max(bisect_right(self._clean, pos) - 1, 0)
        c, o = self._clean[k], self._orig[k]
        end_c, end_o = self._run_end(k)
        if self._copied[k]:
            return min(o + (pos - c), end_o)
        return o if pos == c else end_o if pos >= end_c else o

    def to_clean(self, pos: int) -> int:
        """The cleaned position of source position ``pos``; removed text maps to where it stood."""
        if not self._orig:
            return min(max(pos, 0), self.clean_length)
        pos = min(max(pos, 0), self.original_length)
        k = max(bisect_right(self._orig, pos) - 1, 0)
        c, o = self._clean[k], self._orig[k]
        end_c, _ = self._run_end(k)
        if self._copied[k]:
            return min(c + (pos - o), end_c)
        return c

    def original_span(self, span: Span) -> Span:
        """The source span of a cleaned span."""
        a, b = span
        start = self.to_original(a)
        end = self.to_original(b) if b > a else start
        if b > a and b - 1 >= 0:
            end = max(end, self.to_original(b - 1) + 1)
        return start, max(start, end)

    def runs(self) -> list[tuple[int, int, bool]]:
        """The runs as plain tuples, for tests and serialisation."""
        runs = zip(self._clean, self._orig, self._copied, strict=True)
        return [(c, o, bool(k)) for c, o, k in runs]
