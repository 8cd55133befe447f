"""The short text summary of one analysis (``closeread analyze`` without --json)."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..analysis import Analysis
from ..analysis.model import SEVERITIES
from ..outline import KIND_WORDS
from ..safe_text import one_line, plain
from ..wording import plural


def write_summary(analysis: Analysis, name: str, out: TextIO) -> None:
    """A short human report: counts, the most mentioned entities, the flags."""
    words = len(analysis.text.split())
    edits = Counter(e.kind for e in analysis.edits if e.kind != "whitespace")
    severities = Counter(f.severity for f in analysis.flags)
    shown = "stdin" if name == "-" else name
    lines = [
        f"{one_line(shown, 200)} ({analysis.source.format}): {words:,} words, "
        f"{len(analysis.paragraphs)} paragraphs"
        + (f", title: {one_line(analysis.title, 120)}" if analysis.title else ""),
    ]
    if edits:
        lines.append("  edits: " + ", ".join(f"{n} {kind}" for kind, n in edits.most_common()))
    if analysis.reference_date:
        ref = analysis.reference_date
        lines.append(f"  dates resolved against {ref.date.isoformat()} ({ref.kind})")
    top = sorted(analysis.entities, key=lambda e: -len(e.shown_mentions()))[:8]
    lines.append(
        f"  entities: {len(analysis.entities)}"
        + (
            ": "
            + "; ".join(
                f"{one_line(e.name, 60)} ({_kind(e.kind)}, {len(e.shown_mentions())})" for e in top
            )
            if top
            else ""
        )
    )
    lines.append(f"  figures: {len(analysis.figures)}")
    lines.append(
        f"  flags: {len(analysis.flags)}"
        + (
            " (" + ", ".join(plural(severities[s], s) for s in SEVERITIES if severities[s]) + ")"
            if analysis.flags
            else ""
        )
    )
    for flag in analysis.flags:
        lines.append(f"    {flag.severity:<7} {flag.rule}: {one_line(flag.message, 160)}")
    out.write(plain("\n".join(lines)) + "\n")


def _kind(kind: str) -> str:
    """An entity kind as the sidebar spells it ("organisation")."""
    return KIND_WORDS.get(kind, kind)
