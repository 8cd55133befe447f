"""What can go wrong with the notes store, as exceptions whose text is one line to show."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The notes cannot be read or saved; ``str(error)`` is the one line to show."""


class StoreUnavailable(StoreError):
    """The data directory is missing and cannot be made, or cannot be written."""


class StoreCorrupt(StoreError):
    """The database file is damaged or not a database. It was left as it was."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class UndoRefused(StoreError):
    """Undo would reverse, or trample, a change another window made; nothing was changed."""
