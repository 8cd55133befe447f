"""``closeread serve``: the command each browser tab runs, the hint without the web extra, and
the options passed through. textual-serve itself is replaced by a recorder: the suite installs
no extra and opens no port."""

from __future__ import annotations

import shlex
import sys
import types
from pathlib import Path

import pytest

from tui.cli import main


class _Recorder:
    calls: list[dict] = []

    def __init__(self, command: str, **options: object) -> None:
        self.calls.append({"command": command, **options})

    def serve(self, debug: bool = False) -> None:
        self.calls[-1]["served"] = True


@pytest.fixture
def fake_serve(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    package = types.ModuleType("textual_serve")
    server = types.ModuleType("textual_serve.server")
    server.Server = _Recorder  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "textual_serve", package)
    monkeypatch.setitem(sys.modules, "textual_serve.server", server)
    _Recorder.calls = []
    return _Recorder.calls


def test_serve_runs_the_reader_with_its_options(fake_serve, article: Path, tmp_path: Path, capsys):
    code = main(
        [
            "serve",
            str(article),
            "--port",
            "9001",
            "--data-dir",
            str(tmp_path),
            "--date",
            "2022-01-06",
        ]
    )
    assert code == 0
    (call,) = fake_serve
    assert call["host"] == "localhost" and call["port"] == 9001 and call["served"]
    assert shlex.split(call["command"]) == [
        sys.executable,
        "-m",
        "tui",
        str(article.resolve()),
        "--data-dir",
        str(tmp_path),
        "--date",
        "2022-01-06",
    ]
    assert "http://localhost:9001" in capsys.readouterr().out


def test_serve_without_a_path_serves_the_sample_and_warns_on_open_hosts(fake_serve, capsys):
    assert main(["serve", "--host", "0.0.0.0"]) == 0
    assert shlex.split(fake_serve[0]["command"]) == [sys.executable, "-m", "tui"]
    assert "anyone who reaches this port" in capsys.readouterr().err


def test_serve_refuses_a_missing_file_in_one_line(fake_serve, tmp_path: Path, capsys):
    assert main(["serve", str(tmp_path / "gone.txt")]) == 1
    assert capsys.readouterr().err.count("\n") == 1 and not fake_serve


def test_serve_without_the_extra_says_how_to_install_it(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 1
    assert capsys.readouterr().err == (
        "closeread: serve needs the web extra, which is not installed: "
        "pip install 'closeread[web]'\n"
    )
