"""Analysis runs for the reader: each run's inputs are taken on the UI thread, and each run has
a generation, so a run that a newer one superseded never lands and stops at its next progress
call. No Textual here: the app starts runs in a worker thread and shows what lands."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import NamedTuple

from .analysis.model import Correction, Source
from .prepared import Prepared, prepare


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


def run(inputs: Inputs, generation: int, runs: Runs, say: Callable[[str], object]) -> Prepared:
    """Analyse and prepare for showing (in a worker thread); ``say`` reports each stage. Stops
    with ``Superseded`` at the first progress call after a newer run started."""
    from .analysis.pipeline import analyze  # here, off the first frame's path

    def progress(stage: str, fraction: float) -> None:
        runs.check(generation)
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
