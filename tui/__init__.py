"""closeread: a terminal reader for news articles.

For programs (a Ray task, a Spark UDF, a notebook), one function gives the analysis as plain
data: ``from tui import analyze_text``. Importing ``tui`` loads nothing else; the analysis
modules load on the first call.
"""

from __future__ import annotations

from datetime import date as _date
from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "analyze_text"]


def analyze_text(text: str, date: _date | str | None = None) -> dict[str, Any]:
    """Analyse an article given as a string and return the ``closeread/analysis@1`` record:
    what ``closeread analyze - --json [--date DATE]`` prints for the same text, without the
    input's name (``"path"``), which a caller knows. HTML and Markdown are extracted as a
    page is. ``date`` (a ``date`` or ``"YYYY-MM-DD"``) is the day weekdays and "yesterday"
    resolve against, like ``--date``.

    A pure function of its arguments: the same text gives the same record in any process.
    Raises ``ValueError`` for a date that is not ISO, and ``tui.source.LoadError`` for text
    that looks like a binary file (NUL bytes or a known file signature)."""
    from .analysis.pipeline import analyze
    from .analysis.serialize import to_dict
    from .batch.work import source_from_text

    reference = _date.fromisoformat(date) if isinstance(date, str) else date
    return to_dict(analyze(source_from_text(text), reference=reference))
