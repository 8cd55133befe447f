"""Consistency: one article should name a thing one way, spell a word one way, spell out an
acronym before it leans on it, and state a fact once.

Each rule reads what earlier stages found (entity mentions, figures) or scans the text once;
none compares every pair of anything.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterator
from functools import cache
from typing import NamedTuple

from ..compact import compact, sharded_set
from ..model import Entity, Flag, Span
from .counts import is_casualty
from .rule import Article, Rule
from .tables import rows

# ---- one thing twice in one list -------------------------------------------------------------

_SEPARATOR = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?")
# People are left out: a surname shared by two people ("George and Laura Bush") is no alias.
_LISTED_KINDS = frozenset({"place", "organization"})
_KIND = {"person": "person", "organization": "organisation", "other": "thing"}


@cache
def _country_names() -> frozenset[str]:
    return frozenset(row[2] for row in rows("countries.tsv"))


def _kind_word(entity: Entity) -> str:
    if entity.kind == "place":
        return "country" if entity.name in _country_names() else "place"
    return _KIND.get(entity.kind, "thing")


def _list_runs(article: Article) -> Iterator[list[tuple[int, int, int]]]:
    """Runs of three entity mentions or more that stand next to each other as items of one
    list, each mention as (start, end, entity index)."""
    text = article.text
    mentions = sorted(
        (start, end, i) for i, e in enumerate(article.entities) for start, end in e.mentions
    )
    run: list[tuple[int, int, int]] = []
    for mention in mentions:
        if run:
            gap_start, gap_end = run[-1][1], mention[0]
            if gap_end >= gap_start and _SEPARATOR.fullmatch(text, gap_start, gap_end):
                run.append(mention)
                continue
            if len(run) >= 3:
                yield run
        run = [mention]
    if len(run) >= 3:
        yield run


def check_alias_in_list(rule: Rule, article: Article) -> Iterator[Flag]:
    """Two different names of one entity among the items of one list. The same name twice is
    left alone: addresses and listings repeat a name legitimately ("Virginia Beach, Virginia
    Beach, VA")."""
    text = article.text
    for run in _list_runs(article):
        first: dict[int, Span] = {}
        for start, end, i in run:
            if article.entities[i].kind not in _LISTED_KINDS:
                continue
            span = (start, end)
            if i not in first:
                first[i] = span
                continue
            a, b = text[slice(*first[i])], text[start:end]
            if a.casefold() == b.casefold():
                continue
            kind = _kind_word(article.entities[i])
            message = f"“{a}” and “{b}” name the same {kind} in one list."
            yield rule.flag(article, message, (first[i], span))


# ---- two spellings of one word ---------------------------------------------------------------

_TOKEN = re.compile(r"(?<![\w'’-])[a-z]+(?:-[a-z]+)?(?![\w-])")
_RULES = (
    (re.compile(r"([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)"), r"\1iz\2"),
    (re.compile(r"([a-z]{3,})iz(e|es|ed|ing|ation|ations|er|ers)"), r"\1iz\2"),
    (re.compile(r"([a-z]{2,})ys(e|es|ed|ing|er|ers)"), r"\1yz\2"),
    (re.compile(r"([a-z]{2,})yz(e|es|ed|ing|er|ers)"), r"\1yz\2"),
    (re.compile(r"([a-z]{3,})ou?r(s|ed|ing|ite|ites|able|ful|less)?"), r"\1or\2"),
)
_SUFFIXES = (
    "e",
    "es",
    "ed",
    "ing",
    "ation",
    "ations",
    "er",
    "ers",
    "r",
    "s",
    "ite",
    "ites",
    "able",
    "ful",
    "less",
)
# A hyphen that changes the word ("re-sign", "co-op") is no variant spelling.
_HYPHEN_PREFIXES = ("re-", "co-", "un-")


@cache
def _listed_variants() -> tuple[dict[str, str], tuple[str, ...], re.Pattern[str]]:
    """Each one-word form of the shipped pairs (and its plural) mapped to its pair's key, the
    forms of more than one word ("per cent"), and one pattern for those."""
    key_of: dict[str, str] = {}
    phrases: list[str] = []
    for row in rows("spelling_variants.tsv"):
        a, b = row[0], row[1]
        for form in (a, b):
            key_of[form] = a
            key_of[form + "s"] = a + "s"
            if " " in form:
                phrases.append(form)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b")
    return key_of, tuple(phrases), pattern


def _phrases(text: str, phrases: tuple[str, ...], pattern: re.Pattern[str]) -> list[str]:
    """``pattern.findall(text)``, tried only where one of ``phrases`` begins: ``str.find`` gets
    there faster than a scan, which tries the pattern at every position."""
    found: list[str] = []
    end = 0
    for at in sorted({at for phrase in phrases for at in _finds(text, phrase)}):
        if at >= end and (m := pattern.match(text, at)) is not None:
            found.append(m.group())
            end = m.end()
    return found


def _finds(text: str, word: str, start: int = 0) -> Iterator[int]:
    """Every place ``word`` occurs in ``text`` from ``start`` on, whole or not."""
    at = text.find(word, start)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _general_key(word: str) -> str | None:
    if word.endswith(_SUFFIXES):
        for pattern, replacement in _RULES:
            if pattern.fullmatch(word):
                return pattern.sub(replacement, word)
    if "-" in word and not word.startswith(_HYPHEN_PREFIXES):
        return word.replace("-", "")
    return None


def check_spelling_variants(rule: Rule, article: Article) -> Iterator[Flag]:
    text = article.text
    key_of, phrases, pattern = _listed_variants()
    counts, stretch = _words(text)
    counts.update(_phrases(text, phrases, pattern))
    forms: dict[str, list[str]] = defaultdict(list)
    for word in counts:
        if word in key_of:
            forms["listed:" + key_of[word]].append(word)
            continue
        key = _general_key(word)
        if key is None:
            continue
        if "-" not in word:
            forms["rule:" + key].append(word)
        elif key in counts:
            forms["rule:" + key] += [word, key]
    groups = [variants for variants in forms.values() if len(variants) >= 2]
    first = {w: _first(text, w, stretch.get(w, 0)) for variants in groups for w in variants}
    for variants in groups:
        (a_at, a), (b_at, b) = sorted((first[w], w) for w in variants)[:2]
        yield rule.flag(
            article,
            f"“{a}” ({counts[a]}×) and “{b}” ({counts[b]}×) spell one word two ways.",
            (a_at, b_at),
        )


# Words are counted a stretch of text at a time, each stretch ending at a space past this length.
_STRETCH = 1 << 16


def _words(text: str) -> tuple[Counter[str], dict[str, int]]:
    """How often each word stands whole in ``text``, and where the stretch of text it first
    stands in begins, so that ``_first`` reads from there and not through the whole text. No
    word spans a space, so counting by stretches counts the same words; the counter keeps them
    in the order first seen, so the words a stretch adds come after all of the earlier ones."""
    counts: Counter[str] = Counter()
    starts: list[int] = []
    sizes: list[int] = []
    at = 0
    while at < len(text):
        cut = text.find(" ", at + _STRETCH)
        cut = len(text) if cut < 0 else cut
        counts.update(_TOKEN.findall(text, at, cut))
        starts.append(at)
        sizes.append(len(counts))
        at = cut
    stretch: dict[str, int] = {}
    i = 0
    for n, word in enumerate(counts):
        while n >= sizes[i]:
            i += 1
        stretch[word] = starts[i]
    return counts, stretch


def _first(text: str, word: str, start: int = 0) -> Span:
    """Where ``word`` first stands as a whole word at or after ``start`` (a few ``str.find``
    calls, not a scan); its edges are ``_TOKEN``'s."""
    for at in _finds(text, word, start):
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_'’-") and not (after.isalnum() or after in "_-"):
            return at, end
    return 0, 0


# ---- acronyms before or without their definition ---------------------------------------------

# Each pattern that scans the whole text opens on its capital and checks the word boundary before
# it afterwards ("(?<!\w[A-Z])" is "\b" there), so that ``re`` skips to the capitals.
_ACRONYM = re.compile(r"([A-Z](?<!\w[A-Z])[A-Z0-9]*[A-Z])(s?)\b")
_JOINED_BEFORE = frozenset(".&-")
_JOINED_AFTER = re.compile(r"[&-]|\.\w")
_SHOUTING = re.compile(r"[A-Z]{2,}[^a-z]{0,3}$|^[^a-z]{0,3}[A-Z]{2,}")
_ROMAN = re.compile(r"[IVXLC]+")
# "the MPC", "the CSTO": a body that needs its name spelled out; a bare "IBM" is a brand.
_THE = re.compile(r"\b[Tt]he\s$")
_BRACKETED = re.compile(r"\(([A-Z][A-Z0-9&]*[A-Z])s?\)")
_SPELLED_AFTER = re.compile(
    r"([A-Z](?<!\w[A-Z])[A-Z0-9&]*[A-Z])s?\s+[(\[]([A-Za-z][\w\s,'’&-]{3,80})[)\]]"
)
# Two capitals before a name are a person's initials ("EB White"), not an acronym.
_INITIALS = re.compile(r"\s[A-Z][a-z]")
_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "&", "de", "du", "des"})


