"""Absolute dates in the forms news uses: "5th of January, 2022", "January 5, 2022", "5 Jan 2022",
"Jan. 5", "the fifth of January", "Friday, Oct. 13", "2022-01-05"; and clock times ("2pm",
"14:30 GMT", "0100 GMT").

Month names must be capitalised and stand next to a day, so "May" the verb and "march" the verb
are never dates. A date without its year keeps its month and day until the reference date picks
the year (``year_for``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from .candidate import RANK_DATE, Candidate
from .numbers import ORDINAL_UNITS, ORDINALS, digit_edges
from .patterns import cased, trie

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_NAME = trie(
    [m.capitalize() + dot for m in MONTHS for dot in ("", ".") if dot == "" or len(m) <= 4]
    + [m.upper() for m in MONTHS]
)
_ORDINAL_DAY = trie(
    cased(
        [w for w, v in ORDINALS.items() if v <= 31]
        + [
            f"{t}{sep}{u}"
            for t in ("twenty", "thirty")
            for sep in ("-", " ")
            for u in ORDINAL_UNITS
        ]
    )
)
_DAY = r"(?:(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,]\d)|(?P<dw>" + _ORDINAL_DAY + "))"
_YEAR = re.compile(r",?[ \t]+(?P<year>[12]\d{3})(?!\d|,\d)")
# Every pattern begins on something rare (a capital, a digit) and checks what stands before it
# afterwards: a pattern that begins with a lookbehind or with lowercase letters is slow.
_MONTH = re.compile(rf"(?P<m>{_MONTH_NAME})(?![\w])")
_DAY_AFTER = re.compile(rf"[ \t]+{_DAY}(?![\w])")
_DAY_BEFORE = re.compile(rf"\b{_DAY}(?:[ \t]+of)?[ \t]+$")
_ISO = re.compile(r"[12](?<![\w.,/-][12])(?P<year>\d{3})-(?P<month>[01]\d)-(?P<d>[0-3]\d)\b")
# An ISO date is found by its "-01-05" (a literal "-" is what ``re`` finds fastest) and read from
# its year: no two dates overlap, and the "-" of one cannot stand in another's tail.
_ISO_TAIL = re.compile(r"-[01]\d-[0-3]\d\b")
_WEEKDAY_BEFORE = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r"),?[ \t]+(?:the[ \t]+)?$")
_TIME = re.compile(
    r"\d(?<![\w.,]\d)\d?(?:[:.][0-5]\d)?[ \t]*(?:[ap]\.m\.|[ap]m\b|[AP]M\b)"
    r"|\d(?<![\w.,:]\d)\d?:[0-5]\d(?::[0-5]\d)?\b"
    r"(?:[ \t]*(?:GMT|BST|UTC|CET|EST|EDT|ET|local time))?"
    r"|\d(?<![\w.,]\d)\d?[.][0-5]\d[ \t]*(?:GMT|BST|UTC|CET|EST|EDT|ET|hrs|local time)\b"
    r"|(?:[01]\d|2[0-3])[0-5]\d[ \t]*(?:GMT|BST|UTC|CET|EST|EDT|ET|hrs|local time)\b"
)


def _day(m: re.Match[str]) -> int:
    if m.group("d"):
        return int(m.group("d"))
    words = m.group("dw").lower().replace("-", " ")
    if " " in words:
        tens, unit = words.split()
        return (20 if tens == "twenty" else 30) + ORDINALS[unit]
    return ORDINALS[words]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def find_dates(text: str) -> list[Candidate]:
    """Every absolute date; one without a year carries ``month_day`` instead of ``date``."""
    found: list[Candidate] = []
    for m in _MONTH.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        mo = MONTHS[m.group("m").rstrip(".").lower()]
        if (day := _DAY_AFTER.match(text, m.end())) is not None:
            start, end = m.start(), day.end()
        elif (day := _DAY_BEFORE.search(text, max(0, m.start() - 24), m.start())) is not None:
            start, end = day.start(), m.end()
        else:
            continue
        year = _YEAR.match(text, end)
        _add(
            found,
            text,
            start,
            year.end() if year else end,
            int(year.group("year")) if year else 0,
            mo,
            _day(day),
        )
    for tail in _ISO_TAIL.finditer(text):
        if tail.start() < 4 or (iso := _ISO.match(text, tail.start() - 4)) is None:
            continue
        _add(
            found,
            text,
            iso.start(),
            iso.end(),
            int(iso.group()[:4]),
            int(iso.group("month")),
            int(iso.group("d")),
        )
    found.sort(key=lambda c: c.start)
    return found


def _add(found: list[Candidate], text: str, start: int, end: int, y: int, mo: int, d: int) -> None:
    if not _valid(y or 2000, mo, d):
        return
    weekday = None
    if (w := _WEEKDAY_BEFORE.search(text, max(0, start - 16), start)) is not None:
        start, weekday = w.start(), WEEKDAYS.index(w.group("weekday"))
    if y:
        found.append(Candidate(start, end, "date", date=date(y, mo, d), rank=RANK_DATE))
    else:
        found.append(
            Candidate(start, end, "date", month_day=(mo, d), rank=RANK_DATE, weekday=weekday)
        )


def year_for(
    month: int,
    day: int,
    reference: date,
    *,
    tense: str | None = None,
    upper: bool = True,
    weekday: int | None = None,
) -> date | None:
    """The year of a date written without one: the year that makes a named weekday right
    ("Saturday, April 25"); else, after a word that points ahead ("payable", "effective"), the
    first such day on or after the reference; after one that points back ("ended", "since")
    before a publication date, the last one on or before it; else the one nearest the
    reference, as news dates sit within months of the day they were written."""
    days = [
        date(y, month, day)
        for y in range(reference.year - 1, reference.year + 2)
        if _valid(y, month, day)
    ]
    nearest = min(days, key=lambda d: abs(d - reference), default=None)
    if weekday is not None and (fits := [d for d in days if d.weekday() == weekday]):
        return min(fits, key=lambda d: abs(d - reference))
    if tense == "future":
        return min((d for d in days if d >= reference), default=nearest)
    before = max((d for d in days if d <= reference), default=None)
    if tense == "past" and upper and before is not None and (reference - before).days <= 366:
        return before
    return nearest


def find_times(text: str, edges: Sequence[int] | None = None) -> list[Candidate]:
    """Clock times, so "2pm" is never read as a count of two. A time starts on a digit with no
    word character, "." or "," before it, one of the text's ``digit_edges`` (``edges``, when
    already known): ``_TIME`` is tried there, past the time before, as its scan would."""
    found: list[Candidate] = []
    end = -1
    for at in digit_edges(text) if edges is None else edges:
        if at < end or text[at] in "-−":
            continue
        if (m := _TIME.match(text, at)) is not None:
            found.append(Candidate(m.start(), m.end(), "time", rank=RANK_DATE))
            end = m.end()
    return found
