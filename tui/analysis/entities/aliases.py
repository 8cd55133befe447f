"""Which mentions name the same thing: the same name in any case, a known name's other forms, an
acronym defined in the text (Schwartz & Hearst 2003) or spelled by a name's initials, a surname
after the full name, and close spellings of one name.

Every rule looks mentions up in buckets (by key, surname, initials, first letters), never
compares all pairs, so a long text costs little more than a short one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from .gazetteer import Gazetteer, fold
from .mention import Mention

_PARENTHESIS = re.compile(r"\s*\(\s*([^()\n]{1,80}?)\s*\)")
_MINOR = frozenset(
    ["of", "for", "and", "the", "in", "on", "at", "to", "de", "du", "la", "le", "von", "van", "der"]
)
_FUZZY_SCORE = 90
_FUZZY_MIN_LENGTH = 6


class _Groups:
    """Union-find over mention indexes."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


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
    """Partition mentions into groups that name one entity each, in order of first mention."""
    groups = _Groups(len(found))
    _same_key(found, groups)
    _defined_acronyms(found, text, groups)
    _spelled_acronyms(found, groups)
    _surnames(found, groups, gaz)
    _close_spellings(found, groups)
    out: dict[int, list[Mention]] = defaultdict(list)
    for i, m in enumerate(found):
        out[groups.find(i)].append(m)
    return [out[k] for k in sorted(out)]


def _same_key(found: Sequence[Mention], groups: _Groups) -> None:
    """One name in any case ("ALMATY", "Almaty"), and the forms the gazetteer gives one entity
    ("Russia", "Russian Federation"; "CSTO" and its long form)."""
    first: dict[str, int] = {}
    for i, m in enumerate(found):
        key = m.known.group if m.known else m.key
        groups.union(first.setdefault(key, i), i)
        first.setdefault(m.key, i)
        groups.union(first[m.key], i)


def _defined_acronyms(found: Sequence[Mention], text: str, groups: _Groups) -> None:
    """ "Long Form (LF)" and "LF (Long Form)": a mention, then another in parentheses."""
    at = {m.start: i for i, m in enumerate(found)}
    for i, m in enumerate(found):
        paren = _PARENTHESIS.match(text, m.end)
        if not paren or paren.start(1) not in at:
            continue
        j = at[paren.start(1)]
        inner = found[j]
        if inner.end != paren.end(1):
            continue
        if defines(inner.text, m.text) or defines(m.text, inner.text):
            groups.union(i, j)


def _spelled_acronyms(found: Sequence[Mention], groups: _Groups) -> None:
    """An acronym that spells the initials of a longer organisation name in the same text."""
    by_initials: dict[str, int] = {}
    for i, m in enumerate(found):
        if m.kind == "organization" and len(m.text.split()) > 1:
            by_initials.setdefault(_initials(m.text), i)
    for i, m in enumerate(found):
        if not _is_acronym(m.text):
            continue
        j = by_initials.get(fold(m.text).replace("&", ""))
        if j is not None and (found[j].known is None or m.known is None):
            groups.union(i, j)


def _surnames(found: Sequence[Mention], groups: _Groups, gaz: Gazetteer) -> None:
    """A one-word name joins the nearest full name before it that ends with it ("Tokayev" after
    "Kassym-Jomart Tokayev") or, where the family name comes first, starts with it ("Wang" after
    "Wang Junxia", but not "Texas" after "Texas Instruments"); failing one before it, the first
    one after it. Full names that share their first and last word are one person."""
    full: dict[str, list[int]] = defaultdict(list)
    first_last: dict[tuple[str, str], int] = {}
    for i, m in enumerate(found):
        words = m.key.split()
        if len(words) > 1 and m.kind == "person" and m.known is None:
            full[words[-1]].append(i)
            if _family_first(words[0], gaz):
                full[words[0]].append(i)
            groups.union(first_last.setdefault((words[0], words[-1]), i), i)
    for i, m in enumerate(found):
        if m.known is not None or " " in m.key or m.kind not in (None, "person"):
            continue
        candidates = full.get(m.key)
        if candidates:
            before = [j for j in candidates if j < i]
            groups.union(before[-1] if before else candidates[0], i)


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


def _close_spellings(found: Sequence[Mention], groups: _Groups) -> None:
    """Names of one kind and length that differ by a letter or two ("Tokayev", "Tokaev")."""
    buckets: dict[tuple[str, int, str | None], dict[str, int]] = defaultdict(dict)
    for i, m in enumerate(found):
        if m.known is None and len(m.key) >= _FUZZY_MIN_LENGTH:
            buckets[(m.key[:2], len(m.key.split()), m.kind)].setdefault(m.key, i)
    for bucket in buckets.values():
        keys = list(bucket)
        for a, key in enumerate(keys[:-1]):
            for other, _score, _index in process.extract(
                key, keys[a + 1 :], scorer=fuzz.ratio, score_cutoff=_FUZZY_SCORE, limit=None
            ):
                groups.union(bucket[key], bucket[other])
