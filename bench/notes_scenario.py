"""The issue's command-line scenario for notes, on a temporary copy of an article (the sample
by default), printing each step: add a note, rewrite the file with a paragraph inserted above and
words changed elsewhere, list (anchored at its new place), delete the sentence, list (orphan).
Then times opening the store and placing 1,000 notes on a 1 MB article.

    python bench/notes_scenario.py [ARTICLE]
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

from tui.analysis import analyze
from tui.notes import Note, NoteStore, anchor_notes, make_anchor
from tui.notes.cli import notes_add, notes_list
from tui.source import load, sample_path

SENTENCE = re.compile(r"[A-Z][^.!?\n]{40,200}[.!?]")


def listed(path: Path, data_dir: Path) -> list[dict]:
    out = StringIO()
    with redirect_stdout(out):
        notes_list(str(path), as_json=True, data_dir=data_dir)
    return json.loads(out.getvalue())


def show(step: str, rows: list[dict], text: str) -> None:
    for row in rows:
        where = row["span"]
        found = f" -> text there: {text[where[0] : where[1]]!r}" if where else ""
        print(f"{step}: {row['status']} {where}{found}")


def scenario(article: Path, work: Path) -> bool:
    copy, data_dir = work / article.name, work / "data"
    shutil.copyfile(article, copy)
    raw = copy.read_text(encoding="utf-8")
    cleaned = analyze(load(str(copy))).text
    sentences = [m.group() for m in SENTENCE.finditer(cleaned) if raw.count(m.group()) == 1]
    quote = sentences[len(sentences) // 2]
    print(f"article: {article} ({len(cleaned):,} characters cleaned)")
    print(f"quote:   {quote!r}")
    with redirect_stdout(StringIO()):
        assert notes_add(str(copy), quote, "Is this sourced?", ["check"], data_dir=data_dir) == 0
    show("added          ", listed(copy, data_dir), cleaned)

    at = raw.index(quote)
    paragraph_start = raw.rfind("\n", 0, at) + 1
    inserted = "An editor's note was added here, in a paragraph of its own, above the quote.\n\n"
    before, after = raw[:paragraph_start], raw[paragraph_start:]
    paragraph_end = after.find("\n", after.index(quote)) % (len(after) + 1)
    later = after[paragraph_end:]
    changed = list(dict.fromkeys(re.findall(r"\b[a-z]{6,}\b", later)))[:3]
    for word in changed:
        later = re.sub(rf"\b{word}\b", word.upper(), later, count=1)
    rewritten = before + inserted + after[:paragraph_end] + later
    copy.write_text(rewritten, encoding="utf-8")
    print(
        f"rewrote: a paragraph of {len(inserted)} characters inserted above; "
        f"in later paragraphs changed {changed} to upper case"
    )
    text = analyze(load(str(copy))).text
    rows = listed(copy, data_dir)
    show("after rewrite  ", rows, text)
    moved = (
        bool(rows)
        and rows[0]["status"] == "anchored"
        and (text[rows[0]["span"][0] : rows[0]["span"][1]] == quote)
    )

    copy.write_text(rewritten.replace(quote, ""), encoding="utf-8")
    print("deleted the quoted sentence")
    text = analyze(load(str(copy))).text
    rows = listed(copy, data_dir)
    show("after deletion ", rows, text)
    orphaned = bool(rows) and rows[0]["status"] == "orphaned"
    print(f"anchored at its new place: {moved}; orphaned after deletion: {orphaned}")
    return moved and orphaned


def timing(work: Path) -> None:
    text = " ".join(f"word{i} and more" for i in range(80_000))[:1_000_000]
    started = time.perf_counter()
    with NoteStore.open(work / "timing") as store:
        doc = store.document("bench:megabyte", text)
        store.import_notes(
            ("bench:megabyte", Note("note", make_anchor(text, s, s + 48)))
            for s in range(0, 999_000, 999)
        )
    opened = time.perf_counter()
    with NoteStore.open(work / "timing") as store:
        changed = "A paragraph added at the top.\n\n" + text.replace("word500 ", "WORD500 ")
        doc = store.document("bench:megabyte", changed)
        notes = store.notes(doc)
        loaded = time.perf_counter()
        placed = anchor_notes(notes, changed)
    done = time.perf_counter()
    anchored = sum(p.span is not None for p in placed)
    print(
        f"timing: 1,000 notes saved in {opened - started:.3f}s (one transaction); "
        f"reopen + register a changed 1 MB version + read notes {loaded - opened:.3f}s; "
        f"placing {len(notes)} notes on it {done - loaded:.3f}s ({anchored} anchored)"
    )


def main(argv: list[str]) -> int:
    article = Path(argv[0]) if argv else sample_path()
    with tempfile.TemporaryDirectory() as tmp:
        ok = scenario(article, Path(tmp))
        timing(Path(tmp))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
