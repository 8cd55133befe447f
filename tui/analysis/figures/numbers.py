"""Numbers as written: digits ("1,234", "3.5", "2.48×10−5", "2½") and words ("Three hundred and
fifty-three", "two and a half million", "twenty-first", "two thirds").

A run of number words can hold several numbers ("one, two and three", "hundred and five twenty
two"), so a run is read left to right with the grammar of English cardinals and split where the
grammar cannot go on. Nothing here decides what a number means in its sentence; that is the
business of the amount, date and count modules.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, NamedTuple

from .patterns import cased, trie

NumberForm = Literal["cardinal", "ordinal", "fraction"]

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "quadrillion": 10**15,
    "quintillion": 10**18,
    "sextillion": 10**21,
    "septillion": 10**24,
    "octillion": 10**27,
    "nonillion": 10**30,
    "decillion": 10**33,
}
ORDINAL_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
}
ORDINAL_TEENS = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
ORDINAL_TENS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
ORDINAL_SCALES = {"hundredth": 100, "thousandth": 10**3, "millionth": 10**6, "billionth": 10**9}
ORDINALS = {**ORDINAL_UNITS, **ORDINAL_TEENS, **ORDINAL_TENS, **ORDINAL_SCALES}
# Denominators: "two thirds", "one-half", "three quarters", "a fifth of".
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
    "hundredth": 100,
    "hundredths": 100,
    "thousandth": 1000,
    "thousandths": 1000,
}
VULGAR = {
    "½": 0.5,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 0.25,
    "¾": 0.75,
    "⅕": 0.2,
    "⅖": 0.4,
    "⅗": 0.6,
    "⅘": 0.8,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 0.125,
    "⅜": 0.375,
    "⅝": 0.625,
    "⅞": 0.875,
}

_CARDINAL_WORDS = {**UNITS, **TEENS, **TENS}
_SCALE_WORDS = {"hundred", "hundreds", *SCALES, *(s + "s" for s in SCALES)}
_NUMBER_WORDS = {*_CARDINAL_WORDS, *_SCALE_WORDS, *ORDINALS, *DENOMINATORS, "dozen"}
# A run starts on a number word or on "minus", "negative" or "point"; an "a" before it is taken
# in after the match ("a million", "a third of"), which keeps the pattern fast.
_STARTS = {*_NUMBER_WORDS, "minus", "negative", "point"}
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?)[ \t]+$")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_ARTICLE = re.compile(r"(?<![A-Za-z])[Aa][Nn]?(?![A-Za-z])")  # "a" or "an" inside a run
_WORD = trie(cased(_NUMBER_WORDS))
_FILLER = r"(?:(?:and|&|an?|point)[ \t]+)"
_SEPARATOR = r"(?:[ \t]*-[ \t]*|[ \t]+|[ \t]*,[ \t]+)"
_RUN = rf"{trie(cased(_STARTS))}(?:{_SEPARATOR}{_FILLER}*{_WORD})*\b"
WORD_RUN = re.compile(rf"\b{_RUN}")
# The same run found by the character before it, which no word holds: ``re`` skips to such
# characters fast, where the opening ``\b`` has it try the pattern at every position. The space,
# the character most often before a word, is named first, as ``re`` tests it first.
_RUN_AFTER = re.compile(rf"[ \W](?P<run>{_RUN})")
_TOKEN = re.compile(r"[A-Za-z]+|&")
_OF = re.compile(r"\s+of\b", re.IGNORECASE)

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+)(?:\.\d+)?"
# Where a number or a clock time in digits may start: a digit or a minus before one, not inside
# a word, a decimal or a list like 1,2,3. Beginning on the character itself, not on a
# lookbehind, keeps it fast; "0-9" before "\d" has ``re`` test the common digits first.
_DIGIT_EDGE = re.compile(r"[0-9\-−\d](?<![\w.,][-−\d])(?:(?<=\d)|(?=\d))")
# Nor does a number start after a fraction's "/", in "+6663", "10^6" or an entity like "&#163;".
_NOT_AFTER = frozenset("/+^#")
DIGIT_NUMBER = re.compile(
    rf"(?P<sign>[-−])?(?P<num>{_DIGITS})"
    r"(?P<sci>[eE][-+−]?\d+\b|[ \t]*[x×][ \t]*10\^?[-+−]?\d+|[ \t]*[x×][ \t]*\d+\^\d+)?"
)
_VULGAR = re.compile("[" + "".join(VULGAR) + "]")
_SCI = re.compile(r"[eE]([-+−]?\d+)|[ \t]*[x×][ \t]*(\d+)\^?([-+−]?\d+)")


class Number(NamedTuple):
    """One number as written: where it is, what it is worth, and whether it is a count, a rank
    (``ordinal``) or a part (``fraction``). A named tuple, as a long text has tens of thousands
    and a tuple is made in a third of the time of a frozen dataclass."""

    start: int
    end: int
    value: float | int
    form: NumberForm = "cardinal"
    words: bool = False


MAX_DIGITS = 40
MAX_EXPONENT = 100
"""Figures stay far inside a float's range (1e308), so sums and scales ("bn") cannot
overflow."""


def tidy(value: float | Fraction) -> float | int:
    """An int when the value is whole, so 353 reads as 353 and not 353.0. Numbers in words are
    summed as ints and fractions, so "nine hundred decillion and one" stays exact."""
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else float(value)
    if value == int(value) and abs(value) < 1e18:
        return int(value)
    return round(value, 10)


def digits_value(match: re.Match[str]) -> float | int | None:
    """The value of a ``DIGIT_NUMBER`` match; None for one no figure can be: more digits than
    any quantity has (an account number, a line of nines), or beyond what a float holds."""
    raw = match.group("num").replace(",", "")
    if len(raw) > MAX_DIGITS:
        return None
    value: float | int = float(raw) if "." in raw else int(raw)
    sci = match.group("sci")
    if sci:
        m = _SCI.match(sci)
        if m and m.group(1) is not None:
            exponent, base = int(m.group(1).replace("−", "-")), 10.0
        elif m:
            exponent, base = int(m.group(3).replace("−", "-")), float(m.group(2))
        if m:
            if base > 1 and abs(exponent) * math.log10(base) > MAX_EXPONENT:
                return None
            value = value * base**exponent
    if match.group("sign"):
        value = -value
    return tidy(value)


def digit_edges(text: str) -> list[int]:
    """Where a number or a clock time written in digits may start: one scan for both
    ``find_digit_numbers`` and ``find_times``, as a scan tests every character of the text."""
    return [m.start() for m in _DIGIT_EDGE.finditer(text)]


def find_digit_numbers(text: str, edges: Sequence[int] | None = None) -> list[Number]:
    """Every number written in digits, with a vulgar fraction glued on ("2½") read as a sum.
    ``edges`` are the text's ``digit_edges``, when they are already known."""
    found = []
    last_end = -1
    for at in digit_edges(text) if edges is None else edges:
        if at < last_end or (at and text[at - 1] in _NOT_AFTER):
            continue
        if (m := DIGIT_NUMBER.match(text, at)) is None:
            continue
        last_end = m.end()
        value = digits_value(m)
        if value is None:
            continue
        end = m.end()
        if end < len(text) and text[end] in VULGAR and isinstance(value, int):
            value = tidy(value + VULGAR[text[end]] * (-1 if value < 0 else 1))
            end += 1
        found.append(Number(m.start(), end, value))
    if any(c in text for c in VULGAR):  # a few substring tests cost less than one scan
        for m in _VULGAR.finditer(text):
            if m.start() == 0 or not text[m.start() - 1].isdigit():
                found.append(Number(m.start(), m.end(), VULGAR[m.group()], "fraction"))
    found.sort(key=lambda n: n.start)
    return found


