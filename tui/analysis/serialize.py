"""The JSON contract (``closeread/analysis@1``): an ``Analysis`` to plain data and back."""

from __future__ import annotations

from datetime import date
from typing import Any

from .model import (
    SCHEMA,
    Analysis,
    Edit,
    Entity,
    Figure,
    Flag,
    ReferenceDate,
    Source,
    Span,
)


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """Plain data in the documented order; spans are ``[start, end]`` lists."""
    src = analysis.source
    ref = analysis.reference_date
    return {
        "schema": SCHEMA,
        "source": {
            "path": src.path,
            "format": src.format,
            "sha256": src.sha256,
            "warnings": list(src.warnings),
        },
        "title": analysis.title,
        "date": _iso(analysis.date),
        "reference_date": (
            {"date": ref.date.isoformat(), "kind": ref.kind, "text": ref.text} if ref else None
        ),
        "text": analysis.text,
        "paragraphs": _spans(analysis.paragraphs),
        "edits": [
            {
                "kind": e.kind,
                "original": list(e.original),
                "text": e.text,
                "reason": e.reason,
                "replacement": e.replacement,
            }
            for e in analysis.edits
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "mentions": _spans(e.mentions),
                "demonym_mentions": _spans(e.demonym_mentions),
                "subtype": e.subtype,
                "candidates": list(e.candidates),
            }
            for e in analysis.entities
        ],
        "figures": [
            {
                "id": f.id,
                "text": f.text,
                "kind": f.kind,
                "value": f.value,
                "low": f.low,
                "high": f.high,
                "unit": f.unit,
                "date": _iso(f.date),
                "span": list(f.span) if f.span is not None else None,
                "counts": f.counts,
                "source": f.source,
            }
            for f in analysis.figures
        ],
        "flags": [
            {
                "id": f.id,
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "reason": f.reason,
                "spans": _spans(f.spans),
            }
            for f in analysis.flags
        ],
    }


def from_dict(data: dict[str, Any], source_text: str = "") -> Analysis:
    """Rebuild an ``Analysis`` from ``to_dict`` output (the source text is not in the JSON)."""
    src = data.get("source") or {}
    ref = data.get("reference_date")
    return Analysis(
        source=Source(
            text=source_text,
            format=src.get("format", "text"),
            path=src.get("path"),
            sha256=src.get("sha256", ""),
            warnings=tuple(src.get("warnings", ())),
            title=data.get("title"),
            date=_date(data.get("date")),
        ),
        text=data["text"],
        paragraphs=_tuples(data.get("paragraphs", ())),
        edits=tuple(
            Edit(e["kind"], _span(e["original"]), e["text"], e["reason"], e.get("replacement", ""))
            for e in data.get("edits", ())
        ),
        entities=tuple(
            Entity(
                e["id"],
                e["name"],
                e["kind"],
                tuple(e.get("aliases", ())),
                _tuples(e.get("mentions", ())),
                _tuples(e.get("demonym_mentions", ())),
                e.get("subtype"),
                tuple(e.get("candidates", ())),
            )
            for e in data.get("entities", ())
        ),
        figures=tuple(
            Figure(
                f["id"],
                f["text"],
                f["kind"],
                f.get("value"),
                f.get("low"),
                f.get("high"),
                f.get("unit"),
                _date(f.get("date")),
                _span(f["span"]) if f.get("span") is not None else None,
                f.get("counts"),
                f.get("source"),
            )
            for f in data.get("figures", ())
        ),
        flags=tuple(
            Flag(
                f["id"],
                f["rule"],
                f["severity"],
                f["message"],
                _tuples(f.get("spans", ())),
                f.get("reason", ""),
            )
            for f in data.get("flags", ())
        ),
        title=data.get("title"),
        date=_date(data.get("date")),
        reference_date=(
            ReferenceDate(date.fromisoformat(ref["date"]), ref["kind"], ref["text"])
            if ref
            else None
        ),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _spans(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[a, b] for a, b in spans]


def _span(pair: list[int]) -> Span:
    return int(pair[0]), int(pair[1])


def _tuples(pairs: Any) -> tuple[Span, ...]:
    return tuple(_span(p) for p in pairs)
