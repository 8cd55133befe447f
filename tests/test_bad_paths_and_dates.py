"""Paths that are not articles and dates the analysis cannot resolve: one line each, never a
hang or an "internal error", and a multi-file run goes on to the next file."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from tui.analysis import Source, analyze
from tui.app import ReaderApp
from tui.cli import main
from tui.screens.date import DateScreen

TEXT = (
    "The minister spoke in Paris on Monday.\n"
    "It rained 3000 years ago, he said, and 99999999999 weeks ago.\n"
)


@pytest.fixture
def ok(tmp_path: Path) -> Path:
    path = tmp_path / "ok.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _bad_paths(tmp_path: Path) -> dict[str, tuple[str, str]]:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "dir").mkdir()
    (tmp_path / "file").write_text("x")
    return {
        "fifo": (str(fifo), "is a FIFO (named pipe), not an article"),
        "symlink loop": (str(tmp_path / "loop1"), "a loop of symbolic links"),
        "empty path": ("", "an empty path names no file"),
        "device": ("/dev/null", "is a device, not an article"),
        "empty directory": (str(tmp_path / "dir"), "a folder with no articles in it"),
        "under a file": (str(tmp_path / "file" / "x.txt"), "no such file"),
        "NUL in the path": ("a\x00b", "not a valid path"),
    }


def test_each_bad_path_is_one_line_and_the_run_goes_on(tmp_path: Path, ok: Path, capsys):
    cases = _bad_paths(tmp_path)
    for name, (path, message) in cases.items():
        code = main(["analyze", path, str(ok)])
        out = capsys.readouterr()
        assert code == 1, name
        line, summary = out.err.splitlines()
        assert message in line and "internal error" not in line, (name, line)
        assert summary == "closeread: 1 analysed, 1 failed"
        assert out.out.startswith(str(ok)), name  # the next file was still analysed


def test_notes_list_does_not_read_a_fifo_target(tmp_path: Path, ok: Path, capsys):
    import json

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert main(["notes", "add", str(ok), "--quote", "Paris"]) == 0
    capsys.readouterr()
    assert main(["notes", "export", "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    item = exported["items"][0] if "items" in exported else exported["first"]["items"][0]
    item["target"]["source"] = str(fifo)
    item["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
    (tmp_path / "in.json").write_text(json.dumps(exported))
    assert main(["notes", "import", str(tmp_path / "in.json")]) == 0
    assert main(["notes", "list"]) == 0  # would hang reading the FIFO
    assert main(["notes", "export"]) == 0
    assert "Paris" in capsys.readouterr().out


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "0999-12-31", "9001-01-01"])
def test_out_of_range_dates_are_refused_at_the_option(day: str, ok: Path, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["analyze", "--date", day, str(ok)])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert "outside the dates" in err and "internal error" not in err


@pytest.mark.parametrize("day", [date(1000, 1, 1), date(9000, 12, 31), date(2020, 1, 1)])
def test_the_range_ends_and_huge_counts_resolve_or_stay_unresolved(day: date):
    text = "He left on Monday, yesterday, last week, next month, next year, 3 weeks ago.\n" + TEXT
    analysis = analyze(Source(text=text), reference=day)
    assert analysis.reference_date.date == day
    assert analysis.figures


def test_an_article_dated_beyond_the_range_is_not_the_reference():
    source = Source(text=TEXT, date=date(9999, 12, 31))
    analysis = analyze(source)
    assert analysis.reference_date is None or analysis.reference_date.date.year < 9000


@pytest.mark.parametrize("typed", ["0001-01-01", "9999-12-31", "nonsense\x1b]0;x\x07"])
async def test_D_refuses_an_out_of_range_date_with_one_line(typed: str, ok: Path):
    app = ReaderApp(str(ok))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, DateScreen)
        app.screen.query_one("#date-input").value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DateScreen)  # still asking
        error = str(app.screen.query_one("#date-error").render())
        assert ("outside the dates" in error) or ("Not a date" in error)
        assert "\x1b" not in error
        await pilot.press("escape")
        assert app.is_running and app.reference is None


def test_listing_takes_a_large_article_as_last_seen_without_reading_it(
    ok: Path, capsys, monkeypatch
):
    from tui.notes import cli as notes_cli

    assert main(["notes", "add", str(ok), "--quote", "Paris", "--body", "kept"]) == 0
    calls = []
    real = notes_cli.analyze
    monkeypatch.setattr(notes_cli, "analyze", lambda *a, **k: calls.append(a) or real(*a, **k))
    monkeypatch.setattr(notes_cli, "REREAD_LIMIT", ok.stat().st_size - 1)
    assert main(["notes", "list"]) == 0
    assert calls == [] and "kept" in capsys.readouterr().out
    monkeypatch.setattr(notes_cli, "REREAD_LIMIT", ok.stat().st_size)
    assert main(["notes", "list"]) == 0
    assert len(calls) == 1


def test_a_fifo_as_settings_or_notes_database_is_refused_without_waiting(
    tmp_path: Path, ok: Path, capsys
):
    os.mkfifo(tmp_path / "config.toml")
    assert main(["analyze", "--config", str(tmp_path / "config.toml"), str(ok)]) == 0
    assert "not a regular file" in capsys.readouterr().err
    data = tmp_path / "data"
    data.mkdir()
    os.mkfifo(data / "notes.sqlite3")
    assert main(["notes", "list", "--data-dir", str(data)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "is not a regular file" in line
