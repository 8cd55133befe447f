"""The first analysis made in a child process (tui.early): the very analysis the reader would
make, taken only for the inputs it was made with, and the child never left behind."""

from __future__ import annotations

import os
import sys
from datetime import date

import pytest

import tui.analysis.pipeline  # noqa: F401 - imported before forking: the child imports nothing
from tui import runs
from tui.analysis import Source
from tui.analysis.serialize import to_dict
from tui.app import ReaderApp
from tui.early import LIMIT, EarlyAnalysis
from tui.source import load

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
SIZE = (120, 40)


def _inputs(**changes) -> runs.Inputs:
    return runs.Inputs(load(None), None, (), frozenset())._replace(**changes)


def _plain(prepared) -> dict:
    found = to_dict(prepared.analysis)
    found.pop("timings", None)
    return found


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_child_makes_the_analysis_the_reader_would():
    inputs = _inputs()
    early = EarlyAnalysis.start(inputs)
    assert early is not None
    taken = early.take(inputs)
    assert taken is not None and _reaped(early.pid)
    fresh = runs.Runs()
    made = runs.run(inputs, fresh.start(), fresh, lambda _: None)
    assert _plain(taken) == _plain(made)
    assert list(taken.sections) == list(made.sections)
    assert early.take(inputs) is None  # once


def test_a_run_with_other_inputs_does_not_take_it():
    early = EarlyAnalysis.start(_inputs())
    assert early is not None
    assert early.take(_inputs(reference=date(2022, 1, 3))) is None
    assert _reaped(early.pid)


def test_a_child_that_fails_gives_nothing_to_take(monkeypatch):
    def broken(*args):
        raise RuntimeError("stage broke")

    monkeypatch.setattr(runs, "run", broken)  # the child is a copy of this process
    early = EarlyAnalysis.start(_inputs())
    assert early is not None
    assert early.take(_inputs()) is None and _reaped(early.pid)


def test_closing_stops_and_reaps_the_child():
    early = EarlyAnalysis.start(_inputs())
    assert early is not None
    early.close()
    assert _reaped(early.pid)
    assert early.take(_inputs()) is None


def test_long_text_is_left_to_the_reader():
    assert EarlyAnalysis.start(_inputs(source=Source("word " * (LIMIT // 5 + 1)))) is None


async def test_the_reader_shows_the_childs_analysis_without_running_one(monkeypatch, tmp_path):
    early = EarlyAnalysis.start(_inputs())
    ran, warmed = [], []
    monkeypatch.setattr(runs, "run", lambda *args: ran.append(args))  # after the fork
    monkeypatch.setattr("tui.app.warm_up", lambda: warmed.append(1))
    app = ReaderApp(data_dir=tmp_path, early=early)
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        assert app.analysis is not None and "Almaty" in app.analysis.text
        assert ran == [] and warmed == []
    assert early is not None and _reaped(early.pid)


async def test_the_reader_runs_its_own_when_its_inputs_differ(tmp_path):
    early = EarlyAnalysis.start(_inputs())  # made with no reference date
    app = ReaderApp(data_dir=tmp_path, early=early, reference=date(2022, 1, 3))
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        assert app.analysis is not None
        assert app.analysis.reference_date is not None
        assert app.analysis.reference_date.date == date(2022, 1, 3)
    assert early is not None and _reaped(early.pid)


async def test_quitting_before_the_analysis_is_taken_reaps_the_child(tmp_path):
    early = EarlyAnalysis.start(_inputs())
    app = ReaderApp(library=tmp_path, data_dir=tmp_path, early=early)  # no article: never taken
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert early is not None and _reaped(early.pid)
