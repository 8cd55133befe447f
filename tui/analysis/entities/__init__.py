"""Entities: the people, organisations and places an article names, each with every mention.

``find_entities(text)`` finds capitalised names without any model (``chunk``, ``edges``), reads
their kind from titles, head words and the shipped gazetteer (``classify``, ``gazetteer``), puts
the forms of one name together (``aliases``), links demonyms ("Kazakh") to their place, and
re-applies the user's corrections (``corrections``). The result is sorted by first mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Entity, Span
from .aliases import group
from .corrections import Correction, apply
from .draft import Draft, draft, entity, ident
from .edges import mentions
from .gazetteer import fold, gazetteer
from .mention import HINT, Mention
from .teams import mark_teams

__all__ = ["Correction", "find_entities"]

_WORD = re.compile(r"\S+")


def find_entities(
    text: str,
    *,
    paragraphs: Sequence[Span] = (),
    corrections: Sequence[Correction] = (),
) -> tuple[Entity, ...]:
    """Every entity named in ``text``. ``paragraphs`` (spans of ``text``) mark where sentences
    certainly start; ``corrections`` are applied last, in order."""
    gaz = gazetteer()
    found = mentions(text, paragraphs, gaz)
    mark_teams(found, text, gaz)
    found = _resolve_pending(found)
    names = [m for m in found if not m.demonym]
    grouped, shared = group(names, text, gaz)
    drafts = [draft(g) for g in grouped]
    _offer_candidates(grouped, drafts, shared)
    drafts += _link_demonyms([m for m in found if m.demonym], drafts)
    drafts = apply(drafts, corrections, text)
    drafts.sort(key=lambda d: d.first)
    taken: set[str] = set()
    ids = {id(d): ident(d, taken) for d in drafts}
    return tuple(entity(d, ids) for d in drafts)


def _offer_candidates(
    grouped: list[list[Mention]], drafts: list[Draft], shared: dict[str, tuple[str, ...]]
) -> None:
    """A surname two people share, left apart, offers both people's entities."""
    if not shared:
        return
    by_key = {m.key: d for mentions, d in zip(grouped, drafts, strict=True) for m in mentions}
    for surname, keys in shared.items():
        alone = by_key.get(surname)
        if alone is not None:
            alone.candidates = [by_key[k] for k in keys if by_key.get(k) not in (None, alone)]
            if alone.kind == "other":
                alone.kind = "person"


def _resolve_pending(found: list[Mention]) -> list[Mention]:
    """Keep a word in a capitalised headline, or a common word opening a sentence, only where
    the text names the same thing in ordinary case elsewhere (longest match first). A pending
    text reads the same wherever it stands, so each is matched once."""
    named = {m.key: m for m in found if not m.pending and not m.demonym}
    surnames = {m.key.split()[-1]: m for m in named.values() if m.kind == "person" and " " in m.key}
    longest = max((len(k.split()) for k in named), default=1)
    matches: dict[str, list[tuple[int, int, str, Mention]]] = {}
    out: list[Mention] = []
    for m in found:
        if not m.pending:
            out.append(m)
            continue
        if m.text not in matches:
            matches[m.text] = _named_words(m.text, named, surnames, longest)
        for a, b, key, like in matches[m.text]:
            strength = min(like.strength, HINT)
            start, surface = m.start + a, m.text[a:b]
            out.append(Mention(start, m.start + b, surface, key, like.kind, strength, like.known))
    return out


def _named_words(
    pending: str, named: dict[str, Mention], surnames: dict[str, Mention], longest: int
) -> list[tuple[int, int, str, Mention]]:
    """The runs of words in ``pending`` that the text names elsewhere, longest first, as
    (start, end, key, the mention that names them) with offsets into ``pending``."""
    words = [(w.start(), w.end()) for w in _WORD.finditer(pending)]
    out = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            start, end = words[i][0], words[i + n - 1][1]
            key = fold(pending[start:end])
            like = named.get(key) or (surnames.get(key) if n == 1 else None)
            if like is not None:
                out.append((start, end, key, like))
                i += n
                break
        else:
            i += 1
    return out


def _link_demonyms(demonyms: list[Mention], drafts: list[Draft]) -> list[Draft]:
    """Attach "Kazakh" to Kazakhstan; a place named only by its demonym gets an entity of its
    own with no name mentions."""
    by_group = {d.known.group: d for d in drafts if d.known}
    new: list[Draft] = []
    for m in demonyms:
        if m.known is None:
            continue
        target = by_group.get(m.known.group)
        if target is None:
            target = by_group[m.known.group] = Draft(m.known.name, "place", known=m.known)
            new.append(target)
        target.demonym_mentions.append((m.start, m.end))
    return new
