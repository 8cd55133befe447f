"""``closeread notes ...`` as functions: what they print and the exit codes they return."""

from __future__ import annotations

import json
from pathlib import Path

from tui.analysis import analyze
from tui.notes import database_path
from tui.notes.cli import find_quote, notes_add, notes_export, notes_import, notes_list
from tui.source import load

QUOTE = "about 3,000 passengers waited overnight"


def cleaned(path: Path) -> str:
    return analyze(load(str(path))).text


def listed(capsys, path: Path | None) -> list[dict]:
    capsys.readouterr()
    assert notes_list(str(path) if path else None, as_json=True) == 0
    return json.loads(capsys.readouterr().out)


def only_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    return err


def test_a_note_added_is_listed_anchored_on_its_quote(article: Path, capsys):
    assert notes_add(str(article), QUOTE, "How many?", ["#numbers", "check", "numbers"]) == 0
    assert "added note" in capsys.readouterr().out
    (row,) = listed(capsys, article)
    assert row["status"] == "anchored" and row["quote"] == QUOTE
    assert row["body"] == "How many?" and row["tags"] == ["numbers", "check"]
    assert row["document"] == str(article.resolve())
    start = cleaned(article).index(QUOTE)
    assert row["span"] == [start, start + len(QUOTE)]


def test_a_quote_not_in_the_article_is_a_bad_argument(article: Path, capsys):
    assert notes_add(str(article), "words that are not there") == 2
    assert "does not occur" in only_error_line(capsys)


def test_a_missing_article_is_one_line_and_exit_1(tmp_path: Path, capsys):
    assert notes_add(str(tmp_path / "missing.txt"), QUOTE) == 1
    assert "no such file" in only_error_line(capsys)


def test_a_quote_typed_with_other_spaces_and_straight_quotes_is_found():
    text = "The minister’s words were\nclear."
    assert find_quote(text, "minister's words were clear") == [(4, 31)]
    assert find_quote(text, "  ") == []


def test_a_note_follows_its_quote_through_a_rewrite_and_is_orphaned_when_it_goes(
    article: Path, capsys
):
    original = article.read_text(encoding="utf-8")
    notes_add(str(article), QUOTE, "How many?")
    rewritten = original.replace("\n\n", "\n\nA paragraph inserted above everything else.\n", 1)
    article.write_text(rewritten.replace("Monday", "Tuesday"), encoding="utf-8")
    (row,) = listed(capsys, article)
    start = cleaned(article).index(QUOTE)
    assert row["status"] == "anchored" and row["span"] == [start, start + len(QUOTE)]
    sentence = "Ferries to Calais were cancelled and " + QUOTE + "."
    article.write_text(rewritten.replace(sentence, ""), encoding="utf-8")
    (row,) = listed(capsys, article)
    assert row["status"] == "orphaned" and row["span"] is None and row["quote"] == QUOTE


def test_list_without_a_path_lists_every_article(article: Path, tmp_path: Path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("Another article, about the weather in Calais.\n", encoding="utf-8")
    notes_add(str(article), QUOTE)
    notes_add(str(other), "the weather")
    assert {row["document"] for row in listed(capsys, None)} == {
        str(article.resolve()),
        str(other.resolve()),
    }


def test_list_as_text_shows_id_status_span_and_quote(article: Path, capsys):
    notes_add(str(article), QUOTE, "How many?", ["numbers"])
    note_id = capsys.readouterr().out.split()[2]
    assert notes_list(str(article)) == 0
    line = capsys.readouterr().out.splitlines()[1]
    assert line.split()[:2] == [note_id, "anchored"]
    assert f"“{QUOTE}”" in line and "#numbers" in line and "How many?" in line


def test_an_article_without_notes_lists_nothing(article: Path, capsys):
    assert listed(capsys, article) == []
    assert notes_list(str(article)) == 0
    assert capsys.readouterr().out == "no notes\n"


def test_export_then_import_into_another_store_gives_the_same_notes(
    article: Path, tmp_path: Path, capsys, monkeypatch
):
    notes_add(str(article), QUOTE, "How many?", ["numbers"])
    before = listed(capsys, article)
    assert notes_export(str(article), "json") == 0
    exported = tmp_path / "notes.jsonld"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "elsewhere"))
    assert notes_import(str(exported)) == 0
    assert capsys.readouterr().out.strip() == "imported 1 note"
    assert listed(capsys, article) == before
    assert notes_import(str(exported)) == 0
    assert capsys.readouterr().out.strip() == "imported 0 notes (1 already saved)"


def test_export_as_markdown_quotes_the_passage(article: Path, capsys):
    notes_add(str(article), QUOTE, "How many?")
    capsys.readouterr()
    assert notes_export(None, "md") == 0
    out = capsys.readouterr().out
    assert f"> {QUOTE}" in out and "How many?" in out


def test_an_unknown_export_format_is_a_bad_argument(capsys):
    assert notes_export(None, "pdf") == 2
    only_error_line(capsys)


def test_importing_a_file_that_is_not_json_is_one_line_and_exit_1(tmp_path: Path, capsys):
    bad = tmp_path / "notes.json"
    bad.write_text('{"type": ', encoding="utf-8")
    assert notes_import(str(bad)) == 1
    assert "not JSON" in only_error_line(capsys)


def test_importing_markdown_without_closeread_notes_is_one_line(tmp_path: Path, capsys):
    bad = tmp_path / "notes.md"
    bad.write_text("# Notes\n\n> a quote\n", encoding="utf-8")
    assert notes_import(str(bad)) == 1
    assert "no closeread notes in this Markdown" in only_error_line(capsys)


def test_a_markdown_export_imports_back_like_json(
    article: Path, tmp_path: Path, capsys, monkeypatch
):
    notes_add(str(article), QUOTE, "How many? -- see <b>x</b> -->", ["numbers"])
    notes_add(str(article), "storm", "")
    before = listed(capsys, article)
    assert notes_export(str(article), "md") == 0
    exported = tmp_path / "notes.md"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(tmp_path / "elsewhere"))
    assert notes_import(str(exported)) == 0
    assert capsys.readouterr().out.strip() == "imported 2 notes"
    assert listed(capsys, article) == before
    assert notes_import(str(exported)) == 0
    assert capsys.readouterr().out.strip() == "imported 0 notes (2 already saved)"


def test_a_damaged_notes_database_is_one_line_and_exit_1(article: Path, tmp_path: Path, capsys):
    data = tmp_path / "damaged"
    data.mkdir()
    database_path(data).write_bytes(b"junk" * 1000)
    assert notes_list(str(article), data_dir=data) == 1
    assert "not a notes database" in only_error_line(capsys)
