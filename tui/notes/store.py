"""The notes database: SQLite in the user's data folder, one file that several windows share.

Every change is one transaction taken with ``BEGIN IMMEDIATE`` (so two processes queue, up to
``BUSY_TIMEOUT_MS``, instead of failing), the journal is WAL and commits are synchronous, so a
crash or ``kill -9`` loses nothing that was committed. The schema evolves through
``PRAGMA user_version``. A damaged file is reported (``StoreCorrupt``) and never written to; only
``move_aside`` renames it, when the user agrees, so a fresh store can start.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from ..analysis.model import Correction, Source
from ..analysis.offsets import OffsetMap
from ..safe_text import one_line
from .anchor import CONTEXT, make_anchor, place
from .errors import StoreCorrupt, StoreError, StoreUnavailable, UndoRefused
from .model import Anchor, Document, Kind, Note, Placed, now

DB_NAME = "notes.sqlite3"
BUSY_TIMEOUT_MS = 10_000
UNDO_DEPTH = 100
_SQLITE_MAGIC = b"SQLite format 3\x00"

_INDEX_NEW = (
    "INSERT INTO notes_search (rowid, body, quote, tags) VALUES (new.rowid, new.body, "
    "coalesce(new.quote, ''), (SELECT group_concat(value, ' ') FROM json_each(new.tags)))"
)
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL UNIQUE,
            fingerprint TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL
        )""",
        """CREATE TABLE versions (
            document_id INTEGER NOT NULL REFERENCES documents(id),
            fingerprint TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            PRIMARY KEY (document_id, fingerprint)
        )""",
        """CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            kind TEXT NOT NULL,
            quote TEXT,
            prefix TEXT,
            suffix TEXT,
            quote_start INTEGER,
            quote_end INTEGER,
            original_start INTEGER,
            original_end INTEGER,
            body TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            colour TEXT,
            letter TEXT,
            flag_id TEXT,
            reason TEXT NOT NULL DEFAULT '',
            correction TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX notes_by_document ON notes (document_id, kind)",
        """CREATE TABLE changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            note_id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'update', 'delete')),
            before TEXT
        )""",
        "CREATE INDEX changes_by_document ON changes (document_id, seq)",
    ),
    # Documents are known by their content first: a moved or renamed file keeps its notes.
    (
        "ALTER TABLE versions ADD COLUMN source_sha256 TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX versions_by_fingerprint ON versions (fingerprint)",
        "CREATE INDEX versions_by_source_sha256 ON versions (source_sha256)",
    ),
    # Undo belongs to its window: each change names the store session (one window) that made it.
    (
        "ALTER TABLE changes ADD COLUMN session TEXT",
        "CREATE INDEX changes_by_session ON changes (document_id, session, seq)",
    ),
    # Notes searched across articles: an FTS5 index over bodies, quotes and tags (as words, not
    # JSON), kept by triggers; an edit is a delete and an insert, so its rowid changes with it.
    (
        "CREATE VIRTUAL TABLE notes_search USING fts5(body, quote, tags, "
        "tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER notes_search_add AFTER INSERT ON notes BEGIN {_INDEX_NEW}; END",
        "CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN "
        "DELETE FROM notes_search WHERE rowid = old.rowid; END",
        "CREATE TRIGGER notes_search_update AFTER UPDATE ON notes BEGIN "
        f"DELETE FROM notes_search WHERE rowid = old.rowid; {_INDEX_NEW}; END",
        "INSERT INTO notes_search (rowid, body, quote, tags) SELECT rowid, body, "
        "coalesce(quote, ''), (SELECT group_concat(value, ' ') FROM json_each(notes.tags)) "
        "FROM notes",
    ),
)
SCHEMA_VERSION = len(_MIGRATIONS)

_COLUMNS = (
    "id",
    "kind",
    "quote",
    "prefix",
    "suffix",
    "quote_start",
    "quote_end",
    "original_start",
    "original_end",
    "body",
    "tags",
    "colour",
    "letter",
    "flag_id",
    "reason",
    "correction",
    "created",
    "updated",
)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM notes"
_INSERT = (
    f"INSERT INTO notes (document_id, {', '.join(_COLUMNS)}) "
    f"VALUES (?, {', '.join('?' for _ in _COLUMNS)})"
)
_VERBS = {"add": "adding", "update": "editing", "delete": "deleting"}


class Undone(NamedTuple):
    """What ``NoteStore.undo`` reversed: the change ("adding", "editing", "deleting") and the
    kind of note it touched; ``str()`` says it in words."""

    change: str
    kind: Kind

    def __str__(self) -> str:
        return f"undid {self.change} a {self.kind}"


def fingerprint(text: str) -> str:
    """The sha256 of a cleaned text: the name of one version of a document."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


