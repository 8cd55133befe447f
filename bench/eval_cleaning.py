"""Plant defects into clean BBC stories and count how many cleaning catches, and what it loses.

    python bench/eval_cleaning.py [CORPUS] [--seed 17] [--limit N] [--misses KIND]

Each of the 2,225 BBC stories in ``CORPUS/news-text/bbc`` (CORPUS defaults to ../shared/corpus)
gets, one at a time, one defect of each kind below, placed at a random (seeded) paragraph, and is
cleaned as a loaded text file would be. A defect is caught when cleaning removes or repairs
exactly it (or flags it, for the kinds cleaning can only report):

- ``exact-duplicate``: a body paragraph repeated later, byte for byte;
- ``near-duplicate``: a paragraph repeated in a rewritten form (quote styles swapped, a word's case
  changed, a dash changed, a word dropped, or cut short after a few sentences);
- ``truncated-word``: a paragraph whose first word lost its first letters ("lice are searching");
- ``cut-dateline``: an all-caps dateline cut at its start ("ASHINGTON -") before the first
  paragraph, naming a place the story names;
- ``debris``: a tag or an entity, loose or glued to a word ("Deppbr>", "<p>", "&nbsp;");
- ``credit-caption``: a photo caption with a credit, in the forms agencies use, put between
  paragraphs;
- ``byline-share``: a byline with share widgets ("By Staff Reporter | Share");
- ``paywall-end``: the story cut mid-sentence at its end by a paywall ("... the company said …",
  "... All...");

Sentences lost: every sentence of the unplanted stories (split here by a plain rule of this
script's own, independent of the one measured) must still stand in the cleaned text; the planted
runs count too, leaving out the planted paragraph and the one it copies.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.clean import clean  # noqa: E402

_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]{4,}\b")

KINDS = (
    "exact-duplicate",
    "near-duplicate",
    "truncated-word",
    "cut-dateline",
    "debris",
    "credit-caption",
    "byline-share",
    "paywall-end",
)

_NAMES = ("John Smith", "Anna Lee", "Peter Byrne", "Maria Gomez", "Chris Jackson", "Ed Jones")
_AGENCIES = ("Reuters", "AFP", "AP", "EPA", "PA", "Getty Images", "Shutterstock")
_CAPTIONS = (
    "Flood water covers a street in the town centre",
    "Supporters gather outside the court",
    "The new model on display at the show",
    "Fans wait for the team to arrive",
    "Shoppers queue outside a store",
    "The minister arrives for the meeting",
)
_CREDIT_FORMS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f"{r.choice(_NAMES)}/Getty Images",
    lambda r: f"Picture: {r.choice(_NAMES)} Source: {r.choice(_AGENCIES)}",
    lambda r: f"Photo: {r.choice(_NAMES)}/{r.choice(_AGENCIES)}",
    lambda r: f"(Photo: {r.choice(_AGENCIES)})",
    lambda r: f"Image copyright {r.choice(_AGENCIES)}",
    lambda r: f"Photograph: {r.choice(_NAMES)}/{r.choice(_AGENCIES)}",
    lambda r: f"{r.choice(_AGENCIES).upper()} photo by {r.choice(_NAMES)}",
)
_DEBRIS_FORMS = ("br>", "<br", "</p>", "<p>", "<br />", "&nbsp;", "&amp;", "</div>", "p>")


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(paragraph) if len(s.split()) >= 3]


def _norm(text: str) -> str:
    """Spacing folded and character entities decoded, as cleaning decodes them."""
    return " ".join(html.unescape(text).split())


class Plant:
    """A planted story: its paragraphs, which one is the defect, and how to tell it was caught."""

    def __init__(self, paragraphs: list[str], planted: int, check: str, mark: str = "") -> None:
        self.paragraphs = paragraphs
        self.planted = planted
        self.check = check  # "removed", "repaired", "flagged"
        self.mark = mark  # what must leave the text ("repaired"), or the flagged words
        self.skip: set[int] = {planted}

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n"


def _body(paragraphs: list[str], rng: random.Random, min_words: int = 15) -> int | None:
    """A random paragraph of prose past the headline, or None."""
    choices = [
        i
        for i, p in enumerate(paragraphs)
        if i > 0 and len(p.split()) >= min_words and p.rstrip("\"'”’)").endswith((".", "!", "?"))
    ]
    return rng.choice(choices) if choices else None


def _rewrite(paragraph: str, rng: random.Random) -> str | None:
    """A lightly rewritten copy of ``paragraph``, as an editor's second pass leaves one."""
    words = paragraph.split()
    ops = ["quotes", "case", "dash", "drop", "cut", "said"]
    rng.shuffle(ops)
    for op in ops:
        if op == "quotes" and ('"' in paragraph or "'" in paragraph):
            out = re.sub(r'"(\S)', r"“\1", paragraph)
            out = re.sub(r'(\S)"', r"\1”", out).replace("'", "’")
            if out != paragraph:
                return out
        elif op == "case":
            caps = [i for i, w in enumerate(words) if i > 0 and w[:1].isupper() and w.isalpha()]
            if caps:
                i = rng.choice(caps)
                return " ".join([*words[:i], words[i].lower(), *words[i + 1 :]])
        elif op == "dash" and (" - " in paragraph or "--" in paragraph):
            return paragraph.replace(" - ", " — ").replace("--", "—")
        elif op == "drop" and len(words) >= 20:
            small = [i for i, w in enumerate(words[1:-1], 1) if w.lower() in _SMALL_WORDS]
            if small:
                i = rng.choice(small)
                return " ".join(words[:i] + words[i + 1 :])
        elif op == "cut":
            sentences = _SENTENCE.split(paragraph)
            if len(sentences) >= 3:
                return " ".join(sentences[: len(sentences) - 1])
        elif op == "said" and " said " in paragraph:
            return paragraph.replace(" said ", " says ", 1)
    return None


