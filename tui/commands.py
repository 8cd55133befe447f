"""The command palette: "go to" any entity, figure, flag, edit or note by part of its name,
fuzzily, and a command for every key, which runs the key's own action."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Protocol, cast

from rapidfuzz import fuzz, process
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from .outline import Item, ItemKind
from .safe_text import one_line

if TYPE_CHECKING:
    from textual.binding import BindingType

KIND_NAMES: dict[ItemKind, str] = {
    "entity": "Go to",
    "figure": "Go to figure",
    "flag": "Go to flag",
    "edit": "Go to edit",
    "note": "Go to note",
    "search": "Go to search",
}
LIMIT = 40
LABEL_LIMIT = 90
HELP_LIMIT = 600
"""A hit's second line is its whole status (a flag's message and reason), wrapped, not cut."""
_NOT_IN_PALETTE = ("quit", "palette", "copy_ctrl_c")


class Reader(Protocol):
    """What the palette uses of the reader."""

    def outline_items(self) -> list[Item]: ...
    def go_to(self, item: Item) -> None: ...
    def report_failure(self, what: str, error: BaseException) -> None: ...


def hit_text(item: Item) -> str:
    return one_line(f"{KIND_NAMES[item.kind]}: {item.name or item.label}", LABEL_LIMIT)


class GoToProvider(Provider):
    """Items of the open analysis, scored by rapidfuzz's WRatio against what is typed. Textual
    drops what a provider raises, so a failure here is reported instead of lost."""

    @property
    def reader(self) -> Reader:
        return cast("Reader", self.app)

    async def discover(self) -> Hits:
        try:
            hits = [
                DiscoveryHit(
                    Content(hit_text(item)),
                    partial(self.reader.go_to, item),
                    help=escape(one_line(item.status, HELP_LIMIT)),
                )
                for item in self.reader.outline_items()[:LIMIT]
            ]
        except Exception as error:
            self.reader.report_failure("The palette's list", error)
            return
        for hit in hits:
            yield hit

    async def search(self, query: str) -> Hits:
        try:
            hits = list(self._matches(query))
        except Exception as error:
            self.reader.report_failure("The palette's search", error)
            return
        for hit in hits:
            yield hit

    def _matches(self, query: str) -> Iterator[Hit]:
        items = self.reader.outline_items()
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
                Content(hit_text(item)),
                partial(self.reader.go_to, item),
                text=hit_text(item),
                help=escape(one_line(item.status, HELP_LIMIT)),
            )


class Notes(Protocol):
    """What the palette's notes commands call (``NoteActions``)."""

    def export_notes(self, fmt: str) -> None: ...
    def write_review(self) -> None: ...


def reader_commands(
    notes: Notes, run_action: Callable[[str], object], bindings: Iterable[BindingType]
) -> Iterator[SystemCommand]:
    """The reader's palette commands: the notes' exports and review, and one for each key
    binding, which runs the binding's own action as the key would (its arguments and all)."""
    yield SystemCommand(
        "Export notes (Markdown)",
        "write this article's notes to a .md file",
        partial(notes.export_notes, "md"),
    )
    yield SystemCommand(
        "Export notes (Web Annotation JSON-LD)",
        "write this article's notes as W3C Web Annotations",
        partial(notes.export_notes, "json"),
    )
    yield SystemCommand(
        "Write the review (Markdown)",
        "flags with your dismissals, corrections, notes and highlights, in one document",
        notes.write_review,
    )
    for binding in bindings:
        if isinstance(binding, Binding) and binding.id not in _NOT_IN_PALETTE:
            yield SystemCommand(
                binding.description, f"key: {binding.key}", partial(run_action, binding.action)
            )
