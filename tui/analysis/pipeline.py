"""The one flow: a ``Source`` in, an immutable ``Analysis`` out. No I/O and no Textual here."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Collection, Sequence
from datetime import date

from .compact import preload_patterns

preload_patterns()  # before the stages below compile theirs: see compact.py

from .clean import clean  # noqa: E402
from .entities import Correction, find_entities  # noqa: E402
from .figures import find_figures  # noqa: E402
from .flags import find_flags  # noqa: E402
from .model import Analysis, Flag, Severity, Source, make_flag  # noqa: E402

Progress = Callable[[str, float], None]

STAGES = ("clean", "entities", "figures", "flags")
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def analyze(
    source: Source,
    *,
    reference: date | None = None,
    corrections: Sequence[Correction] = (),
    disabled_rules: Collection[str] = frozenset(),
    progress: Progress | None = None,
) -> Analysis:
    """Analyse ``source``. ``reference`` overrides the date relative days resolve against,
    ``corrections`` are the reader's entity fixes, ``disabled_rules`` silences rules by id, and
    ``progress(stage, fraction)`` is told as each stage starts.

    The garbage collector is paused while the stages run: they make millions of short-lived
    objects and almost no cycles, and its passes cost about a tenth of the time at 5 MB."""
    was_collecting = gc.isenabled()
    gc.disable()
    try:
        return _analyze(source, reference, corrections, disabled_rules, progress)
    finally:
        if was_collecting:
            gc.enable()


def _analyze(
    source: Source,
    reference: date | None,
    corrections: Sequence[Correction],
    disabled_rules: Collection[str],
    progress: Progress | None,
) -> Analysis:
    timings: dict[str, float] = {}

    def stage(name: str) -> float:
        if progress is not None:
            progress(name, STAGES.index(name) / len(STAGES))
        return time.perf_counter()

    started = stage("clean")
    cleaned = clean(source.text, disabled=frozenset(disabled_rules))
    timings["clean"] = time.perf_counter() - started

    started = stage("entities")
    entities = find_entities(cleaned.text, paragraphs=cleaned.paragraphs, corrections=corrections)
    timings["entities"] = time.perf_counter() - started

    started = stage("figures")
    captions = [edit.text for edit in cleaned.edits if edit.kind == "caption"]
    figures = find_figures(
        cleaned.text,
        paragraphs=cleaned.paragraphs,
        published=source.date,
        captions=captions,
        override=reference,
    )
    timings["figures"] = time.perf_counter() - started

    started = stage("flags")
    reference_day = figures.reference_date.date if figures.reference_date else None
    found = find_flags(
        cleaned.text,
        paragraphs=cleaned.paragraphs,
        entities=entities,
        figures=figures.figures,
        article_date=source.date or reference_day,
        disabled=frozenset(disabled_rules),
    )
    flags = [*_source_flags(source), *cleaned.flags, *found]
    flags = sorted(
        (f for f in flags if f.rule not in disabled_rules),
        key=lambda f: (f.spans[0][0] if f.spans else -1, _SEVERITY_ORDER[f.severity], f.rule),
    )
    timings["flags"] = time.perf_counter() - started
    if progress is not None:
        progress("done", 1.0)

    return Analysis(
        source=source,
        text=cleaned.text,
        paragraphs=cleaned.paragraphs,
        edits=cleaned.edits,
        entities=entities,
        figures=figures.figures,
        flags=tuple(flags),
        title=source.title,
        date=source.date,
        reference_date=figures.reference_date,
        offsets=cleaned.offsets,
        timings=timings,
    )


def _source_flags(source: Source) -> list[Flag]:
    """Loader warnings as flags, so the reader sees them with everything else."""
    flags = []
    for warning in source.warnings:
        rule = "empty-article" if "empty" in warning else "source-decoding"
        severity: Severity = "info" if rule == "empty-article" else "warning"
        flags.append(make_flag(rule, severity, warning, (), source.text, "From loading the file."))
    return flags
