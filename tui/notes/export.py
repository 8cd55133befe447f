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

from ..analysis.model import CORRECTION_ACTIONS, Correction
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


MAX_POSITION = 2**53
"""The largest offset an import may give: larger is no article's, and SQLite stores 64 bits."""


def read_jsonld(data: Any) -> list[tuple[str, Note]]:
    """The notes in a Web Annotation document (a collection, a page, a list or one annotation),
    each with its target's source. Every field is checked against the schema before anything is
    stored: ``NotAnnotations`` names the first bad field and its annotation's number."""
    items = _items(data)
    found = []
    for n, item in enumerate(items, 1):
        try:
            found.append(_note(item))
        except _BadField as error:
            raise NotAnnotations(f"annotation {n}: {error}") from None
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
        items = data.get("items", [])
        where = "items"
    elif kind == "AnnotationCollection":
        first = data.get("first", {})
        if not isinstance(first, dict):
            raise NotAnnotations("'first' should be an AnnotationPage (a JSON object)")
        items = first.get("items", [])
        where = "first.items"
    else:
        shown = kind if isinstance(kind, str) else type(kind).__name__
        raise NotAnnotations(f"not a Web Annotation document (its type is {shown[:60]!r})")
    if not isinstance(items, list):
        raise NotAnnotations(f"'{where}' should be a list of annotations, not {_a(items)}")
    return items


_SURROGATE = re.compile("[\ud800-\udfff]")


class _BadField(ValueError):
    """One field of one annotation does not fit the schema; the text names it."""


def _a(value: Any) -> str:
    """What a JSON value is, in words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return {
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _maybe_text(value: Any, field: str) -> str | None:
    return None if value is None else _text(value, field)


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise _BadField(f"'{field}' should be text, not {_a(value)}")
    if _SURROGATE.search(value):
        raise _BadField(f"'{field}' holds a lone UTF-16 surrogate (\\ud800-\\udfff), not text")
    return value


def _position(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _BadField(f"'{field}' should be a whole number, not {_a(value)}")
    if not 0 <= value <= MAX_POSITION:
        raise _BadField(f"'{field}' is out of range (0 to 2^53)")
    return value


def _objects(value: Any, field: str) -> list[dict[str, Any]]:
    """An object or a list of objects (JSON-LD allows both), as a list."""
    values = value if isinstance(value, list) else [value]
    for i, v in enumerate(values):
        if not isinstance(v, dict):
            raise _BadField(f"'{field}' item {i + 1} should be an object, not {_a(v)}")
    return values


def _note(item: Any) -> tuple[str, Note]:
    if not isinstance(item, dict):
        raise _BadField(f"should be an object, not {_a(item)}")
    if "target" not in item:
        raise _BadField("has no 'target'")
    target = item["target"]
    source: str | None
    selectors: list[dict[str, Any]]
    if isinstance(target, list):
        if not target:
            raise _BadField("'target' is an empty list")
        target = target[0]
    if isinstance(target, str):
        source, selectors = target, list[dict[str, Any]]()
    elif isinstance(target, dict):
        source = _text(target.get("source"), "target.source")
        selectors = _objects(target.get("selector", []), "target.selector")
    else:
        raise _BadField(f"'target' should be an object or text, not {_a(target)}")
    if not source.strip():
        raise _BadField("'target.source' is empty")
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    anchor = None
    if quote is not None:
        exact = _text(quote.get("exact"), "TextQuoteSelector.exact")
        start, end = 0, len(exact)
        if position is not None:
            start = _position(position.get("start"), "TextPositionSelector.start")
            end = _position(position.get("end"), "TextPositionSelector.end")
            if end < start:
                raise _BadField("'TextPositionSelector.end' is before its start")
        anchor = Anchor(
            exact=exact,
            prefix=_text(quote.get("prefix", ""), "TextQuoteSelector.prefix") or "",
            suffix=_text(quote.get("suffix", ""), "TextQuoteSelector.suffix") or "",
            start=start,
            end=end,
            original=_original(item.get("closeread:original")),
        )
    bodies = _objects(item.get("body", []), "body")
    texts: list[str] = []
    tags: list[str] = []
    for i, b in enumerate(bodies, 1):
        purpose = _maybe_text(b.get("purpose"), f"body item {i} purpose")
        value = _text(b.get("value", ""), f"body item {i} value")
        (tags if purpose == "tagging" else texts).append(value)
    kind = item.get("closeread:kind")
    if kind is None:
        motivation = _maybe_text(item.get("motivation"), "motivation")
        kind = _KIND_OF_MOTIVATION.get(motivation or "", "note")
    if not isinstance(kind, str) or kind not in KINDS or kind == "position":
        shown = kind[:40] if isinstance(kind, str) else _a(kind)
        raise _BadField(
            f"'closeread:kind' should be one of {', '.join(_MOTIVATION)}, not {shown!r}"
        )
    created = _maybe_text(item.get("created"), "created") or now()
    note = Note(
        kind=kind,
        anchor=anchor,
        body="\n\n".join(texts),
        tags=tuple(tags),
        colour=_maybe_text(item.get("closeread:colour"), "closeread:colour"),
        letter=_maybe_text(item.get("closeread:letter"), "closeread:letter"),
        flag_id=_maybe_text(item.get("closeread:flag"), "closeread:flag"),
        reason=_maybe_text(item.get("closeread:reason"), "closeread:reason") or "",
        correction=_correction(item.get("closeread:correction")),
        id=_note_id(item.get("id")),
        created=created,
        updated=_maybe_text(item.get("modified"), "modified") or created,
    )
    if note.anchor is None and note.correction is None:
        raise _BadField("has no TextQuoteSelector (nor an entity correction)")
    return source, note


def _original(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise _BadField(f"'closeread:original' should be a list of two offsets, not {_a(value)}")
    start = _position(value[0], "closeread:original[0]")
    end = _position(value[1], "closeread:original[1]")
    if end < start:
        raise _BadField("'closeread:original' ends before it starts")
    return start, end


def _correction(value: Any) -> Correction | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _BadField(f"'closeread:correction' should be an object, not {_a(value)}")
    unknown = set(value) - {"action", "entity", "value"}
    if unknown:
        raise _BadField(f"'closeread:correction' has an unknown field {sorted(unknown)[0][:40]!r}")
    action = _text(value.get("action"), "closeread:correction.action")
    if action not in CORRECTION_ACTIONS:
        raise _BadField(
            f"'closeread:correction.action' should be one of {', '.join(CORRECTION_ACTIONS)}"
        )
    entity = _text(value.get("entity"), "closeread:correction.entity")
    if not entity.strip():
        raise _BadField("'closeread:correction.entity' is empty")
    fixed = _text(value.get("value", ""), "closeread:correction.value")
    return Correction(action, entity, fixed or "")  # type: ignore[arg-type]


def _note_id(value: Any) -> str:
    """The note id of an annotation id: a ``urn:uuid`` is itself; another id is hashed, so the
    same annotation imported again gets the same id."""
    if value is None or value == "":
        raise _BadField("has no 'id'")
    text = _text(value, "id")
    if text.startswith("urn:uuid:"):
        try:
            return uuid.UUID(text.removeprefix("urn:uuid:")).hex
        except ValueError:
            raise _BadField("'id' is a urn:uuid with a malformed UUID") from None
    return uuid.uuid5(uuid.NAMESPACE_URL, text).hex
