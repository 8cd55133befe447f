"""User corrections to the entities: stored with the notes, re-applied in order on every open.

A correction names its entity by name, so it finds the entity again when the article is
re-analysed; one whose entity is gone is skipped rather than failing the analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args

from ..model import Correction, EntityKind
from .draft import Draft
from .gazetteer import fold


def _find(drafts: Sequence[Draft], name: str) -> Draft | None:
    """The entity with this name, or failing that the one with this alias."""
    wanted = name.lower()
    for d in drafts:
        if d.name.lower() == wanted:
            return d
    return next((d for d in drafts if wanted in d.names()), None)


def apply(drafts: list[Draft], corrections: Sequence[Correction], text: str) -> list[Draft]:
    """The drafts with each correction applied in turn."""
    for c in corrections:
        target = _find(drafts, c.entity)
        if target is None:
            continue
        if c.action == "hide":
            drafts.remove(target)
        elif c.action == "kind" and c.value in get_args(EntityKind):
            target.kind = c.value  # type: ignore[assignment]
        elif c.action == "rename" and c.value.strip():
            target.forms.insert(0, target.name)
            target.name = c.value.strip()
        elif c.action == "merge":
            other = _find(drafts, c.value)
            if other is not None and other is not target:
                drafts.remove(other)
                target.forms += [other.name, *other.forms]
                target.mentions += other.mentions
                target.demonym_mentions += other.demonym_mentions
        elif c.action == "split":
            part = _split(target, c.value, text)
            if part is not None:
                drafts.append(part)
    return drafts


def _split(target: Draft, alias: str, text: str) -> Draft | None:
    """Move the mentions that read as ``alias`` into an entity of their own."""
    key = fold(alias)
    moved = [s for s in target.mentions if fold(text[s[0] : s[1]]) == key]
    if not moved or len(moved) == len(target.mentions):
        return None
    target.mentions = [s for s in target.mentions if s not in moved]
    target.forms = [f for f in target.forms if fold(f) != key]
    if fold(target.name) == key:
        remaining = text[target.mentions[0][0] : target.mentions[0][1]]
        target.name = remaining
    forms = list(dict.fromkeys(text[a:b] for a, b in moved))
    return Draft(alias, target.kind, forms, moved)
