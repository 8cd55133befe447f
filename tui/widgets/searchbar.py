"""The ``/`` search line: incremental, escape cancels, enter keeps the hits to walk with n/N."""

from __future__ import annotations

from textual import events
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

    async def _on_key(self, event: events.Key) -> None:
        """Keys typed ahead of ``enter`` ("/Almaty⏎n") reach this input after it has closed:
        hand them back to the app, which gives them to the pane that has the focus now."""
        if self.display:
            await super()._on_key(event)
            return
        event.stop()
        event.prevent_default()
        if self.has_focus:  # never hand a key back to ourselves
            self.screen.set_focus(None)
        self.app.post_message(events.Key(event.key, event.character))
