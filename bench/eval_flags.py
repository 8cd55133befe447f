"""How often each flag rule fires on clean, professionally edited copy, and what it says there.

    python bench/eval_flags.py [CORPUS] [--sample 20] [--seed 7] [--out hits.txt]

Runs the whole analysis (cleaning, entities, figures, then every rule of ``tui.analysis.flags``)
over the 2,225 BBC News stories in ``CORPUS/news-text/bbc`` (CORPUS defaults to ../shared/corpus)
and prints, per rule, its hits and its rate per 1,000 words, the error and warning rates overall
(the targets: at most 0.2 errors and 3 warnings per 1,000 words), and the time the flag rules
took. With ``--out`` it writes a seeded random sample of hits per rule, each with its message
and the sentence around it, to be read by a person: a rule that is mostly wrong on clean copy is
fixed, demoted to info, or dropped. Flags raised by cleaning are counted too (their rule ids are
not in the registry).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.flags import RULES, find_flags  # noqa: E402
from tui.analysis.model import Source  # noqa: E402
from tui.analysis.pipeline import analyze  # noqa: E402

OWN = {rule.id for rule in RULES}


def _context(text: str, span: tuple[int, int], width: int = 110) -> str:
    a, b = span
    left = text.rfind("\n", 0, a) + 1
    right = text.find("\n", b)
    right = len(text) if right < 0 else right
    a0, b0 = max(left, a - width), min(right, b + width)
    return (text[a0:a] + "[[" + text[a:b] + "]]" + text[b:b0]).replace("\n", " ")


def _warm() -> None:
    """Load every shipped table once per worker, so the timing is the rules' alone."""
    text = "Sydney, the capital of Australia. The XYZQ said protestors were murdered."
    find_flags(text, paragraphs=((0, len(text)),), entities=(), figures=(), article_date=None)


def _one(path: str) -> tuple[str, int, float, list[tuple[str, str, str, str]]]:
    text = Path(path).read_text(encoding="latin-1")
    analysis = analyze(Source(text, path=path))
    day = analysis.date or (analysis.reference_date.date if analysis.reference_date else None)
    started = time.perf_counter()
    flags = find_flags(
        analysis.text,
        paragraphs=analysis.paragraphs,
        entities=analysis.entities,
        figures=analysis.figures,
        article_date=day,
    )
    took = time.perf_counter() - started
    found = [f for f in analysis.flags if f.rule not in OWN] + list(flags)
    hits = [
        (f.rule, f.severity, f.message, _context(analysis.text, f.spans[0]) if f.spans else "")
        for f in found
    ]
    return path, len(analysis.text.split()), took, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    paths = sorted(str(p) for p in (args.corpus / "news-text" / "bbc").glob("*/*.txt"))
    words = 0
    took = 0.0
    by_rule: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    severity: Counter[str] = Counter()
    with ProcessPoolExecutor(args.jobs, initializer=_warm) as pool:
        for path, n, seconds, hits in pool.map(_one, paths, chunksize=16):
            words += n
            took += seconds
            for rule, sev, message, context in hits:
                by_rule[rule].append((path, sev, message, context))
                severity[sev] += 1
    per_k = 1000 / max(words, 1)
    print(
        f"{len(paths)} stories, {words} words; the flag rules took {took:.2f} s in all "
        f"(summed over workers)"
    )
    print(f"{'rule':24} {'severity':9} {'hits':>6} {'per 1k words':>13}")
    order = [r.id for r in RULES] + sorted(set(by_rule) - OWN)
    for rule in order:
        hits = by_rule.get(rule, [])
        sevs = "/".join(sorted({h[1] for h in hits})) or "-"
        print(f"{rule:24} {sevs:9} {len(hits):6} {len(hits) * per_k:13.3f}")
    for sev in ("error", "warning", "info"):
        print(f"{sev:8} {severity[sev]:6} = {severity[sev] * per_k:.3f} per 1,000 words")
    if args.out:
        rng = random.Random(args.seed)
        with args.out.open("w", encoding="utf-8") as out:
            for rule in order:
                hits = by_rule.get(rule, [])
                chosen = rng.sample(hits, min(args.sample, len(hits)))
                out.write(f"\n== {rule}: {len(chosen)} of {len(hits)}\n")
                for i, (path, sev, message, context) in enumerate(chosen, 1):
                    name = "/".join(Path(path).parts[-2:])
                    out.write(f"{i:2}. [{sev}] {name}: {message}\n    {context}\n")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
