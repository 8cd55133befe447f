"""Photo captions written as datelines: a date and a place in capitals, then what the photo shows.

"5th of January, 2022, at ALMATY, KAZAKHSTAN A burning automobile ..." and Getty's "ALMATY,
KAZAKHSTAN - JANUARY 5: A burning automobile ..." open a caption, never a paragraph of body text
(an article's own dateline, "LONDON (Reuters) -", has no date-then-colon). The caption runs to
the paragraph's end, or to the sentence that starts in lower case: there a scraper glued body text
on, and that text stays.
"""

from __future__ import annotations

import re

from ..segment import stops
from .draft import Draft

_MONTH = (
    r"(?i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}(?i:st|nd|rd|th)?"
_DATE = rf"(?:{_DAY}(?:\s+of)?\s+{_MONTH}|{_MONTH}\s+{_DAY})(?:,?\s+\d{{4}})?"
_PLACE = r"[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+)*"
_PLACES = rf"(?=[^a-z]*[A-Z]{{3}}){_PLACE}(?:,\s*{_PLACE})*"
_DATELINE = re.compile(
    rf"{_DATE},?\s+(?:(?:at|in)\s+)?{_PLACES}\s*[-–—:,]?\s+(?=[A-Z\"“‘'])"
    rf"|{_PLACES}\s*[-–—]\s*{_DATE}\s*:\s*(?=\S)"
)
_LABELLED = re.compile(r"(?:Image|Photo|Media)\s+caption\b")


def lift_captions(draft: Draft) -> None:
    for block in draft.blocks:
        text = block.text
        if _LABELLED.match(text):
            block.remove("caption", "photo caption (labelled)")
            continue
        if not _DATELINE.match(text):
            continue
        end = next((s for s in stops(text)[1:] if text[s].islower()), len(text))
        block.replace(0, end, "", "caption", "photo caption (dateline: date and place in capitals)")
