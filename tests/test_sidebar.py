"""The sidebar as a reader walks it: headings that open and close by key and by click, moving
between headings, the cursor kept through a rebuild, a large group opened on demand, and the key
bar's keys following the focus."""

from __future__ import annotations

from tui.analysis import Source
from tui.app import ReaderApp
from tui.widgets.keybar import KeyBar
from tui.widgets.sidebar import EAGER, Sidebar

SIZE = (120, 40)


async def _ready(pilot) -> Sidebar:
    await pilot.app.wait_for_analysis()
    await pilot.pause()
    return pilot.app.query_one(Sidebar)


def _row_labelled(sidebar: Sidebar, start: str) -> int:
    return next(y for y in range(sidebar.row_count) if sidebar.label(y)[2:].startswith(start))


async def test_space_and_enter_close_and_open_a_group_and_the_counts_stay():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        sidebar = await _ready(pilot)
        await pilot.press("tab")
        places = _row_labelled(sidebar, "Places")
        sidebar.move_cursor(places)
        rows = sidebar.row_count
        count = len(
            next(g for s in app.reading.sections for g in s.groups if g.title == "Places").items
        )
        assert sidebar.label(places) == f"▼ Places ({count})"
        await pilot.press("space")
        assert sidebar.label(places) == f"▶ Places ({count})"
        assert sidebar.row_count == rows - count
        assert not sidebar.is_open(places)
        await pilot.press("enter")
        assert sidebar.is_open(places) and sidebar.row_count == rows
        assert app.selection is None  # enter on a heading opens it, it selects nothing


async def test_a_closed_section_hides_its_groups_and_the_cursor_stays_on_it():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        sidebar = await _ready(pilot)
        entities = _row_labelled(sidebar, "Entities")
        figures = _row_labelled(sidebar, "Figures")
        sidebar.focus()
        sidebar.move_cursor(entities)
        await pilot.press("space")
        assert _row_labelled(sidebar, "Figures") == entities + 1
        assert sidebar.cursor == entities
        await pilot.press("down")
        assert sidebar.label(sidebar.cursor).startswith("▼ Figures")
        await pilot.press("up", "space")
        assert _row_labelled(sidebar, "Figures") == figures


async def test_walking_between_headings_and_back_to_the_heading():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        sidebar = await _ready(pilot)
        sidebar.focus()
        people = _row_labelled(sidebar, "People")
        sidebar.move_cursor(people + 1)  # the first person
        assert sidebar.cursor_item is not None and sidebar.cursor_item.kind == "entity"
        await pilot.press("shift+left")
        assert sidebar.cursor == people
        await pilot.press("shift+down")
        assert sidebar.label(sidebar.cursor)[2:].startswith("Organisations")
        await pilot.press("shift+up")
        assert sidebar.cursor == people
        await pilot.press("shift+right")  # the section after Entities
        assert sidebar.label(sidebar.cursor)[2:].startswith("Figures")
        await pilot.press("G")
        assert sidebar.cursor == sidebar.row_count - 1
        await pilot.press("g")
        assert sidebar.cursor == 0


async def test_a_click_on_a_headings_mark_toggles_it_and_a_click_on_a_row_chooses_it():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        sidebar = await _ready(pilot)
        people = _row_labelled(sidebar, "People")
        await pilot.click(Sidebar, offset=(2, people))  # ▼ at the group's depth
        await pilot.pause()
        assert not sidebar.is_open(people)
        await pilot.click(Sidebar, offset=(8, people))  # on the title: toggles too
        await pilot.pause()
        assert sidebar.is_open(people)
        await pilot.click(Sidebar, offset=(8, people + 1))
        await pilot.pause()
        assert app.selection == sidebar.item_at(people + 1)
        assert sidebar.cursor == people + 1


async def test_the_cursor_keeps_its_item_when_the_notes_change_above_it():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        sidebar = await _ready(pilot)
        almaty = next(i for i in app.outline_items() if i.name == "Almaty")
        sidebar.reveal(almaty)
        await pilot.press("h")  # a highlight: the Notes section above grows
        await pilot.pause()
        assert sidebar.label(0).startswith("▼ Notes (1)")
        assert sidebar.cursor_item == almaty


async def test_a_closed_group_stays_closed_through_a_filter_and_a_rebuild():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        sidebar = await _ready(pilot)
        sidebar.focus()
        sidebar.move_cursor(_row_labelled(sidebar, "Places"))
        await pilot.press("space", "f", "space", "enter")  # hide People
        assert app.reading.hidden_groups == frozenset({"People"})
        assert not sidebar.is_open(_row_labelled(sidebar, "Places"))


async def test_a_large_group_opens_closed_and_opening_it_shows_its_rows():
    count = EAGER + 50
    text = "\n\n".join(f"The crew counted {i + 1:,} boats." for i in range(count))
    app = ReaderApp(source=Source(text=text))
    async with app.run_test(size=SIZE) as pilot:
        sidebar = await _ready(pilot)
        counts = _row_labelled(sidebar, "Counts")
        assert sidebar.label(counts) == f"▶ Counts ({count})"
        sidebar.focus()
        sidebar.move_cursor(counts)
        rows = sidebar.row_count
        await pilot.press("enter")
        assert sidebar.row_count == rows + count
        await pilot.press("end")
        assert sidebar.cursor == sidebar.row_count - 1
        await pilot.press("pageup", "enter")
        assert app.selection is not None and app.selection.kind == "figure"


async def test_the_key_bar_shows_the_sidebars_keys_while_it_has_the_focus():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        bar = app.query_one(KeyBar)

        def shown() -> str:
            return "".join(segment.text for segment in bar.render_line(0))

        assert "Quit" in shown() and "Jump" not in shown() and "Commands" in shown()
        await pilot.press("tab")
        await pilot.pause()
        assert "Jump" in shown() and "Filter" in shown()
        start = shown().index(" ? ")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


async def test_panes_after_focus_moves_draw_what_a_fresh_draw_shows():
    """The panes keep their lines and scrollbars per focus state through ``tab`` (to make it
    cheap), and draw a scrollbar again only with the pane around it: what they show must be
    what a draw from scratch of the same state shows, in either theme."""
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        for steps in (["tab", "down"], ["shift+tab"], ["tab", "shift+tab", "tab"]):
            for key in steps:
                await pilot.press(key)
            await pilot.pause()
            kept = app.export_screenshot()
            app.refresh_css(animate=False)  # every style again: nothing kept
            await pilot.pause()
            assert app.export_screenshot() == kept, steps
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        kept = app.export_screenshot()
        app.refresh_css(animate=False)
        await pilot.pause()
        assert app.export_screenshot() == kept
