"""The analysis model: immutable records that the core produces and every view reads.

The records are named tuples: a 5 MB article makes some hundred thousand of them, and a named
tuple is made several times faster than a frozen dataclass, and its class too (the reader's
first frame waits for this module). ``Analysis`` stays a dataclass, for its fields that
equality ignores.

Every span is a ``(start, end)`` pair of Python string indices into ``Analysis.text`` (the cleaned
article), except ``Edit.original``, which indexes ``Source.text`` (the source as loaded).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from .offsets import OffsetMap

Span = tuple[int, int]
Format = Literal["text", "markdown", "html"]
Severity = Literal["error", "warning", "info"]
EntityKind = Literal["person", "organization", "place", "other"]
EditKind = Literal[
    "whitespace", "markup", "credit", "caption", "boilerplate", "duplicate", "near-duplicate"
]
FigureKind = Literal[
    "count",
    "approximate",
    "range",
    "percent",
    "fraction",
    "money",
    "measure",
    "ordinal",
    "score",
    "year",
    "date",
    "relative-date",
    "time",
]
"""The kinds, as the JSON contract spells them (``kind`` of edits, entities and figures)."""

SCHEMA = "closeread/analysis@1"
EMPTY_ARTICLE = "The article is empty: there is no text to read."
"""The loader's warning for an article with no text: the analysis flags it as empty-article."""


class SeverityStyle(NamedTuple):
    """How a severity sorts (most severe first), its mark (flags read without colour too),
    and the title of its group in the outline."""

    rank: int
    mark: str
    group: str


SEVERITY: dict[Severity, SeverityStyle] = {
    "error": SeverityStyle(0, "✖", "Errors"),
    "warning": SeverityStyle(1, "▲", "Warnings"),
    "info": SeverityStyle(2, "●", "Info"),
}
"""The one severity table: every view sorts, marks and groups flags by it."""
SEVERITIES: tuple[Severity, ...] = tuple(SEVERITY)


class Source(NamedTuple):
    """An article as loaded: decoded, newlines normalised, and (for HTML and Markdown) extracted.

    ``text`` is what edits index. ``warnings`` are loader notices (a fallback decoding, an empty
    file) that the analysis turns into flags.
    """

    text: str
    format: Format = "text"
    path: str | None = None
    sha256: str = ""
    title: str | None = None
    date: date | None = None
    warnings: tuple[str, ...] = ()


class Edit(NamedTuple):
    """One change cleaning made: ``original`` is the span it touched in ``Source.text`` and ``text``
    is exactly that slice; ``replacement`` is what stands in its place in the cleaned text."""

    kind: EditKind
    original: Span
    text: str
    reason: str
    replacement: str = ""

    @property
    def shown(self) -> bool:
        """Whether a reader is shown this edit: folded whitespace is not worth a line."""
        return self.kind != "whitespace"


class Flag(NamedTuple):
    """A finding of one rule. ``id`` is stable across runs: it hashes the rule and the quoted text,
    so a dismissal saved with the notes finds its flag again."""

    id: str
    rule: str
    severity: Severity
    message: str
    spans: tuple[Span, ...]
    reason: str = ""


def flag_id(rule: str, text: str, spans: tuple[Span, ...]) -> str:
    """A stable id for a flag: the rule and the words it points at, not their offsets."""
    quoted = "\x1f".join(text[a:b] for a, b in spans)
    digest = hashlib.sha1(f"{rule}\x1e{quoted}".encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{rule}:{digest}"


def make_flag(
    rule: str,
    severity: Severity,
    message: str,
    spans: tuple[Span, ...] | list[Span],
    text: str,
    reason: str = "",
) -> Flag:
    """Build a flag whose id is derived from ``rule`` and the text under ``spans``."""
    spans = tuple((int(a), int(b)) for a, b in spans)
    return Flag(flag_id(rule, text, spans), rule, severity, message, spans, reason)


CORRECTION_ACTIONS = ("merge", "split", "kind", "rename", "hide")


class Correction(NamedTuple):
    """A reader's fix to the entities, an input of the analysis (kept with the notes).
    ``value`` is, by action: merge, the other entity's name (it joins this one); split, the
    alias to split off into an entity of its own; kind, the new kind; rename, the new name;
    hide, unused."""

    action: Literal["merge", "split", "kind", "rename", "hide"]
    entity: str
    value: str = ""


class Entity(NamedTuple):
    """A person, organisation, place or other named thing, with every mention of it."""

    id: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    demonym_mentions: tuple[Span, ...] = ()
    subtype: str | None = None
    """For an organisation, what sort where the analysis can tell: "team", "company", "party"
    or "agency"; None otherwise."""
    candidates: tuple[str, ...] = ()
    """For a surname two people in the article share ("Blair" after "Tony Blair" and "Cherie
    Blair") where nothing tells which one: the ids of both, offered rather than guessed."""

    def shown_mentions(self) -> tuple[Span, ...]:
        """The mentions the reader counts and moves between: the name's, or for a place named
        only by its demonym ("German" of Germany) those, so that no entity shows a count of 0."""
        return self.mentions or self.demonym_mentions


class Figure(NamedTuple):
    """A number, amount or date. ``text`` is the expression alone, exactly ``text[span]``;
    ``span`` is None only for a figure found outside the body (in a lifted caption)."""

    id: str
    text: str
    kind: FigureKind
    value: float | int | None = None
    low: float | int | None = None
    high: float | int | None = None
    unit: str | None = None
    date: date | None = None
    span: Span | None = None
    counts: str | None = None
    source: str | None = None


class ReferenceDate(NamedTuple):
    """The day relative dates were resolved against, the kind of evidence, and its words."""

    date: date
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything closeread knows about one article: built once, never mutated, only read."""

    source: Source
    text: str
    paragraphs: tuple[Span, ...] = ()
    edits: tuple[Edit, ...] = ()
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    flags: tuple[Flag, ...] = ()
    title: str | None = None
    date: date | None = None
    reference_date: ReferenceDate | None = None
    offsets: OffsetMap | None = field(default=None, compare=False, hash=False, repr=False)
    timings: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
