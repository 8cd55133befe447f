"""What the hostile-input limits save, in CPU seconds and peak memory (each case in a fresh
process, so ru_maxrss is its own): a notes listing whose note names a 20 MB article (capped
re-read vs. the old full re-analysis), and opening the note editor on bodies of 200,000
characters (editable), 30 MB (read-only, its start shown) and 2 MB with the limit lifted.

    python bench/hostile_limits.py [MEGABYTES]
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

LISTING = """
import io, resource, sys, time
from contextlib import redirect_stdout
import tui.notes.cli as cli
if {uncapped}:
    cli.REREAD_LIMIT = 64 * 1024 * 1024
start = time.process_time()
with redirect_stdout(io.StringIO()):
    cli.notes_list(None, data_dir={data!r})
print(time.process_time() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

EDITOR = """
import asyncio, resource, time
from textual.app import App
import tui.screens.note_editor as editor
from tui.screens.note_editor import NoteEditor
if {lift}:
    editor.EDIT_LIMIT = 10**9

async def main():
    app = App()
    async with app.run_test(size=(100, 30)) as pilot:
        body = ("word " * 15 + "\\n") * ({chars} // 80)
        start = time.process_time()
        app.push_screen(NoteEditor("quote", body))
        await pilot.pause()
        await pilot.press("end", "x")
        print(time.process_time() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)

asyncio.run(main())
"""


def run(code: str) -> tuple[float, int | None]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    cpu, rss = out.stdout.split()
    return float(cpu), int(rss)


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    from tui.notes import Note, NoteStore, make_anchor

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        article = folder / "big.txt"
        words = "the council said on Monday that about 3,000 people in Paris would pay".split()
        pick = random.Random(1).choice
        paragraphs = (" ".join(pick(words) for _ in range(80)) + "." for _ in iter(int, 1))
        size, parts = 0, ["Big report", ""]
        for paragraph in paragraphs:  # distinct paragraphs: cleaning drops repeated ones
            parts.append(paragraph)
            size += len(paragraph) + 1
            if size > megabytes * 2**20:
                break
        article.write_text("\n".join(parts) + "\n")
        data = folder / "data"
        text = "Big report"
        with NoteStore.open(data) as store:  # as an import would: the store saw a short text
            doc = store.recognise(str(article), text)
            store.add(doc, Note("note", make_anchor(text, 0, 3), body="x"))
        rows: list[tuple[str, float, int | None]] = []
        for name, uncapped in (
            ("listing, re-read capped at 5 MB", False),
            ("listing, full re-read (before)", True),
        ):
            cpu, rss = run(LISTING.format(uncapped=uncapped, data=str(data)))
            rows.append((f"{name}, {megabytes} MB article", cpu, rss))
        for chars, lift in ((200_000, False), (30_000_000, False), (2_000_000, True)):
            cpu, rss = run(EDITOR.format(chars=chars, lift=lift))
            limit = ", editable (no limit, as before)" if lift else ""
            rows.append((f"note editor, {chars:,}-character body{limit}", cpu, None))
    print("| case | CPU s | peak RSS MB |\n|---|---|---|")
    for name, cpu, rss in rows:  # the editor's peak is Textual's start-up: not shown
        print(f"| {name} | {cpu:.2f} | {'' if rss is None else f'{rss / 1024:.0f}'} |")
    json.dump(rows, sys.stderr)


if __name__ == "__main__":
    main()
