"""A mention while the names are being read: where it stands, what its own context says
about its kind and how strongly, and the helpers that read a name off a list of tokens."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import EntityKind
from .chunk import Token, name_key, name_length
from .gazetteer import Gazetteer, Known

TEAM, GAZETTEER, CUE, HINT, SHAPE = 4, 3, 2, 1, 0
"""How strongly a mention's own context says what it is: a team slot in a sports story ("Leeds
2 Porto 1", "beat Surrey") outweighs even the gazetteer's reading of a city's name."""


@dataclass(slots=True)
class Mention:
    """A name found in the text, with its lookup key (``fold`` of the text) and the kind its own
    context suggests (``kind`` None when nothing does) and how strongly. ``pending`` marks words
    kept only if the text names them elsewhere: capitals in a headline, a common word opening a
    sentence. ``demonym`` marks "Kazakh" read as a reference to Kazakhstan."""

    start: int
    end: int
    text: str
    key: str = field(compare=False)
    kind: EntityKind | None = None
    strength: int = SHAPE
    known: Known | None = None
    demonym: bool = False
    pending: bool = False
    subtype: str | None = None


def make(tokens: list[Token], text: str, **kw: object) -> Mention:
    """The mention that ``tokens`` spell, without a possessive or adjective ending."""
    start, end = tokens[0].start, tokens[-1].end
    surface = text[start:end]
    length = name_length(surface)
    key = name_key(surface)
    known = kw.get("known")
    if isinstance(known, Known) and known.subtype and "subtype" not in kw:
        kw["subtype"] = known.subtype
    return Mention(start, start + length, surface[:length], key, **kw)  # type: ignore[arg-type]


def key_of(tokens: list[Token], text: str) -> str:
    """The folded name ``tokens`` spell, as ``make`` would cut it."""
    if len(tokens) == 1:
        return tokens[0].key
    return name_key(text[tokens[0].start : tokens[-1].end])


def lookup(tokens: list[Token], text: str, gaz: Gazetteer) -> Known | None:
    """The gazetteer's entry for the name ``tokens`` spell."""
    if len(tokens) > gaz.most_words:
        return None
    return gaz.names.get(key_of(tokens, text))


def demonym_of(tokens: list[Token], text: str, gaz: Gazetteer) -> Known | None:
    """The place whose demonym ``tokens`` spell ("Kazakh" -> Kazakhstan)."""
    if len(tokens) > gaz.most_words:
        return None
    return gaz.demonyms.get(key_of(tokens, text))


def is_country(known: Known | None) -> bool:
    return known is not None and known.group.startswith("country:")
