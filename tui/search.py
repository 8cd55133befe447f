"""Finding a query in the article: literal text, case-insensitive unless the query has capitals."""

from __future__ import annotations

import re
from functools import lru_cache

from .analysis.model import Span

MAX_HITS = 100_000
"""Hits kept for n/N ("the" has 222,538 in a 20 MB text): the count then reads "100,000+"."""


def hit_count(hits: int) -> str:
    """How many hits, as the status line says it: ``1,234``, or ``100,000+`` at the cap."""
    return f"{hits:,}+" if hits >= MAX_HITS else f"{hits:,}"


def find_all(text: str, query: str, limit: int = MAX_HITS) -> list[Span]:
    """Every place ``query`` occurs in ``text`` (smart case), at most ``limit`` of them."""
    if not query:
        return []
    pattern = re.escape(query)
    if any(c.isupper() for c in query):
        matches = re.finditer(pattern, text)
    elif (lowered := _lowered(text)) is not None:
        matches = re.finditer(pattern, lowered)
    else:
        matches = re.finditer(pattern, text, re.IGNORECASE)
    hits = []
    for match in matches:
        hits.append(match.span())
        if len(hits) >= limit:
            break
    return hits


def prepare_search(text: str) -> None:
    """Make ``text``'s lower-case copy now (a worker thread's time): at 5 MB it takes a tenth
    of a second, which the first letter of the first search would otherwise wait for."""
    _lowered(text)


@lru_cache(maxsize=2)
def _lowered(text: str) -> str | None:
    """The text in lower case, made once per text: a literal search of it is many times faster
    than an ignore-case one, which compares character by character. None when lowering moves
    offsets (a few letters, such as "İ", lower to two characters)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


_LAST_WORD = re.compile(r"\S*\s*$")


def edited(query: str, key: str, character: str | None) -> str | None:
    """``query`` after one key typed at the search prompt, as in less and vim: a printable
    character adds itself, backspace takes one back, ctrl+w the last word, ctrl+u the lot.
    None when the key edits nothing, so it keeps its usual meaning."""
    if key == "backspace":
        return query[:-1]
    if key == "ctrl+w":
        return _LAST_WORD.sub("", query.rstrip(), count=1)
    if key == "ctrl+u":
        return ""
    if character is not None and len(character) == 1 and character.isprintable():
        return query + character
    return None
