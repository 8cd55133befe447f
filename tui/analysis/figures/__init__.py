"""Figures: every number, amount and date in an article, with its value, what it counts, and the
day it means.

``find_figures(text, ...)`` runs each finder once over the text (dates and times, relative days,
vague amounts, numbers and their amounts), keeps the strongest reading where two overlap, picks
the reference date, resolves relative days and year-less dates against it, and describes counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from ..model import Figure, ReferenceDate, Span
from ..segment import Sentences
from .amounts import find_amounts
from .candidate import Candidate
from .counts import describe, source_in
from .dates import find_dates, find_times, year_for
from .numbers import digit_edges
from .relative import UPPER_BOUNDS, choose_reference, find_relative, resolve
from .tense import date_tense
from .vague import find_vague

__all__ = ["FigureResult", "find_figures"]

_DESCRIBED = frozenset({"count", "approximate", "range", "percent", "fraction"})
_SOURCED = _DESCRIBED | {"money", "measure"}


class FigureResult(NamedTuple):
    """The figures, sorted by span start with caption figures (span None) last, and the day
    relative dates were resolved against (None when the text gives no evidence of one)."""

    figures: tuple[Figure, ...]
    reference_date: ReferenceDate | None


def _settle(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one reading per stretch of text: dates and times before amounts, then the longer.
    Candidates are grouped into runs that overlap, so the choice stays local and linear."""
    kept: list[Candidate] = []
    run: list[Candidate] = []
    run_end = -1
    for c in sorted(candidates, key=lambda c: c.start):
        if run and c.start >= run_end:
            kept.extend(_best(run))
            run = []
        run.append(c)
        run_end = max(run_end, c.end) if len(run) > 1 else c.end
    kept.extend(_best(run))
    return kept


def _best(run: list[Candidate]) -> list[Candidate]:
    if len(run) == 1:
        return run
    chosen: list[Candidate] = []
    for c in sorted(run, key=lambda c: (c.rank, -c.length, c.start)):
        if all(c.end <= k.start or k.end <= c.start for k in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _candidates(text: str) -> list[Candidate]:
    edges = digit_edges(text)
    return _settle(
        find_dates(text)
        + find_times(text, edges)
        + find_relative(text)
        + find_vague(text)
        + find_amounts(text, edges)
    )


def _resolve(text: str, candidates: list[Candidate], reference: ReferenceDate | None) -> None:
    if reference is None:
        return
    upper = reference.kind in UPPER_BOUNDS
    for c in candidates:
        if c.relative is not None:
            resolve(c, reference, text)
        elif c.month_day is not None:
            c.date = year_for(
                *c.month_day,
                reference.date,
                tense=date_tense(text, c.start),
                upper=upper,
                weekday=c.weekday,
            )
    _one_day_per_weekday(candidates)


def _one_day_per_weekday(candidates: list[Candidate]) -> None:
    """A bare weekday ("on Wednesday") means one day throughout a story: the day most of its
    mentions resolved to, the earlier on a tie (news mostly reports what happened). Clause
    tenses are read one by one, and the odd one out is usually misread."""
    days: dict[int, list[Candidate]] = {}
    for c in candidates:
        spec = c.relative
        if spec is not None and spec[0] == "weekday" and not spec[2] and c.date is not None:
            days.setdefault(spec[1], []).append(c)
    for mentions in days.values():
        votes = Counter(c.date for c in mentions if c.date is not None)
        best = max(votes.values())
        day = min(d for d, n in votes.items() if n == best)
        for c in mentions:
            c.date = day


def _figures(
    text: str,
    candidates: list[Candidate],
    ident: str,
    in_body: bool,
    paragraphs: Sequence[Span] = (),
) -> list[Figure]:
    sentences = Sentences(text, paragraphs)
    sources: dict[int, str | None] = {}
    figures = []
    previous: tuple[int, str] = (-1, "")
    for c in candidates:
        counts = source = None
        if c.kind in _SOURCED:
            s_start, s_end = sentences.at(c.start)
            if s_start not in sources:
                sources[s_start] = source_in(text, s_start, s_end)
            source = sources[s_start]
            if c.kind in _DESCRIBED:
                borrowed = previous[1] if previous[0] == s_start else ""
                counts, noun = describe(text, c.end, s_end, borrowed)
                if noun:
                    previous = (s_start, noun)
        span: Span | None = (c.start, c.end) if in_body else None
        figures.append(
            Figure(
                id=f"fig:{ident}{c.start}",
                text=text[c.start : c.end],
                kind=c.kind,
                value=c.value,
                low=c.low,
                high=c.high,
                unit=c.unit,
                date=c.date,
                span=span,
                counts=counts,
                source=source,
            )
        )
    return figures


def find_figures(
    text: str,
    *,
    paragraphs: Sequence[Span] = (),
    published: date | None = None,
    captions: Sequence[str] = (),
    override: date | None = None,
) -> FigureResult:
    """All figures of the cleaned article ``text`` and of its lifted ``captions``.

    ``paragraphs`` bound the head where a dateline may stand (the first paragraph; the first
    line when none are given); ``published`` is the source's publication date; ``override`` is
    the reader's own reference date and wins over every other.
    """
    body = _candidates(text)
    in_captions = [_candidates(caption) for caption in captions]
    first_line_end = text.find("\n") if "\n" in text else len(text)
    head_end = paragraphs[0][1] if paragraphs else first_line_end
    reference = choose_reference(
        text,
        [c for c in body if c.kind == "date"],
        published=published,
        captions=captions,
        override=override,
        head_end=head_end,
    )
    _resolve(text, body, reference)
    figures = _figures(text, body, "", in_body=True, paragraphs=paragraphs)
    for i, (caption, found) in enumerate(zip(captions, in_captions, strict=True)):
        _resolve(caption, found, reference)
        figures.extend(_figures(caption, found, f"c{i}:", in_body=False))
    return FigureResult(tuple(figures), reference)
