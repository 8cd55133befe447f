"""Where sentences start: after closing punctuation (and any closing quotes) and a space.

A rough cut is enough here: the rules only ask whether a caption runs up to a sentence edge or
whether a sentence starts with a broken word, and an abbreviation's full stop is followed by a
word that is no broken word.
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=\S)")


def sentence_starts(text: str) -> list[int]:
    """Positions in ``text`` where a sentence starts, 0 first."""
    return [0, *(m.end() for m in _END.finditer(text))]
