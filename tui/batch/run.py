"""One batch run: inputs -> engine -> output, with resume, progress and the closing summary."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor
from pathlib import Path
from typing import Any, BinaryIO, Literal, NamedTuple

from ..source import LoadError
from . import engines, inputs, outputs, progress
from .inputs import Item, Spec
from .work import Settings

Engine = Literal["local", "dask"]


class Plan(NamedTuple):
    """How to run: the engine and its workers, where the output goes, whether to resume."""

    jobs: int = 1
    engine: Engine = "local"
    scheduler: str | None = None
    output: str | None = None
    shard_size: int | None = None
    gzip_shards: bool = False
    resume: bool = False
    progress: bool = True


def run(
    spec: Spec,
    settings: Settings,
    plan: Plan,
    *,
    stdin: BinaryIO | None = None,
    prog: str = "closeread",
) -> int:
    """Analyse every input of ``spec`` and write one output per input, in input order.

    Returns 0 when all were analysed, 1 when any failed (each failure is a record in its place
    and a line on stderr), 130 when stopped by Ctrl-C (the output holds whole records only, and
    --resume goes on from there)."""
    sink = _output(plan)
    todo = inputs.items(spec, stdin)
    done, failed_before = _resume(sink, todo)  # takes the inputs already written from ``todo``
    single = inputs.is_single(spec)
    bar = plan.progress and not single and sys.stderr.isatty()
    pooled = not single and (plan.jobs > 1 or plan.engine == "dask")
    total = inputs.count(spec) if bar or pooled else None
    shown = progress.for_stderr(total, done, enabled=bar)
    analysed = failed = 0
    sink.open()
    try:
        with shown:
            for result in _results(todo, settings, plan, single, total):
                if result.output:
                    sink.write(result.output)
                if result.error is not None:
                    failed += 1
                    shown.tell(f"{prog}: {result.error}")
                else:
                    analysed += 1
                shown.advance(result.error is not None)
    except (BrokenExecutor, KeyboardInterrupt) as stop:
        # a worker was killed (out of memory, a signal) or the user stopped the run: the
        # output holds whole records, and --resume goes on from there
        stopped = isinstance(stop, KeyboardInterrupt)
        what = "stopped:" if stopped else "a worker process died (out of memory?) after"
        sink.close()
        print(
            f"{prog}: {what} {_summary(analysed, failed, done, failed_before, sink)}"
            + ("; --resume goes on from there" if plan.output else ""),
            file=sys.stderr,
        )
        return 130 if stopped else 1
    finally:
        sink.close()
    if not single:
        print(f"{prog}: {_summary(analysed, failed, done, failed_before, sink)}", file=sys.stderr)
    return 1 if failed or failed_before else 0


def _results(
    todo: Iterator[Item], settings: Settings, plan: Plan, single: bool, total: int | None
) -> Iterator[Any]:
    if plan.engine == "dask":
        chunk = engines.chunk_size(total, plan.jobs, engines.DASK_CHUNK)
        return engines.dask(todo, settings, plan.jobs, chunk, scheduler=plan.scheduler)
    chunk = engines.chunk_size(total, plan.jobs)
    if plan.jobs <= 1 or single:
        return engines.serial(todo, settings)
    return engines.pool(todo, settings, plan.jobs, chunk)


def _output(plan: Plan) -> Any:
    if plan.output is None:
        return outputs.StdoutOutput()
    target = Path(plan.output)
    if plan.shard_size is None and outputs.is_file_target(plan.output):
        return outputs.FileOutput(target, plan.resume)
    return outputs.ShardOutput(target, plan.shard_size or 10_000, plan.gzip_shards, plan.resume)


def _resume(sink: Any, todo: Iterator[Item]) -> tuple[int, int]:
    """Check that the records already written are this run's first inputs; how many there
    are, and how many of them are failures."""
    done = failed = 0
    for names in sink.existing():
        item = next(todo, None)
        if item is None:
            raise LoadError(f"--resume: {sink.describe()} holds more records than there are inputs")
        if not _same_input(names, item):
            written = names.get("path", f"line {names.get('line')}")
            raise LoadError(
                f"--resume: these inputs did not make {sink.describe()}: its record "
                f"{done + 1} is {written!r}, input {done + 1} is {_item_label(item)!r}"
            )
        done += 1
        failed += "error" in names
    return done, failed


def _same_input(names: dict[str, Any], item: Item) -> bool:
    if item.kind == "jsonl":
        return names.get("line") == item.line and "path" not in names
    return names.get("path") == item.name


def _item_label(item: Item) -> str:
    return f"line {item.line}" if item.kind == "jsonl" else item.name


def _summary(analysed: int, failed: int, done: int, failed_before: int, sink: Any) -> str:
    """'2,225 analysed, 1 failed', and on resuming what the output held already."""
    line = f"{analysed:,} analysed, {failed:,} failed"
    if done:
        line += f" ({done:,} already in {sink.describe()}"
        line += f", {failed_before:,} of them failed)" if failed_before else ")"
    return line
