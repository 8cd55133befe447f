"""Hostile tags, bodies, quotes and file names on the command line: listings, exports and
reports write no raw control, bidi or invisible character to stdout (terminal, pipe or file);
JSON keeps the exact strings, with only those characters as \\u escapes; imports keep them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

TITLE = "\x1b]0;PWNED\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
TAGS = [TITLE + "t", CLIPBOARD + "c", "[a=b=c]x", "[@click=app.quit]CLICKME", "r\u202eev", "\x9bc1"]
BODY = f"Body {TITLE}\n\x1b[2Jcleared \u2066iso\u2069 zero\u200bwidth \x85nel \x7fdel\r\nend"
ARTICLE = (
    "Storm closes harbour\n\n"
    "The harbour at Dover was closed on Monday after a storm damaged two piers, "
    "according to the port authority.\n"
    "Ferries to Calais were cancelled and about 3,000 passengers waited overnight.\n"
)
RAW = {chr(c) for c in range(0x20) if chr(c) not in "\n"} | {chr(c) for c in range(0x7F, 0xA0)}
RAW |= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f\ufeff")


def assert_plain(out: str) -> None:
    bad = RAW & set(out)
    assert not bad, sorted(map(hex, map(ord, bad)))


@pytest.fixture
def hostile(tmp_path: Path, capsys) -> Path:
    path = tmp_path / f"a{TITLE}[draft].txt"
    path.write_text(ARTICLE, encoding="utf-8")
    args = ["notes", "add", str(path), "--quote", "Ferries to Calais", "--body", BODY]
    assert main([*args, *(x for t in TAGS for x in ("--tag", t))]) == 0
    assert_plain(capsys.readouterr().out)
    return path


@pytest.mark.parametrize(
    "args",
    [["notes", "list"], ["notes", "export"], ["notes", "export", "--format", "md"]],
    ids=["list", "export", "export md"],
)
def test_listing_and_markdown_export_write_no_raw_controls(args, hostile: Path, capsys):
    assert main(args) == 0
    out = capsys.readouterr().out
    assert_plain(out)
    assert "␛]0;PWNED␇" in out and "[@click=app.quit]CLICKME" in out


@pytest.mark.parametrize(
    "args", [["notes", "list", "--json"], ["notes", "export", "--format", "json"]]
)
def test_json_keeps_the_exact_strings_escaped(args, hostile: Path, capsys):
    assert main(args) == 0
    out = capsys.readouterr().out
    assert_plain(out.replace("\n", ""))
    assert "\\u001b]0;PWNED\\u0007" in out and "\\u202e" in out and "\\u0085" in out
    text = json.dumps(json.loads(out), ensure_ascii=False)
    for value in [BODY, *TAGS, str(hostile.resolve())]:
        assert json.dumps(value, ensure_ascii=False)[1:-1] in text


def test_export_then_import_keeps_every_string(hostile: Path, tmp_path: Path, capsys):
    assert main(["notes", "export", "--format", "json"]) == 0
    exported = tmp_path / "export.json"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    fresh = tmp_path / "fresh"
    assert main(["notes", "import", str(exported), "--data-dir", str(fresh)]) == 0
    capsys.readouterr()
    assert main(["notes", "list", "--json", "--data-dir", str(fresh)]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["body"] == BODY and row["tags"] == TAGS


@pytest.mark.parametrize("fmt", [["--format", "text"], ["--format", "md"], ["--json"]])
def test_analyze_reports_of_hostile_names_and_text(fmt, tmp_path: Path, capsys):
    path = tmp_path / f"n{TITLE}\u202e.txt"
    path.write_text(f"Title {TITLE}\n\nThe {CLIPBOARD} minister \u202espoke\u202c in Paris.\n")
    assert main(["analyze", str(path), *fmt]) == 0
    out = capsys.readouterr().out
    assert_plain(out.rstrip("\n"))
    if fmt == ["--json"]:
        assert "\u202e" in json.loads(out)["text"]


def test_an_unreadable_hostile_name_is_one_safe_line(tmp_path: Path, capsys):
    assert main(["analyze", str(tmp_path / f"missing{TITLE}.txt")]) == 1
    err = capsys.readouterr().err
    assert_plain(err.rstrip("\n"))
    assert "\x1b" not in err and err.count("\n") == 1
