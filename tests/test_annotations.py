"""Annotating by keyboard: highlight, note, tag, bookmark, dismiss, correct, undo, and keep them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.app import ReaderApp
from tui.screens.note_editor import NoteEditor
from tui.screens.prompts import ConfirmScreen, TextPrompt
from tui.widgets.article import ArticleView
from tui.widgets.sidebar import Sidebar
from tui.widgets.status import StatusLine

SIZE = (120, 40)


async def _open(pilot) -> None:
    await pilot.app.wait_for_analysis()
    await pilot.pause()


def kinds(app: ReaderApp) -> list[str]:
    return [p.note.kind for p in app.notebook.placed]


def status(app: ReaderApp) -> str:
    return app.query_one(StatusLine).text


async def test_h_highlights_the_sentence_and_cycles_its_colour():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("g", "h")
        [placed] = app.notebook.placed
        assert placed.note.kind == "highlight" and placed.note.colour == "yellow"
        assert placed.span == view.sentence_at(view.cursor)
        assert len(view._layers["hl-yellow"]) == 1
        await pilot.press("h")
        assert app.notebook.placed[0].note.colour == "green"
        await pilot.press("h", "h", "h")
        assert app.notebook.placed == []
        await pilot.press("u")
        assert app.notebook.placed[0].note.colour == "pink"


async def test_v_selects_words_and_h_highlights_exactly_them():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("g", "v", "l", "l")
        await pilot.press("h")
        [placed] = app.notebook.placed
        assert app.analysis.text[slice(*placed.span)] == "According to Russian"
        assert app.annotator.visual_anchor is None


async def test_a_writes_a_note_that_the_sidebar_lists():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("g", "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Who are these sources?", "ctrl+s")
        [placed] = app.notebook.placed
        assert placed.note.body == "Who are these sources?"
        assert app.query_one(Sidebar).label(0) == "▼ Notes (1)"
        await pilot.press("a")
        assert app.screen.query_one("#note-text").text == "Who are these sources?"
        await pilot.press("escape")
        assert app.notebook.placed[0].note.body == "Who are these sources?"


async def test_t_tags_and_the_filter_hides_a_tag():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("g", "t")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"check, #later", "enter")
        assert app.notebook.placed[0].note.tags == ("check", "later")
        app.reading.hidden_groups = frozenset({"#later"})
        app.refresh_notes()
        assert not any(i.kind == "note" for i in app.outline_items())


async def test_b_sets_a_bookmark_and_quote_returns_to_it():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("g", "right_curly_bracket", "right_curly_bracket", "b", "m")
        marked = view.cursor
        await pilot.press("G", "apostrophe", "m")
        assert view.cursor == app.notebook.bookmark("m").span[0]
        assert view.sentence_at(marked)[0] == view.cursor


async def test_x_dismisses_a_flag_and_brackets_skip_it():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("g", "right_square_bracket")
        flag = app.selection
        await pilot.press("x", *"quoted verbatim", "enter")
        assert app.notebook.dismissed()[flag.key].reason == "quoted verbatim"
        flags = next(s for s in app.reading.sections if s.title == "Flags")
        assert flag.key in [i.key for g in flags.groups if g.title == "Dismissed" for i in g.items]
        assert flag.key not in [i.key for i in app.reading.flag_order]
        app.view.select(next(i for g in flags.groups for i in g.items if i.key == flag.key))
        await pilot.press("x")
        assert flag.key not in app.notebook.dismissed()


async def test_x_on_an_entity_renames_it_and_the_analysis_keeps_the_fix():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        almaty = next(i for i in app.outline_items() if i.name == "Almaty")
        app.go_to(almaty)
        await pilot.press("x", "enter")  # the first choice: rename
        await pilot.press(*"Alma-Ata", "enter")
        await app.wait_for_analysis()
        await pilot.pause()
        names = {e.name for e in app.analysis.entities}
        assert "Alma-Ata" in names and "Almaty" not in names


async def test_notes_and_the_reading_position_survive_a_restart():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("g", "right_curly_bracket", "right_curly_bracket", "h")
        await pilot.press("right_curly_bracket")
        where = app.query_one(ArticleView).cursor
        await pilot.press("q")
    again = ReaderApp()
    async with again.run_test(size=SIZE) as pilot:
        await _open(pilot)
        assert kinds(again) == ["highlight"]
        assert again.query_one(ArticleView).cursor == where
        assert "back where you left off" in status(again)


async def test_sidebar_d_deletes_a_note_after_confirming():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("g", "h", "tab")
        tree = app.query_one(Sidebar)
        tree.move_cursor(2)  # Notes, Highlights, the highlight
        assert tree.cursor_item.kind == "note"
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert kinds(app) == ["highlight"]
        await pilot.press("d", "y")
        assert kinds(app) == []


async def test_a_corrupt_database_opens_the_article_without_notes(tmp_path: Path):
    data = Path(os.environ["CLOSEREAD_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    broken = data / "notes.sqlite3"
    broken.write_bytes(b"this is not a database at all" * 100)
    before = broken.read_bytes()
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.notebook is None and app.analysis is not None
        await pilot.press("h")
    assert broken.read_bytes() == before


async def test_palette_export_writes_a_new_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("g", "h")
        app.annotator.note_actions.export_notes("md")
        app.annotator.note_actions.export_notes("md")
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "kazakhstan-unrest-2022-scraped.notes-2.md",
        "kazakhstan-unrest-2022-scraped.notes.md",
    ]
    assert "According to Russian news sources" in (tmp_path / written[1]).read_text()


async def test_a_failed_save_is_reported_and_the_reader_carries_on(monkeypatch):
    from tui.notes import StoreError

    app = ReaderApp()
    messages: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        monkeypatch.setattr(app, "notify", lambda message, **_: messages.append(message))

        def full(*_, **__):
            raise StoreError("notes.sqlite3: database or disk is full")

        monkeypatch.setattr(app.notebook.store, "add", full)
        await pilot.press("g", "h")
        assert any(m.startswith("Not saved: ") and "full" in m for m in messages)
        assert app.notebook.placed == [] and app.is_running


def test_a_note_follows_an_article_edited_twice(tmp_path: Path):
    from tui.notebook import Notebook
    from tui.source import decode

    first = "Opening words here.\nThe minister resigned on Friday after the vote.\nEnd."
    source = decode(first.encode(), path=str(tmp_path / "a.txt"))
    book = Notebook.open(tmp_path / "data", source)
    book.attach(first)
    start = first.index("resigned")
    book.add("note", (start, start + len("resigned on Friday")), body="check the day")
    second = "A new lead paragraph.\n" + first
    book.attach(second)
    third = second.replace("Opening words here.", "Opening words were rewritten entirely.")
    book.attach(third)
    [placed] = book.shown()
    assert third[slice(*placed.span)] == "resigned on Friday"
    book.close()


async def test_ctrl_s_right_after_typing_saves_every_key_typed():
    """ctrl+s was a priority key: it reached the app before the editor had taken the keys
    typed just ahead of it, and the note was saved short ("says Frid")."""
    from textual import events

    app = ReaderApp()
    saved: list[str | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        app.push_screen(NoteEditor("quote", ""), saved.append)
        await pilot.pause()
        for ch in "says Friday":  # all queued at once, as a fast typist's keys are
            app.post_message(events.Key("space" if ch == " " else ch, ch))
        app.post_message(events.Key("ctrl+s", None))
        await pilot.pause()
        await pilot.pause()
    assert saved == ["says Friday"]


def test_a_selection_ends_at_the_end_of_the_cursors_word():
    from tui.annotate import word_end

    text = "Time Warner said on Friday, then left."
    assert text[5 : word_end(text, text.index("said"))] == "Warner said"
    assert text[12 : word_end(text, text.index("Friday"))] == "said on Friday"
    assert text[: word_end(text, text.index("left"))] == "Time Warner said on Friday, then left"
    assert word_end("a", 0) == 1 and word_end("", 0) == 0


async def test_h_highlights_the_mouse_selection_and_ends_it():
    from textual.geometry import Offset
    from textual.selection import Selection

    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        view = app.article
        app.screen.selections = {view: Selection(Offset(0, 0), Offset(9, 0))}
        await pilot.press("h")
        [placed] = app.notebook.placed
        assert app.analysis.text[slice(*placed.span)] == "According"
        assert view not in app.screen.selections
