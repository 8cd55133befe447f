"""The detail view (i, or enter on the row just chosen), x on the row under the sidebar's
cursor, and ? built from the active keymap, scrolled with the reader's keys."""

from __future__ import annotations

from tui.app import ReaderApp
from tui.config import Config
from tui.details import describe, sentence_of
from tui.screens.details import DetailScreen
from tui.screens.help import HelpScreen, key_label

SIZE = (120, 36)


async def _open(app, pilot) -> None:
    await app.wait_for_analysis()
    await pilot.pause()


def item(app, kind: str, text: str):
    return next(i for i in app.outline_items() if i.kind == kind and text in i.name)


def rows(app) -> dict[str, str]:
    return dict(app.screen._lines)


async def test_i_shows_a_flag_in_full_with_every_place_and_its_sentence():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        flag = item(app, "flag", "loaded-term")
        app.go_to(flag)
        await pilot.press("i")
        assert isinstance(app.screen, DetailScreen)
        lines = app.screen._lines
        labels = [label for label, _ in lines]
        assert ("Flag", "warning, rule loaded-term (wording)") in lines
        assert labels.count("1.") == 1 and "2." in labels
        first = dict(lines)["1."]
        assert first.startswith("“murdered” in: ") and "dozens of people were murdered" in first
        assert "Why" in labels and "Keys" in labels
        await pilot.press("q")
        assert not isinstance(app.screen, DetailScreen)


async def test_enter_again_on_the_chosen_row_opens_its_details():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("tab")
        sidebar = app.sidebar
        row = next(y for y in range(sidebar.row_count) if "Almaty" in sidebar.label(y))
        sidebar.move_cursor(row)
        await pilot.press("enter")
        assert app.selection is not None and app.selection.name == "Almaty"
        assert not isinstance(app.screen, DetailScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        details = rows(app)
        assert details["Kind"] == "place"
        assert details["1."].startswith("“Almaty” in: ")


async def test_a_figures_details_say_how_its_date_was_resolved():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        wednesday = next(
            i for i in app.outline_items() if i.kind == "figure" and i.name.startswith("Wednesday")
        )
        _, lines = describe(wednesday, app.analysis)
        date_line = dict(lines)["Date"]
        assert "counted from" in date_line and "the reference date (caption" in date_line
        assert dict(lines)["Value"] == "2022-01-05"


async def test_a_duplicate_flags_details_show_the_removed_copy():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        flag = item(app, "flag", "duplicate-paragraph")
        _, lines = describe(flag, app.analysis)
        assert dict(lines)["2."].startswith("the removed copy, in the original: “The National")


def test_sentence_of_a_span():
    text = "One thing. Two things here. Three."
    assert sentence_of(text, (15, 21), [(0, len(text))]) == "Two things here."


async def test_x_in_the_sidebar_acts_on_the_row_under_the_cursor_not_the_selection():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        app.go_to(item(app, "entity", "Almaty"))
        await pilot.press("tab")
        app.sidebar.move_cursor(0)  # a section heading
        await pilot.pause()
        await pilot.press("x")
        assert type(app.screen).__name__ != "ChoiceScreen"  # no fix of the earlier selection
        sidebar = app.sidebar
        row = next(y for y in range(sidebar.row_count) if "Reuters" in sidebar.label(y))
        sidebar.move_cursor(row)
        await pilot.press("x")
        assert type(app.screen).__name__ == "ChoiceScreen"
        assert "Reuters" in str(app.screen._question)


async def test_help_lists_the_active_keymap_with_readable_names_and_scrolls_with_j():
    app = ReaderApp(config=Config(keys={"next_flag": "F", "sentence_next": "ctrl+e"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = {
            description: key
            for _, bindings in app.screen._sections
            for key, description in (
                (key_label(b.key), b.description) for b in bindings if hasattr(b, "key")
            )
        }
        assert shown["Next flag"] == "F" and shown["Next sentence"] == "ctrl+e"
        assert shown["Previous sentence"] == "("
        body = app.screen.query_one("#help-body")
        await pilot.press("j", "j", "j")
        assert body.scroll_y == 3
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y > 3
        await pilot.press("g")
        assert body.scroll_y == 0


async def test_dialogs_fit_a_50_column_screen():
    app = ReaderApp()
    async with app.run_test(size=(50, 24)) as pilot:
        await _open(app, pilot)
        await pilot.press("question_mark")
        assert app.screen.query_one("#help-body").outer_size.width <= 50
        await pilot.press("escape", "]", "i")
        assert app.screen.query_one("#details-body").outer_size.width <= 50


async def test_b_and_apostrophe_show_that_a_letter_is_awaited():
    from tui.widgets.status import StatusLine

    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("b")
        assert "waiting for a letter" in app.query_one(StatusLine).text
        assert "Bookmark letter:" in str(app.screen.query("Static").first().render())
        await pilot.press("1")
        assert app.query_one(StatusLine).text == "No bookmark set"
        await pilot.press("apostrophe")
        assert app.query_one(StatusLine).text.startswith("'▏ waiting for a letter")


async def test_the_sidebar_hides_widens_narrows_and_is_remembered(tmp_path, monkeypatch):
    monkeypatch.setenv("CLOSEREAD_CONFIG_DIR", str(tmp_path))
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        before = app.sidebar.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert app.sidebar.outer_size.width == before + 8
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert app.sidebar.outer_size.width == before + 4
        await pilot.press("backslash")
        await pilot.pause()
        assert not app.sidebar.display and app.article.size.width > 100
    again = ReaderApp()
    async with again.run_test(size=SIZE) as pilot:
        await _open(again, pilot)
        assert not again.sidebar.display
        await pilot.press("backslash")
        await pilot.pause()
        assert again.sidebar.display and again.sidebar.outer_size.width == before + 4


async def test_at_50_columns_the_sidebar_goes_under_the_article(tmp_path, monkeypatch):
    monkeypatch.setenv("CLOSEREAD_CONFIG_DIR", str(tmp_path))
    app = ReaderApp()
    async with app.run_test(size=(50, 30)) as pilot:
        await _open(app, pilot)
        article, sidebar = app.article, app.sidebar
        assert article.size.width >= 44  # the whole width, less its padding
        assert sidebar.region.y >= article.region.bottom
        lines = [article.render_line(y).text for y in range(article.size.height)]
        # Words are not broken across lines: each line ends at a word's end.
        text = app.analysis.text
        for line in lines:
            stripped = line.strip()
            if stripped and len(stripped) > 3:
                last = stripped.split()[-1]
                assert last in text


def test_the_readme_lists_every_binding_id():
    from pathlib import Path

    from tui.keys import READER_KEYS
    from tui.widgets.article import ArticleView
    from tui.widgets.sidebar import Sidebar

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for binding in (*READER_KEYS, *ArticleView.BINDINGS, *Sidebar.BINDINGS):
        assert f"| `{binding.id}` |" in readme, binding.id


async def test_the_palette_shows_a_flags_whole_reason_as_its_second_line():
    from textual.command import CommandPalette

    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("ctrl+p", *"vague source")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        palette = app.screen.query_one("CommandList")
        shown = " ".join(
            str(palette.get_option_at_index(i).prompt) for i in range(palette.option_count)
        )
        assert "name the outlet or the report (AP Stylebook, “anonymous sources”)" in shown
