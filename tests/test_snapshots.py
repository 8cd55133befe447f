"""The look of the first screen, pinned after the analysis has finished."""

from __future__ import annotations

from tui.app import ReaderApp


async def _analysed(pilot) -> None:
    await pilot.app.wait_for_analysis()
    await pilot.pause()


def test_first_screen_of_the_sample(snap_compare):
    assert snap_compare(ReaderApp(), terminal_size=(120, 36), run_before=_analysed)


async def _sidebar_focused(pilot) -> None:
    await _analysed(pilot)
    await pilot.press("tab", "down", "down", "down", "down")
    await pilot.pause()


def test_the_sidebar_focused_with_its_cursor_on_an_entity(snap_compare):
    """The focused cursor's colour, and the guides under its heading: pinned once the Tree
    gave way to the virtual list."""
    assert snap_compare(ReaderApp(), terminal_size=(120, 36), run_before=_sidebar_focused)


async def _original(pilot) -> None:
    await _analysed(pilot)
    await pilot.press("o")
    await pilot.pause()


def test_the_original_with_what_cleaning_removed(snap_compare):
    assert snap_compare(ReaderApp(), terminal_size=(120, 36), run_before=_original)


async def _date_dialog(pilot) -> None:
    await _analysed(pilot)
    await pilot.press("D")
    await pilot.pause()


def test_the_reference_date_dialog(snap_compare):
    assert snap_compare(ReaderApp(), terminal_size=(120, 36), run_before=_date_dialog)


async def _help(pilot) -> None:
    await _analysed(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


def test_the_help_screen(snap_compare):
    assert snap_compare(ReaderApp(), terminal_size=(120, 36), run_before=_help)


def test_the_first_screen_at_80_by_24(snap_compare):
    assert snap_compare(ReaderApp(), terminal_size=(80, 24), run_before=_analysed)


def test_the_first_screen_without_colour(snap_compare, monkeypatch):
    """NO_COLOR: flags still read by their gutter marks, selections by their style."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReaderApp()
    assert app.no_color
    assert snap_compare(app, terminal_size=(120, 36), run_before=_analysed)


def _details(theme: str):
    async def run_before(pilot) -> None:
        pilot.app.theme = theme
        await _analysed(pilot)
        await pilot.press("]", "i")
        await pilot.pause()

    return run_before


def test_the_detail_pane_under_the_sidebar_in_a_dark_theme(snap_compare):
    """A flag's details under the sidebar, the article beside them at its full width."""
    assert snap_compare(ReaderApp(), terminal_size=(120, 36), run_before=_details("textual-dark"))


def test_the_detail_pane_at_50_columns_in_a_light_theme(snap_compare):
    """Below 72 columns the sidebar and the details go under the article, side by side."""
    assert snap_compare(ReaderApp(), terminal_size=(50, 30), run_before=_details("textual-light"))
