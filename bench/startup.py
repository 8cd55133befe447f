"""Start-up to first frame, in a real terminal (tmux): from launching the process to the first
screen that shows article text, next to a minimal Textual app measured in the same run.

    python bench/startup.py [--repeat 5] [--megabytes 5]

Needs tmux. The time includes tmux's own start and the 10 ms polling of capture-pane, which
both sides pay alike.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
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


def first_frame(command: str, marker: str, timeout: float = 60.0) -> float:
    """Seconds from starting ``command`` in a fresh tmux window to ``marker`` on its screen."""
    session = "closeread-bench"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    started = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                    f"TEXTUAL_ANIMATIONS=none {command}"], check=True)
    try:
        while time.perf_counter() - started < timeout:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                    capture_output=True, text=True).stdout
            if marker in screen:
                return time.perf_counter() - started
            time.sleep(0.01)
        raise TimeoutError(f"{marker!r} never appeared for {command}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--megabytes", type=float, default=5.0)
    options = parser.parse_args()
    python = shlex.quote(sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal.py"
        minimal.write_text(MINIMAL)
        big = Path(tmp) / "big.txt"
        text = long_article(options.megabytes)
        big.write_text(text, encoding="utf-8")
        big_marker = text.strip().split("\n", 1)[0].split()[0:3]
        cases = [
            ("minimal Textual app", f"{python} {minimal}", "minimal-app-is-ready"),
            ("closeread, the sample", f"{python} -m tui", "According to Russian news"),
            (f"closeread, {len(text) / 1e6:.1f} MB", f"{python} -m tui {big}",
             " ".join(big_marker)),
        ]
        results = {}
        for name, command, marker in cases:
            times = [first_frame(command, marker) for _ in range(options.repeat)]
            results[name] = statistics.median(times)
        base = results["minimal Textual app"]
        print(f"{'what':<24}{'first frame s':>14}{'x minimal':>11}")
        for name, seconds in results.items():
            print(f"{name:<24}{seconds:>14.3f}{seconds / base:>11.2f}")


if __name__ == "__main__":
    main()
