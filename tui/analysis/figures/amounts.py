"""Amounts: a number with what makes it an amount - its currency ("£2bn"), a percent sign, a unit
("27-kilometer"), a qualifier ("more than 300"), a second number that makes a range ("10-15",
"between 44 and 50 mg") or a score ("won 3-1"), a year ("in 2005", "2013-14").

Each number is looked at once: small anchored patterns read what stands just before and just
after it, so the cost grows with the number of numbers, not with the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import FigureKind
from .candidate import Candidate
from .numbers import SCALES, Number, find_digit_numbers, find_word_numbers, tidy

CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB"}
DOLLAR_PREFIXES = {
    "US": "USD",
    "A": "AUD",
    "AU": "AUD",
    "C": "CAD",
    "CA": "CAD",
    "NZ": "NZD",
    "HK": "HKD",
    "S": "SGD",
}
CURRENCY_CODES = {"USD", "GBP", "EUR", "JPY", "CHF", "CNY", "INR", "RUB", "KZT", "AUD", "CAD"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "pound": "GBP",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rouble": "RUB",
    "ruble": "RUB",
    "franc": "CHF",
    "tenge": "KZT",
    "pence": "pence",
    "p": "pence",
    "cent": "cents",
}
# Units of measure, written out or abbreviated; a unit keeps its spelling in ``Figure.unit``.
UNIT_WORDS = (
    "years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|centuries|"
    "century|nights?|kilomet(?:re|er)s?|km|met(?:re|er)s?|m|centimet(?:re|er)s?|cm|"
    "millimet(?:re|er)s?|mm|nanomet(?:re|er)s?|nm|miles?|mi|feet|foot|ft|inch(?:es)?|yards?|"
    "kilo(?:gram)?s?|kg|grams?|g|tonnes?|tons?|t|lbs?|pounds|ounces?|oz|mg|milligrams?|"
    "lit(?:re|er)s?|l|L|ml|cl|gallons?|barrels?|bpd|hectares?|acres?|sq\\.? ?(?:km|mi|m|ft)|"
    "square (?:kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet)|cubic (?:kilomet(?:re|er)s?|"
    "met(?:re|er)s?|feet)|km2|km²|mph|km/h|kph|knots?|degrees?(?: (?:Celsius|Fahrenheit|C|F))?|"
    "°[CF]?|C|F|K|kelvin|[kMGT]?W|[kMGT]Wh|Wh|watts?|volts?|V|[kMGT]?eV|[kMG]?Hz|[KMGTP]B|kb|"
    "Mbps|Gbps|bits?|bytes?|times|storeys|floors|laps|goals|points|runs|wickets|sets|votes|seats"
)
_UNIT = re.compile(
    rf"(?:[ \t]*-[ \t]*|[ \t]?)(?P<unit>{UNIT_WORDS})(?:\^?\d|[²³])?(?:[ \t]*(?:/|per[ \t]+)"
    r"[a-zA-Z]+\d?)*(?![\w°])"
)
_TIME_UNITS = {"times"}
# "10 000 dollars": digits grouped by spaces only where a currency or unit follows.
_SPACED_THOUSANDS = re.compile(
    r"(?:[ \u00a0]\d{3}(?![\d,.]))+(?=[ \t]*(?:[$£€]|dollars|euros|pounds|people|km|kg|tonnes|"
    r"metres|miles)\b)"
)
_MULTIPLIER = re.compile(
    r"[ \t]*(?P<word>hundred|thousand|(?:m|b|tr|quadr|quint|sext|sept|oct|non|dec)illion)s?\b"
    r"|(?P<short>bn|tn|mn|m|k|b|M|B|K|T)\b"
)
_SHORT = {
    "bn": 10**9,
    "tn": 10**12,
    "mn": 10**6,
    "m": 10**6,
    "k": 10**3,
    "K": 10**3,
    "b": 10**9,
    "B": 10**9,
    "M": 10**6,
    "T": 10**12,
}
_WORD_MULT = {"hundred": 100, **SCALES}
_PLURAL_NOUN = re.compile(
    r"[ \t]+(?!(?:was|is|has|as|its|this|his|thus|plus|always|across|"
    r"yes|less|unless|us|bus|gas)\b)[a-z]+s\b|[ \t]+people\b"
)
# Nouns that a year qualifies ("2003 results", "the 2005 elections"), not ones it counts.
_YEARS_NOUN = re.compile(
    r"[ \t]+(?:results|figures|accounts|earnings|profits|sales|elections|budgets|finals|awards|"
    r"championships|forecasts|accounts|games|olympics|nominations|levels|prices|rates|"
    r"models|editions|seasons|celebrations|exams)\b",
    re.IGNORECASE,
)
_PREFIX_CURRENCY = re.compile(
    r"(?:(?P<dp>US|AU|NZ|HK|A|C|S)?(?P<sym>[$£€¥₹₽])|(?P<code>USD|GBP|EUR|JPY|CHF|CNY|INR|RUB|"
    r"KZT|AUD|CAD|Rs\.?)[ \t]?)[ \t]?$"
)
_CURRENCY_TAILS = frozenset("$£€¥₹₽DPRYFBTs.")
_SUFFIX_CURRENCY = re.compile(
    r"(?:[ \t]*(?P<sym>[$£€¥₹₽])|(?:[ \t]*-[ \t]*|[ \t]+)(?:(?:US|Hong Kong|Australian|Canadian|"
    r"Singapore|Swiss)[ \t]+)?(?P<word>dollars?|pounds?(?:[ \t]+sterling)?|euros?|yen|yuan|"
    r"renminbi|rupees?|roubles?|rubles?|francs?|tenge|pence|cents?|USD|GBP|EUR|CHF|KZT)|"
    r"(?P<p>p))(?:[ \t]*(?:/|per[ \t]+)[a-zA-Z]+)?(?![\w])"
)
_PERCENT = re.compile(
    r"[ \t]*(?:%|per[ \t]?cent\b|percent\b)(?P<points>[ \t]+points?\b)?|[ \t]+percentage[ \t]+"
    r"points?\b",
    re.IGNORECASE,
)
_STRONG = re.compile(r"-strong\b")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_DECADE = re.compile(r"s\b")
_MIXED_FRACTION = re.compile(r"[ \t]+(\d{1,2})/(\d{1,3})(?![\d/])")
_SLASH = re.compile(r"/(\d+)(?![\d/])")
_OF_AFTER = re.compile(r"[ \t]+of\b")
_GLUED = re.compile(r"[A-Za-z\d]")
_QUALIFIERS = frozenset(
    {
        "more than",
        "over",
        "above",
        "upwards of",
        "in excess of",
        "at least",
        "no fewer than",
        "no less than",
        "at most",
        "up to",
        "as many as",
        "as much as",
        "no more than",
        "fewer than",
        "less than",
        "under",
        "below",
        "almost",
        "nearly",
        "close to",
        "just under",
        "just over",
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "an estimated",
        "estimated",
        "approx.",
        "circa",
    }
)
# The last words of the qualifiers: a number after any other word has none, whatever stands before.
_QUALIFIER_ENDS = frozenset(q.split()[-1] for q in _QUALIFIERS)
_LOW_EXCLUSIVE = {"more than", "over", "above", "upwards of", "in excess of", "just over"}
_LOW_INCLUSIVE = {"at least", "no fewer than", "no less than"}
_HIGH_INCLUSIVE = {"at most", "up to", "as many as", "as much as", "no more than"}
_HIGH_EXCLUSIVE = {"fewer than", "less than", "under", "below", "almost", "nearly", "just under"}
_RANGE_SEP = re.compile(r"[ \t]*(?:-[ \t]*to|[-–—]|to|and)[ \t]*(?:US\$|[$£€])?")
_BETWEEN = re.compile(r"\bbetween[ \t]+$", re.IGNORECASE)
# "rose from 5% to 7%", "raise the pension age from 60 to 65", "cut by 400m euros to 2.5bn
# euros": a change, not a range ("temperatures ranged from -18 °C to -34 °C" is one).
_CHANGE_VERBS = (
    r"(?:rose|risen|rise|rising|rises|fell|fallen|fall|falling|falls|increased?|increasing|"
    r"decreased?|reduced?|reduction|cut|up|down|jumped|dropped|climbed|grew|grown|raised?|"
    r"raising|lowered|went|slipped|soared|surged|plunged|doubled|changed|slashed|boosted|"
    r"lifted|moved|swung|narrowed|widened|trimmed|revised|upgraded|downgraded|extended|"
    r"shortened|lengthened)"
)
_CHANGE_BEFORE = re.compile(
    rf"\b(?:{_CHANGE_VERBS}(?:[ \t]+\S+){{0,6}}?[ \t]+from|{_CHANGE_VERBS}|by)[ \t]+"
    r"(?:[$£€]|US\$)?$",
    re.IGNORECASE,
)
# A score among scores: "6-4 3-6 7-6", "7-6 (7-5)".
_SCORE_NEIGHBOUR_AFTER = re.compile(r"[ \t]+\(?\d+-\d+")
_SCORE_NEIGHBOUR_BEFORE = re.compile(r"\d+-\d+\)?[ \t]+\(?$")
_SCORE_CONTEXT = re.compile(
    r"\b(?:won|lost|beat|beaten|drew|draw|victory|defeat|win|lead|led|trailed|score|scoreline|"
    r"thrashed|edged|voted|vote|margin|majority)\b",
    re.IGNORECASE,
)
_ONE_BEFORE = re.compile(
    r"\b(?:no|any|every|some|each|the|this|that|which|what|another|little|a)[ \t]+$", re.IGNORECASE
)
_ONE_AFTER = re.compile(
    r"[ \t]*(?:[.,;:!?)”\"]|$)|[ \t]+(?:of|another|who|whom|which|that|is|was|has|had|can|could|"
    r"would|will|should|must|may|might|does|did|thing|things|day|way|time|hand|side|or|more|less|"
    r"too|else|anyway|after|by|for|in|on|at|to|from|with|and|the|a|an|as|about|than)\b|['’]s\b",
    re.IGNORECASE,
)
_LIST_GOES_ON = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:and|or|in|out[ \t]+of)[ \t]+)?(?:every[ \t]+)?"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d)",
    re.IGNORECASE,
)
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w’'-]*[ \t]+$")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\n\"“‘(—–-])[ \t\"“‘(]*$")
_RANK_BEFORE = re.compile(r"\b(?:[Nn]umber|No\.)[ \t]+$")
_IN_EVERY = re.compile(r"[ \t]+(?:in|out[ \t]+of)[ \t]+(?:every[ \t]+)?")
_ARTICLE_BEFORE = re.compile(r"\b[Aa]n?[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"(?:['’]s)?[ \t]+[A-Z][a-z]")
# "half" is a part ("half of them", "cut in half", "two and a half"), not a half of a game
# ("second-half", "fly-half", "the Italian half").
_HALF_BEFORE = re.compile(
    r"[ \t]+(?:of|a|an|the|their|its|his|her|our|those|these|all|that|this)\b", re.IGNORECASE
)
_ALONE_AFTER = re.compile(r"[ \t]*(?:[.!?;\n\"”)]|$)")
_RANK_DETERMINER = re.compile(r"\b(?:the|its|his|her|their|our|my|your)[ \t]+$", re.I)
_PLACED = re.compile(r"\b(?:came|come|comes|finished|finish|finishes|placed|ranked|ranks)[ \t]+$")
_SECOND_OF_TIME = re.compile(r"s\b|[ \t]+(?:later|earlier|before|after)\b")
_RANKED = re.compile(r"\b(?:first|second|third|final|last|opening|closing)[ \t]+$", re.I)
# A part of a time unit is a duration: "half an hour", "three quarters of an hour".
_OF_A_PERIOD = re.compile(
    r"[ \t]+(?:of[ \t]+)?(?:an?|the)[ \t]+(?P<unit>hour|minute|second|day|week|fortnight|month|"
    r"year|decade|century|season)\b"
)
# Quarters of a year, counted: "the preceding three quarters", "the past two quarters".
_PERIOD_BEFORE = re.compile(
    r"\b(?:the|preceding|previous|past|last|next|first|coming|consecutive|straight|successive|"
    r"recent)[ \t]+(?:(?:few|financial|fiscal)[ \t]+)?$",
    re.IGNORECASE,
)
_HALF_AFTER = re.compile(
    r"\b(?:to|by|in|than|about|almost|nearly|over|around|some|just|only)[ \t]+$", re.IGNORECASE
)


def _qualifier_before(text: str, start: int) -> tuple[str, int] | None:
    """The qualifier ending just before ``start`` ("more than") and where it begins."""
    window_start = max(0, start - 24)
    window = text[window_start:start]
    tail = window.rstrip(" \t")
    if len(tail) == len(window):
        return None
    words = tail.split()[-3:]
    if not words or words[-1].lower() not in _QUALIFIER_ENDS:
        return None
    for k in (3, 2, 1):
        phrase = " ".join(words[-k:])
        if len(words) >= k and phrase.lower() in _QUALIFIERS:
            at = window_start + len(tail) - len(phrase)
            if text[at : at + len(phrase)] == phrase and (at == 0 or not text[at - 1].isalnum()):
                return phrase.lower(), at
    return None


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    before = text[max(0, start - 2) : start].rstrip(" \t")
    if not before or before[-1] not in _CURRENCY_TAILS:
        return None
    m = _PREFIX_CURRENCY.search(text, max(0, start - 6), start)
    if not m:
        return None
    if m.group("sym"):
        symbol = m.group("sym")
        code = DOLLAR_PREFIXES.get(m.group("dp") or "", "") if symbol == "$" else ""
        return code or CURRENCY_SYMBOLS[symbol], m.start()
    code = m.group("code").rstrip(".")
    return ("INR" if code == "Rs" else code), m.start()


def _currency_after(text: str, end: int) -> tuple[str, int] | None:
    m = _SUFFIX_CURRENCY.match(text, end)
    if not m:
        return None
    if m.group("sym"):
        return CURRENCY_SYMBOLS[m.group("sym")], m.end()
    if m.group("p"):
        return "pence", m.end()
    word = m.group("word")
    if word.upper() in CURRENCY_CODES:
        return word.upper(), m.end()
    base = word.split()[0].lower()
    base = base[:-1] if base.endswith("s") and base[:-1] in CURRENCY_WORDS else base
    return CURRENCY_WORDS.get(base, base), m.end()


class _Builder:
    """Turns the numbers of one text into amount candidates."""

    def __init__(self, text: str, numbers: list[Number]) -> None:
        self.text = text
        self.numbers = numbers
        self.by_start = {n.start: i for i, n in enumerate(numbers)}

    def amount(self, n: Number, inherited: str | None = None) -> Candidate | None:
        """The amount number ``n`` begins: its currency (``inherited`` when the first half of a
        range gave one, as in "£10-15m"), multiplier, unit or percent."""
        text = self.text
        start, end, value = n.start, n.end, n.value
        currency = _currency_before(text, start)
        if currency is None and inherited is not None:
            currency = (inherited, start)
        if currency:
            start = currency[1]
        unit: str | None = currency[0] if currency else None
        kind: FigureKind = "money" if currency else "count"
        if n.form == "ordinal":
            return None if self._skip_ordinal(n) else Candidate(start, end, "ordinal", value)
        if n.form == "fraction":
            return self._fraction(n)
        if not n.words:
            m = _MIXED_FRACTION.match(text, end)
            if m and isinstance(value, int) and int(m.group(2)) > int(m.group(1)) > 0:
                value, end = tidy(value + int(m.group(1)) / int(m.group(2))), m.end()
            elif (m := _SLASH.match(text, end)) is not None:
                if int(m.group(1)) == 0 or not (
                    _UNIT.match(text, m.end()) or _OF_AFTER.match(text, m.end())
                ):
                    return None
                value, end, kind = tidy(value / int(m.group(1))), m.end(), "fraction"
            elif (m := _ORDINAL_SUFFIX.match(text, end)) is not None:
                return Candidate(start, m.end(), "ordinal", value)
        if (
            not n.words
            and isinstance(value, int)
            and 0 <= value < 1000
            and (groups := _SPACED_THOUSANDS.match(text, end))
        ):
            value, end = int(str(value) + re.sub(r"\D", "", groups.group())), groups.end()
        mult = None if n.words else _MULTIPLIER.match(text, end)
        if mult and (mult.group("word") or self._short_multiplier(mult, currency is not None)):
            factor = (
                _WORD_MULT[mult.group("word")]
                if mult.group("word")
                else _SHORT[mult.group("short")]
            )
            value, end = tidy(value * factor), mult.end()
        if (m := _PERCENT.match(text, end)) is not None:
            unit = "percentage points" if "point" in m.group().lower() else "%"
            return Candidate(start, m.end(), "percent", value, unit=unit)
        if currency is None and (after := _currency_after(text, end)) is not None:
            return Candidate(start, after[1], "money", value, unit=after[0])
        if kind == "money":
            rate = re.match(r"[ \t]*(?:/|per[ \t]+)[a-zA-Z]+\b", text[end : end + 20])
            return Candidate(start, end + (rate.end() if rate else 0), "money", value, unit=unit)
        if (m := _STRONG.match(text, end)) is not None:
            return Candidate(start, m.end(), "count", value)
        if (m := _UNIT.match(text, end)) is not None and not (
            n.words and m.group("unit") in ("m", "g", "t", "l", "L", "C", "F", "K", "V", "W")
        ):
            unit = m.group("unit")
            measured: FigureKind = "count" if unit in _TIME_UNITS else "measure"
            return Candidate(start, m.end(), measured, value, unit=unit)
        if (
            not n.words
            and isinstance(value, int)
            and 1000 <= value <= 2100
            and ("," not in text[n.start : n.end])
        ):
            if (m := _DECADE.match(text, end)) is not None:
                return Candidate(start, m.end(), "year", value, unit="decade")
            if not _PLURAL_NOUN.match(text, end) or _YEARS_NOUN.match(text, end):
                return Candidate(start, end, "year", value)
        if end < len(text) and _GLUED.match(text, end):
            return None
        if _RANK_BEFORE.search(text, max(0, start - 8), start):
            return Candidate(start, end, "ordinal", value)
        if not n.words and self._in_name(start, end):
            return None
        if n.words and self._skip_words(n):
            return None
        return Candidate(start, end, kind, value, unit=unit)

    def _short_multiplier(self, mult: re.Match[str], money: bool) -> bool:
        short = mult.group("short")
        if short in ("bn", "tn", "mn") or money:
            return True
        if short in ("k", "m"):
            after = self.text[mult.end() : mult.end() + 30]
            return bool(_UNIT.match(after) or (short == "m" and _PLURAL_NOUN.match(after)))
        return False

    def _fraction(self, n: Number) -> Candidate | None:
        word = self.text[n.start : n.end].lower()
        if word.endswith("half") and (
            self.text.startswith("-", n.end)
            or self.text[n.start - 1 : n.start] == "-"
            or (
                word == "half"
                and not _HALF_BEFORE.match(self.text, n.end)
                and not _HALF_AFTER.search(self.text, max(0, n.start - 10), n.start)
                and not self._alone(n)
            )
        ):
            return None
        if word == "half" and _RANKED.search(self.text, max(0, n.start - 16), n.start):
            return None  # "the second half", "the first half of the year"
        if (m := _OF_A_PERIOD.match(self.text, n.end)) is not None:
            return Candidate(n.start, m.end(), "measure", n.value, unit=m.group("unit"))
        if (
            word.endswith("quarters")
            and not _OF_AFTER.match(self.text, n.end)
            and _PERIOD_BEFORE.search(self.text, max(0, n.start - 24), n.start)
        ):
            return Candidate(n.start, n.end, "count", tidy(n.value * 4), unit="quarters")
        if (m := _UNIT.match(self.text, n.end)) is not None and m.group("unit") not in (
            "m",
            "g",
            "t",
            "l",
            "L",
            "C",
            "F",
            "K",
            "V",
            "W",
        ):
            return Candidate(n.start, m.end(), "measure", n.value, unit=m.group("unit"))
        return Candidate(n.start, n.end, "fraction", n.value)

    def _skip_ordinal(self, n: Number) -> bool:
        """ "first" and "second" alone are rarely ranks ("at first"), an ordinal after "a" is
        "another" ("a second wave", "a third term"), and one before a capital starts a name
        ("First Minister", "Third Reich")."""
        word = self.text[n.start : n.end].lower()
        if not n.words:
            return False
        return (
            (word in ("first", "second") and not self._ranks(n))
            or bool(_CAPITALISED_AFTER.match(self.text, n.end))
            or bool(_ARTICLE_BEFORE.search(self.text, max(0, n.start - 4), n.start))
        )

    def _alone(self, n: Number) -> bool:
        """Whether ``n`` is all its sentence says ("Half.", a reply)."""
        return bool(
            _SENTENCE_START.search(self.text, max(0, n.start - 3), n.start)
            and _ALONE_AFTER.match(self.text, n.end)
        )

    def _ranks(self, n: Number) -> bool:
        """ "first" or "second" that ranks: after "the" or a possessive ("the first time", "its
        second quarter"), or a placing ("came second", "finished first")."""
        before = self.text[max(0, n.start - 16) : n.start]
        if self.text.startswith("-", n.end):
            return False  # a compound: "the second-half goal", "first-time buyers"
        return bool(
            _RANK_DETERMINER.search(before)
            or (_PLACED.search(before) and not _SECOND_OF_TIME.match(self.text, n.end))
        )

    def _skip_words(self, n: Number) -> bool:
        """Words that look like numbers but are not: the pronoun "one" ("no one", "one of the",
        "the one who") and numbers inside names ("Formula One", "the Six Nations")."""
        text = self.text
        if (
            n.value == 1
            and text[n.start : n.end].lower() == "one"
            and not _LIST_GOES_ON.match(text, n.end)
        ):
            before = text[max(0, n.start - 12) : n.start]
            if _ONE_BEFORE.search(before) or _ONE_AFTER.match(text, n.end):
                return True
        return text[n.start].isupper() and not _SENTENCE_START.search(
            text, max(0, n.start - 3), n.start
        )

    def _in_name(self, start: int, end: int) -> bool:
        """A number between two capitalised words is part of a name ("BBC 6 Music")."""
        if not _CAPITALISED_AFTER.match(self.text, end):
            return False
        before = _CAPITALISED_BEFORE.search(self.text, max(0, start - 30), start)
        return before is not None and not _SENTENCE_START.search(
            self.text, max(0, before.start() - 3), before.start()
        )

    def ratio(self, c: Candidate, b_index: int) -> Candidate | None:
        """ "one in five", "1 in 5", "three out of four": a part, kind "fraction"."""
        b = self.numbers[b_index]
        written = self.text[b.start : b.end]
        if (
            c.kind != "count"
            or c.unit
            or b.form != "cardinal"
            or not b.value
            or (c.value is None or c.value >= b.value or (b.value > 100 and "," not in written))
        ):
            return None
        return Candidate(c.start, b.end, "fraction", tidy(c.value / b.value))

    def qualify(self, c: Candidate) -> Candidate:
        """ "more than 300": the qualifier joins the span and sets the bounds."""
        found = _qualifier_before(self.text, c.start)
        if not found or c.value is None or c.kind in ("year", "ordinal"):
            return c
        q, q_start = found
        v = c.value
        step = 1 if isinstance(v, int) and c.kind == "count" else 0
        if q in _LOW_EXCLUSIVE:
            c.low = v + step
        elif q in _LOW_INCLUSIVE:
            c.low = v
        elif q in _HIGH_INCLUSIVE:
            c.high = v
        elif q in _HIGH_EXCLUSIVE:
            c.high = v - step
        c.start = q_start
        if c.kind in ("count", "fraction"):
            c.kind = "approximate"
        return c

    def join(self, a: Candidate, b_index: int, sep: re.Match[str]) -> Candidate | None:
        """A range ("10-15", "between 10 and 15", "£10-15m") or a score ("won 3-1") made of
        amount ``a`` and the number at ``b_index``; None when the two stand apart."""
        money = a.unit if a.kind == "money" else None
        b = self.amount(self.numbers[b_index], inherited=money)
        if b is None or a.value is None or b.value is None or a.kind == "ordinal":
            return None
        joint = sep.group().strip(" \t$£€").replace("US", "")
        if joint == "and" and not _BETWEEN.search(self.text, max(0, a.start - 10), a.start):
            return None
        if a.kind == "year" and b.kind in ("count", "year") and isinstance(b.value, int):
            return self._years(a, b)
        if a.unit and a.unit != b.unit:
            return None  # "24 weeks to 20", "3.6% to 14,800", "44 ml to 50 mg"
        low, high = a.value, b.value
        b_raw = self.numbers[b_index].value
        if b.value != b_raw and a.value < b_raw:
            low = tidy(a.value * (b.value / b_raw))  # "10-15 million", "£2-3bn"
        elif (
            isinstance(low, int)
            and low < 1000 <= low * 1000 < high
            and (
                self.text[self.numbers[b_index].start : self.numbers[b_index].end].endswith(",000")
            )
        ):
            low *= 1000  # "$50-100,000"
        dash = joint in "-–—"
        plain = a.kind == b.kind == "count" and not a.unit and not b.unit
        if (
            plain
            and dash
            and isinstance(low, int)
            and isinstance(high, int)
            and (
                low >= high
                or _SCORE_CONTEXT.search(self.text, max(0, a.start - 30), a.start)
                or _SCORE_NEIGHBOUR_AFTER.match(self.text, b.end)
                or _SCORE_NEIGHBOUR_BEFORE.search(self.text, max(0, a.start - 12), a.start)
            )
        ):
            return Candidate(a.start, b.end, "score")
        if low >= high and dash:
            return None
        if joint == "to" and _CHANGE_BEFORE.search(self.text, max(0, a.start - 80), a.start):
            return None
        start = a.start
        if joint == "and":
            between = _BETWEEN.search(self.text, max(0, a.start - 10), a.start)
            start = between.start() if between is not None else start
        return Candidate(start, b.end, "range", None, min(low, high), max(low, high), unit=b.unit)

    @staticmethod
    def _years(a: Candidate, b: Candidate) -> Candidate | None:
        first, second = int(a.value or 0), int(b.value or 0)
        if second < 100:
            century = first - first % 100
            second = century + second if century + second > first else century + 100 + second
        if not first < second <= first + 20:
            return None
        return Candidate(a.start, b.end, "year", None, first, second)


def find_amounts(text: str, edges: Sequence[int] | None = None) -> list[Candidate]:
    """Every amount, range, score, ordinal and year in ``text`` written in digits or words
    (``edges``: the text's ``digit_edges``, when already known)."""
    numbers = sorted(
        find_digit_numbers(text, edges) + find_word_numbers(text), key=lambda n: n.start
    )
    builder = _Builder(text, numbers)
    found: list[Candidate] = []
    skip_until = -1
    for i, n in enumerate(numbers):
        if n.start < skip_until:
            continue
        c = builder.amount(n)
        if c is None:
            continue
        sep = _RANGE_SEP.match(text, c.end)
        if sep and (j := builder.by_start.get(sep.end())) is not None and j > i:
            joined = builder.join(c, j, sep)
            if joined is not None:
                c = joined
        elif (sep := _IN_EVERY.match(text, c.end)) and (
            j := builder.by_start.get(sep.end())
        ) is not None:
            c = builder.ratio(c, j) or c
        found.append(builder.qualify(c))
        skip_until = c.end
    return found
