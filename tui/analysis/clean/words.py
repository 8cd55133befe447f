"""Is this an English word? pyspellchecker's word list (160,000 forms, MIT), loaded on first use,
with British spellings and hyphenated compounds accepted through their parts."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from itertools import accumulate

from ..compact import compact

_BRITISH = (
    (re.compile(r"is(e[ds]?|ing|ations?)$"), r"iz\1"),
    (re.compile(r"ys(e[ds]?|ing)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able|ful)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"mme(s)?$"), r"m\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
)


class Words:
    """A set of words whose compact form is two objects: the sorted words in one string, and
    where each starts. Unpickling that takes a millisecond, where a frozenset's 160,000 strings
    take 40; a lookup bisects the string. A long article asks thousands of times: after
    ``_SET_AFTER`` lookups the words go into a frozenset once, and lookups hash from then on."""

    __slots__ = ("_asked", "_set", "_starts", "_text")

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted(set(words))
        self._text = "\n".join(ordered) + "\n"
        self._starts = array("I", accumulate((len(w) + 1 for w in ordered[:-1]), initial=0))
        self._asked = 0
        self._set: frozenset[str] | None = None

    def __getstate__(self) -> tuple[str, array[int]]:
        return self._text, self._starts

    def __setstate__(self, state: tuple[str, array[int]]) -> None:
        self._text, self._starts = state
        self._asked, self._set = 0, None

    def __contains__(self, word: object) -> bool:
        if self._set is not None:
            return word in self._set
        self._asked += 1
        if self._asked > _SET_AFTER:
            self._set = frozenset(self._text.split("\n")[:-1])
            return word in self._set
        if not isinstance(word, str):
            return False
        text, starts = self._text, self._starts
        low, high = 0, len(starts)
        while low < high:
            middle = (low + high) // 2
            start = starts[middle]
            here = text[start : text.index("\n", start)]
            if here < word:
                low = middle + 1
            elif here > word:
                high = middle
            else:
                return True
        return False

    def __len__(self) -> int:
        return len(self._starts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Words) and self._text == other._text

    __hash__ = None  # type: ignore[assignment]


_SET_AFTER = 10_000
"""Lookups a Words answers by bisection before it builds its frozenset (10,000 bisections cost
about what the frozenset does)."""


@compact("spellchecker:resources/en.json.gz")
def _word_list() -> Words:
    """The words of pyspellchecker's English list, lower-cased as its ``SpellChecker`` keeps
    them. Read from the package's data file: a ``SpellChecker`` also builds frequency and letter
    tables that a membership test never reads, and those cost as much again as the words.

    The file is a JSON object of words and counts. With no escape in it, every quote mark
    delimits a word, and cutting the text at them is twice as fast as parsing it. A release
    without the file falls back on the library's own loading."""
    import gzip  # here, as only a build from the readable file needs them
    import json
    import pkgutil

    try:
        packed = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    except OSError:
        packed = None
    if packed is None:  # a release that keeps its data elsewhere: ask the library itself
        from spellchecker import SpellChecker

        return Words(map(str.lower, SpellChecker().word_frequency.dictionary))
    text = gzip.decompress(packed).decode("utf-8")
    words = json.loads(text) if "\\" in text else text.split('"')[1::2]
    return Words(map(str.lower, words))


def word_list_loaded() -> bool:
    """Whether the word list is in memory already, so that asking it costs next to nothing."""
    return _word_list.cache_info().currsize > 0


def is_english_word(word: str) -> bool:
    """``word`` (lower case) or each part of it, spelled the British or the American way."""
    words = _word_list()
    word = re.sub(r"['’]s$", "", word)
    parts = [p for p in re.split(r"['’-]", word) if p]
    return bool(parts) and all(
        p.lower() in words or any(r.search(p) and r.sub(s, p).lower() in words for r, s in _BRITISH)
        for p in parts
    )
