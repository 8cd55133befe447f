"""Engines: run ``work.process`` over items and yield the results in input order.

All three keep memory bounded: inputs are taken lazily in chunks, and at most ``window``
chunks are in flight at once (a bounded queue), however long the input is. Order comes from
waiting on the oldest chunk first, so the output never depends on which worker finished first.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from .inputs import Item
from .work import Result, Settings, process, process_chunk

CHUNK = 16
"""Inputs per task: a BBC story takes about 5 ms, so a task is some 80 ms of work."""

DASK_CHUNK = 64
"""Dask's tasks cost more to schedule (a graph, the scheduler, the network): larger ones."""

DASK_INSTALL = "pip install 'closeread[dask]'"


class EngineMissing(Exception):
    """The engine's optional packages are not installed; ``str()`` says how to install them."""


def cores() -> int:
    """The cores this process may use (an affinity mask or a container's limit counts)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def chunk_size(total: int | None, jobs: int, most: int = CHUNK) -> int:
    """Small runs are split so that every worker gets work; large ones use ``most``."""
    if total is None:
        return most
    return max(1, min(most, total // (jobs * 4)))


def serial(items: Iterable[Item], settings: Settings) -> Iterator[Result]:
    """In this process, one input after another (``-j 1``)."""
    for item in items:
        yield process(item, settings)


def pool(
    items: Iterable[Item], settings: Settings, jobs: int, chunk: int = CHUNK
) -> Iterator[Result]:
    """A pool of ``jobs`` worker processes, each warmed once (data tables loaded)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: the workers start from a clean, single-threaded process (this one may run a
    # progress thread), and the analysis modules are imported once, in the server.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tui.batch.work", "tui.analysis.pipeline"])
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker) as executor:
        yield from _ordered(
            lambda part: executor.submit(process_chunk, part, settings), items, jobs, chunk
        )


def dask(
    items: Iterable[Item],
    settings: Settings,
    jobs: int,
    chunk: int = CHUNK,
    scheduler: str | None = None,
    processes: bool = True,
) -> Iterator[Result]:
    """The same function as a ``dask.bag`` per chunk, on a ``distributed`` client: a
    ``LocalCluster`` of ``jobs`` single-threaded workers, or the cluster at ``scheduler``."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineMissing(
            f"--engine dask needs Dask, which is not installed: {DASK_INSTALL}"
        ) from None
    import logging

    cluster: Any = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    try:
        with Client(scheduler or cluster, set_as_default=False) as client:
            client.run(warm)
            workers = len(client.scheduler_info().get("workers", {})) or jobs

            def submit(part: list[Item]) -> Any:
                bag = db.from_sequence(part, npartitions=1).map(process, settings)
                return client.compute(bag)

            yield from _ordered(submit, items, workers, chunk)
    finally:
        if cluster is not None:
            cluster.close()


def _ordered(
    submit: Callable[[list[Item]], Any], items: Iterable[Item], workers: int, chunk: int
) -> Iterator[Result]:
    """Submit chunks while at most ``3 * workers`` are pending; yield the oldest's results."""
    window = 3 * workers
    pending: deque[Any] = deque()
    source = iter(items)
    try:
        while True:
            while len(pending) < window:
                part = list(islice(source, chunk))
                if not part:
                    break
                pending.append(submit(part))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def warm() -> None:
    """Load the data tables now, not inside the first chunk's time."""
    process(Item("stdin", "-", b"Warm up in Paris on Monday, said 3 officials."), Settings())


def _start_worker() -> None:
    """A pool worker: Ctrl-C is the parent's to handle (it stops the pool), then warm up."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm()
