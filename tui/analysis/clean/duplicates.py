"""Repeated paragraphs: exact copies, and copies lightly edited or cut short.

Exact copies are found by hashing the folded text. Near copies are found without comparing every
pair: each paragraph is indexed by its three-word shingles, a shingle found in more than a few
paragraphs is skipped as too common to tell anything, and only paragraphs sharing at least half
their shingles are scored with rapidfuzz. The fuller copy stays, in its place.
"""

from __future__ import annotations

import re
from collections import Counter

from .draft import Block, Draft, PendingFlag
from .fingerprint import key, tokens
from .index import half_shared

_FACT_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+")

_MIN_WORDS = 12
_MIN_WORDS_CUT = 8
_PROSE_END = re.compile(r"[.!…][\"'”’)\]]*$")
_PROSE_ENDS = (".", "!", "…")
_CLOSERS = "\"'”’)]"
_LIST_ITEM = re.compile(r"(?:[-•*–—▪·]|\d{1,3}[.)])\s")
"""A bullet or a number."""
_LABEL = re.compile(r"(?:\S+ ){0,3}\S+:\s")
"""A short label and a colon ("Portion Fix Containers: 1 Green"): a list item when the line is
short; a long one is a sentence that quotes someone ("Spokesperson said: ...")."""
_MAX_WORDS_LABELLED = 16
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
"""A number as one token: "1,000", "9.5", "14:30"."""

_MAX_POSTINGS = 20
_SIMILAR = 90.0
_CONTAINED = 95.0
_CONTAINED_SHARE = 0.4
"""A line much shorter than the paragraph holding it (a title in a list, "Hair Piece (1984)",
named again in a sentence) is no cut copy of that paragraph."""


def _prose(text: str) -> bool:
    """A paragraph of sentences. Headings, fixtures, list items, recipe lines and interview
    questions repeat by design ("Winners meet in final match", "Portion: 1 cup"), so only prose
    counts as repeated by mistake."""
    if not _ends_prose(text) or _LIST_ITEM.match(text):
        return False
    words = len(text.split())
    if words <= _MAX_WORDS_LABELLED and _LABEL.match(text):
        return False
    return words >= _MIN_WORDS and len(_NUMBER.findall(text)) * 4 < words


def _ends_prose(text: str) -> bool:
    """``_PROSE_END.search(text)``, read from the end instead of searched from the start."""
    if text.endswith("\n"):
        return _PROSE_END.search(text) is not None
    return text.rstrip(_CLOSERS).endswith(_PROSE_ENDS)


def _opening(block: Block) -> str:
    """The first words of a paragraph, to name it in a reason."""
    words = block.text.split()
    return "“" + " ".join(words[:6]) + ("…”" if len(words) > 6 else "”")


def drop_duplicates(draft: Draft) -> None:
    """Every paragraph is folded (the near-duplicate search needs all of them folded anyway),
    and only those whose folded text repeats are asked whether they are prose."""
    blocks = draft.live()
    folded = [key(block.text) for block in blocks]
    repeats = Counter(folded)
    first: dict[str, Block] = {}
    for block, text in zip(blocks, folded, strict=True):
        if repeats[text] < 2 or not _prose(block.text):
            continue
        kept = first.setdefault(text, block)
        if kept is block:
            continue
        edit = block.remove("duplicate", f"repeats the paragraph {_opening(kept)}")
        if edit is not None:
            draft.pending.append(
                PendingFlag(
                    "duplicate-paragraph",
                    "warning",
                    "This paragraph appeared twice; the later copy was removed.",
                    (("block", kept), ("point", edit.original[0])),
                )
            )


def _shingles(words: list[str]) -> set[int]:
    """The three-word shingles of a paragraph, each held as its 64-bit hash: ints are compared
    and stored far faster than tuples of strings, and among the million distinct shingles of a
    5 MB text two share a hash with a chance of a few in a hundred million."""
    return set(map(hash, zip(words, words[1:], words[2:], strict=False)))


def _facts(text: str) -> tuple[set[str], set[str]]:
    """The names and numbers of a paragraph (words that start with a capital, numbers as whole
    tokens), and all its words, both in lower case. Tokens are runs of letters or numbers, so
    quotes and dashes of any style fall between them ("Europe’s" meets "Europe's"), and case is
    blind ("chief Executive" meets "Chief executive")."""
    words: set[str] = set()
    facts: set[str] = set()
    for m in _FACT_TOKEN.finditer(text):
        w = m.group()
        lower = w.lower()
        words.add(lower)
        if w[0].isupper() or w[0].isdigit():
            facts.add(lower)
    return facts, words


def _score(a: Block, b: Block, folded_a: str, folded_b: str) -> tuple[float, str] | None:
    """How alike two paragraphs are, and in what way; None when they are not, or when one names
    a person, place or number the other lacks: two list items that differ only in a name ("Film -
    The Aviator" / "Film - Million Dollar Baby") are two facts, not one fact twice."""
    (short, folded_short), (long, folded_long) = sorted(
        ((a, folded_a), (b, folded_b)), key=lambda pair: len(pair[1])
    )
    if not _prose(long.text):
        return None
    from rapidfuzz import fuzz  # here: importing it costs 10 ms, and most articles never ask

    ratio = fuzz.ratio(folded_short, folded_long, score_cutoff=_SIMILAR)
    if ratio:
        found = ratio, "similar to"
    else:
        if len(folded_short) < _CONTAINED_SHARE * len(folded_long):
            return None
        contained = fuzz.partial_ratio(folded_short, folded_long, score_cutoff=_CONTAINED)
        if not contained:
            return None
        found = contained, "contained in"
    # The shorter copy names no person, place or number the fuller one lacks.
    facts_short, _ = _facts(short.text)
    _, words_long = _facts(long.text)
    return None if facts_short - words_long else found


def drop_near_duplicates(draft: Draft) -> None:
    blocks: list[Block] = []
    folded: list[str] = []
    shingles: list[set[int]] = []
    for block in draft.live():
        text = key(block.text)
        words = tokens(text)
        if len(words) >= _MIN_WORDS_CUT:
            blocks.append(block)
            folded.append(text)
            shingles.append(_shingles(words))
    for j, i in half_shared(shingles, _MAX_POSTINGS):
        first, second = blocks[j], blocks[i]
        if not first.text or not second.text:
            continue
        found = _score(first, second, folded[j], folded[i])
        if found is None:
            continue
        score, relation = found
        keep, drop = (second, first) if len(folded[i]) > len(folded[j]) else (first, second)
        reason = f"{score:.0f}% {relation} the paragraph {_opening(keep)}"
        edit = drop.remove("near-duplicate", reason)
        if edit is not None:
            draft.pending.append(
                PendingFlag(
                    "near-duplicate",
                    "warning",
                    f"A near copy of this paragraph ({score:.0f}% {relation} it) was removed.",
                    (("block", keep), ("point", edit.original[0])),
                )
            )
