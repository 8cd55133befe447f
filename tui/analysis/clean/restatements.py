"""Restatements: two sentences in different paragraphs that say the same thing in other words.
Both stay; one flag links their paragraphs, so the reader can judge whether the article says one
thing twice or two things.

Bags of words alone link any two sentences about the same people. A restatement also keeps a
phrase of the first ("shooting in Almaty and other places" / "shooting in Almaty and other
cities") and, outside that phrase, still more of its content words. Words are cut to six letters
so that "protesters" meets "protestors". Candidates are the pairs that share two of the
article's rarer words, found through an index of those words, never by comparing all pairs.
"""

from __future__ import annotations

import re

from ..model import Flag, Span, make_flag
from ..segment import sentence_starts
from .assemble import Assembled
from .index import twice_shared

_STOP_WORDS = (
    "a about above after again against all also am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for from "
    "further had has have having he her here hers him his how i if in into is it its itself just "
    "me more most my no nor not now of off on once only or other our out over own said same says "
    "she should so some such than that the their them then there these they this those through "
    "to too under until up very was we were what when where which while who whom why will with "
    "would you your one two three four five six seven eight nine ten year years new told "
    "according added like many much well since still even may might must"
)
_STOP = frozenset(_STOP_WORDS.split())
_CONTENT = re.compile(r"[^\W\d_]{3,}")
_ASCII_CONTENT = re.compile(r"[A-Za-z]{3,}")
"""``_CONTENT`` in ASCII text, where it means the same and runs faster."""
_TOKEN = re.compile(r"\w+")
_LIST_ITEM = re.compile(r"[-•*–—▪·]\s")
_MIN_WORDS = 10
_MIN_SHARED = 5
_MIN_DICE = 0.4
_MIN_PHRASE = 5
_MIN_SHARED_OUTSIDE = 4
_MAX_POSTINGS = 30


class _Sentence:
    __slots__ = ("paragraph", "stems", "text")

    def __init__(self, paragraph: Span, text: str) -> None:
        self.paragraph = paragraph
        self.text = text.lower()
        content = _ASCII_CONTENT if self.text.isascii() else _CONTENT
        self.stems = {w[:6] for w in content.findall(self.text) if w not in _STOP}


def _sentences(result: Assembled) -> list[_Sentence]:
    found = []
    for a, b in result.paragraphs:
        paragraph = result.text[a:b]
        if _LIST_ITEM.match(paragraph):
            continue
        starts = sentence_starts(paragraph)
        for x, y in zip(starts, [*starts[1:], len(paragraph)], strict=True):
            sentence = paragraph[x:y]
            if len(sentence.split(maxsplit=_MIN_WORDS - 1)) >= _MIN_WORDS:  # stops at enough
                found.append(_Sentence((a, b), sentence))
    return found


def _shared_phrase(a: list[str], b: list[str]) -> tuple[str, ...]:
    """The longest run of words (two at least) the two sentences share; of several, the one
    ending first in ``b``. One pass over ``b``, extending the runs that end at each word of
    ``a`` it matches, instead of a set of ``n``-word runs of ``a`` for every length ``n``."""
    where: dict[str, list[int]] = {}
    for i, word in enumerate(a):
        where.setdefault(word, []).append(i)
    longest, end = 1, -1
    runs: dict[int, int] = {}
    for j, word in enumerate(b):
        extended = {}
        for i in where.get(word, ()):
            n = extended[i] = runs.get(i - 1, 0) + 1
            if n > longest:
                longest, end = n, j
        runs = extended
    return tuple(b[end - longest + 1 : end + 1]) if end >= 0 else ()


def _restates(s: _Sentence, t: _Sentence) -> float | None:
    """The Dice score of two sentences that restate each other, else None."""
    common = s.stems & t.stems
    dice = 2 * len(common) / (len(s.stems) + len(t.stems))
    if len(common) < _MIN_SHARED or dice < _MIN_DICE:
        return None
    phrase = _shared_phrase(_TOKEN.findall(s.text), _TOKEN.findall(t.text))
    outside = common - {w[:6] for w in phrase}
    if len(phrase) < _MIN_PHRASE or len(outside) < _MIN_SHARED_OUTSIDE:
        return None
    return dice


def _candidates(groups: list[set[str]]) -> list[tuple[int, int]]:
    """Pairs of sentences sharing at least two words that few sentences of the article use."""
    return twice_shared(groups, _MAX_POSTINGS)


def flag_restatements(result: Assembled) -> list[Flag]:
    sentences = _sentences(result)
    flags = []
    for j, i in _candidates([s.stems for s in sentences]):
        s, t = sentences[i], sentences[j]
        if t.paragraph == s.paragraph or (dice := _restates(t, s)) is None:
            continue
        flags.append(
            make_flag(
                "possible-restatement",
                "info",
                f"These paragraphs may say the same thing twice ({dice:.0%} of the content words "
                "of two sentences shared): one claim, or two?",
                [t.paragraph, s.paragraph],
                result.text,
            )
        )
    return flags
