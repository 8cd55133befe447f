"""The three bugs the reader's split was for, each pinned: the palette with a note, a superseded
analysis landing, and garbage kept alive by repeated freezes. And the error paths."""

from __future__ import annotations

import gc
import logging
import threading
from datetime import date
from typing import get_args

import pytest

from tui import gcpolicy, runs
from tui.app import ReaderApp
from tui.commands import KIND_NAMES, GoToProvider
from tui.outline import ItemKind
from tui.widgets.status import StatusLine

SIZE = (120, 40)


async def _hits(app: ReaderApp, query: str) -> list[str]:
    provider = GoToProvider(app.screen)
    if query:
        return [str(hit.text) async for hit in provider.search(query)]
    return [str(hit.text) async for hit in provider.discover()]


def test_every_kind_of_item_has_a_palette_name():
    assert set(KIND_NAMES) == set(get_args(ItemKind))


async def test_the_palette_keeps_its_hits_once_the_article_has_a_note():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        before = await _hits(app, "Russian")
        listed = await _hits(app, "")
        assert len(before) >= 3
        await pilot.press("h")  # a highlight: the Notes section now has an item of kind "note"
        await pilot.pause()
        assert [p.note.kind for p in app.notebook.placed] == ["highlight"]
        after = await _hits(app, "Russian")
        assert after[: len(before)] == before or set(before) <= set(after)
        assert len(await _hits(app, "")) == len(listed)  # the first 40, the note among them
        assert any(text.startswith("Go to note: ") for text in await _hits(app, "highlight"))


def test_a_superseded_run_stops_at_its_next_progress_call(monkeypatch):
    monkeypatch.setattr(runs, "PROGRESS_AFTER", 0.0)  # say the first stage, however quick
    generations = runs.Runs()
    first = generations.start()
    said: list[str] = []

    def say(text: str) -> None:
        said.append(text)
        generations.start()  # a newer run starts while this one is in its first stage

    source = runs.Inputs(ReaderApp().source, None, (), frozenset())
    with pytest.raises(runs.Superseded):
        runs.run(source, first, generations, say)
    assert said == ["Analysing: clean (0%)"]


async def test_two_quick_reanalyses_land_the_newest(monkeypatch):
    """The older run is held in its first stage until the newer one has started: it must not
    land, and what is on screen is the newer date's analysis."""
    release = threading.Event()
    real_run = runs.run

    def held(inputs, generation, generations, say):
        if inputs.reference == date(2022, 1, 3):
            release.wait(20)
        return real_run(inputs, generation, generations, say)

    monkeypatch.setattr(runs, "run", held)
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        shown: list[date | None] = []
        real_show = app.show_analysis
        monkeypatch.setattr(
            app, "show_analysis", lambda p: (shown.append(p.analysis.reference_date), real_show(p))
        )
        app.reference = date(2022, 1, 3)
        app.start_analysis()  # held
        app.reference = date(2022, 1, 9)
        app.start_analysis()  # supersedes it
        await pilot.pause(0.2)
        release.set()
        await app.wait_for_analysis()
        await pilot.pause()
        assert [ref.date for ref in shown if ref] == [date(2022, 1, 9)]
        assert app.analysis is not None and app.analysis.reference_date.date == date(2022, 1, 9)
    assert gc.isenabled()  # every run, landed or superseded, ended its pause


def _pinned_garbage() -> int:
    """Unreachable objects the collector could not free because a freeze pinned them (they
    are freed now, and nothing stays frozen)."""
    gc.collect()
    gc.unfreeze()
    return gc.collect()


async def test_reanalyses_and_note_changes_keep_no_unreachable_objects_alive():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        _pinned_garbage()  # earlier tests' apps, frozen with the process's first screen
        frozen = gc.get_freeze_count()
        assert frozen == 0
        for day in range(3, 8):
            app.reference = date(2022, 1, day)
            app.start_analysis()
            await app.wait_for_analysis()
        for _ in range(10):
            await pilot.press("h")  # highlight, then the next colours and off: 10 changes
        await pilot.pause()
        assert gc.get_freeze_count() <= frozen  # nothing frozen after the first screen
        assert gc.isenabled()
        pinned = _pinned_garbage()
    assert pinned < 100  # was 33,302 with a freeze after every analysis and note change


def test_the_collector_is_frozen_at_most_once(monkeypatch):
    freezes: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(1))
    monkeypatch.setattr(gcpolicy._state, "frozen", False)
    gcpolicy.pause_until_first_screen()
    assert not gc.isenabled()
    gcpolicy.analysing()
    gcpolicy.after_first_screen()
    assert not gc.isenabled()  # an analysis is still running
    gcpolicy.first_analysis_shown()
    gcpolicy.analysed()
    assert gc.isenabled()
    for _ in range(3):  # analyses again
        gcpolicy.analysing()
        gcpolicy.first_analysis_shown()
        gcpolicy.analysed()
    assert freezes == [1] and gc.isenabled()


def test_the_analysis_core_leaves_the_collector_alone():
    from tui.analysis import Source, analyze

    gc.enable()
    analyze(Source("Kazakh President Kassym-Jomart Tokayev spoke on Wednesday."))
    assert gc.isenabled()
    gc.disable()
    try:
        analyze(Source("Kazakh President Kassym-Jomart Tokayev spoke on Wednesday."))
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_a_failed_analysis_is_logged_and_said_in_one_line(monkeypatch, caplog):
    def broken(*_):
        raise RuntimeError("the stage broke\nat line two")

    monkeypatch.setattr(runs, "run", broken)
    app = ReaderApp(debug=True)
    with caplog.at_level(logging.ERROR, logger="closeread"):
        async with app.run_test(size=SIZE) as pilot:
            await app.wait_for_analysis()
            await pilot.pause()
            status = app.query_one(StatusLine).text
            assert status.startswith("The analysis failed: RuntimeError: the stage broke")
            assert "\n" not in status
            assert not app.article.pending
    assert any(
        r.exc_info and "the stage broke" in r.getMessage() + str(r.exc_info[1])
        for r in caplog.records
    )
    assert len(app.failures) == 1 and "Traceback" in app.failures[0]
    assert gc.isenabled()


async def test_a_failed_search_is_reported(monkeypatch):
    import tui.app

    def broken(*_):
        raise ValueError("no")

    monkeypatch.setattr(tui.app, "find_all", broken)
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.press("slash", "e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "The search failed: ValueError: no" in app.query_one(StatusLine).text


async def test_a_failing_palette_search_is_reported_not_lost(monkeypatch):
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        monkeypatch.setattr(app.reading, "outline_items", lambda: 1 / 0)
        assert await _hits(app, "Russian") == []
        assert "The palette's search failed: ZeroDivisionError" in app.query_one(StatusLine).text


async def test_quitting_during_an_analysis_leaves_the_collector_on(monkeypatch):
    release = threading.Event()
    real_run = runs.run

    def held(*args):
        release.wait(20)
        return real_run(*args)

    monkeypatch.setattr(runs, "run", held)
    app = ReaderApp()
    try:
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(100):  # until the first run has started (after the first frame)
                if app.runs.generation:
                    break
                await pilot.pause(0.05)
            assert app.analysis is None and not gc.isenabled()  # the run is held, paused
    finally:
        release.set()
    assert gc.isenabled()
