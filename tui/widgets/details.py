"""The detail pane under the sidebar: the selection (a flag, an entity, a figure) in full, from
``tui.details``. It stays open while the reader works, so ``n``/``N`` and ``x`` act with the
whole reason in sight; it follows the selection and marks the place ``n``/``N`` stands on."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..details import Lines
from ..safe_text import one_line, visible
from ..screens.scrolling import SCROLL_KEYS, scroll

STACKED_BELOW = 44
"""Below this many columns a row's label goes above its text, not beside it."""
HINT = "i or esc closes · tab moves here · j/k scroll · n/N the next place · x acts on it"


class DetailPane(VerticalScroll, can_focus=True):
    """Titled rows of text (never markup); ``current`` is the row of the place ``n`` is on."""

    BINDINGS = [Binding("escape,i,q", "app.close_details", "Close the details"), *SCROLL_KEYS]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title_text = ""
        self.lines: Lines = []
        self.current: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="details-title")
        yield Static(id="details-table")
        yield Static(Text(HINT, style="dim"), id="details-hint")

    def show(self, title: str, lines: Lines, current: str | None = None) -> None:
        """Show ``lines`` under ``title``; the row labelled ``current`` is marked."""
        self.title_text, self.lines, self.current = title, lines, current
        self.query_one("#details-title", Static).update(Text(one_line(title, 300), style="bold"))
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def _lay_out(self) -> None:
        """Labels beside their text where the pane is wide, above it where it is narrow, so
        the text always has the width to wrap in, never cut."""
        rows = [
            (
                ("▸ " if label and label == self.current else "") + one_line(label),
                visible(text),
                label == self.current,
            )
            for label, text in self.lines
        ]
        body: Table | Text
        if self.scrollable_content_region.width >= STACKED_BELOW:
            body = Table(box=None, show_header=False, padding=(0, 1), expand=True)
            body.add_column(style="bold", no_wrap=True)
            body.add_column(ratio=1, overflow="fold")
            for label, text, here in rows:
                body.add_row(Text(label), Text(text, style="reverse" if here else ""))
        else:
            body = Text()
            for label, text, here in rows:
                if label:
                    body.append(label + "\n", style="bold")
                if text:
                    body.append(text, style="reverse" if here else "")
                    body.append("\n")
        self.query_one("#details-table", Static).update(body)

    def action_scroll(self, how: str) -> None:
        scroll(self, how)
