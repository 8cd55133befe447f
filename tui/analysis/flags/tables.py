"""The shipped tables the rules read, loaded once on first use from ``tui/analysis/data``.

Lines starting with ``#`` are comments (each table says where its rows come from there).
"""

from __future__ import annotations

from ..compact import DATA


def rows(filename: str) -> list[list[str]]:
    """The tab-separated rows of a shipped table, without comments or blank lines."""
    data = (DATA / filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in data.splitlines() if line and not line.startswith("#")]
