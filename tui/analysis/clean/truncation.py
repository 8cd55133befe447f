"""Text cut off by the scraper: a sentence that starts inside a word, a paragraph with no end.

We cannot know the lost letters, so nothing is repaired; the reader is told. A sentence start in
lower case is broken when the word is no English word and appears nowhere else in the article
("atch military are being sent"), which keeps "e.g. this" and "iPhone" quiet; a paragraph opening
in lower case after a finished sentence is cut whatever its word ("lice are searching"); so is an
all-caps first word that is the tail of a name the article gives (a dateline, "ASHINGTON -"); an
article ending on an ellipsis after a word stops mid-sentence, as a paywall cuts it.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Flag, make_flag
from ..segment import stops
from .assemble import Assembled
from .words import is_english_word, word_list_loaded

_BROKEN = re.compile(r"[a-z]+(?:['’-][a-z]+)*(?=[\s,;:.!?)\"”’]|$)")
_WORD = re.compile(r"\w+")
_CLOSING = frozenset(".!?…:;\"'”’»)]")
_LIST_ITEM = re.compile(r"(?:[-•*–—▪·]|\d{1,3}[.)]|\(?[a-z][.)])\s")
_MIN_WORDS_UNENDED = 15
_COUNTING_COSTS_MORE = 1_300_000
"""Text length (characters) beyond which counting its words costs more than loading the word
list."""
_LAST_WORDS = re.compile(r"\S+(?:\s+\S+){0,2}$")
"""Where a flag on a paragraph's end points: its last words, enough to tell two such flags apart."""
_MIN_WORDS_AFTER_BREAK = 4
"""A lower-case label ("joie de vivre" pulled out of a sentence) is no sentence cut short."""
_SIGNATURE = re.compile(r"[-–—―]\s*(?:[A-Z][\w.'’-]*\s*){1,4}$")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")
_HEAD = re.compile(r"[^\W\d_]+(?=[\s,;:.!?)\"'”’-]|$)")
_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
_CUT_OFF_END = re.compile(r"[^\W\d_][^.!?\s]*[ \t]*(?:…|\.\.\.)$")
"""A word (not a sentence's end) right before a closing ellipsis: quotes trailing off end in
their mark instead."""
_INNER_SENTENCE = re.compile(r"[.!?][\"'”’)]?\s+[\"'“‘(]?[A-Z]")


def flag_truncated_text(result: Assembled) -> list[Flag]:
    """Words cut at their start (inside a paragraph or at its head), datelines cut at their
    start, and an article cut off at its end."""
    flags = _broken_words(result)
    flags += _cut_heads(result, {f.spans[0][0] for f in flags})
    if (end := _cut_off_end(result)) is not None:
        flags.append(end)
    return flags


def _broken_words(result: Assembled) -> list[Flag]:
    text = result.text
    counts: Counter[str] | None = None
    # A broken word is no English word and found once: whichever test is cheaper goes first.
    # Loading the word list takes as long as counting the words of about 1.3 MB of text.
    dictionary_first = word_list_loaded() or len(text) > _COUNTING_COSTS_MORE
    flags = []
    for a, b in result.paragraphs:
        paragraph = text[a:b]
        for start in stops(paragraph):
            m = _BROKEN.match(paragraph, start)
            if m is None or len(m[0]) < 2 or (dictionary_first and is_english_word(m[0])):
                continue
            rest = paragraph[start:].split(maxsplit=_MIN_WORDS_AFTER_BREAK)
            if len(rest) < _MIN_WORDS_AFTER_BREAK:
                continue
            if counts is None:
                counts = Counter(map(str.lower, _WORD.findall(text)))
            if counts[m[0].lower()] > 1 or (not dictionary_first and is_english_word(m[0])):
                continue
            flags.append(
                make_flag(
                    "truncated-text",
                    "warning",
                    f"“{m[0]}” is no word: text looks cut off before it.",
                    [(a + m.start(), a + m.end())],
                    text,
                )
            )
    return flags


def _cut_heads(result: Assembled, flagged: set[int]) -> list[Flag]:
    """Paragraphs whose first word lost its head: a lower-case word opening a paragraph after
    one that ends a sentence ("lice are searching"; a paragraph opens on a capital), and an
    all-caps word that is the tail of a name the article gives ("ASHINGTON -" / Washington)."""
    text = result.text
    names: set[str] | None = None
    flags = []
    previous_ends = False
    for a, b in result.paragraphs:
        paragraph = text[a:b]
        ends = _ENDS_SENTENCE.search(paragraph) is not None
        head = _HEAD.match(paragraph)
        was, previous_ends = previous_ends, ends
        if head is None or a in flagged or _LIST_ITEM.match(paragraph):
            continue
        word = head.group()
        if word.islower():
            if not was or len(paragraph.split(maxsplit=_MIN_WORDS_AFTER_BREAK)) < 4:
                continue
            message = f"“{word}” opens a paragraph in lower case: text looks cut off before it."
        elif word.isupper() and len(word) >= 3:
            if names is None:
                names = {w.upper() for w in _NAME.findall(text)}
            if not any(n.endswith(word) and 0 < len(n) - len(word) <= 3 for n in names):
                continue
            message = f"“{word}” looks like a dateline cut at its start."
        else:
            continue
        span = (a + head.start(), a + head.end())
        flags.append(make_flag("truncated-text", "warning", message, [span], text))
    return flags


def _cut_off_end(result: Assembled) -> Flag | None:
    """An article whose last paragraph stops mid-sentence on an ellipsis ("... the company
    said it would …", "... All..."), as a paywall or a preview cuts it."""
    if not result.paragraphs:
        return None
    a, b = result.paragraphs[-1]
    m = _CUT_OFF_END.search(result.text, a, b)
    if m is None or len(result.text[a:b].split()) < _MIN_WORDS_AFTER_BREAK:
        return None
    return make_flag(
        "truncated-text",
        "warning",
        "The article stops mid-sentence: the rest looks cut off, as a paywall cuts it.",
        [m.span()],
        result.text,
    )


def _unended(paragraph: str) -> bool:
    last = paragraph.rstrip()[-1:]
    if not last or last in _CLOSING or _LIST_ITEM.match(paragraph) or _SIGNATURE.search(paragraph):
        return False
    words = len(paragraph.split())
    return words >= _MIN_WORDS_UNENDED and bool(_INNER_SENTENCE.search(paragraph))


def flag_missing_end_punctuation(result: Assembled) -> list[Flag]:
    text = result.text
    flags = []
    for a, b in result.paragraphs:
        if not _unended(text[a:b]):
            continue
        tail = _LAST_WORDS.search(text, a, b)
        flags.append(
            make_flag(
                "missing-end-punctuation",
                "info",
                "This paragraph ends without a full stop: it may be cut short.",
                [(tail.start() if tail else a, b)],
                text,
            )
        )
    return flags
