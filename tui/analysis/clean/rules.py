"""The ordered registry of cleaning rules, each switched off by its name.

Edit rules change the draft, in this order: whitespace first, so the others read single spaces;
debris before captions and credits, so a tag cannot hide one; removals of whole paragraphs before
the duplicate search, so a repeated caption is a caption. Check rules read the cleaned text and
only raise flags. A rule that raises flags is named after its flag's rule id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..model import Flag
from .assemble import Assembled
from .boilerplate import drop_boilerplate
from .captions import lift_captions
from .credits import lift_credits
from .debris import remove_debris
from .draft import Draft
from .duplicates import drop_duplicates, drop_near_duplicates
from .restatements import flag_restatements
from .truncation import flag_missing_end_punctuation, flag_truncated_text
from .whitespace import fold_whitespace


class EditRule(NamedTuple):
    """A rule that changes the draft."""

    name: str
    apply: Callable[[Draft], None]


class CheckRule(NamedTuple):
    """A rule that reads the cleaned text and raises flags."""

    name: str
    check: Callable[[Assembled], list[Flag]]


EDIT_RULES: tuple[EditRule, ...] = (
    EditRule("whitespace", fold_whitespace),
    EditRule("markup-debris", remove_debris),
    EditRule("credits", lift_credits),
    EditRule("captions", lift_captions),
    EditRule("boilerplate", drop_boilerplate),
    EditRule("duplicate-paragraph", drop_duplicates),
    EditRule("near-duplicate", drop_near_duplicates),
)
CHECK_RULES: tuple[CheckRule, ...] = (
    CheckRule("possible-restatement", flag_restatements),
    CheckRule("truncated-text", flag_truncated_text),
    CheckRule("missing-end-punctuation", flag_missing_end_punctuation),
)
RULE_NAMES: tuple[str, ...] = (*(r.name for r in EDIT_RULES), *(r.name for r in CHECK_RULES))
