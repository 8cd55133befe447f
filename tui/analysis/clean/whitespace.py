"""Whitespace inside a paragraph: runs folded to one space, the ends stripped.

Typographic single spaces (no-break, thin, figure) between words are the article's own and stay;
so do quotes and dashes. Zero-width characters are not whitespace here: the flags find them.
"""

from __future__ import annotations

import re

from .draft import Change, Draft

_WHITESPACE = re.compile(r"^\s+|\s+$|\s{2,}|[^\S \u00a0\u2007\u2009\u200a\u202f]")
_NOT_SPACE_BAR = re.compile(r"[^\S ]")


def _untidy(text: str) -> bool:
    """Whether ``_WHITESPACE`` finds anything. Most paragraphs hold no whitespace but single
    spaces between words, which substring tests confirm faster than the full pattern. Every
    whitespace character but the space bar is unprintable, so printable text holds none."""
    if not text.isprintable() and _NOT_SPACE_BAR.search(text):
        return _WHITESPACE.search(text) is not None
    return text[:1] == " " or text[-1:] == " " or "  " in text


def fold_whitespace(draft: Draft) -> None:
    for block in draft.blocks:
        text = block.text
        if not _untidy(text):
            continue
        changes = []
        for m in _WHITESPACE.finditer(text):
            edge = m.start() == 0 or m.end() == len(text)
            changes.append(
                Change(
                    m.start(),
                    m.end(),
                    "" if edge else " ",
                    "whitespace",
                    "space at paragraph edge" if edge else "run of spaces folded",
                )
            )
        block.replace_all(changes)
