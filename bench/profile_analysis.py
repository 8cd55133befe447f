"""Where one analysis stage spends its time: cProfile of that stage alone on N MB of news text.

The earlier stages run unprofiled to produce the stage's input, so the listing holds only the
stage asked for. Sorted by own time by default, since that is where a loop or a regex hides.

    python bench/profile_analysis.py clean [--mb 2] [--top 30] [--sort tottime|cumulative]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus_text import long_article  # noqa: E402

from tui.analysis.clean import clean  # noqa: E402
from tui.analysis.entities import find_entities  # noqa: E402
from tui.analysis.figures import find_figures  # noqa: E402

STAGES = ("clean", "entities", "figures", "flags")


def stage_call(stage: str, text: str):
    """A no-argument call running just ``stage``, with the earlier stages already done."""
    if stage == "clean":
        return lambda: clean(text)
    cleaned = clean(text)
    paragraphs = cleaned.paragraphs
    if stage == "entities":
        return lambda: find_entities(cleaned.text, paragraphs=paragraphs)
    captions = [e.text for e in cleaned.edits if e.kind == "caption"]

    def figures():
        return find_figures(cleaned.text, paragraphs=paragraphs, captions=captions)

    if stage == "figures":
        return figures
    from tui.analysis.flags import find_flags

    entities = find_entities(cleaned.text, paragraphs=paragraphs)
    found = figures()
    day = found.reference_date.date if found.reference_date else None
    return lambda: find_flags(
        cleaned.text,
        paragraphs=paragraphs,
        entities=entities,
        figures=found.figures,
        article_date=day,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=STAGES)
    parser.add_argument("--mb", type=float, default=2.0, help="size of the text in MB")
    parser.add_argument("--top", type=int, default=30, help="how many functions to list")
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    options = parser.parse_args()
    call = stage_call(options.stage, long_article(options.mb))
    gc.disable()  # as analyze() runs the stages: full collections would swell every allocation
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.runcall(call)  # once, cold, as in the pipeline: a second run would hit warm caches
    print(f"{options.stage} on {options.mb} MB: {time.perf_counter() - started:.2f} s profiled")
    pstats.Stats(profiler).strip_dirs().sort_stats(options.sort).print_stats(options.top)


if __name__ == "__main__":
    main()
