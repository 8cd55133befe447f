"""The process's one garbage-collector policy. Only the command line and the reader call it, on
their main thread; the analysis core never touches the collector.

- Start-up makes some hundred thousand objects and almost no garbage: ``pause_until_first_screen``
  keeps the collector off until the first frame is out.
- ``after_first_screen`` then switches collecting on.
- ``first_analysis_shown`` freezes what exists then, at most once per process: the interpreter's,
  Textual's and closeread's long-lived objects and the analysis on screen, so that no later pass
  walks them (at 5 MB a full pass over the analysis costs 70-100 ms, and would fall on a key).
  A freeze pins for good whatever garbage exists at that moment, so it never repeats: a freeze
  at every analysis or note change pinned every superseded one (30,323 objects after five
  re-analyses and twenty note changes; ``bench/gc_pins.py``).
- An analysis makes millions of short-lived objects and almost no cycles, and the collector's
  passes cost about a tenth of its time: ``analysing`` pauses collecting while any analysis
  runs (nested, counted) and ``analysed`` ends that pause; ``paused`` does both around a batch.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class _State:
    frozen = False  # the one freeze has happened
    running = 0  # analyses running
    starting = False  # the reader is on its way to its first frame


_state = _State()


def pause_until_first_screen() -> None:
    """Before the reader starts: no collection until ``after_first_screen``."""
    _state.starting = True
    gc.disable()


def after_first_screen() -> None:
    """The first frame is on screen: collect from now on, unless an analysis is running."""
    _state.starting = False
    _resume()


def first_analysis_shown() -> None:
    """An analysis is on screen: freeze, the first time only (see the module docstring)."""
    if not _state.frozen:
        _state.frozen = True
        gc.freeze()


def analysing() -> None:
    """An analysis starts: collecting pauses until every running one has ended."""
    _state.running += 1
    gc.disable()


def analysed() -> None:
    """An analysis ended (shown, failed or superseded)."""
    _state.running = max(0, _state.running - 1)
    _resume()


def _resume() -> None:
    if not _state.running and not _state.starting:
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """Collecting off around batch work on the calling thread (``closeread analyze``)."""
    analysing()
    try:
        yield
    finally:
        analysed()
