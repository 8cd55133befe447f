"""The working state of cleaning: the source's paragraphs, each a row of copied and edited pieces.

Rules read a paragraph's current text and replace spans of it; the draft turns every replacement
into an ``Edit`` on the source, so no rule ever does offset arithmetic. A later edit that covers an
earlier one absorbs it: edits never overlap, and together with the copied pieces they tile the
source exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Edit, EditKind, Severity

Piece = tuple[int, int, Edit | None]
"""``(start, end, edit)`` in the source: copied as it is when ``edit`` is None."""


class Change(NamedTuple):
    """What a rule asks for: ``text[start:end]`` of a paragraph as it reads now, replaced."""

    start: int
    end: int
    replacement: str
    kind: EditKind
    reason: str


class Block:
    """One paragraph (a non-blank line of the source) while cleaning."""

    __slots__ = ("_text", "end", "pieces", "source", "start")

    def __init__(self, source: str, start: int, end: int) -> None:
        self.source = source
        self.start = start
        self.end = end
        self.pieces: list[Piece] = [(start, end, None)]
        self._text: str | None = None

    @property
    def text(self) -> str:
        """How the paragraph reads now; empty once every piece of it was removed."""
        if self._text is None:
            self._text = "".join(
                self.source[a:b] if e is None else e.replacement for a, b, e in self.pieces
            )
        return self._text

    def replace(
        self, start: int, end: int, replacement: str, kind: EditKind, reason: str
    ) -> Edit | None:
        """Replace ``text[start:end]`` and record it as one edit of the source (None when
        nothing would change)."""
        return self.replace_all([Change(start, end, replacement, kind, reason)])[0]

    def replace_all(self, changes: list[Change]) -> list[Edit | None]:
        """Make several changes in one pass over the paragraph (a rule may make thousands in one
        long paragraph). Spans index the current text, in order and not overlapping.

        An earlier edit that a span cuts into is absorbed whole (its replacement kept where it
        lies outside the span); removed pieces sitting exactly on a span's ends stay apart.
        """
        pieces = list(self.pieces)
        out: list[Piece] = []
        made: list[Edit | None] = []
        i = c = 0  # pieces[i] starts at c in the current text
        for start, end, replacement, kind, reason in changes:
            start = max(start, c)  # an absorbed edit may already reach into this span
            if start >= end and not replacement:
                made.append(None)
                continue
            inside_start = inside_end = -1
            prefix = suffix = ""
            absorbed = False
            while i < len(pieces):
                a, b, e = pieces[i]
                c_end = c + (b - a if e is None else len(e.replacement))
                if c_end < start or (c_end == start and (c_end > c or start < end)):
                    out.append(pieces[i])
                elif c > end or (c == end and (c_end > c or start < end)):
                    break
                elif e is None:
                    cut_a, cut_b = a + max(start - c, 0), a + min(end, c_end) - c
                    if cut_a > a:
                        out.append((a, cut_a, None))
                    if inside_start < 0:
                        inside_start = cut_a
                    inside_end = cut_b
                    if cut_b < b:  # the rest of this piece may meet the next change
                        pieces[i] = (cut_b, b, None)
                        c += cut_b - a
                        break
                else:
                    absorbed = True
                    if c < start:
                        prefix = e.replacement[: start - c]
                    if c_end > end:
                        suffix = e.replacement[end - c :]
                    if inside_start < 0:
                        inside_start = a
                    inside_end = b
                c = c_end
                i += 1
            if inside_start < 0:
                inside_start = inside_end = out[-1][1] if out else self.start
            old = self.source[inside_start:inside_end]
            new = prefix + replacement + suffix
            if new == old and not absorbed:
                if inside_end > inside_start:
                    out.append((inside_start, inside_end, None))
                made.append(None)
                continue
            edit = Edit(kind, (inside_start, inside_end), old, reason, new)
            out.append((inside_start, inside_end, edit))
            made.append(edit)
        self.pieces = out + pieces[i:]
        self._text = None
        return made

    def remove(self, kind: EditKind, reason: str) -> Edit | None:
        """Remove the whole paragraph as one edit."""
        return self.replace(0, len(self.text), "", kind, reason)


Anchor = tuple[str, "Block | int"]
"""What a pending flag points at: ``("block", Block)`` for a paragraph's span in the cleaned text,
``("point", source_position)`` for where removed text stood, ``("word", source_position)`` for the
word of the cleaned text next to it."""


class PendingFlag(NamedTuple):
    """A flag an edit rule raises before the cleaned text (and so its spans) exists."""

    rule: str
    severity: Severity
    message: str
    anchors: tuple[Anchor, ...]
    within: Block | None = None
    """The paragraph the flag is about: no flag when it left the text."""


@dataclass(slots=True)
class Draft:
    """The source split into paragraphs, and the flags raised so far."""

    source: str
    blocks: list[Block]
    pending: list[PendingFlag] = field(default_factory=list)

    @classmethod
    def split(cls, source: str) -> Draft:
        """One block per line that holds more than whitespace."""
        blocks = []
        start = 0
        for line in source.split("\n"):
            end = start + len(line)
            if line and not line.isspace():
                blocks.append(Block(source, start, end))
            start = end + 1
        return cls(source, blocks)

    def live(self) -> list[Block]:
        """The paragraphs still in the text."""
        return [b for b in self.blocks if b.text]
