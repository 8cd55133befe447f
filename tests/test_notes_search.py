"""Notes searched across articles (SQLite FTS5): the store, the query syntax, the migration of an
older store, ``closeread notes search`` and the palette's "Search all notes…"."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tui.cli import main
from tui.notes import Note, NoteStore, make_anchor
from tui.notes.fts import fts_query
from tui.notes.store import SCHEMA_VERSION

DOVER = (
    "The harbour at Dover was closed on Monday after a storm damaged two piers.\n"
    "Ferries to Calais were cancelled and about 3,000 passengers waited overnight.\n"
)
ALMATY = "Protesters gathered in Almaty, the country's largest city, on Wednesday.\n"


def _note(text: str, quote: str, body: str = "", tags: tuple[str, ...] = ()) -> Note:
    start = text.index(quote)
    return Note("note", make_anchor(text, start, start + len(quote)), body=body, tags=tags)


@pytest.fixture
def store(tmp_path: Path):
    with NoteStore.open(tmp_path) as opened:
        dover = opened.document("/news/dover.txt", DOVER)
        almaty = opened.document("https://example.org/almaty", ALMATY)
        opened.add(dover, _note(DOVER, "3,000 passengers", "Source for the count?", ("count",)))
        opened.add(dover, _note(DOVER, "storm", "Which storm? Named by the Met Office?"))
        opened.add(almaty, _note(ALMATY, "largest city", "True, but not the capital", ("géo",)))
        yield opened


def _found(store: NoteStore, query: str) -> list[tuple[str, str]]:
    return [(hit.source, hit.note.body) for hit in store.search(query)]


def test_words_in_body_quote_and_tags_are_found(store: NoteStore):
    assert _found(store, "capital") == [("https://example.org/almaty", "True, but not the capital")]
    assert _found(store, "passengers") == [("/news/dover.txt", "Source for the count?")]
    assert [s for s, _ in _found(store, "count")] == ["/news/dover.txt"]


def test_prefixes_phrases_and_accents(store: NoteStore):
    assert len(_found(store, "stor")) == 1
    assert len(_found(store, '"met office"')) == 1
    assert _found(store, '"office met"') == []
    assert len(_found(store, "geo")) == 1  # the tag is "géo"
    assert _found(store, "storm capital") == []  # every word must match


@pytest.mark.parametrize("query", ['a"b', "NEAR(", "col:x", "*", "^start", "-", "", "   ", "AND"])
def test_any_typed_text_is_a_valid_query(store: NoteStore, query: str):
    store.search(query)  # never an FTS5 syntax error


def test_fts_query_quotes_every_term():
    assert fts_query('storm "met office" a:b') == '"storm"* "met office" "a"* "b"*'
    assert fts_query("  ") == ""


def test_edits_and_deletes_follow_into_the_index(store: NoteStore):
    dover = store.find_document("/news/dover.txt")
    note = next(n for n in store.notes(dover) if "storm" in n.body)
    store.update(dover, replace(note, body="Which gale?"))
    assert _found(store, "storm") == [] or all("gale" in b for _, b in _found(store, "storm"))
    assert _found(store, "gale") == [("/news/dover.txt", "Which gale?")]
    store.delete(dover, note.id)
    assert _found(store, "gale") == []
    assert store.undo(dover)
    assert _found(store, "gale") == [("/news/dover.txt", "Which gale?")]


def test_reading_positions_are_not_hits(store: NoteStore):
    dover = store.find_document("/news/dover.txt")
    store.set_position(dover, DOVER.index("Ferries"))
    assert _found(store, "ferries") == []


def test_an_older_store_is_indexed_when_opened(tmp_path: Path):
    with NoteStore.open(tmp_path) as opened:
        doc = opened.document("/news/dover.txt", DOVER)
        opened.add(doc, _note(DOVER, "storm", "An older note"))
    db = sqlite3.connect(tmp_path / "notes.sqlite3")
    for trigger in ("notes_search_add", "notes_search_delete", "notes_search_update"):
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute("DROP TABLE notes_search")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    db.commit()
    db.close()
    with NoteStore.open(tmp_path) as reopened:
        assert [h.note.body for h in reopened.search("older")] == ["An older note"]


def test_recent_lists_documents_last_opened_first(store: NoteStore):
    recent = store.recent()
    assert {r.source for r in recent} == {"/news/dover.txt", "https://example.org/almaty"}
    dover = store.find_document("/news/dover.txt")
    store.set_position(dover, len(DOVER) // 2)
    row = next(r for r in store.recent() if r.source == "/news/dover.txt")
    assert row.notes == 2 and row.read is not None and 0.4 < row.read < 0.6


def test_cli_search_text_and_json(store: NoteStore, tmp_path: Path, capsys):
    assert main(["notes", "search", "capital", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "https://example.org/almaty"
    assert "“largest city”" in out[1] and "#géo" in out[1] and "not the capital" in out[1]
    assert main(["notes", "search", "storm", "--json", "--data-dir", str(tmp_path)]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["document"] == "/news/dover.txt" and hit["quote"] == "storm"
    assert main(["notes", "search", "nothing-like-it", "--data-dir", str(tmp_path)]) == 1
    assert "no notes match" in capsys.readouterr().out


def test_cli_search_shows_hostile_text_inert(tmp_path: Path, capsys):
    with NoteStore.open(tmp_path) as opened:
        doc = opened.document("/x\x1b[31m.txt", DOVER)
        opened.add(doc, _note(DOVER, "storm", "evil \x1b]52;c;aGk=\x07 [bold]x[/bold]"))
    assert main(["notes", "search", "evil", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
