"""The process's one garbage-collector policy. Only the command line and the reader call it, on
their main thread; the analysis core never touches the collector.

- Start-up makes some hundred thousand objects and almost no garbage: ``pause_until_first_screen``
  keeps the collector off until the first frame is out.
- ``after_first_screen`` then collects once, freezes what survived (the interpreter's, Textual's
  and closeread's long-lived objects, so no later pass walks them) and switches collecting on.
  It does this at most once per process: each freeze would pin whatever garbage exists at that
  moment for good (a superseded analysis, an old outline), and an analysis is never frozen.
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
    """The first frame is on screen: collect, freeze the survivors (once per process), and
    collect from now on unless an analysis is running."""
    if not _state.frozen:
        _state.frozen = True
        gc.collect()
        gc.freeze()
    _state.starting = False
    _resume()


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
