"""Spans sorted once and queried by binary search: which touch a line, which hold the cursor,
which comes next. The article pane paints from these and the app looks links up in them."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Generic, TypeVar

from .analysis.model import Span

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Non-empty spans with a payload each, sorted by start, with a running maximum of ends so
    overlap queries cost a binary search plus the hits."""

    __slots__ = ("_ends", "_items", "_reach", "_starts")

    def __init__(self, entries: Iterable[tuple[Span, T]] = ()) -> None:
        ordered = sorted(((s, item) for s, item in entries if s[1] > s[0]), key=itemgetter(0))
        self._starts = [s[0] for s, _ in ordered]
        self._ends = [s[1] for s, _ in ordered]
        self._items = [item for _, item in ordered]
        self._reach = list(itertools.accumulate(self._ends, max))

    @classmethod
    def apart(cls, spans: Sequence[Span]) -> SpanIndex[None]:
        """Spans already in order, non-empty and apart, such as a search's hits: no sorting,
        and each end is its own running maximum (100,000 hits index in a few milliseconds)."""
        index: SpanIndex[None] = SpanIndex()
        index._starts = [start for start, _ in spans]
        index._ends = index._reach = [end for _, end in spans]
        index._items = [None] * len(spans)
        return index

    def __len__(self) -> int:
        return len(self._starts)

    def touching(self, start: int, end: int) -> list[tuple[Span, T]]:
        """Entries that overlap ``[start, end)``."""
        hi = bisect_left(self._starts, end)
        lo = bisect_right(self._reach, start, 0, hi)
        return [
            ((self._starts[i], self._ends[i]), self._items[i])
            for i in range(lo, hi)
            if self._ends[i] > start
        ]

    def at(self, offset: int) -> list[tuple[Span, T]]:
        """Entries whose span holds ``offset``."""
        return self.touching(offset, offset + 1)

    def after(self, offset: int) -> tuple[Span, T] | None:
        """The first entry starting after ``offset``."""
        i = bisect_right(self._starts, offset)
        return ((self._starts[i], self._ends[i]), self._items[i]) if i < len(self._starts) else None

    def before(self, offset: int) -> tuple[Span, T] | None:
        """The last entry starting before ``offset``."""
        i = bisect_left(self._starts, offset) - 1
        return ((self._starts[i], self._ends[i]), self._items[i]) if i >= 0 else None

    def first(self) -> tuple[Span, T] | None:
        return ((self._starts[0], self._ends[0]), self._items[0]) if self._starts else None

    def last(self) -> tuple[Span, T] | None:
        return ((self._starts[-1], self._ends[-1]), self._items[-1]) if self._starts else None
