"""Start-up to first frame, in a real terminal (tmux): from launching the process to the first
screen that shows article text, next to a minimal Textual app measured in the same run.

    python bench/startup.py [--repeat 5] [--megabytes 5]

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
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


def first_frame(command: str, marker: str, timeout: float = 60.0) -> float:
    """Seconds from starting ``command`` in a fresh tmux window to ``marker`` on its screen."""
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
        while time.perf_counter() - started < timeout:
            screen = subprocess.run(
                [*TMUX, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if marker in screen:
                return time.perf_counter() - started
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


def measure(repeat: int = 5, megabytes: float = 5.0) -> dict[str, float]:
    """Median seconds to the first frame: the minimal app, the sample, and a long text."""
    compile_bytecode()
    python = shlex.quote(sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL)
        big = Path(tmp) / "big.txt"
        text = long_article(megabytes)
        big.write_text(text, encoding="utf-8")
        big_marker = " ".join(text.strip().split("\n", 1)[0].split()[0:3])
        cases = {
            "minimal Textual app": (f"{python} {minimal}", "minimal-app-is-ready"),
            "closeread, the sample": (f"{python} -m tui", "According to Russian news"),
            f"closeread, {len(text) / 1e6:.1f} MB": (f"{python} -m tui {big}", big_marker),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        with tmux_server():
            for _ in range(repeat):
                for name, (command, marker) in cases.items():
                    times[name].append(first_frame(command, marker))
    return {name: statistics.median(seconds) for name, seconds in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=5.0)
    options = parser.parse_args()
    results = measure(options.repeat, options.megabytes)
    base = results["minimal Textual app"]
    print(f"{'what':<24}{'first frame s':>14}{'x minimal':>11}")
    for name, seconds in results.items():
        print(f"{name:<24}{seconds:>14.3f}{seconds / base:>11.2f}")


if __name__ == "__main__":
    main()
