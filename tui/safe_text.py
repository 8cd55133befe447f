"""Article text is data: make every character that could steer a terminal visible instead.

``visible`` maps one character to one character, so offsets into the article stay offsets into
what is shown. C0 controls become their Unicode control pictures (ESC shows as ␛), C1 controls
and bidi or zero-width format characters become a visible stand-in; nothing else changes.
"""

from __future__ import annotations

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
