"""The reader's notes on the open article: the store, this version of the document, and where
each note stands in the text now. No Textual here: the app asks, the notebook answers.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from .analysis.model import Analysis, Correction, Source, Span
from .analysis.offsets import OffsetMap
from .notes.anchor import anchor_notes, make_anchor
from .notes.export import to_jsonld, to_markdown
from .notes.model import Document, Note, Placed, now
from .notes.store import SAMPLE_PREFIX, NoteStore, Undone, source_key
from .safe_text import json_text, plain

SHOWN_KINDS = ("note", "highlight", "bookmark")


class Notebook:
    """Notes of one article. ``attach`` binds it to the analysed text; every change is saved
    by the store at once, in a transaction, and the notes are placed again."""

    def __init__(self, store: NoteStore, key: str, source_sha256: str = "") -> None:
        self.store = store
        self.key = key
        self.source_sha256 = source_sha256
        self.document: Document | None = None
        self.text = ""
        self.offsets: OffsetMap | None = None
        self.placed: list[Placed] = []

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str], source: Source) -> Notebook:
        """Open the store in ``data_dir`` for ``source``; raises ``StoreError`` if it cannot."""
        return cls(NoteStore.open(data_dir), source_key(source), source.sha256)

    def close(self) -> None:
        self.store.close()

    def corrections(self) -> list[Correction]:
        """The reader's entity corrections saved for this article, to analyse it with."""
        doc = self.store.find(self.key, self.source_sha256)
        if doc is None:
            return []
        return [n.correction for n in self.store.notes(doc) if n.correction is not None]

    def attach(self, text: str, offsets: OffsetMap | None = None) -> None:
        """Register this version of the cleaned text and place every note on it."""
        self.text = text
        self.offsets = offsets
        self.document = self.store.recognise(self.key, text, self.source_sha256)
        self._place()
        # Notes found word for word take this version's context, so a later change is
        # measured from here, not from the version they were made on.
        if self.store.refresh_anchors(self.document, self.placed, offsets):
            self._place()

    def _place(self) -> None:
        assert self.document is not None
        notes = [n for n in self.store.notes(self.document) if n.kind != "position"]
        self.placed = anchor_notes(notes, self.text)

    # -- changes -------------------------------------------------------------------------------

    def add(self, kind: str, span: Span | None, **fields: object) -> Note:
        """Save a new note of ``kind`` on ``span`` of the text (None: a note with no place)."""
        assert self.document is not None
        anchor = make_anchor(self.text, *span, self.offsets) if span is not None else None
        note = Note(kind, anchor, **fields)  # type: ignore[arg-type]
        self.store.add(self.document, note)
        self._place()
        return note

    def update(self, note: Note, **changes: object) -> Note:
        assert self.document is not None
        changed = replace(note, updated=now(), **changes)  # type: ignore[arg-type]
        self.store.update(self.document, changed)
        self._place()
        return changed

    def move(self, note: Note, span: Span) -> Note:
        """Anchor ``note`` on ``span`` of this text: accepting the new words of a changed quote
        (its span now) or re-anchoring it on words the reader chose (undoable, like an edit)."""
        assert self.document is not None
        return self.update(note, anchor=make_anchor(self.text, *span, self.offsets))

    def changed(self) -> list[Placed]:
        """Notes placed on words that are not the ones they quoted, in reading order."""
        return sorted((p for p in self.placed if p.changed), key=lambda p: p.span or (0, 0))

    def delete(self, note: Note) -> None:
        assert self.document is not None
        self.store.delete(self.document, note.id)
        self._place()

    def undo(self) -> Undone | None:
        """Undo the last change; what was undone, or None when there is nothing to undo."""
        assert self.document is not None
        done = self.store.undo(self.document)
        self._place()
        return done

    # -- questions -----------------------------------------------------------------------------

    def shown(self) -> list[Placed]:
        """Notes, highlights and bookmarks (orphans too), for the sidebar."""
        return [p for p in self.placed if p.note.kind in SHOWN_KINDS]

    def at(self, span: Span, kinds: tuple[str, ...] = SHOWN_KINDS) -> Placed | None:
        """The note of one of ``kinds`` that stands exactly on ``span``, else one that holds
        its start."""
        candidates = [p for p in self.placed if p.note.kind in kinds and p.span is not None]
        exact = next((p for p in candidates if p.span == span), None)
        if exact is not None:
            return exact
        return next((p for p in candidates if p.span and p.span[0] <= span[0] < p.span[1]), None)

    def dismissed(self) -> dict[str, Note]:
        """Dismissed flags by flag id."""
        return {
            p.note.flag_id: p.note
            for p in self.placed
            if p.note.kind == "dismissal" and p.note.flag_id
        }

    def bookmark(self, letter: str) -> Placed | None:
        return next(
            (p for p in self.placed if p.note.kind == "bookmark" and p.note.letter == letter), None
        )

    def tags(self) -> list[str]:
        return sorted({tag for p in self.placed for tag in p.note.tags})

    def position(self) -> int | None:
        return self.store.position(self.document) if self.document is not None else None

    def save_position(self, offset: int) -> None:
        if self.document is not None:
            self.store.set_position(self.document, offset)

    def export(self, fmt: str, folder: Path) -> Path:
        """Write this article's notes as Markdown or W3C Web Annotation JSON-LD into ``folder``
        under a new name (never over an existing file); returns the path."""
        assert self.document is not None
        groups = [(self.document, self.placed)]
        content = plain(to_markdown(groups)) if fmt == "md" else json_text(to_jsonld(groups)) + "\n"
        return self._write_new(folder, ".notes.md" if fmt == "md" else ".notes.jsonld", content)

    def write_review(self, analysis: Analysis, folder: Path) -> Path:
        """Write the review document of ``analysis`` (flags with dismissals, corrections, notes
        in reading order) as Markdown into ``folder`` under a new name; returns the path."""
        from .report import markdown_report, review_of

        name = self.key.removeprefix(SAMPLE_PREFIX)
        content = markdown_report(analysis, Path(name).name, review_of(self.placed))
        return self._write_new(folder, ".review.md", content)

    def _write_new(self, folder: Path, ending: str, content: str) -> Path:
        """Write ``content`` to ``<article>.review.md`` (say) in ``folder``, else to
        ``<article>.review-2.md`` and so on: never over an existing file."""
        name = self.key.removeprefix(SAMPLE_PREFIX)
        stem = "stdin" if name.startswith("stdin:") else Path(name).stem
        first, _, rest = ending.lstrip(".").partition(".")
        target = folder / f"{stem}.{first}.{rest}"
        count = 1
        while target.exists():
            count += 1
            target = folder / f"{stem}.{first}-{count}.{rest}"
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(content)
        return target
