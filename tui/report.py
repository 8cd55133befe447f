"""The review document an editor reads: the analysis (flags by severity with their quotes and
reasons, the figures ledger, the entities, what cleaning changed) and, for a finished review,
what the reader did with it (flags dismissed and why, entity corrections, notes and highlights
in reading order). Markdown that reads well rendered, or JSON for programs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .analysis.model import SEVERITY, Analysis, Correction, Flag
from .outline import KIND_WORDS, figure_value
from .safe_text import one_line
from .wording import plural

if TYPE_CHECKING:
    from .notes.model import Note, Placed

QUOTE_LIMIT = 240
SHOWN_KINDS = ("note", "highlight", "bookmark")
REVIEW_SCHEMA = "closeread/review@1"


class Review(NamedTuple):
    """What the reader did with an article: dismissed flags by id, entity corrections, and the
    notes, highlights and bookmarks placed on the text analysed."""

    dismissed: Mapping[str, Note]
    corrections: Sequence[Correction]
    notes: Sequence[Placed]


def review_of(placed: Sequence[Placed]) -> Review:
    """The review held in an article's placed notes (as the store and the reader keep them)."""
    return Review(
        {p.note.flag_id: p.note for p in placed if p.note.kind == "dismissal" and p.note.flag_id},
        [p.note.correction for p in placed if p.note.correction is not None],
        [p for p in placed if p.note.kind in SHOWN_KINDS],
    )


