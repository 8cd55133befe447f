"""Score the entity stage on public data: mentions on CoNLL-2003, alias groups on AIDA-CoNLL dev,
and the speed.

    python bench/eval_entities.py [CORPUS] [--split valid|train]   (CORPUS: ../shared/corpus)

Mentions are scored as in the shared yardstick (``eval/conll.py``): typed exact spans, micro
P/R/F1 over PER/ORG/LOC, our kinds person -> PER, organization -> ORG, place -> LOC ("other" is
not scored). The table gives every document, then sports and other documents apart (a CoNLL
story is a sports one when its headline opens with a sport's name, "SOCCER -"), each per kind.
Alias groups: over the gold mentions we find with their exact span, the pairs we put in one
entity (precision: the share that share a gold entity id) and the gold pairs of one entity id
(recall: the share we put together, counting gold mentions we missed as misses). Speed is CPU
time (``time.process_time``), so that other work on the machine does not skew it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.entities import find_entities  # noqa: E402

TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
SPORTS = re.compile(
    r"(?:SOCCER|CRICKET|BASEBALL|TENNIS|GOLF|CYCLING|ATHLETICS|RUGBY|BASKETBALL|RALLYING|SQUASH"
    r"|MOTOR|BOXING|HORSE|BADMINTON|MOTOCROSS|NFL|NHL|NBA|ICE HOCKEY|HOCKEY|ROWING|SWIMMING"
    r"|SKIING|SAILING|YACHTING|JUDO|AMERICAN FOOTBALL|FOOTBALL|SPEEDWAY|TABLE TENNIS)\b",
    re.IGNORECASE,
)


def _default_corpus() -> Path:
    """../shared/corpus beside the checkout, or beside its parent (a worktree)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared" / "corpus"
    return ROOT.parent / "shared" / "corpus"


def _conll_module(corpus: Path):
    path = corpus.parent / "eval" / "conll.py"
    spec = importlib.util.spec_from_file_location("conll", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predicted_spans(text: str) -> list[tuple[int, int, str]]:
    return [
        (a, b, TYPES[e.kind]) for e in find_entities(text) if e.kind in TYPES for a, b in e.mentions
    ]


def is_sports(text: str) -> bool:
    """A CoNLL story whose headline opens with a sport: "SOCCER - ...", "Tennis - ..."."""
    return SPORTS.match(text[:40]) is not None


def _table(conll, title: str, gold: list, predicted: list) -> None:
    scores = conll.score(gold, predicted)
    print(f"  {title}: {len(gold)} documents, {sum(map(len, gold))} gold mentions")
    print(f"    {'':6} {'P':>6} {'R':>6} {'F1':>6}")
    for name in ("PER", "ORG", "LOC", "all", "spans"):
        p, r, f = scores[name]
        print(f"    {name:6} {p:6.3f} {r:6.3f} {f:6.3f}")


def mentions_report(corpus: Path, split: str) -> tuple[int, float]:
    conll = _conll_module(corpus)
    docs = list(conll.documents(corpus / "entities" / f"conll2003-{split}.txt"))
    started = time.process_time()
    predictions = [predicted_spans(text) for text, _ in docs]
    elapsed = time.process_time() - started
    print(f"CoNLL-2003 {split}:")
    _table(conll, "all", [g for _, g in docs], predictions)
    for title, want in (("sports", True), ("non-sports", False)):
        keep = [i for i, (text, _) in enumerate(docs) if is_sports(text) == want]
        _table(conll, title, [docs[i][1] for i in keep], [predictions[i] for i in keep])
    words = sum(len(text.split()) for text, _ in docs)
    return words, elapsed


def aliases_report(corpus: Path) -> None:
    path = corpus / "entities" / "aida-conll-dev.jsonl"
    together = right = gold_pairs = found_gold_pairs = 0
    with path.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    for doc in docs:
        gold = {
            tuple(label["span"]): label["entity_id"]
            for label in doc["labels"]
            if label["entity_id"] != "<NIL>"
        }
        ours: dict[tuple[int, int], int] = {}
        for n, e in enumerate(find_entities(doc["text"])):
            for span in e.mentions:
                if span in gold:
                    ours[span] = n
        for a, b in combinations(sorted(ours), 2):
            if ours[a] == ours[b]:
                together += 1
                right += gold[a] == gold[b]
        by_id = Counter(gold.values())
        gold_pairs += sum(n * (n - 1) // 2 for n in by_id.values())
        for a, b in combinations(sorted(ours), 2):
            if gold[a] == gold[b] and ours[a] == ours[b]:
                found_gold_pairs += 1
    precision = right / together if together else 0.0
    recall = found_gold_pairs / gold_pairs if gold_pairs else 0.0
    print(f"AIDA-CoNLL dev alias pairs: {len(docs)} documents")
    print(
        f"  precision {precision:.3f} ({right}/{together})  recall {recall:.3f} "
        f"({found_gold_pairs}/{gold_pairs})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=_default_corpus())
    parser.add_argument("--split", choices=("valid", "train"), default="valid")
    args = parser.parse_args()
    find_entities("Warm-up loads the gazetteer once.")
    words, elapsed = mentions_report(args.corpus, args.split)
    aliases_report(args.corpus)
    print(
        f"speed: {words / elapsed:,.0f} words per CPU second ({words:,} words in {elapsed:.2f} s)"
    )


if __name__ == "__main__":
    main()
