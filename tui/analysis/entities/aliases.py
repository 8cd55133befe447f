"""Which mentions name the same thing: the same name in any case, a known name's other forms, an
acronym defined in the text (Schwartz & Hearst 2003) or spelled by a name's initials, a surname
after the full name, and close spellings of one name.

Every rule looks mentions up in buckets (by key, surname, initials, first letters), never
compares all pairs, so a long text costs little more than a short one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from .gazetteer import Gazetteer, fold
from .mention import Mention

_PARENTHESIS = re.compile(r"\s*\(\s*([^()\n]{1,80}?)\s*\)")
_BRACKET = re.compile(r"\(")
_MINOR = frozenset(
    ["of", "for", "and", "the", "in", "on", "at", "to", "de", "du", "la", "le", "von", "van", "der"]
)
_FUZZY_SCORE = 90
_FUZZY_MIN_LENGTH = 6


class _Groups:
    """Union-find over names (mention keys, and the gazetteer's entity groups): every mention of
    a name belongs to that name's group, so a rule joins two names, however often they recur."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        parent = self.parent
        while (up := parent.get(name, name)) != name:
            parent[name] = parent.get(up, up)
            name = up
        return name

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def defines(short: str, long: str) -> bool:
    """Schwartz & Hearst: every letter and digit of ``short`` appears in ``long`` in order, from
    the right, the first one at the start of a word; ``long`` has at most min(|S| + 5, 2|S|)
    words and is longer than ``short``."""
    letters = [c.lower() for c in short if c.isalnum()]
    words = long.split()
    if len(letters) < 2 or not short[0].isalnum() or len(long) <= len(short):
        return False
    if len(words) > min(len(letters) + 5, 2 * len(letters)):
        return False
    s, pos = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while pos >= 0 and (
            long[pos].lower() != c or (s == 0 and pos > 0 and long[pos - 1].isalnum())
        ):
            pos -= 1
        if pos < 0:
            return False
        pos -= 1
        s -= 1
    return True


def _initials(text: str) -> str:
    """ "Collective Security Treaty Organization" -> "csto"; minor words do not count."""
    return "".join(w[0] for w in re.split(r"[\s-]+", fold(text)) if w and w not in _MINOR)


def _is_acronym(text: str) -> bool:
    if " " in text:
        return False
    letters = list(filter(str.isalpha, text))
    return 2 <= len(letters) <= 6 and all(map(str.isupper, letters))


def group(found: Sequence[Mention], text: str, gaz: Gazetteer) -> list[list[Mention]]:
    """Partition mentions into groups that name one entity each, in order of first mention.
    Rules that do not care where a name stands read only ``forms``, the first mention of each
    text, kind and knownness (a key is its text folded, so they hold every key)."""
    groups = _Groups()
    first: dict[tuple[str, str | None, bool], Mention] = {}
    for m in found:
        first.setdefault((m.text, m.kind, m.known is None), m)
    forms = list(first.values())
    _same_key(found, groups)
    _defined_acronyms(found, text, groups)
    _spelled_acronyms(forms, groups)
    _surnames(found, groups, gaz)
    _close_spellings(forms, groups)
    root = {m.key: groups.find(m.key) for m in forms}
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        out[root[m.key]].append(m)
    return list(out.values())


def _same_key(found: Sequence[Mention], groups: _Groups) -> None:
    """One name in any case ("ALMATY", "Almaty") is one key; the forms the gazetteer gives one
    entity ("Russia", "Russian Federation"; "CSTO" and its long form) share its group."""
    for key, known_group in {(m.key, m.known.group) for m in found if m.known}:
        groups.union(known_group, key)


def _defined_acronyms(found: Sequence[Mention], text: str, groups: _Groups) -> None:
    """ "Long Form (LF)" and "LF (Long Form)": a mention, then another in parentheses. Brackets
    are few, so the places just before one are found first, and only mentions ending there are
    tried."""
    before_bracket: set[int] = set()
    for bracket in _BRACKET.finditer(text):
        gap = bracket.start()
        while gap > 0 and text[gap - 1].isspace():
            gap -= 1
        before_bracket.update(range(gap, bracket.start() + 1))
    at = {m.start: m for m in found}
    for m in found:
        if m.end not in before_bracket:
            continue
        paren = _PARENTHESIS.match(text, m.end)
        if not paren or paren.start(1) not in at:
            continue
        inner = at[paren.start(1)]
        if inner.end != paren.end(1):
            continue
        if defines(inner.text, m.text) or defines(m.text, inner.text):
            groups.union(m.key, inner.key)


def _spelled_acronyms(forms: Sequence[Mention], groups: _Groups) -> None:
    """An acronym that spells the initials of a longer organisation name in the same text.
    ``forms`` holds the first mention of each text, kind and knownness."""
    by_initials: dict[str, Mention] = {}
    for m in forms:
        if m.kind == "organization" and len(m.text.split()) > 1:
            by_initials.setdefault(_initials(m.text), m)
    for m in forms:
        if not _is_acronym(m.text):
            continue
        long = by_initials.get(fold(m.text).replace("&", ""))
        if long is not None and (long.known is None or m.known is None):
            groups.union(long.key, m.key)


def _surnames(found: Sequence[Mention], groups: _Groups, gaz: Gazetteer) -> None:
    """A one-word name joins the nearest full name before it that ends with it ("Tokayev" after
    "Kassym-Jomart Tokayev") or, where the family name comes first, starts with it ("Wang" after
    "Wang Junxia", but not "Texas" after "Texas Instruments"); failing one before it, the first
    one after it. Full names that share their first and last word are one person."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(found):
        if m.kind == "person" and m.known is None and " " in m.key:
            by_key[m.key].append(i)
    full: dict[str, list[int]] = defaultdict(list)
    first_last: dict[tuple[str, str], str] = {}
    for key, at in by_key.items():
        words = key.split()
        full[words[-1]] += at
        if _family_first(words[0], gaz):
            full[words[0]] += at
        groups.union(first_last.setdefault((words[0], words[-1]), key), key)
    for at in full.values():
        at.sort()
    pairs: set[tuple[str, str]] = set()
    for i, m in enumerate(found):
        candidates = full.get(m.key)
        if candidates and m.known is None and m.kind in (None, "person"):
            before = bisect_left(candidates, i)
            pairs.add((found[candidates[before - 1 if before else 0]].key, m.key))
    for full_name, surname in pairs:
        groups.union(full_name, surname)


def _family_first(word: str, gaz: Gazetteer) -> bool:
    """Whether a name's first word may be a family name: not a given name, a place, a demonym or
    a common word."""
    return not (
        word in gaz.given_names
        or word in gaz.names
        or word in gaz.demonyms
        or word in gaz.common_words
        or word in gaz.common_names
    )


def _close_spellings(forms: Sequence[Mention], groups: _Groups) -> None:
    """Names of one kind and length that differ by a letter or two ("Tokayev", "Tokaev").
    ``forms`` holds the first mention of each text, kind and knownness."""
    buckets: dict[tuple[str, int, str | None], list[str]] = defaultdict(list)
    for key, kind in dict.fromkeys((m.key, m.kind) for m in forms if m.known is None):
        if len(key) >= _FUZZY_MIN_LENGTH:
            buckets[(key[:2], len(key.split()), kind)].append(key)
    for keys in buckets.values():
        for a, key in enumerate(keys[:-1]):
            for other, _score, _index in process.extract(
                key, keys[a + 1 :], scorer=fuzz.ratio, score_cutoff=_FUZZY_SCORE, limit=None
            ):
                groups.union(key, other)
