"""A review report in Markdown for an editor: flags by severity with their quotes and reasons,
the figures ledger, the entities and what cleaning changed."""

from __future__ import annotations

from .analysis.model import Analysis
from .outline import figure_value
from .safe_text import one_line

_TITLES = (("error", "Errors"), ("warning", "Warnings"), ("info", "Notes"))
QUOTE_LIMIT = 240


def markdown_report(analysis: Analysis, name: str) -> str:
    """The whole report; article text is quoted with controls made visible, never as markup."""
    text = analysis.text
    lines = [f"# Review: {_cell(analysis.title or name)}", ""]
    words = len(text.split())
    lines.append(
        f"Source: `{_cell(name)}` ({analysis.source.format}), {words:,} words, "
        f"{len(analysis.paragraphs)} paragraphs."
    )
    if analysis.reference_date:
        ref = analysis.reference_date
        lines.append(
            f"Relative dates resolved against {ref.date.isoformat()} "
            f"({ref.kind}: “{_cell(ref.text)}”)."
        )
    lines += ["", f"## Flags ({len(analysis.flags)})", ""]
    if not analysis.flags:
        lines.append("Nothing flagged.")
    for severity, title in _TITLES:
        flags = sorted(
            (f for f in analysis.flags if f.severity == severity),
            key=lambda f: (f.spans[0] if f.spans else (-1, -1), f.rule),
        )
        if not flags:
            continue
        lines += [f"### {title} ({len(flags)})", ""]
        for flag in flags:
            lines.append(f"- **{flag.rule}**: {_cell(flag.message)}")
            for a, b in flag.spans[:3]:
                if b > a:
                    lines.append(f"  > {_cell(one_line(text[a:b], QUOTE_LIMIT))}")
            if flag.reason:
                lines.append(f"  *Why:* {_cell(flag.reason)}")
        lines.append("")
    lines += [f"## Figures ({len(analysis.figures)})", ""]
    if analysis.figures:
        lines += ["| figure | value | kind | counts | source |", "|---|---|---|---|---|"]
        for f in analysis.figures:
            where = "" if f.span else " (caption)"
            lines.append(
                f"| {_cell(f.text)}{where} | {_cell(figure_value(f))} | {f.kind} | "
                f"{_cell(f.counts or '')} | {_cell(f.source or '')} |"
            )
    lines += ["", f"## Entities ({len(analysis.entities)})", ""]
    if analysis.entities:
        lines += ["| name | kind | mentions | also |", "|---|---|---|---|"]
        for e in sorted(analysis.entities, key=lambda e: (-len(e.mentions), e.name)):
            lines.append(
                f"| {_cell(e.name)} | {e.kind} | {len(e.mentions)} | "
                f"{_cell(', '.join(e.aliases))} |"
            )
    edits = [e for e in analysis.edits if e.kind != "whitespace"]
    lines += ["", f"## Removed or repaired by cleaning ({len(edits)})", ""]
    for edit in edits:
        lines.append(f"- {edit.kind}: {_cell(edit.reason)}")
        lines.append(f"  > {_cell(one_line(edit.text.strip(), QUOTE_LIMIT))}")
    return "\n".join(lines).rstrip() + "\n"


def _cell(value: str) -> str:
    """Text safe inside a Markdown line or table cell."""
    return one_line(value).replace("|", "\\|")
