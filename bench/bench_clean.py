"""Time clean() on generated articles of 1,000, 5,000 and 20,000 paragraphs.

usage: python bench/bench_clean.py [PARAGRAPHS ...]
Each article mixes ordinary paragraphs (words drawn from a Zipf-like vocabulary, so some words are
everywhere and most are rare, as in real text) with what cleaning looks for: exact repeats,
lightly edited and truncated copies, markup debris, captions with credits, boilerplate. The time
per paragraph should stay about flat as the article grows: no step compares all pairs.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.analysis.clean import clean

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    return ["".join(rng.choices(_LETTERS, k=rng.randint(2, 10))) for _ in range(size)]


def _sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    chosen = rng.choices(words, weights, k=rng.randint(8, 25))
    return " ".join(chosen).capitalize() + "."


def article(paragraphs: int, seed: int = 1) -> str:
    """A generated article of ``paragraphs`` paragraphs, about one in ten of them defective."""
    rng = random.Random(seed)
    words = _vocabulary(rng, 30_000)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    out: list[str] = []
    for n in range(paragraphs):
        roll = rng.random()
        if out and roll < 0.03:
            out.append(rng.choice(out))
        elif out and roll < 0.05:
            source = rng.choice(out).split()
            out.append(" ".join(source[: max(8, len(source) * 2 // 3)]))
        elif roll < 0.06:
            out.append(_sentence(rng, words, weights)[:-1] + ".br>")
        elif roll < 0.065:
            out.append(
                f"5 January, 2022, at ALMATY, KAZAKHSTAN {_sentence(rng, words, weights)} "
                "Photograph: Jane Doe/Reuters"
            )
        elif roll < 0.07:
            out.append("Read more: " + _sentence(rng, words, weights))
        else:
            out.append(" ".join(_sentence(rng, words, weights) for _ in range(rng.randint(1, 4))))
        if n % 7 == 0:
            out.append("")
    return "\n".join(out)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 5_000, 20_000]
    print(f"{'paragraphs':>10} {'MB':>6} {'seconds':>8} {'us/para':>8}  edits by kind")
    for size in sizes:
        text = article(size)
        clean(text[:2000])  # load the word list outside the timing
        started = time.perf_counter()
        cleaned = clean(text)
        elapsed = time.perf_counter() - started
        kinds = Counter(e.kind for e in cleaned.edits if e.kind != "whitespace")
        print(
            f"{size:>10} {len(text) / 1e6:>6.2f} {elapsed:>8.2f} {elapsed / size * 1e6:>8.0f}  "
            f"{dict(sorted(kinds.items()))}"
        )


if __name__ == "__main__":
    main()
