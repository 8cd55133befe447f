"""The article pane: a Line API view that wraps lazily and paints spans from the analysis.

It renders only the rows on screen, from a layout of offsets, so a 5 MB article costs about what a
short one does per key. It shows text as data: every character passes through ``visible`` and
becomes a plain ``Segment``, never markup.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..analysis.model import Span
from ..safe_text import visible
from .wrap import Layout

LAYERS = ("mark-error", "mark-warning", "mark-info", "removed", "linked", "current")


@dataclass(frozen=True, slots=True)
class Layer:
    """Spans painted with one component style, sorted, with a running maximum of their ends so
    the spans touching a line are found by binary search."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    reach: tuple[int, ...]

    @classmethod
    def of(cls, spans: Sequence[Span]) -> Layer:
        ordered = sorted((a, b) for a, b in spans if b > a)
        reach, far = [], -1
        for _, b in ordered:
            far = max(far, b)
            reach.append(far)
        return cls(tuple(a for a, _ in ordered), tuple(b for _, b in ordered), tuple(reach))

    def touching(self, start: int, end: int) -> list[Span]:
        """The spans that overlap ``[start, end)``."""
        hi = bisect_left(self.starts, end)
        lo = bisect_right(self.reach, start, 0, hi)
        return [
            (self.starts[i], self.ends[i]) for i in range(lo, hi) if self.ends[i] > start
        ]


EMPTY_LAYER = Layer((), (), ())


class ArticleView(ScrollView, can_focus=True):
    """The article text, wrapped to the pane, with linked and flagged spans painted."""

    COMPONENT_CLASSES = {
        "article--linked",
        "article--current",
        "article--mark-error",
        "article--mark-warning",
        "article--mark-info",
        "article--removed",
        "article--pending",
    }
    BINDINGS = [
        Binding("j,down", "scroll_lines(1)", "Down", show=False),
        Binding("k,up", "scroll_lines(-1)", "Up", show=False),
        Binding("space,pagedown", "scroll_pages(1)", "Page down", show=False),
        Binding("b,pageup", "scroll_pages(-1)", "Page up", show=False),
        Binding("g,home", "scroll_edge(0)", "Top", show=False),
        Binding("G,end", "scroll_edge(1)", "Bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""
        self._paragraphs: tuple[Span, ...] = ()
        self._layout: Layout | None = None
        self._layers: dict[str, Layer] = {name: EMPTY_LAYER for name in LAYERS}
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] | None = None
        self.pending = False

    # -- content -------------------------------------------------------------------------------

    def show_text(self, text: str, paragraphs: Sequence[Span], *, pending: bool = False) -> None:
        """Show ``text`` split into ``paragraphs``; ``pending`` dims it until the analysis lands."""
        self._text = text
        self._paragraphs = tuple(paragraphs)
        self.pending = pending
        self._layers = {name: EMPTY_LAYER for name in LAYERS}
        self._relayout()
        self.scroll_to(0, 0, animate=False)

    @property
    def text(self) -> str:
        return self._text

    def paint(self, layer: str, spans: Sequence[Span]) -> None:
        """Replace the spans of one layer ("linked", "current", "mark-warning", ...)."""
        self._layers[layer] = Layer.of(spans) if spans else EMPTY_LAYER
        self._cache.clear()
        self.refresh()

    def scroll_to_offset(self, offset: int) -> None:
        """Bring text ``offset`` into view, a third of the way down the pane."""
        if self._layout is None:
            return
        y = self._layout.line_of(offset, self._paragraphs)
        top = max(y - self.scrollable_content_region.height // 3, 0)
        self.scroll_to(y=top, animate=False)

    def offset_at_top(self) -> int:
        """The text offset of the first line on screen (for keeping the place across re-layouts)."""
        if self._layout is None or not len(self._layout):
            return 0
        y = min(int(self.scroll_offset.y), len(self._layout) - 1)
        while y < len(self._layout) - 1 and self._layout.line(y) is None:
            y += 1
        line = self._layout.line(y)
        return line[0] if line else 0

    # -- layout and rendering ------------------------------------------------------------------

    def _wrap_width(self) -> int:
        return max(self.scrollable_content_region.width, 8)

    def _relayout(self) -> None:
        self._layout = Layout(self._text, self._paragraphs, self._wrap_width())
        self._cache.clear()
        self.virtual_size = Size(self._layout.width, len(self._layout))
        self.refresh()

    def on_resize(self) -> None:
        if self._layout is not None and self._layout.width != self._wrap_width():
            keep = self.offset_at_top()
            self._relayout()
            if keep:
                y = self._layout.line_of(keep, self._paragraphs)
                self.scroll_to(y=y, animate=False)

    def notify_style_update(self) -> None:
        self._styles = None
        self._cache.clear()
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        if self._styles is None:
            self._styles = {
                layer: self.get_component_rich_style(f"article--{layer}", partial=True)
                for layer in (*LAYERS, "pending")
            }
        return self._styles[name]

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        row = scroll_y + y
        key = (row, width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(row, base)
            self._cache[key] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_row(self, row: int, base: Style) -> Strip:
        layout = self._layout
        if layout is None or row >= len(layout):
            return Strip([Segment("", base)], 0)
        span = layout.line(row)
        if span is None:
            return Strip([Segment("", base)], 0)
        start, end = span
        while end > start and self._text[end - 1] in " \t":
            end -= 1
        if self.pending:
            base = base + self._style("pending")
        cuts = {start, end}
        touching: list[tuple[str, Span]] = []
        for name in LAYERS:
            for a, b in self._layers[name].touching(start, end):
                touching.append((name, (a, b)))
                cuts.add(max(a, start))
                cuts.add(min(b, end))
        points = sorted(cuts)
        segments = []
        for a, b in itertools.pairwise(points):
            if a >= b:
                continue
            style = base
            for name, (s, e) in touching:
                if s < b and e > a:
                    style = style + self._style(name)
            segments.append(Segment(visible(self._text[a:b]), style))
        return Strip(segments)

    # -- keys ----------------------------------------------------------------------------------

    def action_scroll_lines(self, count: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + count, animate=False)

    def action_scroll_pages(self, count: int) -> None:
        page = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_offset.y + count * page, animate=False)

    def action_scroll_edge(self, bottom: int) -> None:
        self.scroll_to(y=self.max_scroll_y if bottom else 0, animate=False)
