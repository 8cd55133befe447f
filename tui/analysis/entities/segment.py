"""From a run of capitalised words to mentions: where each name starts and ends.

A run is cut where capitals meet ordinary case, where a connector does not belong to a name, and
around titles; articles, dates and a common word opening the sentence come off its edges.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby

from .chunk import Run, Token, tokenize
from .classify import (
    LONG_CAPS,
    PLURAL_ACRONYM,
    capitals,
    evidence,
    is_head_title,
    is_title,
    opening_is_common,
    title_split,
    too_short,
)
from .gazetteer import Gazetteer
from .mention import ADJECTIVE_ENDING, CUE, Mention, demonym_of, folded, key_of, lookup, make
from .vocabulary import (
    ARTICLES,
    CALENDAR,
    CONNECTORS,
    FUNCTION_WORDS,
    ORG_HEADS,
    ORG_SUFFIXES,
    PARTICLES,
    PLACE_CUES,
    PLACE_HEADS,
    ROLES,
)

_INITIAL = re.compile(r"(?:[^\W\d_]\.)+")
_DATE_AFTER = re.compile(r"[ \t]*\d")


def mentions(run: Run, text: str, gaz: Gazetteer) -> list[Mention]:
    """The mentions in one run of capitalised words. A run reads the same wherever it stands
    (names repeat), so each distinct run with its context is worked out once."""
    start, end = run.span
    cue = "role" if run.previous in ROLES else "place" if run.previous in PLACE_CUES else ""
    local = text[start:end] + (" 1" if _DATE_AFTER.match(text, end) else "")
    found = _local_mentions(local, end - start, run.opens_sentence, cue, gaz)
    return [
        Mention(
            start + m.start,
            start + m.end,
            m.text,
            m.kind,
            m.strength,
            m.known,
            m.demonym,
            m.pending,
            m.key,
        )
        for m in found
    ]


@lru_cache(maxsize=1 << 15)
def _local_mentions(
    text: str, length: int, opens_sentence: bool, cue: str, gaz: Gazetteer
) -> tuple[Mention, ...]:
    """``mentions`` for a run that is ``text[:length]``; ``text`` ends in " 1" when a number
    follows the run, so that "May" in "Smith May 23" reads as a date."""
    out: list[Mention] = []
    for p, piece in enumerate(_split_styles(tokenize(text, 0, length))):
        first = p == 0
        out += _piece_mentions(
            piece,
            text,
            gaz,
            opens_sentence and first,
            cue == "role" and first,
            cue == "place" and first,
        )
    return tuple(out)


def _piece_mentions(
    piece: list[Token], text: str, gaz: Gazetteer, opens: bool, role: bool, place: bool
) -> list[Mention]:
    """The mentions in one piece of a run: articles, a common word opening the sentence, dates
    and titles come off; what precedes a title is a name of its own; connectors may split it."""
    out: list[Mention] = []
    while piece and piece[0].text.lower() in ARTICLES and not lookup(piece, text, gaz):
        piece, opens = piece[1:], False
    if not piece:
        return out
    if all(t.upper or not t.capitalised for t in piece):
        return capitals(piece, text, gaz)
    while opens and len(piece) > 1 and folded(piece[0]) in FUNCTION_WORDS and piece[1].capitalised:
        piece = piece[1:]
    if opens and opening_is_common(piece[0], gaz) and not _starts_known(piece, text, gaz):
        whole = evidence(piece, text, gaz)
        strong = whole.strength >= CUE and whole.kind != "person"
        if not strong and (len(piece) == 1 or piece[1].capitalised):
            if folded(piece[0]) not in FUNCTION_WORDS and not is_title(piece[0]):
                out.append(make(piece[:1], text, pending=True))
            piece, role, place = piece[1:], False, False
    piece = _trim(piece, text)
    if not piece:
        return out
    start, end = title_split(piece)
    if end:
        out += _side(piece[:start], text, gaz) if start else []
        piece, role = piece[end:], True
    elif (
        len(piece) > 2
        and folded(piece[1]) in gaz.given_names
        and (piece[0].upper or demonym_of(piece[:1], text, gaz))
    ):
        out += _side(piece[:1], text, gaz)
        piece = piece[1:]
    for part in _split_known_pair(_split_connectors(piece, text, gaz), text, gaz):
        if len(part) > 1 and is_head_title(part, len(part) - 1):
            part = part[:-1]
            while len(part) > 1 and is_title(part[-1]):
                part = part[:-1]
        if all(is_title(t) for t in part) or too_short(part):
            continue
        if len(part) == 1 and not role and folded(part[0]) in gaz.common_words:
            out.append(make(part, text, pending=True))
            continue
        out.append(evidence(part, text, gaz, role, place))
        role = place = False
    return out


def _split_styles(tokens: list[Token]) -> list[list[Token]]:
    """Words in capitals beside ordinary words are a dateline or a headline, not part of the
    name ("BRUSSELS The Commission", "Richard Finn NEW YORK"); a short acronym is ("US Senate")."""
    pieces: list[list[Token]] = []
    previous_long = True
    for upper, group in groupby(tokens, key=lambda t: t.upper):
        words = list(group)
        long_caps = upper and (len(words) > 1 or len(words[0].text) >= LONG_CAPS)
        if long_caps or previous_long:
            pieces.append(words)
        else:
            pieces[-1].extend(words)
        previous_long = long_caps
    return pieces


def _split_connectors(tokens: list[Token], text: str, gaz: Gazetteer) -> list[list[Token]]:
    """Keep "of"/"for" inside a name only after an organisation or place head ("Bank of
    England"), and after that "and" too ("Ministry of Trade and Integration"); otherwise "and"
    inside a name the gazetteer knows or one that ends with an organisation head ("Law and Order
    Restoration Council", not "Russia and Belarus"). A word such as "Bergamo-based" ends a name,
    and so does a known name before an initial ("Australia M. Waugh")."""
    if lookup(tokens, text, gaz):
        return [tokens]
    pieces: list[list[Token]] = [[]]
    inside = False
    org_name = folded(tokens[-1]) in ORG_HEADS
    for i, token in enumerate(tokens):
        word, current = token.text.lower(), pieces[-1]
        head = folded(current[-1]) if current else ""
        if token.capitalised or word == "&" or (word in PARTICLES and current):
            if current and _INITIAL.fullmatch(token.text) and lookup(current, text, gaz):
                pieces.append([])
            pieces[-1].append(token)
            if ADJECTIVE_ENDING.search(token.text):
                pieces.append([])
        elif word in CONNECTORS and head in ORG_HEADS | PLACE_HEADS and head not in ORG_SUFFIXES:
            current.append(token)
            inside = True
        elif current and (
            (inside and word in ("and", "the", "of", "for"))
            or (word == "the" and current[-1].text.lower() in CONNECTORS)
            or (
                word == "and"
                and org_name
                and head not in ORG_HEADS
                and i + 1 < len(tokens)
                and tokens[i + 1].capitalised
                and not lookup(current, text, gaz)
            )
        ):
            current.append(token)
        else:
            pieces.append([])
            inside = False
    out = []
    for piece in pieces:
        while piece and not piece[-1].capitalised:
            piece = piece[:-1]
        if piece and piece[0].capitalised:
            out.append(piece)
    return out


def _split_known_pair(parts: list[list[Token]], text: str, gaz: Gazetteer) -> list[list[Token]]:
    """Two known names side by side are two names ("OSCE Chechnya"), unless together they are
    one."""
    out = []
    for part in parts:
        if len(part) > 1 and folded(part[0]) not in gaz.given_names and not lookup(part, text, gaz):
            for cut in range(1, len(part)):
                if lookup(part[:cut], text, gaz) and lookup(part[cut:], text, gaz):
                    out += [part[:cut], part[cut:]]
                    break
            else:
                out.append(part)
        else:
            out.append(part)
    return out


def _starts_known(piece: list[Token], text: str, gaz: Gazetteer) -> bool:
    """Whether the piece opens with a known name of two or more words ("Far East")."""
    longest = min(gaz.longest.get(folded(piece[0]), 0), len(piece))
    return any(lookup(piece[:n], text, gaz) for n in range(2, longest + 1))


def _side(tokens: list[Token], text: str, gaz: Gazetteer) -> list[Mention]:
    """The names before a title: "Kazakh" (a demonym), "NATO", "Panamanian Boxing Association"."""
    if len(tokens) > 1 and (demonym := demonym_of(tokens[:1], text, gaz)) is not None:
        first = make(tokens[:1], text, known=demonym, demonym=True)
        return [first, *_side(tokens[1:], text, gaz)]
    return [] if too_short(tokens) else [evidence(tokens, text, gaz)]


def _trim(piece: list[Token], text: str) -> list[Token]:
    """ "Wednesday", and "May 23" after a name, are dates, not names; "MPs" after "Labour" is
    who, not which."""
    while len(piece) > 1 and PLURAL_ACRONYM.fullmatch(piece[-1].text):
        piece = piece[:-1]
    while piece and key_of(piece[:1], text) in CALENDAR:
        piece = piece[1:]
    while (
        len(piece) > 1
        and key_of(piece[-1:], text) in CALENDAR
        and _DATE_AFTER.match(text, piece[-1].end)
    ):
        piece = piece[:-1]
    return piece
