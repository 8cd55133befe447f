"""Keyboard navigation on the sample, key by key, as a reader would use it."""

from __future__ import annotations

import pytest
from textual import events
from textual.geometry import Offset
from textual.selection import Selection

from tui.analysis import Source
from tui.app import ReaderApp
from tui.screens.filters import FilterScreen
from tui.widgets.article import GUTTER, ArticleView
from tui.widgets.sidebar import Sidebar
from tui.widgets.status import StatusLine

SIZE = (120, 40)


@pytest.fixture
async def reader(monkeypatch):
    """The sample, analysed, with notices collected in ``app.notices``."""
    app = ReaderApp()
    app.notices = []
    monkeypatch.setattr(app, "notify", lambda message, **_: app.notices.append(message))
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        yield app, pilot


def status(app: ReaderApp) -> str:
    return app.query_one("#status", StatusLine).text


def entity(app: ReaderApp, name: str):
    return next(i for i in app.outline_items() if i.kind == "entity" and i.name == name)


async def test_palette_goes_to_an_entity_by_part_of_its_name(reader):
    app, pilot = reader
    await pilot.press("ctrl+p")
    await pilot.press(*"Tokayev")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    assert app.selection is not None and app.selection.name == "Kassym-Jomart Tokayev"
    total = len(app.selection.spans)
    assert total >= 2 and f"1/{total}" in status(app)
    view = app.query_one(ArticleView)
    assert view.cursor == app.selection.spans[0][0]


async def test_n_and_N_walk_the_linked_spans_and_wrap_with_a_notice(reader):
    app, pilot = reader
    item = entity(app, "Almaty")
    app.go_to(item)
    total = len(item.spans)
    await pilot.press("n")
    assert f"2/{total}" in status(app)
    await pilot.press("N", "N")
    assert f"{total}/{total}" in status(app)
    assert "Wrapped to the last." in app.notices
    await pilot.press("n")
    assert f"1/{total}" in status(app)
    assert "Wrapped to the first." in app.notices


async def test_n_with_nothing_selected_says_what_to_do(reader):
    app, pilot = reader
    app.action_clear_selection()
    await pilot.press("n")
    assert app.selection is None
    assert any("Nothing selected" in n for n in app.notices)


async def test_brackets_move_between_flags_in_reading_order(reader):
    app, pilot = reader
    flags = sorted(
        (i for i in app.outline_items() if i.kind == "flag" and i.spans),
        key=lambda i: (i.spans[0][0], i.key),
    )
    assert len(flags) >= 2
    await pilot.press("g", "right_square_bracket")
    assert app.selection == flags[0]
    assert flags[0].status.split(":")[0] in status(app)
    await pilot.press("right_square_bracket")
    assert app.selection == flags[1]
    await pilot.press("left_square_bracket")
    assert app.selection == flags[0]
    await pilot.press("left_square_bracket")
    assert app.selection == flags[-1]
    assert "Wrapped to the last flag." in app.notices


async def test_ctrl_o_goes_back_and_ctrl_n_forward(reader):
    app, pilot = reader
    view = app.query_one(ArticleView)
    start = view.cursor
    app.go_to(entity(app, "Almaty"))
    await pilot.press("n")
    after_n = view.cursor
    await pilot.press("ctrl+o")
    assert view.cursor == entity(app, "Almaty").spans[0][0]
    await pilot.press("ctrl+o")
    assert view.cursor == start and app.selection is None
    await pilot.press("ctrl+n", "ctrl+n")
    assert view.cursor == after_n


async def test_search_counts_hits_and_n_walks_them(reader):
    app, pilot = reader
    text = app.query_one(ArticleView).text
    await pilot.press("slash", *"Almaty")
    await app.wait_for_analysis()
    await pilot.pause()
    hits = text.count("Almaty")
    assert f"{hits} hits" in status(app)
    await pilot.press("enter")
    assert isinstance(app.focused, ArticleView)
    await pilot.press("n")
    assert f"2/{hits}" in status(app)