def markdown_report(analysis: Analysis, name: str, review: Review | None = None) -> str:
    """The whole document; article text is quoted with controls made visible, never as markup.
    Each quote is a blockquote of its own and a flag's reason stands outside them, so a
    renderer never runs them together."""
    text = analysis.text
    lines = [f"# Review: {_cell(analysis.title or name)}", ""]
    words = len(text.split())
    lines.append(
        f"Source: `{_cell(name)}` ({analysis.source.format}), {plural(words, 'word')}, "
        f"{plural(len(analysis.paragraphs), 'paragraph')}."
    )
    if analysis.reference_date:
        ref = analysis.reference_date
        lines.append(
            f"Relative dates resolved against {ref.date.isoformat()} "
            f"({ref.kind}: “{_cell(ref.text)}”)."
        )
    dismissed = review.dismissed if review is not None else {}
    if review is not None:
        lines += ["", _summary(analysis, review)]
    gone = sum(1 for f in analysis.flags if f.id in dismissed)
    lines += ["", f"## Flags ({_count(len(analysis.flags), gone)})", ""]
    if not analysis.flags:
        lines += ["Nothing flagged.", ""]
    for severity, style in SEVERITY.items():
        title = style.group
        flags = sorted(
            (f for f in analysis.flags if f.severity == severity),
            key=lambda f: (f.spans[0] if f.spans else (-1, -1), f.rule),
        )
        if not flags:
            continue
        lines += [f"### {title} ({_count(len(flags), sum(f.id in dismissed for f in flags))})", ""]
        for flag in flags:
            lines += _flag_lines(flag, text, dismissed.get(flag.id))
    if review is not None:
        lines += _corrections_lines(review.corrections)
        lines += _notes_lines(review.notes)
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
        for e in sorted(analysis.entities, key=lambda e: (-len(e.shown_mentions()), e.name)):
            lines.append(
                f"| {_cell(e.name)} | {KIND_WORDS.get(e.kind, e.kind)} | "
                f"{len(e.shown_mentions())} | "
                f"{_cell(', '.join(e.aliases))} |"
            )
    edits = [e for e in analysis.edits if e.kind != "whitespace"]
    lines += ["", f"## Removed or repaired by cleaning ({len(edits)})", ""]
    for edit in edits:
        lines += [f"- {edit.kind}: {_cell(edit.reason)}", ""]
        lines += [f"  > {_cell(one_line(edit.text.strip(), QUOTE_LIMIT))}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _count(total: int, dismissed: int) -> str:
    return f"{total}, {dismissed} dismissed" if dismissed else f"{total}"


def _summary(analysis: Analysis, review: Review) -> str:
    kinds = {kind: sum(p.note.kind == kind for p in review.notes) for kind in SHOWN_KINDS}
    changed = sum(p.changed for p in review.notes)
    orphaned = sum(p.span is None for p in review.notes)
    parts = [
        plural(len(analysis.flags), "flag"),
        f"{len(review.dismissed)} dismissed",
        plural(len(review.corrections), "entity correction"),
        plural(kinds["note"], "note"),
        plural(kinds["highlight"], "highlight"),
        plural(kinds["bookmark"], "bookmark"),
    ]
    if changed:
        parts.append(f"{changed} whose quoted words changed")
    if orphaned:
        parts.append(f"{orphaned} orphaned")
    return "This review: " + ", ".join(parts) + "."


def _flag_lines(flag: Flag, text: str, dismissal: Note | None) -> list[str]:
    struck = "~~" if dismissal is not None else ""
    lines = [f"- {struck}**{flag.rule}**: {_cell(flag.message)}{struck}", ""]
    for a, b in flag.spans[:3]:
        if b > a:
            lines += [f"  > {_cell(one_line(text[a:b], QUOTE_LIMIT))}", ""]
    if len(flag.spans) > 3:
        lines += [f"  (and {len(flag.spans) - 3} more places)", ""]
    if flag.reason:
        lines += [f"  *Why:* {_cell(flag.reason)}", ""]
    if dismissal is not None:
        why = _cell(dismissal.reason) if dismissal.reason else "no reason given"
        lines += [f"  *Dismissed* ({dismissal.updated[:10]}): {why}", ""]
    return lines


def _corrections_lines(corrections: Sequence[Correction]) -> list[str]:
    lines = [f"## Entity corrections ({len(corrections)})", ""]
    if not corrections:
        return [*lines, "None.", ""]
    for c in corrections:
        lines.append(f"- {correction_text(c)}")
    return [*lines, ""]


def correction_text(c: Correction) -> str:
    """A correction as a sentence: “merge “Moscow” into “Russia”” and so on."""
    entity, value = _cell(c.entity), _cell(c.value)
    return {
        "merge": f"merge “{value}” into “{entity}”",
        "split": f"split “{value}” off “{entity}”",
        "kind": f"“{entity}” is {_a(KIND_WORDS.get(c.value, value))}",
        "rename": f"rename “{entity}” to “{value}”",
        "hide": f"hide “{entity}”",
    }.get(c.action, f"{c.action} “{entity}” {value}")


def _a(word: str) -> str:
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def _notes_lines(placed: Sequence[Placed]) -> list[str]:
    anchored = sorted((p for p in placed if p.span is not None), key=lambda p: p.span or (0, 0))
    orphans = [p for p in placed if p.span is None and p.note.anchor is not None]
    lines = [f"## Notes and highlights, in reading order ({len(placed)})", ""]
    if not placed:
        return [*lines, "None.", ""]
    for p in anchored:
        lines += _note_lines(p)
    if orphans:
        lines += ["### Orphaned: their words are no longer in the article", ""]
        for p in orphans:
            lines += _note_lines(p)
    return lines


def _note_lines(p: Placed) -> list[str]:
    note = p.note
    label = {
        "note": "Note",
        "highlight": f"Highlight ({note.colour})" if note.colour else "Highlight",
        "bookmark": f"Bookmark '{note.letter}'" if note.letter else "Bookmark",
    }.get(note.kind, note.kind)
    if p.changed:
        label += ", changed: the article no longer reads as quoted"
    lines = [f"- **{_cell(label)}**", ""]
    if note.anchor is not None:
        lines += [f"  > {_cell(one_line(note.anchor.exact, QUOTE_LIMIT))}", ""]
    if p.now is not None:
        lines += ["  The article now reads:", "", f"  > {_cell(one_line(p.now, QUOTE_LIMIT))}", ""]
    for paragraph in note.body.strip().split("\n\n") if note.body.strip() else ():
        lines += [f"  {_cell(paragraph)}", ""]
    if note.tags:
        lines += ["  Tags: " + ", ".join(f"#{_cell(t)}" for t in note.tags), ""]
    return lines


def review_json(analysis: Analysis, name: str, review: Review) -> dict[str, Any]:
    """The review as JSON values: every flag with its dismissal (or null), the corrections,
    and the notes in reading order with their status on the text analysed."""
    text = analysis.text
    ref = analysis.reference_date
    anchored = sorted((p for p in review.notes if p.span), key=lambda p: p.span or (0, 0))
    rest = [p for p in review.notes if not p.span]
    return {
        "schema": REVIEW_SCHEMA,
        "source": {
            "path": name,
            "format": analysis.source.format,
            "sha256": analysis.source.sha256,
        },
        "title": analysis.title,
        "reference_date": {"date": ref.date.isoformat(), "kind": ref.kind, "text": ref.text}
        if ref
        else None,
        "flags": [
            {
                "id": f.id,
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "reason": f.reason,
                "spans": [list(s) for s in f.spans],
                "quotes": [text[a:b] for a, b in f.spans],
                "dismissed": {
                    "reason": review.dismissed[f.id].reason,
                    "when": review.dismissed[f.id].updated,
                }
                if f.id in review.dismissed
                else None,
            }
            for f in analysis.flags
        ],
        "corrections": [
            {"action": c.action, "entity": c.entity, "value": c.value} for c in review.corrections
        ],
        "notes": [
            {
                "id": p.note.id,
                "kind": p.note.kind,
                "status": p.status,
                "quote": p.note.anchor.exact if p.note.anchor else None,
                "now": p.now,
                "span": list(p.span) if p.span else None,
                "body": p.note.body,
                "tags": list(p.note.tags),
                "colour": p.note.colour,
                "letter": p.note.letter,
                "created": p.note.created,
                "updated": p.note.updated,
            }
            for p in [*anchored, *rest]
        ],
    }


def _cell(value: str) -> str:
    """Text safe inside a Markdown line or table cell."""
    return one_line(value).replace("|", "\\|")
