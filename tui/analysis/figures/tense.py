"""Whether a clause speaks of the past or the future, from its tense markers ("will", "was to",
"said", "-ed"). News mostly reports the past; a date in a future clause is on or after the day
the story was written."""

from __future__ import annotations

import re

# "planned", "would" and "until" are left out: "the service planned for Saturday was
# cancelled", "he said he would resign on Friday", "talks lasted until Friday" tell of the past.
_FUTURE_WORDS = (
    r"\b(?:will|shall|won['’]t|going[ \t]+to|due[ \t]+to|set[ \t]+to|(?:is|are|was|were)[ \t]+to|"
    r"expected|scheduled|plans?[ \t]+to|planning[ \t]+to|to[ \t]+be[ \t]+held|next|"
    r"upcoming)\b|['’]ll\b"
)
_PAST_WORDS = (
    r"\b(?:was|were|had|did|said|says|told|ago|last|earlier|met|won|lost|held|came|went|began|"
    r"took|made|gave|saw|rose|fell|sold|bought|found|paid|spent|struck|fought|brought|sent|became|"
    r"spoke|broke|chose|drove|flew|grew|stood|led|fled|wrote)\b"
)
# A verb in "-ed", in lower case: "United", "Ahmed" and "Red" are names, not verbs.
_PAST_ED = re.compile(r"\b[a-z]+ed\b")
# What stands between "will" and its participle: "will be held", "will have met".
_SAME_VERB = re.compile(r"(?:[ \t]+(?:be|been|have|not|also|then|\w+ly))*[ \t]+", re.IGNORECASE)
# "as soon as Tuesday", "as early as next week": the earliest a thing may happen, so ahead.
_SOON = re.compile(r"\bas[ \t]+(?:soon|early)[ \t]+as\b", re.IGNORECASE)
_FUTURE = re.compile(_FUTURE_WORDS, re.IGNORECASE)
_PAST = re.compile(_PAST_WORDS, re.IGNORECASE)
# In ASCII, matching the lower-cased words is what IGNORECASE does (only letters outside ASCII,
# such as a dotless "ı", match otherwise), and much faster.
_FUTURE_LOWER = re.compile(_FUTURE_WORDS)
_PAST_LOWER = re.compile(_PAST_WORDS)
# A word just before a date says more than the verb of its clause: "the year ended March 31",
# "payable Dec. 15", "effective June 1", "expires Nov. 21", "by Oct. 31".
_CUE_BEFORE = re.compile(
    r"\b(?:(?P<past>ended|since|as[ \t]+of)|(?P<future>payable|effective|due|expires?|"
    r"starting|beginning))[ \t]+(?:on[ \t]+)?$",
    re.IGNORECASE,
)
# The verb whose day a date is: "was shot on", "will be held on", "died on".
_VERB_ON = re.compile(
    r"\b(?P<verb>(?:(?:will|shall|would|was|were|had|has|have|is|are)[ \t]+"
    r"(?:be[ \t]+|been[ \t]+)?)?[A-Za-z]+)[ \t]+on[ \t]+$"
)
# Past participles that read as the present too: before "on" and a date they tell of the past
# ("its record high set on Aug. 6", "talks held on March 3").
_PARTICIPLES = frozenset({"set", "held", "hit", "cut", "put", "shut"})
_CLAUSE_START = re.compile(r"[.;:!?\n][^.;:!?\n]*$")


def cue(text: str, start: int) -> str | None:
    """ "past" or "future" as the word just before ``start`` says, or None."""
    m = _CUE_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return None
    return "past" if m.group("past") else "future"


def date_tense(text: str, start: int) -> str | None:
    """The tense a date without a year is told in: the word just before it ("payable", "ended")
    or the verb it is the day of ("was shot on Oct. 23", "will vote on May 5"). A verb further
    off says little: in "extended its offer to Nov. 20" the day is ahead of a past verb."""
    if (said := cue(text, start)) is not None:
        return said
    m = _VERB_ON.search(text, max(0, start - 48), start)
    if m is None:
        return None
    verb = m.group("verb")
    marks = {mark for _, mark in _markers(verb)}
    if "future" in marks:
        return "future"
    if "past" in marks or verb.rsplit(None, 1)[-1] in _PARTICIPLES:
        return "past"
    return None


def tense(text: str, start: int, end: int) -> str | None:
    """ "future" or "past" as the clause around ``text[start:end]`` tells it: the nearest tense
    marker before the words decides (a cue word just before them first), else the first one
    after them; None when there is none."""
    if (said := cue(text, start)) is not None:
        return said
    window = text[max(0, start - 120) : start]
    clause = _CLAUSE_START.search(window)
    before = window[clause.start() + 1 :] if clause else window
    if _SOON.search(before):
        return "future"
    found = _markers(before)
    if found:
        return max(found)[1]
    after = re.split(r"[.;:!?\n]", text[end : end + 80], maxsplit=1)[0]
    found = _markers(after)
    return min(found)[1] if found else None


def _markers(words: str) -> list[tuple[int, str]]:
    verbs = [m.start() for m in _PAST_ED.finditer(words)]
    future_words, past_words = _FUTURE, _PAST
    if words.isascii():
        words, future_words, past_words = words.lower(), _FUTURE_LOWER, _PAST_LOWER
    future = [(m.start(), m.end()) for m in future_words.finditer(words)]
    marks = [(a, "future") for a, _ in future]
    for at in [m.start() for m in past_words.finditer(words)] + verbs:
        if not any(a <= at < b or _SAME_VERB.fullmatch(words, b, at) for a, b in future):
            marks.append((at, "past"))
    return marks
