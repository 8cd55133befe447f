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
