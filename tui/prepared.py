"""What the reader builds from an analysis before showing it: the sidebar sections that depend
on the analysis alone, and the indexes the keys look mentions and edits up in.

At 5 MB these take about a quarter of a second. Built in the analysis worker, next to the
analysis itself, they cost the UI thread nothing; only the sections the reader's notes change
(Notes, Flags) are built when the analysis is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from .analysis.model import Analysis
from .outline import Item, Section, section
from .spanindex import SpanIndex

ANALYSIS_SECTIONS = ("Entities", "Figures", "Edits")
"""The sections no note, dismissal or tag filter changes."""


class Prepared(NamedTuple):
    analysis: Analysis
    sections: Mapping[str, Section]
    mentions: SpanIndex[Item]
    edits: SpanIndex[Item]


def prepare(analysis: Analysis) -> Prepared:
    sections = {name: section(name, analysis) for name in ANALYSIS_SECTIONS}
    items = [item for s in sections.values() for g in s.groups for item in g.items]
    return Prepared(
        analysis,
        sections,
        SpanIndex((span, i) for i in items if i.kind == "entity" for span in i.spans),
        SpanIndex((i.original[0], i) for i in items if i.kind == "edit"),
    )
