"""The reader in a real terminal (tmux): hostile text changes nothing outside the window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def _wait_for(session: str, needle: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if needle in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} never appeared:\n{screen}")


def test_osc_title_and_markup_do_nothing_in_a_real_terminal(tmp_path: Path):
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Title \x1b]0;pwned\x07 here and \x1b]52;c;cm0=\x07 clip.\n"
        "[@click=app.quit]click[/] and [bold]x[/bold] stay literal.\n"
    )
    session = f"closeread-test-{os.getpid()}-{tmp_path.name}"  # unique across parallel runs
    _tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "100",
        "-y",
        "20",
        f"printf '\\033]2;before\\007'; sleep 0.3; {sys.executable} -m tui {article}; sleep 30",
    )
    try:
        screen = _wait_for(session, "stay literal")
        assert "[@click=app.quit]click[/]" in screen and "[bold]x[/bold]" in screen
        assert "␛]0;pwned␇" in screen
        _wait_for(session, "flag")  # the analysis has landed
        assert _tmux("display", "-p", "-t", session, "#{pane_title}").strip() == "before"
        _tmux("send-keys", "-t", session, "j", "j")
        time.sleep(0.5)
        assert "stay literal" in _tmux("capture-pane", "-p", "-t", session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_a_folder_opens_as_a_library_then_an_article_and_back(tmp_path: Path):
    """``closeread DIR`` in a real terminal: the list, enter opens an article, backspace
    returns to the list with the article's reading position shown."""
    folder = tmp_path / "clips"
    (folder / "older").mkdir(parents=True)
    (folder / "a-storm.txt").write_text(
        "Storm closes harbour\n\nThe harbour at Dover was closed on Monday after a storm "
        "damaged two piers, according to the port authority.\n\n" * 3
    )
    (folder / "older" / "b-vote.md").write_text(
        "# Budget vote delayed\n\nThe vote was delayed again on Tuesday, the speaker said.\n"
    )
    session = f"closeread-lib-{os.getpid()}-{tmp_path.name}"
    env = f"CLOSEREAD_DATA_DIR={tmp_path / 'data'} CLOSEREAD_CONFIG_DIR={tmp_path / 'config'}"
    _tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "120",
        "-y",
        "24",
        f"{env} {sys.executable} -m tui {folder}; sleep 30",
    )
    try:
        _wait_for(session, "2 analysed")
        screen = _wait_for(session, "Budget vote delayed")  # the rows can paint a frame later
        assert "Library —" in screen  # its folder may wrap onto the next line (long tmp paths)
        assert "older/b-vote.md" in screen
        _tmux("send-keys", "-t", session, "Enter")
        screen = _wait_for(session, "closeread 0.1.0 — Storm closes harbour")
        _wait_for(session, " words · ")  # the analysis has landed
        _tmux("send-keys", "-t", session, "G")
        time.sleep(0.5)
        _tmux("send-keys", "-t", session, "BSpace")
        screen = _wait_for(session, "Library —")
        _wait_for(session, "%")  # how far it was read, refreshed on the way back
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
