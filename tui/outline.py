"""What the sidebar lists, built from an ``Analysis``: sections of groups of items.

Plain data, no Textual, so what the reader can select is testable without a screen. Every item
knows its linked spans; selecting one is looking them up, never recomputing anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Literal, NamedTuple

from .analysis.model import SEVERITY, Analysis, Entity, Figure, Severity, Span

if TYPE_CHECKING:
    from .notes import Note, Placed

_KIND_GROUPS = (
    ("person", "People"),
    ("organization", "Organisations"),
    ("place", "Places"),
    ("other", "Other"),
)
KIND_WORDS = {
    "person": "person",
    "organization": "organisation",
    "place": "place",
    "other": "other",
}
"""Entity kinds in the words the sidebar uses (the analysis's JSON keeps its own names)."""
_SEVERITY_GROUPS = tuple((severity, style.group) for severity, style in SEVERITY.items())


ItemKind = Literal["entity", "figure", "flag", "edit", "note", "search"]
"""What a selectable thing is: a sidebar row's kind, or a search's hits."""


class Item(NamedTuple):
    """One selectable row: its label, what the status line says of it, and its linked spans."""

    kind: ItemKind
    key: str
    label: str
    status: str
    spans: tuple[Span, ...]
    original: tuple[Span, ...] = ()
    severity: Severity | None = None
    name: str = ""


class Group(NamedTuple):
    """A titled run of items. A group that lists another view of items counted elsewhere
    (the Timeline: days, not figures) is not ``counted`` in its section's total."""

    title: str
    items: tuple[Item, ...]
    counted: bool = True


class Section(NamedTuple):
    title: str
    groups: tuple[Group, ...]
    empty: str

    hidden: int = 0

    @property
    def count(self) -> int:  # type: ignore[override]  # not tuple.count
        """How many things the section lists, as the status line counts them."""
        return sum(len(g.items) for g in self.groups if g.counted)

    @property
    def rows(self) -> int:
        """How many items it holds, counted or not (an empty section says so)."""
        return sum(len(g.items) for g in self.groups)

    def without(self, titles: frozenset[str]) -> Section:
        """This section less the groups named in ``titles``, counting what was filtered out."""
        kept = tuple(g for g in self.groups if g.title not in titles)
        gone = sum(len(g.items) for g in self.groups if g.title in titles and g.counted)
        return Section(self.title, kept, self.empty, self.hidden + gone)


_EDIT_GROUPS = (
    ("Captions and credits", ("caption", "credit")),
    ("Repeated paragraphs", ("duplicate", "near-duplicate")),
    ("Boilerplate and links", ("boilerplate",)),
    ("Markup debris", ("markup",)),
)


FILTERABLE = (*(title for _, title in (*_KIND_GROUPS, *_SEVERITY_GROUPS)), "Dismissed")
_NOTE_GROUPS = (("note", "Notes"), ("highlight", "Highlights"), ("bookmark", "Bookmarks"))


SECTION_ORDER = ("Notes", "Entities", "Figures", "Flags", "Edits")


def outline(
    analysis: Analysis,
    hidden: frozenset[str] = frozenset(),
    notes: Sequence[Placed] = (),
    dismissed: Mapping[str, Note] | None = None,
) -> tuple[Section, ...]:
    """The sidebar's sections in order: Notes, Entities, Figures, Flags, Edits. ``hidden``
    names groups (from ``FILTERABLE``) and tags ("#tag") the reader filtered out; ``dismissed``
    maps flag ids to the notes that dismissed them."""
    return tuple(
        section(name, analysis, hidden, notes, dismissed).without(hidden) for name in SECTION_ORDER
    )


def section(
    name: str,
    analysis: Analysis,
    hidden: frozenset[str] = frozenset(),
    notes: Sequence[Placed] = (),
    dismissed: Mapping[str, Note] | None = None,
) -> Section:
    """One section by name, before group filters (tags in ``hidden`` filter notes as they are
    built), so the reader can rebuild just the sections a change touched."""
    if name == "Notes":
        return notes_section(notes, analysis.text, hidden)
    if name == "Entities":
        return entities_section(analysis)
    if name == "Figures":
        return figures_section(analysis)
    if name == "Flags":
        return flags_section(analysis, dismissed or {})
    if name == "Edits":
        return edits_section(analysis)
    raise ValueError(f"no section named {name!r}")


def notes_section(placed: Sequence[Placed], text: str, hidden: frozenset[str]) -> Section:
    """The reader's notes, highlights and bookmarks in reading order; orphans, whose words are
    gone from the article, last and with their quotes."""

    def visible_tags(p: Placed) -> bool:
        return not any(f"#{tag}" in hidden for tag in p.note.tags)

    kept = [p for p in placed if visible_tags(p)]
    groups = []
    changed = sorted((p for p in kept if p.changed), key=lambda p: p.span or (0, 0))
    if changed:
        groups.append(Group("Changed since quoted", tuple(_note_item(p, text) for p in changed)))
    for kind, title in _NOTE_GROUPS:
        here = sorted(
            (p for p in kept if p.note.kind == kind and p.span is not None and not p.changed),
            key=lambda p: p.span,
        )
        if here:
            groups.append(Group(title, tuple(_note_item(p, text) for p in here)))
    orphans = [p for p in kept if p.span is None and p.note.anchor is not None]
    if orphans:
        groups.append(Group("Orphans", tuple(_note_item(p, text) for p in orphans)))
    return Section(
        "Notes",
        tuple(groups),
        "No notes yet: h highlights, a adds a note.",
        hidden=len(placed) - len(kept),
    )


def _note_item(placed: Placed, text: str) -> Item:
    note = placed.note
    quote = note.anchor.exact if note.anchor else ""
    tags = " ".join(f"#{t}" for t in note.tags)
    first_line = note.body.strip().split("\n", 1)[0]
    mark = {"highlight": "▌", "bookmark": f"'{note.letter}", "note": "✎"}.get(note.kind, "")
    if placed.now is not None:
        mark = f"≠{mark}"
    label = f"{mark} {first_line or quote}"
    where = "" if placed.span is not None else " (orphaned: its words are gone)"
    status = (
        f"{note.kind}{where}: “{quote}”"
        + (f" — {note.body.strip()}" if note.body else "")
        + (f" {tags}" if tags else "")
    )
    if placed.now is not None:
        status = (
            f"{note.kind} CHANGED: quoted “{quote}”, the article now reads “{placed.now}”"
            " · A accepts the new words (or select with v, then A, to re-anchor)"
            + (f" — {note.body.strip()}" if note.body else "")
        )
    elif placed.span is None:
        status += " · select words with v, then A, to re-anchor it"
    spans = (placed.span,) if placed.span is not None else ()
    return Item("note", note.id, label, status, spans, name=f"{note.kind}: {first_line or quote}")


def _which(e: Entity, names: dict[str, str]) -> str:
    """For a surname two people share: both, offered rather than guessed."""
    offered = [names[c] for c in e.candidates if c in names]
    return f" ({' or '.join(offered)}?)" if offered else ""


def entities_section(analysis: Analysis) -> Section:
    names = {e.id: e.name for e in analysis.entities}
    groups = []
    for kind, title in _KIND_GROUPS:
        members = sorted(
            (e for e in analysis.entities if e.kind == kind),
            key=lambda e: (-len(e.shown_mentions()), e.name.lower()),
        )
        items = tuple(
            Item(
                "entity",
                e.id,
                f"{len(e.shown_mentions()):>2} {e.name}"
                + (f" ({', '.join(e.aliases)})" if e.aliases else "")
                + _which(e, names),
                e.name
                + (f" (also {', '.join(e.aliases)})" if e.aliases else "")
                + _which(e, names),
                e.shown_mentions(),
                name=e.name,
            )
            for e in members
        )
        if items:
            groups.append(Group(title, items))
    return Section("Entities", tuple(groups), "No people, organisations or places found.")


def figures_section(analysis: Analysis) -> Section:
    ordered = sorted(analysis.figures, key=lambda f: f.span or (len(analysis.text), 0))
    kinds = Counter(_figure_group(f) for f in ordered)
    groups = []
    for title in ("Counts", "Money", "Dates", "Other figures"):
        if not kinds[title]:
            continue
        items = tuple(
            Item(
                "figure",
                f.id,
                f"{figure_value(f)}  {f.text}",
                f"{f.text}: {figure_value(f)}" + (f" ({f.counts})" if f.counts else ""),
                (f.span,) if f.span else (),
                name=f"{f.text} ({figure_value(f)})",
            )
            for f in ordered
            if _figure_group(f) == title
        )
        groups.append(Group(title, items))
    timeline = timeline_group(analysis)
    if timeline.items:
        groups.append(timeline)
    return Section("Figures", tuple(groups), "No numbers, amounts or dates found.")


def timeline_group(analysis: Analysis) -> Group:
    """The days the article speaks of, in date order, each linking every expression of it; the
    first row says what relative days were resolved against."""
    by_day: dict[date, list[Figure]] = {}
    for figure in analysis.figures:
        if figure.date is not None and figure.kind in ("date", "relative-date"):
            by_day.setdefault(figure.date, []).append(figure)
    items = []
    ref = analysis.reference_date
    if ref is not None:
        items.append(
            Item(
                "figure",
                "reference-date",
                f"⚓ {ref.date.isoformat()} {ref.kind}",
                f"Relative days resolved against {ref.date.isoformat()} ({ref.kind}: {ref.text});"
                " D sets another day",
                (),
                name=f"reference date {ref.date.isoformat()}",
            )
        )
    for day, figures in sorted(by_day.items()):
        spans = tuple(sorted(f.span for f in figures if f.span))
        words = ", ".join(dict.fromkeys(f.text for f in figures))
        items.append(
            Item(
                "figure",
                f"day:{day.isoformat()}",
                f"{day:%a %d %b %Y} · {len(figures)}",
                f"{day:%A %d %B %Y}: {words}",
                spans,
                name=f"{day.isoformat()} {words}",
            )
        )
    return Group("Timeline", tuple(items), counted=False)


def flags_section(analysis: Analysis, dismissed: Mapping[str, Note]) -> Section:
    """Flags by severity, then rule; the ones the reader dismissed in a group of their own."""
    removed = _removed_at(analysis)
    groups = []
    for severity, title in (*_SEVERITY_GROUPS, ("dismissed", "Dismissed")):
        flagged = sorted(
            (
                f
                for f in analysis.flags
                if (f.id in dismissed) == (severity == "dismissed")
                and (severity == "dismissed" or f.severity == severity)
            ),
            key=lambda f: (f.rule, f.spans[0] if f.spans else (-1, -1)),
        )
        items = tuple(
            Item(
                "flag",
                f.id,
                f"{SEVERITY[f.severity].mark} {f.message}",
                f"{f.rule}: {f.message}"
                + (f" ({f.reason})" if f.reason else "")
                + (
                    f" · dismissed: {dismissed[f.id].reason or 'no reason given'}"
                    if f.id in dismissed
                    else ""
                ),
                tuple(f.spans),
                _removed_places(f.spans, analysis, removed),
                severity=f.severity,
                name=f"{f.rule}: {f.message}",
            )
            for f in flagged
        )
        if items:
            groups.append(Group(title, items))
    return Section("Flags", tuple(groups), "Nothing flagged.")


def _removed_at(analysis: Analysis) -> dict[int, Span]:
    """Where in the cleaned text each removed repeat of a paragraph stood, and its span in the
    original: a duplicate flag points at that place, which alone is an empty span."""
    offsets = analysis.offsets
    if offsets is None:
        return {}
    return {
        offsets.to_clean(e.original[0]): e.original
        for e in analysis.edits
        if e.kind in ("duplicate", "near-duplicate")
    }


def _removed_places(
    spans: Sequence[Span], analysis: Analysis, removed: Mapping[int, Span]
) -> tuple[Span, ...]:
    """A flag's spans in the original, when one of them is a removed paragraph (empty in the
    cleaned text): there the reader can see the copy itself. Otherwise none (the view maps
    them)."""
    if analysis.offsets is None or not any(a == b and a in removed for a, b in spans):
        return ()
    return tuple(
        removed[a] if a == b and a in removed else analysis.offsets.original_span((a, b))
        for a, b in spans
    )


def figure_value(figure: Figure) -> str:
    """A figure's normalised value as a reader wants to see it."""
    if figure.date is not None:
        return figure.date.isoformat()
    if figure.kind == "year":  # a year has no thousands separator: 2003, 2013–2014, 1990s
        if figure.value is None and figure.low is not None:
            return f"{figure.low}–{figure.high}" if figure.high is not None else f"{figure.low}"
        if figure.value is not None:
            return f"{figure.value}s" if figure.unit == "decade" else f"{figure.value}"
    if figure.low is not None and figure.value is None:
        high = "" if figure.high is None else _number(figure.high)
        return f"{_number(figure.low)}–{high}" if high else f"≥ {_number(figure.low)}"
    if figure.value is None:
        return "?"
    unit = f" {figure.unit}" if figure.unit and figure.unit != "%" else figure.unit or ""
    return f"{_number(figure.value)}{unit}"


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.4g}"


