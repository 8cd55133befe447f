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


def changed_words(old: str, new: str, around: int = 2, limit: int = 60) -> tuple[str, str]:
    """The part of ``old`` and ``new`` that differs, with ``around`` words of what they share
    either side and "…" where more was cut: a change late in a long quote still shows
    ("…said on Friday", "…said on Thursday"). Each part at most ``limit`` characters."""
    a, b = old.split(), new.split()
    if a == b:  # only the spacing changed: show both whole
        return old[:limit], new[:limit]
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    first = max(start - around, 0)

    def part(words: list[str]) -> str:
        last = len(words) - max(end - around, 0)
        text = " ".join(words[first:last])
        if len(text) > limit:
            text = text[: limit - 1].rstrip() + "…"
        return ("…" if first else "") + text + ("…" if last < len(words) else "")

    return part(a), part(b)
