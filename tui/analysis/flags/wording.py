"""Wording: loaded terms with a neutral alternative, scare quotes that quote no one, and
references to pictures or video that a text-only article does not carry.

Words inside quotation marks are the speaker's and are never judged as the writer's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from ..model import Flag, Severity, Span
from .rule import Article, Rule
from .tables import rows


class Loaded(NamedTuple):
    term: str
    alternative: str
    reason: str
    source: str
    severity: Severity
    excuses: re.Pattern[str] | None


@cache
def _loaded() -> tuple[dict[str, Loaded], re.Pattern[str]]:
    table = {
        term: Loaded(
            term,
            alternative,
            reason,
            source,
            severity,  # type: ignore[arg-type]
            re.compile(rf"\b(?:{excuses})\b", re.I) if excuses else None,
        )
        for term, alternative, reason, source, severity, excuses in rows("loaded_words.tsv")
    }
    terms = sorted(table, key=len, reverse=True)
    return table, re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\b")


def check_loaded_terms(rule: Rule, article: Article) -> Iterator[Flag]:
    """A capital letter inside a sentence makes the term part of a name ("the Pro-Life
    Alliance"), which is what its bearers call themselves."""
    table, pattern = _loaded()
    found: dict[str, list[Span]] = defaultdict(list)
    for a, b in article.near(tuple(table), before=0, after=40):
        for m in pattern.finditer(article.lower, a, b):
            entry = table[m.group()]
            if article.in_quote(m.start()):
                continue
            sentence = article.sentence_at(m.start())
            if article.text[m.start()].isupper() and sentence[0] != m.start():
                continue
            if entry.excuses and entry.excuses.search(article.text, *sentence):
                continue
            found[entry.term].append(m.span())
    for term, spans in found.items():
        entry = table[term]
        times = f" ({len(spans)} times)" if len(spans) > 1 else ""
        yield rule.flag(
            article,
            f"“{term}” is loaded{times}: prefer “{entry.alternative}”.",
            spans,
            reason=f"{entry.reason} ({entry.source})",
            severity=entry.severity,
        )


# ---- scare quotes ----------------------------------------------------------------------------

# One quoted word between a determiner and its noun: "a “peacekeeping” mission". Longer quotes,
# and quotes with a verb of saying or judging in their paragraph, are someone's words.
_DETERMINER = re.compile(
    r"\b(?:a|an|the|this|that|these|those|its|his|her|their|our|so-called)\s+$", re.I
)
_WORD = re.compile(r"[“\"]([a-z][a-z'’]*(?:-[a-z'’]+)*)[”\"]")
_NOUN_NEXT = re.compile(r"\s+[a-z]")
_SAYING = re.compile(
    r"\b(?:said|says|say|saying|told|tells|tell|call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|"
    r"dismiss(?:es|ed|ing)?|brand(?:s|ed|ing)?|claim(?:s|ed|ing)?|insist(?:s|ed|ing)?|"
    r"argu(?:e|es|ed|ing)|warn(?:s|ed|ing)?|accus(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|"
    r"den(?:y|ies|ied|ying)|add(?:s|ed|ing)|term(?:s|ed)?|dub(?:s|bed)|label(?:s|led)?|"
    r"promis(?:e|es|ed|ing)|pledg(?:e|es|ed)|vow(?:s|ed)?|admit(?:s|ted)?|conced(?:e|es|ed)|"
    r"suggest(?:s|ed|ing)?|stress(?:es|ed)?|declar(?:e|es|ed)|announc(?:e|es|ed)|wr(?:ote|ites)|"
    r"believ(?:e|es|ed)|spoke|speaking|referr(?:ed|ing)|refers?|criticis(?:e|es|ed)|"
    r"attack(?:s|ed)?|hail(?:s|ed)|prais(?:e|es|ed)|condemn(?:s|ed)?|welcom(?:e|es|ed)|"
    r"quot(?:e|es|ed|ing)|report(?:s|ed)?|known\s+as|nicknamed|headlined|entitled|titled|"
    r"words?|phrases?|slogans?)\b",
    re.I,
)


def check_scare_quotes(rule: Rule, article: Article) -> Iterator[Flag]:
    text = article.text
    found: dict[str, list[Span]] = defaultdict(list)
    attributed: dict[Span, tuple[bool, int]] = {}
    for start, end in article.quotes:
        m = _WORD.fullmatch(text, start, end)
        if m is None or not _NOUN_NEXT.match(text, end):
            continue
        if not _DETERMINER.search(text, max(start - 10, 0), start):
            continue
        paragraph = article.paragraph_at(start)
        if paragraph not in attributed:
            attributed[paragraph] = _attribution(text, *paragraph)
        saying, according = attributed[paragraph]
        if saying or according > start:
            continue
        found[m.group(1)].append((start, end))
    for phrase, spans in found.items():
        times = f" ({len(spans)} times)" if len(spans) > 1 else ""
        yield rule.flag(
            article,
            f"Quotation marks around “{phrase}” quote no one: they read as doubt{times}.",
            spans,
        )


def _attribution(text: str, start: int, end: int) -> tuple[bool, int]:
    """Whether the paragraph has a verb of saying or judging (which attributes a quoted word:
    news copy often names the speaker a sentence later), and where its last "according to"
    stands (which attributes only what comes before it; after it, the report, not the word).
    Found once a paragraph, so many quotes in one paragraph cost one scan."""
    return _SAYING.search(text, start, end) is not None, text.rfind("ccording to", start, end)


# ---- references to material that is not there -----------------------------------------------

_MEDIA = (
    r"(?:photo(?:graph)?s?|pictures?|images?|videos?|footage|clips?|gallery|slideshow|map|"
    r"chart|graphic)"
)
_ABSENT_HINTS = (
    "photo",
    "picture",
    "image",
    "video",
    "footage",
    "clip",
    "gallery",
    "slideshow",
    "map",
    "chart",
    "graphic",
    "click",
    "tap",
    "above",
    "below",
)
_ABSENT = re.compile(
    rf"\b(?:as\s+(?:seen|shown)\s+in\s+(?:these|this|the\s+following)\s+{_MEDIA}"
    rf"|(?:in|see|watch)\s+(?:these|this|the\s+following)\s+{_MEDIA}"
    rf"|(?:the|this|these)\s+{_MEDIA}\s+(?:above|below)"
    rf"|(?:pictured|shown|seen|see)\s+(?:above|below)"
    rf"|(?:click|tap)\s+(?:here|on\s+the\s+(?:image|video|photo|link))"
    rf"|watch\s+the\s+video)\b",
    re.I,
)


def check_absent_material(rule: Rule, article: Article) -> Iterator[Flag]:
    found: dict[str, list[Span]] = defaultdict(list)
    for a, b in article.near(_ABSENT_HINTS):
        for m in _ABSENT.finditer(article.text, a, b):
            if not article.in_quote(m.start()):
                found[" ".join(m.group().lower().split())].append(m.span())
    for phrase, spans in found.items():
        times = f" ({len(spans)} times)" if len(spans) > 1 else ""
        yield rule.flag(
            article,
            f"“{phrase}” points at material the article does not contain{times}.",
            spans,
        )
