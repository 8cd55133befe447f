"""CPU time per navigation key on a long article, and per sidebar key over 100,000 rows, as
../shared/TEXTUAL.md recommends.

Each key's cost is the process CPU time around ``pilot.press`` less the CPU time of an idle
``pilot.pause`` measured the same way, so the pilot's own waiting is not counted.

    python bench/keys.py [--megabytes 5] [--repeat 15] [--rows 100000] [--only article|sidebar]
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
from tui.widgets.sidebar import Sidebar

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
        base = await idle_cost(pilot, repeat)
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


async def idle_cost(pilot, repeat: int) -> float:
    """The median CPU of a pause with nothing to do: taken off every key's cost."""
    idle = []
    for _ in range(repeat):
        t = time.process_time()
        await pilot.pause()
        idle.append(time.process_time() - t)
    return statistics.median(idle)


def many_rows(rows: int) -> str:
    """``rows`` short paragraphs of one count each: a Counts group of ``rows`` figures."""
    return "\n\n".join(f"The crew counted {i + 1:,} boats." for i in range(rows))


async def measure_sidebar(
    rows: int = 100_000, repeat: int = 15, report: bool = True
) -> list[tuple[str, float, float]]:
    """``(what, median ms, worst ms)`` of CPU for each sidebar key over ``rows`` figure rows:
    tabbing in and out, walking, paging, opening and closing the big group, the ends of the
    list with it open, siblings, enter on a row deep in it, a click. The first row is no key: how
    long the UI thread was busy showing the analysis (wall time)."""
    app = ReaderApp(source=Source(text=many_rows(rows), path="bench"))
    show, landing = app.show_analysis, []

    def timed_show(prepared) -> None:
        t = time.perf_counter()
        show(prepared)
        landing.append(time.perf_counter() - t)

    app.show_analysis = timed_show
    out = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        out.append(("(the analysis shown: UI thread busy)", landing[0] * 1000, landing[0] * 1000))
        sidebar = app.query_one(Sidebar)
        big = max(
            (y for y in range(sidebar.row_count) if sidebar.row(y).kind == "group"),
            key=lambda y: len(sidebar.label(y)),  # the longest count
        )
        base = await idle_cost(pilot, repeat)
        if report:
            print(
                f"{len(app.analysis.figures):,} figures; the big group: {sidebar.label(big)!r}; "
                f"idle pause {base * 1000:.1f} ms CPU"
            )

        async def timed(what: str, *keys: str, before=None) -> None:
            """Each key of ``keys`` in turn, ``repeat`` times; ``before`` sets the scene."""
            costs: list[list[float]] = [[] for _ in keys]
            for _ in range(repeat):
                if before is not None:
                    before()
                    await pilot.pause()
                for n, key in enumerate(keys):
                    t = time.process_time()
                    await pilot.press(key)
                    costs[n].append(max(time.process_time() - t - base, 0.0))
            for key, cost, what_key in zip(keys, costs, what.split(" / "), strict=True):
                median, worst = statistics.median(cost), max(cost)
                out.append((f"{key} ({what_key})", median * 1000, worst * 1000))

        await timed("into the sidebar / out of it", "tab", "shift+tab")
        sidebar.focus()
        await timed("down / up / page down / page up", "down", "up", "pagedown", "pageup")
        await timed(
            "open or close the big group / again",
            "enter",
            "enter",
            before=lambda: sidebar.move_cursor(big),
        )
        await timed("open or close it / again", "space", "space")
        if not sidebar.is_open(big):
            await pilot.press("enter")
        await timed("bottom, 100,000 rows down / top", "G", "g")
        await timed(
            "down in the group / page down in it",
            "j",
            "pagedown",
            before=lambda: sidebar.move_cursor(big + rows // 2),
        )

        def deep_row_unselected() -> None:  # enter on the chosen row opens its details
            app.view.clear_selection()
            sidebar.move_cursor(big + rows // 2)
            sidebar.focus()

        await timed(
            "enter on a row deep in the group (jump) / enter again (the detail pane opens) / "
            "enter again (it closes)",
            "enter",
            "enter",
            "enter",
            before=deep_row_unselected,
        )
        await timed(
            "to the next group / to the heading",
            "shift+down",
            "shift+left",
            before=lambda: (sidebar.move_cursor(big + 5), sidebar.focus()),
        )
        clicks = []
        for _ in range(repeat):
            deep_row_unselected()
            await pilot.pause()
            t = time.process_time()
            await pilot.click(Sidebar, offset=(8, 5))
            clicks.append(max(time.process_time() - t - base, 0.0))
        out.append(("click on a row (jump)", statistics.median(clicks) * 1000, max(clicks) * 1000))
    return out


def _print(rows: list[tuple[str, float, float]]) -> None:
    print(f"{'key':<52}{'median ms':>10}{'worst ms':>10}")
    for what, median, worst in rows:
        print(f"{what:<52}{median:>10.1f}{worst:>10.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", choices=("article", "sidebar"))
    options = parser.parse_args()
    if options.only != "sidebar":
        _print(asyncio.run(measure(options.megabytes, options.repeat)))
    if options.only != "article":
        _print(asyncio.run(measure_sidebar(options.rows, options.repeat)))


if __name__ == "__main__":
    main()
