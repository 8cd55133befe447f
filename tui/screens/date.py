"""The ``d`` screen: the day relative dates ("on Thursday", "yesterday") resolve against."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from ..safe_text import shown
from ..widgets.guarded import GuardedInput
from .dialog import Dialog


class DateScreen(Dialog[date | bool | None]):
    """Returns a date, None to go back to the article's own, or False when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="date_cancel")]

    def __init__(self, current: date | None, found: str) -> None:
        super().__init__()
        self._current = current
        self._found = found

    def compose(self) -> ComposeResult:
        with Vertical(id="date-body"):
            yield Static(
                shown(
                    "Resolve weekdays and 'yesterday' against (YYYY-MM-DD; empty: the article's "
                    f"own date, now {self._found}). Enter applies, esc cancels.",
                    lines=True,
                )
            )
            yield GuardedInput(
                self._current.isoformat() if self._current else "",
                placeholder="YYYY-MM-DD",
                id="date-input",
            )
            yield Static("", id="date-error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self.dismiss(None)
            return
        from ..analysis.figures.relative import reference_problem

        try:
            day = date.fromisoformat(value)
        except ValueError:
            self.query_one("#date-error", Static).update(
                shown(f"Not a date in the form YYYY-MM-DD: {value}", 120)
            )
            return
        problem = reference_problem(day)
        if problem is not None:
            self.query_one("#date-error", Static).update(shown(problem.capitalize()))
            return
        self.dismiss(day)

    def action_cancel(self) -> None:
        self.dismiss(False)
