"""The notes model: immutable records of what a reader wrote in the margin of an article.

An ``Anchor`` keeps what the W3C Web Annotation model and Hypothesis keep (the exact quote, about
32 characters either side, and positions), so a note finds its words again in a changed article.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from ..analysis.model import Correction, Span

Kind = Literal["note", "highlight", "bookmark", "dismissal", "correction", "position"]
KINDS: tuple[Kind, ...] = ("note", "highlight", "bookmark", "dismissal", "correction", "position")
COLOURS = ("yellow", "green", "blue", "pink")
"""Highlight colours, in the order ``h`` cycles through them."""


def now() -> str:
    """A UTC timestamp to the second, ISO 8601: sortable as text and readable in an export."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note points: ``exact`` is ``text[start:end]`` of the cleaned text it was made on;
    ``original`` is the same span in the source as loaded, when the caller knew it."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    original: Span | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """One annotation. Which fields matter depends on ``kind``: ``colour`` for a highlight,
    ``letter`` for a bookmark, ``flag_id`` and ``reason`` for a dismissed flag, ``correction``
    for an entity fix (which alone may have no anchor: it names its entity, not a place)."""

    kind: Kind
    anchor: Anchor | None
    body: str = ""
    tags: tuple[str, ...] = ()
    colour: str | None = None
    letter: str | None = None
    flag_id: str | None = None
    reason: str = ""
    correction: Correction | None = None
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now)
    updated: str = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class Document:
    """An article as the store knows it: ``source`` names it across versions, ``fingerprint``
    (sha256 of the cleaned text) names this version, and ``text`` is that cleaned text."""

    id: int
    source: str
    fingerprint: str
    text: str = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Placed:
    """A note placed on the current text: ``span`` is where its quote is now, None for an orphan.
    ``now`` is the text at ``span`` when it is not the quote the note was made on: the words
    changed in a new version, and the reader should see both until they accept or re-anchor."""

    note: Note
    span: Span | None
    now: str | None = None

    @property
    def changed(self) -> bool:
        return self.now is not None

    @property
    def status(self) -> str:
        """``anchored``, ``changed`` (placed, but its words differ), ``orphaned`` (its words are
        gone), or ``unanchored`` (a note on no words: an entity correction)."""
        if self.note.anchor is None:
            return "unanchored"
        if self.span is None:
            return "orphaned"
        return "changed" if self.now is not None else "anchored"
