"""How paragraphs are compared: case, spacing and quote styles folded away, words as tokens."""

from __future__ import annotations

import re
from functools import lru_cache

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
    }
)
_QUOTE = re.compile("[" + "".join(re.escape(chr(c)) for c in _QUOTES) + "]")
_TOKEN = re.compile(r"\w+")
_ASCII_GAPS = str.maketrans({c: " " for c in range(128) if not re.match(r"\w", chr(c))})
"""Every ASCII character that is no word character, made a space: splitting ASCII text at
spaces then leaves the words ``_TOKEN`` finds, and faster than the pattern finds them."""


def _holds_quote(text: str) -> bool:
    """Whether ``text`` holds a quote to fold. The backtick is the one in ASCII, and a substring
    test finds it faster than the pattern."""
    return "`" in text if text.isascii() else _QUOTE.search(text) is not None


@lru_cache(maxsize=1 << 15)
def key(text: str) -> str:
    """The paragraph as compared for exact repeats. Most paragraphs hold no quote to fold, and
    ``translate`` looks up every character, so a search decides first whether it is needed.
    Cached: the exact and the near duplicate rules both fold every paragraph."""
    if _holds_quote(text):
        text = text.translate(_QUOTES)
    return " ".join(text.casefold().split())


def tokens(folded: str) -> list[str]:
    """The words of a folded paragraph."""
    if folded.isascii():
        return folded.translate(_ASCII_GAPS).split()
    return _TOKEN.findall(folded)
