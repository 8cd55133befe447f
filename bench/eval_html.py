"""Score HTML extraction on the ScrapingHub article-extraction benchmark (181 news pages).

The measure is the benchmark's own (scrapinghub/article-extraction-benchmark, evaluate.py):
tokens are ``\\w+`` runs (case kept), 4-token shingles are counted as multisets, each page's
true/false positive and false negative counts are normalised to sum to one, precision and
recall are averaged over pages, and F1 is the harmonic mean of those two averages.
Published: trafilatura F1 0.958.

    python bench/eval_html.py [--corpus ../shared/corpus] [--clean]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.formats.html import extract_html  # noqa: E402

_TOKEN = re.compile(r"\w+")
SHINGLE = 4

Counts = tuple[float, float, float]


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Overlapping 4-token shingles; a text shorter than that is one shingle (as the benchmark)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens
    )


def match(true: str, predicted: str) -> Counts:
    """True positives, false positives, false negatives over shingles, normalised to sum to 1."""
    expected, got = shingles(true), shingles(predicted)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[Counts]) -> tuple[float, float, float]:
    """Mean precision, mean recall, and the F1 of those means."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def load_pages(folder: Path) -> list[tuple[str, str, str]]:
    """(html, url, true article body) for every page of the benchmark."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(truth.items()):
        with gzip.open(folder / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as handle:
            pages.append((handle.read(), item["url"], item["articleBody"]))
    return pages


def run(extractor: Callable[[str, str], str], pages: list[tuple[str, str, str]]):
    started = time.perf_counter()
    counts = [match(true, extractor(markup, url)) for markup, url, true in pages]
    return (*scores(counts), time.perf_counter() - started)


def trafilatura_defaults(markup: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(markup) or ""


def trafilatura_as_benchmarked(markup: str, url: str) -> str:
    """The call the benchmark's own runner makes (extractors/run_trafilatura.py)."""
    import trafilatura

    return trafilatura.extract(markup, include_comments=False) or ""


def closeread(markup: str, url: str) -> str:
    return extract_html(markup, url).text


def closeread_cleaned(markup: str, url: str) -> str:
    from tui.analysis.clean import clean

    return clean(extract_html(markup, url).text).text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--clean", action="store_true", help="also score extraction + clean()")
    args = parser.parse_args(argv)
    folder = args.corpus / "html" / "aeb"
    if not (folder / "ground-truth.json").is_file():
        print(f"no benchmark at {folder}", file=sys.stderr)
        return 2
    pages = load_pages(folder)
    import trafilatura  # imported once here so no row pays for the import

    rows: list[tuple[str, Callable[[str, str], str]]] = [
        ("trafilatura.extract defaults", trafilatura_defaults),
        ("trafilatura.extract, no comments", trafilatura_as_benchmarked),
        ("closeread extract_html", closeread),
    ]
    if args.clean:
        rows.append(("extract_html + clean", closeread_cleaned))
    print(f"{len(pages)} pages, trafilatura {trafilatura.__version__}")
    print(f"{'extractor':<34} {'P':>6} {'R':>6} {'F1':>6} {'time':>7}")
    for name, extractor in rows:
        precision, recall, f1, seconds = run(extractor, pages)
        print(f"{name:<34} {precision:6.3f} {recall:6.3f} {f1:6.3f} {seconds:6.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
