"""Analysis runs for the reader: each run's inputs are taken on the UI thread, and each run has
a generation, so a run that a newer one superseded never lands and stops at its next progress
call. No Textual here: the app starts runs in a worker thread and shows what lands."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import NamedTuple

from .analysis.model import Correction, Source
from .prepared import Prepared, prepare

PROGRESS_AFTER, PROGRESS_EVERY = 0.3, 0.1
"""Seconds: an analysis says which stage it is in once it has run this long, then as often."""


class Superseded(Exception):
    """A newer analysis started: this one's result would be stale."""


class Inputs(NamedTuple):
    """Everything an analysis reads, captured when it starts (never from its thread)."""

    source: Source
    reference: date | None
    corrections: Sequence[Correction]
    disabled_rules: Collection[str]


class Runs:
    """The generations of the analysis: ``start`` makes a new one current."""

    def __init__(self) -> None:
        self.generation = 0

    def start(self) -> int:
        self.generation += 1
        return self.generation

    def check(self, generation: int) -> None:
        """Raise ``Superseded`` if ``generation`` is no longer the current one."""
        if generation != self.generation:
            raise Superseded(f"analysis {generation} superseded by {self.generation}")


def warm_up() -> None:
    """Import the analysis in a thread of its own: started as the first frame goes out, its
    50 ms of imports overlap the next frames and the opening of the notes, which leave the UI
    thread idle for much of the time, and the first run finds the stages imported."""
    threading.Thread(target=_import_stages, name="closeread-warm-up", daemon=True).start()


def _import_stages() -> None:
    from .analysis import pipeline  # noqa: F401


def run(inputs: Inputs, generation: int, runs: Runs, say: Callable[[str], object]) -> Prepared:
    """Analyse and prepare for showing (in a worker thread); ``say`` reports each stage. Stops
    with ``Superseded`` at the first progress call after a newer run started."""
    from .analysis.pipeline import analyze  # here, off the first frame's path

    quiet_until = time.monotonic() + PROGRESS_AFTER

    def progress(stage: str, fraction: float) -> None:
        """Stage by stage, once the analysis has run long enough to want telling: each report
        is a frame drawn while the analysis waits for it."""
        nonlocal quiet_until
        runs.check(generation)
        if time.monotonic() >= quiet_until:
            quiet_until = time.monotonic() + PROGRESS_EVERY
            say(f"Analysing: {stage} ({fraction:.0%})")

    analysis = analyze(
        inputs.source,
        reference=inputs.reference,
        corrections=inputs.corrections,
        disabled_rules=inputs.disabled_rules,
        progress=progress,
    )
    runs.check(generation)
    prepared = prepare(analysis)
    runs.check(generation)
    return prepared
