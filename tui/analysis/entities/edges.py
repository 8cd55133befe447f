"""From a run of capitalised words to mentions: where each name starts and ends.

A run is cut where capitals meet ordinary case, where a connector does not belong to a name, and
around titles; articles, dates and a common word opening the sentence come off its edges.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from ..model import Span
from .chunk import (
    ADJECTIVE_ENDING,
    Token,
    name_key,
    opens_sentence,
    previous_word,
    runs,
    tokenize,
    word_token,
)
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
from .mention import CUE, Mention, lookup, make
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
_UPPER = attrgetter("upper")
_NAME_HEADS = ORG_HEADS | PLACE_HEADS
_POSSESSIVE = ("'s", "’s")


def mentions(text: str, paragraphs: Sequence[Span], gaz: Gazetteer) -> list[Mention]:
    """The mentions in every run of capitalised words in ``text``, in order. A run reads the
    same wherever it stands (names repeat), so each distinct run is read once for each context
    it is met in, and only the context that can change its reading is looked at."""
    paragraph_starts = frozenset(a for a, _ in paragraphs)
    out: list[Mention] = []
    for start, end in runs(text):
        run = text[start:end]
        opening, dates = _context_needed(run, gaz)
        if opening is None:
            continue
        opens = opening and opens_sentence(text, start, paragraph_starts)
        previous = previous_word(text, start)
        cue = "role" if previous in ROLES else "place" if previous in PLACE_CUES else ""
        dated = dates and _DATE_AFTER.match(text, end) is not None
        for a, b, fields in _read(run, dated, opens, cue, gaz):
            out.append(Mention(start + a, start + b, *fields))
    return out


@lru_cache(maxsize=1 << 15)
def _context_needed(run: str, gaz: Gazetteer) -> tuple[bool | None, bool]:
    """What of its context can change how ``run`` reads. Opening a sentence can only when its
    first word may be an ordinary one (see ``_piece_mentions``); None when the run is a lone
    function word ("The", "But"), which names nothing wherever it stands (``too_short``). A
    number after it can only when it ends in a month or a weekday (see ``_trim``)."""
    words = run.split()
    first = word_token(words[0])
    function_word = first.word in FUNCTION_WORDS
    lone = len(words) == 1 and first.text[0].isupper() and not first.upper
    if lone and function_word and "'" not in first.word:
        return None, False
    return function_word or opening_is_common(first, gaz), name_key(words[-1]) in CALENDAR


@lru_cache(maxsize=1 << 15)
def _read(
    run: str, dated: bool, opens: bool, cue: str, gaz: Gazetteer
) -> tuple[tuple[int, int, tuple], ...]:
    """The mentions in ``run`` as (start, end, the Mention's other fields) with offsets into the
    run, when a number follows it or not (``dated``: "May" in "Smith May 23" is a date), it
    opens a sentence or not, and after a role or place ``cue`` or none."""
    text = run + " 1" if dated else run
    out: list[Mention] = []
    for p, piece in enumerate(_split_styles(tokenize(run))):
        first = p == 0
        out += _piece_mentions(
            piece,
            text,
            gaz,
            opens and first,
            cue == "role" and first,
            cue == "place" and first,
        )
    return tuple((m.start, m.end, _fields(m)) for m in out)


def _fields(m: Mention) -> tuple:
    """A mention's fields after its span, in ``Mention``'s order."""
    return (m.text, m.key, m.kind, m.strength, m.known, m.demonym, m.pending, m.subtype)


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
    while opens and len(piece) > 1 and piece[0].word in FUNCTION_WORDS and piece[1].capitalised:
        piece = piece[1:]
    if opens and opening_is_common(piece[0], gaz) and not _starts_known(piece, text, gaz):
        whole = evidence(piece, text, gaz)
        strong = whole.strength >= CUE and whole.kind != "person"
        if not strong and (len(piece) == 1 or piece[1].capitalised):
            if piece[0].word not in FUNCTION_WORDS and not is_title(piece[0]):
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
        and piece[1].word in gaz.given_names
        and (piece[0].upper or piece[0].key in gaz.demonyms)
    ):
        out += _side(piece[:1], text, gaz)
        piece = piece[1:]
    for part in _split_known_pair(_split_connectors(piece, text, gaz), text, gaz):
        while part and part[0].key in CALENDAR:
            part = part[1:]
        if not part:
            continue
        if len(part) > 1 and is_head_title(part, len(part) - 1):
            part = part[:-1]
            while len(part) > 1 and is_title(part[-1]):
                part = part[:-1]
        if all(is_title(t) for t in part) or too_short(part):
            continue
        if len(part) == 1 and not role and part[0].word in gaz.common_words:
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
    for upper, group in groupby(tokens, key=_UPPER):
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
    if len(tokens) == 1:
        return [tokens] if tokens[0].capitalised else []
    pieces: list[list[Token]] = [[]]
    inside = False
    org_name = tokens[-1].word in ORG_HEADS
    for i, token in enumerate(tokens):
        word, current = token.text.lower(), pieces[-1]
        if token.capitalised or word == "&" or (word in PARTICLES and current):
            if (
                current
                and _INITIAL.fullmatch(token.text)
                and current[0].word not in gaz.given_names
                and lookup(current, text, gaz)
            ):
                pieces.append([])
            pieces[-1].append(token)
            if ADJECTIVE_ENDING.search(token.text) or token.text.endswith(_POSSESSIVE):
                pieces.append([])
            continue
        head = current[-1].word if current else ""
        if word in CONNECTORS and head in _NAME_HEADS and head not in ORG_SUFFIXES:
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
    one, or a company's arm in a place ("AOL Europe")."""
    out = []
    for part in parts:
        if len(part) > 1 and part[0].word not in gaz.given_names and not lookup(part, text, gaz):
            most = gaz.most_words  # only cuts leaving both sides short enough to be names
            for cut in range(max(1, len(part) - most), min(len(part), most + 1)):
                head, tail = lookup(part[:cut], text, gaz), lookup(part[cut:], text, gaz)
                if head and tail and not (head.subtype == "company" and tail.kind == "place"):
                    out += [part[:cut], part[cut:]]
                    break
            else:
                out.append(part)
        else:
            out.append(part)
    return out


def _starts_known(piece: list[Token], text: str, gaz: Gazetteer) -> bool:
    """Whether the piece opens with a known name of two or more words ("Far East")."""
    longest = min(gaz.longest.get(piece[0].word, 0), len(piece))
    return any(lookup(piece[:n], text, gaz) for n in range(2, longest + 1))


def _side(tokens: list[Token], text: str, gaz: Gazetteer) -> list[Mention]:
    """The names before a title: "Kazakh" (a demonym), "NATO", "Panamanian Boxing Association"."""
    if len(tokens) > 1 and (demonym := gaz.demonyms.get(tokens[0].key)) is not None:
        first = make(tokens[:1], text, known=demonym, demonym=True)
        return [first, *_side(tokens[1:], text, gaz)]
    return [] if too_short(tokens) else [evidence(tokens, text, gaz)]


def _trim(piece: list[Token], text: str) -> list[Token]:
    """ "Wednesday", and "May 23" after a name, are dates, not names; "MPs" after "Labour" is
    who, not which."""
    while len(piece) > 1 and PLURAL_ACRONYM.fullmatch(piece[-1].text):
        piece = piece[:-1]
    while piece and piece[0].key in CALENDAR:
        piece = piece[1:]
    while len(piece) > 1 and piece[-1].key in CALENDAR and _DATE_AFTER.match(text, piece[-1].end):
        piece = piece[:-1]
    return piece
