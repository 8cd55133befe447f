"""Sentences and paragraphs: one model of where they start and end, for every stage and the reader.

A paragraph is a line of the cleaned text. A sentence ends at ".", "!", "?" or "…" (and any
closing quotes or brackets) before a space and a capital, a digit or an opening quote, and at a
paragraph's end; never inside a paragraph otherwise. A full stop after an abbreviation ends no
sentence where the abbreviation is bound to what follows ("Mr. Smith", "Dr. Jones", "Jan. 5",
"No. 10", "St. Louis", "John F. Kennedy"); after one that may also close a sentence ("U.S.",
"a.m.", "Inc.", "Jr."), it ends one only when a word that usually opens a sentence follows
("... in the U.S. The firm ..."). Cleaning, flags, figures and the reader's ``)``, ``(``, ``y``
and ``h`` all ask this module, so a sentence means one thing everywhere.

``stops`` are the looser places a rule may want besides: every closing mark before a space,
whatever follows, as where a scraper glued a cut-off line ("... said. atch military ...").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

Span = tuple[int, int]

_MONEY = frozenset("£$€¥")
_STOP = re.compile(r"[.!?…][\"'”’»)\]]*[ \t]+(?=\S)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NEXT = re.compile(r"[\"“‘'(\[]*(?P<word>[\w’'-]*)")
# Bound to the next word: a title before a name, a month or "No." before a number.
_TITLES = frozenset(
    "mr mrs ms mx dr prof rev revd fr sr gen col lt sgt capt cmdr cdr maj adm gov sen rep hon "
    "pres supt insp det cllr messrs mme mlle mt ft".split()
)
_BEFORE_NUMBER = frozenset(
    "no nos jan feb mar apr jun jul aug sep sept oct nov dec art vol fig p pp ch para op".split()
)
# May close a sentence: it does when a usual sentence opener follows.
_AMBIGUOUS = frozenset("inc corp co ltd plc bros jr st etc vs al approx est ave".split())
_OPENERS = frozenset(
    "the a an he she it they we i you his her its their our my this that these those there "
    "but and so yet or in on at for from with by after before when while if as since though "
    "although however meanwhile earlier later last next now then today yesterday tomorrow "
    "some many most more one two three several both all each other others such what who "
    "where why how mr mrs ms dr officials police critics analysts".split()
)


def _ends(text: str, m: re.Match[str]) -> bool:
    """Whether the stop ``m`` (a closing mark and its spaces) ends a sentence."""
    nxt = _NEXT.match(text, m.end())
    word = nxt.group("word") if nxt is not None else ""
    head = word[:1] or text[nxt.end() : nxt.end() + 1] if nxt is not None else ""
    if not (head.isupper() or head.isdigit() or head in _MONEY):
        return False  # "e.g. this", "… then": a sentence opens on a capital, digit or sum
    mark = m.start()
    if text[mark] != ".":
        return True
    # The word the full stop closes, with any inner dots ("U.S", "a.m", "e.g").
    a = mark
    while a > 0 and (text[a - 1].isalnum() or text[a - 1] in ".’'"):
        a -= 1
    before = text[a:mark]
    if not before:
        return True
    lower = before.lower()
    opener = word.lower() in _OPENERS
    if lower in _TITLES:
        return False
    if lower in _BEFORE_NUMBER:
        return not head.isdigit()
    if _INITIALISM.fullmatch(before):  # "U.S", "a.m", "e.g"
        return opener and lower not in ("e.g", "i.e", "cf", "viz")
    if len(before) == 1 and before.isupper():  # an initial, as in "John F. Kennedy"
        return opener
    if lower in _AMBIGUOUS:
        return opener
    return True


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where the sentences of ``text[start:end]`` (one paragraph or more) end, each just past
    its closing mark and quotes; a line break ends one too. The last sentence's end (``end``)
    is not listed unless a mark or a line break stands there."""
    end = len(text) if end is None else end
    ends: list[int] = []
    at = start
    while True:
        line = text.find("\n", at, end)
        stop = end if line < 0 else line
        for m in _STOP.finditer(text, at, stop):
            if _ends(text, m):
                ends.append(m.start() + len(m.group().rstrip()))
        if line < 0:
            return ends
        if not ends or ends[-1] < line:
            ends.append(line)
        at = line + 1


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentence spans of ``text[start:end]``, without the spaces between them or a line
    break; empty lines hold none."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    at = start
    for e in [*sentence_ends(text, start, end), end]:
        a = at
        while a < e and text[a].isspace():
            a += 1
        b = e
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        at = e
    return spans


