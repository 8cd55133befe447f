"""Capitalised spans: the runs of capitalised words (with the particles and connectors that may
stand inside a name) that are candidate names, and the context a classifier needs about each.

One regular expression finds the runs, so the cost is a scan of the text plus a little work per
run, not per word.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ..model import Span
from .vocabulary import CONNECTORS, PARTICLES

_UPPER = "".join(re.escape(chr(c)) for c in range(0x10000) if chr(c).isupper())
_ABBREVIATIONS = (
    r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Corp|Ltd|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Rev|Mt|Ft)\."
)
_INITIALS = rf"(?:[{_UPPER}]\.)+(?![^\W\d_])"
_WORD = rf"[{_UPPER}][\w&'’-]+(?<![-'’])"
_CAP = rf"(?:{_ABBREVIATIONS}|{_INITIALS}|{_WORD})"
_PREFIX = re.compile(r"(?<![\w'’-])[a-z]{1,3}-$")
_INSIDE = "|".join(sorted(PARTICLES | CONNECTORS | {"the", "and", "&"}, key=len, reverse=True))
_GAP = rf"[ \t\xa0]+(?:(?:{_INSIDE})[ \t\xa0]+){{0,2}}"
RUN = re.compile(rf"(?=[{_UPPER}])(?<![\w'’]){_CAP}(?:{_GAP}(?:[a-z]{{1,3}}-)?{_CAP})*")
TOKEN = re.compile(rf"(?:[a-z]{{1,3}}-)?{_CAP}|[^\s]+")
_ABBREVIATION_BEFORE = re.compile(rf"(?:{_ABBREVIATIONS}|(?<!\w)[{_UPPER}]\.)$")
_ASCII_LETTERS = frozenset(string.ascii_letters)
SENTENCE_END = frozenset(".!?:;\n…")
OPENERS = frozenset("\"'“‘([{«—–-*•")


class Token(NamedTuple):
    """A word or mark of a run. ``capitalised`` and ``upper`` are read at every step of
    segmenting, so they are worked out once, when the token is made."""

    start: int
    end: int
    text: str
    capitalised: bool
    upper: bool


def _token(start: int, end: int, text: str) -> Token:
    return Token(
        start,
        end,
        text,
        text[:1].isupper() or ("-" in text[:4] and text[0].islower()),
        len(text) > 1 and text.isupper() and text[1] != ".",
    )


class Run(NamedTuple):
    """A run of capitalised words at ``span``; ``opens_sentence`` when nothing but quotes or
    brackets stand between it and a sentence end or a paragraph start; ``previous`` is the word
    just before it, lower-cased (a role such as "striker", or "in" before a place)."""

    span: Span
    opens_sentence: bool
    previous: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words and marks of ``text[start:end]``, a run found by ``runs``."""
    return [
        _token(t.start(), t.end(), t.group())
        for t in TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


def _opens_sentence(text: str, start: int, paragraph_starts: frozenset[int]) -> bool:
    i = start
    while i > 0:
        if i in paragraph_starts:
            return True
        c = text[i - 1]
        if c in SENTENCE_END:
            return c != "." or not _abbreviation_before(text, i - 1)
        if c in '(“‘"':
            return True
        if not (c.isspace() or c in OPENERS):
            return False
        i -= 1
    return True


def _abbreviation_before(text: str, dot: int) -> bool:
    """A dot that closes "Mr." or "U.S." does not end the sentence before a name."""
    return bool(_ABBREVIATION_BEFORE.search(text, max(0, dot - 5), dot + 1))


def runs(text: str, paragraphs: Sequence[Span] = ()) -> Iterator[Run]:
    """Every run of capitalised words in ``text``, in order."""
    paragraph_starts = frozenset(a for a, _ in paragraphs)
    for match in RUN.finditer(text):
        start = match.start()
        prefix = text[start - 1 : start] == "-" and _PREFIX.search(text, max(0, start - 5), start)
        if prefix:
            start = prefix.start()
        yield Run(
            (start, match.end()),
            _opens_sentence(text, start, paragraph_starts),
            _previous_word(text, start),
        )


def _previous_word(text: str, start: int) -> str:
    """The ASCII letters just before ``start`` across spaces (at most 20 characters back, and
    across a line break that ends the gap), lower-cased; "" when none. Read backwards, letter by
    letter: a regex search for ``[A-Za-z]+$`` would try every one of the 20 positions."""
    gap = start
    while gap > 0 and text[gap - 1] in " \t\xa0":
        gap -= 1
    if gap == start or gap == 0:
        return ""
    end = gap - 1 if text[gap - 1] == "\n" else gap
    at, limit = end, max(0, gap - 20)
    while at > limit and text[at - 1] in _ASCII_LETTERS:
        at -= 1
    return text[at:end].lower()
