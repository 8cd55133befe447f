"""Which figures count the dead, the hurt and the held: the counts that sourcing, repeats and
contradictions are checked for. Figures describe what they count as "noun ... verb"."""

from __future__ import annotations

import re

_HARMED = re.compile(
    r"(?:(?:were|was|had\s+been|have\s+been|has\s+been|are|is|being)\s+)?(?:\w+ly\s+)?"
    r"(?:killed|died|injured|wounded|hurt|murdered|arrested|detained)\b",
)
_HARM_NOUN = re.compile(r"(?:deaths|casualties|dead|fatalities)")


def is_casualty(counts: str) -> bool:
    """Whether a figure's description counts casualties or arrests: its verb says so ("people
    ... were killed") or its noun does ("deaths")."""
    noun, _, verb = counts.partition(" ... ")
    return bool(_HARMED.match(verb) if verb else _HARM_NOUN.fullmatch(noun))
