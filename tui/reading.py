"""What the reader is looking at, and where: the selection, the view, the jump list, the outline
and the indexes the keys look things up in.

Plain state, no Textual, so every key's decision is testable without a screen (as ``outline.py``
is): the app asks this what a key means and paints the answer.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .analysis.model import SEVERITIES, SEVERITY, Severity, Span
from .jumps import JumpList, Place
from .outline import SECTION_ORDER, Item, Section, section
from .search import hit_count
from .spanindex import SpanIndex
from .wording import plural

if TYPE_CHECKING:
    from .analysis.model import Analysis
    from .notes.model import Note, Placed
    from .prepared import Prepared


class Landing(NamedTuple):
    """What the cursor landing on an offset means: the entity mention it selects (if any) and
    what the status line should say (None: leave it)."""

    selected: Item | None
    span: Span | None
    status: str | None


class Reading:
    """The reader's state over one analysis. ``load`` takes a new analysis, ``rebuild`` the
    sections a note change touched; the rest are questions and small moves."""

    def __init__(self) -> None:
        self.prepared: Prepared | None = None
        self.hidden_groups: frozenset[str] = frozenset()
        self.sections: tuple[Section, ...] = ()
        self.selection: Item | None = None
        self.position = 0
        self.showing_original = False
        self.jumps: JumpList[Item] = JumpList()
        self.mentions: SpanIndex[Item] = SpanIndex()
        self.flags: SpanIndex[Item] = SpanIndex()
        self.edits: SpanIndex[Item] = SpanIndex()
        self.flag_order: list[Item] = []
        self.dismissed: Mapping[str, Note] = {}
        self._full: dict[str, Section] = {}
        self._flag_rank: dict[str, int] = {}
        self._flag_starts: list[int] = []

    @property
    def analysis(self) -> Analysis | None:
        return self.prepared.analysis if self.prepared is not None else None

    # -- building ------------------------------------------------------------------------------

    def load(
        self, prepared: Prepared, notes: Sequence[Placed], dismissed: Mapping[str, Note]
    ) -> None:
        """A new analysis: every section, every index; the selection ends, the view is the
        cleaned text."""
        self.prepared = prepared
        self.selection, self.position, self.showing_original = None, 0, False
        self.mentions, self.edits = prepared.mentions, prepared.edits
        self.rebuild(None, notes, dismissed)

    def rebuild(
        self,
        changed: tuple[str, ...] | None,
        notes: Sequence[Placed],
        dismissed: Mapping[str, Note],
    ) -> None:
        """Build the named sections (all when None) from the analysis and the notes, filter
        them, and, when flags may have changed, the flag indexes."""
        prepared = self.prepared
        assert prepared is not None
        self.dismissed = dismissed
        for name in changed or SECTION_ORDER:
            self._full[name] = (
                prepared.sections[name]
                if name in prepared.sections
                else section(name, prepared.analysis, self.hidden_groups, notes, dismissed)
            )
        self.sections = tuple(self._full[n].without(self.hidden_groups) for n in SECTION_ORDER)
        if changed is None or "Flags" in changed:
            self._index_flags()

    def _index_flags(self) -> None:
        flag_items = [
            item for g in self._full["Flags"].groups for item in g.items if item.kind == "flag"
        ]
        self.flags = SpanIndex((span, item) for item in flag_items for span in item.spans)
        self.flag_order = sorted(
            (item for item in flag_items if item.spans and item.key not in self.dismissed),
            key=lambda item: (item.spans[0][0], item.key),
        )
        self._flag_rank = {item.key: rank for rank, item in enumerate(self.flag_order)}
        self._flag_starts = [item.spans[0][0] for item in self.flag_order]

    def outline_items(self) -> list[Item]:
        """Every item the sidebar lists now, in its order (for the palette and lookups)."""
        return [item for s in self.sections for g in s.groups for item in g.items]

    def flag_marks(self) -> dict[Severity, list[Span]]:
        """The gutter's marks: each severity's flagged spans, less the dismissed flags."""
        analysis = self.analysis
        marks: dict[Severity, list[Span]] = {severity: [] for severity in SEVERITIES}
        if analysis is not None:
            for flag in analysis.flags:
                if flag.id not in self.dismissed:
                    marks[flag.severity].extend(flag.spans)
        return marks

    def removed_spans(self) -> list[Span]:
        """What cleaning removed, in the original (whitespace aside)."""
        analysis = self.analysis
        return [] if analysis is None else [e.original for e in analysis.edits if e.shown]

    # -- the selection -------------------------------------------------------------------------

    def visible_spans(self, item: Item) -> tuple[Span, ...]:
        """The item's spans in the text on screen: the cleaned article or the original."""
        if not self.showing_original:
            return item.spans
        if item.original:
            return item.original
        offsets = self.analysis.offsets if self.analysis else None
        if offsets is None:
            return ()
        return tuple(offsets.original_span(span) for span in item.spans)

    def select(self, item: Item | None, position: int = 0) -> None:
        self.selection, self.position = item, position

    def current(self) -> tuple[Span | None, str]:
        """The selection's current span (None when it has none in this view; the position is
        kept in range) and what the status line says of it."""
        item = self.selection
        assert item is not None
        spans = self.visible_spans(item)
        where = " (original)" if self.showing_original else ""
        if not spans:
            return None, f"{item.status} · not in this view{where}"
        self.position = min(self.position, len(spans) - 1)
        count = self._count(item, spans)
        if item.kind == "search":
            return spans[self.position], f"{self._label(item)} {count}{where}"
        # The count first: a long flag's message is what a narrow status line cuts.
        return spans[self.position], f"{count}{where} · {self._label(item)}"

    def _label(self, item: Item) -> str:
        return f"/{item.label}" if item.kind == "search" else item.status

    def _count(self, item: Item, spans: Sequence[Span]) -> str:
        """Where the position is among ``spans``: ``3/12``, or ``3/100,000+`` for a search
        that stopped at its cap."""
        if item.kind == "search":
            return f"{self.position + 1:,}/{hit_count(len(spans))}"
        return f"{self.position + 1}/{len(spans)}"

    def at_removed_place(self) -> bool:
        """Whether the selection's current place is one cleaning removed (the dropped copy of
        a repeated paragraph, an empty span in the cleaned text), which only the original
        shows."""
        item = self.selection
        if item is None or item.kind != "flag" or not item.original:
            return False
        position = min(self.position, len(item.spans) - 1)
        (a, b), (c, d) = item.spans[position], item.original[position]
        return a == b and c < d

    def where(self, offset: int) -> str:
        """Where ``offset`` is in the text on screen, and what n/N would move through."""
        analysis = self.analysis
        if analysis is None or self.showing_original:
            return "original: removed text is struck through; o returns" if analysis else ""
        paragraphs = analysis.paragraphs
        index = max(bisect_left(paragraphs, (offset + 1, 0)) - 1, 0)
        text = f"paragraph {index + 1} of {len(paragraphs)}" if paragraphs else ""
        if self.selection is not None:
            text += f" · n/N: {self.selection.label}"
        return text

    def step(self, step: int) -> bool | None:
        """``n``/``N``: move to the next or previous span of the selection, wrapping; whether it
        wrapped, or None when nothing with spans is selected."""
        spans = self.visible_spans(self.selection) if self.selection is not None else ()
        if not spans:
            return None
        target = self.position + step
        self.position = target % len(spans)
        return not 0 <= target < len(spans)

    def next_flag(self, cursor: int, step: int) -> tuple[Item, bool] | None:
        """``]``/``[``: the next or previous flag in reading order from ``cursor`` (flags that
        start at one place are taken in turn), and whether that wrapped; None with no flags."""
        order = self.flag_order
        if not order:
            return None
        current = self.selection
        rank = self._flag_rank.get(current.key) if current is not None else None
        if current is not None and rank is not None and current.spans[0][0] == cursor:
            index = rank + step
        else:
            index = bisect_left(self._flag_starts, cursor) - (step < 0)
        wrapped = not 0 <= index < len(order)
        return order[index % len(order)], wrapped

    def here(self, cursor: int) -> Place[Item]:
        return Place(cursor, self.showing_original, self.selection, self.position)

    def landing(self, offset: int, notices: Sequence[str] = ()) -> Landing:
        """The cursor landed on ``offset``: a mention selects its entity, a flag says its
        message (and so do ``notices``, the notes' own), and in the original, removed text
        says why it was removed."""
        if self.showing_original:
            removed = self.edits.at(offset)
            return Landing(None, None, f"removed here, {removed[0][1].status}" if removed else None)
        notes = [
            f"{SEVERITY[item.severity or 'info'].mark} {item.status}"
            for _, item in self.flags.at(offset)
        ]
        notes.extend(notices)
        mentions = self.mentions.at(offset)
        selected = span = None
        if mentions:
            span, item = mentions[0]
            if self.selection != item or item.spans[self.position] != span:
                self.select(item, item.spans.index(span))
                selected = item
        if self.selection is not None and mentions:
            spans = self.visible_spans(self.selection)
            count = f"{self._count(self.selection, spans)} · " if spans else ""
            here = count + self.selection.status
            return Landing(selected, span, " · ".join([here, *notes]))
        return Landing(selected, span, " · ".join(notes) if notes else None)


def summary(analysis: Analysis, notes: int, changed: int, back: bool) -> str:
    """The status line when an analysis lands: ``notes`` shown, ``changed`` of them quote
    words that changed, and whether the reader is ``back`` where they left off. It counts what
    the sidebar's section headings count."""
    counts = (
        (len(analysis.text.split()), "word"),
        (len(analysis.entities), "entity"),
        (len(analysis.figures), "figure"),
        (len(analysis.flags), "flag"),
    )
    return (
        " · ".join(plural(n, noun) for n, noun in counts)
        + (f" · {plural(notes, 'note')}" if notes else "")
        + (f" · ≠ {plural(changed, 'quote')} changed (see Notes)" if changed else "")
        + ("" if analysis.text.strip() else " · this article is empty")
        + (" · back where you left off" if back else "")
    )
