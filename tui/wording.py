"""How the reader words counts and quotes, the same in every view and report: ``1 entity``,
``2 entities``; a quote in curly marks unless it already stands in some."""

from __future__ import annotations

_OPENING, _CLOSING = "“‘\"'«", "”’\"'»"


def plural(n: int, noun: str) -> str:
    """``1 entity``, ``2 entities``, ``1,024 words``, ``11 warnings``."""
    if n == 1:
        return f"1 {noun}"
    return f"{n:,} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def quoted(text: str) -> str:
    """``text`` in “curly quotes”, unless it already opens and closes with quote marks (a flag
    on “peacekeeping” is not shown as ““peacekeeping””)."""
    if len(text) >= 2 and text[0] in _OPENING and text[-1] in _CLOSING:
        return text
    return f"“{text}”"