def _figure_group(figure: Figure) -> str:
    if figure.kind in ("date", "relative-date", "year", "time") or figure.date is not None:
        return "Dates"
    if figure.kind == "money":
        return "Money"
    if figure.kind in ("count", "approximate", "range", "percent"):
        return "Counts"
    return "Other figures"


def edits_section(analysis: Analysis) -> Section:
    """What cleaning changed, whitespace aside; each item points at its place in the original."""
    offsets = analysis.offsets
    groups = []
    shown_kinds = {kind for _, kinds in _EDIT_GROUPS for kind in kinds}
    for title, kinds in (*_EDIT_GROUPS, ("Other changes", None)):
        items = tuple(
            Item(
                "edit",
                f"edit:{e.original[0]}:{e.original[1]}",
                f"{e.text.strip()}",
                f"{e.kind}: {e.reason}",
                (_point(offsets.to_clean(e.original[0])),) if offsets is not None else (),
                (e.original,),
                name=f"{e.kind}: {e.text.strip()}",
            )
            for e in analysis.edits
            if (e.kind in kinds if kinds else e.kind not in shown_kinds and e.kind != "whitespace")
        )
        if items:
            groups.append(Group(title, items))
    return Section("Edits", tuple(groups), "Cleaning changed nothing but whitespace.")


def _point(offset: int) -> Span:
    return (offset, offset)
