"""Start-up to first frame, in a real terminal (tmux): from launching the process to the first
screen that shows article text, and to the sample's analysis on screen (its sidebar and status
filled in), next to a minimal Textual app measured in the same run.

    python bench/startup.py [--repeat 5] [--megabytes 5]

Each case reports the wall time and the process's CPU time (user + system, all its threads and
the children it has reaped, read from /proc when the marker is seen): on a machine others load,
wall times stretch with the load, and the CPU time says what the program itself spent.

Needs tmux. The time includes tmux's own start and the 10 ms polling of capture-pane, which
both sides pay alike. The runs take turns (minimal, sample, long text, minimal, ...), so a busy
moment of the machine falls on all of them alike.

closeread's bytecode is compiled first: pip compiles it when it installs the package, and a
checkout run with PYTHONDONTWRITEBYTECODE set would otherwise compile every module on every
start (about 25 ms), which no installed copy pays.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
"""The checkout: ``python -m tui`` runs from here, so it is this copy that is measured."""
sys.path.insert(0, str(HERE))

from corpus_text import long_article  # noqa: E402

MINIMAL = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("minimal-app-is-ready")

Minimal().run()
"""


TMUX = ["tmux", "-L", "closeread-bench"]
"""A server of our own, kept alive by an idle session: a server that exits with its last
session races the next start ("server exited unexpectedly")."""


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of process ``pid`` so far, its threads' and its reaped
    children's (the reader's first analysis runs in a child: see tui/early.py); 0 where /proc
    cannot tell."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _pane_process(session: str) -> int:
    """The pane's process: the command itself (the shell ``tmux`` starts execs a lone one)."""
    out = subprocess.run(
        [*TMUX, "display-message", "-p", "-t", session, "#{pane_pid}"],
        capture_output=True,
        text=True,
    ).stdout
    return int(out.strip() or 0)


def first_frame(command: str, marker: str, timeout: float = 60.0) -> tuple[float, float]:
    """Seconds from starting ``command`` in a fresh tmux window to ``marker`` on its screen, and
    the CPU seconds the process had spent by then."""
    session = "run"
    subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)
    started = time.perf_counter()
    subprocess.run(
        [
            *TMUX,
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "120",
            "-y",
            "40",
            "-c",
            str(ROOT),
            f"TEXTUAL_ANIMATIONS=none {command}",
        ],
        check=True,
    )
    try:
        pid = _pane_process(session)
        while time.perf_counter() - started < timeout:
            screen = subprocess.run(
                [*TMUX, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if marker in screen:
                return time.perf_counter() - started, _cpu_seconds(pid)
            time.sleep(0.01)
        raise TimeoutError(f"{marker!r} never appeared for {command}")
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)


@contextmanager
def tmux_server() -> Iterator[None]:
    """Our tmux server, for the length of a measurement."""
    subprocess.run([*TMUX, "new-session", "-d", "-s", "keep", "sleep", "100000"], check=True)
    try:
        yield
    finally:
        subprocess.run([*TMUX, "kill-server"], capture_output=True)


def compile_bytecode() -> None:
    """Compile the package as pip does on install."""
    compileall.compile_dir(ROOT / "tui", quiet=1)


class Timing(NamedTuple):
    wall: float
    """Seconds from launch to the marker on screen."""
    cpu: float
    """CPU seconds the process had spent by then."""


def measure(repeat: int = 5, megabytes: float = 5.0) -> dict[str, Timing]:
    """Medians to the first frame (the minimal app, the sample, a long text) and to the sample
    analysed on screen. closeread keeps its notes and settings in a scratch folder here."""
    compile_bytecode()
    python = shlex.quote(sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL)
        big = Path(tmp) / "big.txt"
        text = long_article(megabytes)
        big.write_text(text, encoding="utf-8")
        big_marker = " ".join(text.strip().split("\n", 1)[0].split()[0:3])
        user = f"CLOSEREAD_DATA_DIR={tmp}/data CLOSEREAD_CONFIG_DIR={tmp}/config"
        cases = {
            MINIMAL_CASE: (f"{python} {minimal}", "minimal-app-is-ready"),
            "closeread, the sample": (f"{user} {python} -m tui", "According to Russian news"),
            ANALYSED_CASE: (f"{user} {python} -m tui", "entities ·"),
            f"closeread, {len(text) / 1e6:.1f} MB": (f"{user} {python} -m tui {big}", big_marker),
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        with tmux_server():
            for _ in range(repeat):
                for name, (command, marker) in cases.items():
                    times[name].append(first_frame(command, marker))
    return {
        name: Timing(statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for name, runs in times.items()
    }


MINIMAL_CASE = "minimal Textual app"
ANALYSED_CASE = "closeread, the sample analysed"
LIMITS = {"closeread, the sample": 1.3, ANALYSED_CASE: 2.0}
"""Each case's target, in times the minimal app's first frame (a long text's: 2.0)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=5.0)
    options = parser.parse_args()
    results = measure(options.repeat, options.megabytes)
    base = results[MINIMAL_CASE]
    print(f"{'what':<32}{'wall s':>8}{'x minimal':>11}{'CPU s':>8}{'x minimal':>11}")
    for name, (wall, cpu) in results.items():
        print(f"{name:<32}{wall:>8.3f}{wall / base.wall:>11.2f}{cpu:>8.3f}{cpu / base.cpu:>11.2f}")


if __name__ == "__main__":
    main()
