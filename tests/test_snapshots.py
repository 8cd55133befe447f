"""The look of the first screen, pinned after the analysis has finished."""

from __future__ import annotations

from tui.app import ReaderApp


async def _analysed(pilot) -> None:
    await pilot.app.wait_for_analysis()
    await pilot.pause()


def test_first_screen_of_the_sample(snap_compare):
    assert snap_compare(ReaderApp(), terminal_size=(120, 36), run_before=_analysed)
