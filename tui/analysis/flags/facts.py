"""Checkable facts: a city called a country's capital when it is not (on the article's date),
and figures in one article that disagree about the same count.

Capitals come from the shipped, dated ``capitals.tsv`` (GeoNames for today, a curated and cited
table for the past); cities and country names from the entity gazetteer's files. A phrase is
checked only when its country is certain: named ("Canada's capital", "the capital of
Australia", "the Kazakh capital"), or implied ("the country's capital") by a city that lies in
a country the article names. A qualified capital ("financial", "state", "the Scottish") is never
read as a country's.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from ..compact import Sharded, compact
from ..model import Figure, Flag, Span
from .counts import is_casualty
from .rule import Article, Rule
from .tables import rows

_PUNCT = str.maketrans({"’": "'", ".": "", "‐": "-", "–": "-"})


def fold(name: str) -> str:
    """Case, accents, dots and curly apostrophes do not count ("Brasília" = "Brasilia"). ASCII
    text has no accent to take off, and most names are ASCII."""
    plain = name
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.translate(_PUNCT).casefold().split())


class Capital(NamedTuple):
    code: str
    country: str
    name: str
    spellings: frozenset[str]
    start: date | None
    until: date | None
    source: str

    def holds(self, day: date | None) -> bool:
        if day is None:
            return self.until is None
        started = self.start is None or self.start <= day
        return started and (self.until is None or day < self.until)


@dataclass(frozen=True, slots=True)
class Places:
    capitals: dict[str, tuple[Capital, ...]]
    countries: dict[str, str]
    names: dict[str, str]
    cities: Mapping[str, frozenset[str]]
    """The countries of each folded city name: 47,000 names, of which an article asks a few
    (``Sharded``)."""
    all_countries: dict[str, frozenset[str]]
    """Every country a folded name or demonym may mean ("Congolese": CD and CG)."""
    same_city: Mapping[str, frozenset[str]]
    """Every folded name of the city (or cities) a folded name is one of ("gomel": homyel'),
    ``Sharded`` as ``cities`` is."""


@compact(
    "capitals.tsv",
    "countries.tsv",
    "places.tsv",
    "city_names.tsv",
    also=("tui.analysis.flags.tables",),
)
def places() -> Places:
    """Capitals by country code, country codes by folded name and demonym, the usual name of
    each country, and the countries of each folded city name."""
    capitals: dict[str, list[Capital]] = defaultdict(list)
    cities: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, str] = {}
    all_countries: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for code, country, capital, spellings, start, until, source in rows("capitals.tsv"):
        forms = frozenset(fold(s) for s in (capital, *filter(None, spellings.split("|"))))
        capitals[code].append(
            Capital(
                code,
                country,
                capital,
                forms,
                date.fromisoformat(start) if start else None,
                date.fromisoformat(until) if until else None,
                source,
            )
        )
        for form in forms:
            cities[form].add(code.split("-")[0])
        countries.setdefault(fold(country), code)
        all_countries[fold(country)].add(code)
        names.setdefault(code, country)
    for code, _iso3, name, others, demonyms, _capital, _continent in rows("countries.tsv"):
        names[code] = name
        for form in (name, *others.split("|"), *demonyms.split("|")):
            if len(form) > 2:
                countries.setdefault(fold(form), code)
    for code, _iso3, name, others, demonyms, _capital, _continent in rows("countries.tsv"):
        for form in (name, *others.split("|"), *demonyms.split("|")):
            if len(form) > 2:
                all_countries[fold(form)].add(code)
    for name, kind, code, *_ in rows("places.tsv"):
        if kind == "city" and code:
            cities[fold(name)].add(code)
    # A name the dated table knows is judged by the table alone: "Nur-Sultan" is another name
    # of Astana, and was the capital's only from 2019 to 2022.
    dated = {form for found in capitals.values() for c in found for form in c.spellings}
    same: dict[str, set[str]] = defaultdict(set)
    for name, code, others in rows("city_names.tsv"):
        known_as = {fold(name), *(fold(o) for o in others.split("|") if o)}
        for form in known_as:
            cities[form].add(code)
            if form not in dated:
                same[form] |= known_as
    shared: dict[frozenset[str], frozenset[str]] = {}

    def one(items: set[str]) -> frozenset[str]:
        """Equal sets as one object (most cities are in one country, all the names of a city
        have one set): the compact form stores each once, and loads ten times faster."""
        found = frozenset(items)
        return shared.setdefault(found, found)

    return Places(
        {code: tuple(found) for code, found in capitals.items()},
        countries,
        names,
        Sharded({name: one(codes) for name, codes in cities.items()}),
        {form: one(codes) for form, codes in all_countries.items()},
        Sharded({form: one(forms) for form, forms in same.items()}),
    )


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽḀ-Ỿ"
_WORD = rf"[{_UPPER}][\w'’.-]*"
_NAME = rf"{_WORD}(?:[ -](?:{_WORD}|es|de|la|al|el))*"
# A country's name may hold small words: "Bosnia and Herzegovina", "Republic of the Congo".
_COUNTRY = rf"{_WORD}(?:(?:[ -](?:and|of|the|es|de|la|al|el|da|do|e|et))*[ -]{_WORD})*"
_QUALIFIER = (
    rf"(?:(?P<poss>{_COUNTRY})['’]s?|(?i:the)\s+(?P<adj>{_NAME})|(?P<impl>(?i:the\s+(?:country|"
    rf"nation)['’]s|its|the)))\s+capital(?:\s+city)?(?:\s+of\s+(?:the\s+)?(?P<of>{_COUNTRY}))?"
)
_BEFORE = re.compile(
    rf"(?P<city>{_NAME})(?:,|\s+is|\s+remains|\s+[–—-])\s+(?:also\s+)?{_QUALIFIER}"
)
_AFTER = re.compile(rf"{_QUALIFIER}(?:,|\s+is|\s+[–—-])?\s+(?P<city>{_NAME})")
_TRAILING = re.compile(r"['’]s$|[.,]$")
_POSSESSIVE = re.compile(r"['’]s?$")


def _known_city(name: str, at_end: bool) -> tuple[str, Span] | None:
    """The longest run of the words of ``name`` that is a city: its end when the city comes
    before the phrase ("In Almaty"), its start when after ("Almaty and ...")."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", name)]
    cities = places().cities
    for n in range(len(words), 0, -1):
        chosen = words[-n:] if at_end else words[:n]
        span = (chosen[0][0], chosen[-1][1])
        candidate = _TRAILING.sub("", name[span[0] : span[1]])
        if fold(candidate) in cities:
            return candidate, (span[0], span[0] + len(candidate))
    return None


