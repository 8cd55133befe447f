"""The ``f`` screen: which groups the sidebar shows (entity kinds, flag severities, dismissed
flags) and which notes (by tag)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from ..outline import FILTERABLE
from ..safe_text import shown
from .dialog import Dialog


class FilterScreen(Dialog[frozenset[str] | None]):
    """Space toggles a group, enter applies, escape leaves the filters as they were."""

    BINDINGS = [
        Binding("escape", "dismiss_unchanged", "Cancel", id="filters_cancel"),
        Binding("enter", "apply", "Apply", priority=True, id="filters_apply"),
    ]

    def __init__(self, hidden: Iterable[str], tags: Iterable[str] = ()) -> None:
        super().__init__()
        self._hidden = frozenset(hidden)
        self._options = (*FILTERABLE, *tags)

    def compose(self) -> ComposeResult:
        with Vertical(id="filters-body"):
            yield Static(
                "Show in the sidebar (space toggles, enter applies, esc cancels)", markup=False
            )
            yield SelectionList[str](
                *(
                    Selection(shown(title), title, title not in self._hidden)
                    for title in self._options
                ),
                id="filters",
            )

    def on_mount(self) -> None:
        self.query_one(SelectionList).highlighted = 0

    def action_apply(self) -> None:
        """Enter is a priority key (the list would take it as a toggle), so it can arrive
        before the toggles typed ahead of it: the list's own queue applies once they are in."""
        choices = self.query_one(SelectionList)
        choices.call_later(self._apply, choices)

    def _apply(self, choices: SelectionList[str]) -> None:
        shown = set(choices.selected)
        self.dismiss(frozenset(t for t in self._options if t not in shown))

    def action_dismiss_unchanged(self) -> None:
        self.dismiss(None)
