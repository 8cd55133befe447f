"""Garbage the reader pins: objects that died after a ``gc.freeze()`` froze them, so no pass of
the collector can free them. Opens the sample, analyses it again N times (a new reference date
each, as ``D`` does) and makes M highlight changes (``h``), then counts what only an unfreeze
lets the collector find, and how long the collector's pauses and freezes took.

    python bench/gc_pins.py [--reanalyses 5] [--highlights 20]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


async def scenario(reanalyses: int, highlights: int) -> dict[str, float]:
    from tui.app import ReaderApp

    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        for n in range(reanalyses):
            app.reference = date(2022, 1, 3) + timedelta(days=n)
            app.start_analysis()
            await app.wait_for_analysis()
            await pilot.pause()
        for _ in range(highlights):
            await pilot.press("h")
        await pilot.pause()
        frozen = gc.get_freeze_count()
        ordinary = gc.collect()  # what any pass would free
        gc.unfreeze()
        started = time.process_time()
        pinned = gc.collect()  # what only an unfreeze lets it free
        full = time.process_time() - started
    return {
        "frozen objects": frozen,
        "ordinary garbage": ordinary,
        "pinned garbage": pinned,
        "full collection CPU ms": full * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reanalyses", type=int, default=5)
    parser.add_argument("--highlights", type=int, default=20)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["CLOSEREAD_DATA_DIR"] = str(Path(home) / "data")
        os.environ["CLOSEREAD_CONFIG_DIR"] = str(Path(home) / "config")
        os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
        result = asyncio.run(scenario(options.reanalyses, options.highlights))
    for name, value in result.items():
        print(f"{name:>24}: {value:,.0f}")


if __name__ == "__main__":
    main()
