"""A terminal only a few rows high never crashes a list (Textual's OptionList paging bug, worked
around in tui.widgets.textual_fixes), and a search past the hit cap says so ("100,000+")."""

from __future__ import annotations

import pytest

from tui.analysis import Source
from tui.app import ReaderApp
from tui.screens.prompts import ChoiceScreen
from tui.search import MAX_HITS, hit_count
from tui.widgets.status import StatusLine

KEYS = ("pagedown", "pagedown", "pageup", "end", "home", "down", "up", "pagedown")


@pytest.mark.parametrize("size", [(80, 4), (80, 3), (30, 4), (12, 2), (80, 5)])
async def test_lists_page_safely_in_a_tiny_terminal(size: tuple[int, int]):
    app = ReaderApp()
    async with app.run_test(size=size) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*KEYS, "escape")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*KEYS, "escape")
        app.push_screen(ChoiceScreen("Pick:", [(str(i), f"choice {i}") for i in range(30)]))
        await pilot.pause()
        await pilot.press(*KEYS, "escape")
        await pilot.pause()
        assert app.is_running


def test_hit_count_reads_as_a_person_would():
    assert hit_count(1234) == "1,234"
    assert hit_count(MAX_HITS) == "100,000+"


async def test_a_search_past_the_cap_says_so_in_the_status_line():
    app = ReaderApp(source=Source(text="the cat " * (MAX_HITS + 5_000)))
    async with app.run_test(size=(100, 20)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("slash", "t", "h", "e", "enter")
        await pilot.pause()
        status = app.query_one(StatusLine).text
        assert status.startswith("/the 1/100,000+"), status
        await pilot.press("N")
        assert "100,000/100,000+" in app.query_one(StatusLine).text


async def test_a_search_under_the_cap_gives_the_exact_count():
    app = ReaderApp(source=Source(text="the cat " * 1_500))
    async with app.run_test(size=(100, 20)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("slash", "c", "a", "t", "enter")
        await pilot.pause()
        assert app.query_one(StatusLine).text.startswith("/cat 1/1,500")
