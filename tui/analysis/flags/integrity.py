"""Text integrity the cleaning stage leaves to the flags: characters that cannot be seen.

Cleaning already reports duplicates, restatements, truncation, missing end punctuation and
markup debris; this family adds hidden characters inside words. A zero-width space in "Al​maty"
breaks every search for the word, and a bidi override can make text read differently from how it
is stored. Joiners are legitimate in emoji and in Persian or Indic script, so only those between
Latin letters count; overrides and isolates count anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..model import Flag
from .rule import Article, Rule

_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c"
_HIDDEN = re.compile(f"[{_OVERRIDES}{_INVISIBLE}]+")
_WORDLIKE = re.compile(r"[\w\u200b-\u200f\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069]")


def _latin(char: str) -> bool:
    return (char.isascii() and char.isalnum()) or "LATIN" in unicodedata.name(char, "")


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The word the hidden run sits in, at most 40 characters either side."""
    low, high = max(start - 40, 0), min(end + 40, len(text))
    while start > low and _WORDLIKE.match(text, start - 1):
        start -= 1
    while end < high and _WORDLIKE.match(text, end):
        end += 1
    return start, end


def check_hidden_characters(rule: Rule, article: Article) -> Iterator[Flag]:
    text = article.text
    if not any(c in text for c in _OVERRIDES + _INVISIBLE):
        return  # a few substring tests cost less than one scan with the pattern
    seen: dict[str, list[tuple[int, int]]] = {}
    names: dict[str, str] = {}
    for m in _HIDDEN.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        override = any(c in _OVERRIDES for c in m.group())
        if not override and not (_latin(before) and _latin(after)):
            continue
        start, end = _word_around(text, m.start(), m.end())
        word = text[start:end]
        seen.setdefault(word, []).append((start, end))
        names[word] = ", ".join(
            f"{unicodedata.name(c, 'character').lower()} (U+{ord(c):04X})"
            for c in dict.fromkeys(m.group())
        )
    for word, spans in seen.items():
        visible = _HIDDEN.sub("", word)
        times = f" ({len(spans)} times)" if len(spans) > 1 else ""
        yield rule.flag(
            article,
            f"A hidden {names[word]} sits inside “{visible}”{times}.",
            spans,
        )