def sentence_in(text: str, start: int, end: int, pos: int) -> Span:
    """The sentence of the paragraph ``text[start:end]`` that holds ``pos``: the last one
    starting at or before it (the paragraph's first when ``pos`` is before every one)."""
    spans = sentences(text, start, end)
    if not spans:
        return (start, start)
    k = max(bisect_right([a for a, _ in spans], pos) - 1, 0)
    return spans[k]


def sentence_starts(text: str) -> list[int]:
    """Where the sentences of one paragraph start, 0 first."""
    return [0, *(a for a, _ in sentences(text)[1:])]


def stops(text: str) -> list[int]:
    """Every place after a closing mark and a space, whatever follows, 0 first: where a rule
    that looks for debris glued to a sentence (a credit, a cut-off word) starts looking."""
    return [0, *(m.end() for m in _STOP.finditer(text))]


def paragraphs(text: str) -> list[Span]:
    """The non-blank lines of ``text``, each without its edge spaces."""
    spans: list[Span] = []
    at = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            a = at + line.index(stripped[0])
            spans.append((a, a + len(stripped)))
        at += len(line) + 1
    return spans


class Sentences:
    """The sentences of a text in its paragraphs, cut one paragraph at a time on first use (a
    reader or a rule asks about a few places; cutting a long text whole costs more)."""

    def __init__(self, text: str, paragraph_spans: Sequence[Span] = ()) -> None:
        self.text = text
        self.paragraphs: tuple[Span, ...] = tuple(paragraph_spans) or ((0, len(text)),)
        self._starts = [a for a, _ in self.paragraphs]
        self._cut: dict[int, tuple[list[Span], list[int]]] = {}

    def in_paragraph(self, i: int) -> tuple[list[Span], list[int]]:
        """The sentences of paragraph ``i`` and their starts."""
        if (cut := self._cut.get(i)) is None:
            spans = sentences(self.text, *self.paragraphs[i])
            cut = self._cut[i] = (spans, [a for a, _ in spans])
        return cut

    def all(self) -> list[Span]:
        return [s for i in range(len(self.paragraphs)) for s in self.in_paragraph(i)[0]]

    def at(self, pos: int) -> Span:
        """The sentence holding ``pos``: the last one starting at or before it, in its
        paragraph or, before a paragraph's first sentence, in an earlier one."""
        i = bisect_right(self._starts, pos) - 1
        while i >= 0:
            spans, starts = self.in_paragraph(i)
            if (k := bisect_right(starts, pos) - 1) >= 0:
                return spans[k]
            i -= 1
        for j in range(len(self.paragraphs)):
            if spans := self.in_paragraph(j)[0]:
                return spans[0]
        return (0, 0)

    def next_start(self, pos: int) -> int | None:
        """Where the first sentence starting after ``pos`` starts, or None."""
        i = max(bisect_right(self._starts, pos) - 1, 0)
        for j in range(i, len(self.paragraphs)):
            _, starts = self.in_paragraph(j)
            k = bisect_right(starts, pos)
            if k < len(starts):
                return starts[k]
        return None

    def previous_start(self, pos: int) -> int | None:
        """Where the last sentence starting before ``pos`` starts, or None."""
        i = bisect_right(self._starts, pos) - 1
        for j in range(min(i, len(self.paragraphs) - 1), -1, -1):
            _, starts = self.in_paragraph(j)
            k = bisect_right(starts, pos - 1) - 1 if pos > 0 else -1
            if k >= 0:
                return starts[k]
        return None
