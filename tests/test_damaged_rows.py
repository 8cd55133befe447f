"""A store with rows SQLite's checks pass but Python cannot decode (a flipped byte in a body):
listings and exports still give every readable note and name the damaged ones, nothing is
written to it, and the reader offers to move it aside keeping every readable note."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tui.app import ReaderApp
from tui.cli import main
from tui.notes import NoteStore
from tui.screens.prompts import ConfirmScreen


def _damage(data: Path, quote: str) -> str:
    """Flip the body of the note on ``quote`` to bytes that are not UTF-8; its id."""
    with sqlite3.connect(data / "notes.sqlite3") as db:
        [note_id] = db.execute("SELECT id FROM notes WHERE quote = ?", (quote,)).fetchone()
        db.execute(
            "UPDATE notes SET body = CAST(X'6f6b20ff20666c6970' AS TEXT) WHERE id = ?", (note_id,)
        )
    return note_id


def _two_notes(article: Path, data: Path, capsys) -> str:
    for quote in ("Ferries to Calais", "port authority"):
        assert main(["notes", "add", str(article), "--quote", quote, "--body", quote + "!"]) == 0
    capsys.readouterr()
    return _damage(data, "port authority")


def test_list_and_export_give_the_readable_notes_and_name_the_damaged(
    article: Path, tmp_path: Path, capsys, monkeypatch
):
    data = tmp_path / "data"
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(data))
    bad = _two_notes(article, data, capsys)
    for args in (["notes", "list"], ["notes", "list", str(article)], ["notes", "export"]):
        assert main(args) == 1
        out = capsys.readouterr()
        assert "Ferries to Calais!" in out.out or "Ferries to Calais" in out.out
        assert "port authority!" not in out.out
        [line] = out.err.splitlines()
        assert "1 note cannot be read" in line and bad in line and "body is not valid UTF-8" in line
    assert main(["notes", "export", "--format", "json"]) == 1
    assert len(json.loads(capsys.readouterr().out)["first"]["items"]) == 1


def test_notes_add_refuses_a_damaged_store(article: Path, tmp_path: Path, capsys, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(data))
    _two_notes(article, data, capsys)
    assert main(["notes", "add", str(article), "--quote", "Dover"]) == 1
    err = capsys.readouterr().err
    assert "cannot be read (damaged); nothing is written" in err
    with sqlite3.connect(data / "notes.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 2


async def test_the_reader_shows_the_readable_notes_and_offers_to_move_aside(
    article: Path, tmp_path: Path, capsys, monkeypatch
):
    data = tmp_path / "data"
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(data))
    _two_notes(article, data, capsys)
    app = ReaderApp(str(article))
    async with app.run_test(size=(110, 36)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        assert [p.note.body for p in app.notebook.placed] == ["Ferries to Calais!"]
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.press("g", "h")  # refused: the file is damaged
        assert len(app.notebook.placed) == 1
        assert any("nothing is written" in n.message for n in app._notifications)
        app.annotator.offer_salvage(app.notebook.store.damaged)
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [p.note.body for p in app.notebook.placed] == ["Ferries to Calais!"]
        await pilot.press("g", "h")
        assert len(app.notebook.placed) == 2  # the new database takes notes again
    kept = [p for p in data.iterdir() if p.name.startswith("notes.damaged-")]
    assert kept and any(p.suffix == ".sqlite3" for p in kept)
    with NoteStore.open(data) as fresh:
        assert fresh.check() == {}