_SMALL_WORDS = frozenset("the a an also very just still now then its their".split())


def plant(kind: str, paragraphs: list[str], rng: random.Random) -> Plant | None:
    """``paragraphs`` with one defect of ``kind`` planted, or None when the story has no place
    for it."""
    ps = list(paragraphs)
    if kind in ("exact-duplicate", "near-duplicate"):
        i = _body(ps, rng)
        if i is None:
            return None
        copy = ps[i] if kind == "exact-duplicate" else _rewrite(ps[i], rng)
        if copy is None:
            return None
        at = rng.randint(i + 1, len(ps))
        ps.insert(at, copy)
        found = Plant(ps, at, "removed")
        found.skip.add(i)
        return found
    if kind == "truncated-word":
        choices = [
            i
            for i, p in enumerate(ps)
            if i > 1
            and len(p.split()) >= 8
            and re.match(r"[A-Z][a-z]{4,}\b", p)
            and ps[i - 1].rstrip("\"'”’)").endswith((".", "!", "?"))
        ]
        if not choices:
            return None
        i = rng.choice(choices)
        word = re.match(r"[A-Za-z]+", ps[i])[0]
        cut = rng.randint(1, len(word) - 2)
        ps[i] = ps[i][cut:]
        return Plant(ps, i, "flagged", re.match(r"[^\W\d_]+", ps[i])[0])
    if kind == "cut-dateline":
        places = sorted(set(_CAPITAL_WORD.findall(" ".join(ps[1:]))))
        if len(ps) < 3 or not places:
            return None
        place = rng.choice(places)
        cut = rng.randint(1, 2)
        ps[1] = f"{place.upper()[cut:]} - {ps[1]}"
        return Plant(ps, 1, "flagged", place.upper()[cut:])
    if kind == "debris":
        i = _body(ps, rng, 8)
        if i is None:
            return None
        words = ps[i].split()
        form = rng.choice(_DEBRIS_FORMS)
        j = rng.randrange(1, len(words) - 1)
        glued = form in ("br>", "p>") or rng.random() < 0.5
        if form in ("<p>",):
            words.insert(0, form) if rng.random() < 0.5 else words.__setitem__(0, form + words[0])
        elif glued and form not in ("&nbsp;", "&amp;"):
            words[j] = words[j] + form
        else:
            words.insert(j, form)
        ps[i] = " ".join(words)
        return Plant(ps, i, "repaired", form)
    if kind == "credit-caption":
        at = rng.randint(2, len(ps)) if len(ps) > 2 else None
        if at is None:
            return None
        credit = rng.choice(_CREDIT_FORMS)(rng)
        caption = rng.choice(_CAPTIONS)
        # a caption and its credit; an image's alt text in Markdown has no full stop between
        line = rng.choice((f"{caption}. {credit}", f"{caption} {credit}", credit))
        ps.insert(at, line)
        return Plant(ps, at, "removed")
    if kind == "byline-share":
        if len(ps) < 3:
            return None
        name = rng.choice(("Staff Reporter", *_NAMES))
        widget = rng.choice(("| Share", "| Share this article", "Share | Tweet", "| Comments"))
        ps.insert(1, f"By {name} {widget}")
        return Plant(ps, 1, "removed")
    if kind == "paywall-end":
        last = len(ps) - 1
        words = ps[last].split()
        if last < 2 or len(words) < 12:
            return None
        keep = rng.randint(6, len(words) - 3)
        tail = rng.choice(("…", "...", " All...", " All…"))
        ps[last] = " ".join(words[:keep]).rstrip('.,;:!?"”') + tail
        return Plant(ps, last, "flagged", "")
    raise ValueError(kind)


