"""CPU time per navigation key on a long article, as ../shared/TEXTUAL.md recommends.

Each key's cost is the process CPU time around ``pilot.press`` less the CPU time of an idle
``pilot.pause`` measured the same way, so the pilot's own waiting is not counted.

    python bench/keys.py [--megabytes 5] [--repeat 15]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # measure this checkout
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from corpus_text import long_article

from tui.analysis import Source
from tui.app import ReaderApp

KEYS = [
    ("j", "line down"),
    ("space", "page down"),
    ("k", "line up"),
    ("n", "next mention"),
    ("right_square_bracket", "next flag"),
    ("right_curly_bracket", "next paragraph"),
    ("ctrl+o", "jump back"),
    ("G", "bottom"),
    ("g", "top"),
]


async def measure(
    megabytes: float, repeat: int, report: bool = True
) -> list[tuple[str, float, float]]:
    """``(what, median ms, worst ms)`` of CPU for each key, then for the keys of three searches
    (``/``, a word, ``enter``; the search's own thread counts too). The first row is no key: it
    is how long the UI thread was busy showing the analysis when it landed (wall time)."""
    text = long_article(megabytes)
    app = ReaderApp(source=Source(text=text, path="bench"))
    show, landing = app.show_analysis, []

    def timed_show(prepared) -> None:  # the UI thread's pause when the analysis lands
        t = time.perf_counter()
        show(prepared)
        landing.append(time.perf_counter() - t)

    app.show_analysis = timed_show
    started = time.perf_counter()
    rows = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        ready = time.perf_counter() - started
        rows.append(("(the analysis shown: UI thread busy)", landing[0] * 1000, landing[0] * 1000))
        items = [i for i in app.outline_items() if i.kind == "entity"]
        if items:
            app.go_to(max(items, key=lambda i: len(i.spans)))
        idle = []
        for _ in range(repeat):
            t = time.process_time()
            await pilot.pause()
            idle.append(time.process_time() - t)
        base = statistics.median(idle)
        if report:
            print(
                f"{len(text) / 1e6:.1f} MB, {len(app.analysis.paragraphs):,} paragraphs, "
                f"analysed and shown in {ready:.1f} s; idle pause {base * 1000:.1f} ms CPU"
            )
        for key, what in KEYS:
            costs = []
            for _ in range(repeat):
                t = time.process_time()
                await pilot.press(key)
                costs.append(max(time.process_time() - t - base, 0.0))
            rows.append((f"{key} ({what})", statistics.median(costs) * 1000, max(costs) * 1000))
        costs = []
        for word in ("minister", "Almaty", "said"):
            for key in ("slash", *word, "enter"):
                t = time.process_time()
                await pilot.press(key)
                await app.workers.wait_for_complete()  # the search's thread counts too
                costs.append(max(time.process_time() - t - base, 0.0))
            await pilot.press("escape")
        rows.append(
            (
                "/ a word enter (search, each key)",
                statistics.median(costs) * 1000,
                max(costs) * 1000,
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=15)
    options = parser.parse_args()
    rows = asyncio.run(measure(options.megabytes, options.repeat))
    print(f"{'key':<34}{'median ms':>10}{'worst ms':>10}")
    for what, median, worst in rows:
        print(f"{what:<34}{median:>10.1f}{worst:>10.1f}")


if __name__ == "__main__":
    main()
