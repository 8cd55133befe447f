"""The article pane: a Line API view that wraps lazily and paints spans from the analysis.

It renders only the rows on screen, from a layout of offsets, so a 5 MB article costs about what a
short one does per key. It shows text as data: every character passes through ``visible`` and
becomes a plain ``Segment``, never markup. A cursor (a text offset) marks the reading position;
the sentence around it is shaded, and moving it tells the app, which decides what it selects.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import partial

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.selection import Selection
from textual.strip import Strip

from ..analysis.model import SEVERITY, Span
from ..analysis.segment import sentence_in
from ..safe_text import visible
from ..spanindex import SpanIndex
from .pane import Pane
from .wrap import Layout

LAYERS = (
    "sentence",
    "hl-yellow",
    "hl-green",
    "hl-blue",
    "hl-pink",
    "note",
    "changed",
    "mark-info",
    "mark-warning",
    "mark-error",
    "removed",
    "visual",
    "linked",
    "current",
    "cursor",
)
_WORD = re.compile(r"\w[\w'’-]*")
_FEW = 16
GUTTER = 2
FIRST_SCREENS = 4
"""How many screens of a newly shown text wrap before its first frame; the rest wrap after."""
FRAME = 0.02
"""Work that can wait for the first frame waits this much longer: the frame's bytes go out
through the driver's writer thread, which would wait for the GIL behind that work."""
_MARKS = {f"mark-{severity}": style.mark for severity, style in SEVERITY.items()}
_SEVERITY_LAYERS = tuple(_MARKS)  # most severe first


def layer_of(spans: Sequence[Span]) -> SpanIndex[None]:
    """Spans as ``paint`` keeps them (it takes such an index ready-made, too)."""
    return SpanIndex((span, None) for span in spans)


EMPTY: SpanIndex[None] = SpanIndex()


