"""Notes leave in open formats: Markdown for people, W3C Web Annotation JSON-LD for programs.

The JSON-LD keeps everything a note holds (closeread's own fields under the ``closeread:``
prefix), so ``read_jsonld`` gives back exactly what ``to_jsonld`` was given; ids are kept, so
importing a file twice adds its notes once. Annotations from other tools import too: what they
lack is defaulted, and an id that is not a ``urn:uuid`` is hashed into a stable one. The Markdown
carries each note's annotation in an HTML comment beside it, so it imports back as JSON does.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from typing import Any

from ..analysis.model import Correction
from .model import KINDS, Anchor, Document, Kind, Note, Placed, now

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT: list[Any] = [
    ANNO_CONTEXT,
    {"closeread": "urn:closeread:", "closeread:correction": {"@type": "@json"}},
]
_MOTIVATION: dict[Kind, str] = {
    "note": "commenting",
    "highlight": "highlighting",
    "bookmark": "bookmarking",
    "dismissal": "moderating",
    "correction": "editing",
}
_KIND_OF_MOTIVATION = {motivation: kind for kind, motivation in _MOTIVATION.items()}

Group = tuple[Document, Sequence[Placed]]
_MD_MARK = "closeread:annotation"
_MD_DATA = re.compile(r"<!-- closeread:annotation (\{.*?\}) -->")


class NotAnnotations(ValueError):
    """A file that is not a Web Annotation export; ``str(error)`` is the one line to show."""


def reading_order(placed: Sequence[Placed]) -> tuple[list[Placed], list[Placed]]:
    """(anchored notes by where they stand now, orphans by where they stood)."""
    anchored = sorted((p for p in placed if p.span is not None), key=lambda p: p.span or (0, 0))
    orphans = sorted(
        (p for p in placed if p.span is None and p.note.anchor is not None),
        key=lambda p: p.note.anchor.start if p.note.anchor else 0,
    )
    return anchored, orphans


def to_markdown(groups: Sequence[Group]) -> str:
    """Each document's notes for a person to read: quotes, bodies and tags in reading order,
    then the orphans, the dismissed flags and the entity corrections."""
    parts: list[str] = []
    for doc, placed in groups:
        anchored, orphans = reading_order(placed)
        parts.append(f"# Notes on {doc.source}\n")
        parts.extend(
            _md_note(p.note, p.now) + _md_data(doc.source, p.note) + "\n"
            for p in anchored
            if p.note.kind != "dismissal"
        )
        if orphans:
            parts.append("## Orphaned: their words are no longer in the article\n")
            parts.extend(
                _md_note(p.note) + _md_data(doc.source, p.note) + "\n"
                for p in orphans
                if p.note.kind != "dismissal"
            )
        dismissals = [p.note for p in [*anchored, *orphans] if p.note.kind == "dismissal"]
        if dismissals:
            parts.append("## Dismissed flags\n")
            parts.append(
                "".join(
                    f"- `{n.flag_id}`"
                    + (f": {n.reason}" if n.reason else "")
                    + (f" (on “{_one_line(n.anchor.exact)}”)" if n.anchor else "")
                    + " "
                    + _md_data(doc.source, n)
                    + "\n"
                    for n in dismissals
                )
            )
        corrections = [p.note for p in placed if p.note.correction is not None]
        if corrections:
            parts.append("## Entity corrections\n")
            parts.append(
                "".join(
                    _md_correction(n.correction).rstrip("\n") + " " + _md_data(doc.source, n) + "\n"
                    for n in corrections
                    if n.correction is not None
                )
            )
    return "\n".join(parts)


def _md_note(note: Note, now: str | None = None) -> str:
    """One note; ``now``: the words its place reads now, when they changed since it was made."""
    assert note.anchor is not None
    quote = _blockquote(note.anchor.exact)
    label = {
        "note": "Note",
        "highlight": f"Highlight ({note.colour})" if note.colour else "Highlight",
        "bookmark": f"Bookmark '{note.letter}'" if note.letter else "Bookmark",
    }.get(note.kind, note.kind.capitalize())
    lines = [f"**{label}**", "", quote, ""]
    if now is not None:
        lines[0] += " (changed: the article no longer reads as quoted)"
        lines += ["The article now reads:", "", _blockquote(now), ""]
    if note.body.strip():
        lines += [note.body.strip(), ""]
    if note.tags:
        lines += ["Tags: " + ", ".join(f"#{t}" for t in note.tags), ""]
    return "\n".join(lines)


def _md_data(source: str, note: Note) -> str:
    """The note as its Web Annotation, in an HTML comment: invisible when the Markdown is
    rendered, and what ``read_markdown`` imports. Every ``-``, ``<`` and ``>`` is a JSON escape,
    so no text in a note can end the comment (or break CommonMark's rules for one)."""
    data = json.dumps(annotation(source, note), ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("-", "\\u002d"), ("<", "\\u003c"), (">", "\\u003e")):
        data = data.replace(char, escape)
    return f"<!-- {_MD_MARK} {data} -->"


def read_markdown(text: str) -> list[tuple[str, Note]]:
    """The notes in a Markdown export (``to_markdown``), each with its document's source.
    Raises ``NotAnnotations`` when the text holds none."""
    found = _MD_DATA.findall(text)
    if not found:
        raise NotAnnotations(
            "no closeread notes in this Markdown (import reads what 'closeread notes export' "
            "writes, as Markdown or JSON)"
        )
    items = []
    for n, data in enumerate(found, 1):
        try:
            items.append(json.loads(data))
        except json.JSONDecodeError as error:
            raise NotAnnotations(f"note {n} cannot be read ({error.msg})") from None
    return read_jsonld(items)


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def _md_correction(c: Correction) -> str:
    what = {
        "merge": f"merge “{c.value}” into “{c.entity}”",
        "split": f"split “{c.value}” off “{c.entity}”",
        "kind": f"“{c.entity}” is a {c.value}",
        "rename": f"rename “{c.entity}” to “{c.value}”",
        "hide": f"hide “{c.entity}”",
    }.get(c.action, f"{c.action} “{c.entity}” {c.value}")
    return f"- {what}\n"


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def to_jsonld(groups: Sequence[Group]) -> dict[str, Any]:
    """A W3C Web Annotation collection of every note (reading positions are not notes)."""
    items = []
    for doc, placed in groups:
        anchored, orphans = reading_order(placed)
        rest = [p for p in placed if p.note.anchor is None]
        for p in [*anchored, *orphans, *rest]:
            item = annotation(doc.source, p.note)
            if p.status != "anchored":
                item["closeread:status"] = p.status
            if p.now is not None:
                item["closeread:now"] = p.now
            items.append(item)
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": "closeread notes",
        "generator": "closeread",
        "generated": now(),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def annotation(source: str, note: Note) -> dict[str, Any]:
    """One note as a Web Annotation: TextQuoteSelector and TextPositionSelector on its source."""
    bodies: list[dict[str, Any]] = []
    if note.body:
        bodies.append(
            {
                "type": "TextualBody",
                "value": note.body,
                "format": "text/markdown",
                "purpose": "commenting",
            }
        )
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
    target: dict[str, Any] = {"source": source}
    if note.anchor is not None:
        a = note.anchor
        target["selector"] = [
            {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix},
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
        ]
    item: dict[str, Any] = {
        "id": f"urn:uuid:{uuid.UUID(hex=note.id)}",
        "type": "Annotation",
        "motivation": _MOTIVATION.get(note.kind, "commenting"),
        "created": note.created,
        "modified": note.updated,
        "target": target,
        "closeread:kind": note.kind,
    }
    if bodies:
        item["body"] = bodies
    extras = {
        "closeread:colour": note.colour,
        "closeread:letter": note.letter,
        "closeread:flag": note.flag_id,
        "closeread:reason": note.reason or None,
        "closeread:original": list(note.anchor.original)
        if note.anchor and note.anchor.original
        else None,
        "closeread:correction": None
        if note.correction is None
        else {
            "action": note.correction.action,
            "entity": note.correction.entity,
            "value": note.correction.value,
        },
    }
    item.update({k: v for k, v in extras.items() if v is not None})
    return item


def read_jsonld(data: Any) -> list[tuple[str, Note]]:
    """The notes in a Web Annotation document (a collection, a page, a list or one annotation),
    each with its target's source. Raises ``NotAnnotations`` for anything else."""
    items = _items(data)
    found = []
    for n, item in enumerate(items, 1):
        try:
            found.append(_note(item))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            reason = error or type(error).__name__
            raise NotAnnotations(f"annotation {n} cannot be read ({reason})") from None
    return found


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise NotAnnotations("not a Web Annotation document (expected a JSON object or list)")
    kind = data.get("type")
    if kind == "Annotation":
        return [data]
    if kind == "AnnotationPage":
        return list(data.get("items", []))
    if kind == "AnnotationCollection":
        first = data.get("first", {})
        return list(first.get("items", [])) if isinstance(first, dict) else []
    raise NotAnnotations(f"not a Web Annotation document (its type is {kind!r})")


def _note(item: dict[str, Any]) -> tuple[str, Note]:
    target = item["target"]
    target = target[0] if isinstance(target, list) else target
    source = target if isinstance(target, str) else str(target["source"])
    selectors = target.get("selector", []) if isinstance(target, dict) else []
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    anchor = None
    if quote is not None:
        original = item.get("closeread:original")
        anchor = Anchor(
            exact=str(quote["exact"]),
            prefix=str(quote.get("prefix", "")),
            suffix=str(quote.get("suffix", "")),
            start=int(position["start"]) if position else 0,
            end=int(position["end"]) if position else len(str(quote["exact"])),
            original=(int(original[0]), int(original[1])) if original else None,
        )
    bodies = item.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    texts = [b for b in bodies if isinstance(b, dict) and b.get("purpose") != "tagging"]
    tags = tuple(
        str(b["value"]) for b in bodies if isinstance(b, dict) and b.get("purpose") == "tagging"
    )
    kind = item.get("closeread:kind") or _KIND_OF_MOTIVATION.get(
        str(item.get("motivation")), "note"
    )
    if kind not in KINDS or kind == "position":
        raise ValueError(f"unknown kind {kind!r}")
    correction = item.get("closeread:correction")
    created = str(item.get("created") or now())
    note = Note(
        kind=kind,
        anchor=anchor,
        body="\n\n".join(str(b.get("value", "")) for b in texts),
        tags=tags,
        colour=item.get("closeread:colour"),
        letter=item.get("closeread:letter"),
        flag_id=item.get("closeread:flag"),
        reason=item.get("closeread:reason") or "",
        correction=Correction(**correction) if correction else None,
        id=_note_id(item.get("id")),
        created=created,
        updated=str(item.get("modified") or created),
    )
    if note.anchor is None and note.correction is None:
        raise ValueError("it has no TextQuoteSelector")
    return source, note


def _note_id(value: Any) -> str:
    """The note id of an annotation id: a ``urn:uuid`` is itself; another id (or none) is hashed,
    so the same annotation imported again gets the same id."""
    text = str(value or "")
    if text.startswith("urn:uuid:"):
        return uuid.UUID(text.removeprefix("urn:uuid:")).hex
    if not text:
        raise ValueError("it has no id")
    return uuid.uuid5(uuid.NAMESPACE_URL, text).hex
