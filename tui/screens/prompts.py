"""Small modal questions: a line of text, one letter, yes or no, one of a few choices.

Every prompt shows its question as plain text (never markup) and answers None when cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..safe_text import shown
from ..widgets.guarded import GuardedInput
from .dialog import Dialog


class TextPrompt(Dialog[str | None]):
    """One line of text; enter answers, escape cancels. ``suggestions`` complete as you type."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt_cancel")]

    def __init__(self, question: str, value: str = "", suggestions: Sequence[str] = ()) -> None:
        super().__init__()
        self._question = question
        self._value = value
        self._suggestions = list(suggestions)

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt"):
            yield Static(shown(self._question))
            suggester = (
                SuggestFromList(self._suggestions, case_sensitive=False)
                if self._suggestions
                else None
            )
            yield GuardedInput(self._value, suggester=suggester)
            yield Static("enter: done · esc: cancel", classes="prompt-help", markup=False)

    def on_input_submitted(self, event: GuardedInput.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LetterPrompt(Dialog[str | None]):
    """One letter a-z (a bookmark's name); any other key cancels."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        yield from _asking(self._question, "a letter a-z · any other key cancels")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        letter = event.character or ""
        self.dismiss(letter if len(letter) == 1 and "a" <= letter <= "z" else None)


class ConfirmScreen(Dialog[bool]):
    """Yes (y) or no (n, escape)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        yield from _asking(self._question, "y: yes · n or esc: no")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ChoiceScreen(Dialog[str | None]):
    """One of a few choices, by arrow keys and enter; escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice_cancel")]

    def __init__(self, question: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self._question = question
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt"):
            yield Static(shown(self._question))
            yield OptionList(*(Option(shown(label), id=key) for key, label in self._choices))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _asking(question: str, keys: str) -> ComposeResult:
    """A question answered by a key, and a line saying which keys answer it."""
    with Vertical(classes="prompt"):
        yield Static(shown(question))
        yield Static(keys, classes="prompt-help", markup=False)
