"""Join the draft's surviving paragraphs into the cleaned text, with its offset map and edits.

Between two kept paragraphs the first line break of the source is copied and every other
character (blank lines, removed paragraphs) becomes an edit, so copied pieces and edits tile the
source and the offset map needs no special cases.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Edit, Flag, Span, make_flag
from ..offsets import OffsetMap
from .draft import Block, Draft, Piece

BETWEEN_PARAGRAPHS = "whitespace between paragraphs"


class Assembled(NamedTuple):
    """The cleaned text and what locates it in the source."""

    text: str
    paragraphs: tuple[Span, ...]
    edits: tuple[Edit, ...]
    offsets: OffsetMap
    block_spans: dict[int, Span]
    """The cleaned span of each surviving block, keyed by ``id(block)``."""


def _gap(a: int, b: int, source: str) -> list[Piece]:
    if a >= b:
        return []
    return [(a, b, Edit("whitespace", (a, b), source[a:b], BETWEEN_PARAGRAPHS, ""))]


def assemble(draft: Draft) -> Assembled:
    source = draft.source
    pieces: list[Piece] = []
    kept: list[tuple[Block, int, int]] = []  # block, first and last piece index
    pending: list[Piece] = []
    cursor = 0
    for block in draft.blocks:
        pending += _gap(cursor, block.start, source)
        cursor = block.end
        if not block.text:
            pending += block.pieces
            continue
        if kept:  # keep the line break that ends the previous paragraph
            a, b, _ = pending[0]
            pieces.append((a, a + 1, None))
            pieces += _gap(a + 1, b, source)
            pending = pending[1:]
        pieces += pending
        pending = []
        kept.append((block, len(pieces), len(pieces) + len(block.pieces)))
        pieces += block.pieces
    pending += _gap(cursor, len(source), source)
    pieces += pending

    text_parts: list[str] = []
    runs: list[tuple[int, int, bool]] = []
    starts: list[int] = []
    c = 0
    for a, b, e in pieces:
        starts.append(c)
        part = source[a:b] if e is None else e.replacement
        runs.append((c, a, e is None))
        text_parts.append(part)
        c += len(part)
    starts.append(c)
    block_spans = {id(block): (starts[first], starts[last]) for block, first, last in kept}
    return Assembled(
        text="".join(text_parts),
        paragraphs=tuple(block_spans[id(block)] for block, _, _ in kept),
        edits=tuple(e for _, _, e in pieces if e is not None),
        offsets=OffsetMap(runs, c, len(source)),
        block_spans=block_spans,
    )


def _word_at(text: str, pos: int) -> Span:
    """The word around ``pos`` (which may be its end); a point between two spaces."""
    a = pos
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = pos
    while b < len(text) and not text[b].isspace():
        b += 1
    return a, b


def resolve_flags(draft: Draft, result: Assembled) -> list[Flag]:
    """Turn pending flags into flags on the cleaned text; drop those whose paragraph is gone."""
    flags = []
    for p in draft.pending:
        if p.within is not None and id(p.within) not in result.block_spans:
            continue
        spans: list[Span] = []
        for kind, target in p.anchors:
            if isinstance(target, Block):
                span = result.block_spans.get(id(target))
                if span is None:
                    break
                spans.append(span)
            else:
                point = result.offsets.to_clean(target)
                spans.append(_word_at(result.text, point) if kind == "word" else (point, point))
        else:
            flags.append(make_flag(p.rule, p.severity, p.message, spans, result.text))
    return flags
