"""The one flow: a ``Source`` in, an immutable ``Analysis`` out. No I/O and no Textual here."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Sequence
from datetime import date

from .compact import preload_patterns

preload_patterns()  # before the stages below compile theirs: see compact.py

from .clean import clean  # noqa: E402
from .entities import Correction, find_entities  # noqa: E402
from .figures import find_figures  # noqa: E402
from .flags import find_flags  # noqa: E402
from .model import (  # noqa: E402
    CORRECTION_ACTIONS,
    EMPTY_ARTICLE,
    SEVERITY,
    Analysis,
    Flag,
    Severity,
    Source,
    make_flag,
)

Progress = Callable[[str, float], None]

STAGES = ("clean", "entities", "figures", "flags")


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
    ``progress(stage, fraction)`` is told as each stage starts (and may raise to stop it).

    No process-wide state is touched here: callers pause the garbage collector around a run
    (``tui.gcpolicy``), whose passes cost about a tenth of the time at 5 MB."""
    timings: dict[str, float] = {}

    def stage(name: str) -> float:
        if progress is not None:
            progress(name, STAGES.index(name) / len(STAGES))
        return time.perf_counter()

    started = stage("clean")
    cleaned = clean(source.text, disabled=frozenset(disabled_rules))
    timings["clean"] = time.perf_counter() - started

    started = stage("entities")
    usable = [c for c in corrections if correction_problem(c) is None]
    entities = find_entities(cleaned.text, paragraphs=cleaned.paragraphs, corrections=usable)
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
    flags = [*_source_flags(source), *_skipped_corrections(corrections), *cleaned.flags, *found]
    flags = sorted(
        (f for f in flags if f.rule not in disabled_rules),
        key=lambda f: (f.spans[0][0] if f.spans else -1, SEVERITY[f.severity].rank, f.rule),
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


def correction_problem(c: object) -> str | None:
    """Why a stored entity correction cannot be applied (wrong types, an unknown action), or
    None. Corrections come from the notes store, and so from imports: never trusted."""
    if not isinstance(c, tuple) or len(c) != 3:
        return "it is not a correction"
    action, entity, value = c
    if not isinstance(action, str) or action not in CORRECTION_ACTIONS:
        return f"its action is not one of {', '.join(CORRECTION_ACTIONS)}"
    if not isinstance(entity, str) or not entity.strip():
        return "its entity is not a name"
    if not isinstance(value, str):
        return "its value is not text"
    return None


def _skipped_corrections(corrections: Sequence[Correction]) -> list[Flag]:
    """One warning naming the saved corrections that cannot be applied: skipped, never fatal."""
    skipped = [(c, p) for c in corrections if (p := correction_problem(c)) is not None]
    if not skipped:
        return []
    first, problem = skipped[0]
    count = (
        f"{len(skipped)} saved entity corrections were"
        if len(skipped) > 1
        else "A saved entity correction was"
    )
    return [
        make_flag(
            "correction-skipped",
            "warning",
            f"{count} skipped: {problem}.",
            (),
            "",
            f"The first as stored: {str(tuple(first))[:200]}",
        )
    ]


def _source_flags(source: Source) -> list[Flag]:
    """Loader warnings as flags, so the reader sees them with everything else."""
    flags = []
    for warning in source.warnings:
        rule = "empty-article" if warning == EMPTY_ARTICLE else "source-decoding"
        severity: Severity = "info" if rule == "empty-article" else "warning"
        flags.append(make_flag(rule, severity, warning, (), source.text, "From loading the file."))
    return flags
