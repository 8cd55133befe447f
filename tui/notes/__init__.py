"""The reader's notes: highlights, notes, tags, bookmarks, dismissed flags and entity fixes,
saved locally (SQLite), re-anchored on a changed article, exported in open formats.

Pure core: no Textual here. The reader opens one ``NoteStore`` per process.
"""

from importlib import import_module
from typing import Any

_HOMES = {
    "anchor_notes": "anchor",
    "make_anchor": "anchor",
    "place": "anchor",
    "NotAnnotations": "export",
    "read_jsonld": "export",
    "reading_order": "export",
    "to_jsonld": "export",
    "to_markdown": "export",
    "KINDS": "model",
    "Anchor": "model",
    "Document": "model",
    "Kind": "model",
    "Note": "model",
    "Placed": "model",
    "COLOURS": "model",
    "NoteStore": "store",
    "database_path": "store",
    "fingerprint": "store",
    "move_aside": "store",
    "source_key": "store",
    "StoreCorrupt": "errors",
    "StoreError": "errors",
    "StoreUnavailable": "errors",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    """Names load from their modules on first use: the reader's first frame needs none of
    them (the store brings sqlite3, anchoring brings rapidfuzz)."""
    if name in _HOMES:
        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
