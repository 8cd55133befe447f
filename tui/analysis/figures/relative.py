"""Relative days ("on Thursday", "Wednesday night", "yesterday", "last week", "two weeks ago") and
the reference date they are resolved against.

A publication date (the reader's ``--date``, the source's metadata, a dateline) bounds the story
from above: a bare weekday told in the past is the most recent such day on or before it, and one
told in the future the next. A caption's date or a date of an event in the text bounds the story
from below: it was written on or after that day, so a bare weekday is the first such day on or
after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from ..model import FigureKind, ReferenceDate
from .candidate import RANK_DATE, Candidate
from .dates import WEEKDAYS, find_dates, year_for
from .numbers import TEENS, TENS, UNITS
from .patterns import cased, trie
from .tense import tense

UPPER_BOUNDS = frozenset({"user", "published", "dateline"})

_COUNT = trie(cased(["a", "an", "a few", *UNITS, *TEENS, *TENS]))
# Each pattern begins on a capital or a literal and looks back for its modifier afterwards:
# a pattern that begins with optional lowercase words is tried at every letter of the text.
_WEEKDAY = re.compile(
    r"(?P<weekday>" + "|".join(WEEKDAYS) + r")\b"
    r"(?:[ \t]+(?P<part>morning|afternoon|evening|night)\b)?"
)
_DAY = re.compile(r"day\b")
_WEEKDAY_MODIFIER = re.compile(
    r"\b(?P<mod>[Ll]ast|[Nn]ext|[Tt]his(?:[ \t]+(?:coming|past))?|[Cc]oming|[Pp]ast|"
    r"[Tt]he[ \t]+(?:previous|following))[ \t]+$"
)
_DEICTIC_WORDS = (
    re.compile(r"day\b(?:(?<=\b[Yy]esterday)|(?<=\b[Tt]oday))"),
    re.compile(r"night\b(?<=\b[Tt]onight)"),
    re.compile(r"morrow\b(?<=\b[Tt]omorrow)"),
)
_OPENS_SENTENCE = re.compile(r"(?:\A|[.!?:;\n\"“‘(—–-])[ \t\"“‘(]*$")
_DAY_BEFORE_AFTER = re.compile(r"\b[Tt]he[ \t]+day[ \t]+(?:before|after)[ \t]+$")
_AGO = re.compile(r" ago\b")
_AGO_COUNT = re.compile(
    rf"\b(?P<count>\d+|{_COUNT})[ \t]+(?P<unit>day|week|month|year)s?"
    r"[ \t]*$"
)
_PERIODS = (re.compile(r"week\b"), re.compile(r"month\b"), re.compile(r"year\b"))
_PERIOD_MODIFIER = re.compile(r"\b(?P<mod>[Ll]ast|[Nn]ext|[Tt]his)[ \t]+$")
_DEICTIC = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}


def find_relative(text: str) -> list[Candidate]:
    """Every relative day, each carrying what it needs to be resolved."""
    found = []

    def add(start: int, end: int, spec: tuple, kind: FigureKind = "relative-date") -> None:
        found.append(Candidate(start, end, kind, rank=RANK_DATE, relative=spec))

    for m in _weekdays(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        start, mod = m.start(), ""
        if (before := _WEEKDAY_MODIFIER.search(text, max(0, start - 20), start)) is not None:
            start, mod = before.start(), " ".join(before.group("mod").lower().split())
        add(start, m.end(), ("weekday", WEEKDAYS.index(m.group("weekday")), mod))
    for m in _in_order(text, _DEICTIC_WORDS):
        yester = text[max(0, m.start() - 6) : m.start()].lower() == "yester"
        start = m.start() - (6 if yester else 2)
        if text[start].isupper() and not _OPENS_SENTENCE.search(text, max(0, start - 4), start):
            continue  # a title: "the Today programme", "USA Today", "The Tonight Show"
        word = text[start : m.end()].lower()
        if (phrase := _DAY_BEFORE_AFTER.search(text, max(0, start - 20), start)) is not None:
            start, word = phrase.start(), f"the day {phrase.group().split()[2]} {word}"
        add(start, m.end(), ("deictic", _DEICTIC[word]))
    for m in _AGO.finditer(text):
        if (c := _AGO_COUNT.search(text, max(0, m.start() - 30), m.start())) is not None:
            count = c.group("count").lower()
            n = (
                1
                if count in ("a", "an")
                else 3
                if count == "a few"
                else int(count)
                if (count.isdigit())
                else {**UNITS, **TEENS, **TENS}[count]
            )
            add(c.start(), m.end(), ("ago", n, c.group("unit")))
    for m in _in_order(text, _PERIODS):
        if (ahead := _PERIOD_MODIFIER.search(text, max(0, m.start() - 6), m.start())) is not None:
            unit = m.group()
            add(
                ahead.start(),
                m.end(),
                ("period", ahead.group("mod").lower(), unit),
                "year" if unit == "year" else "relative-date",
            )
    return found


def _weekdays(text: str) -> Iterator[re.Match[str]]:
    """``_WEEKDAY.finditer(text)``, found by the "day" every weekday ends in: ``re`` finds a
    literal fast, where it tests every character against the names' capitals."""
    for day in _DAY.finditer(text):
        for name in WEEKDAYS:
            if (
                text.startswith(name, day.end() - len(name))
                and (m := _WEEKDAY.match(text, day.end() - len(name))) is not None
            ):
                yield m
                break


