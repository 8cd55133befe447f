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

from .chunk import previous_word
from .gazetteer import Gazetteer, fold
from .mention import GAZETTEER, SHAPE, Mention, is_country
from .vocabulary import PLACE_CUES

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


def group(
    found: Sequence[Mention], text: str, gaz: Gazetteer
) -> tuple[list[list[Mention]], dict[str, tuple[str, ...]]]:
    """Partition mentions into groups that name one entity each, in order of first mention, and
    map each surname that two people share, and that stays apart, to their full names' keys.
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
    _short_forms(found, groups, gaz, text)
    shared = _surnames(found, groups, gaz, text)
    _close_spellings(forms, groups)
    root = {m.key: groups.find(m.key) for m in forms}
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        out[root[m.key]].append(m)
    return list(out.values()), shared


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


def _short_forms(found: Sequence[Mention], groups: _Groups, gaz: Gazetteer, text: str) -> None:
    """An organisation's first word standing alone after its full name is that organisation
    ("Newmont" after "Newmont Mining Corp", "Norilsk" after "Norilsk Nickel"), even where the
    place gazetteer knows the word, if the full name is a company's; never where it stands as a
    place does ("in Norilsk"), names a country, or is an ordinary word, a demonym or a given name
    ("British" of British Airways), nor a place after a public body ("Darlington Council").
    """
    full: dict[str, tuple[int, Mention]] = {}
    for i, m in enumerate(found):
        if m.kind == "organization" and " " in m.key and not is_country(m.known):
            word = m.key.split()[0]
            if len(word) > 2 and not (
                word in gaz.common_words
                or word in gaz.common_names
                or word in gaz.demonyms
                or word in gaz.given_names
                or is_country(gaz.names.get(word))
            ):
                full.setdefault(word, (i, m))
    if not full:
        return
    for i, m in enumerate(found):
        first = full.get(m.key)
        if first is None or i < first[0] or m.demonym or m.pending:
            continue
        if m.kind == "place" and first[1].subtype != "company":  # "Darlington" of its council
            continue
        if (m.kind == "person" and m.strength > SHAPE) or previous_word(
            text, m.start
        ) in PLACE_CUES:
            continue
        groups.union(first[1].key, m.key)
        m.kind, m.strength = "organization", max(m.strength, GAZETTEER)
        m.subtype = m.subtype or first[1].subtype


def _surnames(
    found: Sequence[Mention], groups: _Groups, gaz: Gazetteer, text: str
) -> dict[str, tuple[str, ...]]:
    """A one-word name joins the nearest full name before it that ends with it ("Tokayev" after
    "Kassym-Jomart Tokayev") or, where the family name comes first, starts with it ("Wang" after
    "Wang Junxia", but not "Texas" after "Texas Instruments"); failing one before it, the first
    one after it. Full names that share their first and last word are one person.

    A surname two people share ("Tony Blair", "Cherie Blair") joins the one its titles tell
    ("Mr Blair": the one whose given name is a man's) or, untitled, the full name nearest before
    each use where that is always the same one; otherwise it stays apart, and the result maps
    it to the full names it may stand for, to offer them both."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(found):
        if m.kind == "person" and m.known is None and " " in m.key:
            by_key[m.key].append(i)
    full: dict[str, list[int]] = defaultdict(list)
    first_last: dict[tuple[str, str], str] = {}
    people: dict[str, dict[str, str]] = defaultdict(dict)
    for key, at in by_key.items():
        words = key.split()
        full[words[-1]] += at
        people[words[-1]].setdefault(words[0], key)
        if _family_first(words[0], gaz):
            full[words[0]] += at
            people[words[0]].setdefault(words[-1], key)
        groups.union(first_last.setdefault((words[0], words[-1]), key), key)
    for at in full.values():
        at.sort()
    pairs: set[tuple[str, str]] = set()
    told: dict[str, set[str | None]] = defaultdict(set)
    near: dict[str, set[str]] = defaultdict(set)
    for i, m in enumerate(found):
        candidates = full.get(m.key)
        if candidates and m.known is None and m.kind in (None, "person"):
            before = bisect_left(candidates, i)
            nearest = found[candidates[before - 1 if before else 0]].key
            if len(_distinct(people[m.key])) > 1:
                told[m.key].add(_TITLE_SEX.get(previous_word(text, m.start)))
                near[m.key].add(first_last[_first_last(nearest)])
                continue
            pairs.add((nearest, m.key))
    shared: dict[str, tuple[str, ...]] = {}
    for surname, sexes in told.items():
        keys = _distinct(people[surname])
        said = sexes - {None}
        fitting = [k for k in keys if {gaz.sexes.get(k.split()[0])} == said]
        if len(said) == 1 and len(fitting) == 1:
            pairs.add((fitting[0], surname))
        elif not said and len(near[surname]) == 1:
            pairs.add((near[surname].pop(), surname))
        else:
            shared[surname] = tuple(keys)
    for full_name, surname in pairs:
        groups.union(full_name, surname)
    return shared


_TITLE_SEX = {
    **dict.fromkeys("mr mister sir lord king prince duke baron count".split(), "m"),
    **dict.fromkeys("mrs ms miss madam lady dame queen princess duchess baroness".split(), "f"),
}


def _first_last(key: str) -> tuple[str, str]:
    words = key.split()
    return words[0], words[-1]


def _distinct(first_words: dict[str, str]) -> list[str]:
    """The full names of the different people one surname names, by their other word: an
    initial ("T" of "T. Blair") is the one full word it begins, where only one does."""
    words = list(first_words)
    out = []
    for word in words:
        if len(word) == 1 and sum(w.startswith(word) for w in words) == 2:
            continue
        out.append(first_words[word])
    return out


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
    alike = [keys for keys in buckets.values() if len(keys) > 1]
    if not alike:
        return
    from rapidfuzz import fuzz, process  # here: importing it costs 10 ms, and is seldom needed

    for keys in alike:
        for a, key in enumerate(keys[:-1]):
            for other, _score, _index in process.extract(
                key, keys[a + 1 :], scorer=fuzz.ratio, score_cutoff=_FUZZY_SCORE, limit=None
            ):
                groups.union(key, other)
