"""What every rule sees and what it is: the article with its findings, and the rule's record.

An ``Article`` holds the cleaned text and what the earlier stages found, plus the sentence and
paragraph lookups the families share; a ``Rule`` pairs an id, a family, a default severity and a
one-line reason with the function that checks for it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ..model import Entity, Figure, Flag, Severity, Span, make_flag
from ..segment import Sentences

_QUOTE_MARK = re.compile(r'[“”"]')
_OPENS_AFTER = frozenset("([—–-")


class Article:
    """The cleaned article and what cleaning, entities and figures found in it."""

    def __init__(
        self,
        text: str,
        *,
        paragraphs: Sequence[Span] = (),
        entities: Sequence[Entity] = (),
        figures: Sequence[Figure] = (),
        article_date: date | None = None,
    ) -> None:
        self.text = text
        self.paragraphs: tuple[Span, ...] = tuple(paragraphs) or ((0, len(text)),)
        self.entities = tuple(entities)
        self.figures = tuple(figures)
        self.date = article_date

    @cached_property
    def lower(self) -> str:
        """The text in lower case, index for index (a character whose lower case is longer,
        such as "İ", stays as it is), for finding hints before a regex runs."""
        lower = self.text.lower()
        if len(lower) == len(self.text):
            return lower
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)

    def near(self, hints: tuple[str, ...], before: int = 80, after: int = 80) -> list[Span]:
        """Merged stretches of text around each place a hint (lower case) occurs: a rule runs
        its pattern only there, so a long article that never uses the words costs a few scans
        of ``str.find``."""
        points: list[int] = []
        lower = self.lower
        for hint in hints:
            at = lower.find(hint)
            while at >= 0:
                points.append(at)
                at = lower.find(hint, at + 1)
        windows: list[Span] = []
        for at in sorted(points):
            a, b = max(at - before, 0), min(at + after, len(lower))
            if windows and a <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(b, windows[-1][1]))
            else:
                windows.append((a, b))
        return windows

    @cached_property
    def _sentences(self) -> Sentences:
        return Sentences(self.text, self.paragraphs)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentence spans, never crossing a paragraph edge (as ``segment`` cuts them)."""
        return tuple(self._sentences.all())

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [a for a, _ in self.paragraphs]

    @cached_property
    def quotes(self) -> tuple[Span, ...]:
        """Spans of quoted words, marks included, within one paragraph. A mark opens when it
        stands before a word and closes after one, whatever its shape, so straight quotes pair
        too; an opening mark inside an open quote starts the next quoted paragraph of a long
        quotation (whose earlier parts have no closing mark), and a quote left open runs to the
        paragraph's end."""
        spans: list[Span] = []
        text = self.text
        for start, end in self.paragraphs:
            opened: int | None = None
            for m in _QUOTE_MARK.finditer(text, start, end):
                at = m.start()
                before = text[at - 1] if at > start else " "
                after = text[at + 1] if at + 1 < end else " "
                opening = m.group() == "“" or (
                    m.group() == '"'
                    and (before.isspace() or before in _OPENS_AFTER)
                    and not after.isspace()
                )
                if opening:
                    if opened is not None:
                        spans.append((opened, at))
                    opened = at
                elif opened is not None:
                    spans.append((opened, m.end()))
                    opened = None
            if opened is not None:
                spans.append((opened, end))
        return tuple(spans)

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [a for a, _ in self.quotes]

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside quoted words (quotes do not nest, so one lookup does)."""
        i = bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self.quotes[i][0] < pos < self.quotes[i][1]

    def sentence_at(self, pos: int) -> Span:
        """The sentence holding ``pos`` (the nearest one before it, between two)."""
        return self._sentences.at(pos)

    def paragraph_at(self, pos: int) -> Span:
        i = max(bisect_right(self._paragraph_starts, pos) - 1, 0)
        return self.paragraphs[i]


Check = Callable[["Rule", Article], Iterable[Flag]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One flag rule. ``reason`` is the one line (with its source) a flag shows when no more
    specific one applies; ``severity`` is the default its flags carry."""

    id: str
    family: str
    severity: Severity
    reason: str
    check: Check

    def flag(
        self,
        article: Article,
        message: str,
        spans: Iterable[Span],
        *,
        reason: str | None = None,
        severity: Severity | None = None,
    ) -> Flag:
        return make_flag(
            self.id,
            severity or self.severity,
            message,
            tuple(spans),
            article.text,
            reason or self.reason,
        )
