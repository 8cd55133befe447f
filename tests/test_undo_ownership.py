"""Undo belongs to its window: it reverses only its own changes, and never one on a note
another window (or ``closeread notes add``) has changed since."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui.app import ReaderApp
from tui.notes import Note, NoteStore, make_anchor
from tui.notes.cli import notes_add
from tui.notes.errors import UndoRefused
from tui.widgets.status import StatusLine

TEXT = (
    "The harbour at Dover was closed on Monday after a storm damaged two piers.\n"
    "Ferries to Calais were cancelled and about 3,000 passengers waited overnight.\n"
)


def quote(words: str) -> Note:
    start = TEXT.index(words)
    return Note("note", make_anchor(TEXT, start, start + len(words)))


@pytest.fixture
def two(tmp_path: Path):
    with NoteStore.open(tmp_path) as mine, NoteStore.open(tmp_path) as theirs:
        yield mine, theirs


def test_undo_skips_what_another_window_added(two):
    mine, theirs = two
    doc = mine.document("k", TEXT)
    my_note = mine.add(doc, quote("storm"))
    their_note = theirs.add(theirs.document("k", TEXT), quote("Ferries"))
    assert str(mine.undo(doc)) == "undid adding a note"
    assert [n.id for n in mine.notes(doc)] == [their_note.id]
    assert my_note.id not in {n.id for n in theirs.notes(doc)}
    assert mine.undo(doc) is None  # their add is not ours to undo


def test_undo_refuses_a_note_another_window_edited_since_and_goes_on(two):
    mine, theirs = two
    doc = mine.document("k", TEXT)
    first = mine.add(doc, quote("harbour"))
    note = mine.add(doc, quote("storm"))
    theirs.update(doc, replace(note, body="theirs"))
    with pytest.raises(UndoRefused, match="edited in another window"):
        mine.undo(doc)
    assert [n.body for n in mine.notes(doc) if n.id == note.id] == ["theirs"]
    assert str(mine.undo(doc)) == "undid adding a note"  # the step before it
    assert first.id not in {n.id for n in mine.notes(doc)}


def test_undo_refuses_to_bring_back_or_delete_behind_another_window(two):
    mine, theirs = two
    doc = mine.document("k", TEXT)
    note = mine.add(doc, quote("storm"))
    theirs.delete(doc, note.id)
    with pytest.raises(UndoRefused, match="deleted in another window"):
        mine.undo(doc)
    again = theirs.add(doc, quote("Ferries"))
    mine.delete(doc, again.id)
    with pytest.raises(UndoRefused, match="deleted in another window"):
        theirs.undo(doc)  # their add: the note is gone, deleted here
    assert mine.notes(doc) == []
    assert str(mine.undo(doc)) == "undid deleting a note"  # ours: nobody touched it since
    assert [n.id for n in theirs.notes(doc)] == [again.id]


def test_undo_of_an_edit_another_window_deleted_restores_nothing(two):
    mine, theirs = two
    doc = mine.document("k", TEXT)
    note = theirs.add(doc, quote("storm"))
    mine.update(doc, replace(note, body="mine"))
    theirs.delete(doc, note.id)
    with pytest.raises(UndoRefused, match="deleted in another window"):
        mine.undo(doc)
    assert mine.notes(doc) == []


async def test_u_in_the_reader_keeps_a_note_added_from_the_command_line(article: Path, capsys):
    app = ReaderApp(str(article))
    async with app.run_test(size=(110, 36)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("j", "j", "h")
        assert len(app.notebook.placed) == 1
        assert notes_add(str(article), "Ferries to Calais", "from the shell") == 0
        await pilot.press("u")
        await pilot.pause()
        kinds = {n.kind: n for n in app.notebook.store.notes(app.notebook.document)}
        assert set(kinds) == {"note"} and kinds["note"].body == "from the shell"
        assert "Undid adding a highlight" in app.query_one(StatusLine).text
        await pilot.press("u")
        await pilot.pause()
        assert [n.body for n in app.notebook.store.notes(app.notebook.document)] == [
            "from the shell"
        ]
        assert any("Nothing to undo" in n.message for n in app._notifications)
    capsys.readouterr()


async def test_u_says_so_when_another_window_changed_the_note(article: Path, tmp_path):
    app = ReaderApp(str(article))
    async with app.run_test(size=(110, 36)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("j", "j", "h")
        [placed] = app.notebook.placed
        with NoteStore.open(app.notebook.store.path.parent) as other:
            other.update(app.notebook.document, replace(placed.note, colour="green"))
        await pilot.press("u")
        await pilot.pause()
        [kept] = app.notebook.store.notes(app.notebook.document)
        assert kept.colour == "green"
        assert any(
            "Not undone (adding a highlight): it was edited in another window" in n.message
            for n in app._notifications
        )