SAMPLE_PREFIX = "sample:"


def source_key(source: Source) -> str:
    """The name the store gives a document across versions: its resolved path; for stdin
    "stdin:" and the sha256 of its bytes (the same paste is the same document); for the bundled
    sample "sample:" and its file name, wherever the package is installed. Content comes first,
    though: see ``NoteStore.recognise``."""
    from ..resources import seed_file

    if not source.path:
        return f"stdin:{source.sha256}"
    if source.path == str(seed_file()):
        return SAMPLE_PREFIX + seed_file().name
    return source.path


def database_path(data_dir: str | os.PathLike[str]) -> Path:
    return Path(data_dir) / DB_NAME


def move_aside(data_dir: str | os.PathLike[str]) -> Path:
    """Rename a damaged database (and its WAL files) to a new, unused name beside it, so the next
    ``NoteStore.open`` starts afresh while the old bytes are kept. Returns the new path."""
    path = database_path(data_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    n = 0
    while True:
        target = path.with_name(f"notes.damaged-{stamp}{f'-{n}' if n else ''}.sqlite3")
        if not any(Path(f"{target}{end}").exists() for end in ("", "-wal", "-shm")):
            break
        n += 1
    try:
        for end in ("-wal", "-shm", ""):
            if Path(f"{path}{end}").exists():
                os.rename(f"{path}{end}", f"{target}{end}")
    except OSError as error:
        raise StoreUnavailable(
            f"{path}: cannot be renamed aside ({error.strerror or error})"
        ) from None
    return target


def salvage(data_dir: str | os.PathLike[str]) -> tuple[Path, int]:
    """Move a damaged database aside (``move_aside``) and start a new one holding every note
    that can still be read from it (none if the file cannot be opened at all). Returns where the
    old file is kept and how many notes the new one holds."""
    items: list[tuple[str, Note]] = []
    with suppress(StoreError), NoteStore.open(data_dir) as old:
        old.check()
        items = [(doc.source, note) for doc in old.documents() for note in old.notes(doc)]
    kept = move_aside(data_dir)
    if not items:
        return kept, 0
    with NoteStore.open(data_dir) as fresh:
        added, _ = fresh.import_notes(items)
    return kept, added


class NoteStore:
    """The notes of every document, in one SQLite file. One per process; safe across threads
    (calls are serialised) and across processes (transactions, WAL, a busy timeout)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self.path = path
        self.session = uuid.uuid4().hex
        """Names this store's changes in the log: ``undo`` reverses only its own."""
        self.damaged: dict[str, str] = {}
        """Notes found unreadable (id: why) by any read so far; while there are any, nothing
        the user does is written to this file (it is damaged): ``salvage`` starts a new one."""
        connection.text_factory = _decoded

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str]) -> NoteStore:
        """Open (creating if need be) the store in ``data_dir``. Raises ``StoreUnavailable`` for a
        directory that cannot be made or written, ``StoreCorrupt`` for a damaged file."""
        directory = Path(data_dir)
        _ensure_directory(directory)
        path = directory / DB_NAME
        _check_header(path)
        try:
            connection = sqlite3.connect(
                path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as error:
            raise _translated(error, path) from None
        store = cls(connection, path)
        try:
            store._prepare()
        except BaseException:
            connection.close()
            raise
        return store

    def _prepare(self) -> None:
        with self._reading() as db:
            problems = [row[0] for row in _patiently(db, "PRAGMA quick_check")]
            if problems != ["ok"]:
                raise StoreCorrupt(
                    f"{self.path}: the notes database is damaged ({problems[0][:120]}); "
                    "it was left untouched",
                    self.path,
                )
            _patiently(db, "PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    def _migrate(self) -> None:
        """Bring the schema up to date, step by step, in one transaction; a second process
        opening at the same moment waits, then finds the work done."""
        if self._schema_version() == SCHEMA_VERSION:
            return
        with self._writing() as db:
            version = self._schema_version()
            for step in _MIGRATIONS[version:]:
                for statement in step:
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _schema_version(self) -> int:
        with self._reading() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: the notes database was made by a newer closeread "
                f"(schema {version}, this one reads {SCHEMA_VERSION}); update closeread"
            )
        return version

    def close(self) -> None:
        with self._lock, suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as error:
                raise _translated(error, self.path) from None

    def _readable(self, rows: Iterable[tuple[Any, ...]]) -> list[Note]:
        """The notes of ``rows`` that can be read; the others are named in ``damaged``."""
        notes = []
        for row in rows:
            problem = _row_problem(row)
            if problem is None:
                try:
                    notes.append(_from_row(row))
                    continue
                except (ValueError, TypeError, KeyError, AttributeError) as error:
                    problem = f"a field cannot be read ({one_line(str(error), 80)})"
            self.damaged[one_line(str(row[0]), 40)] = problem
        return notes

    def _one(self, row: tuple[Any, ...]) -> Note:
        """The note of ``row``; a damaged one is named and refuses the change in hand."""
        found = self._readable([row])
        if not found:
            self.refuse_if_damaged()
        return found[0]

    def check(self) -> dict[str, str]:
        """Read every note once (not only one document's), so ``damaged`` is complete."""
        with self._reading() as db:
            self._readable(db.execute(_SELECT).fetchall())
        return dict(self.damaged)

    def refuse_if_damaged(self) -> None:
        if self.damaged:
            raise StoreCorrupt(
                f"{self.path}: {len(self.damaged)} note{'s' * (len(self.damaged) != 1)} in the "
                "notes database cannot be read (damaged); nothing is written to it until it is "
                "moved aside (the reader offers to, keeping every readable note)",
                self.path,
            )

    @contextmanager
    def _changing(self) -> Iterator[sqlite3.Connection]:
        """A transaction for the user's own changes: refused on a store known to be damaged."""
        self.refuse_if_damaged()
        with self._writing() as db:
            yield db

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of the block's changes are committed, or none."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    with suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                raise _translated(error, self.path) from None

    # Documents

    def recognise(self, key: str, cleaned_text: str, source_sha256: str = "") -> Document:
        """Register (or find) the document an article is a version of: the one that has seen
        this cleaned text or these bytes, else the one known as ``key``, else a new one. A
        document found by content whose old name is gone (a moved or renamed file, a paste now
        saved, an installed sample) takes ``key`` as its name, unless another document has it."""
        with self._writing() as db:
            found = _by_content(db, key, fingerprint(cleaned_text), source_sha256)
            if found is not None and found[1] != key and _renamable(found[1], key):
                taken = db.execute("SELECT 1 FROM documents WHERE source = ?", (key,)).fetchone()
                if not taken:
                    db.execute("UPDATE documents SET source = ? WHERE id = ?", (key, found[0]))
                    found = (found[0], key)
        return self.document(found[1] if found else key, cleaned_text, source_sha256)

    def find(self, key: str, source_sha256: str = "") -> Document | None:
        """The document these bytes were last seen as, else the one known as ``key``; without
        registering anything (the reader asks before the analysis, for the entity fixes)."""
        with self._reading() as db:
            found = _by_content(db, key, "", source_sha256) if source_sha256 else None
        return self.find_document(found[1] if found else key)

    def relink(self, old: str, new: str, cleaned_text: str, source_sha256: str = "") -> int:
        """Move every note of the document known as ``old`` to the article now known as ``new``
        (registering this version of its text); notes ``new`` already has stay. The reading
        position moves only if ``new`` has none. Returns how many notes moved; raises
        ``StoreError`` when no document is known as ``old``."""
        source = self.find_document(old)
        if source is None:
            raise StoreError(f"no notes are kept for {old} ('closeread notes list' shows them)")
        target = self.document(new, cleaned_text, source_sha256)
        if target.id == source.id:
            return 0
        with self._writing() as db:
            if db.execute(
                "SELECT 1 FROM notes WHERE document_id = ? AND kind = 'position'", (target.id,)
            ).fetchone():
                db.execute(
                    "DELETE FROM notes WHERE document_id = ? AND kind = 'position'", (source.id,)
                )
            moved = db.execute(
                "UPDATE notes SET document_id = ? WHERE document_id = ? AND kind != 'position'",
                (target.id, source.id),
            ).rowcount
            db.execute(
                "UPDATE notes SET document_id = ? WHERE document_id = ?", (target.id, source.id)
            )
            db.execute("DELETE FROM changes WHERE document_id = ?", (source.id,))
            db.execute(
                "INSERT OR IGNORE INTO versions (document_id, fingerprint, first_seen, last_seen, "
                "source_sha256) SELECT ?, fingerprint, first_seen, last_seen, source_sha256 "
                "FROM versions WHERE document_id = ?",
                (target.id, source.id),
            )
            db.execute("DELETE FROM versions WHERE document_id = ?", (source.id,))
            db.execute("DELETE FROM documents WHERE id = ?", (source.id,))
        return moved

    def document(self, source_key: str, cleaned_text: str, source_sha256: str = "") -> Document:
        """Register (or find) the document known as ``source_key`` and this version of its text
        (``source_sha256``: of the bytes it was read from, when known)."""
        mark, stamp = fingerprint(cleaned_text), now()
        with self._writing() as db:
            row = db.execute(
                "SELECT id, fingerprint FROM documents WHERE source = ?", (source_key,)
            ).fetchone()
            if row is None:
                doc_id: Any = db.execute(
                    "INSERT INTO documents (source, fingerprint, text, created) "
                    "VALUES (?, ?, ?, ?)",
                    (source_key, mark, cleaned_text, stamp),
                ).lastrowid
            else:
                doc_id = row[0]
                if row[1] != mark:
                    db.execute(
                        "UPDATE documents SET fingerprint = ?, text = ? WHERE id = ?",
                        (mark, cleaned_text, doc_id),
                    )
            db.execute(
                "INSERT INTO versions (document_id, fingerprint, first_seen, last_seen, "
                "source_sha256) VALUES (?, ?, ?, ?, ?) ON CONFLICT (document_id, fingerprint) "
                "DO UPDATE SET last_seen = excluded.last_seen, source_sha256 = CASE "
                "WHEN excluded.source_sha256 != '' THEN excluded.source_sha256 "
                "ELSE versions.source_sha256 END",
                (doc_id, mark, stamp, stamp, source_sha256),
            )
        return Document(int(doc_id), source_key, mark, cleaned_text)

    def find_document(self, source_key: str) -> Document | None:
        """The document known as ``source_key`` with the text last seen, without registering it."""
        with self._reading() as db:
            row = db.execute(
                "SELECT id, source, fingerprint, text FROM documents WHERE source = ?",
                (source_key,),
            ).fetchone()
        return Document(*row) if row else None

    def documents(self) -> list[Document]:
        """Every document that has notes, each with the text last seen."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT id, source, fingerprint, text FROM documents WHERE id IN "
                "(SELECT document_id FROM notes WHERE kind != 'position') ORDER BY source"
            ).fetchall()
        return [Document(*row) for row in rows]

    def versions(self, doc: Document) -> list[str]:
        """The fingerprints of every version of ``doc`` seen, oldest first."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT fingerprint FROM versions WHERE document_id = ? ORDER BY first_seen, rowid",
                (doc.id,),
            ).fetchall()
        return [row[0] for row in rows]

    # Notes

    def notes(self, doc: Document) -> list[Note]:
        """The document's annotations (not its reading position), in their stored order."""
        with self._reading() as db:
            rows = db.execute(
                f"{_SELECT} WHERE document_id = ? AND kind != 'position' "
                "ORDER BY quote_start, created, id",
                (doc.id,),
            ).fetchall()
        return self._readable(rows)

    def get(self, doc: Document, note_id: str) -> Note | None:
        with self._reading() as db:
            row = db.execute(
                f"{_SELECT} WHERE document_id = ? AND id = ?", (doc.id, note_id)
            ).fetchone()
        found = self._readable([row] if row else [])
        return found[0] if found else None

    def add(self, doc: Document, note: Note) -> Note:
        """Save a new note (undoable). An id already in the store is a ``StoreError``."""
        with self._changing() as db:
            if db.execute("SELECT 1 FROM notes WHERE id = ?", (note.id,)).fetchone():
                raise StoreError(f"a note with id {note.id} is already saved")
            db.execute(_INSERT, (doc.id, *_to_row(note)))
            self._log(db, doc, note.id, "add", None)
        return note

    def update(self, doc: Document, note: Note) -> Note:
        """Replace a saved note by id (undoable); returns it with ``updated`` set to now."""
        changed = replace(note, updated=now())
        with self._changing() as db:
            row = db.execute(
                f"{_SELECT} WHERE document_id = ? AND id = ?", (doc.id, note.id)
            ).fetchone()
            if row is None:
                raise StoreError(f"no note {note.id} to update (was it deleted in another window?)")
            db.execute("DELETE FROM notes WHERE id = ?", (note.id,))
            db.execute(_INSERT, (doc.id, *_to_row(changed)))
            self._log(db, doc, note.id, "update", self._one(row))
        return changed

    def delete(self, doc: Document, note_id: str) -> None:
        """Delete a note (undoable); deleting one already gone does nothing."""
        with self._changing() as db:
            row = db.execute(
                f"{_SELECT} WHERE document_id = ? AND id = ?", (doc.id, note_id)
            ).fetchone()
            if row is None:
                return
            db.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            self._log(db, doc, note_id, "delete", self._one(row))

    def undo(self, doc: Document) -> Undone | None:
        """Reverse the last add, edit or delete this store (this window) made on ``doc``; what
        was undone, or None when it made none. A change another window (or ``notes add``)
        made is never undone here, and neither is one of ours on a note another window has
        changed since: that raises ``UndoRefused`` (and the next undo goes further back)."""
        with self._changing() as db:
            row = db.execute(
                "SELECT seq, note_id, action, before FROM changes "
                "WHERE document_id = ? AND session = ? ORDER BY seq DESC LIMIT 1",
                (doc.id, self.session),
            ).fetchone()
            if row is None:
                return None
            seq, note_id, action, before = row
            kind_row = db.execute("SELECT kind FROM notes WHERE id = ?", (note_id,)).fetchone()
            try:
                earlier = note_from_dict(json.loads(before)) if before is not None else None
                readable = True
            except (ValueError, TypeError, KeyError, AttributeError):
                earlier, readable = None, False
            kind = earlier.kind if earlier else kind_row[0] if kind_row else "note"
            problem = (
                self._changed_since(db, seq, note_id, action, kind_row is not None)
                if readable
                else "the state it would restore cannot be read (damaged)"
            )
            if problem is None:
                db.execute("DELETE FROM notes WHERE id = ?", (note_id,))
                if earlier is not None:
                    db.execute(_INSERT, (doc.id, *_to_row(earlier)))
            db.execute("DELETE FROM changes WHERE seq = ?", (seq,))
        if problem is not None:  # raised after the commit: the refused step leaves the history
            raise UndoRefused(f"Not undone ({_VERBS[action]} a {kind}): {problem}")
        return Undone(_VERBS[action], kind)

    def _changed_since(
        self, db: sqlite3.Connection, seq: int, note_id: str, action: str, present: bool
    ) -> str | None:
        """Why our change ``seq`` on ``note_id`` cannot be undone now, or None if it can: a
        later change by another window, or the note gone (or back) behind the log's back."""
        later = db.execute(
            "SELECT action FROM changes WHERE note_id = ? AND seq > ? "
            "AND (session IS NULL OR session != ?) ORDER BY seq DESC LIMIT 1",
            (note_id, seq, self.session),
        ).fetchone()
        if later is not None:
            done = {"add": "added", "update": "edited", "delete": "deleted"}[later[0]]
            return f"it was {done} in another window since"
        if action == "delete" and present:
            return "it was restored in another window since"
        if action != "delete" and not present:
            return "it was deleted in another window since"
        return None

    def _log(
        self, db: sqlite3.Connection, doc: Document, note_id: str, action: str, before: Note | None
    ) -> None:
        db.execute(
            "INSERT INTO changes (document_id, note_id, action, before, session) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                doc.id,
                note_id,
                action,
                None if before is None else json.dumps(note_to_dict(before)),
                self.session,
            ),
        )
        db.execute(
            "DELETE FROM changes WHERE document_id = ? AND seq <= "
            "(SELECT seq FROM changes WHERE document_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)",
            (doc.id, doc.id, UNDO_DEPTH),
        )

    def import_notes(self, items: Iterable[tuple[str, Note]]) -> tuple[int, int]:
        """Add notes given with their document's source key, in one transaction; a note whose
        id is already saved is skipped, so importing twice adds nothing twice. Returns (added,
        skipped). Imports are not undoable one by one."""
        added = skipped = 0
        with self._changing() as db:
            for source, note in items:
                row = db.execute("SELECT id FROM documents WHERE source = ?", (source,)).fetchone()
                doc_id = (
                    row[0]
                    if row
                    else db.execute(
                        "INSERT INTO documents (source, created) VALUES (?, ?)", (source, now())
                    ).lastrowid
                )
                if db.execute("SELECT 1 FROM notes WHERE id = ?", (note.id,)).fetchone():
                    skipped += 1
                    continue
                db.execute(_INSERT, (doc_id, *_to_row(note)))
                added += 1
        return added, skipped

    def refresh_anchors(
        self, doc: Document, placed: Iterable[Placed], offsets: OffsetMap | None = None
    ) -> int:
        """Re-anchor notes found word for word on ``doc``'s current text to that text (its
        context and positions), so the next change is measured from this version, not the first.
        A changed quote keeps the words the reader chose. Not undoable and not an edit: the
        ``updated`` time stays. Returns how many anchors changed."""
        if self.damaged:
            return 0  # bookkeeping, not the user's: a damaged file is not written to
        changed = []
        for p in placed:
            anchor = p.note.anchor
            if anchor is None or p.span is None or doc.text[p.span[0] : p.span[1]] != anchor.exact:
                continue
            fresh = make_anchor(doc.text, *p.span, offsets)
            if fresh != anchor:
                changed.append(replace(p.note, anchor=fresh))
        if changed:
            with self._writing() as db:
                for note in changed:
                    db.execute(
                        "DELETE FROM notes WHERE id = ? AND document_id = ?", (note.id, doc.id)
                    )
                    db.execute(_INSERT, (doc.id, *_to_row(note)))
        return len(changed)

    # Reading position

    def position(self, doc: Document) -> int | None:
        """Where the reader left ``doc``, found again in its current text; None if never set."""
        with self._reading() as db:
            row = db.execute(
                f"{_SELECT} WHERE document_id = ? AND kind = 'position'", (doc.id,)
            ).fetchone()
        if row is None:
            return None
        readable = self._readable([row])
        anchor = readable[0].anchor if readable else None
        if anchor is None:
            return None
        span = place(anchor, doc.text)
        return span[0] if span is not None else min(anchor.start, len(doc.text))

    def set_position(self, doc: Document, offset: int) -> None:
        """Remember the reading position: as an anchor on the words there, so it survives edits
        above it. Not undoable: moving is not an annotation."""
        offset = max(0, min(offset, len(doc.text)))
        mark = Note("position", make_anchor(doc.text, offset, offset + CONTEXT))
        with self._changing() as db:
            db.execute("DELETE FROM notes WHERE document_id = ? AND kind = 'position'", (doc.id,))
            db.execute(_INSERT, (doc.id, *_to_row(mark)))

    # Across documents

    def search(self, query: str, limit: int = 100) -> list[SearchHit]:
        """Notes whose body, quote or tags hold every word of ``query`` (each word also as the
        start of a longer one; "quoted words" as a phrase), best matches first."""
        from .fts import fts_query

        match = fts_query(query)
        if not match:
            return []
        columns = ", ".join(f"notes.{c}" for c in _COLUMNS)
        with self._reading() as db:
            rows = db.execute(
                f"SELECT documents.source, {columns} FROM notes_search "
                "JOIN notes ON notes.rowid = notes_search.rowid "
                "JOIN documents ON documents.id = notes.document_id "
                "WHERE notes_search MATCH ? AND notes.kind != 'position' "
                "ORDER BY bm25(notes_search, 3.0, 2.0, 2.0), notes.created LIMIT ?",
                (match, limit),
            ).fetchall()
        return [SearchHit(row[0], _from_row(row[1:])) for row in rows]

    def recent(self, limit: int = 200) -> list[RecentDocument]:
        """The documents opened (or annotated), the last opened first, with their notes count
        and the reading position as a share of the text."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT documents.id, documents.source, length(documents.text), "
                "(SELECT max(last_seen) FROM versions WHERE document_id = documents.id), "
                "(SELECT count(*) FROM notes WHERE document_id = documents.id "
                "AND kind != 'position'), "
                "(SELECT quote_start FROM notes WHERE document_id = documents.id "
                "AND kind = 'position'), substr(documents.text, 1, 300) "
                "FROM documents ORDER BY 4 DESC, documents.id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [
            RecentDocument(
                source=source,
                opened=opened or "",
                notes=count,
                read=min(1.0, position / length) if position is not None and length else None,
                first_lines=head,
            )
            for _, source, length, opened, count, position, head in rows
        ]


class SearchHit(NamedTuple):
    """A note found by ``NoteStore.search``, with the name of its document."""

    source: str
    note: Note


class RecentDocument(NamedTuple):
    """A document the reader has seen: ``read`` is where the reading position is, 0 to 1."""

    source: str
    opened: str
    notes: int
    read: float | None
    first_lines: str = ""
    """The start of the text last seen: a title for an article whose file is gone."""


def _by_content(
    db: sqlite3.Connection, key: str, mark: str, source_sha256: str
) -> tuple[int, str] | None:
    """(id, name) of the document that has seen the cleaned text ``mark`` or the bytes
    ``source_sha256``: the one named ``key`` if it is among them, else one with notes, else the
    one seen last."""
    rows = db.execute(
        "SELECT d.id, d.source, MAX(v.last_seen), "
        "EXISTS (SELECT 1 FROM notes n WHERE n.document_id = d.id AND n.kind != 'position') "
        "FROM versions v JOIN documents d ON d.id = v.document_id "
        "WHERE v.fingerprint = ? OR (v.source_sha256 = ? AND v.source_sha256 != '') "
        "GROUP BY d.id",
        (mark, source_sha256),
    ).fetchall()
    if not rows:
        return None
    best = max(rows, key=lambda row: (row[1] == key, row[3], row[2], row[0]))
    return int(best[0]), str(best[1])


def _renamable(old: str, new: str) -> bool:
    """Whether a document found by its content should take the name ``new``: when its old name
    no longer names a file (moved, renamed, a paste now saved, a sample installed elsewhere
    before). A copy whose original is still there shares the notes but keeps the original's
    name, and the bundled sample stays the sample."""
    if new.startswith("stdin:") or old.startswith(SAMPLE_PREFIX):
        return False
    return old.startswith("stdin:") or not os.path.exists(old)


def _ensure_directory(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise StoreUnavailable(
            f"{directory}: the notes folder is a file, not a directory"
        ) from None
    except OSError as error:
        raise StoreUnavailable(
            f"{directory}: the notes folder cannot be created ({error.strerror or error})"
        ) from None
    if not directory.is_dir():
        raise StoreUnavailable(f"{directory}: the notes folder is not a directory")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise StoreUnavailable(f"{directory}: the notes folder is read-only; notes cannot be saved")


def _patiently(db: sqlite3.Connection, statement: str) -> list[tuple]:
    """Run ``statement``, waiting out a lock as the busy timeout would. Switching a new
    database to WAL while another connection opens it can fail at once with "database is
    locked", without calling the busy handler (about one open in a hundred, two at a time)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return db.execute(statement).fetchall()
        except sqlite3.OperationalError as error:
            if "locked" not in str(error).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _check_header(path: Path) -> None:
    """Refuse, before SQLite touches it, a file that is not an SQLite database (a FIFO or a
    device in its place is refused without opening it: opening a FIFO waits for a writer)."""
    with suppress(OSError):
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            raise StoreUnavailable(f"{path}: is not a regular file, so not the notes database")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise StoreUnavailable(f"{path}: is a directory, not the notes database") from None
    except OSError as error:
        raise StoreUnavailable(f"{path}: cannot be read ({error.strerror or error})") from None
    if head and head != _SQLITE_MAGIC:
        raise StoreCorrupt(
            f"{path}: is not a notes database (damaged or overwritten); it was left untouched",
            path,
        )


