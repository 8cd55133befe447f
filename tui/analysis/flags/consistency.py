"""Consistency: one article should name a thing one way, spell a word one way, spell out an
acronym before it leans on it, and state a fact once.

Each rule reads what earlier stages found (entity mentions, figures) or scans the text once;
none compares every pair of anything.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache

from ..figures.patterns import trie
from ..model import Entity, Flag, Span
from .counts import is_casualty
from .rule import Article, Rule
from .tables import rows, words

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


def _list_runs(article: Article) -> Iterator[list[tuple[Span, int]]]:
    """Runs of entity mentions that stand next to each other as items of one list."""
    mentions = sorted(
        (span, i) for i, e in enumerate(article.entities) for span in e.mentions
    )
    run: list[tuple[Span, int]] = []
    for mention in mentions:
        if run:
            gap_start, gap_end = run[-1][0][1], mention[0][0]
            if gap_end >= gap_start and _SEPARATOR.fullmatch(article.text, gap_start, gap_end):
                run.append(mention)
                continue
            yield run
        run = [mention]
    if run:
        yield run


def check_alias_in_list(rule: Rule, article: Article) -> Iterator[Flag]:
    """Two different names of one entity among the items of one list. The same name twice is
    left alone: addresses and listings repeat a name legitimately ("Virginia Beach, Virginia
    Beach, VA")."""
    text = article.text
    for run in _list_runs(article):
        if len(run) < 3:
            continue
        first: dict[int, Span] = {}
        for span, i in run:
            if article.entities[i].kind not in _LISTED_KINDS:
                continue
            if i not in first:
                first[i] = span
                continue
            a, b = text[slice(*first[i])], text[slice(*span)]
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
_SUFFIXES = ("e", "es", "ed", "ing", "ation", "ations", "er", "ers", "r", "s", "ite", "ites",
             "able", "ful", "less")
# A hyphen that changes the word ("re-sign", "co-op") is no variant spelling.
_HYPHEN_PREFIXES = ("re-", "co-", "un-")


@cache
def _listed_variants() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Each one-word form of the shipped pairs (and its plural) mapped to its pair's key, and
    one pattern for the forms of more than one word ("per cent")."""
    key_of: dict[str, str] = {}
    phrases: list[str] = []
    for row in rows("spelling_variants.tsv"):
        a, b = row[0], row[1]
        for form in (a, b):
            key_of[form] = a
            key_of[form + "s"] = a + "s"
            if " " in form:
                phrases.append(form)
    pattern = (re.compile("(?:" + "|".join(map(_word_start, phrases)) + r")\b")
               if phrases else None)
    return key_of, pattern


def _word_start(form: str) -> str:
    """``\\b`` and ``form`` as a pattern, with the boundary checked just after the first letter
    ("p(?<!\\wp)er cent"): a pattern that opens on a letter lets ``re`` skip every position where
    that letter is not, where an opening ``\\b`` has it try them all."""
    head, tail = re.escape(form[0]), re.escape(form[1:])
    if not re.match(r"\w", form[0]):
        return rf"\b{head}{tail}"
    return rf"{head}(?<!\w{head}){tail}"


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
    key_of, phrases = _listed_variants()
    counts = Counter(_TOKEN.findall(text))
    if phrases is not None:
        counts.update(phrases.findall(text))
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
    first = _first_spans(text, {w for variants in groups for w in variants})
    for variants in groups:
        (a_at, a), (b_at, b) = sorted((first[w], w) for w in variants)[:2]
        yield rule.flag(
            article,
            f"“{a}” ({counts[a]}×) and “{b}” ({counts[b]}×) spell one word two ways.",
            (a_at, b_at),
        )


def _first_spans(text: str, wanted: set[str]) -> dict[str, Span]:
    """``_first`` of every word in ``wanted``, the one-word ones found in one scan: a search per
    word reads deep into a long text for each of a few hundred words. The scan's edges are
    ``_first``'s, and two of the words cannot both stand whole at one place, so it finds the same
    spans."""
    single = sorted(w for w in wanted if " " not in w)
    found: dict[str, Span] = {}
    if single:
        pattern = re.compile(r"(?<![\w'’-])" + trie(single) + r"(?![\w-])")
        for m in pattern.finditer(text):
            found.setdefault(m.group(), m.span())
            if len(found) == len(single):
                break
    return {w: found[w] if w in found else _first(text, w) for w in wanted}


def _first(text: str, word: str) -> Span:
    """Where ``word`` first stands as a whole word (a few ``str.find`` calls, not a scan)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_'’-") and not (after.isalnum() or after in "_-"):
            return at, end
        at = text.find(word, at + 1)
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
    words_ = [w.strip("([,;:\"“”") for w in words_before]
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
        before = article.text[max(m.start() - 120, 0):m.start()].split()
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


def check_acronyms(rule: Rule, article: Article) -> Iterator[Flag]:
    text = article.text
    known = words("known_acronyms.txt")
    common = words("common_words.tsv")
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
        left, right = text[max(line_start, m.start() - 12):m.start()], text[m.end():m.end() + 12]
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
        key = (figure.value if figure.value is not None else (figure.low, figure.high),
               figure.counts.casefold())
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = figure.span
        elif article.paragraph_at(earlier[0]) != article.paragraph_at(figure.span[0]):
            yield rule.flag(
                article,
                f"“{figure.text}” {figure.counts.replace(' ... ', ' ')} is stated twice.",
                (earlier, figure.span),
            )
