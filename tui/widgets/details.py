"""The detail pane under the sidebar: the selection (a flag, an entity, a figure) in full, from
``tui.details``. It stays open while the reader works, so ``n``/``N`` and ``x`` act with the
whole reason in sight; it follows the selection, marks the place ``n``/``N`` stands on and
scrolls to keep it in view."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from ..details import Lines
from ..safe_text import one_line, visible
from ..screens.scrolling import SCROLL_KEYS, scroll

STACKED_BELOW = 44
"""Below this many columns a row's label goes above its text, not beside it."""
HINT = "i or esc closes · tab moves here · j/k scroll · n/N the next place · x acts on it"


class DetailPane(VerticalScroll, can_focus=True):
    """Titled rows of text (never markup), a widget a row so the marked one (``current``, the
    place ``n`` is on) can be scrolled to."""

    BINDINGS = [Binding("escape,i,q", "app.close_details", "Close the details"), *SCROLL_KEYS]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = ""
        self.lines: Lines = []
        self.current: str | None = None
        self._rows: list[Static] = []
        self._stacked = False

    def compose(self) -> ComposeResult:
        yield Static(id="details-title")
        yield Vertical(id="details-rows")
        yield Static(Text(HINT, style="dim"), id="details-hint")

    def show(self, title: str, lines: Lines, current: str | None = None) -> None:
        """Show ``lines`` under ``title``; the row labelled ``current`` is marked. Another item
        starts at the top; on the same one the mark moves and is scrolled into view."""
        same = title == self.title_text and lines == self.lines
        self.title_text, self.lines, self.current = title, lines, current
        if same:
            self._paint_rows()
        else:
            self.query_one("#details-title", Static).update(
                Text(one_line(title, 300), style="bold")
            )
            rows = self.query_one("#details-rows", Vertical)
            rows.remove_children()
            self._rows = [Static() for _ in lines]
            self._paint_rows()
            rows.mount_all(self._rows)
            self.scroll_home(animate=False, immediate=True)
            return
        self.call_after_refresh(self._reveal_current)

    def on_resize(self) -> None:
        if self._stacked != self._narrow():
            self._paint_rows()

    def _narrow(self) -> bool:
        return self.scrollable_content_region.width < STACKED_BELOW

    def _paint_rows(self) -> None:
        """Labels beside their text where the pane is wide (in one column as wide as the
        longest), above it where it is narrow, so the text always has room to wrap."""
        self._stacked = self._narrow()
        width = max((len(label) for label, _ in self.lines), default=0) + 2
        for row, (label, text) in zip(self._rows, self.lines, strict=True):
            here = self.current is not None and label == self.current
            shown_label = ("▸ " if here else "") + one_line(label)
            body = Text(visible(text), style="reverse" if here else "")
            if self._stacked:
                parts = [Text(shown_label, style="bold")] if label else []
                row.update(Text("\n").join([*parts, body] if text else parts))
                continue
            table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
            table.add_column(style="bold", no_wrap=True, width=width)
            table.add_column(ratio=1, overflow="fold")
            table.add_row(Text(shown_label), body)
            row.update(table)

    def _reveal_current(self) -> None:
        if self.current is None:
            return
        labels = [label for label, _ in self.lines]
        if self.current in labels:
            self.scroll_to_widget(self._rows[labels.index(self.current)], animate=False)

    def action_scroll(self, how: str) -> None:
        scroll(self, how)
