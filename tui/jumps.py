"""The jump list: where the reader was before each jump, walked with ctrl+o and ctrl+n as in vim."""

from __future__ import annotations

from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")

LIMIT = 100


class Place(NamedTuple, Generic[T]):
    """A reading position: the cursor offset, which text it is in, and what was selected."""

    offset: int
    original: bool
    selection: T | None
    position: int


class JumpList(Generic[T]):
    """Places in order; ``back`` and ``forward`` walk them, a new jump drops the forward part."""

    def __init__(self) -> None:
        self._places: list[Place[T]] = []
        self._index = 0

    def __len__(self) -> int:
        return len(self._places)

    def record(self, here: Place[T]) -> None:
        """Remember ``here`` as the place a jump leaves from."""
        del self._places[self._index :]
        if not self._places or self._places[-1] != here:
            self._places.append(here)
        del self._places[:-LIMIT]
        self._index = len(self._places)

    def back(self, here: Place[T]) -> Place[T] | None:
        """The place before ``here``, or None at the oldest."""
        if self._index == 0:
            return None
        if self._index == len(self._places):
            self._places.append(here)
        self._index -= 1
        return self._places[self._index]

    def forward(self) -> Place[T] | None:
        """The place after the current one, or None at the newest."""
        if self._index + 1 >= len(self._places):
            return None
        self._index += 1
        return self._places[self._index]
