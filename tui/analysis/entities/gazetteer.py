"""The shipped gazetteer: countries, places, organisations, given names and common words.

Read once, on first use, from the package data that ``bench/build_gazetteer.py`` writes, so that
an analysis never downloads anything and an import costs nothing until entities are wanted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Container, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..compact import DATA, Sharded, compact, sharded_set
from ..model import EntityKind

_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", ".": "", "‐": "-", "–": "-"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The lookup key of a name: case, accents, dots and curly apostrophes do not count, so
    "ALMATY", "Almaty", "U.S." and "US", "Côte" and "Cote" meet."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.translate(_PUNCTUATION).casefold().split())


class Known(NamedTuple):
    """A name the gazetteer knows: the entity it names (``group``), that entity's usual name,
    its kind, and whether the name is that entity's short common one."""

    group: str
    name: str
    kind: EntityKind
    common: bool = False
    subtype: str = ""
    """For an organisation: "team", "company", "party" or "agency" where the list says."""


@dataclass(frozen=True, slots=True, eq=False)
class Gazetteer:
    """Lookup tables keyed by ``fold``. ``common_words`` are frequent words that are never
    names ("police"); ``common_names`` are frequent words that also are ("china", "brown").
    The tables of names are ``Sharded``: an article asks about a few dozen of their keys."""

    names: Mapping[str, Known]
    demonyms: Mapping[str, Known]
    given_names: Container[str]
    common_words: Container[str]
    common_names: Container[str]
    longest: Mapping[str, int]
    most_words: int
    """The most words any known name or demonym has: a longer run of words is none of them,
    and looking it up would fold it first (a run of thousands of capitalised words, with no
    stop between them, would be folded once for every place it could be cut)."""

    sexes: Mapping[str, str]
    """Given names the census gives mostly to men ("m") or women ("f"), by ``fold``."""

    def lookup(self, text: str) -> Known | None:
        return self.names.get(fold(text))


def _rows(filename: str) -> list[list[str]]:
    data = (DATA / filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in data.splitlines() if line and not line.startswith("#")]


@compact(
    "countries.tsv",
    "organizations.tsv",
    "named_organizations.tsv",
    "places.tsv",
    "given_names.txt",
    "given_name_sexes.tsv",
    "common_words.tsv",
)
def gazetteer() -> Gazetteer:
    """Load the shipped files into lookup tables keyed by ``fold``; later calls reuse them."""
    names: dict[str, Known] = {}
    demonyms: dict[str, Known] = {}

    def add(table: dict[str, Known], form: str, known: Known) -> None:
        table.setdefault(fold(form), known)

    for cc, _iso3, name, others, forms, _capital, _continent in _rows("countries.tsv"):
        group = f"country:{cc}"
        add(names, name, Known(group, name, "place", common=True))
        for other in filter(None, others.split("|")):
            add(names, other, Known(group, name, "place"))
        for demonym in filter(None, forms.split("|")):
            add(demonyms, demonym, Known(group, name, "place"))
    for acronym, long_form in _rows("organizations.tsv"):
        known = Known(f"org:{fold(long_form)}", long_form, "organization", common=True)
        add(names, long_form, known)
        if acronym:
            add(names, acronym, known)
    for subtype, name, *variants in _rows("named_organizations.tsv"):
        known = Known(f"org:{fold(name)}", name, "organization", True, subtype)
        for form in [name, *(f for row in variants for f in row.split("|") if f)]:
            add(names, form, known)
    for name, _type, _cc, forms in _rows("places.tsv"):
        key = fold(name)
        known = Known(f"place:{key}", name, "place", common=True)
        names.setdefault(key, known)
        for demonym in filter(None, forms.split("|")):
            add(demonyms, demonym, known)
    longest: dict[str, int] = {}
    for key in names:
        words = key.split()
        longest[words[0]] = max(longest.get(words[0], 1), len(words))
    given = frozenset(fold(line[0]) for line in _rows("given_names.txt"))
    common = _rows("common_words.tsv")
    lone = frozenset(row[0] for row in common if len(row) == 1)
    both = frozenset(row[0] for row in common if len(row) > 1)
    most = max(len(key.split()) for table in (names, demonyms) for key in table)
    sexes = {fold(name): sex for name, sex in _rows("given_name_sexes.tsv")}
    return Gazetteer(
        Sharded(names, 256),
        Sharded(demonyms),
        sharded_set(given),
        sharded_set(lone),
        sharded_set(both),
        Sharded(longest, 256),
        most,
        Sharded(sexes),
    )
