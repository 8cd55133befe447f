"""Photo credits: "Photograph: Name/Agency", "(AP Photo/Name)", "TASS photo by Name", "(Photo
courtesy of Name/Getty Images)", "Name/Getty Images", "Picture: Agency", "Picture: Name Source:
Agency", "Image copyright Agency", and a labelled credit at the end of an image's alt text
("Flooded street Photo: Reuters").

Credits in brackets or with an agency after a slash are unmistakable wherever they stand. The
looser forms ("X photo by Name", "Picture: Agency") count only as the tail of a paragraph that
starts at a sentence edge, where body text never has them. A short paragraph that ends in a credit
is that photo's caption, and leaves the body with it.
"""

from __future__ import annotations

import re

from ..segment import sentence_starts, stops
from .draft import Block, Draft

_WORD = r"[A-Z][\w'’&-]*\.?"
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|de|van|von|der|den|da|di|du|la|le|al|bin|y)){{0,5}}"
_PATH = rf"{_NAME}(?:\s*/\s*{_NAME}){{0,4}}"
_KEYWORD = r"(?i:photo(?:graph)?s?|pictures?|images?|pics?)"
_AGENCY = (
    r"(?:(?:/\s*)?(?:Getty\s+Images|Shutterstock|Alamy)|/\s*(?:AFP|AP|EPA|Reuters|PA|Bloomberg|Sipa|Xinhua|TASS"
    r"|Anadolu|Pool|Handout))"
)
_BRACKETED = (
    rf"\((?:{_WORD}\s+){{0,2}}{_KEYWORD}\s*(?:/|:|(?i:by|courtesy\s+of|credit:?)\s)[^()\n]{{1,120}}\)"
    rf"|\([^()\n]{{0,80}}{_AGENCY}[^()\n]{{0,20}}\)"
)
_LABELLED = rf"{_KEYWORD}\s*:\s*{_NAME}\s*/\s*{_PATH}"
_TAIL_ONLY = (
    rf"{_KEYWORD}\s*:\s*{_PATH}\s+(?i:source)\s*:\s*{_PATH}"
    rf"|(?:[A-Z][\w&-]*\s+){{0,3}}{_KEYWORD}\s+(?i:by)\s+{_PATH}"
    rf"|(?:{_KEYWORD}|(?i:credit|image\s+source))\s*:\s*{_PATH}"
    rf"|(?i:(?:image\s+)?copyright)\s+{_PATH}"
    rf"|(?:{_PATH}\s*)?{_AGENCY}"
)
_ANYWHERE = re.compile(rf"\s?(?:{_BRACKETED}|{_LABELLED})")
_TAIL = re.compile(rf"(?:(?:{_BRACKETED}|{_LABELLED}|{_TAIL_ONLY})[\s.,;…]*)+$")
_CAPTION_WORDS = 50
_ALT_WORDS = 16
_WORD_START = re.compile(r"(?<=\s)\S")
_MARKED = re.compile(r"/|\(|(?i:photo|picture|image|pic|copyright|credit)")
"""What makes a credit in an alt text unmistakable: a title that ends "... Getty Images" is
no credit, "Name/Getty Images" and "Photo: Reuters" are."""
_HINTS = ("/", "pic", "photo", "image", "credit", "copyright", "getty", "shutterstock", "alamy")


def _tail(text: str) -> int | None:
    """Where the credit that ends ``text`` starts, if it does end in one. A credit starts at a
    sentence's edge, or, in a short line with no sentence edge (an image's alt text, "Flooded
    street Photo: Reuters"), at any word, when it holds a slash, a bracket or a label."""
    for start in stops(text):
        if _TAIL.match(text, start):
            return start
    if len(stops(text)) > 1 or len(text.split(maxsplit=_ALT_WORDS)) > _ALT_WORDS:
        return None
    for m in _WORD_START.finditer(text, 1):
        if (tail := _TAIL.match(text, m.start())) and _MARKED.search(tail.group()):
            return m.start()
    return None


def _lift_tail(block: Block) -> None:
    start = _tail(block.text)
    if start is None:
        return
    block.replace(start, len(block.text), "", "credit", "photo credit")
    if block.text.endswith(" "):
        end = len(block.text)
        block.replace(end - 1, end, "", "whitespace", "space before a credit")
    caption = block.text.rstrip()
    if caption and len(caption.split()) <= _CAPTION_WORDS and len(sentence_starts(caption)) <= 2:
        block.replace(0, len(block.text), "", "caption", "photo caption (ends in a photo credit)")


def lift_credits(draft: Draft) -> None:
    for block in draft.blocks:
        lowered = block.text.lower()
        if not any(hint in lowered for hint in _HINTS):
            continue
        _lift_tail(block)
        text = block.text
        if "(" not in text and not ("/" in text and ":" in text):
            continue  # what _ANYWHERE needs: a bracket, or a colon and a slash
        for m in reversed(list(_ANYWHERE.finditer(text))):
            block.replace(m.start(), m.end(), "", "credit", "photo credit")
