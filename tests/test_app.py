"""The reader driven by keyboard, as a person would: open, outline, jump, help, quit."""

from __future__ import annotations

from pathlib import Path

from tui.analysis import Source
from tui.app import ReaderApp
from tui.screens.help import HelpScreen
from tui.widgets.article import ArticleView
from tui.widgets.sidebar import Sidebar
from tui.widgets.status import StatusLine

SIZE = (120, 40)


async def _ready(pilot) -> None:
    await pilot.app.wait_for_analysis()
    await pilot.pause()


def _status(app: ReaderApp) -> str:
    return app.query_one("#status", StatusLine).text


def _section_titles(app: ReaderApp) -> list[str]:
    sidebar = app.query_one(Sidebar)
    return [
        sidebar.label(y)[2:] for y in range(sidebar.row_count) if sidebar.row(y).kind == "section"
    ]


async def test_opens_the_sample_with_its_sidebar_sections():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        assert app.analysis is not None
        assert "Kassym-Jomart Tokayev" in app.query_one(ArticleView).text
        titles = _section_titles(app)
        assert [t.split(" (")[0] for t in titles] == [
            "Notes",
            "Entities",
            "Figures",
            "Flags",
            "Edits",
        ]


async def test_text_is_shown_before_the_analysis_finishes():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        assert app.query_one(ArticleView).text == app.source.text
        await _ready(pilot)


async def test_tab_moves_between_panes(article: Path):
    app = ReaderApp(str(article))
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        assert isinstance(app.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(app.focused, Sidebar)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ArticleView)


async def test_enter_on_a_sidebar_item_selects_it_and_says_so():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await pilot.press("tab")
        tree = app.query_one(Sidebar)
        for _ in range(200):
            if tree.cursor_item is not None:
                break
            await pilot.press("down")
        item = tree.cursor_item
        assert item is not None
        await pilot.press("enter")
        assert app.selection == item
        assert item.status.split(" (")[0] in _status(app)
        if item.spans:
            assert f"1/{len(item.spans)}" in _status(app)
        await pilot.press("escape")
        assert app.selection is None


async def test_help_lists_the_keys_and_closes():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_moving_keys_move_the_cursor_and_keep_it_on_screen():
    long_text = "\n".join(f"Paragraph {i} says something about the harbour." for i in range(200))
    app = ReaderApp(source=Source(text=long_text))
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        view = app.query_one(ArticleView)
        await pilot.press("j")
        assert view.text[view.cursor :].startswith("Paragraph 1 ")
        await pilot.press("k")
        assert view.cursor == 0
        await pilot.press("G")
        assert view.scroll_offset.y == view.max_scroll_y > 0
        assert view.text[view.cursor :].startswith("Paragraph 199 ")
        await pilot.press("g")
        assert view.scroll_offset.y == 0 and view.cursor == 0
        await pilot.press("space")
        assert view.scroll_offset.y > 1
        top = view.scroll_offset.y
        assert view._layout.line_of(view.cursor, view.paragraphs) >= top


async def test_markup_in_the_article_is_shown_as_typed():
    hostile = (
        "Read [bold]this[/bold] and [@click=app.quit]that[/] now.\nSecond \x1b]0;pwned\x07 line."
    )
    app = ReaderApp(source=Source(text=hostile))
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        view = app.query_one(ArticleView)
        rendered = "".join(seg.text for y in range(view.size.height) for seg in view.render_line(y))
        assert "[bold]this[/bold]" in rendered
        assert "[@click=app.quit]that[/]" in rendered
        assert "\x1b" not in rendered and "\x07" not in rendered
        assert "␛]0;pwned␇" in rendered
        await pilot.click(ArticleView)
        assert app.is_running


async def test_empty_article_opens_with_a_notice(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    app = ReaderApp(str(empty))
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        assert "empty" in _status(app)


async def test_o_shows_the_original_and_back():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        view = app.query_one(ArticleView)
        assert view.text == app.analysis.text
        await pilot.press("o")
        assert app.reading.showing_original and view.text == app.source.text
        assert "Original" in _status(app)
        await pilot.press("o")
        assert not app.reading.showing_original and view.text == app.analysis.text


async def test_choosing_an_edit_shows_it_in_the_original_with_its_reason():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        tree = app.query_one(Sidebar)
        first = next(
            y for y in range(tree.row_count) if getattr(tree.item_at(y), "kind", "") == "edit"
        )
        tree.move_cursor(first)
        tree.focus()
        await pilot.press("enter")
        item = tree.item_at(first)
        assert app.reading.showing_original
        assert item.status in _status(app) and "(original)" in _status(app)
        start, end = item.original[0]
        assert app.source.text[start:end] == app.query_one(ArticleView).text[start:end]


async def test_cursor_on_removed_text_in_the_original_says_why():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await pilot.press("o")
        edit = next(e for e in app.analysis.edits if e.kind == "boilerplate")
        app.query_one(ArticleView).move_cursor(edit.original[0] + 1)
        await pilot.pause()
        assert _status(app) == f"removed here, boilerplate: {edit.reason}"


async def test_clicking_a_sidebar_row_jumps_to_it():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        tree = app.query_one(Sidebar)
        line = next(y for y in range(tree.row_count) if tree.item_at(y) is not None)
        await pilot.click(Sidebar, offset=(6, line))
        await pilot.pause()
        assert app.selection == tree.item_at(line)


async def test_no_color_still_marks_flags_with_symbols(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        assert app.no_color
        view = app.query_one(ArticleView)
        gutters = {view.render_line(y)._segments[0].text.strip() for y in range(SIZE[1] - 4)}
        assert {"▲", "✖"} <= gutters
