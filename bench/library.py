"""What the library and the legacy-encoding path cost, in CPU seconds (``time.process_time``,
so other work on the machine does not count).

    python bench/library.py [--articles N] [--corpus DIR]

- scanning a folder of the bbc stories (``../shared/corpus/news-text/bbc``, 2,225 files);
- filling in one row (load, count words, analyse: what the library's worker does per article);
- filtering and sorting all rows for one typed letter;
- decoding a Windows-1251 text of 1 MB: strict UTF-8 fails, Windows-1252 reads as mojibake,
  charset-normalizer names the encoding.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tui.analysis.pipeline import analyze
from tui.encodings import decode_bytes
from tui.library import fill_from_source, matches, ordered, scan
from tui.source import load

ROOT = Path(__file__).resolve().parent.parent
RUSSIAN = (
    "Президент России Владимир Путин заявил в среду, что войска останутся в Казахстане "
    "до конца операции. В Алматы продолжаются столкновения с полицией.\n"
)


def cpu(work, repeat: int = 1) -> float:
    start = time.process_time()
    for _ in range(repeat):
        work()
    return (time.process_time() - start) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40, help="rows filled in (default 40)")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    options = parser.parse_args()
    bbc = Path(options.corpus) / "news-text" / "bbc"
    rows = []
    if bbc.is_dir():
        entries, _ = scan(bbc)
        rows.append((f"scan {len(entries):,} files", cpu(lambda: scan(bbc), 3)))
        sample = entries[: options.articles]

        def fill() -> None:
            for entry in sample:
                source = load(entry.location)
                fill_from_source(entry, source)
                analyze(source)

        rows.append((f"fill one row (mean of {len(sample)})", cpu(fill) / len(sample)))
        for entry in entries:
            entry.title = entry.name
        rows.append(
            (
                f"filter + sort {len(entries):,} rows",
                cpu(lambda: ordered(matches(entries, "tax"), "title"), 5),
            )
        )
    else:
        print(f"({bbc} is not here: only the encoding row)")
    data = (RUSSIAN * (1_000_000 // len(RUSSIAN.encode("cp1251")))).encode("cp1251")
    text, warnings = decode_bytes(data)
    assert text.startswith("Президент") and "Windows-1251" in warnings[0]
    rows.append(("decode 1 MB of Windows-1251 (detected)", cpu(lambda: decode_bytes(data), 3)))
    utf8 = data.decode("cp1251").encode("utf-8")
    rows.append(("decode the same text as UTF-8", cpu(lambda: decode_bytes(utf8), 3)))
    print("| what | CPU seconds |\n|---|---|")
    for what, seconds in rows:
        print(f"| {what} | {seconds:.4f} |")


if __name__ == "__main__":
    main()
