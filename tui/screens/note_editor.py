"""The ``a`` screen: a note's text, several lines, Markdown allowed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from ..safe_text import one_line
from .dialog import Dialog

QUOTE_LIMIT = 200


class NoteEditor(Dialog[str | None]):
    """Edit a note's body; ctrl+s saves, escape cancels (nothing is saved)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="note_save"),
        Binding("escape", "cancel", "Cancel", id="note_cancel"),
    ]

    def __init__(self, quote: str, body: str = "") -> None:
        super().__init__()
        self._quote = quote
        self._body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="note-body"):
            yield Static(f"Note on “{one_line(self._quote, QUOTE_LIMIT)}”", markup=False)
            yield TextArea(self._body, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(
                "ctrl+s: save · esc: cancel · Markdown is fine", classes="prompt-help", markup=False
            )

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
