"""Analysis time and peak memory by article size, and the time per MB of each stage.

Each size runs in a fresh process (so peak memory is that size's alone), on BBC stories
concatenated from ../shared/corpus, or on generated prose where the corpus is absent.

    python bench/analysis.py [--sizes 0.5 1 2 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = """
import json, pathlib, resource, sys, tempfile, time
sys.path[:0] = [{here!r}, {root!r}]
from corpus_text import long_article
text = long_article({size})
path = pathlib.Path(tempfile.mkdtemp()) / "article.txt"
path.write_text(text, encoding="utf-8")
started = time.perf_counter()
from tui import gcpolicy
from tui.analysis import analyze
from tui.source import load
imported = time.perf_counter() - started
source = load(str(path))
loaded = time.perf_counter() - started - imported
with gcpolicy.paused():  # as the reader and the command line run it
    result = analyze(source)
total = time.perf_counter() - started
path.unlink()
print(json.dumps({{"chars": len(text), "words": len(text.split()), "total": total,
                  "import": imported,
                  "stages": {{"load": loaded, **result.timings}},
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run(size: float) -> dict:
    """One size in a fresh process: seconds in all (``total``, imports included) and by stage
    (``load`` is reading and decoding the file), and the process's peak memory."""
    code = CHILD.format(here=str(HERE), root=str(HERE.parent), size=size)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def words_per_second(row: dict) -> float:
    """Words analysed a second, start-up (imports) excluded."""
    return row["words"] / (row["total"] - row["import"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 5])
    options = parser.parse_args()
    rows = [(size, run(size)) for size in options.sizes]
    stages = list(rows[0][1]["stages"])
    print(
        f"{'MB':>5} {'total s':>8} {'words/s':>8} {'peak MB':>8} "
        + " ".join(f"{s + ' s/MB':>15}" for s in stages)
    )
    for _, row in rows:
        mb = row["chars"] / 1e6
        print(
            f"{mb:>5.1f} {row['total']:>8.2f} {words_per_second(row):>8.0f} "
            f"{row['peak_mb']:>8.0f} " + " ".join(f"{row['stages'][s] / mb:>15.3f}" for s in stages)
        )
    if len(rows) > 1:
        small, large = rows[0][1], rows[-1][1]
        ratio = large["total"] / small["total"]
        print(f"growth: {large['chars'] / small['chars']:.1f}x the text took {ratio:.1f}x the time")
    print(
        f"(started {time.strftime('%Y-%m-%d %H:%M')}; total includes imports, words/s does "
        "not; peak from ru_maxrss of each process)"
    )


if __name__ == "__main__":
    main()
