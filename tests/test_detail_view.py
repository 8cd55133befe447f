"""The detail pane (i, or enter on the row just chosen) under the sidebar, following the
selection; x on the row under the sidebar's cursor; ? built from the active keymap, scrolled with
the reader's keys; the sidebar hidden, sized and stacked."""

from __future__ import annotations

from tui.app import ReaderApp
from tui.config import Config
from tui.details import describe, sentence_of
from tui.screens.help import HelpScreen, key_label

SIZE = (120, 36)


async def _open(app, pilot) -> None:
    await app.wait_for_analysis()
    await pilot.pause()


def item(app, kind: str, text: str):
    return next(i for i in app.outline_items() if i.kind == kind and text in i.name)


async def cursor_on(app, pilot, label: str) -> None:
    """Into the sidebar, its cursor on the first row whose label holds ``label``."""
    await pilot.press("tab")
    sidebar = app.sidebar
    sidebar.move_cursor(next(y for y in range(sidebar.row_count) if label in sidebar.label(y)))


def rows(app) -> dict[str, str]:
    return dict(app.details.lines)


async def test_i_shows_a_flag_in_full_with_every_place_and_its_sentence():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        flag = item(app, "flag", "loaded-term")
        app.go_to(flag)
        await pilot.press("i")
        await pilot.pause()
        pane = app.details
        assert pane.display and pane.region.y > app.sidebar.region.y  # under the sidebar
        assert pane.region.width > 0 and app.article.region.width > 60  # the article keeps room
        labels = [label for label, _ in pane.lines]
        assert ("Flag", "warning, rule loaded-term (wording)") in pane.lines
        assert labels.count("1.") == 1 and "2." in labels
        first = rows(app)["1."]
        assert first.startswith("“murdered” in: ") and "dozens of people were murdered" in first
        assert "Why" in labels and "Keys" in labels
        assert pane.current == "1."
        await pilot.press("n")  # the reader's keys act with the details in sight
        assert pane.current == "2." and pane.display
        await pilot.press("i")
        assert not pane.display


async def test_the_details_follow_the_selection_and_show_a_dismissal():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        app.go_to(item(app, "flag", "loaded-term"))
        await pilot.press("i")
        app.go_to(item(app, "entity", "Almaty"))
        await pilot.pause()
        assert rows(app)["Kind"] == "place" and app.details.title_text == "Almaty"
        flag = item(app, "flag", "loaded-term")
        app.go_to(flag)
        await pilot.press("x")  # dismiss, with a reason
        await pilot.pause()
        await pilot.press(*"opinion piece", "enter")
        await pilot.pause()
        assert rows(app).get("Dismissed") == "opinion piece"
        await pilot.press("escape")  # from the article: the selection ends
        assert app.details.title_text == "Nothing selected"


async def test_tab_reaches_the_details_and_j_scrolls_them_and_esc_closes():
    app = ReaderApp()
    async with app.run_test(size=(120, 24)) as pilot:
        await _open(app, pilot)
        app.go_to(item(app, "entity", "Almaty"))
        await pilot.press("i", "tab", "tab")
        pane = app.details
        assert pane.has_focus
        if pane.max_scroll_y:
            await pilot.press("j")
            assert pane.scroll_y == 1
        await pilot.press("escape")
        assert not pane.display and app.sidebar.has_focus


async def test_i_on_a_sidebar_row_selects_it_and_shows_it():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await cursor_on(app, pilot, "Almaty")
        await pilot.press("i")
        assert app.selection is not None and app.selection.name == "Almaty"
        assert app.details.display and rows(app)["Kind"] == "place"


async def test_enter_again_on_the_chosen_row_opens_its_details():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await cursor_on(app, pilot, "Almaty")
        await pilot.press("enter")
        assert app.selection is not None and app.selection.name == "Almaty"
        assert app.details is None  # made on first use
        await pilot.press("enter")
        await pilot.pause()
        assert app.details.display
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
        await pilot.pause()
        assert app.details.display and app.details.region.right <= 50


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
        assert not app.side.display and app.article.size.width > 100
    again = ReaderApp()
    async with again.run_test(size=SIZE) as pilot:
        await _open(again, pilot)
        assert not again.side.display
        await pilot.press("backslash")
        await pilot.pause()
        assert again.side.display and again.sidebar.outer_size.width == before + 4


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


async def test_under_the_article_the_sidebar_grows_taller_and_shorter(tmp_path, monkeypatch):
    monkeypatch.setenv("CLOSEREAD_CONFIG_DIR", str(tmp_path))
    app = ReaderApp()
    async with app.run_test(size=(50, 30)) as pilot:
        await _open(app, pilot)
        before = app.side.outer_size.height
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert app.side.outer_size.height == before + 3  # 10% of the 30 rows
        assert "50% of the height" in app.query_one("#status").text
        for _ in range(9):
            await pilot.press("less_than_sign")
        await pilot.pause()
        low = app.side.outer_size.height
        assert low == before // 2  # never under 20% (of the rows between title and status)
    again = ReaderApp()
    async with again.run_test(size=(50, 30)) as pilot:
        await _open(again, pilot)
        assert again.side.outer_size.height == low


async def test_the_pane_keeps_the_place_n_is_on_in_view_and_starts_a_new_item_at_the_top():
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot)
        app.go_to(item(app, "entity", "Almaty"))
        await pilot.press("i", "n", "n", "n", "n")
        await pilot.pause()
        pane = app.details
        assert pane.current == "5." and pane.scroll_y > 0
        marked = pane._rows[[label for label, _ in pane.lines].index("5.")]
        assert pane.scrollable_content_region.contains_region(marked.region)
        app.go_to(item(app, "flag", "loaded-term"))
        await pilot.pause()
        assert pane.scroll_y == 0 and pane.title_text.startswith("loaded-term")


async def test_the_widest_sidebar_is_as_wide_as_the_status_line_says(tmp_path, monkeypatch):
    monkeypatch.setenv("CLOSEREAD_CONFIG_DIR", str(tmp_path))
    app = ReaderApp()
    async with app.run_test(size=(160, 30)) as pilot:
        await _open(app, pilot)
        for _ in range(25):
            await pilot.press("greater_than_sign")
        await pilot.pause()
        said = app.query_one("#status").text
        assert said == "Sidebar: 100 columns (< and >)"
        assert app.side.outer_size.width == 100
        assert app.article.outer_size.width == 60


def test_sentence_of_finds_the_paragraph_of_the_span():
    text = "First one. Still first.\n\nSecond here. Two.\n\nThird."
    paragraphs = [(0, 23), (25, 42), (44, 50)]
    assert sentence_of(text, (38, 41), paragraphs) == "Two."
    assert sentence_of(text, (44, 49), paragraphs) == "Third."
    assert sentence_of(text, (11, 16), paragraphs) == "Still first."
    assert sentence_of(text, (24, 24), paragraphs) == "Still first. Second here."  # between


async def test_the_sidebar_keeps_the_chosen_row_in_view_when_the_pane_opens():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        await pilot.press("]", "i")
        await pilot.pause()
        sidebar = app.sidebar
        assert sidebar.cursor_item is not None and sidebar.cursor_item.key == app.selection.key
        top = sidebar.scroll_offset.y
        assert top <= sidebar.cursor < top + sidebar.scrollable_content_region.height
