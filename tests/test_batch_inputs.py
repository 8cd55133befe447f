"""Batch inputs as a user gives them: folders, --files-from lists and JSON Lines dumps."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from conftest import ARTICLE

from tui.cli import main


def _tree(root: Path) -> list[str]:
    """A small archive: suffixes in any case, a nested folder, files that are not articles."""
    files = {
        "b/2.txt": ARTICLE,
        "b/10.TXT": ARTICLE.replace("Dover", "Hull"),
        "a.md": "# Heading\n\nSome *body* text about Paris.\n",
        "c/d/page.HTM": "<html><body><article><p>Rain fell on Leeds on Tuesday.</p>"
        "</article></body></html>",
        "c/notes.json": '{"not": "an article"}',
        "c/image.png": "not really",
        "z.markdown": "Plain words in Rome.\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return files  # type: ignore[return-value]


def _records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_a_folder_gives_its_articles_recursively_sorted_by_path(tmp_path: Path, capsys):
    _tree(tmp_path / "archive")
    root = str(tmp_path / "archive")
    assert main(["analyze", root, "--json", "-j", "1"]) == 0
    captured = capsys.readouterr()
    paths = [r["path"] for r in _records(captured.out)]
    assert paths == [
        os.path.join(root, p) for p in ("a.md", "b/10.TXT", "b/2.txt", "c/d/page.HTM", "z.markdown")
    ]
    assert captured.err == "closeread: 5 analysed, 0 failed\n"
    formats = [r["source"]["format"] for r in _records(captured.out)]
    assert formats == ["markdown", "text", "text", "html", "markdown"]


def test_glob_chooses_other_files_by_name_or_path(tmp_path: Path, capsys):
    _tree(tmp_path)
    assert main(["analyze", str(tmp_path), "--json", "--glob", "*.json", "-j", "1"]) == 0
    assert [Path(r["path"]).name for r in _records(capsys.readouterr().out)] == ["notes.json"]
    assert main(["analyze", str(tmp_path), "--json", "--glob", "b/*", "-j", "1"]) == 0
    assert [Path(r["path"]).name for r in _records(capsys.readouterr().out)] == ["10.TXT", "2.txt"]


def test_a_folder_without_articles_is_a_failure_not_an_empty_success(tmp_path: Path, capsys):
    _tree(tmp_path)
    assert main(["analyze", str(tmp_path), "--json", "--glob", "*.pdf", "-j", "1"]) == 1
    captured = capsys.readouterr()
    assert _records(captured.out) == [
        {"path": str(tmp_path), "error": "a folder with no articles in it (*.pdf)"}
    ]
    assert captured.err.splitlines()[-1] == "closeread: 0 analysed, 1 failed"


def test_links_to_folders_are_not_followed_and_fifos_are_passed_over(tmp_path: Path, capsys):
    _tree(tmp_path / "archive")
    (tmp_path / "archive" / "loop").symlink_to(tmp_path / "archive")
    os.mkfifo(tmp_path / "archive" / "pipe.txt")
    assert main(["analyze", str(tmp_path / "archive"), "--json", "-j", "1"]) == 0
    assert len(_records(capsys.readouterr().out)) == 5


def test_files_from_a_list_and_from_stdin(tmp_path: Path, capsys, monkeypatch):
    _tree(tmp_path)
    listing = tmp_path / "list.txt"
    listing.write_text(f"{tmp_path / 'z.markdown'}\n\n{tmp_path / 'b'}\n{tmp_path / 'gone.txt'}\n")
    assert main(["analyze", "--files-from", str(listing), "--json", "-j", "1"]) == 1
    captured = capsys.readouterr()
    records = _records(captured.out)
    assert [Path(r["path"]).name for r in records] == ["z.markdown", "10.TXT", "2.txt", "gone.txt"]
    assert records[-1] == {"path": str(tmp_path / "gone.txt"), "error": "no such file"}
    assert captured.err.splitlines()[-1] == "closeread: 3 analysed, 1 failed"

    import io

    stdin = io.TextIOWrapper(io.BytesIO(f"{tmp_path / 'a.md'}\n".encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["analyze", "--files-from", "-", "--json"]) == 0
    assert [Path(r["path"]).name for r in _records(capsys.readouterr().out)] == ["a.md"]


def test_a_missing_list_is_one_line(tmp_path: Path, capsys):
    assert main(["analyze", "--files-from", str(tmp_path / "none.txt")]) == 1
    assert (
        capsys.readouterr().err
        == f"closeread: --files-from {tmp_path / 'none.txt'}: no such file\n"
    )


def _dump(path: Path, lines: list[str], gz: bool = False) -> Path:
    data = "".join(line + "\n" for line in lines).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_json_lines_records_are_analysed_with_id_date_and_html(tmp_path: Path, capsys, gz):
    page = "<html><head><title>T</title></head><body><article><p>Rain fell on Leeds on "
    page += "Tuesday, officials said.</p></article></body></html>"
    dump = _dump(
        tmp_path / ("dump.jsonl.gz" if gz else "dump.jsonl"),
        [
            json.dumps({"key": "a1", "body": ARTICLE, "day": "2024-03-04T10:00:00Z"}),
            "",
            json.dumps({"key": 7, "body": page}),
            "{broken",
            json.dumps({"key": "no-text"}),
            json.dumps({"key": "bad-date", "body": "x", "day": "soon"}),
        ],
        gz,
    )
    args = ["analyze", "--jsonl", str(dump), "--text-field", "body", "--id-field", "key"]
    assert main([*args, "--date-field", "day", "--json", "-j", "1"]) == 1
    captured = capsys.readouterr()
    first, html, broken, no_text, bad_date = _records(captured.out)
    assert (first["id"], first["line"], first["date"]) == ("a1", 1, "2024-03-04")
    assert "Dover" in first["text"] and first["source"]["path"] is None
    assert (html["id"], html["line"], html["source"]["format"]) == (7, 3, "html")
    assert "<p>" not in html["text"] and "Leeds" in html["text"]
    assert broken["line"] == 4 and broken["id"] is None and "not a JSON object" in broken["error"]
    assert no_text == {"id": "no-text", "line": 5, "error": "no text field 'body'"}
    assert bad_date["id"] == "bad-date" and "not an ISO date" in bad_date["error"]
    err = captured.err.splitlines()
    assert err[0].startswith(f"closeread: {dump} line 4: not a JSON object")
    assert err[1] == f"closeread: {dump} line 5 (id no-text): no text field 'body'"
    assert err[-1] == "closeread: 2 analysed, 3 failed"


def test_bad_combinations_are_usage_errors(tmp_path: Path, capsys):
    for args in (
        ["analyze"],
        ["analyze", "x.txt", "--jsonl", "d.jsonl"],
        ["analyze", "-", "--files-from", "-"],
        ["analyze", "x", "--output", "o.jsonl", "--format", "md"],
        ["analyze", "x", "--resume"],
        ["analyze", "x", "--output", "o.jsonl", "--shard-size", "3"],
        ["analyze", "x", "-j", "0"],
    ):
        with pytest.raises(SystemExit) as stopped:
            main(args)
        assert stopped.value.code == 2, args
        assert "usage:" in capsys.readouterr().err
