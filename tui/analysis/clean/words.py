"""Is this an English word? pyspellchecker's word list (160,000 forms, MIT), loaded on first use,
with British spellings and hyphenated compounds accepted through their parts."""

from __future__ import annotations

import re
from functools import lru_cache

from spellchecker import SpellChecker

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
def _checker() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


def word_list_loaded() -> bool:
    """Whether the word list is in memory already, so that asking it costs next to nothing."""
    return _checker.cache_info().currsize > 0


def is_english_word(word: str) -> bool:
    """``word`` (lower case) or each part of it, spelled the British or the American way."""
    checker = _checker()
    word = re.sub(r"['’]s$", "", word)
    parts = [p for p in re.split(r"['’-]", word) if p]
    return bool(parts) and all(
        p in checker or any(r.search(p) and r.sub(s, p) in checker for r, s in _BRITISH)
        for p in parts
    )
