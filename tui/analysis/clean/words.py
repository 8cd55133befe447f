"""Is this an English word? pyspellchecker's word list (160,000 forms, MIT), loaded on first use,
with British spellings and hyphenated compounds accepted through their parts."""

from __future__ import annotations

import gzip
import json
import pkgutil
import re
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _word_list() -> frozenset[str]:
    """The words of pyspellchecker's English list, lower-cased as its ``SpellChecker`` keeps
    them. Read from the package's data file: a ``SpellChecker`` also builds frequency and letter
    tables that a membership test never reads, and those cost as much again as the words.

    The file is a JSON object of words and counts. With no escape in it, every quote mark
    delimits a word, and cutting the text at them is twice as fast as parsing it. A release
    without the file falls back on the library's own loading."""
    try:
        packed = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    except OSError:
        packed = None
    if packed is None:  # a release that keeps its data elsewhere: ask the library itself
        from spellchecker import SpellChecker

        return frozenset(map(str.lower, SpellChecker().word_frequency.dictionary))
    text = gzip.decompress(packed).decode("utf-8")
    words = json.loads(text) if "\\" in text else text.split('"')[1::2]
    return frozenset(map(str.lower, words))


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