class ArticleView(Pane, can_focus=True):
    """The article text, wrapped to the pane, with a cursor and linked and flagged spans."""

    ALLOW_SELECT = True
    COMPONENT_CLASSES = {f"article--{name}" for name in (*LAYERS, "pending")}
    BINDINGS = [
        Binding("j,down", "cursor_lines(1)", "Next line", show=False, id="line_down"),
        Binding("k,up", "cursor_lines(-1)", "Previous line", show=False, id="line_up"),
        Binding("l,right", "cursor_words(1)", "Next word", show=False, id="word_next"),
        Binding("left", "cursor_words(-1)", "Previous word", show=False, id="word_previous"),
        Binding(
            "space,pagedown,ctrl+d", "cursor_pages(1)", "Page down", show=False, id="page_down"
        ),
        Binding("pageup,ctrl+u", "cursor_pages(-1)", "Page up", show=False, id="page_up"),
        Binding("g,home", "cursor_edge(0)", "Top", show=False, id="top"),
        Binding("G,end", "cursor_edge(1)", "Bottom", show=False, id="bottom"),
        Binding(
            "right_curly_bracket",
            "cursor_paragraphs(1)",
            "Next paragraph",
            key_display="}",
            show=False,
            id="paragraph_next",
        ),
        Binding(
            "left_curly_bracket",
            "cursor_paragraphs(-1)",
            "Previous paragraph",
            key_display="{",
            show=False,
            id="paragraph_previous",
        ),
        Binding(
            "right_parenthesis",
            "cursor_sentences(1)",
            "Next sentence",
            show=False,
            key_display=")",
            id="sentence_next",
        ),
        Binding(
            "left_parenthesis",
            "cursor_sentences(-1)",
            "Previous sentence",
            show=False,
            key_display="(",
            id="sentence_previous",
        ),
    ]

    class CursorMoved(Message):
        """The reading position moved to ``offset`` (by key or by click)."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""
        self._paragraphs: tuple[Span, ...] = ()
        self._wrapped: Layout | None = None  # may hold only the first screens: see _layout
        self._layers: dict[str, SpanIndex[None]] = dict.fromkeys(LAYERS, EMPTY)
        self._cache: LRUCache[tuple[int, int, bool], Strip] = LRUCache(1024)
        self._styles: dict[bool, dict[str, Style]] = {}  # per focus state
        self.cursor = 0
        self.pending = False

    # -- content -------------------------------------------------------------------------------

    def show_text(self, text: str, paragraphs: Sequence[Span], *, pending: bool = False) -> None:
        """Show ``text`` split into ``paragraphs``; ``pending`` dims it until the analysis lands."""
        self._text = text
        self._paragraphs = tuple(paragraphs)
        self.pending = pending
        self._layers = dict.fromkeys(LAYERS, EMPTY)
        self.cursor = self._paragraphs[0][0] if self._paragraphs else 0
        self._relayout()
        self.scroll_to(0, 0, animate=False)
        self._paint_cursor()

    @property
    def text(self) -> str:
        return self._text

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        return self._paragraphs

    def paint(self, layer: str, spans: Sequence[Span] | SpanIndex[None]) -> None:
        """Replace the spans of one layer ("linked", "current", "mark-warning", ...), given
        as spans or as a ``layer_of`` them.

        A few spans repaint only their rows; many repaint the whole view."""
        stale = self._layers[layer]
        fresh = spans if isinstance(spans, SpanIndex) else layer_of(spans) if spans else EMPTY
        self._layers[layer] = fresh
        if len(stale) + len(fresh) <= _FEW:
            self._refresh_spans(
                [span for index in (stale, fresh) for span, _ in self._all(layer, index)]
            )
            return
        self._cache.clear()
        self.refresh()

    def scroll_to_offset(self, offset: int) -> None:
        """Bring text ``offset`` into view, a third of the way down the pane."""
        if self._layout is None:
            return
        y = self._layout.line_of(offset, self._paragraphs)
        top = max(y - self.scrollable_content_region.height // 3, 0)
        self.scroll_to(y=top, animate=False)

    def sentence_at(self, offset: int) -> Span:
        """The sentence around ``offset``, within its paragraph."""
        return sentence_in(self._text, *self._paragraph_at(offset), offset)

    def word_at(self, offset: int) -> Span | None:
        """The word under ``offset``, if the cursor is on one."""
        start, end = self._paragraph_at(offset)
        for match in _WORD.finditer(self._text, max(start, offset - 64), min(end, offset + 64)):
            if match.start() <= offset < match.end():
                return match.span()
        return None

    # -- the cursor ----------------------------------------------------------------------------

    def move_cursor(self, offset: int, *, announce: bool = True, scroll: bool = True) -> None:
        """Put the reading position at ``offset``, keep it on screen, and tell the app."""
        self.cursor = min(max(offset, 0), len(self._text))
        self._paint_cursor()
        if scroll:
            self._keep_cursor_visible()
        if announce:
            self.post_message(self.CursorMoved(self.cursor))

    def _paint_cursor(self) -> None:
        """Move the caret and the shaded sentence, repainting only the rows they touch."""
        stale = [span for name in ("cursor", "sentence") for span, _ in self._all(name)]
        if self._text:
            at = min(self.cursor, len(self._text) - 1)
            self._layers["cursor"] = layer_of([(at, at + 1)])
            self._layers["sentence"] = layer_of([self.sentence_at(at)])
        else:
            self._layers["cursor"] = self._layers["sentence"] = EMPTY
        fresh = [span for name in ("cursor", "sentence") for span, _ in self._all(name)]
        self._refresh_spans([*stale, *fresh])

    def _all(self, layer: str, index: SpanIndex[None] | None = None) -> list[tuple[Span, None]]:
        return (self._layers[layer] if index is None else index).touching(0, len(self._text) + 1)

    def _refresh_spans(self, spans: Sequence[Span]) -> None:
        """Drop the cached rows under ``spans`` and repaint those rows alone."""
        if self._wrapped is None:
            return
        width = self.scrollable_content_region.width
        for start, end in spans:
            first = self._wrapped.line_of(start, self._paragraphs)
            last = self._wrapped.line_of(max(end - 1, start), self._paragraphs)
            for row in range(first, last + 1):
                self._cache.discard((row, width, False))
                self._cache.discard((row, width, True))
            self.refresh_lines(first, last - first + 1)

    def _keep_cursor_visible(self) -> None:
        if self._layout is None:
            return
        y = self._layout.line_of(self.cursor, self._paragraphs)
        top = int(self.scroll_offset.y)
        height = max(self.scrollable_content_region.height, 1)
        if y < top:
            self.scroll_to(y=y, animate=False)
        elif y >= top + height:
            self.scroll_to(y=y - height + 1, animate=False)

    def _paragraph_at(self, offset: int) -> Span:
        if not self._paragraphs:
            return 0, len(self._text)
        index = max(bisect_right(self._paragraphs, (offset, len(self._text) + 1)) - 1, 0)
        return self._paragraphs[index]

    def _cursor_line(self) -> tuple[int, int]:
        """The cursor's visual line and its column (characters from the line start)."""
        assert self._layout is not None
        y = self._layout.line_of(self.cursor, self._paragraphs)
        line = self._layout.line(y)
        return y, (self.cursor - line[0]) if line else 0

    def _offset_at_line(self, y: int, column: int) -> int:
        assert self._layout is not None
        y = min(max(y, 0), len(self._layout) - 1)
        line = self._layout.line(y)
        if line is None:  # a blank line between paragraphs: land on the next text line
            line = self._layout.line(min(y + 1, len(self._layout) - 1)) or (
                self.cursor,
                self.cursor,
            )
        start, end = line
        return min(start + column, max(end - 1, start))

    def action_cursor_lines(self, count: int) -> None:
        if self._layout is None or not self._paragraphs:
            return
        y, column = self._cursor_line()
        target = y + count
        step = 1 if count > 0 else -1
        while 0 <= target < len(self._layout) and self._layout.line(target) is None:
            target += step
        if not 0 <= target < len(self._layout):
            return
        self.move_cursor(self._offset_at_line(target, column))

    def action_cursor_pages(self, count: int) -> None:
        if self._layout is None or not self._paragraphs:
            return
        page = max(self.scrollable_content_region.height - 1, 1)
        y, column = self._cursor_line()
        self.scroll_to(y=self.scroll_offset.y + count * page, animate=False, immediate=True)
        self.move_cursor(self._offset_at_line(y + count * page, column))

    def action_cursor_edge(self, bottom: int) -> None:
        if not self._paragraphs:
            return
        self.move_cursor(self._paragraphs[-1][0] if bottom else self._paragraphs[0][0])
        self.scroll_to(y=self.max_scroll_y if bottom else 0, animate=False)

    def action_cursor_words(self, count: int) -> None:
        text = self._text
        if count > 0:
            word = self.word_at(self.cursor)
            match = _WORD.search(text, word[1] if word else self.cursor + 1)
            if match:
                self.move_cursor(match.start())
            return
        window = _WORD.finditer(text, max(self.cursor - 200, 0), self.cursor)
        before = [m.start() for m in window if m.start() < self.cursor]
        if before:
            self.move_cursor(before[-1])

    def action_cursor_paragraphs(self, count: int) -> None:
        if not self._paragraphs:
            return
        index = max(bisect_right(self._paragraphs, (self.cursor, len(self._text) + 1)) - 1, 0)
        if count < 0 and self.cursor > self._paragraphs[index][0]:
            count += 1  # "previous" from inside a paragraph first goes to its start
        index = min(max(index + count, 0), len(self._paragraphs) - 1)
        self.move_cursor(self._paragraphs[index][0])

    def action_cursor_sentences(self, count: int) -> None:
        if not self._text:
            return
        start, end = self.sentence_at(self.cursor)
        if count > 0:
            nxt = end
            while nxt < len(self._text) and self._text[nxt].isspace():
                nxt += 1
            self.move_cursor(min(nxt, len(self._text) - 1))
        elif self.cursor > start:
            self.move_cursor(start)
        elif start > 0:
            self.move_cursor(self.sentence_at(max(start - 2, 0))[0])

    # -- mouse ---------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        widget, offset = self.screen.get_widget_and_offset_at(event.screen_x, event.screen_y)
        if widget is self and offset is not None:
            position = self._text_offset(offset)
            if position is not None:
                self.move_cursor(position, scroll=False)

    def _text_offset(self, offset: Offset) -> int | None:
        """The text offset of a content position (x characters into visual line y)."""
        if self._layout is None or not 0 <= offset.y < len(self._layout):
            return None
        line = self._layout.line(offset.y)
        if line is None:
            return None
        return min(line[0] + max(offset.x, 0), line[1])

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text under a mouse selection, as it stands in the article."""
        start = self._text_offset(selection.start) if selection.start else 0
        end = self._text_offset(selection.end) if selection.end else len(self._text)
        if start is None or end is None:
            return None
        return self._text[min(start, end) : max(start, end)], "\n"

    def mouse_span(self) -> Span | None:
        """The span of the text selected with the mouse, if any (what ``h`` and ``a`` act on
        when no ``v`` selection is in progress)."""
        selection = self.screen.selections.get(self) if self.is_mounted else None
        if selection is None:
            return None
        start = self._text_offset(selection.start) if selection.start else 0
        end = self._text_offset(selection.end) if selection.end else len(self._text)
        if start is None or end is None or start == end:
            return None
        return (min(start, end), max(start, end))

    def clear_mouse_selection(self) -> None:
        if self.is_mounted and self in self.screen.selections:
            self.screen.clear_selection()

    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()
        self.refresh()

    # -- layout and rendering ------------------------------------------------------------------

    def _wrap_width(self) -> int:
        return max(self.scrollable_content_region.width - GUTTER, 8)

    def _relayout(self) -> None:
        """Wrap the text at the pane's width; before the pane has a size, wait for one.

        Only the first screens wrap now, the rest after the next frame: a newly shown text
        starts at the top. Anything that needs a line further down finishes it first."""
        self._cache.clear()
        if self.scrollable_content_region.width <= GUTTER:
            self._wrapped = None
            return
        first_lines = max(self.size.height, 1) * FIRST_SCREENS
        layout = Layout(self._text, self._paragraphs, self._wrap_width(), first_lines)
        self._show_layout(layout)
        if not layout.complete:  # a frame after the next one: see ReaderApp.after_first_frame
            self.call_after_refresh(self.set_timer, FRAME, partial(self._finish_layout, layout))

    def _show_layout(self, layout: Layout) -> None:
        self._wrapped = layout
        self.virtual_size = Size(layout.width, len(layout))
        self.refresh()

    def _finish_layout(self, layout: Layout) -> None:
        if self._wrapped is layout and not layout.complete:
            layout.finish()
            self._show_layout(layout)

    @property
    def _layout(self) -> Layout | None:
        """The layout with every line: painting rows can make do with the first screens, but
        a line found from an offset, or from a count of lines, needs them all."""
        if self._wrapped is not None and not self._wrapped.complete:
            self._finish_layout(self._wrapped)
        return self._wrapped

    def on_resize(self) -> None:
        if self._wrapped is None or self._wrapped.width != self._wrap_width():
            self._relayout()
            self._keep_cursor_visible()

    def _style(self, name: str) -> Style:
        """A layer's style: the stylesheet's text style (underline, strike...) over the colours
        worked out from the theme (see ``marks``), so marks read in any theme."""
        styles = self._styles.get(self.has_focus)
        if styles is None:
            from .marks import MONOCHROME, mark_colours

            colours = (
                MONOCHROME if self.app.no_color else mark_colours(self.app.get_css_variables())
            )
            styles = self._styles[self.has_focus] = {
                layer: colours.get(layer, Style())
                + self.get_component_rich_style(f"article--{layer}", partial=True)
                for layer in (*LAYERS, "pending")
            }
            styles["selection"] = colours.get("selection") or (
                self.screen.get_component_rich_style("screen--selection", partial=True)
            )
            styles["base"] = self.rich_style
        return styles[name]

    def render_lines(self, crop: Region) -> list[Strip]:
        """The first frame renders before the resize event that would wrap the text: wrap it
        here, so that frame shows the article and not a blank pane a frame ahead of it."""
        if self._wrapped is None and self._text:
            self._relayout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self._style("base")
        row = scroll_y + y
        key = (row, width, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(row, base)
            self._cache[key] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_row(self, row: int, base: Style) -> Strip:
        """One visual line: a gutter with the line's worst flag as a symbol, then the text
        split wherever a painted span starts or ends (text carries offsets for selection)."""
        layout = self._wrapped
        span = layout.line(row) if layout is not None and row < len(layout) else None
        if span is None:
            return Strip([Segment(" " * GUTTER, base)], GUTTER)
        start, end = span
        while end > start and self._text[end - 1] in " \t":
            end -= 1
        if self.pending:
            base = base + self._style("pending")
        cuts = {start, end}
        touching: list[tuple[str, Span]] = []
        for name in LAYERS:
            for (a, b), _ in self._layers[name].touching(start, end):
                touching.append((name, (a, b)))
                cuts.update((max(a, start), min(b, end)))
        selection = self.text_selection
        if selection is not None and (chosen := selection.get_span(row)) is not None:
            a = start + chosen[0]
            b = end if chosen[1] == -1 else start + chosen[1]
            touching.append(("selection", (a, b)))
            cuts.update((max(a, start), min(max(b, a), end)))
        segments = []
        for a, b in itertools.pairwise(sorted(cuts)):
            if a >= b:
                continue
            style = base
            for name, (s, e) in touching:
                if s < b and e > a:
                    style = style + self._style(name)
            segments.append(Segment(visible(self._text[a:b]), style))
        worst = next(
            (name for name in _SEVERITY_LAYERS if any(t[0] == name for t in touching)), None
        )
        gutter = Segment(
            f"{_MARKS[worst]} " if worst else " " * GUTTER,
            base + self._style(worst) if worst else base,
        )
        return Strip([gutter, *Strip(segments).apply_offsets(0, row)])
