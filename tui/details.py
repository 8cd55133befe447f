"""What the detail view says of one sidebar item, in full: for a flag its rule, message, reason,
the rule's source and every place with its sentence; for an entity its kind, aliases, every
mention with its sentence and the reader's corrections; for a figure its value, unit, what it
counts, its source and how a date was resolved. Plain data (titled lines), no Textual: the
screen shows each line as text, never as markup."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .analysis.model import Analysis, Correction, Span
from .outline import KIND_WORDS, Item, figure_value
from .wording import quoted

if TYPE_CHECKING:
    from .notes.model import Note

Lines = list[tuple[str, str]]
"""(label, text) rows; an empty label continues the row above, a label alone heads a part."""
PLACES_SHOWN = 60
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")


def describe(
    item: Item,
    analysis: Analysis,
    dismissed: Mapping[str, Note] | None = None,
    corrections: Sequence[Correction] = (),
) -> tuple[str, Lines]:
    """The title and the rows of ``item``'s details."""
    if item.kind == "flag":
        return _flag(item, analysis, dismissed or {})
    if item.kind == "entity":
        return _entity(item, analysis, corrections)
    if item.kind == "figure":
        return _figure(item, analysis)
    return item.name or item.label, [("", item.status), *_places(item, analysis.text, analysis)]


_index: tuple[Analysis | None, dict[str, Any]] = (None, {})
"""The flags, entities and figures of the last analysis described, by id: a detail pane that
follows ``n`` through 100,000 figures looks each up at once, not by a walk through them all."""


def _found(analysis: Analysis, key: str) -> Any:
    global _index
    if _index[0] is not analysis:
        found: dict[str, Any] = {}
        for things in (analysis.flags, analysis.entities, analysis.figures):
            found.update((thing.id, thing) for thing in things)
        _index = (analysis, found)
    return _index[1].get(key)


def sentence_of(text: str, span: Span, paragraphs: Sequence[Span]) -> str:
    """The sentence (within its paragraph) around ``span``; a span across sentences gets them
    all."""
    a, b = span
    found = bisect_right(paragraphs, (a, len(text) + 1)) - 1  # the last starting at or before a
    start, end = paragraphs[found] if found >= 0 and paragraphs[found][1] >= a else (0, len(text))
    chunk = text[start:end]
    begin, finish = 0, len(chunk)
    for match in _SENTENCE_END.finditer(chunk):
        if match.end() <= a - start:
            begin = match.end()
        elif match.start() >= b - start:
            finish = match.end()
            break
    return " ".join(chunk[begin:finish].split())


def _flag(item: Item, analysis: Analysis, dismissed: Mapping[str, Note]) -> tuple[str, Lines]:
    from .analysis.flags import RULES

    flag = _found(analysis, item.key)
    if flag is None:
        return item.name, [("", item.status)]
    rule = next((r for r in RULES if r.id == flag.rule), None)
    lines: Lines = [
        ("Flag", f"{flag.severity}, rule {flag.rule}" + (f" ({rule.family})" if rule else "")),
        ("Message", flag.message),
    ]
    if flag.reason:
        lines.append(("Why", flag.reason))
    if rule is not None and rule.reason and rule.reason != flag.reason:
        lines.append(("Source", rule.reason))
    note = dismissed.get(flag.id)
    if note is not None:
        lines.append(("Dismissed", note.reason or "no reason given"))
    lines += _places(item, analysis.text, analysis)
    lines.append(("Keys", "x dismisses (or restores) it · n/N the next or previous place"))
    return f"{flag.rule}: {flag.message}", lines


def _entity(item: Item, analysis: Analysis, corrections: Sequence[Correction]) -> tuple[str, Lines]:
    entity = _found(analysis, item.key)
    if entity is None:
        return item.name, [("", item.status)]
    lines: Lines = [("Kind", KIND_WORDS.get(entity.kind, entity.kind))]
    lines.append(("Also called", ", ".join(entity.aliases) if entity.aliases else "—"))
    names = {entity.name, *entity.aliases}
    fixes = [c for c in corrections if c.entity in names or c.value in names]
    for c in fixes:
        from .report import correction_text

        lines.append(("Corrected", correction_text(c)))
    lines += _places(item, analysis.text, analysis)
    lines.append(("Keys", "x corrects it (rename, kind, merge, split, hide) · n/N next mention"))
    return entity.name, lines


def _figure(item: Item, analysis: Analysis) -> tuple[str, Lines]:
    figure = _found(analysis, item.key)
    if figure is None:
        return item.name or item.label, [("", item.status), *_places(item, analysis.text, analysis)]
    lines: Lines = [("Value", figure_value(figure)), ("Kind", figure.kind)]
    if figure.unit:
        lines.append(("Unit", figure.unit))
    if figure.counts:
        lines.append(("Counts", figure.counts))
    if figure.source:
        lines.append(("Source", figure.source))
    if figure.date is not None:
        ref = analysis.reference_date
        if figure.kind == "relative-date" and ref is not None:
            how = (
                f"{figure.date:%A %d %B %Y}: {quoted(figure.text)} counted from "
                f"{ref.date:%A %d %B %Y}, the reference date ({ref.kind}: “{ref.text}”); "
                "D sets another reference date"
            )
        else:
            how = f"{figure.date:%A %d %B %Y}, as written"
        lines.append(("Date", how))
    lines += _places(item, analysis.text, analysis)
    return figure.text, lines


def _places(item: Item, text: str, analysis: Analysis) -> Lines:
    """Every place of ``item`` with its sentence (the first ``PLACES_SHOWN``)."""
    lines: Lines = []
    spans = item.spans
    if not spans:
        return lines
    lines.append((f"Places ({len(spans)})", ""))
    for n, (a, b) in enumerate(spans[:PLACES_SHOWN], 1):
        if a == b and item.original:
            c, d = item.original[n - 1]
            copy = " ".join(analysis.source.text[c:d].split())
            lines.append((f"{n}.", f"the removed copy, in the original: “{copy}”"))
            continue
        sentence = sentence_of(text, (a, b), analysis.paragraphs)
        lines.append((f"{n}.", quoted(text[a:b]) + (f" in: {sentence}" if sentence else "")))
    if len(spans) > PLACES_SHOWN:
        lines.append(("", f"and {len(spans) - PLACES_SHOWN} more (n/N walks them all)"))
    return lines
