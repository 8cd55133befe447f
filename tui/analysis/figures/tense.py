"""Whether a clause speaks of the past or the future, from its tense markers ("will", "was to",
"said", "-ed"). News mostly reports the past; a date in a future clause is on or after the day
the story was written."""

from __future__ import annotations

import re

_FUTURE_WORDS = (
    r"\b(?:will|shall|won['’]t|going[ \t]+to|due[ \t]+to|set[ \t]+to|(?:is|are|was|were)[ \t]+to|"
    r"expected|scheduled|plans?[ \t]+to|planned|planning|would|to[ \t]+be[ \t]+held|next|upcoming|"
    r"until|till)\b|['’]ll\b"
)
_PAST_WORDS = r"\b(?:was|were|had|did|said|says|told|ago|last|earlier|\w+ed)\b"
_FUTURE = re.compile(_FUTURE_WORDS, re.IGNORECASE)
_PAST = re.compile(_PAST_WORDS, re.IGNORECASE)
# In ASCII, matching the lower-cased words is what IGNORECASE does (only letters outside ASCII,
# such as a dotless "ı", match otherwise), and much faster.
_FUTURE_LOWER = re.compile(_FUTURE_WORDS)
_PAST_LOWER = re.compile(_PAST_WORDS)
# A word just before a date says more than the verb of its clause: "the year ended March 31",
# "payable Dec. 15", "effective June 1", "expires Nov. 21", "by Oct. 31".
_CUE_BEFORE = re.compile(
    r"\b(?:(?P<past>ended|since|as[ \t]+of)|(?P<future>payable|effective|due|expires?|until|till|"
    r"starting|beginning))[ \t]+(?:on[ \t]+)?$",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[.;:!?\n][^.;:!?\n]*$")


def cue(text: str, start: int) -> str | None:
    """ "past" or "future" as the word just before ``start`` says, or None."""
    m = _CUE_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return None
    return "past" if m.group("past") else "future"


def tense(text: str, start: int, end: int) -> str | None:
    """ "future" or "past" as the clause around ``text[start:end]`` tells it: the nearest tense
    marker before the words decides (a cue word just before them first), else the first one
    after them; None when there is none."""
    if (said := cue(text, start)) is not None:
        return said
    window = text[max(0, start - 120) : start]
    clause = _CLAUSE_START.search(window)
    before = window[clause.start() + 1 :] if clause else window
    found = _markers(before)
    if found:
        return max(found)[1]
    after = re.split(r"[.;:!?\n]", text[end : end + 80], maxsplit=1)[0]
    found = _markers(after)
    return min(found)[1] if found else None


def _markers(words: str) -> list[tuple[int, str]]:
    future_words, past_words = _FUTURE, _PAST
    if words.isascii():
        words, future_words, past_words = words.lower(), _FUTURE_LOWER, _PAST_LOWER
    future = [(m.start(), m.end()) for m in future_words.finditer(words)]
    marks = [(a, "future") for a, _ in future]
    for m in past_words.finditer(words):
        if not any(a < m.end() and m.start() < b for a, b in future):
            marks.append((m.start(), "past"))
    return marks