def _in_order(text: str, patterns: Sequence[re.Pattern[str]]) -> list[re.Match[str]]:
    """The matches of ``patterns`` in order of position: the ``finditer`` of their alternation,
    as no two of them overlap. Each begins with a literal, which ``re`` finds fast, where the
    alternation has it test every character against the letters they begin with."""
    return sorted((m for p in patterns for m in p.finditer(text)), key=lambda m: m.start())


EARLIEST_REFERENCE = date(1000, 1, 1)
LATEST_REFERENCE = date(9000, 12, 31)
"""The days relative dates can be resolved against: far enough from Python's date limits (years
1 and 9999) that "the week after next" or "a month ago" always lands on a real day."""


def reference_problem(day: date) -> str | None:
    """Why ``day`` cannot be the reference date (one line), or None if it can."""
    if EARLIEST_REFERENCE <= day <= LATEST_REFERENCE:
        return None
    return (
        f"{day.isoformat()} is outside the dates relative dates can be resolved against "
        f"({EARLIEST_REFERENCE.isoformat()} to {LATEST_REFERENCE.isoformat()})"
    )


def resolve(c: Candidate, reference: ReferenceDate, text: str) -> None:
    """Set ``c.date`` (or ``c.value`` for a year) from ``reference``, in place; the tense of its
    clause in ``text`` is read only now, as a text without a reference never needs it. A day
    beyond the calendar ("3000 years ago" of year 2000) stays unresolved."""
    try:
        _resolve(c, reference, text)
    except (ValueError, OverflowError):
        c.date = None


def _resolve(c: Candidate, reference: ReferenceDate, text: str) -> None:
    ref, upper = reference.date, reference.kind in UPPER_BOUNDS
    spec = c.relative
    if spec is None:
        return
    if spec[0] == "weekday" and spec[2] in ("the previous", "the following"):
        return  # counted from another day of the story, not from the reference
    if spec[0] == "weekday":
        future = tense(text, c.start, c.end) == "future"
        c.date = _weekday(spec[1], spec[2], ref, upper=upper, future=future)
    elif spec[0] == "deictic":
        c.date = ref + timedelta(days=spec[1])
    elif spec[0] == "ago":
        n, unit = spec[1], spec[2]
        if unit in ("day", "week"):
            c.date = ref - timedelta(days=n * (7 if unit == "week" else 1))
        else:
            months = n * (12 if unit == "year" else 1)
            c.date = _add_months(ref, -months)
    else:
        step = {"last": -1, "this": 0, "next": 1}[spec[1]]
        if spec[2] == "year":
            c.value = ref.year + step
        elif spec[2] == "week":
            c.date = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
            c.unit = "week"
        else:
            c.date = _add_months(ref.replace(day=1), step)
            c.unit = "month"