def _translated(error: sqlite3.Error, path: Path) -> StoreError:
    message = str(error)
    lowered = message.lower()
    if isinstance(error, sqlite3.OperationalError):
        if "locked" in lowered or "busy" in lowered:
            return StoreError(f"{path}: the notes database is busy in another window; try again")
        if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
            return StoreUnavailable(f"{path}: the notes database cannot be written ({message})")
        if "full" in lowered:
            return StoreError(f"{path}: the disk is full; the note was not saved")
    if (
        "malformed" in lowered
        or "not a database" in lowered
        or (type(error) is sqlite3.DatabaseError)
    ):
        return StoreCorrupt(
            f"{path}: the notes database is damaged ({message}); it was left untouched", path
        )
    return StoreError(f"{path}: {message}")


def _to_row(note: Note) -> tuple[Any, ...]:
    a = note.anchor
    original = a.original if a is not None and a.original is not None else (None, None)
    c = note.correction
    return (
        note.id,
        note.kind,
        a.exact if a else None,
        a.prefix if a else None,
        a.suffix if a else None,
        a.start if a else None,
        a.end if a else None,
        *original,
        note.body,
        json.dumps(list(note.tags)),
        note.colour,
        note.letter,
        note.flag_id,
        note.reason,
        json.dumps({"action": c.action, "entity": c.entity, "value": c.value}) if c else None,
        note.created,
        note.updated,
    )


