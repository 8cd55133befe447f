"""Vague amounts: "dozens", "scores of", "hundreds", "tens of thousands", "several", "a handful".

They have no value, only a range: the least the words can mean and, where the words set one, the
most ("hundreds" is under a thousand; "dozens" has no such ceiling).
"""

from __future__ import annotations

import re

from .candidate import Candidate
from .patterns import trie

_POWERS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}
_GROUPS = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100}

# The pattern begins on the rarer tail of each word ("ozens", "everal") and checks the whole
# phrase afterwards: beginning on common lowercase letters is slow over megabytes. No two tails
# can match at one place, so the trie matches what the list would, in fewer steps.
_ANCHOR = re.compile(
    trie(
        [
            "ozens",
            "cores",
            "everal",
            "undreds",
            "housands",
            "illions",
            "ens",
            "andful",
            "ouple",
            "ew",
        ]
    )
    + r"\b"
)
VAGUE = re.compile(
    r"(?:(?P<group>tens|dozens|scores|hundreds)[ \t]+of[ \t]+(?P<power>thousands|millions|"
    r"billions)|(?P<several>several|a[ \t]+few|a[ \t]+couple[ \t]+of)[ \t]+(?P<unit>hundred|"
    r"thousand|million|billion)|(?P<plural>dozens|hundreds|thousands|millions|billions)|"
    r"(?P<scores>scores)(?=[ \t]+of\b)|(?P<word>several|a[ \t]+handful|a[ \t]+couple)"
    r"(?=[ \t]+(?:of[ \t]+)?[a-z]))\b",
    re.IGNORECASE,
)
_PHRASE_START = re.compile(r"\b(?:[Aa][ \t]+)?[A-Za-z]+$")
_WORDS = {"several": (3, 9), "a handful": (2, 6), "a couple": (2, 3)}
_SEVERAL = {"several": (3, 9), "a few": (2, 5), "a couple of": (2, 3)}


def _bounds(m: re.Match[str]) -> tuple[int, int | None]:
    if m.group("power"):
        power = _POWERS[m.group("power").lower().rstrip("s")]
        group = _GROUPS[m.group("group").lower()]
        return 2 * group * power, 10 * group * power - 1 if group in (10, 100) else None
    if m.group("several"):
        low, high = _SEVERAL[" ".join(m.group("several").lower().split())]
        unit = _POWERS[m.group("unit").lower()]
        return low * unit, high * unit
    if m.group("plural"):
        word = m.group("plural").lower()
        if word == "dozens":
            return 24, None
        power = _POWERS[word.rstrip("s")]
        ceiling = {100: 1000, 10**9: None}.get(power, 1000 * power)
        return 2 * power, ceiling - 1 if ceiling else None
    if m.group("scores"):
        return 40, None
    return _WORDS[" ".join(m.group("word").lower().split())]


def find_vague(text: str) -> list[Candidate]:
    """Every vague amount, kind "approximate", with its ``low`` and (where it has one) ``high``."""
    found = []
    end = -1
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() < end:
            continue
        start = _PHRASE_START.search(text, max(0, anchor.start() - 12), anchor.start())
        m = VAGUE.match(text, start.start()) if start else None
        if m is None or m.end() < anchor.end():
            continue
        low, high = _bounds(m)
        found.append(Candidate(m.start(), m.end(), "approximate", None, low, high))
        end = m.end()
    return found
