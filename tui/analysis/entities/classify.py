"""What kind a name is, and whether words are a name at all.

The cues, strongest first: the gazetteer; a title or role before the name ("Prime Minister",
"striker"); a head word that ends organisations' or places' names ("Bank", "River"); a known
given name first; and last, the shape (two or three capitalised words are usually a person).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .chunk import Token
from .gazetteer import Gazetteer, Known
from .mention import (
    CUE,
    GAZETTEER,
    HINT,
    SHAPE,
    Mention,
    demonym_of,
    is_country,
    key_of,
    lookup,
    make,
)
from .vocabulary import (
    CLUB_FIRST,
    CLUB_LAST,
    CONNECTORS,
    EVENT_HEADS,
    FUNCTION_WORDS,
    HEAD_TITLES,
    ORG_HEADS,
    ORG_PREFIXES,
    PARTICLES,
    PLACE_HEADS,
    PLACE_PREFIXES,
    TITLE_MODIFIERS,
)

LONG_CAPS = 5
_LOWER_TAIL = re.compile(r"-[a-z]+$")
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_HEAD_SUBTYPES = {
    **dict.fromkeys(
        "inc ltd llc plc corp corporation co company holdings ag sa nv bv gmbh spa ab asa oyj kk"
        " bhd berhad tbk ltda sae".split(),
        "company",
    ),
    "party": "party",
    "fc": "team",
}
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")


def _acronym(word: str) -> bool:
    """A short word in capitals, possessive or not: "GMTV", "GMTV's"."""
    bare = word.removesuffix("'s").removesuffix("’s")
    return len(bare) > 1 and bare.isupper() and bare[1] != "." and len(bare) < LONG_CAPS


def is_title(token: Token) -> bool:
    """A word of a title, hyphenated ones too ("Major-General")."""
    return _title_word(token.word)


@lru_cache(maxsize=1 << 16)
def _title_word(word: str) -> bool:
    """``is_title`` by the folded word alone: asked of the same few thousand words again and
    again."""
    return all(p in HEAD_TITLES or p in TITLE_MODIFIERS for p in word.split("-"))


def is_head_title(tokens: list[Token], i: int) -> bool:
    """Whether word ``i`` ends a title: "Minister", "Mr", or "General" after another title word
    ("Secretary General", "Major-General"; not "General Motors")."""
    parts = tokens[i].word.split("-")
    if parts[-1] == "general":
        return is_title(tokens[i]) and (len(parts) > 1 or (i > 0 and is_title(tokens[i - 1])))
    return parts[-1] in HEAD_TITLES and is_title(tokens[i])


def title_split(tokens: list[Token]) -> tuple[int, int]:
    """Where a title such as "Prime Minister" or "Secretary General" stands before a name:
    (start, end) of the title words, or (0, 0). What precedes the title ("Kazakh", "NATO") is a
    name of its own; what follows is a person's name, unless it reads as an organisation's or an
    event's ("Premier League")."""
    for end in range(len(tokens) - 1, 0, -1):
        if not is_head_title(tokens, end - 1):
            continue
        rest = tokens[end:]
        if not rest[0].capitalised or any(is_title(t) for t in rest):
            continue
        last = rest[-1].word
        if last in ORG_HEADS or last in EVENT_HEADS:
            return 0, 0
        start = end - 1
        while start > 0 and is_title(tokens[start - 1]):
            start -= 1
        return start, end
    return 0, 0


def opening_is_common(token: Token, gaz: Gazetteer) -> bool:
    """Whether a sentence's first word is more likely an ordinary word than a name: "Police",
    "Prosecutors", "Anti-social", "No-one", but not "China" or "John"."""
    if token.text.endswith("."):
        return False
    word = token.word
    if word in FUNCTION_WORDS or word in gaz.common_words or _LOWER_TAIL.search(token.text):
        return True
    if word.endswith("s") and word[:-1] in gaz.common_words:
        return True
    return word in gaz.common_names and word not in gaz.given_names and word not in gaz.names


def too_short(tokens: list[Token]) -> bool:
    """ "I", "A", "It's", a lone initial and a plural acronym ("MPs") are never names."""
    return len(tokens) == 1 and (
        sum(map(str.isalpha, tokens[0].text)) < 2
        or tokens[0].word.split("'")[0] in FUNCTION_WORDS
        or PLURAL_ACRONYM.fullmatch(tokens[0].text) is not None
    )


