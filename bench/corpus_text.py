"""Long test articles for benchmarks: the BBC stories concatenated, or generated prose."""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpus" / "news-text" / "bbc"
_WORDS = (
    "the council said on Monday that about 3,000 people in Leeds and the Ministry of "
    "Defence had been told by Prime Minister Tony Blair, according to officials, that "
    "twelve new schools would open in March"
).split()


def long_article(megabytes: float, corpus: Path = BBC) -> str:
    """About ``megabytes`` MB of news prose: BBC stories repeated, else seeded random prose."""
    target = int(megabytes * 1_000_000)
    pieces: list[str] = []
    size = 0
    stories = sorted(corpus.rglob("*.txt")) if corpus.is_dir() else []
    if stories:
        while size < target:
            for path in stories:
                body = path.read_text(encoding="utf-8", errors="replace")
                pieces.append(body.strip())
                size += len(body)
                if size >= target:
                    break
        return "\n\n".join(pieces)
    rng = random.Random(7)
    while size < target:
        sentence = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 30)))
        paragraph = " ".join(sentence.capitalize() + "." for _ in range(rng.randint(1, 4)))
        pieces.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(pieces)
