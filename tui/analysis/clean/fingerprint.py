"""How paragraphs are compared: case, spacing and quote styles folded away, words as tokens."""

from __future__ import annotations

import re

_QUOTES = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
})
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")


def key(text: str) -> str:
    """The paragraph as compared for exact repeats."""
    return _SPACE.sub(" ", text.translate(_QUOTES).casefold()).strip()


def tokens(folded: str) -> list[str]:
    """The words of a folded paragraph."""
    return _TOKEN.findall(folded)
