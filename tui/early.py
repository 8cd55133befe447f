"""The first analysis of an article, made in a child process while the reader imports Textual.

Importing the stages and analysing the sample take about 35 ms of CPU, and in the reader's
process they wait for Textual's import and first frame, then share one interpreter lock with
the frames that follow. Forked before Textual is imported, a child does them on another core
meanwhile and sends the prepared analysis back through a pipe (20 KB for the sample, read in
a third of a millisecond); the reader's process never imports the stages for it.

The child analyses with the inputs known before the notes are opened: no entity corrections.
The reader takes its result only when the run it starts has those very inputs (a notebook
with corrections for the article makes other inputs: that run is made in the reader's worker
as always), so what is shown never differs from what the reader would have made itself.

Only on Linux (elsewhere a fork without exec is unsafe once some system libraries are loaded,
which is why ``multiprocessing`` spawns there), and for text up to ``LIMIT`` characters: a
long article's analysis would cost more to pickle and read back than it saves, and takes
seconds anyway. The child ignores Ctrl+C (the reader takes it as a key once its screen is
up), writes nothing but the pipe (its stdout and stderr go to the null device), and leaves
with ``os._exit``. No Textual here.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from contextlib import suppress
from typing import NoReturn

from .prepared import Prepared
from .runs import Inputs, Runs

LIMIT = 200_000
"""Characters: longer text is analysed in the reader's worker thread only."""
NICE = 10
"""The child yields a busy core to the reader's first frame (and the terminal drawing it)."""


class EarlyAnalysis:
    """A child process analysing ``inputs``; ``take`` its result once, or ``close`` it."""

    def __init__(self, pid: int, fd: int, inputs: Inputs) -> None:
        self.pid = pid
        self._fd: int | None = fd
        self.inputs = inputs

    @classmethod
    def start(cls, inputs: Inputs) -> EarlyAnalysis | None:
        """Fork the child (call before any thread starts), or None where it cannot help."""
        if not sys.platform.startswith("linux") or len(inputs.source.text) > LIMIT:
            return None
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return None
        if pid == 0:
            os.close(read)
            _child(inputs, write)
        os.close(write)
        return cls(pid, read, inputs)

    def take(self, inputs: Inputs) -> Prepared | None:
        """The prepared analysis, when it was made with ``inputs`` and came back whole; else
        None. Waits for the child (call it from a worker thread), and reaps it."""
        fd, self._fd = self._fd, None
        if fd is None:
            return None
        try:
            data = _read_all(fd) if same_inputs(inputs, self.inputs) else b""
        finally:
            os.close(fd)
            self._reap(kill=not data)
        try:
            prepared = pickle.loads(data) if data else None
        except Exception:  # a child that died half-way: the worker analyses as always
            return None
        return prepared if isinstance(prepared, Prepared) else None

    def close(self) -> None:
        """Stop the child if it still runs, and reap it (the reader quit before taking it)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
            self._reap(kill=True)

    def _reap(self, *, kill: bool) -> None:
        if kill:
            with suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        with suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def same_inputs(a: Inputs, b: Inputs) -> bool:
    """Whether two runs would make the same analysis (corrections compared as sequences, rules
    as sets)."""
    return (
        a.source == b.source
        and a.reference == b.reference
        and list(a.corrections) == list(b.corrections)
        and frozenset(a.disabled_rules) == frozenset(b.disabled_rules)
    )


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _child(inputs: Inputs, fd: int) -> NoReturn:
    """Analyse, write the pickled result to ``fd``, and leave without running the parent's
    exit handlers or flushing its buffers."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        os.nice(NICE)
        quiet = os.open(os.devnull, os.O_WRONLY)  # no warning of any library reaches the screen
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        from .runs import run

        runs = Runs()
        prepared = run(inputs, runs.start(), runs, lambda _stage: None)
        view = memoryview(pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL))
        while view:
            view = view[os.write(fd, view) :]
        code = 0
    except BaseException:  # nothing may escape the child: the reader analyses as always
        pass
    finally:
        os._exit(code)
