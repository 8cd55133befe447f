"""The article's marks take their colours from the theme, read in dark and light themes, and
never let a highlight look like the selection."""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest
from textual.app import App
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tui.app import ReaderApp
from tui.widgets.marks import MUTED_CONTRAST, TEXT_CONTRAST, contrast, mark_colours

THEMES = [name for name in BUILTIN_THEMES if not name.startswith("ansi")]
HIGHLIGHTS = ("hl-yellow", "hl-green", "hl-blue", "hl-pink")
SELECTION = ("linked", "current", "visual", "selection")
MARKS = (
    ("hl-yellow", "a yellow highlight"),
    ("hl-green", "a green highlight"),
    ("hl-blue", "a blue highlight"),
    ("hl-pink", "a pink highlight"),
    ("linked", "other places of the selection and search hits"),
    ("current", "the current place of the selection"),
    ("visual", "a v selection"),
    ("mark-error", "an error flag"),
    ("mark-warning", "a warning flag"),
    ("mark-info", "an info flag"),
    ("note", "a note"),
    ("changed", "a note whose quoted words changed"),
    ("removed", "text cleaning removed, in the original"),
)


def colours(theme: str) -> dict:
    app = App()
    app.theme = theme
    surface = Color.parse(app.get_css_variables()["surface"])
    return surface, mark_colours(app.get_css_variables())


def rgb(style) -> Color:
    return Color.from_rich_color(style.bgcolor)


@pytest.mark.parametrize("theme", THEMES)
def test_text_on_every_mark_reads_at_wcag_aa(theme):
    surface, styles = colours(theme)
    for layer in (*HIGHLIGHTS, *SELECTION):
        style = styles[layer]
        ratio = contrast(Color.from_rich_color(style.color), rgb(style))
        assert ratio >= TEXT_CONTRAST, (layer, ratio)
    for layer in ("mark-error", "changed"):
        assert contrast(Color.from_rich_color(styles[layer].color), surface) >= TEXT_CONTRAST
    removed = Color.from_rich_color(styles["removed"].color)
    assert contrast(removed, surface) >= MUTED_CONTRAST


@pytest.mark.parametrize("theme", THEMES)
def test_no_highlight_shares_a_colour_with_the_selection_or_another(theme):
    surface, styles = colours(theme)

    def apart(a: Color, b: Color) -> float:
        return abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b)

    for a, b in product(HIGHLIGHTS, (*HIGHLIGHTS, *SELECTION)):
        if a != b:
            assert apart(rgb(styles[a]), rgb(styles[b])) >= 40, (a, b)
    for layer in (*HIGHLIGHTS, *SELECTION):
        assert apart(rgb(styles[layer]), surface) >= 40, layer


def test_ansi_themes_use_the_terminals_named_colours():
    app = App()
    app.theme = "ansi-dark"
    styles = mark_colours(app.get_css_variables())
    assert styles["hl-yellow"].bgcolor.name == "yellow"
    assert styles["linked"].bgcolor.name == "cyan"


def _marks_article(tmp_path: Path) -> Path:
    path = tmp_path / "marks.txt"
    path.write_text("".join(f"This line shows {words}.\n\n" for _, words in MARKS))
    return path


def _painting(theme: str):
    async def run_before(pilot) -> None:
        app = pilot.app
        app.theme = theme
        await app.wait_for_analysis()
        view = app.article
        for layer, words in MARKS:
            start = view.text.index(words)
            view.paint(layer, [(start, start + len(words))])
        view.move_cursor(len(view.text) - 1)
        await pilot.pause()

    return run_before


def test_every_mark_in_a_dark_theme(snap_compare, tmp_path):
    app = ReaderApp(str(_marks_article(tmp_path)))
    assert snap_compare(app, terminal_size=(90, 30), run_before=_painting("textual-dark"))


def test_every_mark_in_a_light_theme(snap_compare, tmp_path):
    app = ReaderApp(str(_marks_article(tmp_path)))
    assert snap_compare(app, terminal_size=(90, 30), run_before=_painting("textual-light"))


async def test_the_original_view_strikes_removed_text_readably_in_a_light_theme():
    app = ReaderApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "textual-light"
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("o")
        style = app.article._style("removed")
        assert style.strike
        surface = Color.parse(app.get_css_variables()["surface"])
        assert contrast(Color.from_rich_color(style.color), surface) >= MUTED_CONTRAST


async def test_filters_draw_ticked_and_unticked_apart():
    from textual.widgets import SelectionList

    for theme in ("textual-dark", "textual-light"):
        app = ReaderApp()
        async with app.run_test(size=(100, 30)) as pilot:
            app.theme = theme
            await app.wait_for_analysis()
            await pilot.pause()
            app.hidden_groups = frozenset({"Places"})
            await pilot.press("f")
            await pilot.pause()
            chooser = app.screen.query_one(SelectionList)
            on = chooser.get_component_rich_style("selection-list--button-selected")
            off = chooser.get_component_rich_style("selection-list--button")
            # Unticked: the mark is drawn in the box's own colour, so the box reads empty.
            assert off.color == off.bgcolor
            ticked = Color.from_rich_color(on.color)
            assert contrast(ticked, Color.from_rich_color(on.bgcolor)) >= 2.5 and on.bold


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "solarized-light"])
async def test_the_sidebars_guides_show_on_its_background(theme):
    """In light themes the tree's guides (├ │ └) were drawn in the pane's own colour."""
    app = ReaderApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        await app.wait_for_analysis()
        await pilot.pause()
        sidebar = app.sidebar
        for focused in (False, True):
            if focused:
                await pilot.press("tab")
                sidebar._styles.clear()
            guides = Color.from_rich_color(sidebar._style("guides").color)
            background = Color.from_rich_color(sidebar._style("base").bgcolor)
            assert contrast(guides, background) >= 1.4, (focused, guides, background)
