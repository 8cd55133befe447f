"""How notes fare when real articles change: found, orphaned, or (never, we hope) misplaced.

    python bench/notes_anchoring.py [CORPUS] [--trials 20000] [--seed 7]

Takes BBC News stories from ``CORPUS/news-text/bbc`` (CORPUS defaults to ../shared/corpus),
anchors a quote of a few words, edits the story the way articles change (a paragraph added above,
words changed elsewhere, words changed inside or right beside the quote, the quote's sentence
deleted), tracks where the quote truly went, and places the note again. Prints, for quotes that
survived intact, changed, or vanished: how many were placed on them, orphaned, or placed
elsewhere, separating a placement on a word-for-word copy of the passage from one on other words.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.notes import make_anchor, place  # noqa: E402

WORD = re.compile(r"\S+")


def stories(corpus: Path) -> list[str]:
    return [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted((corpus / "news-text" / "bbc").rglob("*.txt"))
    ]


def edit(text: str, span: tuple[int, int], rng: random.Random) -> tuple[str, tuple[int, int]]:
    """One realistic change, and where the quote's span went."""
    start, end = span
    kind = rng.choice(
        ["paragraph above", "word elsewhere", "word inside", "word beside", "delete sentence"]
    )
    if kind == "paragraph above":
        at = text.rfind("\n", 0, start) + 1
        at = rng.choice([0, at])
        return _replace(text, (start, end), at, at, "An added paragraph, of a reasonable length.\n")
    if kind == "delete sentence":
        a = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
        b = min(x for x in (text.find(". ", end), text.find("\n", end), len(text)) if x != -1)
        return _replace(text, (start, end), a, min(b + 1, len(text)), "")
    if kind == "word inside":
        words = [m.span() for m in WORD.finditer(text, start, end)]
    elif kind == "word beside":
        words = [
            m.span()
            for m in WORD.finditer(text, max(0, start - 40), min(len(text), end + 40))
            if m.end() <= start or m.start() >= end
        ]
    else:
        words = [
            m.span() for m in WORD.finditer(text) if m.end() < start - 200 or m.start() > end + 200
        ]
    if not words:
        return text, span
    a, b = rng.choice(words)
    return _replace(text, (start, end), a, b, rng.choice(["changed", "", "altered words"]))


def _replace(text: str, span: tuple[int, int], a: int, b: int, new: str):
    """``text`` with ``[a, b)`` replaced by ``new``, and where ``span`` went: an insertion
    before the quote moves it, inside widens it; a replacement inside stays inside."""
    start, end = span
    changed = text[:a] + new + text[b:]
    if a == b:
        if a <= start:
            return changed, (start + len(new), end + len(new))
        return changed, (start, end + len(new) if a < end else end)

    def moved(x: int, is_end: bool) -> int:
        if x <= a:
            return x
        if x >= b:
            return x - (b - a) + len(new)
        return a + len(new) if is_end else a

    return changed, (moved(start, False), moved(end, True))


def trial(texts: list[str], rng: random.Random) -> str:
    text = rng.choice(texts)
    words = [m.span() for m in WORD.finditer(text)]
    i = rng.randrange(len(words))
    j = min(len(words) - 1, i + rng.choice([0, 1, 2, 4, 8, 16, 30]))
    span = (words[i][0], words[j][1])
    anchor = make_anchor(text, *span)
    for _ in range(rng.randint(1, 3)):
        text, span = edit(text, span, rng)
    found = place(anchor, text)
    state = (
        "intact"
        if text[span[0] : span[1]] == anchor.exact
        else "changed"
        if span[1] > span[0]
        else "vanished"
    )
    if found is None:
        return f"{state}: orphaned"
    if found == span or (state == "changed" and found[0] < span[1] and found[1] > span[0]):
        return f"{state}: placed on it"
    if text[found[0] : found[1]] == anchor.exact:
        return f"{state}: placed on a copy of its words"
    return f"{state}: placed on OTHER WORDS"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--trials", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args(argv)
    texts = stories(options.corpus)
    if not texts:
        print(f"no stories under {options.corpus / 'news-text' / 'bbc'}", file=sys.stderr)
        return 1
    rng = random.Random(options.seed)
    started = time.perf_counter()
    outcomes = Counter(trial(texts, rng) for _ in range(options.trials))
    elapsed = time.perf_counter() - started
    for state in ("intact", "changed", "vanished"):
        total = sum(n for k, n in outcomes.items() if k.startswith(state))
        for outcome, n in sorted(outcomes.items()):
            if outcome.startswith(state):
                print(f"{outcome:<40} {n:>6}  {n / total:6.1%}")
    print(f"{options.trials} trials on {len(texts)} stories in {elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
