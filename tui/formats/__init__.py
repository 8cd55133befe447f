"""Formats: HTML and Markdown sources reduced to the plain article text the analysis reads.

Each format module offers a cheap ``looks_like_*`` content check (for files whose suffix says
nothing) and an ``extract_*`` function that never raises, so a malformed file still opens.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Extracted(NamedTuple):
    """An article's text (one paragraph a line) with the title and date its markup declared."""

    text: str
    title: str | None = None
    date: date | None = None
