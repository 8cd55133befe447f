"""Progress on stderr while a batch runs: a bar when stderr is a terminal, else nothing.

The bar shows done/total as plain integers, articles a second, the time left and the failures
so far; a failed input's line is printed above it. Without a terminal only those lines are
written, so logs stay small and greppable.
"""

from __future__ import annotations

import sys
from typing import Any

from ..safe_text import one_line


class Quiet:
    """No bar: failures are one line each on stderr."""

    def __enter__(self) -> Quiet:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def advance(self, failed: bool) -> None:
        return None

    def tell(self, line: str) -> None:
        print(one_line(line, 400), file=sys.stderr, flush=True)


class Bar:
    """A Rich progress bar on stderr (Rich comes with Textual)."""

    def __init__(self, total: int | None, done: int = 0) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._failed = 0
        self._progress = Progress(
            TextColumn("analysing"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]} failed"),
            console=Console(file=sys.stderr),
            refresh_per_second=4,
            speed_estimate_period=20,
            # stdout is redirected above the bar only when it is this terminal too
            redirect_stdout=sys.stdout.isatty(),
            redirect_stderr=False,
            transient=False,
        )
        self._task = self._progress.add_task("", total=total, completed=done, failed=0)

    def __enter__(self) -> Bar:
        self._progress.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._progress.stop()

    def advance(self, failed: bool) -> None:
        self._failed += failed
        self._progress.update(self._task, advance=1, failed=self._failed)

    def tell(self, line: str) -> None:
        from rich.text import Text

        self._progress.console.print(Text(one_line(line, 400)), soft_wrap=True)


def _RateColumn() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Articles a second, over the last 20 seconds."""

        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:,.1f}/s")

    return RateColumn()


def for_stderr(total: int | None, done: int = 0, enabled: bool = True) -> Quiet | Bar:
    """A bar when stderr is a terminal (and not switched off), else the quiet form."""
    if enabled and sys.stderr.isatty():
        return Bar(total, done)
    return Quiet()
