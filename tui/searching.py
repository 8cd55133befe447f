"""The ``/`` prompt: a search typed in the status line, as in less.

The keys stay with the app (nothing moves the focus or the layout while the reader types); the
app hands each key here first, and a key this does not use does what it always does. Hits are
found in a worker (``SearchHost.find``) and come back through ``found``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from textual import events

from .jumps import Place
from .outline import Item
from .safe_text import one_line
from .search import edited, find_all

if TYPE_CHECKING:
    from .analysis.model import Span
    from .reading import Reading
    from .spanindex import SpanIndex
    from .widgets.article import ArticleView

TYPING_HITS = 10_000
"""Hits found while a search is typed: a first letter has 100,000 in a book-length text, and
finding them all at each key would lag the typing. Enter finds them all."""


class SearchView(Protocol):
    """What the prompt uses of the reader's view (``ReadingView``)."""

    reading: Reading

    @property
    def article(self) -> ArticleView: ...
    def set_status(self, text: str) -> None: ...
    def show_position(self, scroll: bool = True) -> None: ...
    def select(self, item: Item, position: int = 0) -> None: ...
    def clear_selection(self) -> None: ...


class SearchPrompt:
    """The query being typed (None when no search is), and the selection to go back to.
    ``find(text, query, limit)`` starts a search whose hits come back through ``found``."""

    def __init__(self, host: SearchView, find: Callable[[str, str, int], object]) -> None:
        self.host = host
        self.find = find
        self.query: str | None = None
        self._before: tuple[Item | None, int] = (None, 0)

    def start(self) -> None:
        reading = self.host.reading
        self._before = (reading.selection, reading.position)
        self.query = ""
        self._show("type to find; enter keeps the hits for n/N, esc cancels")

    def key(self, event: events.Key | events.Paste) -> bool:
        """Edit, keep or cancel the search being typed; False for a key that does none of
        these (an arrow, ctrl+p), which then does what it always does."""
        assert self.query is not None
        if isinstance(event, events.Paste):
            query: str | None = self.query + one_line(event.text, 200)
        elif event.key == "enter" and self.query:
            self._keep()
            return True
        elif event.key in ("escape", "enter") or (event.key == "backspace" and not self.query):
            self._cancel()
            return True
        else:
            query = edited(self.query, event.key, event.character)
        if query is None:
            return False
        self.query = query
        self._show("searching…")
        self.find(self.host.article.text, query, TYPING_HITS)
        return True

    def _show(self, state: str) -> None:
        self.host.set_status(f"/{self.query}▏ {state}")

    def found(self, query: str, hits: list[Span], layer: SpanIndex[None]) -> None:
        """The hits of ``query``, from the worker; stale ones (a newer key, or the search
        ended) are dropped."""
        if query != self.query:
            return
        first = self._select_hits(query, hits, layer)
        if first is None:
            self._show("no hits" if query else "type to find")
            return
        count = (
            f"the first {len(hits):,} hits"
            if len(hits) >= TYPING_HITS
            else f"{len(hits):,} hit{'s' * (len(hits) != 1)}"
        )
        self._show(f"{count}, at {first + 1}; enter keeps them for n/N")

    def _select_hits(self, query: str, hits: list[Span], layer: SpanIndex[None]) -> int | None:
        """Select the hits, at the first from the cursor on; which one that is, or None."""
        host, reading = self.host, self.host.reading
        if not query or not hits:
            reading.select(None)
            host.article.paint("linked", ())
            host.article.paint("current", ())
            return None
        first = bisect_left(hits, (host.article.cursor, 0))
        first = first if first < len(hits) else 0
        spans = tuple(hits)
        original = spans if reading.showing_original else ()
        reading.select(
            Item("search", f"search:{query}", query, f"/{query}", spans, original), first
        )
        host.article.paint("linked", layer)
        host.show_position()
        return first

    def _keep(self) -> None:
        """Enter: keep every hit for n/N. Typing stops at the first hits, and enter can come
        before the search of the last key is done: then the hits are found here."""
        from .spanindex import SpanIndex

        query, self.query = self.query, None
        assert query
        host, reading = self.host, self.host.reading
        item = reading.selection
        if (
            item is None
            or item.kind != "search"
            or item.label != query
            or (len(item.spans) >= TYPING_HITS)
        ):
            hits = find_all(host.article.text, query)
            self._select_hits(query, hits, SpanIndex.apart(hits))
        if reading.selection is not None and reading.selection.kind == "search":
            before = self._before[0]
            reading.jumps.record(Place(host.article.cursor, reading.showing_original, before, 0))
            host.show_position()
        else:
            host.set_status(f"/{one_line(query, 80)}: no hits")

    def _cancel(self) -> None:
        self.query = None
        item, position = self._before
        if item is not None:
            self.host.select(item, position)
        else:
            self.host.clear_selection()
