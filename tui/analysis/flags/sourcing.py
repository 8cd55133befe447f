"""Sourcing: who says so. Attribution cues ("said", "according to") are found with high
precision and are what the other rules lean on; then counts of the dead and hurt with no cue
near them, sources too vague to check, and material the article itself calls unverified.

The cue list keeps only verbs that mark attribution nine times in ten in news copy (measured on
PolNeAR with ``bench/eval_attribution.py``); "say" and "asked" do not ("some say", "asked
about"). A cue inside quoted words is the speaker's, not the article's, and is skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..model import Flag, Span
from .counts import is_casualty
from .rule import Article, Rule

_CUE = re.compile(
    r"\b(?:said|says|told|tells|stated|added|noted|explained|wrote|warned|insisted|argued|"
    r"recalled|acknowledged|declared|testified|tweeted|reported|citing|arguing|suggested|"
    r"asserted|contended|predicted|according\s+to|quoted)\b"
)
_HAVE = re.compile(r"\b(?:has|have|had)\s+$")
_QUOTED_BEFORE = re.compile(r"\b(?:was|were|is|are)\s+$")
_QUOTED_AFTER = re.compile(r"\s+(?:him|her|them)\b")
_NOT_CUE = re.compile(r"\s+(?:to\s+(?:be|have)\b|in\s+(?:a|the)\s+(?:report|statement)\b)")
_NOT_CUE_BEFORE = re.compile(r"(?:\ball\s*|\bthe\s+|\bas\s+|\bbeen\s+)$")


def find_cues(article: Article) -> list[Span]:
    """Spans of the attribution cues in the article's text, in order: a verb of saying (with
    its "has"), "according to", or "was quoted". One pass over the lower-cased text."""
    return list(_cues(article, 0, len(article.text)))


# How far a cue's start moves back from its verb: to "was" before "quoted", then to "has".
_REACH = 12


def _cues(article: Article, start: int, end: int) -> Iterator[Span]:
    """The cues whose verb begins in ``text[start:end]``. Each match is a whole word that no
    other overlaps, so a scan begun at ``start`` finds the same ones as a scan of the text."""
    lower = article.lower
    for m in _CUE.finditer(lower, start):
        at, stop = m.span()
        if at >= end:
            return
        if m.group() == "quoted":
            before = _QUOTED_BEFORE.search(lower, max(at - 6, 0), at)
            if before is None and not _QUOTED_AFTER.match(lower, stop):
                continue
            if before is not None:
                at = before.start()
        if article.in_quote(at):
            continue
        if _NOT_CUE_BEFORE.search(lower, max(at - 6, 0), at):
            continue
        if _NOT_CUE.match(lower, stop):
            continue
        if (have := _HAVE.search(lower, max(at - 6, 0), at)) is not None:
            at = have.start()
        yield at, stop


def _attributed(article: Article, paragraph: Span) -> bool:
    """Whether a cue starts in ``paragraph``: only the paragraphs of unsourced counts are
    asked, so only they are scanned."""
    start, end = paragraph
    return any(start <= at < end for at, _ in _cues(article, start, end + _REACH))


# ---- casualty counts with no source ----------------------------------------------------------

_COUNTED = frozenset({"count", "approximate", "range"})


def check_unattributed_count(rule: Rule, article: Article) -> Iterator[Flag]:
    """A count of the dead, hurt or held with no source of its own (figures found one) and no
    cue anywhere in its paragraph."""
    attributed: dict[Span, bool] = {}
    for figure in article.figures:
        if figure.span is None or figure.kind not in _COUNTED or figure.source:
            continue
        if not figure.counts or not is_casualty(figure.counts):
            continue
        para = article.paragraph_at(figure.span[0])
        if para not in attributed:
            attributed[para] = _attributed(article, para)
        if attributed[para]:
            continue
        if article.in_quote(figure.span[0]):
            continue
        sentence = article.sentence_at(figure.span[0])
        what = figure.counts.replace(" ... ", " ")
        yield rule.flag(
            article,
            f"“{figure.text}” {what}: no source is given for this count.",
            (figure.span, sentence),
        )


# ---- vague and unnamed sources ---------------------------------------------------------------

_ADJ = (
    r"(?:(?:local|foreign|state|state-run|state-owned|official|independent|international|"
    r"opposition|western|Western|several|some|many|unnamed|anonymous|other|various|"
    r"news|media|[A-Z][a-z]+(?:n|ese|i|ish|ian))\s+){0,3}"
)
_VAGUE = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?:the\s+)?{_ADJ}(?:news\s+)?(?:sources|reports|media|outlets|accounts)"
    rf"\b(?!\s+(?:and|by|from|in|of|at|carried\s+by|published\s+by)\s+(?:the\s+)?[A-Z]|\s+and\b)"
    rf"|\b(?:quoted|cited|reported)\s+(?:by|in)\s+(?:the\s+)?{_ADJ}(?:news\s+)?"
    rf"(?:outlets|media\s+outlets|news\s+sources|media)\b"
    rf"|\b(?:(?:[Mm]edia|[Nn]ews|[Pp]ress)\s+)?(?:[Ss]ources|[Rr]eports)\s+(?:said|say|says|suggest|suggested|"
    rf"claimed|claim|indicated|indicate)\b"
    rf"|\b[Ii]t\s+(?:is|was|has\s+been)\s+(?:reported|understood|believed|claimed)\s+that\b",
)
_UNNAMED_HINTS = (
    "officials",
    "analysts",
    "experts",
    "observers",
    "diplomats",
    "insiders",
    "critics",
    "witnesses",
    "residents",
    "activists",
)
_UNNAMED = re.compile(
    r"\b(?:(?:the\s+)?(?:officials|analysts|experts|observers|diplomats|insiders|critics|"
    r"witnesses|residents|activists)\s+(?:said|say|says|told|believe|believed|estimate|"
    r"estimated|claim|claimed)|according\s+to\s+(?:\w+\s+)?(?:officials|analysts|experts|"
    r"observers|diplomats|insiders|critics|witnesses|residents|activists))\b",
    re.I,
)


def _grouped(
    rule: Rule, article: Article, pattern: re.Pattern[str], message: str, hints: tuple[str, ...]
) -> Iterator[Flag]:
    """One flag per distinct phrase, linking every place it occurs (outside quotes). The
    pattern runs only near its ``hints``, words every match contains."""
    found: dict[str, list[Span]] = defaultdict(list)
    surface: dict[str, str] = {}
    for a, b in article.near(hints, before=120, after=80):
        for m in pattern.finditer(article.text, a, b):
            if not article.in_quote(m.start()):
                phrase = " ".join(m.group().split())
                surface.setdefault(phrase.lower(), phrase)
                found[phrase.lower()].append(m.span())
    for key, spans in found.items():
        times = f" ({len(spans)} times)" if len(spans) > 1 else ""
        yield rule.flag(article, message.format(phrase=surface[key]) + times, spans)


def check_vague_source(rule: Rule, article: Article) -> Iterator[Flag]:
    yield from _grouped(
        rule,
        article,
        _VAGUE,
        "“{phrase}”: the source is not named, so a reader cannot check it.",
        (
            "sources",
            "reports",
            "media",
            "outlets",
            "accounts",
            "reported that",
            "understood that",
            "believed that",
            "claimed that",
        ),
    )


def check_unnamed_source(rule: Rule, article: Article) -> Iterator[Flag]:
    yield from _grouped(
        rule, article, _UNNAMED, "“{phrase}”: who, by name or office?", _UNNAMED_HINTS
    )


# ---- material the article calls unverified ---------------------------------------------------

# "Unverified claims" is relayed material; "dubious claims" is a judgement of someone's, so
# "dubious" and "purported" count only before material (videos, reports) the article passes on.
_MATERIAL = (
    r"(?:videos?|footage|reports?|images?|photos?|photographs?|pictures?|accounts?|"
    r"posts?|messages?|clips?|recordings?)"
)
_UNVERIFIED = re.compile(
    rf"\b(?:(?:unverified|unconfirmed|unsubstantiated|uncorroborated)\s+(?:[a-z-]+\s+)?"
    rf"(?:{_MATERIAL}|claims?|rumou?rs?|allegations?|information)"
    rf"|(?:dubious|purported)\s+(?:[a-z-]+\s+)?{_MATERIAL})\b",
    re.I,
)
_HEDGED = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|rumou?red\s+to)\b",
    re.I,
)


def check_unverified(rule: Rule, article: Article) -> Iterator[Flag]:
    yield from _grouped(
        rule,
        article,
        _UNVERIFIED,
        "“{phrase}”: the article relays material it says is not verified.",
        ("dubious", "unverified", "unconfirmed", "unsubstantiated", "uncorroborated", "purported"),
    )


def check_hedged(rule: Rule, article: Article) -> Iterator[Flag]:
    yield from _grouped(
        rule,
        article,
        _HEDGED,
        "“{phrase}”: a hedge; who reports or alleges it?",
        ("reportedly", "allegedly", "purportedly", "supposedly", "rumo"),
    )
