"""An entity while it is still being put together: its mentions, the kind they vote for, the
name it will show. Corrections edit drafts; ``entity`` freezes one into the model's Entity."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from ..model import Entity, EntityKind, Span
from .gazetteer import Known, fold
from .mention import CUE, GAZETTEER, HINT, SHAPE, TEAM, Mention

_WEIGHTS = {TEAM: 50, GAZETTEER: 8, CUE: 3, HINT: 2, SHAPE: 1}
_SPAN = attrgetter("start", "end")
_ACRONYM_LENGTH = 5


@dataclass(slots=True)
class Draft:
    name: str
    kind: EntityKind
    forms: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    demonym_mentions: list[Span] = field(default_factory=list)
    known: Known | None = None
    subtype: str | None = None
    candidates: list[Draft] = field(default_factory=list)
    """For a surname two people share: the drafts of both, offered instead of a guess."""

    @property
    def first(self) -> int:
        return min(self.mentions + self.demonym_mentions)[0]

    def names(self) -> set[str]:
        """Every form, case-insensitively: the name and the aliases."""
        return {self.name.lower(), *(f.lower() for f in self.forms)}


def _display(form: str) -> str:
    """A name seen only in capitals reads in ordinary case, unless it is an acronym."""
    if form.isupper() and (len(form) > _ACRONYM_LENGTH or " " in form):
        return form.title()
    return form


def _best(forms: Sequence[str], known: Known | None) -> str:
    """The name to show: the gazetteer's common name if the text uses it, else the fullest form,
    preferring ordinary case to capitals, and on a tie the first one used."""
    if known and fold(known.name) in {fold(f) for f in forms}:
        return known.name
    return _display(max(forms, key=lambda f: (len(f.split()), not f.isupper(), len(f))))


def draft(mentions: Sequence[Mention]) -> Draft:
    """One entity from the mentions that ``aliases.group`` put together, read in one pass: the
    first gazetteer entry among them, their forms in order of use, and the kind with the most
    weight behind it (on a tie, the one voted for first)."""
    known: Known | None = None
    forms: dict[str, None] = {}
    votes: dict[EntityKind, int] = {}
    subtypes: dict[str, int] = {}
    for m in mentions:
        known = known or m.known
        forms[m.text] = None
        if m.kind:
            votes[m.kind] = votes.get(m.kind, 0) + _WEIGHTS[m.strength]
        if m.subtype and m.kind == "organization":
            subtypes[m.subtype] = subtypes.get(m.subtype, 0) + _WEIGHTS[m.strength]
    kind: EntityKind = max(votes, key=votes.__getitem__) if votes else "other"
    subtype = max(subtypes, key=subtypes.__getitem__) if subtypes else None
    texts = list(forms)
    spans = sorted(map(_SPAN, mentions))
    return Draft(_best(texts, known), kind, texts, spans, known=known, subtype=subtype)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    return _NOT_SLUG.sub("-", fold(name)).strip("-") or "x"


def ident(d: Draft, taken: set[str]) -> str:
    """The draft's id; ``taken`` keeps ids unique when two entities share kind and name."""
    base = f"{d.kind}:{slug(d.name)}"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    taken.add(ident)
    return ident


def entity(d: Draft, ids: dict[int, str]) -> Entity:
    """Freeze a draft; ``ids`` holds every surviving draft's id by ``id()``."""
    seen, aliases = {d.name.lower()}, []
    for form in d.forms:
        if (lower := form.lower()) not in seen:
            seen.add(lower)
            aliases.append(form)
    return Entity(
        ids[id(d)],
        d.name,
        d.kind,
        tuple(aliases),
        tuple(sorted(set(d.mentions))),
        tuple(sorted(set(d.demonym_mentions))),
        d.subtype if d.kind == "organization" else None,
        tuple(ids[id(c)] for c in d.candidates if id(c) in ids),
    )
