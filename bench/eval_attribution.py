"""Score the attribution cues (``tui.analysis.flags.find_cues``) on PolNeAR dev.

    python bench/eval_attribution.py [CORPUS] [--misses 0]

CORPUS defaults to ../shared/corpus; the articles are ``attribution/polnear-dev/text/*.txt`` and
their brat standoff annotations ``attribution/polnear-dev/attributions/*.ann``, whose ``Cue``
spans are the gold cues. A found cue is right when it overlaps a gold cue (precision); a gold
cue is found when some found cue overlaps it (recall). The text is analysed as one paragraph a
line, as closeread's cleaning would hand it over. ``--misses N`` prints N wrong cues in context.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.flags import Article, find_cues  # noqa: E402

Span = tuple[int, int]


def gold_cues(ann: Path) -> list[Span]:
    """The Cue spans of one annotation file (a discontinuous span counts piece by piece)."""
    cues = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].startswith("T"):
            continue
        kind, _, ranges = fields[1].partition(" ")
        if kind != "Cue":
            continue
        for piece in ranges.split(";"):
            start, end = piece.split()
            cues.append((int(start), int(end)))
    return cues


def paragraphs(text: str) -> list[Span]:
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()
    base = args.corpus / "attribution" / "polnear-dev"
    found_n = right = gold_n = recalled = 0
    wrong: list[str] = []
    for ann in sorted((base / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        texts = sorted((base / "text").glob(stem + "*.txt"))
        if not texts:
            continue
        text = texts[0].read_text(encoding="utf-8")
        gold = gold_cues(ann)
        found = find_cues(Article(text, paragraphs=paragraphs(text)))
        found_n += len(found)
        gold_n += len(gold)
        for cue in found:
            if any(overlaps(cue, g) for g in gold):
                right += 1
            elif len(wrong) < args.misses:
                wrong.append(
                    text[max(cue[0] - 60, 0) : cue[0]]
                    + "[["
                    + text[cue[0] : cue[1]]
                    + "]]"
                    + text[cue[1] : cue[1] + 40]
                )
        recalled += sum(any(overlaps(g, cue) for cue in found) for g in gold)
    precision = right / found_n if found_n else 0.0
    recall = recalled / gold_n if gold_n else 0.0
    print(f"PolNeAR dev: {found_n} cues found, {gold_n} gold cues")
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    for line in wrong:
        print("  wrong:", " ".join(line.split()))


if __name__ == "__main__":
    main()
