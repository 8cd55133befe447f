"""Every speed target of the reader in one table: first frame, analysis by size and stage, keys.

    python bench/performance.py [--repeat 5] [--sizes 0.5 1 2 5] [--quick]

Runs ``startup.py`` (tmux), ``analysis.py`` (a fresh process a size) and ``keys.py`` (Textual's
pilot, CPU per key) and prints a Markdown table with each target and whether it is met. The
words-a-second line compares with spaCy's small English model finding named entities alone,
about 6,000 words a second on this kind of machine (the figure the performance issue gives);
spaCy is not installed to measure it here. ``--quick`` runs each measure fewer times.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # measure this checkout

import analysis  # noqa: E402
import keys  # noqa: E402
import startup  # noqa: E402

SPACY_WORDS_PER_SECOND = 6_000
STAGES = ("load", "clean", "entities", "figures", "flags")


def _row(what: str, value: str, target: str = "", met: bool | None = None) -> str:
    verdict = "" if met is None else ("yes" if met else "**no**")
    return f"| {what} | {value} | {target} | {verdict} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="first-frame runs of each")
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 5])
    parser.add_argument("--quick", action="store_true")
    options = parser.parse_args()
    repeat = 3 if options.quick else options.repeat
    rows = ["| measure | value | target | met |", "|---|---|---|---|"]

    if shutil.which("tmux"):
        frames = startup.measure(repeat, max(options.sizes))
        base = frames[startup.MINIMAL_CASE]
        rows.append(
            _row(
                "first frame: minimal Textual app",
                f"{base.wall:.3f} s ({base.cpu:.3f} s CPU)",
            )
        )
        for name, timing in frames.items():
            if name == startup.MINIMAL_CASE:
                continue
            limit = startup.LIMITS.get(name, 2.0)
            ratio = timing.wall / base.wall
            what = "on screen" if name == startup.ANALYSED_CASE else "first frame"
            rows.append(
                _row(
                    f"{what}: {name.removeprefix('closeread, ')}",
                    f"{timing.wall:.3f} s = {ratio:.2f}× minimal "
                    f"(CPU {timing.cpu / base.cpu:.2f}×)",
                    f"≤ {limit}×",
                    ratio <= limit,
                )
            )
    else:
        rows.append(_row("first frame", "not measured: tmux is not installed"))

    sized = [analysis.run(size) for size in options.sizes]
    for row in sized:
        mb = row["chars"] / 1e6
        rows.append(
            _row(
                f"analysis of {mb:.1f} MB (imports included)",
                f"{row['total']:.2f} s, peak {row['peak_mb']:.0f} MB",
            )
        )
    small, large = sized[0], sized[-1]
    mb = large["chars"] / 1e6
    rows.append(
        _row(
            f"analysis of {mb:.1f} MB",
            f"{large['total']:.2f} s",
            "< 5 s at 5 MB",
            large["total"] < 5 or mb < 4.5,
        )
    )
    rows.append(
        _row(
            f"peak memory at {mb:.1f} MB",
            f"{large['peak_mb']:.0f} MB",
            "< 400 MB",
            large["peak_mb"] < 400,
        )
    )
    growth = large["total"] / small["total"]
    size_ratio = large["chars"] / small["chars"]
    rows.append(
        _row(
            f"growth, {size_ratio:.0f}× the text",
            f"{growth:.1f}× the time",
            f"≤ {size_ratio * 1.2:.0f}×",
            growth <= size_ratio * 1.2,
        )
    )
    for stage in STAGES:
        per_mb = [row["stages"][stage] / (row["chars"] / 1e6) for row in sized]
        rows.append(
            _row(
                f"{stage}, s per MB",
                " / ".join(f"{v:.3f}" for v in per_mb)
                + f" (at {' / '.join(f'{s:g}' for s in options.sizes)} MB)",
            )
        )
    speed = analysis.words_per_second(large)
    rows.append(
        _row(
            "words a second, start-up excluded",
            f"{speed:,.0f} = {speed / SPACY_WORDS_PER_SECOND:.0f}× spaCy sm NER",
            "≥ 20×",
            speed >= 20 * SPACY_WORDS_PER_SECOND,
        )
    )

    landing, *key_rows = asyncio.run(
        keys.measure(max(options.sizes), 5 if options.quick else 15, report=False)
    )
    rows.append(
        _row(
            f"UI thread busy showing the analysis of {mb:.1f} MB",
            f"{landing[1]:.0f} ms (once, when it lands)",
        )
    )
    for what, median, worst in key_rows:
        rows.append(
            _row(
                f"key {what} at {mb:.1f} MB",
                f"{median:.1f} / {worst:.1f} ms CPU",
                "< 16 / < 50 ms",
                median < 16 and worst < 50,
            )
        )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
