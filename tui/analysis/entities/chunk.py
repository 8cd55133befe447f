"""Capitalised spans: the runs of capitalised words (with the particles and connectors that may
stand inside a name) that are candidate names, and the context a classifier needs about each.

One regular expression finds the runs, so the cost is a scan of the text plus a little work per
run, not per word.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from ..compact import made
from .gazetteer import fold
from .vocabulary import CONNECTORS, PARTICLES


def _upper_case(unicode_version: str) -> str:
    """Every upper-case letter of the Basic Multilingual Plane, escaped for a character class,
    by the Unicode database of ``unicode_version`` (this Python's: it names the input)."""
    return "".join(re.escape(chr(c)) for c in range(0x10000) if chr(c).isupper())


_UPPER = made(_upper_case, unicodedata.unidata_version)  # 3 ms to spell out, so recorded
_ABBREVIATION_WORDS = (
    "Mr Mrs Ms Dr St Jr Sr Inc Co Corp Ltd Gen Col Lt Sgt Capt Gov Sen Rep Prof Rev Mt Ft".split()
)
_ABBREVIATIONS = rf"(?:{'|'.join(_ABBREVIATION_WORDS)})\."
# A capitalised word, after its first letter: an abbreviation ("Mr."), initials ("U.S.") or a word
# ("O'Neill", "Coca-Cola"). Patterns that open with a bare character class let the regex engine
# skip to the next capital instead of trying the whole pattern at every position.
_ABBREVIATION_TAILS = "|".join(
    f"(?<={first})(?:{'|'.join(w[1:] for w in _ABBREVIATION_WORDS if w[0] == first)})"
    for first in dict.fromkeys(w[0] for w in _ABBREVIATION_WORDS)
)
_CAP_TAIL = rf"(?:(?:{_ABBREVIATION_TAILS})\.|\.(?:[{_UPPER}]\.)*(?![^\W\d_])|[\w&'’-]+(?<![-'’]))"
_CAP = rf"[{_UPPER}]{_CAP_TAIL}"
_PREFIX = re.compile(r"(?<![\w'’-])[a-z]{1,3}-$")
# Longest first, then alphabetical: a set's order changes from one process to the next, and the
# pattern's text must not, or its compiled form in patterns.marshal is never found (compact.py).
_INSIDE = "|".join(sorted(PARTICLES | CONNECTORS | {"the", "and", "&"}, key=lambda w: (-len(w), w)))
_GAP = rf"[ \t\xa0]+(?:(?:{_INSIDE})[ \t\xa0]+){{0,2}}"
RUN = re.compile(rf"[{_UPPER}](?<![\w'’].){_CAP_TAIL}(?:{_GAP}(?:[a-z]{{1,3}}-)?{_CAP})*")
_ABBREVIATION_BEFORE = re.compile(rf"(?:{_ABBREVIATIONS}|(?<!\w)[{_UPPER}]\.)$")
_ASCII_LETTERS = frozenset(string.ascii_letters)
_ROLE_LETTERS = _ASCII_LETTERS | {"-"}
SENTENCE_END = frozenset(".!?:;\n…")
OPENERS = frozenset("\"'“‘([{«—–-*•")
_POSSESSIVES = ("'s", "’s", "'", "’")
ADJECTIVE_ENDING = re.compile(r"-(?:[a-z]+ed|based|born|made|style|era|wide|bound|run|owned|held)$")


class Token(NamedTuple):
    """A word or mark of a run, with what segmenting reads of it at every step: whether it is
    capitalised or in capitals, the word as the word lists hold it (``word``: folded, "Gov." ->
    "gov"), and the name it spells alone (``key``, as ``name_key`` reads it)."""

    start: int
    end: int
    text: str
    capitalised: bool
    upper: bool
    word: str
    key: str


@lru_cache(maxsize=1 << 16)
def _reading(text: str) -> tuple[str, bool, bool, str, str]:
    """A token's fields after its span: the same few thousand words recur in every run."""
    return (
        text,
        text[:1].isupper() or ("-" in text[:4] and text[0].islower()),
        len(text) > 1 and text.isupper() and text[1] != ".",
        fold(text),
        name_key(text),
    )


@lru_cache(maxsize=1 << 16)
def name_length(surface: str) -> int:
    """How much of a run's text is the name: not a possessive ending ("Almaty’s"), not an
    adjective's ending ("Bergamo-based")."""
    if surface.endswith(_POSSESSIVES):
        ending = next(e for e in _POSSESSIVES if surface.endswith(e))
        if len(surface) > len(ending) + 1:
            surface = surface[: -len(ending)]
    if "-" in surface and (suffix := ADJECTIVE_ENDING.search(surface)) and suffix.start() > 1:
        surface = surface[: suffix.start()]
    return len(surface)


@lru_cache(maxsize=1 << 16)
def name_key(surface: str) -> str:
    """The folded name a run's text spells, without a possessive or adjective ending."""
    return fold(surface[: name_length(surface)])


def word_token(word: str) -> Token:
    """One word of a run, read as ``tokenize`` reads it."""
    return Token(0, len(word), *_reading(word))


def tokenize(run: str) -> list[Token]:
    """The words and marks of ``run``, the text of a run found by ``runs``, with offsets into
    it. ``RUN`` admits spaces, tabs and no-break spaces between words and no space inside one,
    so splitting on whitespace finds them."""
    tokens: list[Token] = []
    at = 0
    for word in run.split():
        at = run.index(word, at)
        tokens.append(Token(at, at + len(word), *_reading(word)))
        at += len(word)
    return tokens


def opens_sentence(text: str, start: int, paragraph_starts: frozenset[int]) -> bool:
    """Whether nothing but quotes or brackets stand between ``start`` and a sentence end or a
    paragraph start."""
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


def runs(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every run of capitalised words in ``text``, in order."""
    for match in RUN.finditer(text):
        start = match.start()
        prefix = text[start - 1 : start] == "-" and _PREFIX.search(text, max(0, start - 5), start)
        yield (prefix.start() if prefix else start), match.end()


def previous_word(text: str, start: int) -> str:
    """The ASCII letters and hyphens just before ``start`` across spaces (at most 20 characters
    back, and across a line break that ends the gap), lower-cased; "" when none: a role such as
    "striker" or "left-back", or "in" before a place. Read backwards, letter by letter: a regex
    search for ``[A-Za-z]+$`` would try every one of the 20 positions."""
    gap = start
    while gap > 0 and text[gap - 1] in " \t\xa0":
        gap -= 1
    if gap == start or gap == 0:
        return ""
    end = gap - 1 if text[gap - 1] == "\n" else gap
    at, limit = end, max(0, gap - 20)
    while at > limit and text[at - 1] in _ROLE_LETTERS:
        at -= 1
    return text[at:end].lower()
