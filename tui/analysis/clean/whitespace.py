"""Whitespace inside a paragraph: runs folded to one space, the ends stripped.

Typographic single spaces (no-break, thin, figure) between words are the article's own and stay;
so do quotes and dashes. Zero-width characters are not whitespace here: the flags find them.
"""

from __future__ import annotations

import re

from .draft import Change, Draft

_WHITESPACE = re.compile(r"^\s+|\s+$|\s{2,}|[^\S \u00a0\u2007\u2009\u200a\u202f]")


def fold_whitespace(draft: Draft) -> None:
    for block in draft.blocks:
        text = block.text
        changes = []
        for m in _WHITESPACE.finditer(text):
            edge = m.start() == 0 or m.end() == len(text)
            changes.append(Change(
                m.start(), m.end(), "" if edge else " ", "whitespace",
                "space at paragraph edge" if edge else "run of spaces folded",
            ))
        block.replace_all(changes)