async def test_escape_cancels_a_search_and_restores_the_selection(reader):
    app, pilot = reader
    item = entity(app, "Almaty")
    app.go_to(item)
    await pilot.press("slash", *"zzz")
    await app.wait_for_analysis()
    await pilot.pause()
    assert "no hits" in status(app)
    await pilot.press("escape")
    assert app.selection == item
    assert not app.searching


async def test_escape_clears_the_selection(reader):
    app, pilot = reader
    app.go_to(entity(app, "Almaty"))
    await pilot.press("escape")
    assert app.selection is None


async def test_braces_move_by_paragraph(reader):
    app, pilot = reader
    view = app.query_one(ArticleView)
    paragraphs = app.analysis.paragraphs
    await pilot.press("g", "right_curly_bracket")
    assert view.cursor == paragraphs[1][0]
    await pilot.press("right_curly_bracket", "left_curly_bracket")
    assert view.cursor == paragraphs[1][0]


async def test_moving_onto_a_mention_selects_its_entity_in_the_sidebar(reader):
    app, pilot = reader
    item = entity(app, "Almaty")
    app.query_one(ArticleView).move_cursor(item.spans[2][0] + 1)
    await pilot.pause()
    assert app.selection == item and app.reading.position == 2
    assert app.query_one(Sidebar).cursor_item == item
    assert f"3/{len(item.spans)}" in status(app)


async def test_cursor_on_a_flagged_span_shows_the_flag(reader):
    app, pilot = reader
    flag = next(
        i
        for i in app.outline_items()
        if i.kind == "flag" and i.spans and i.spans[0][1] > i.spans[0][0]
    )
    app.query_one(ArticleView).move_cursor(flag.spans[0][0])
    await pilot.pause()
    assert flag.status[:40] in status(app)


async def test_y_copies_the_sentence_at_the_cursor(reader):
    app, pilot = reader
    app.action_clear_selection()
    await pilot.press("g", "y")
    assert app.clipboard.startswith("According to Russian news sources")
    assert app.clipboard.endswith("control of the country.")


async def test_y_copies_the_current_span_of_the_selection(reader):
    app, pilot = reader
    app.go_to(entity(app, "Almaty"))
    await pilot.press("y")
    assert app.clipboard == "Almaty"


async def test_click_on_a_mention_selects_its_entity(reader):
    app, pilot = reader
    view = app.query_one(ArticleView)
    item = entity(app, "Kassym-Jomart Tokayev")
    start = item.spans[0][0]
    y = view._layout.line_of(start, view.paragraphs)
    x = start - view._layout.line(y)[0]
    view.scroll_to(y=0, animate=False, immediate=True)
    await pilot.pause()
    padding = view.content_region.x - view.region.x
    await pilot.click(ArticleView, offset=(padding + GUTTER + x + 1, y))
    await pilot.pause()
    assert app.selection == item


async def test_mouse_selection_copies_article_text(reader):
    app, _ = reader
    view = app.query_one(ArticleView)
    line = view._layout.line(0)
    chosen = view.get_selection(Selection(Offset(0, 0), Offset(8, 0)))
    assert chosen == (view.text[line[0] : line[0] + 8], "\n")


async def test_filters_hide_a_group_of_the_sidebar(reader):
    app, pilot = reader
    await pilot.press("f")
    assert isinstance(app.screen, FilterScreen)
    await pilot.press("space")  # the first option: People
    await pilot.press("enter")
    assert app.reading.hidden_groups == frozenset({"People"})
    assert not any(
        i.kind == "entity" and i.name == "Kassym-Jomart Tokayev" for i in app.outline_items()
    )
    tree = app.query_one(Sidebar)
    entities = next(y for y in range(tree.row_count) if "Entities" in tree.label(y))
    assert "of" in tree.label(entities)


async def test_every_app_key_is_in_the_palette(reader):
    app, _ = reader
    titles = {c.title for c in app.get_system_commands(app.screen)}
    for wanted in (
        "Next",
        "Next flag",
        "Back",
        "Forward",
        "Search",
        "Original",
        "Copy the selection, span or sentence",
        "Filter sidebar",
        "Help",
    ):
        assert wanted in titles


