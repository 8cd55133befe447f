"""Score the figures finder on public data, and time it.

- ``numbers/number-words.tsv``: a row is right when the values found, in order, are the gold ones.
- ``numbers/quantulum3-*.json``: a gold quantity is found when a figure overlaps its surface text
  with the gold value (a range by its midpoint, as quantulum3 reports ranges; "a dozen" counts
  as 12 where the gold says 1 dozen).
- ``dates/timebank``: every TIMEX3 of type DATE with a day-precise value, the document creation
  time passed as ``published``; right when an overlapping figure has the gold day, wrong when it
  has another day.
- ``news-text/bbc``: seconds per MB and figures per 1,000 words over 2,225 clean stories.

    python bench/eval_figures.py [--corpus ../shared/corpus] [--misses] [--show KIND]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.figures import find_figures  # noqa: E402
from tui.analysis.model import Figure  # noqa: E402

# Rows of number-words.tsv whose gold value is not what the words say; they are scored as given
# and also reported apart, with the reason.
DISPUTED = {
    "a million and a half": "means 1,500,000; the gold adds a half (1,000,000.5)",
    "minus a million and a half": "means -1,500,000; the gold adds a half",
    "negative million and a half": "means -1,500,000; the gold adds a half",
    "point": "holds no number; 0.0 is word2number's value for bad input",
    "point nineteen": "0.0 is word2number's value for bad input",
    "seventh point nineteen": "0.0 is word2number's value for bad input",
    "Zero is a small number.": "holds one number; the gold's 1.0 stands for no word in it",
}

# Gold units that name a multiple: quantulum3 says "a dozen" is 1 dozen; we say 12.
UNIT_FACTORS = {"dozen": 12, "baker's dozen": 13, "gross": 144}


def _close(a: float | int | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _values(figure: Figure) -> list[float]:
    values = [] if figure.value is None else [figure.value]
    if figure.low is not None and figure.high is not None:
        values.append((figure.low + figure.high) / 2)
    return values


def score_number_words(corpus: Path, misses: bool) -> tuple[int, int, int, int]:
    """Right and total over all rows, then over the rows whose gold is not disputed."""
    right = total = fair_right = fair_total = 0
    with open(corpus / "numbers/number-words.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            gold = [float(v) for v in row["values"].split(";")] if row["values"] else []
            got = [f.value for f in find_figures(row["text"]).figures if f.value is not None]
            ok = len(got) == len(gold) and all(_close(a, b) for a, b in zip(got, gold, strict=True))
            right += ok
            total += 1
            if row["text"] not in DISPUTED:
                fair_right += ok
                fair_total += 1
            if misses and not ok:
                why = DISPUTED.get(row["text"], "")
                print(
                    f"  number-words miss: {row['text']!r} gold {gold} got {got}"
                    + (f" (disputed: {why})" if why else "")
                )
    return right, total, fair_right, fair_total


def score_quantulum(corpus: Path, misses: bool) -> tuple[int, int]:
    right = total = 0
    for name in ("quantulum3-quantities.json", "quantulum3-ambiguity.json"):
        for case in json.loads((corpus / "numbers" / name).read_text(encoding="utf-8")):
            text = case["req"]
            figures = find_figures(text).figures
            pos = 0
            for q in case["res"]:
                start = text.find(q["surface"], pos)
                if start < 0:
                    start = text.find(q["surface"])
                end = start + len(q["surface"])
                pos = end
                gold = q["value"] * UNIT_FACTORS.get(q["unit"], 1)
                near = [f for f in figures if f.span and f.span[0] < end and start < f.span[1]]
                ok = any(_close(v, gold) for f in near for v in _values(f))
                right += ok
                total += 1
                if misses and not ok:
                    got = [(f.text, f.value, f.low, f.high) for f in near]
                    print(f"  quantulum3 miss: {q['surface']!r} = {gold} in {text!r}: {got}")
    return right, total


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def timebank_document(path: Path) -> tuple[str, date, list[tuple[int, int, date]]]:
    """The plain text of a TimeML document, its creation date and its day-precise DATE values."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    assert dct is not None, path
    created = date.fromisoformat(dict(_ATTR.findall(dct.group()))["value"][:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    open_at: list[tuple[int, dict[str, str]]] = []
    gold = []
    last = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[last : m.start()])
        parts.append(chunk)
        length += len(chunk)
        last = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_at.append((length, dict(_ATTR.findall(m.group(3)))))
            continue
        start, attrs = open_at.pop()
        value = attrs.get("value", "")
        if attrs.get("type") == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            gold.append((start, length, date.fromisoformat(value)))
    parts.append(html.unescape(body[last:]))
    return "".join(parts), created, gold


def score_timebank(corpus: Path, misses: bool) -> tuple[int, int, int]:
    right = wrong = total = 0
    for path in sorted((corpus / "dates/timebank").glob("*.tml")):
        text, created, gold = timebank_document(path)
        figures = [f for f in find_figures(text, published=created).figures if f.date]
        for start, end, day in gold:
            near = [f for f in figures if f.span and f.span[0] < end and start < f.span[1]]
            total += 1
            if any(f.date == day for f in near):
                right += 1
                continue
            wrong += bool(near)
            if misses:
                said = [(f.text, str(f.date)) for f in near]
                context = text[max(0, start - 60) : end + 30].replace("\n", " ")
                print(
                    f"  timebank {'wrong' if near else 'miss'}: {text[start:end]!r} = {day} "
                    f"(DCT {created}) got {said} in …{context}…"
                )
    return right, wrong, total


def bbc(corpus: Path, show: str | None) -> tuple[float, float, float, Counter[str]]:
    """Seconds per MB, figures per 1,000 words, and figures by kind over the BBC stories."""
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted((corpus / "news-text/bbc").rglob("*.txt"))
    ]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    words = sum(len(t.split()) for t in texts)
    kinds: Counter[str] = Counter()
    started = time.perf_counter()
    results = [find_figures(t) for t in texts]
    seconds = time.perf_counter() - started
    for text, result in zip(texts, results, strict=True):
        for f in result.figures:
            kinds[f.kind] += 1
            if show and f.kind == show and f.span:
                a, b = f.span
                context = text[max(0, a - 40) : b + 40].replace("\n", " ")
                print(
                    f"  {f.kind} {f.text!r} {f.value} {f.low}-{f.high} {f.unit} {f.date} "
                    f"[{f.counts}] …{context}…"
                )
    whole = "\n".join(texts)
    started = time.perf_counter()
    find_figures(whole)
    one_pass = time.perf_counter() - started
    return seconds / size, one_pass / size, 1000 * sum(kinds.values()) / words, kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    parser.add_argument("--show", help="print every BBC figure of this kind, for review")
    args = parser.parse_args()

    nw_right, nw_total, nw_fair, nw_fair_total = score_number_words(args.corpus, args.misses)
    q_right, q_total = score_quantulum(args.corpus, args.misses)
    tb_right, tb_wrong, tb_total = score_timebank(args.corpus, args.misses)
    per_mb, one_pass, per_kwords, kinds = bbc(args.corpus, args.show)

    print(f"{'benchmark':<36}{'score':>10}{'target':>10}")
    print(
        f"{'number-words.tsv right':<36}{nw_right / nw_total:>10.1%}{'>= 95%':>10}"
        f"   ({nw_right}/{nw_total})"
    )
    print(
        f"{'  without the disputed gold rows':<36}{nw_fair / nw_fair_total:>10.1%}{'':>10}"
        f"   ({nw_fair}/{nw_fair_total}; --misses lists why)"
    )
    print(
        f"{'quantulum3 quantities found':<36}{q_right / q_total:>10.1%}{'>= 90%':>10}"
        f"   ({q_right}/{q_total})"
    )
    print(
        f"{'TimeBank day dates right':<36}{tb_right / tb_total:>10.1%}{'>= 85%':>10}"
        f"   ({tb_right}/{tb_total})"
    )
    print(
        f"{'TimeBank day dates wrong':<36}{tb_wrong / tb_total:>10.1%}{'<= 5%':>10}"
        f"   ({tb_wrong}/{tb_total})"
    )
    print(f"{'BBC seconds per MB (per story)':<36}{per_mb:>10.3f}")
    print(f"{'BBC seconds per MB (one 5 MB text)':<36}{one_pass:>10.3f}")
    print(f"{'BBC figures per 1,000 words':<36}{per_kwords:>10.1f}")
    print("BBC figures by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))


if __name__ == "__main__":
    main()
