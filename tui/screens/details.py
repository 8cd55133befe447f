"""The detail view: one flag, entity or figure in full (see ``tui.details``), scrollable with
the reader's keys; esc, q or i closes it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..details import Lines
from ..safe_text import one_line, visible
from .dialog import Dialog

SCROLL_KEYS = [
    Binding("j,down", "scroll('down')", "Scroll down", show=False),
    Binding("k,up", "scroll('up')", "Scroll up", show=False),
    Binding("space,pagedown,ctrl+d", "scroll('page_down')", "Page down", show=False),
    Binding("pageup,ctrl+u", "scroll('page_up')", "Page up", show=False),
    Binding("g,home", "scroll('home')", "Top", show=False),
    Binding("G,end", "scroll('end')", "Bottom", show=False),
]
"""The reader's moving keys, scrolling a dialog's body instead."""


class Scrolling:
    """A dialog whose ``VerticalScroll`` body scrolls with the reader's keys."""

    def action_scroll(self, how: str) -> None:
        body = self.query_one(VerticalScroll)  # type: ignore[attr-defined]
        {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }[how](animate=False)


class DetailScreen(Scrolling, Dialog[None]):
    BINDINGS = [Binding("escape,q,i", "dismiss", "Close the details"), *SCROLL_KEYS]

    def __init__(self, title: str, lines: Lines) -> None:
        super().__init__()
        self._title = title
        self._lines = lines

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for label, text in self._lines:
            table.add_row(Text(one_line(label)), Text(visible(text)))
        with VerticalScroll(id="details-body"):
            yield Static(Text(one_line(self._title, 300), style="bold"), id="details-title")
            yield Static(table, id="details-table")
            yield Static(Text("j/k scroll · esc, q or i closes", style="dim"))
