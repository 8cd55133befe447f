"""The reader's notes: highlights, notes, tags, bookmarks, dismissed flags and entity fixes,
saved locally (SQLite), re-anchored on a changed article, exported in open formats.

Pure core: no Textual here. The reader opens one ``NoteStore`` per process.
"""

from .anchor import anchor_notes, make_anchor, place
from .export import NotAnnotations, read_jsonld, reading_order, to_jsonld, to_markdown
from .model import KINDS, Anchor, Document, Kind, Note, Placed
from .store import (
    NoteStore,
    StoreCorrupt,
    StoreError,
    StoreUnavailable,
    database_path,
    fingerprint,
    move_aside,
    source_key,
)

__all__ = [
    "KINDS", "Anchor", "Document", "Kind", "NotAnnotations", "Note", "NoteStore", "Placed",
    "StoreCorrupt", "StoreError", "StoreUnavailable", "anchor_notes", "database_path",
    "fingerprint", "make_anchor", "move_aside", "place", "read_jsonld", "reading_order",
    "source_key", "to_jsonld", "to_markdown",
]
