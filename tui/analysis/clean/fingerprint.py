"""How paragraphs are compared: case, spacing and quote styles folded away, words as tokens."""

from __future__ import annotations

import re
from functools import lru_cache

_QUOTES = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
})
_QUOTE = re.compile("[" + "".join(re.escape(chr(c)) for c in _QUOTES) + "]")
_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=1 << 15)
def key(text: str) -> str:
    """The paragraph as compared for exact repeats. Most paragraphs hold no quote to fold, and
    ``translate`` looks up every character, so a search decides first whether it is needed.
    Cached: the exact and the near duplicate rules both fold every paragraph."""
    if _QUOTE.search(text):
        text = text.translate(_QUOTES)
    return " ".join(text.casefold().split())


def tokens(folded: str) -> list[str]:
    """The words of a folded paragraph."""
    return _TOKEN.findall(folded)