def _weekday(weekday: int, mod: str, ref: date, *, upper: bool, future: bool) -> date:
    ahead = (weekday - ref.weekday()) % 7
    behind = (ref.weekday() - weekday) % 7
    if mod in ("last", "past", "this past"):
        return ref - timedelta(days=behind or 7)
    if mod in ("next", "coming", "this coming"):
        return ref + timedelta(days=ahead or 7)
    if future or not upper:
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=behind)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, d)
        except ValueError:
            continue
    raise ValueError(day)


_LABEL = re.compile(
    r"[ \t]*(?:(?:First[ \t]+)?Published|(?:Last[ \t]+)?Updated|Posted|Date)(?:[ \t]+on)?:?[ \t]*",
    re.IGNORECASE,
)
_PLACE = re.compile(r"[ \t]*[A-Z][A-Z .'’-]+(?:,[ \t]*[\w .'’-]+)?,[ \t]*")
_AGENCY = re.compile(r"[ \t]*\((?:Reuters|AP|AFP|Bloomberg|dpa|UPI|TASS|Xinhua)\)")


def choose_reference(
    text: str,
    dates: Sequence[Candidate],
    *,
    published: date | None,
    captions: Sequence[str],
    override: date | None,
    head_end: int,
) -> ReferenceDate | None:
    """The day relative dates mean, by the strongest evidence there is: the reader's choice, the
    source's publication date, a dateline at the head of the text (``text[:head_end]``) or a
    "Published ..." line, a caption's date, else the latest date of a past event in the text."""
    if override is not None and reference_problem(override) is None:
        return ReferenceDate(override, "user", override.isoformat())
    if published is not None and reference_problem(published) is None:
        return ReferenceDate(published, "published", published.isoformat())
    dates = [c for c in dates if c.date is None or reference_problem(c.date) is None]
    lower = _caption_date(captions) or _event_date(text, dates)
    dateline = _dateline(text, dates, head_end, lower.date if lower else None)
    found = dateline or lower
    return found if found is None or reference_problem(found.date) is None else None


def _dateline(
    text: str, dates: Sequence[Candidate], head_end: int, hint: date | None
) -> ReferenceDate | None:
    """A date labelled "Published"/"Updated", one in a wire dateline ("ALMATY, Jan 6 (Reuters)"),
    or one standing alone on a line at the head of the text."""
    for c in dates:
        line_start = text.rfind("\n", 0, c.start) + 1
        line_end = text.find("\n", c.end)
        before = text[line_start : c.start]
        after = text[c.end : line_end if line_end >= 0 else len(text)]
        if not (
            _LABEL.fullmatch(before)
            or (_PLACE.fullmatch(before) and _AGENCY.match(after))
            or (c.start < head_end and not before.strip() and len(after.strip()) < 30)
        ):
            continue
        day = c.date
        if day is None and c.month_day and hint is not None:
            day = year_for(*c.month_day, hint)
        if day is not None:
            return ReferenceDate(day, "dateline", text[c.start : c.end])
    return None


def _caption_date(captions: Sequence[str]) -> ReferenceDate | None:
    for caption in captions:
        for c in find_dates(caption):
            if c.date is not None:
                return ReferenceDate(c.date, "caption", caption[c.start : c.end])
    return None


def _event_date(text: str, dates: Sequence[Candidate]) -> ReferenceDate | None:
    past = [c for c in dates if c.date is not None and tense(text, c.start, c.end) != "future"]
    if not past:
        return None
    latest = max(past, key=lambda c: c.date or date.min)
    assert latest.date is not None
    return ReferenceDate(latest.date, "event", text[latest.start : latest.end])
