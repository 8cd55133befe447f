"""Boilerplate: page furniture and links that point nowhere once the page is gone.

Only a whole, short paragraph counts ("More information can be found here.", "Read more: ...",
"Advertisement", "Share this article", a byline with share buttons "By Staff Reporter | Share"):
the same words inside a sentence of the story are
the story's.
"""

from __future__ import annotations

import re

from .draft import Draft

_MAX_WORDS = 16
_PATTERNS = (
    r"(?:for )?(?:more|further|full) (?:information|details|info|coverage)\b.{0,60}\bhere[.!:]?",
    r"(?:please )?click here\b.{0,80}",
    r"(?:read|see|find out|learn) more(?: here| below)?[.!:]?(?: .{0,100})?",
    r"(?:also read|related|recommended|more on this (?:story|topic)|related (?:articles|stories|"
    r"coverage|content)|most read|you may also like|top stories)[.:!]?(?: .{0,100})?",
    r"watch(?: the| our| this)?(?: full)? (?:video|clip|report)s?\b.{0,60}",
    r"(?:advertisement|advert|sponsored(?: content)?|story continues(?: below)?(?: advertisement)?"
    r"|continue reading(?: below| the main story)?|scroll (?:down )?to continue.{0,30})[.:]?",
    r"share (?:this|the) (?:article|story|page)\b.{0,40}|share (?:on|via) \w+.{0,40}"
    r"|share this[.:]?|click to share.{0,40}",
    r"(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b.{0,60}",
    r"by (?-i:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})(?:[ \t]*[|•·]?[ \t]*(?:share|tweet|"
    r"comments?|e-?mail|print|save)(?: this(?: article| story| page)?)?)+[.:]?",
    r"follow (?:us|@\w+) on (?:twitter|facebook|instagram|x|threads)\b.{0,60}",
    r"(?:©|copyright ©?\s*\d{4}).{0,80}|.{0,80}\ball rights reserved\.?",
)
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


def drop_boilerplate(draft: Draft) -> None:
    for block in draft.blocks:
        text = block.text
        short = len(text.split(maxsplit=_MAX_WORDS)) <= _MAX_WORDS  # stops at one word too many
        if text and short and _BOILERPLATE.fullmatch(text):
            block.remove("boilerplate", "page boilerplate, not part of the story")