def _gazetteer_segments(
    tokens: list[Token], text: str, gaz: Gazetteer
) -> list[tuple[list[Token], Known | None]]:
    """Greedy longest matches of known names; the words between are returned unmatched."""
    out: list[tuple[list[Token], Known | None]] = []
    i = 0
    while i < len(tokens):
        longest = gaz.longest.get(tokens[i].word, 0)
        for n in range(min(longest, len(tokens) - i), 0, -1):
            known = lookup(tokens[i : i + n], text, gaz)
            if known:
                out.append((tokens[i : i + n], known))
                i += n
                break
        else:
            if out and out[-1][1] is None:
                out[-1][0].append(tokens[i])
            else:
                out.append(([tokens[i]], None))
            i += 1
    return out


def capitals(tokens: list[Token], text: str, gaz: Gazetteer) -> list[Mention]:
    """Words in capitals: known names, an acronym standing alone, and otherwise words to keep
    only if the text names them in ordinary case elsewhere."""
    mentions = []
    for segment, known in _gazetteer_segments(tokens, text, gaz):
        if known:
            mentions.append(make(segment, text, kind=known.kind, strength=GAZETTEER, known=known))
        elif (demonym := demonym_of(segment, text, gaz)) is not None:
            mentions.append(make(segment, text, known=demonym, demonym=True))
        elif (
            len(tokens) == 1
            and len(tokens[0].text) < LONG_CAPS
            and not (opening_is_common(tokens[0], gaz))
        ):
            mentions.append(make(segment, text, kind="organization", strength=HINT))
        else:
            mentions.append(make(segment, text, pending=True))
    return mentions


def evidence(
    tokens: list[Token], text: str, gaz: Gazetteer, role: bool = False, place: bool = False
) -> Mention:
    """One name and what it says about its own kind."""
    key = key_of(tokens, text)
    known = gaz.names.get(key)
    if known:
        return make(tokens, text, kind=known.kind, strength=GAZETTEER, known=known)
    if (demonym := gaz.demonyms.get(key)) is not None:
        return make(tokens, text, known=demonym, demonym=True)
    first, last = tokens[0].word, tokens[-1].key
    several = len(tokens) > 1
    inner = next((i for i, t in enumerate(tokens) if t.text in CONNECTORS), 0) if several else 0
    if inner:
        last = tokens[inner - 1].word
    if several and tokens[-1].key in gaz.demonyms:
        return make(tokens, text, kind="other", strength=HINT)
    if last in EVENT_HEADS:
        return make(tokens, text, kind="other", strength=CUE)
    if several and _INITIALS.fullmatch(tokens[0].text) and not tokens[-1].upper:
        return make(tokens, text, kind="person", strength=HINT)
    if several and first in FUNCTION_WORDS:
        return make(tokens, text, kind="other", strength=HINT)
    if role:
        return make(tokens, text, kind="person", strength=CUE)
    if last in ORG_HEADS or any(t.text == "&" for t in tokens):
        subtype = _HEAD_SUBTYPES.get(last)
        return make(tokens, text, kind="organization", strength=CUE, subtype=subtype)
    if several and (first in ORG_PREFIXES or first in CLUB_FIRST or last in CLUB_LAST):
        subtype = None if first in ORG_PREFIXES else "team"
        return make(tokens, text, kind="organization", strength=CUE, subtype=subtype)
    if several and (last in PLACE_HEADS or first in PLACE_PREFIXES):
        return make(tokens, text, kind="place", strength=CUE)
    if several and first in gaz.given_names:
        return make(tokens, text, kind="person", strength=HINT)
    lead, tail = gaz.names.get(tokens[0].key), gaz.names.get(tokens[-1].key)
    if several and lead and lead.kind == "organization" and first not in gaz.given_names:
        if tail and tail.kind == "place":  # a company's or a body's arm: "AOL Europe"
            subtype = lead.subtype or None
            return make(tokens, text, kind="organization", strength=CUE, subtype=subtype)
        if lead.subtype == "company":  # a product: "Apple Powerbook", "Microsoft Outlook"
            return make(tokens, text, kind="other", strength=HINT)
    if (
        several
        and first not in gaz.given_names
        and (
            is_country(tail)
            or (tail and first in gaz.common_words)
            or (lead and last in gaz.common_words)
        )
    ):
        return make(tokens, text, kind="organization", strength=HINT)
    if several and (is_country(lead) or tokens[0].key in gaz.demonyms):
        return make(tokens, text, kind="organization", strength=HINT)
    if several and all(t.word in gaz.common_words for t in tokens):
        return make(tokens, text, pending=True)
    if several and all((t.capitalised and not t.upper) or t.word in PARTICLES for t in tokens):
        return make(tokens, text, kind="person", strength=SHAPE)
    if not several and _acronym(tokens[0].text):
        return make(tokens, text, kind="organization", strength=HINT)
    if place:
        return make(tokens, text, kind="place", strength=HINT)
    return make(tokens, text)
