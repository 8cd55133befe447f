"""Find a note's words again in a changed article, or say it cannot: never guess.

As in the W3C Web Annotation model and Hypothesis, an anchor holds the quote, about 32 characters
of context either side, and a position. Placing it tries, in order:

1. the exact quote where it was, or where the previous note moved to, with all its context;
2. the exact quote elsewhere with one side of its context whole beside it, and enough else to
   vouch for it (``EVIDENCE``); between copies, the one whose context agrees most and lies
   nearest wins;
3. the exact quote, if it occurs once and is long, or its context still resembles the stored one;
4. a changed quote between its surviving context, if the words there resemble it (rapidfuzz).

Context counts where it stands *right beside* the quote, character for character: a sentence that
merely looks similar elsewhere never has the same characters next to it. The cost is that a short
quote whose neighbouring words changed on both sides becomes an orphan, which the reader lists
with its quote: an orphan can be re-attached, a note on the wrong words misleads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..analysis.model import Span
from ..analysis.offsets import OffsetMap
from .model import Anchor, Note, Placed

CONTEXT = 32
"""Characters of prefix and suffix an anchor keeps."""
MIN_CONTEXT = 16
"""Characters of context, exactly as stored and right next to it, that must survive on each side
of a changed quote for the words between to be considered."""
EVIDENCE = 48
"""Characters, quote and adjacent context together, exactly as stored, that a place needs: short
phrases recur in news copy ("was convicted of racketeering, securities fraud" about two men), so
an unchanged quote also needs one side of its context whole, and a short quote needs more."""
LONG_QUOTE = 64
"""A quote this long that occurs once is evidence enough on its own."""
NEAR = 0.8
"""How much both sides of the context must resemble the stored ones (rapidfuzz ratio, 0 to 1)
for a short quote with one side whole to be placed on less than ``EVIDENCE``."""
RESEMBLANCE = 0.5
"""A quote of ``MIN_CONTEXT`` or more that occurs once, its context all changed nearby, is
taken if each side still resembles the stored one this much (rapidfuzz ratio, 0 to 1)."""
DISTANCE = 1000
"""Characters away from the expected place that cost as much as all the context disagreeing:
between copies of a passage, the one near where the note was wins (as in diff-match-patch)."""
BRACKET_SIMILARITY = 0.75
"""How much the words between surviving context must resemble a changed quote."""
MAX_OCCURRENCES = 5000
MAX_BRACKETS = 50


def make_anchor(text: str, start: int, end: int, offsets: OffsetMap | None = None) -> Anchor:
    """The anchor of ``text[start:end]``; with ``offsets``, its span in the original too."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    start, end = min(start, end), max(start, end)
    original = offsets.original_span((start, end)) if offsets is not None else None
    return Anchor(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        start=start,
        end=end,
        original=original,
    )


def anchor_notes(notes: Iterable[Note], text: str) -> list[Placed]:
    """Each note placed on ``text``, in the order given; a note without an anchor (an entity
    correction) or whose quote cannot be found with confidence gets ``span=None``. Notes are
    placed in their old reading order so that each passes on how far the text moved: a
    paragraph added at the top costs one search, not one per note."""
    notes = list(notes)
    spans: dict[int, Span | None] = {}
    shift = 0
    anchored = sorted(
        ((i, n.anchor) for i, n in enumerate(notes) if n.anchor is not None),
        key=lambda pair: pair[1].start,
    )
    for i, anchor in anchored:
        spans[i] = span = place(anchor, text, shift)
        if span is not None:
            shift = span[0] - anchor.start
    placed = []
    for i, note in enumerate(notes):
        span = spans.get(i)
        words = text[span[0] : span[1]] if span is not None else None
        exact = note.anchor.exact if note.anchor is not None else None
        placed.append(Placed(note, span, words if words != exact else None))
    return placed


def place(anchor: Anchor, text: str, shift: int = 0) -> Span | None:
    """Where ``anchor``'s quote is in ``text`` now, or None when that cannot be told for sure.
    ``shift`` is a guess at how far the text moved (the last note's move): the quote is looked
    for first where it was, then there, before the whole text is searched."""
    if not anchor.exact:
        return None
    return _exact(anchor, text, shift) or _bracketed(anchor, text)


def _exact(anchor: Anchor, text: str, shift: int) -> Span | None:
    exact, old = anchor.exact, anchor.start
    for start in (old, old + shift) if shift else (old,):
        if text.startswith(exact, start) and _context(anchor, text, start) == (CONTEXT, CONTEXT):
            return start, start + len(exact)
    occurrences = list(_occurrences(text, exact))
    ranked = []
    for start in occurrences:
        before, after = _context(anchor, text, start)
        # A short quote is too easily found again by chance: only exact context vouches for it.
        if CONTEXT in (before, after) and (
            len(exact) + before + after >= EVIDENCE
            or (len(exact) >= MIN_CONTEXT and _resembles(anchor, text, start))
        ):
            agreement = (before + after) / (2 * CONTEXT)
            ranked.append((agreement - _distance(start, old, shift) / DISTANCE, start))
    if ranked:
        start = max(ranked)[1]
    elif len(occurrences) == 1 and _alone_enough(anchor, text, occurrences[0]):
        start = occurrences[0]
    else:
        return None
    return start, start + len(exact)


