"""The library's rows: the articles of a folder, or the ones opened before, and what is known
of each (title, date, words, flags by severity, notes), sorted and fuzzy-filtered.

No Textual here: ``tui.screens.library`` shows these rows and fills them in from a worker.
Every name, title and path is untrusted text; the screen shows it through ``one_line``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .analysis.model import Source

ARTICLE_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml"}
)
MAX_ENTRIES = 5000
SORTS = ("title", "date", "words", "flags", "notes", "opened", "path")
"""The orders the library cycles through (``s``), each also by clicking its column."""
_MATCH = 75


@dataclass
class Entry:
    """One article in the library. ``location`` opens it (a path or URL); ``key`` is its name
    in the notes store. Fields left None are not known yet (the worker fills them in)."""

    location: str
    key: str
    title: str | None = None
    date: date | None = None
    words: int | None = None
    flags: tuple[int, int, int] | None = None
    """Errors, warnings, infos: once analysed."""
    notes: int = 0
    read: float | None = None
    """Where the reading position is, 0 to 1, if the article was read."""
    opened: str = ""
    missing: bool = False
    problem: str | None = None
    """Why it could not be read, when it could not."""
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def name(self) -> str:
        """The file name (or the URL) shown when there is no title."""
        if self.location.lower().startswith(("http://", "https://")):
            return self.location
        return Path(self.location).name or self.location

    @property
    def shown_title(self) -> str:
        return self.title or self.name


def scan(folder: Path, limit: int = MAX_ENTRIES) -> tuple[list[Entry], bool]:
    """The articles under ``folder`` (text, Markdown, HTML), recursively, in path order; hidden
    folders and symlinked folders are skipped (no loops). Returns them and whether ``limit``
    cut the list short."""
    found: list[Entry] = []
    for path in _walk(folder):
        if len(found) >= limit:
            return found, True
        resolved = str(path.resolve())
        found.append(Entry(location=resolved, key=resolved))
    return found, False


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=lambda _: None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if path.is_file():
                yield path


def location_of(key: str) -> str | None:
    """Where the document the store knows as ``key`` can be opened from: its path or URL, the
    bundled sample; None for a paste from stdin, which has no place."""
    from .notes.store import SAMPLE_PREFIX
    from .resources import seed_file

    if key.startswith("stdin:"):
        return None
    if key.startswith(SAMPLE_PREFIX):
        return str(seed_file())
    return key


def is_url(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def exists(location: str) -> bool:
    return is_url(location) or Path(location).is_file()


def fill_from_source(entry: Entry, source: Source) -> None:
    """Title, date and words as loading gives them (before the analysis)."""
    from .source import headline

    entry.title = source.title or headline(source.text) or entry.title
    entry.date = source.date or entry.date
    entry.words = len(source.text.split())


def matches(entries: Sequence[Entry], query: str) -> list[Entry]:
    """The entries whose title or file name fuzzily holds ``query`` (rapidfuzz's partial ratio
    on words in any order, or the letters in order, as in fzf); all of them for no query."""
    query = query.strip().lower()
    if not query:
        return list(entries)
    from rapidfuzz import fuzz

    kept = []
    for entry in entries:
        haystack = f"{entry.shown_title} {entry.name}".lower()
        if _in_order(query, haystack) or fuzz.partial_token_set_ratio(query, haystack) >= _MATCH:
            kept.append(entry)
    return kept


def _in_order(query: str, haystack: str) -> bool:
    position = 0
    for char in query:
        if char == " ":
            continue
        position = haystack.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def sort_key(order: str) -> Callable[[Entry], tuple]:
    """The key of each order; unknown values sort last in every order (missing rows too)."""

    def flags(e: Entry) -> tuple:
        return (e.flags is None, *((-n for n in e.flags) if e.flags else ()))

    keys: dict[str, Callable[[Entry], tuple]] = {
        "title": lambda e: (e.shown_title.casefold(),),
        "date": lambda e: (e.date is None, -(e.date.toordinal() if e.date else 0)),
        "words": lambda e: (e.words is None, -(e.words or 0)),
        "flags": flags,
        "notes": lambda e: (-e.notes,),
        "opened": lambda e: (not e.opened, _descending(e.opened)),
        "path": lambda e: (e.location,),
    }
    return keys[order]


def ordered(entries: Sequence[Entry], order: str, reverse: bool = False) -> list[Entry]:
    """``entries`` in ``order`` (``reverse`` turns it), ties by path so the order is stable."""
    by_path = sorted(entries, key=lambda e: e.location)
    result = sorted(by_path, key=sort_key(order))
    return result[::-1] if reverse else result


def _descending(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)
