"""Cleaning: turn the source as loaded into a readable article, recording every change.

``clean(text)`` returns the cleaned text, its paragraphs, the edits (each with its span in the
source), the integrity flags cleaning raises, and the offset map back to the source. Paragraphs
are the source's non-blank lines; the cleaned text joins them with one line break. The rules run
in the order of ``rules.RULE_NAMES``; any of them can be switched off by name.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Edit, Flag, Span
from ..offsets import OffsetMap
from .assemble import assemble, resolve_flags
from .draft import Draft
from .rules import CHECK_RULES, EDIT_RULES, RULE_NAMES


class Cleaned(NamedTuple):
    """The cleaned article: ``paragraphs`` index ``text``, ``edits`` index the source (sorted,
    never overlapping), ``offsets`` leads from any position of ``text`` back to the source."""

    text: str
    paragraphs: tuple[Span, ...]
    edits: tuple[Edit, ...]
    flags: tuple[Flag, ...]
    offsets: OffsetMap


def clean(text: str, *, disabled: frozenset[str] = frozenset()) -> Cleaned:
    """Split into paragraphs on line breaks, apply every rule not in ``disabled``, and record
    what changed. Names in ``disabled`` that are no cleaning rule are ignored (the pipeline
    passes one set of names for all its stages)."""
    draft = Draft.split(text)
    for rule in EDIT_RULES:
        if rule.name not in disabled:
            rule.apply(draft)
    result = assemble(draft)
    flags = resolve_flags(draft, result)
    for check in CHECK_RULES:
        if check.name not in disabled:
            flags += check.check(result)
    unique = {f.id: f for f in reversed(flags)}  # one flag per id: the first raised
    return Cleaned(
        text=result.text,
        paragraphs=result.paragraphs,
        edits=result.edits,
        flags=tuple(f for f in flags if unique.get(f.id) is f),
        offsets=result.offsets,
    )


__all__ = ["RULE_NAMES", "Cleaned", "clean"]
