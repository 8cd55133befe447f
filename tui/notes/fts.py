"""What a person types into a notes search, as an SQLite FTS5 query that cannot be malformed.

FTS5 has its own syntax (``AND``, ``NEAR``, ``col:``, ``*``, ``^``, quotes), and a stray
quote or colon in it is an error. People type words: each word becomes a quoted prefix term
(``protest`` finds "protesters"), text in double quotes a phrase, and every term must match.
"""

from __future__ import annotations

import re

_TERMS = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def fts_query(text: str) -> str:
    """The FTS5 MATCH expression for ``text``; empty when it has no words to look for."""
    terms = []
    for phrase, word in _TERMS.findall(text):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
        else:
            terms.extend(f'"{w}"*' for w in _WORD.findall(word))
    return " ".join(terms)
