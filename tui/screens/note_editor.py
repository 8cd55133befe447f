"""The ``a`` screen: a note's text, several lines, Markdown allowed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from ..safe_text import shown
from ..widgets.guarded import GuardedTextArea
from .dialog import Dialog

QUOTE_LIMIT = 200
EDIT_LIMIT = 200_000
"""Characters a note's body may have to be edited here. Textual's TextArea lays out the whole
document up front (a 30 MB body froze the window for 48 s): a longer body opens read-only,
its start shown, so it is seen without a pause and cannot be cut short by a save."""


class NoteEditor(Dialog[str | None]):
    """Edit a note's body; ctrl+s saves, escape cancels (nothing is saved). ctrl+s is not a
    priority key: it reaches the screen through the editor, after every key typed before it."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note_save"),
        Binding("escape", "cancel", "Cancel", id="note_cancel"),
    ]

    def __init__(self, quote: str, body: str = "") -> None:
        super().__init__()
        self._quote = quote
        self._body = body
        self._editable = len(body) <= EDIT_LIMIT

    def compose(self) -> ComposeResult:
        with Vertical(id="note-body"):
            yield Static(shown(f"Note on “{self._quote}”", QUOTE_LIMIT))
            yield GuardedTextArea(
                self._body if self._editable else self._body[:EDIT_LIMIT],
                id="note-text",
                soft_wrap=True,
                show_line_numbers=False,
                read_only=not self._editable,
            )
            help_line = (
                "ctrl+s: save · esc: cancel · Markdown is fine"
                if self._editable
                else f"This note has {len(self._body):,} characters, too many to edit here: "
                f"its first {EDIT_LIMIT:,} are shown, read-only · esc: close"
            )
            yield Static(help_line, classes="prompt-help", markup=False)

    def on_mount(self) -> None:
        self.query_one(GuardedTextArea).focus()

    def action_save(self) -> None:
        if not self._editable:
            self.dismiss(None)
            return
        self.dismiss(self.query_one(GuardedTextArea).exact_text)

    def action_cancel(self) -> None:
        self.dismiss(None)
