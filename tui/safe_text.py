"""Article text is data: make every character that could steer a terminal visible instead.

``visible`` maps one character to one character, so offsets into the article stay offsets into
what is shown. C0 controls become their Unicode control pictures (ESC shows as ␛), C1 controls
and bidi or zero-width format characters become a visible stand-in; nothing else changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.content import Content

_C1_MARK = "\u2327"  # ⌧
_FORMAT_MARK = "\u2b1a"  # ⬚ a dotted square: something invisible stood here
_BIDI_AND_INVISIBLE = (
    0x061C,
    0x200B,
    0x200C,
    0x200D,
    0x200E,
    0x200F,
    0x2060,
    0x2061,
    0x2062,
    0x2063,
    0x2064,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0xFEFF,
    0xFFF9,
    0xFFFA,
    0xFFFB,
)


def _table() -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20)}
    table[0x09] = " "
    table[0x7F] = "\u2421"  # ␡
    table.update({code: _C1_MARK for code in range(0x80, 0xA0)})
    table.update({code: _FORMAT_MARK for code in _BIDI_AND_INVISIBLE})
    table[0x2028] = "\u2424"  # ␤ a line separator inside a line
    table[0x2029] = "\u2424"
    return table


_TABLE = _table()
_LINE_TABLE = {**_TABLE, 0x0A: " "}


def visible(text: str) -> str:
    """``text`` with every control and invisible format character replaced by a visible one."""
    return text.translate(_TABLE)


def one_line(text: str, limit: int | None = None) -> str:
    """``visible`` for a label or a status line: newlines become spaces, long text is cut."""
    shown = text.translate(_LINE_TABLE)
    if limit is not None and len(shown) > limit:
        return shown[: max(limit - 1, 0)] + "…"
    return shown


# -- the guards: every string that did not come from our own code passes one of these ---------


def shown(text: object, limit: int | None = None, *, lines: bool = False) -> Content:
    """The view layer's guard: ``text`` as a Textual ``Content`` that is never read as markup,
    with every control made visible (one line unless ``lines``; cut to ``limit``)."""
    from textual.content import Content  # here: the command line imports this module too

    text = str(text)
    if lines:
        shown_text = visible(text).replace("\u240a", "\n")
        if limit is not None and len(shown_text) > limit:
            shown_text = shown_text[: max(limit - 1, 0)] + "…"
        return Content(shown_text)
    return Content(one_line(text, limit))


def plain(text: object) -> str:
    """The plain-text output's guard (stdout, Markdown and text reports): newlines and tabs stay,
    every other control, bidi or invisible format character becomes visible."""
    return str(text).translate(_PLAIN_TABLE)


_PLAIN_TABLE = {**_TABLE, 0x0A: "\n", 0x09: "\t"}
_JSON_ESCAPED = {
    code: f"\\u{code:04x}"
    for code in (*range(0x20), 0x7F, *range(0x80, 0xA0), *_BIDI_AND_INVISIBLE, 0x2028, 0x2029)
}


def json_text(value: object, *, indent: int | None = 2) -> str:
    """JSON output's guard: UTF-8 text with the exact strings, where only controls and bidi or
    invisible format characters are written as ``\\u`` escapes, so nothing is lost and nothing
    steers the terminal it is printed on."""
    import json

    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_JSON_ESCAPED_OUT)


# json.dumps already escapes C0 controls (as \\n, \\u001b ...); what remains are DEL, C1 and the
# format characters, which are only ever inside strings, where a \\u escape means the same.
_JSON_ESCAPED_OUT = {code: escape for code, escape in _JSON_ESCAPED.items() if code >= 0x7F}


class GuardedNotifications:
    """Mixed into the app: every notification from closeread's code is shown as plain text
    with its controls made visible, whatever ``markup`` the caller asked for (a file name or a
    theme name in it is data). Textual's own notices keep their markup (the text is Textual's:
    ctrl+c's "Press [b]q[/b] to quit the app"), with controls still made visible."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: str = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        super().notify(  # type: ignore[misc]
            one_line(str(message), NOTICE_LIMIT),
            title=one_line(str(title), NOTICE_LIMIT),
            severity=severity,
            timeout=timeout,
            markup=markup and _from_textual(),
        )


NOTICE_LIMIT = 400
_RELAYS = ("textual.widget", "textual.dom", "textual.message_pump")


def _from_textual() -> bool:
    """Whether the notification being made comes from Textual's own code (past the widget's
    ``notify`` that relays it to the app), not from closeread's."""
    import sys

    frame = sys._getframe(2)  # _from_textual <- notify <- the caller
    while frame is not None and frame.f_globals.get("__name__", "") in _RELAYS:
        frame = frame.f_back  # type: ignore[assignment]
    module = frame.f_globals.get("__name__", "") if frame is not None else ""
    return module == "textual" or module.startswith("textual.")