def _country_of(m: re.Match[str]) -> frozenset[str] | None:
    """The codes of the countries the phrase may name, empty when the country is implied, None
    when the capital is no country's (a state's, a region's, a qualified one)."""
    for group in ("poss", "adj", "of"):
        if m.group(group):
            return _country_named(m.group(group))
    return frozenset()


def _country_named(words: str) -> frozenset[str] | None:
    """The countries ``words`` name: the whole of them, else their tail, as a name caught
    together with a capitalised word before it ("In Canada", "The United States's")."""
    known = places().all_countries
    split = words.split()
    for k in range(len(split)):
        tail = _POSSESSIVE.sub("", " ".join(split[k:]))
        if (codes := known.get(fold(tail))) is not None:
            return codes
    return None


def _mentioned_countries(article: Article) -> set[str]:
    countries = places().countries
    found = set()
    for entity in article.entities:
        for form in (entity.name, *entity.aliases):
            if (code := countries.get(fold(form))) is not None:
                found.add(code)
        if entity.demonym_mentions and (code := countries.get(fold(entity.name))):
            found.add(code)
    return found


def _describe(day: date | None) -> str:
    return f"on {day:%-d %B %Y}" if day else "today"


def check_wrong_capital(rule: Rule, article: Article) -> Iterator[Flag]:
    text = article.text
    info = places()
    mentioned: set[str] | None = None
    seen: set[Span] = set()
    windows = article.near(("capital",), before=160, after=120)
    for pattern, at_end in ((_BEFORE, True), (_AFTER, False)):
        for m in (m for a, b in windows for m in pattern.finditer(text, a, b)):
            country = _country_of(m)
            found = _known_city(m.group("city"), at_end)
            if country is None or found is None:
                continue
            city, (a, b) = found
            span = (m.start("city") + a, m.start("city") + b)
            if span in seen:
                continue
            seen.add(span)
            if country:
                codes = country
            else:
                if mentioned is None:
                    mentioned = _mentioned_countries(article)
                codes = info.cities[fold(city)] & mentioned
            if not codes:
                continue
            day = article.date
            accepted = [
                c
                for code, caps in info.capitals.items()
                if code.split("-")[0] in codes and (not country or code in codes)
                for c in caps
                if c.holds(day)
            ]
            forms = info.same_city.get(fold(city), frozenset()) | {fold(city)}
            if not accepted or any(forms & c.spellings for c in accepted):
                continue
            code = sorted(codes)[0]
            truth = [c for c in accepted if c.code == code] or accepted
            named = " and ".join(dict.fromkeys(c.name for c in truth))
            country_name = info.names.get(code, code)
            verb = "was" if day else "is"
            yield rule.flag(
                article,
                f"{city} is not the capital of {country_name}: {_describe(day)} it {verb} {named}.",
                (span, (m.start(), m.end())),
                reason=f"Dated capitals table: {truth[0].source}.",
            )


# ---- figures that disagree -------------------------------------------------------------------

_EXACT = frozenset({"count"})
_UPDATE = re.compile(
    r"\b(?:rose|risen|rise|rising|climbed|increased|up to|at least|more than|over|about|nearly|"
    r"almost|around|total|toll|another|further|more|previous|earlier|initially|first|now)\b",
    re.I,
)


def _value(figure: Figure) -> float | None:
    return float(figure.value) if figure.value is not None else None


def check_contradicting_figures(rule: Rule, article: Article) -> Iterator[Flag]:
    """Two exact counts of the same dead, hurt or held ("people ... killed") that differ, where
    neither sentence marks a change or an estimate. Other counts differ for good reasons (two
    studies, two matches)."""
    first: dict[str, Figure] = {}
    text = article.text
    for figure in article.figures:
        if figure.span is None or figure.kind not in _EXACT or not figure.counts:
            continue
        if not is_casualty(figure.counts) or _value(figure) is None:
            continue
        sentence = article.sentence_at(figure.span[0])
        if _UPDATE.search(text, sentence[0], sentence[1]):
            continue
        key = figure.counts.casefold()
        earlier = first.setdefault(key, figure)
        if earlier is figure or _value(earlier) == _value(figure) or earlier.span is None:
            continue
        if article.sentence_at(earlier.span[0]) == sentence:
            continue
        what = figure.counts.replace(" ... ", " ")
        yield rule.flag(
            article,
            f"“{earlier.text}” and “{figure.text}” give two counts of {what}.",
            (earlier.span, figure.span),
        )
