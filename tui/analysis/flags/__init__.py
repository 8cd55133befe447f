"""Flags: what a careful editor would circle, each finding with a specific message, a one-line
reason and the spans it links.

``RULES`` is the ordered registry (id, family, default severity, reason, check); the config
switches rules off by id and the README lists them from here. ``find_flags`` runs every rule
not disabled over the cleaned text and what entities and figures found in it. The families live
in one module each: ``integrity``, ``consistency``, ``facts``, ``sourcing``, ``wording``.
Integrity rules that need the source (duplicates, truncation, debris) are raised by cleaning.
Rules that would fire on most clean articles start at ``info``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from ..model import Entity, Figure, Flag, Span
from .consistency import (
    check_acronyms,
    check_alias_in_list,
    check_repeated_fact,
    check_spelling_variants,
)
from .facts import check_contradicting_figures, check_wrong_capital
from .integrity import check_hidden_characters
from .rule import Article, Rule
from .sourcing import (
    check_hedged,
    check_unattributed_count,
    check_unnamed_source,
    check_unverified,
    check_vague_source,
    find_cues,
)
from .wording import check_absent_material, check_loaded_terms, check_scare_quotes

__all__ = ["RULES", "Article", "Rule", "find_cues", "find_flags", "rule_table"]

RULES: tuple[Rule, ...] = (
    Rule(
        "hidden-characters",
        "integrity",
        "warning",
        "Invisible characters inside a word break search and copying; bidi overrides can make "
        "text read differently from how it is stored (Unicode TR36).",
        check_hidden_characters,
    ),
    Rule(
        "alias-in-list",
        "consistency",
        "warning",
        "A list names each member once; the gazetteer and the article's own aliases give these "
        "two names to one thing.",
        check_alias_in_list,
    ),
    Rule(
        "spelling-variants",
        "consistency",
        "warning",
        "One article, one spelling: house style guides (AP, Reuters, BBC) pick one form.",
        check_spelling_variants,
    ),
    Rule(
        "acronym-undefined",
        "consistency",
        "info",
        "Spell an acronym out on first use unless every reader knows it (AP Stylebook, "
        "“abbreviations and acronyms”).",
        check_acronyms,
    ),
    Rule(
        "repeated-fact",
        "consistency",
        "info",
        "The same count of the dead, hurt or held, given twice in two paragraphs, is often an "
        "unedited repeat.",
        check_repeated_fact,
    ),
    Rule(
        "wrong-capital",
        "facts",
        "error",
        "Checked against the shipped, dated capitals table (GeoNames, and cited sources for "
        "past capitals).",
        check_wrong_capital,
    ),
    Rule(
        "contradicting-figures",
        "facts",
        "warning",
        "Two different exact counts of the same dead, hurt or held, with no word of a change "
        "or an estimate between them.",
        check_contradicting_figures,
    ),
    Rule(
        "unattributed-count",
        "sourcing",
        "info",
        "Casualty and arrest counts need a source in their sentence or paragraph (Reuters "
        "Handbook of Journalism, sourcing).",
        check_unattributed_count,
    ),
    Rule(
        "vague-source",
        "sourcing",
        "warning",
        "A source a reader cannot identify cannot be checked: name the outlet or the report "
        "(AP Stylebook, “anonymous sources”).",
        check_vague_source,
    ),
    Rule(
        "unnamed-source",
        "sourcing",
        "info",
        "Unnamed officials, experts or witnesses: say who they are as closely as possible "
        "(AP Stylebook, “anonymous sources”).",
        check_unnamed_source,
    ),
    Rule(
        "unverified-material",
        "sourcing",
        "warning",
        "The article relays material it says it could not verify: say what is known of its "
        "origin or leave it out.",
        check_unverified,
    ),
    Rule(
        "hedged-claim",
        "sourcing",
        "info",
        "“Reportedly” and “allegedly” hide who reports or alleges: attribute the claim.",
        check_hedged,
    ),
    Rule(
        "loaded-term",
        "wording",
        "warning",
        "A word that judges where a neutral one would report (each term gives its source).",
        check_loaded_terms,
    ),
    Rule(
        "scare-quotes",
        "wording",
        "info",
        "Quotation marks that quote no one signal the writer's doubt without saying why "
        "(AP Stylebook, “quotation marks”).",
        check_scare_quotes,
    ),
    Rule(
        "absent-material",
        "wording",
        "warning",
        "The text points at photographs, video or links that did not come with it.",
        check_absent_material,
    ),
)

_ORDER = {rule.id: i for i, rule in enumerate(RULES)}


def find_flags(
    text: str,
    *,
    paragraphs: Sequence[Span],
    entities: Sequence[Entity],
    figures: Sequence[Figure],
    article_date: date | None,
    disabled: Collection[str] = frozenset(),
) -> tuple[Flag, ...]:
    """Every flag of the rules not in ``disabled``, ordered by position, then by rule.
    ``article_date`` (published, else the reference date) dates the checkable facts."""
    article = Article(
        text, paragraphs=paragraphs, entities=entities, figures=figures, article_date=article_date
    )
    flags: dict[str, Flag] = {}
    for rule in RULES:
        if rule.id in disabled:
            continue
        for flag in rule.check(rule, article):
            flags.setdefault(flag.id, flag)
    return tuple(
        sorted(
            flags.values(),
            key=lambda f: (f.spans[0][0] if f.spans else -1, _ORDER[f.rule]),
        )
    )


def rule_table() -> list[tuple[str, str, str, str]]:
    """(id, family, severity, reason) of every rule, in registry order, for the README."""
    return [(r.id, r.family, r.severity, r.reason) for r in RULES]
