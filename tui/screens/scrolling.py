"""The reader's moving keys (``j``/``k``, pages, ``g``/``G``) scrolling a dialog's or a pane's
body instead of moving a cursor, so every long view reads with the keys the article uses."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll

SCROLL_KEYS = [
    Binding("j,down", "scroll('down')", "Scroll down", show=False),
    Binding("k,up", "scroll('up')", "Scroll up", show=False),
    Binding("space,pagedown,ctrl+d", "scroll('page_down')", "Page down", show=False),
    Binding("pageup,ctrl+u", "scroll('page_up')", "Page up", show=False),
    Binding("g,home", "scroll('home')", "Top", show=False),
    Binding("G,end", "scroll('end')", "Bottom", show=False),
]


def scroll(body: VerticalScroll, how: str) -> None:
    """Scroll ``body`` as one of ``SCROLL_KEYS`` asks."""
    {
        "down": body.scroll_down,
        "up": body.scroll_up,
        "page_down": body.scroll_page_down,
        "page_up": body.scroll_page_up,
        "home": body.scroll_home,
        "end": body.scroll_end,
    }[how](animate=False)


class Scrolling:
    """A dialog whose ``VerticalScroll`` body scrolls with the reader's keys."""

    def action_scroll(self, how: str) -> None:
        scroll(self.query_one(VerticalScroll), how)  # type: ignore[attr-defined]