def _alone_enough(anchor: Anchor, text: str, start: int) -> bool:
    """Whether a quote that occurs once stands for itself, its adjacent context gone: a long one
    does; a shorter one if the context around still resembles the stored one on both sides."""
    if len(anchor.exact) >= LONG_QUOTE:
        return True
    return len(anchor.exact) >= MIN_CONTEXT and _resembles(anchor, text, start, RESEMBLANCE)


def _resembles(anchor: Anchor, text: str, start: int, least: float = NEAR) -> bool:
    """Whether the context around a quote at ``start`` resembles the stored context on both
    sides, each compared whole: a word changed beside the quote lowers it a little, a different
    sentence a lot. (A side cut off by the text's edge stored nothing, and so cannot disagree.)"""
    end = start + len(anchor.exact)
    before = _similarity(anchor.prefix, text[max(0, start - len(anchor.prefix)) : start])
    after = _similarity(anchor.suffix, text[end : end + len(anchor.suffix)])
    return min(before, after) >= least


def _distance(start: int, old: int, shift: int) -> int:
    """How far ``start`` is from where the quote was, or from where the last note moved to."""
    return min(abs(start - old), abs(start - old - shift))


def _occurrences(text: str, needle: str, limit: int = MAX_OCCURRENCES) -> Iterator[int]:
    start = text.find(needle)
    found = 0
    while start != -1 and found < limit:
        yield start
        found += 1
        start = text.find(needle, start + 1)


def _context(anchor: Anchor, text: str, start: int) -> tuple[int, int]:
    """Characters of the stored prefix and suffix right beside a quote at ``start``."""
    return _before(anchor.prefix, text, start), _after(anchor, text, start + len(anchor.exact))


def _before(prefix: str, text: str, start: int) -> int:
    """Characters of ``prefix`` that end right at ``start``, up to ``CONTEXT``. A prefix cut
    short by the text's start counts in full if it is all there and the quote is just as near
    the start: the edge itself vouches for the place."""
    n = 0
    limit = min(len(prefix), start)
    while n < limit and prefix[-1 - n] == text[start - 1 - n]:
        n += 1
    return CONTEXT if n == len(prefix) == start else n


def _after(anchor: Anchor, text: str, end: int) -> int:
    """Characters of the suffix that begin right at ``end``, counted as ``_before`` counts."""
    suffix = anchor.suffix
    n = 0
    limit = min(len(suffix), len(text) - end)
    while n < limit and suffix[n] == text[end + n]:
        n += 1
    return CONTEXT if n == len(suffix) == len(text) - end else n


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz  # here: importing it costs 10 ms, and only moved quotes ask

    return fuzz.ratio(a, b) / 100


def _prefix_ends(anchor: Anchor, text: str) -> list[int]:
    """Where the stored prefix's last characters end in ``text``. A prefix shorter than that
    was cut by the text's start, and must still be the whole start."""
    prefix = anchor.prefix
    if len(prefix) >= MIN_CONTEXT:
        tail = prefix[-MIN_CONTEXT:]
        return [s + MIN_CONTEXT for s in _occurrences(text, tail, MAX_BRACKETS)]
    return [len(prefix)] if text.startswith(prefix) else []


def _suffix_starts(anchor: Anchor, text: str) -> list[int]:
    """Where the stored suffix's first characters start in ``text``. A suffix shorter than
    that was cut by the text's end, and must still be the whole end."""
    suffix = anchor.suffix
    if len(suffix) >= MIN_CONTEXT:
        return list(_occurrences(text, suffix[:MIN_CONTEXT], MAX_BRACKETS))
    return [len(text) - len(suffix)] if text.endswith(suffix) else []


def _bracketed(anchor: Anchor, text: str) -> Span | None:
    """The words between the surviving prefix and suffix, if they resemble the quote; the quote
    itself if it stands there once, with words added beside it, or whole against one side with
    the other side's nearest letters changed ("feba11" to "feba1" after a quote ending "feba1":
    the quote's words are unchanged, so the note is not marked changed)."""
    starts, ends = _prefix_ends(anchor, text), _suffix_starts(anchor, text)
    longest = 2 * len(anchor.exact) + CONTEXT
    best: tuple[float, int, Span] | None = None
    for a in starts:
        for b in ends:
            if not a < b <= a + longest:
                continue
            inside = list(_occurrences(text[a:b], anchor.exact, 2))
            if len(inside) > 1:
                continue
            edges = None  # where the context stands: beside the span, unless it overlaps it
            if inside:
                score, span = 1.0, (a + inside[0], a + inside[0] + len(anchor.exact))
            elif text.startswith(anchor.exact, a):  # whole, the suffix's first letters changed
                score, span, edges = 1.0, (a, a + len(anchor.exact)), (a, b)
            elif b >= len(anchor.exact) and text.startswith(anchor.exact, b - len(anchor.exact)):
                score, span, edges = 1.0, (b - len(anchor.exact), b), (a, b)
            else:
                score, span = _similarity(anchor.exact, text[a:b]), (a, b)
            left, right = edges or span
            context = _before(anchor.prefix, text, left) + _after(anchor, text, right)
            if score >= BRACKET_SIMILARITY and context + score * len(anchor.exact) >= EVIDENCE:
                key = (score, -abs(a - anchor.start), span)
                best = key if best is None or key > best else best
    return best[2] if best is not None else None