def _initials_match(acronym: str, words_before: list[str]) -> bool:
    """Schwartz & Hearst, simplified: the acronym's letters are, in order, the initials of the
    words just before (or after) it, small words ("of", "the") optional."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    words_ = [w.strip('([,;:"“”') for w in words_before]
    words_ = [w for w in words_ if w]

    def match(li: int, wi: int) -> bool:
        if li < 0:
            return True
        if wi < 0:
            return False
        word = words_[wi]
        if word[0].lower() == letters[li] and match(li - 1, wi - 1):
            return True
        return word.lower() in _SMALL and match(li, wi - 1)

    return match(len(letters) - 1, len(words_) - 1)


def _named_before(words_before: list[str]) -> bool:
    """A name of two capitalised words or more just before the brackets: a definition even when
    the acronym comes from another language ("National Statistics Institute (INSEE)")."""
    tail = [w for w in words_before[-2:] if w]
    return len(tail) == 2 and all(w[0].isupper() for w in tail)


def _definitions(article: Article) -> dict[str, int]:
    """Where each acronym is first spelled out, from the entities' aliases and from
    "Long Form (LF)" in the text."""
    defined: dict[str, int] = {}
    for entity in article.entities:
        spelled = [s for s in entity.mentions if " " in article.text[slice(*s)]]
        if not spelled:
            continue
        for span in entity.mentions:
            form = article.text[slice(*span)]
            if _ACRONYM.fullmatch(form):
                defined[form] = min(defined.get(form, spelled[0][0]), spelled[0][0])
    for m in _BRACKETED.finditer(article.text):
        before = article.text[max(m.start() - 120, 0) : m.start()].split()
        if _initials_match(m.group(1), before[-12:]) or _named_before(before):
            defined[m.group(1)] = min(defined.get(m.group(1), m.start()), m.start())
    for m in _SPELLED_AFTER.finditer(article.text):
        if _initials_match(m.group(1), m.group(2).split()):
            defined[m.group(1)] = min(defined.get(m.group(1), m.start()), m.start())
    return defined


def _headline(article: Article, pos: int) -> bool:
    """A short paragraph with no closing punctuation is a headline, where acronyms stand
    unexplained by convention."""
    start, end = article.paragraph_at(pos)
    line = article.text[start:end].rstrip()
    return not line.endswith((".", "!", "?", "…", "”", '"', ":")) and line.count(" ") < 12


class AcronymWords(NamedTuple):
    known: frozenset[str]
    """Acronyms that need no spelling out ("BBC")."""
    common: Container[str]
    """Common words, lower case: an acronym that is one ("AIDS", "WHO") may be a word."""


# The other files this module reads are named too, so that the digest covers every one.
@compact(
    "known_acronyms.txt",
    "common_words.tsv",
    "countries.tsv",
    "spelling_variants.tsv",
    also=("tui.analysis.flags.tables",),
)
def _acronym_words() -> AcronymWords:
    """The first column of each table, compact: parsing the 10,000 common words took 7 ms."""
    known = frozenset(row[0] for row in rows("known_acronyms.txt"))
    return AcronymWords(known, sharded_set(row[0] for row in rows("common_words.tsv")))


def check_acronyms(rule: Rule, article: Article) -> Iterator[Flag]:
    text = article.text
    known, common = _acronym_words()
    defined = _definitions(article)
    first: dict[str, Span] = {}
    with_article: set[str] = set()
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1)
        joined = m.start() > 0 and text[m.start() - 1] in _JOINED_BEFORE
        if joined or _JOINED_AFTER.match(text, m.end()):
            continue
        if _THE.search(text, max(m.start() - 4, 0), m.start()):
            with_article.add(acronym)
        if acronym in first or acronym in known or _ROMAN.fullmatch(acronym):
            continue
        if _headline(article, m.start()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        left, right = (
            text[max(line_start, m.start() - 12) : m.start()],
            text[m.end() : m.end() + 12],
        )
        if _SHOUTING.search(left) or _SHOUTING.search(right):
            continue
        if text.startswith(")", m.end()) and acronym in defined:
            continue
        if acronym.lower() in common:
            continue
        if len(acronym) == 2 and not m.group(2) and _INITIALS.match(text, m.end()):
            continue
        first[acronym] = m.span(1)
    for acronym, span in first.items():
        where = defined.get(acronym)
        if where is None and acronym in with_article:
            yield rule.flag(article, f"“{acronym}” is never spelled out.", (span,))
        elif where is not None and where > span[1]:
            yield rule.flag(article, f"“{acronym}” is used before it is spelled out.", (span,))


# ---- one fact stated twice -------------------------------------------------------------------

_COUNTED = frozenset({"count", "approximate", "range", "percent"})


def check_repeated_fact(rule: Rule, article: Article) -> Iterator[Flag]:
    """The same count of the dead, hurt or held, described the same way, in two paragraphs:
    often an unedited repeat. Other counts repeat for good reasons (tables, comparisons)."""
    seen: dict[tuple[object, str], Span] = {}
    for figure in article.figures:
        if figure.span is None or figure.kind not in _COUNTED or not figure.counts:
            continue
        if not figure.counts[0].islower() or not is_casualty(figure.counts):
            continue
        key = (
            figure.value if figure.value is not None else (figure.low, figure.high),
            figure.counts.casefold(),
        )
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = figure.span
        elif article.paragraph_at(earlier[0]) != article.paragraph_at(figure.span[0]):
            yield rule.flag(
                article,
                f"“{figure.text}” {figure.counts.replace(' ... ', ' ')} is stated twice.",
                (earlier, figure.span),
            )
