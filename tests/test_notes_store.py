"""The notes store: saved notes survive a kill, a second window, a damaged file, no folder."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from tui.analysis.entities import Correction
from tui.analysis.model import Source
from tui.notes import (
    Note,
    NoteStore,
    StoreCorrupt,
    StoreError,
    StoreUnavailable,
    anchor_notes,
    database_path,
    make_anchor,
    move_aside,
    source_key,
)
from tui.notes.store import SCHEMA_VERSION

TEXT = (
    "The harbour at Dover was closed on Monday after a storm damaged two piers.\n"
    "Ferries to Calais were cancelled and about 3,000 passengers waited overnight.\n"
)

WRITER = """
import sys
from tui.notes import Note, NoteStore, make_anchor
text = sys.argv[2]
store = NoteStore.open(sys.argv[1])
doc = store.document("test:article", text)
limit = int(sys.argv[3])
i = 0
while limit == 0 or i < limit:
    note = Note("note", make_anchor(text, i % 40, i % 40 + 12), body=f"{sys.argv[4]} {i}")
    store.add(doc, note)
    print(note.id, flush=True)
    i += 1
"""


def writer(data_dir: Path, limit: int, label: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), TEXT, str(limit), label],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def store(tmp_path: Path):
    with NoteStore.open(tmp_path / "data") as opened:
        yield opened


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def quote(text: str, words: str) -> Note:
    start = text.index(words)
    return Note("note", make_anchor(text, start, start + len(words)))


def test_opening_creates_the_folder_and_a_wal_database_at_the_current_schema(tmp_path: Path):
    with NoteStore.open(tmp_path / "new" / "data") as store:
        assert store.path == database_path(tmp_path / "new" / "data")
    db = sqlite3.connect(database_path(tmp_path / "new" / "data"))
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_saved_note_comes_back_with_every_field(store: NoteStore):
    doc = store.document("test:article", TEXT)
    start = TEXT.index("storm")
    anchor = replace(make_anchor(TEXT, start, start + 5), original=(start + 3, start + 8))
    notes = [
        Note("note", anchor, body="**Which** storm?\n\nCheck.", tags=("weather", "check")),
        Note("highlight", anchor, colour="yellow"),
        Note("bookmark", anchor, letter="a"),
        Note("dismissal", anchor, flag_id="repetition:0123456789", reason="intended"),
        Note("correction", None, correction=Correction("rename", "Dover", "Port of Dover")),
    ]
    for note in notes:
        store.add(doc, note)
    assert sorted(store.notes(doc), key=lambda n: n.id) == sorted(notes, key=lambda n: n.id)


def test_a_document_is_known_by_its_source_across_versions(store: NoteStore):
    first = store.document("test:article", TEXT)
    second = store.document("test:article", TEXT + "An update.\n")
    assert second.id == first.id
    assert store.versions(second) == [first.fingerprint, second.fingerprint]
    assert store.find_document("test:article").text == TEXT + "An update.\n"


def test_a_file_is_known_by_its_path_and_stdin_by_its_content():
    assert source_key(Source(TEXT, path="/tmp/a.txt", sha256="ab")) == "/tmp/a.txt"
    assert source_key(Source(TEXT, path=None, sha256="ab")) == "stdin:ab"


def test_update_replaces_the_note_and_marks_the_time(store: NoteStore):
    doc = store.document("test:article", TEXT)
    note = store.add(doc, replace(quote(TEXT, "storm"), updated="2000-01-01T00:00:00Z"))
    edited = store.update(doc, replace(note, body="a gale, really"))
    assert store.notes(doc) == [edited] and store.get(doc, note.id) == edited
    assert edited.body == "a gale, really" and edited.updated > note.updated


def test_updating_a_note_deleted_elsewhere_is_a_clear_error(store: NoteStore):
    doc = store.document("test:article", TEXT)
    with pytest.raises(StoreError, match="no note"):
        store.update(doc, quote(TEXT, "storm"))


def test_adding_the_same_note_twice_is_refused(store: NoteStore):
    doc = store.document("test:article", TEXT)
    note = store.add(doc, quote(TEXT, "storm"))
    with pytest.raises(StoreError, match="already saved"):
        store.add(doc, note)


def test_delete_removes_the_note(store: NoteStore):
    doc = store.document("test:article", TEXT)
    note = store.add(doc, quote(TEXT, "storm"))
    store.delete(doc, note.id)
    assert store.notes(doc) == []


def test_undo_reverses_an_add_an_edit_and_a_delete_in_turn(store: NoteStore):
    doc = store.document("test:article", TEXT)
    note = store.add(doc, quote(TEXT, "storm"))
    edited = store.update(doc, replace(note, body="edited"))
    store.delete(doc, note.id)
    assert str(store.undo(doc)) == "undid deleting a note"
    assert store.notes(doc) == [edited]
    assert str(store.undo(doc)) == "undid editing a note"
    assert store.notes(doc) == [note]
    assert str(store.undo(doc)) == "undid adding a note"
    assert store.notes(doc) == []
    assert store.undo(doc) is None


def test_undo_touches_only_its_own_document(store: NoteStore):
    first = store.document("test:first", TEXT)
    second = store.document("test:second", TEXT)
    kept = store.add(first, quote(TEXT, "storm"))
    store.add(second, quote(TEXT, "piers"))
    store.undo(first)
    assert store.notes(first) == []
    assert store.undo(first) is None
    assert kept not in store.notes(second) and len(store.notes(second)) == 1


def test_the_reading_position_is_remembered_and_follows_an_edit_above(store: NoteStore):
    doc = store.document("test:article", TEXT)
    assert store.position(doc) is None
    at = TEXT.index("Ferries")
    store.set_position(doc, at)
    assert store.position(doc) == at
    changed = store.document("test:article", "Breaking: an update.\n" + TEXT)
    assert store.position(changed) == at + len("Breaking: an update.\n")


def test_the_reading_position_is_not_a_note_and_not_undone(store: NoteStore):
    doc = store.document("test:article", TEXT)
    store.set_position(doc, 10)
    assert store.notes(doc) == []
    assert store.undo(doc) is None
    assert store.position(doc) == 10


def test_a_second_window_sees_the_first_windows_notes(tmp_path: Path):
    with NoteStore.open(tmp_path) as one, NoteStore.open(tmp_path) as two:
        note = one.add(one.document("test:article", TEXT), quote(TEXT, "storm"))
        assert two.notes(two.document("test:article", TEXT)) == [note]


def test_two_connections_writing_at_once_both_keep_their_notes(tmp_path: Path):
    def write(label: str) -> None:
        with NoteStore.open(tmp_path) as store:
            doc = store.document("test:article", TEXT)
            for i in range(60):
                store.add(doc, replace(quote(TEXT, "storm"), body=f"{label} {i}"))

    threads = [threading.Thread(target=write, args=(label,)) for label in ("one", "two")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with NoteStore.open(tmp_path) as store:
        bodies = {n.body for n in store.notes(store.document("test:article", TEXT))}
    assert bodies == {f"{label} {i}" for label in ("one", "two") for i in range(60)}


def test_two_processes_writing_at_once_both_keep_their_notes(tmp_path: Path):
    procs = [writer(tmp_path, 80, label) for label in ("one", "two")]
    ids = set()
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        ids |= set(out.split())
    with NoteStore.open(tmp_path) as store:
        saved = {n.id for n in store.notes(store.document("test:article", TEXT))}
    assert len(ids) == 160 and saved == ids


def test_a_writer_killed_mid_save_loses_no_note_it_had_saved(tmp_path: Path):
    proc = writer(tmp_path, 0, "loop")
    committed = []
    assert proc.stdout is not None
    while len(committed) < 150:
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else "writer stopped"
        committed.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    committed += proc.stdout.read().split()
    db = sqlite3.connect(database_path(tmp_path))
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with NoteStore.open(tmp_path) as store:
        saved = {n.id: n for n in store.notes(store.document("test:article", TEXT))}
    assert set(committed) <= set(saved)
    assert all(saved[i].body.startswith("loop ") for i in committed)


def test_a_file_that_is_not_a_database_is_reported_and_left_untouched(tmp_path: Path):
    path = database_path(tmp_path)
    path.write_bytes(b"these are not the notes you are looking for\n" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreCorrupt) as caught:
        NoteStore.open(tmp_path)
    assert "\n" not in str(caught.value) and caught.value.path == path
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_damaged_database_is_reported_and_left_untouched(tmp_path: Path):
    with NoteStore.open(tmp_path) as store:
        doc = store.document("test:article", TEXT * 200)
        for i in range(300):
            store.add(doc, replace(quote(TEXT, "storm"), body=f"note {i} " * 20))
    path = database_path(tmp_path)
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xa5" * (4096 * 3)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt, match="damaged"):
        NoteStore.open(tmp_path)
    assert path.read_bytes() == bytes(data)


def test_a_damaged_database_moved_aside_keeps_its_bytes_and_a_fresh_store_opens(tmp_path: Path):
    path = database_path(tmp_path)
    path.write_bytes(b"garbage" * 100)
    moved = move_aside(tmp_path)
    assert moved != path and moved.read_bytes() == b"garbage" * 100
    assert move_aside(tmp_path) != moved  # never overwrites an earlier one
    with NoteStore.open(tmp_path) as store:
        assert store.notes(store.document("test:article", TEXT)) == []


def test_a_database_from_a_newer_closeread_is_refused(tmp_path: Path):
    NoteStore.open(tmp_path).close()
    db = sqlite3.connect(database_path(tmp_path))
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer closeread"):
        NoteStore.open(tmp_path)


def test_a_data_folder_that_is_a_file_is_reported(tmp_path: Path):
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(StoreUnavailable, match="not a directory"):
        NoteStore.open(tmp_path / "data")


def test_a_data_folder_that_cannot_be_created_is_reported(tmp_path: Path):
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(StoreUnavailable, match="cannot be created"):
        NoteStore.open(tmp_path / "file" / "data")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_data_folder_is_reported(tmp_path: Path):
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreUnavailable, match="read-only"):
            NoteStore.open(folder)
    finally:
        folder.chmod(0o700)


def test_refreshing_anchors_measures_the_next_change_from_the_current_version(store: NoteStore):
    doc = store.document("test:article", TEXT)
    note = store.add(doc, quote(TEXT, "storm"))
    newer = store.document("test:article", "Breaking.\n" + TEXT)
    assert store.refresh_anchors(newer, anchor_notes(store.notes(newer), newer.text)) == 1
    (refreshed,) = store.notes(newer)
    assert refreshed.anchor == make_anchor(newer.text, *span_of(newer.text, "storm"))
    assert refreshed.updated == note.updated
    assert str(store.undo(newer)) == "undid adding a note"


def test_refreshing_keeps_a_changed_quote_as_the_reader_chose_it(store: NoteStore):
    doc = store.document("test:article", TEXT)
    note = store.add(doc, quote(TEXT, "about 3,000 passengers waited overnight"))
    newer = store.document("test:article", TEXT.replace("overnight", "all night"))
    placed = anchor_notes(store.notes(newer), newer.text)
    assert placed[0].span is not None
    assert store.refresh_anchors(newer, placed) == 0
    assert store.notes(newer) == [note]


def test_the_notes_core_never_imports_textual():
    probe = (
        "import sys, tui.notes, tui.notes.cli\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_full_disk_is_a_clear_error_and_loses_nothing_saved(tmp_path: Path):
    text = "The harbour closed on Monday after the storm. " * 40
    with NoteStore.open(tmp_path) as store:
        doc = store.document("article", text)
        saved = [store.add(doc, Note("note", make_anchor(text, 4, 11), body="kept"))]
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
        with pytest.raises(StoreError, match="full"):
            for _ in range(200):
                saved.append(
                    store.add(doc, Note("note", make_anchor(text, 4, 11), body="x" * 4000))
                )
        kept = len(saved)
    with NoteStore.open(tmp_path) as again:
        notes = again.notes(again.document("article", text))
        assert len(notes) == kept and notes[0].body == "kept"


def test_two_windows_opening_a_new_store_at_once_both_open(tmp_path: Path):
    """Switching a new database to WAL while another connection opens it can fail at once as
    "locked", without SQLite's busy wait (about one pair in a hundred): the store waits."""
    failures = []

    def open_one(where: Path) -> None:
        try:
            with NoteStore.open(where) as store:
                store.document("test:article", TEXT)
        except StoreError as error:
            failures.append(error)

    for n in range(100):
        where = tmp_path / str(n)
        threads = [threading.Thread(target=open_one, args=(where,)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