async def test_timeline_lists_days_in_order_with_the_reference_first(reader):
    app, _ = reader
    figures = next(s for s in app.reading.sections if s.title == "Figures")
    timeline = next(g for g in figures.groups if g.title == "Timeline")
    assert timeline.items[0].label.startswith("⚓ 2022-01-05 caption")
    days = [i.key for i in timeline.items[1:]]
    assert days == sorted(days) and "day:2022-01-06" in days
    thursday = next(i for i in timeline.items if i.key == "day:2022-01-06")
    text = app.analysis.text
    assert all("Thursday" in text[a:b] for a, b in thursday.spans)


async def test_capital_d_sets_the_reference_date_and_analyses_again(reader):
    app, pilot = reader
    await pilot.press("D")
    await pilot.press("ctrl+a", "ctrl+k", *"2022-01-20", "enter")
    await app.wait_for_analysis()
    await pilot.pause()
    assert app.reference.isoformat() == "2022-01-20"
    assert app.analysis.reference_date.kind == "user"
    thursdays = [f for f in app.analysis.figures if f.text.startswith("Thursday")]
    assert thursdays and all(f.date.isoformat() == "2022-01-20" for f in thursdays)


async def test_a_large_group_opens_closed_and_fills_when_a_row_is_needed():
    text = "\n".join(f"Report {i} counted {i + 10} boats." for i in range(400))
    app = ReaderApp(source=Source(text=text))
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        tree = app.query_one(Sidebar)
        rows = tree.row_count
        counts = next(
            i
            for i in app.outline_items()
            if i.kind == "figure" and i.spans and i.label.startswith("409")
        )
        app.go_to(counts)
        await pilot.pause()
        assert tree.cursor_item == counts
        assert tree.row_count > rows + 300


async def test_keys_typed_ahead_of_enter_reach_the_article_not_the_closed_search(reader):
    app, pilot = reader
    await pilot.press("slash", *"Almaty", "enter", "n")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert not app.searching
    assert "2/" in status(app)


async def test_the_search_prompt_edits_as_in_less_and_leaves_other_keys_alone(reader):
    app, pilot = reader
    await pilot.press("slash", *"the Alm", "ctrl+w", *"Almaty", "backspace", "y")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert status(app).startswith("/the Almaty▏")
    await pilot.press("ctrl+u", "tab")  # tab edits nothing: it moves the focus as ever
    assert app.searching and status(app).startswith("/▏")
    assert not isinstance(app.focused, ArticleView)
    await pilot.press("backspace")  # on an empty query: the search is over
    assert not app.searching
    await pilot.press("slash", "enter")  # so is enter on nothing
    assert not app.searching and "no hits" not in status(app)


async def test_a_paste_at_the_search_prompt_is_typed_on_one_line(reader):
    app, pilot = reader
    await pilot.press("slash")
    app.post_message(events.Paste("Alma\nty"))
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert status(app).startswith("/Alma ty▏")


async def test_enter_keeps_every_hit_even_before_the_typing_search_is_done(reader, monkeypatch):
    app, pilot = reader
    monkeypatch.setattr(app, "find", lambda text, query, limit: None)  # a search still running
    await pilot.press("slash", *"Almaty", "enter")
    hits = app.article.text.count("Almaty")
    assert app.selection is not None and len(app.selection.spans) == hits
    assert f"1/{hits}" in status(app) or f"/{hits}" in status(app)


async def test_typing_stops_at_the_first_hits_and_enter_finds_them_all(reader, monkeypatch):
    import tui.searching

    app, pilot = reader
    monkeypatch.setattr(tui.searching, "TYPING_HITS", 3)
    await pilot.press("slash", "e")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert "the first 3 hits" in status(app) and len(app.selection.spans) == 3
    await pilot.press("enter")
    assert len(app.selection.spans) == app.article.text.lower().count("e")
