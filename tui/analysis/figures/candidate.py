"""A figure as the finders first see it: its span and meaning, before overlaps are settled, dates
resolved against the reference and counts described."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import FigureKind

# Which finder wins when two claim the same words: dates and times first, then amounts.
RANK_DATE = 0
RANK_AMOUNT = 1


@dataclass(slots=True)
class Candidate:
    """``relative`` holds what a relative day needs to be resolved ("weekday", "deictic", ...)
    and ``month_day`` a date written without its year (``weekday`` if the text names one); both
    are settled once the reference date is known."""

    start: int
    end: int
    kind: FigureKind
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    unit: str | None = None
    date: date | None = None
    rank: int = RANK_AMOUNT
    relative: tuple | None = None
    month_day: tuple[int, int] | None = None
    weekday: int | None = None

    @property
    def length(self) -> int:
        return self.end - self.start
