"""Finding a query in the article: literal text, case-insensitive unless the query has capitals."""

from __future__ import annotations

import re

from .analysis.model import Span

MAX_HITS = 100_000


def find_all(text: str, query: str, limit: int = MAX_HITS) -> list[Span]:
    """Every place ``query`` occurs in ``text`` (smart case), at most ``limit`` of them."""
    if not query:
        return []
    flags = 0 if any(c.isupper() for c in query) else re.IGNORECASE
    pattern = re.compile(re.escape(query), flags)
    hits = []
    for match in pattern.finditer(text):
        hits.append(match.span())
        if len(hits) >= limit:
            break
    return hits