@dataclass(slots=True)
class _Token:
    word: str
    start: int
    end: int


def _class(word: str) -> str:
    if word in UNITS:
        return "unit"
    if word in TEENS:
        return "teen"
    if word in TENS:
        return "tens"
    if word == "hundred":
        return "hundred"
    if word in SCALES:
        return "scale"
    if word == "hundreds" or (word.endswith("s") and word[:-1] in SCALES):
        return "plural-scale"
    if word == "dozen":
        return "dozen"
    if word in ORDINALS:
        return "ordinal"
    if word in DENOMINATORS:
        return "denominator"
    return word  # a filler: and, &, a, an, point, minus, negative


class _Reader:
    """Reads one number from a token list, following the grammar of English cardinals."""

    def __init__(self, text: str, tokens: list[_Token], *, definite: bool = False) -> None:
        self.text = text
        self.tokens = tokens
        self.definite = definite
        """After "the", "one hundredth" is a rank (the 100th), not a part (1/100)."""
        self.classes = [_class(t.word) for t in tokens]

    def cls(self, i: int) -> str:
        return self.classes[i] if 0 <= i < len(self.tokens) else ""

    def read(self, i: int) -> tuple[Number, int] | None:
        """The number starting at token ``i`` and the index after it, or None."""
        tokens, start = self.tokens, self.tokens[i].start
        sign = 1
        if self.cls(i) in ("minus", "negative"):
            if self.cls(i + 1) not in ("unit", "teen", "tens", "hundred", "scale", "a", "an"):
                return None
            sign, i = -1, i + 1
        while (
            self.cls(i) == "unit"
            and tokens[i].word == "zero"
            and self.cls(i + 1) in ("unit", "teen", "tens", "hundred")
        ):
            i += 1  # a leading zero, as in "zero eight"
        total: int | Fraction = 0
        group: int | Fraction = 0
        last, hundred_in_group = "", False
        smallest_scale: int | None = None
        end = i
        c = self.cls(i)
        if c in ("a", "an"):
            nxt = self.cls(i + 1)
            if nxt in ("hundred", "scale", "dozen"):
                group, last, end, i = 1, "unit", i + 1, i + 1
            elif (
                tokens[i + 1 : i + 2]
                and tokens[i + 1].word in DENOMINATORS
                and (self._is_fraction_word(i + 1, article=True))
            ):
                den = DENOMINATORS[tokens[i + 1].word]
                return self._finish(
                    start, tokens[i + 1].end, Fraction(sign, den), "fraction", i + 2
                )
            else:
                return None
        elif c == "point":
            return self._decimals(i, 0.0, start, sign)
        elif c == "ordinal" and not self._is_fraction_word(i, article=False):
            return self._finish(
                start, tokens[i].end, sign * ORDINALS[tokens[i].word], "ordinal", i + 1
            )
        elif c == "denominator" and tokens[i].word == "half":
            if self.cls(i + 1) in ("a", "an") and self.cls(i + 2) in ("hundred", "scale", "dozen"):
                scale = self._scale_value(i + 2)
                value = Fraction(sign * scale, 2)
                return self._finish(start, tokens[i + 2].end, value, "cardinal", i + 3)
            return self._finish(start, tokens[i].end, Fraction(sign, 2), "fraction", i + 1)
        elif c not in ("unit", "teen", "tens", "hundred", "scale"):
            return None
        while i < len(tokens):
            c, word = self.cls(i), tokens[i].word
            if (
                c == "unit"
                and last in ("", "tens", "hundred", "scale", "and")
                and not (last == "tens" and group % 10)
            ):
                group += UNITS[word]
            elif (
                c in ("teen", "tens")
                and last in ("", "hundred", "scale", "and")
                and not (last == "and" and group % 100)
            ):
                group += TEENS.get(word) or TENS[word]
            elif c == "hundred" and not hundred_in_group and last in ("", "unit", "teen", "tens"):
                group = (group or 1) * 100
                hundred_in_group = True
            elif c in ("scale", "plural-scale") and last in (
                "",
                "unit",
                "teen",
                "tens",
                "hundred",
                "dozen",
            ):
                if c == "plural-scale" and not last:
                    return None
                scale = self._scale_value(i)
                if smallest_scale is not None and scale >= smallest_scale:
                    break
                total += (group or 1) * scale
                group, hundred_in_group, smallest_scale = 0, False, scale
            elif c == "dozen" and last in ("", "unit", "teen", "tens"):
                group = (group or 1) * 12
            elif c == "ordinal" and (
                last in ("", "tens", "hundred", "scale", "and")
                or (self.definite and last == "unit" and word in ORDINAL_SCALES)
            ):
                if last == "tens" and word not in ORDINAL_UNITS:
                    break
                rank = total + group + ORDINALS[word]
                if word in ORDINAL_SCALES:
                    rank = (total + (group or 1)) * ORDINALS[word]
                return self._finish(start, tokens[i].end, sign * rank, "ordinal", i + 1)
            elif (
                word in DENOMINATORS
                and last in ("unit", "teen", "tens")
                and total == 0
                and (not hundred_in_group)
                and self._is_fraction_word(i, article=False)
            ):
                value = Fraction(group) / DENOMINATORS[word]
                return self._finish(start, tokens[i].end, sign * value, "fraction", i + 1)
            elif (
                c in ("and", "&")
                and last in ("hundred", "scale")
                and self.cls(i + 1) in ("unit", "teen", "tens", "ordinal")
            ):
                last = "and"
                i += 1
                continue
            elif c in ("and", "&") and last and self._half_follows(i + 1):
                j = i + 2 if self.cls(i + 1) in ("a", "an") else i + 1
                part = Fraction(1, DENOMINATORS[tokens[j].word])
                if last == "scale" and smallest_scale is not None:
                    total += smallest_scale * part
                else:
                    group += part
                end, i, last = j, j + 1, "fraction"
                if self.cls(i) in ("scale", "hundred") and total == 0:
                    scale = self._scale_value(i)
                    total, group, end, i = group * scale, 0, i, i + 1
                    last = "scale"
                break
            elif c == "point" and last and self.cls(i + 1) == "unit":
                return self._decimals(i, total + group, start, sign)
            else:
                break
            last = {"plural-scale": "scale"}.get(c, c)
            end = i
            i += 1
        if last in ("", "and"):
            return None
        return self._finish(start, tokens[end].end, sign * (total + group), "cardinal", end + 1)

    def _scale_value(self, i: int) -> int:
        word = self.tokens[i].word.rstrip("s")
        return 100 if word == "hundred" else 12 if word == "dozen" else SCALES[word]

    def _half_follows(self, i: int) -> bool:
        j = i + 1 if self.cls(i) in ("a", "an") else i
        return self.cls(j) == "denominator" and self.tokens[j].word in ("half", "quarter")

    def _is_fraction_word(self, i: int, *, article: bool) -> bool:
        """ "half", "thirds", "quarters" are always parts; "a third", "a fifth" only before "of"
        ("a third of voters", not "a third term"); "second" never is."""
        word = self.tokens[i].word
        if word not in DENOMINATORS:
            return False
        if word.endswith("s") or word in ("half", "quarter"):
            return True
        if article:
            return bool(_OF.match(self.text, self.tokens[i].end))
        return self.cls(i - 1) in ("unit", "teen", "tens")

    def _decimals(
        self, i: int, whole: float | Fraction, start: int, sign: int
    ) -> tuple[Number, int] | None:
        digits = ""
        j = i + 1
        while self.cls(j) == "unit":
            digits += str(UNITS[self.tokens[j].word])
            j += 1
        if not digits:
            return None
        value = float(whole) + float("0." + digits)
        return self._finish(start, self.tokens[j - 1].end, sign * value, "cardinal", j)

    @staticmethod
    def _finish(
        start: int, end: int, value: float | Fraction, form: NumberForm, after: int
    ) -> tuple[Number, int]:
        return Number(start, end, tidy(value), form, words=True), after