class _Undecodable(str):
    """A TEXT value whose bytes are not UTF-8 (a flipped byte SQLite's checks do not see):
    read with replacement characters, and marked, so the row is named as damaged."""


def _decoded(data: bytes) -> str:
    """The connection's text factory: UTF-8, or an ``_Undecodable`` instead of failing the
    whole query (one bad byte made every listing fail with "Could not decode to UTF-8")."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _Undecodable(data.decode("utf-8", "replace"))


def _row_problem(row: tuple[Any, ...]) -> str | None:
    for column, value in zip(_COLUMNS, row, strict=False):
        if isinstance(value, _Undecodable):
            return f"its {column} is not valid UTF-8"
    return None


def _from_row(row: tuple[Any, ...]) -> Note:
    values = dict(zip(_COLUMNS, row, strict=True))
    return note_from_dict(
        {
            **values,
            "tags": json.loads(values["tags"]),
            "correction": json.loads(values["correction"]) if values["correction"] else None,
        }
    )


def note_to_dict(note: Note) -> dict[str, Any]:
    """A note as plain JSON values (the columns of the notes table)."""
    values = dict(zip(_COLUMNS, _to_row(note), strict=True))
    values["tags"] = list(note.tags)
    values["correction"] = json.loads(values["correction"]) if values["correction"] else None
    return values


def note_from_dict(values: dict[str, Any]) -> Note:
    """The inverse of ``note_to_dict``."""
    anchor = None
    if values.get("quote") is not None:
        first, last = values.get("original_start"), values.get("original_end")
        anchor = Anchor(
            exact=values["quote"],
            prefix=values.get("prefix") or "",
            suffix=values.get("suffix") or "",
            start=int(values["quote_start"]),
            end=int(values["quote_end"]),
            original=None if first is None or last is None else (int(first), int(last)),
        )
    correction = values.get("correction")
    return Note(
        kind=values["kind"],
        anchor=anchor,
        body=values.get("body") or "",
        tags=tuple(values.get("tags") or ()),
        colour=values.get("colour"),
        letter=values.get("letter"),
        flag_id=values.get("flag_id"),
        reason=values.get("reason") or "",
        correction=Correction(**correction) if correction else None,
        id=values["id"],
        created=values["created"],
        updated=values["updated"],
    )
