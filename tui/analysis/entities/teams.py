"""Teams in sports copy: a city's or a county's name in a team's slot names the team.

In a sports story "Leeds 2 Porto 1", "Surrey beat Kent", "v Derbyshire" and a standings row
("DETROIT 48 86 .358") name clubs, whatever the place gazetteer says. Only a story that reads
as sports is looked at, so "Frankfurt 3.45" in a markets report stays a place; a country's name
stays a place (a national team is written as its country, as CoNLL-2003 tags it), and so does
a person's surname ("Sampras beat Agassi").
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .mention import SHAPE, TEAM, Mention, is_country

_SPORTS_WORDS = frozenset(
    """
soccer football cricket tennis golf baseball basketball rugby hockey match matches goal goals
scored scorer scorers striker midfielder defender goalkeeper coach league innings wicket wickets
halftime half-time quarter-final quarter-finals quarterfinal quarterfinals semi-final semi-finals
semifinal semifinals seeded pitcher touchdown tournament stadium squad standings championship
fixture fixtures batsman bowler referee penalty penalties division qualifier overs seeding olympic
olympics
""".split()
)
_NOT_WORD = re.compile(r"[^a-z-]+")
_SCORE = re.compile(
    r"(?<![\d.\-/])\d{1,3}-\d{1,3}(?![\d\-/%])|(?<=[A-Za-z][ \t])\d{1,3}[ \t]+\d{1,3}[ \t]+[.\d]"
)
_SPORTS_WORDS_NEEDED = 2
_SLOT_BEFORE = frozenset(
    "v vs versus against beat beats beating defeated defeat edged thrashed routed overcame "
    "downed hosts host hosted visit visits face faces meet meets".split()
)
_HOME_NATIONS = frozenset(
    ["england", "scotland", "wales", "northern ireland", "great britain", "west indies"]
)
_PLAYER_BEFORE = frozenset("b c st lbw".split())
_SLOT_AFTER = frozenset(
    "v vs beat beats drew draw lost lose defeated edged thrashed won".split()
    # the club's people: "Chelsea left-back Wayne Bridge", "Liverpool fans", "Leeds boss"
    + "striker midfielder defender goalkeeper keeper winger left-back right-back full-back".split()
    + "centre-back boss manager fans supporters team-mate teammate chairman".split()
)
_DRAW = frozenset("drew draw drawn tied drawing".split())
_LOSE = frozenset("lost lose losing loses beaten".split())
_WIN = frozenset("win victory won".split())
_WORDS_BEFORE = re.compile(r"([A-Za-z]+)\.?[ \t]+(?:([A-Za-z]+)[ \t]+)?$")
_WORD_AFTER = re.compile(
    r"[ \t]+(?:'s[ \t]+)?([A-Za-z-]+|\d{1,3}(?:-\d{1,3})?)(?=[ \t,;)]|\.(?!\d)|$)"
)
_NOT_A_SCORE = re.compile(
    r"[ \t]+\d[\d-]*[ \t]+(?:percent|per|pct|million|billion|years?|km|miles|metres|points)\b"
)


def is_sports(text: str) -> bool:
    """Whether ``text`` reads as a sports story: two of sport's own words ("innings",
    "striker", "halftime") and a score or a standings row, or six such words. Each word counts
    once, so that "penalties" five times in a bank's settlement is no sport. One split of the
    text into words, not a search for each word: a long text costs one pass."""
    found = len(_SPORTS_WORDS.intersection(_NOT_WORD.split(text.lower())))
    if found >= 3 * _SPORTS_WORDS_NEEDED:
        return True
    return found >= _SPORTS_WORDS_NEEDED and _SCORE.search(text) is not None


def mark_teams(found: list[Mention], text: str, gaz: Gazetteer) -> None:
    """In a sports story, make every mention that stands in a team's slot an organisation of
    subtype team, strongly enough to outvote the gazetteer over the whole story."""
    if not is_sports(text):
        return
    people: set[str] = set()
    for m in found:
        if m.kind == "person" and not m.pending:
            words = m.key.split()
            if len(words) > 1:
                people.update((words[0], words[-1]))
            elif m.strength > SHAPE:
                people.add(m.key)
    for m in found:
        if _may_be_team(m, gaz, people) and _in_slot(text, m.start, m.end):
            m.kind, m.strength, m.subtype, m.pending = "organization", TEAM, "team", False


def _may_be_team(m: Mention, gaz: Gazetteer, surnames: set[str]) -> bool:
    """A name that a team may bear: no country, demonym, event or person's name."""
    if m.demonym or is_country(m.known) or m.key in surnames or m.key in _HOME_NATIONS:
        return False
    if m.pending:
        return " " not in m.key and not m.text.isupper()
    if m.kind is None or m.kind == "organization":
        return True
    if m.kind == "place":
        return m.known is not None or m.strength < SHAPE + 2
    if m.kind == "person" and m.strength == SHAPE:
        return any(word in gaz.names for word in m.key.split())
    return False


def _in_slot(text: str, start: int, end: int) -> bool:
    """Whether a score, a standings row or a verb of the game stands beside the name: "Leeds 2",
    "DETROIT 48 86", "Surrey beat", "v Kent", "drew with Porto", but not a bowler's name in a
    scorecard ("b Croft 23") nor the venue of "KANSAS CITY AT DETROIT"."""
    before = _WORDS_BEFORE.search(text, max(0, start - 24), start)
    last = previous = ""
    if before:
        last = before.group(2) or before.group(1)
        previous = before.group(1) if before.group(2) else ""
        if last in _PLAYER_BEFORE or last == "AT":
            return False
    after = _WORD_AFTER.match(text, end)
    if after:
        word = after.group(1)
        if word[0].isdigit():
            if not _NOT_A_SCORE.match(text, end):
                return True
        elif word.lower() in _SLOT_AFTER or word == "AT":
            return True
    last, previous = last.lower(), previous.lower()
    return (
        last in _SLOT_BEFORE
        or (last == "with" and previous in _DRAW)
        or (last == "to" and previous in _LOSE)
        or (last == "over" and previous in _WIN)
    )
