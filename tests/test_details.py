"""The details a close reader needs: copying what is selected, duplicate flags that land on
the copy, a status line that says where the cursor is, and a hint for `closeread -`."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from contextlib import suppress

import pytest
from textual.geometry import Offset
from textual.selection import Selection

from tui.app import ReaderApp
from tui.widgets.status import StatusLine

SIZE = (120, 36)


@pytest.fixture
async def reader():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        yield app, pilot


def status(app: ReaderApp) -> str:
    return app.query_one(StatusLine).text


async def test_y_copies_the_v_selection_and_says_so(reader):
    app, pilot = reader
    await pilot.press("g", "v", "l", "l", "y")
    assert app.clipboard == "According to Russian"
    said = status(app)
    assert said.startswith("Copied the selection (20 characters)")
    assert said.endswith(": “According to Russian”")
    assert app.annotator.visual_anchor is None


async def test_the_clipboard_caveat_comes_before_the_words_so_it_is_never_cut(reader, monkeypatch):
    app, pilot = reader
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    await pilot.press("g", "v", "l", "l", "y")
    assert status(app).startswith(
        "Copied the selection (20 characters) · tmux/screen need set-clipboard on: “According"
    )


async def test_ctrl_c_copies_the_mouse_selection_by_the_same_path(reader):
    app, pilot = reader
    view = app.article
    app.screen.selections = {view: Selection(Offset(0, 0), Offset(9, 0))}
    await pilot.press("ctrl+c")
    assert app.clipboard == "According"
    assert status(app).startswith("Copied the mouse selection (9 characters)")


async def test_y_copies_the_current_span_then_the_sentence(reader):
    app, pilot = reader
    item = next(i for i in app.outline_items() if i.name == "Almaty")
    app.go_to(item)
    await pilot.press("n", "y")
    a, b = item.spans[1]
    assert app.clipboard == app.analysis.text[a:b] == "Almaty"
    assert f"Copied entity 2/{len(item.spans)}" in status(app)
    await pilot.press("escape", "g", "y")
    assert app.clipboard == app.analysis.text[slice(*app.article.sentence_at(0))]
    assert "Copied the sentence" in status(app)


async def test_ctrl_c_in_a_dialog_is_the_dialogs_own(reader):
    app, pilot = reader
    await pilot.press("g", "a")
    before = app.clipboard
    await pilot.press("ctrl+c")
    assert app.clipboard == before and type(app.screen).__name__ == "NoteEditor"


async def test_duplicate_flag_marks_the_kept_paragraph_then_lands_on_the_removed_copy(reader):
    app, pilot = reader
    flag = next(i for i in app.outline_items() if i.key.startswith("duplicate-paragraph"))
    app.go_to(flag)
    await pilot.pause()
    view = app.article
    kept = flag.spans[0]
    assert view._layers["current"].touching(kept[0], kept[1])
    assert "1/2" in status(app) and not app.reading.showing_original
    await pilot.press("n")
    assert app.reading.showing_original and "2/2 (original)" in status(app)
    copy = flag.original[1]
    assert view.text[copy[0] : copy[1]] == app.analysis.text[kept[0] : kept[1]]
    assert view.cursor == copy[0]
    assert view._layers["current"].touching(copy[0], copy[1])
    assert view._layers["removed"].touching(copy[0], copy[1])
    await pilot.press("n")
    assert not app.reading.showing_original and "1/2" in status(app)


async def test_a_status_message_does_not_outlive_the_cursor_move(reader):
    app, pilot = reader
    await pilot.press("g", "y")
    assert status(app).startswith("Copied")
    await pilot.press("}")
    assert status(app).startswith("paragraph 2 of ")


def test_dash_without_a_pipe_gives_a_hint_not_a_blank_screen():
    """stdin a terminal: `closeread -` says how to pipe an article, at once."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: stdin, stdout and stderr are the pseudo-terminal
        os.execv(sys.executable, [sys.executable, "-m", "tui", "-"])
    output = b""
    with suppress(OSError):  # the terminal's end reads as an error on Linux
        while chunk := os.read(fd, 1024):
            output += chunk
    _, code = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(code) == 2
    assert b"'-' reads the article from a pipe" in output
    assert b"cat article.txt | closeread -" in output


def test_dash_with_a_pipe_still_reads_it():
    result = subprocess.run(
        [sys.executable, "-m", "tui", "analyze", "-"],
        input=b"The mayor said 12 people came.\n",
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0 and b"figures: 1" in result.stdout


def test_counts_and_quotes_are_worded_once():
    from tui.wording import plural, quoted

    assert [plural(n, "warning") for n in (1, 11)] == ["1 warning", "11 warnings"]
    assert plural(2, "entity") == "2 entities"
    assert quoted("“peacekeeping”") == "“peacekeeping”"
    assert quoted("said") == "“said”"


def test_a_changed_quote_shows_where_it_changed():
    from tui.wording import changed_words

    long = "The minister told reporters in the capital late on Monday that the talks had "
    assert changed_words(long + "failed", long + "stalled") == (
        "…talks had failed",
        "…talks had stalled",
    )
    assert changed_words("said on Friday in Paris", "said on Thursday in Paris") == (
        "said on Friday in Paris",
        "said on Thursday in Paris",
    )
    assert changed_words("a  b", "a b") == ("a  b", "a b")
