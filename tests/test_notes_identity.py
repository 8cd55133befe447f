"""Notes follow the text, not the path: a document is known by its content first, its name
second; a note whose quoted words changed says so until the reader accepts or re-anchors it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tui.cli import main
from tui.notes import NoteStore, database_path
from tui.notes.anchor import anchor_notes, make_anchor
from tui.notes.export import to_jsonld, to_markdown
from tui.notes.model import Note
from tui.notes.store import source_key
from tui.source import load

QUOTE = "about 3,000 passengers waited overnight"
TEXT = "The harbour closed on Friday, officials said. Time Warner said on Friday it would pay.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, path: Path | None = None) -> list[dict]:
    code, out, _ = run(capsys, "notes", "list", *([str(path)] if path else []), "--json")
    assert code == 0
    return json.loads(out)


def test_a_moved_file_keeps_its_notes_and_takes_its_new_name(article: Path, tmp_path, capsys):
    assert run(capsys, "notes", "add", str(article), "--quote", QUOTE, "--body", "check")[0] == 0
    moved = tmp_path / "moved" / "renamed.txt"
    moved.parent.mkdir()
    article.rename(moved)
    (row,) = listed(capsys, moved)
    assert row["status"] == "anchored" and row["body"] == "check"
    # Registering the moved file (as the reader or `notes add` does) renames the document.
    assert run(capsys, "notes", "add", str(moved), "--quote", "Ferries")[0] == 0
    documents = {row["document"] for row in listed(capsys)}
    assert documents == {str(moved.resolve())}


def test_a_copy_shares_the_notes_but_the_original_keeps_its_name(article: Path, tmp_path, capsys):
    run(capsys, "notes", "add", str(article), "--quote", QUOTE)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(article.read_bytes())
    run(capsys, "notes", "add", str(copy), "--quote", "Ferries")
    rows = listed(capsys)
    assert {row["document"] for row in rows} == {str(article.resolve())}
    assert len(rows) == 2


def test_the_bundled_sample_is_known_by_content_not_by_where_it_is_installed(tmp_path):
    sample = load(None)
    assert source_key(sample) == "sample:kazakhstan-unrest-2022-scraped.txt"
    with NoteStore.open(tmp_path) as store:
        # A store made by an older install: the sample under that install's absolute path.
        old = store.document("/old/venv/lib/tui/seeds/sample.txt", TEXT, sample.sha256)
        store.add(old, Note("note", make_anchor(TEXT, 0, 11), body="kept"))
        found = store.find(source_key(sample), sample.sha256)
        assert found is not None and found.id == old.id
        doc = store.recognise(source_key(sample), TEXT, sample.sha256)
        assert doc.id == old.id and doc.source == source_key(sample)
        assert [n.body for n in store.notes(doc)] == ["kept"]


def test_a_paste_saved_to_a_file_keeps_its_notes(tmp_path):
    with NoteStore.open(tmp_path) as store:
        pasted = store.document("stdin:abc", TEXT)
        store.add(pasted, Note("note", make_anchor(TEXT, 0, 11)))
        saved = store.recognise(str(tmp_path / "saved.txt"), TEXT)
        assert saved.id == pasted.id and saved.source == str(tmp_path / "saved.txt")
        again = store.recognise("stdin:abc", TEXT)
        assert again.id == pasted.id and again.source == str(tmp_path / "saved.txt")


def test_an_edited_file_is_still_found_by_its_path(tmp_path):
    with NoteStore.open(tmp_path) as store:
        doc = store.recognise("/a.txt", TEXT)
        assert store.recognise("/a.txt", TEXT + "More.\n").id == doc.id


def test_relink_gives_a_moved_and_edited_file_its_notes(article: Path, tmp_path, capsys):
    run(capsys, "notes", "add", str(article), "--quote", QUOTE, "--body", "how many?")
    run(capsys, "notes", "add", str(article), "--quote", "Storm closes harbour")
    new = tmp_path / "new.txt"
    new.write_text(
        article.read_text().replace("Storm closes", "Gale shuts") + "More news.\n",
        encoding="utf-8",
    )
    article.unlink()
    assert listed(capsys, new) == []
    code, out, _ = run(capsys, "notes", "list")
    assert f"{article.resolve()}  (gone: notes placed on its text as last seen;" in out
    code, out, err = run(capsys, "notes", "relink", str(article), str(new))
    assert code == 0, err
    assert "relinked 2 notes" in out and "1 anchored" in out and "1 orphaned" in out
    rows = listed(capsys, new)
    assert {row["status"] for row in rows} == {"anchored", "orphaned"}
    assert {row["document"] for row in rows} == {str(new.resolve())}


def test_relink_of_an_unknown_name_is_one_line_and_exit_1(article: Path, capsys):
    code, _, err = run(capsys, "notes", "relink", "/nowhere/old.txt", str(article))
    assert code == 1 and "no notes are kept for /nowhere/old.txt" in err
    assert len(err.strip().splitlines()) == 1


def test_schema_one_stores_gain_content_keys_and_keep_every_note(tmp_path):
    """A store made before documents were known by content opens, migrates, and finds the
    old document again by its cleaned text."""
    db = sqlite3.connect(database_path(tmp_path))
    from tui.notes import store as store_module

    for statement in store_module._MIGRATIONS[0]:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO documents (id, source, fingerprint, text, created) VALUES (1, ?, ?, ?, 'x')",
        ("/gone.txt", store_module.fingerprint(TEXT), TEXT),
    )
    db.execute("INSERT INTO versions VALUES (1, ?, 'x', 'x')", (store_module.fingerprint(TEXT),))
    db.commit()
    db.close()
    with NoteStore.open(tmp_path) as store:
        doc = store.recognise("/here.txt", TEXT)
        assert doc.id == 1 and doc.source == "/here.txt"


def changed_note() -> tuple[str, list]:
    start = TEXT.index("Time Warner said on Friday")
    note = Note("note", make_anchor(TEXT, start, start + len("Time Warner said on Friday")))
    newer = TEXT.replace("said on Friday", "said on Thursday")
    return newer, anchor_notes([note], newer)


def test_a_note_whose_quoted_words_changed_is_marked_changed_with_both_texts():
    newer, (placed,) = changed_note()
    assert placed.status == "changed" and placed.changed
    assert placed.note.anchor.exact == "Time Warner said on Friday"
    assert placed.now == "Time Warner said on Thursday"
    assert newer[slice(*placed.span)] == placed.now
    (same,) = anchor_notes([placed.note], TEXT)
    assert same.status == "anchored" and same.now is None


def test_exports_mark_a_changed_note_and_show_the_new_words():
    from tui.notes.model import Document

    newer, placed = changed_note()
    doc = Document(1, "/a.txt", "f", newer)
    markdown = to_markdown([(doc, placed)])
    assert "(changed: the article no longer reads as quoted)" in markdown
    assert "> Time Warner said on Friday" in markdown
    assert "The article now reads:\n\n> Time Warner said on Thursday" in markdown
    (item,) = to_jsonld([(doc, placed)])["first"]["items"]
    assert item["closeread:status"] == "changed"
    assert item["closeread:now"] == "Time Warner said on Thursday"


def test_notes_list_says_changed_and_what_the_article_now_reads(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    run(capsys, "notes", "add", str(path), "--quote", "Time Warner said on Friday")
    path.write_text(TEXT.replace("said on Friday", "said on Thursday"), encoding="utf-8")
    (row,) = listed(capsys, path)
    assert row["status"] == "changed"
    assert row["quote"] == "Time Warner said on Friday"
    assert row["text"] == "Time Warner said on Thursday"
    out = run(capsys, "notes", "list", str(path))[1]
    assert "changed" in out and "now reads “Time Warner said on Thursday”" in out


async def test_the_reader_shows_a_changed_quote_and_A_accepts_the_new_words(tmp_path, capsys):
    from tui.app import ReaderApp
    from tui.widgets.status import StatusLine

    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    run(capsys, "notes", "add", str(path), "--quote", "Time Warner said on Friday")
    path.write_text(TEXT.replace("said on Friday", "said on Thursday"), encoding="utf-8")
    app = ReaderApp(str(path))
    async with app.run_test(size=(120, 30)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        status = app.query_one(StatusLine)
        assert "≠ 1 quote changed" in status.text
        (group,) = app.reading.sections[0].groups
        assert group.title == "Changed since quoted"
        assert group.items[0].label.startswith("≠✎")
        assert "the article now reads “Time Warner said on Thursday”" in group.items[0].status
        start = app.analysis.text.index("Time Warner")
        assert app.article._layers["changed"].touching(start, start + 1)
        app.article.move_cursor(start + 3)
        await pilot.pause()
        assert "changed: quoted “…said on Friday”, now “…said on Thursday”" in status.text
        await pilot.press("A")
        (placed,) = app.notebook.placed
        assert placed.status == "anchored"
        assert placed.note.anchor.exact == "Time Warner said on Thursday"
        assert "Accepted the new words" in status.text
        await pilot.press("u")
        assert app.notebook.placed[0].status == "changed"


async def test_A_with_a_selection_re_anchors_the_chosen_orphan(tmp_path, capsys):
    from tui.app import ReaderApp

    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    run(capsys, "notes", "add", str(path), "--quote", "The harbour closed on Friday")
    path.write_text("Officials said nothing more.\n", encoding="utf-8")
    app = ReaderApp(str(path))
    async with app.run_test(size=(120, 30)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        (placed,) = app.notebook.placed
        assert placed.status == "orphaned"
        orphan = next(i for s in app.reading.sections for g in s.groups for i in g.items)
        app.go_to(orphan)
        await pilot.press("g", "v", "l", "A")
        (placed,) = app.notebook.placed
        assert placed.status == "anchored" and placed.note.anchor.exact == "Officials said"
