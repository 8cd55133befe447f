"""The command palette's "go to": any entity, figure, flag or edit by part of its name, fuzzily."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from .outline import Item
from .safe_text import one_line

if TYPE_CHECKING:
    from .app import ReaderApp

_KIND_NAMES = {
    "entity": "Go to",
    "figure": "Go to figure",
    "flag": "Go to flag",
    "edit": "Go to edit",
}
LIMIT = 40
LABEL_LIMIT = 90


class GoToProvider(Provider):
    """Items of the open analysis, scored by rapidfuzz's WRatio against what is typed."""

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def _items(self) -> list[Item]:
        return self.reader.outline_items()

    def _hit_text(self, item: Item) -> str:
        return one_line(f"{_KIND_NAMES[item.kind]}: {item.name or item.label}", LABEL_LIMIT)

    async def discover(self) -> Hits:
        for item in self._items()[:LIMIT]:
            yield DiscoveryHit(
                Content(self._hit_text(item)),
                partial(self.reader.go_to, item),
                help=escape(one_line(item.status, LABEL_LIMIT)),
            )

    async def search(self, query: str) -> Hits:
        items = self._items()
        if not items or not query.strip():
            return
        names = [one_line(item.name or item.label) for item in items]
        matches = process.extract(
            query, names, scorer=fuzz.WRatio, processor=str.lower, limit=LIMIT, score_cutoff=60
        )
        for _, score, index in matches:
            item = items[index]
            yield Hit(
                score / 100,
                Content(self._hit_text(item)),
                partial(self.reader.go_to, item),
                text=self._hit_text(item),
                help=escape(one_line(item.status, LABEL_LIMIT)),
            )
