"""The ``/`` search line: incremental, escape cancels, enter keeps the hits to walk with n/N."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An input that says when it is cancelled; typing and enter arrive as Input messages."""

    BINDINGS = [Binding("escape", "cancel", "Cancel search", id="search_cancel")]

    class Cancelled(Message):
        """The reader left the search without keeping it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search: type, enter keeps the hits, esc cancels", id=id)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
