"""What a count measures and who says so.

"Three hundred and fifty-three police and security forces employees were injured, and twelve were
murdered, according to Almaty city authorities": the count 353 measures "police and security
forces employees ... injured", twelve measures "police and security forces employees ...
murdered" (a bare number borrows the noun of the count before it in the sentence), and both have
the source "according to Almaty city authorities".

This reads a few words after the number with small patterns; it is a description for the reader,
not a parse, and it leaves ``counts`` empty rather than guess across a clause.
"""

from __future__ import annotations

import re

from .patterns import trie

_STOP = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "where",
        "when",
        "while",
        "as",
        "than",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "with",
        "for",
        "during",
        "after",
        "before",
        "since",
        "into",
        "onto",
        "across",
        "over",
        "under",
        "about",
        "around",
        "between",
        "against",
        "through",
        "per",
        "like",
        "until",
        "among",
        "near",
        "but",
        "or",
        "because",
        "if",
        "so",
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "it",
        "they",
        "them",
        "he",
        "she",
        "we",
        "you",
        "i",
        "there",
        "here",
        "said",
        "says",
        "told",
        "according",
        "not",
        "no",
        "also",
    }
)
_AUX = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
    }
)
_IRREGULAR = frozenset(
    {
        "hurt",
        "held",
        "left",
        "lost",
        "fled",
        "took",
        "went",
        "came",
        "gave",
        "fell",
        "rose",
        "shot",
        "saw",
        "died",
        "struck",
        "stood",
        "sat",
        "ran",
        "won",
        "hit",
        "put",
        "set",
        "spent",
        "paid",
        "cut",
        "built",
        "sold",
        "made",
        "seen",
        "found",
        "brought",
        "born",
        "taken",
        "given",
        "known",
        "shown",
        "thrown",
        "caught",
        "beaten",
    }
)
_QUANTITY = frozenset(
    {
        "scores",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "several",
        "many",
        "few",
        "some",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
    }
)
_WORD = re.compile(r"[ \t]+([A-Za-z][\w’'-]*)")
_OF = re.compile(r"[ \t]+of(?:[ \t]+(?:the|these|those|them|its|their|his|her|our|whom))?\b")
# Every match of ``_ACCORDING`` holds "ccord" in some case ("i" is left out, as a dotless "ı"
# matches it): a sentence without it is not searched, as the search tries every position.
_ACCORDING = re.compile(
    r"\baccording to[ \t]+[\w’'&-]+(?:[ \t]+[\w’'&-]+){0,7}?(?=[,.;:)\n]|[ \t]+(?:on|in|at|"
    r"who|which|that|as|and|but|during|after|before|since|when|while)\b|$)",
    re.IGNORECASE,
)
# "The police said" opens a sentence or a clause after a mark ("...," the police said), "said
# the police" closes one. One pattern for both would be tried at every position of a sentence;
# these begin on the mark (or at the text's start) and on the verb, which ``re`` skips to.
_WHO_SAID = (
    r"[ \t]*(?P<who>(?!(?:he|she|they|it|we|I|you|officials? who)\b)"
    r"(?:the[ \t]+)?[A-Za-z][\w’'.-]*(?:[ \t]+[A-Za-z][\w’'.-]*){0,4}?)[ \t]+"
    r"(?P<verb>said|says|say|told|reported|estimated|estimates|claimed|confirmed)\b"
)
_WHO_SAID_AT_START = re.compile(_WHO_SAID)
_WHO_SAID_AFTER_MARK = re.compile(rf"[,;“\"\n]{_WHO_SAID}")
_SAID_WHO = re.compile(
    r"(?P<verb>s(?<!\ws)a(?:id|ys)|t(?<!\wt)old reporters)[ \t]+"
    r"(?P<who>(?!(?:he|she|they|it|we|I|you|that)\b)"
    r"(?:the[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+[A-Za-z][\w’'.-]*){0,4}?)(?=[ \t]*[.,;\n]|$)"
)
# Every match of those holds one of these words: a sentence without any is not searched.
_SAYING = re.compile(trie(["said", "say", "told", "reported", "estimate", "claimed", "confirmed"]))


def noun_after(text: str, end: int, limit: int) -> tuple[str, int]:
    """The words a number counts ("police and security forces employees") and where they end."""
    pos = end
    if (m := _OF.match(text, pos, limit)) is not None:
        pos = m.end()
    words: list[str] = []
    noun_end = pos
    while len(words) < 7 and (m := _WORD.match(text, pos, limit)) is not None:
        word = m.group(1)
        lower = word.lower()
        if (lower in _STOP or lower in _QUANTITY) and not (lower == "and" and words):
            break
        if lower == "and" and not words:
            break
        if words and (lower.endswith("ed") or lower in _IRREGULAR or lower.endswith("ly")):
            break
        if lower == "and":
            nxt = _WORD.match(text, m.end(), limit)
            if nxt is None or nxt.group(1).lower() in _STOP | _QUANTITY:
                break
        words.append(word)
        pos = m.end()
        noun_end = pos
    return " ".join(words), noun_end


def participle_after(text: str, pos: int, limit: int) -> str:
    """The verb that tells what happened to what was counted ("were injured" -> "injured",
    "died"), past auxiliaries and adverbs; empty when the next words are something else."""
    for _ in range(4):
        m = _WORD.match(text, pos, limit)
        if m is None:
            return ""
        lower = m.group(1).lower()
        if lower.endswith(("ed", "en")) or lower in _IRREGULAR:
            return m.group(1)
        if lower not in _AUX and not lower.endswith("ly") and lower not in ("also", "not", "all"):
            return ""
        pos = m.end()
    return ""


def describe(text: str, end: int, limit: int, previous_noun: str) -> tuple[str | None, str]:
    """``counts`` for a count ending at ``end`` (None if nothing can be said) and its noun."""
    noun, noun_end = noun_after(text, end, limit)
    verb = participle_after(text, noun_end, limit)
    if not noun and verb:
        noun = previous_noun
    if noun and verb:
        return f"{noun} ... {verb}", noun
    return (noun or None), noun


def source_in(text: str, start: int, end: int) -> str | None:
    """Who the sentence ``text[start:end]`` says the figure comes from, in its own words."""
    if (
        "ccord" in text[start:end].lower()
        and (m := _ACCORDING.search(text, start, end)) is not None
    ):
        return m.group().strip()
    if _SAYING.search(text, start, end) is None:
        return None
    if start == 0 and (m := _WHO_SAID_AT_START.match(text, 0, end)) is not None:
        return f"{m.group('who').strip()} {m.group('verb')}"
    # The earlier of the two, as one search for either would find: "who said" where both
    # begin at one place (its mark stands just before it).
    who_said = _WHO_SAID_AFTER_MARK.search(text, max(start - 1, 0), end)
    said_who = _SAID_WHO.search(text, start, end)
    if who_said is not None and (said_who is None or who_said.start() < said_who.start()):
        return f"{who_said.group('who').strip()} {who_said.group('verb')}"
    if said_who is not None:
        return f"{said_who.group('verb')} {said_who.group('who').strip()}"
    return None
