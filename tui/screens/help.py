"""The ``?`` screen: every key the reader answers to, by where it works."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.widgets import Static

from ..safe_text import one_line
from .dialog import Dialog
from .scrolling import SCROLL_KEYS, Scrolling

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "escape": "esc",
    "enter": "enter",
    "space": "space",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "apostrophe": "'",
    "pageup": "PgUp",
    "pagedown": "PgDn",
}


def key_label(keys: str) -> str:
    """``"j,down"`` as a person reads it: ``j / down``; ``right_parenthesis`` is ``)``."""
    return " / ".join(_key_name(k.strip()) for k in keys.split(",") if k.strip())


def _key_name(key: str) -> str:
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, _KEY_NAMES.get(name) or format_key(name)])


def binding_rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    rows = []
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            rows.append((key_label(binding.key), binding.description))
    return rows


class HelpScreen(Scrolling, Dialog[None]):
    """A table of keys, scrolled with the reader's keys; any of esc, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help"), *SCROLL_KEYS]

    def __init__(self, sections: Sequence[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, bindings in self._sections:
            table.add_row(Text(one_line(title), style="bold underline"), "")
            for key, description in binding_rows(bindings):
                table.add_row(Text(one_line(key)), Text(one_line(description)))
            table.add_row("", "")
        with VerticalScroll(id="help-body"):
            yield Static(Text("closeread keys", style="bold"), id="help-title")
            yield Static(table, id="help-table")
            yield Static(Text("j/k, space and g/G scroll · esc, q or ? closes", style="dim"))
