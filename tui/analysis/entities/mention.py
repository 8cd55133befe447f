"""A mention while the names are being read: where it stands, what its own context says
about its kind and how strongly, and the helpers that read a name off a list of tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import EntityKind
from .chunk import Token
from .gazetteer import Gazetteer, Known, fold

GAZETTEER, CUE, HINT, SHAPE = 3, 2, 1, 0
_POSSESSIVES = ("'s", "’s", "'", "’")
ADJECTIVE_ENDING = re.compile(r"-(?:[a-z]+ed|based|born|made|style|era|wide|bound|run|owned|held)$")


@dataclass(slots=True)
class Mention:
    """A name found in the text, with the kind its own context suggests (``kind`` None when
    nothing does) and how strongly. ``pending`` marks words kept only if the text names them
    elsewhere: capitals in a headline, a common word opening a sentence. ``demonym`` marks
    "Kazakh" read as a reference to Kazakhstan."""

    start: int
    end: int
    text: str
    kind: EntityKind | None = None
    strength: int = SHAPE
    known: Known | None = None
    demonym: bool = False
    pending: bool = False
    key: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.key:
            self.key = fold(self.text)


@lru_cache(maxsize=1 << 16)
def _word_of(text: str) -> str:
    return fold(text).rstrip(".")


def folded(token: Token) -> str:
    """A word as the word lists hold it: folded, without a closing dot ("Gov." -> "gov")."""
    return _word_of(token.text)


@lru_cache(maxsize=1 << 16)
def _name_length(surface: str) -> int:
    """How much of a run's text is the name: not a possessive ending ("Almaty’s"), not an
    adjective's ending ("Bergamo-based")."""
    for ending in _POSSESSIVES:
        if surface.endswith(ending) and len(surface) > len(ending) + 1:
            surface = surface[: -len(ending)]
            break
    if (suffix := ADJECTIVE_ENDING.search(surface)) and suffix.start() > 1:
        surface = surface[: suffix.start()]
    return len(surface)


def make(tokens: list[Token], text: str, **kw: object) -> Mention:
    """The mention that ``tokens`` spell, without a possessive or adjective ending."""
    start, end = tokens[0].start, tokens[-1].end
    surface = text[start:end]
    length = _name_length(surface)
    return Mention(start, start + length, surface[:length], **kw)  # type: ignore[arg-type]


def key_of(tokens: list[Token], text: str) -> str:
    """The folded name ``tokens`` spell, as ``make`` would cut it."""
    return _key_of_surface(text[tokens[0].start : tokens[-1].end])


@lru_cache(maxsize=1 << 16)
def _key_of_surface(surface: str) -> str:
    return fold(surface[: _name_length(surface)])


def lookup(tokens: list[Token], text: str, gaz: Gazetteer) -> Known | None:
    """The gazetteer's entry for the name ``tokens`` spell."""
    return gaz.names.get(key_of(tokens, text))


def demonym_of(tokens: list[Token], text: str, gaz: Gazetteer) -> Known | None:
    """The place whose demonym ``tokens`` spell ("Kazakh" -> Kazakhstan)."""
    return gaz.demonyms.get(key_of(tokens, text))


def is_country(known: Known | None) -> bool:
    return known is not None and known.group.startswith("country:")