def _span(p: Plant, i: int) -> tuple[int, int]:
    """Where paragraph ``i`` stands in the planted text."""
    start = sum(len(q) + 2 for q in p.paragraphs[:i])
    return start, start + len(p.paragraphs[i])


def _removed(p: Plant, i: int, edits: list) -> bool:
    start, end = _span(p, i)
    removed = "".join(
        e.text
        for e in edits
        if e.kind != "whitespace" and e.original[0] < end and e.original[1] > start
    )
    return "".join(p.paragraphs[i].split()) in "".join(removed.split())


def caught(p: Plant, cleaned_text: str, edits: list, flags: list) -> bool:
    target = p.paragraphs[p.planted]
    start, end = _span(p, p.planted)
    if p.check == "removed":
        return any(_removed(p, i, edits) for i in p.skip)
    if p.check == "repaired":
        return any(
            e.kind == "markup"
            and e.original[0] < end
            and e.original[1] > start
            and p.mark.strip() in e.text
            for e in edits
        )
    # flagged: a flag whose span lies in the planted paragraph, on the mark when one is given
    words = _norm(target).split()
    probe = " ".join(words[1:6]) if len(words) > 6 else _norm(target)
    at = cleaned_text.find(probe)
    if at < 0:
        return False
    a = cleaned_text.rfind("\n", 0, at) + 1
    b = cleaned_text.find("\n", at)
    b = len(cleaned_text) if b < 0 else b
    for f in flags:
        if f.rule not in ("truncated-text", "missing-end-punctuation"):
            continue
        for s, e in f.spans:
            if a <= s <= b and (not p.mark or p.mark in cleaned_text[s:e]):
                return True
    return False


def lost_sentences(paragraphs: list[str], skip: set[int], cleaned_text: str) -> tuple[int, int]:
    """How many sentences of ``paragraphs`` (but those in ``skip``) there are, and how many of
    them no longer stand in ``cleaned_text``."""
    here = _norm(cleaned_text)
    total = lost = 0
    for i, paragraph in enumerate(paragraphs):
        if i in skip:
            continue
        for sentence in _sentences(paragraph):
            total += 1
            lost += _norm(sentence) not in here
    return total, lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--limit", type=int, default=0, help="only the first N stories")
    parser.add_argument("--misses", choices=KINDS, help="print the misses of one kind")
    args = parser.parse_args()
    stories = sorted((Path(args.corpus) / "news-text" / "bbc").glob("*/*.txt"))
    if args.limit:
        stories = stories[: args.limit]
    tried: Counter[str] = Counter()
    found: Counter[str] = Counter()
    lost_clean = [0, 0]
    lost_planted = [0, 0]
    losses: list[str] = []
    misses: dict[str, list[str]] = defaultdict(list)
    started = time.process_time()
    for path in stories:
        paragraphs = _paragraphs(_read(path))
        text = "\n\n".join(paragraphs) + "\n"
        cleaned = clean(text)
        total, lost = lost_sentences(paragraphs, set(), cleaned.text)
        lost_clean[0] += total
        lost_clean[1] += lost
        if lost:
            here = _norm(cleaned.text)
            gone = [s for p in paragraphs for s in _sentences(p) if _norm(s) not in here]
            losses += [f"{path.parent.name}/{path.name}: {s[:100]}" for s in gone]
        rng = random.Random(f"{args.seed}:{path.parent.name}/{path.name}")
        for kind in KINDS:
            p = plant(kind, paragraphs, rng)
            if p is None:
                continue
            result = clean(p.text)
            tried[kind] += 1
            if caught(p, result.text, list(result.edits), list(result.flags)):
                found[kind] += 1
            elif kind == args.misses:
                misses[kind].append(f"{path.parent.name}/{path.name}: {p.paragraphs[p.planted]!r}")
            total, lost = lost_sentences(p.paragraphs, p.skip, result.text)
            lost_planted[0] += total
            lost_planted[1] += lost
    cpu = time.process_time() - started
    print(f"{len(stories)} BBC stories, seed {args.seed}, {cpu:.1f} s CPU\n")
    print(f"{'defect':<18} {'planted':>8} {'caught':>8} {'rate':>7}")
    for kind in KINDS:
        rate = found[kind] / tried[kind] if tried[kind] else 0.0
        print(f"{kind:<18} {tried[kind]:>8} {found[kind]:>8} {rate:>7.3f}")
    for name, (total, lost) in (("unplanted", lost_clean), ("planted", lost_planted)):
        kept = 1 - lost / total if total else 1.0
        print(f"sentences kept ({name}): {total - lost}/{total} = {kept:.4f}")
    for line in losses[:40]:
        print("  lost:", line)
    for kind, lines in misses.items():
        print(f"\nmisses of {kind} ({len(lines)}):")
        for line in lines[:60]:
            print("  ", line[:220])


if __name__ == "__main__":
    main()