def read_word_run(text: str, start: int, end: int, *, definite: bool = False) -> list[Number]:
    """The numbers in one run of number words ``text[start:end]`` (after "the" when
    ``definite``), in order."""
    tokens = [
        _Token(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)
    ]
    reader = _Reader(text, tokens, definite=definite)
    numbers, i = [], 0
    while i < len(tokens):
        got = reader.read(i)
        if got is None:
            i += 1
            continue
        number, i = got
        numbers.append(number)
    return numbers


def _word_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``WORD_RUN.finditer(text)``: the run at the very start, then each run after
    a character outside words (a run ends on a word, so the character after it is free to be the
    one before the next)."""
    at = 0
    if (first := WORD_RUN.match(text)) is not None:
        yield first.span()
        at = first.end()
    for m in _RUN_AFTER.finditer(text, at):
        yield m.span("run")


def find_word_numbers(text: str) -> list[Number]:
    """Every number written in words. Only an "a", "an" or "the" makes the reading of a run look
    past it ("a third of", "the one hundredth"), so a run without one reads the same wherever it
    stands: each such run is
    read once and its numbers moved to where it recurs ("one", "two", "million" recur a lot)."""
    numbers: list[Number] = []
    readings: dict[str, list[tuple[int, int, float | int, NumberForm]]] = {}
    for run_start, end in _word_runs(text):
        article = _ARTICLE_BEFORE.search(text, max(0, run_start - 4), run_start)
        start = article.start() if article else run_start
        run = text[start:end]
        if article or _ARTICLE.search(run):
            numbers.extend(read_word_run(text, start, end))
            continue
        if _THE_BEFORE.search(text, max(0, start - 4), start):
            numbers.extend(read_word_run(text, start, end, definite=True))
            continue
        if (reading := readings.get(run)) is None:
            reading = readings[run] = [
                (n.start - start, n.end - start, n.value, n.form)
                for n in read_word_run(text, start, end)
            ]
        numbers.extend(
            Number(start + a, start + b, value, form, words=True) for a, b, value, form in reading
        )
    return numbers
