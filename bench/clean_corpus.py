"""Clean every BBC story of the development corpus and show what cleaning did to clean copy.

usage: python bench/clean_corpus.py [CORPUS_DIR] [--quiet]
CORPUS_DIR defaults to ../shared/corpus beside the repository. Prints the counts of edits by
kind and of flags by rule, then every edit that is not whitespace and every flag, with its
story, so a person can read each one, and how many words left the body. Professional copy
should come out nearly untouched.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.analysis.clean import clean  # noqa: E402


def _read(path: Path) -> str:
    """Most stories are UTF-8; some are Windows-1252, as a loader would find."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--quiet", action="store_true", help="print the counts only")
    args = parser.parse_args()
    stories = sorted((Path(args.corpus) / "news-text" / "bbc").glob("*/*.txt"))
    edits: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    removed_words = 0
    lines: list[str] = []
    started = time.perf_counter()
    for path in stories:
        name = f"{path.parent.name}/{path.name}"
        text = _read(path)
        cleaned = clean(text)
        for e in cleaned.edits:
            edits[e.kind] += 1
            if e.kind not in ("whitespace", "markup"):
                removed_words += len(e.text.split())
            if e.kind != "whitespace":
                lines.append(f"{name}\tEDIT {e.kind}\t{e.reason}\t{e.text!r}")
        for f in cleaned.flags:
            flags[f.rule] += 1
            quoted = " | ".join(cleaned.text[a:b][:120] for a, b in f.spans)
            lines.append(f"{name}\tFLAG {f.rule}\t{f.message}\t{quoted!r}")
    elapsed = time.perf_counter() - started
    if not args.quiet:
        print("\n".join(lines))
    print(f"{len(stories)} stories cleaned in {elapsed:.1f} s")
    print("edits by kind:", dict(sorted(edits.items())) or "none")
    print("flags by rule:", dict(sorted(flags.items())) or "none")
    print(f"words removed from the body (not whitespace or markup): {removed_words}")


if __name__ == "__main__":
    main()
