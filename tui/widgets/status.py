"""The status line: one line saying where the reader is. It repaints without a layout pass,
which a ``Static.update`` would cost on every key."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class StatusLine(Widget):
    """Plain text (never markup), one line, cut with an ellipsis by the stylesheet."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""

    @property
    def text(self) -> str:
        return self._text

    def show(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.refresh()

    def render(self) -> Content:
        return Content(self._text)
