"""``closeread report RESULTS...``: what a batch run found, over the whole corpus.

It streams over the records (JSON Lines files, .gz too, or folders of shards), keeping only
counters: rules by hits and by articles, the articles with the most warnings, entities by the
number of articles that name them, and the failures. Memory grows with the number of distinct
entity names and rules, never with the number of articles.
"""

from __future__ import annotations

import gzip
import heapq
import json
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from ..analysis.model import SEVERITIES
from ..safe_text import one_line
from ..source import LoadError
from .inputs import Borrowed

FAILURES_SHOWN = 50


class Tally:
    """The counters, fed one record at a time."""

    def __init__(self, top: int = 10) -> None:
        self.top = top
        self.articles = 0
        self.words = 0
        self.unreadable = 0
        self.severities: Counter[str] = Counter()
        self.rule_hits: Counter[str] = Counter()
        self.rule_articles: Counter[str] = Counter()
        self.rule_severity: dict[str, str] = {}
        self.entity_articles: Counter[tuple[str, str]] = Counter()
        self.entity_mentions: Counter[tuple[str, str]] = Counter()
        self.failures: list[tuple[str, str]] = []
        self.failed = 0
        self._warned: list[tuple[int, int, int, str]] = []  # a heap of the top articles

    def add(self, record: Any) -> None:
        if not isinstance(record, dict):
            self.unreadable += 1
            return
        name = record_name(record)
        if "error" in record:
            self.failed += 1
            if len(self.failures) < FAILURES_SHOWN:
                self.failures.append((name, str(record["error"])))
            return
        if not isinstance(record.get("flags"), list) or not isinstance(
            record.get("entities"), list
        ):
            self.unreadable += 1
            return
        self.articles += 1
        self.words += len(str(record.get("text") or "").split())
        rules = set()
        warnings = 0
        for flag in record["flags"]:
            rule, severity = str(flag.get("rule")), str(flag.get("severity"))
            self.severities[severity] += 1
            self.rule_hits[rule] += 1
            self.rule_severity.setdefault(rule, severity)
            rules.add(rule)
            warnings += severity in ("error", "warning")
        self.rule_articles.update(rules)
        if warnings:
            entry = (warnings, -self.articles, self.articles, name)
            if len(self._warned) < self.top:
                heapq.heappush(self._warned, entry)
            else:
                heapq.heappushpop(self._warned, entry)
        named = set()
        for entity in record["entities"]:
            key = (str(entity.get("name")), str(entity.get("kind")))
            self.entity_mentions[key] += len(entity.get("mentions") or ()) + len(
                entity.get("demonym_mentions") or ()
            )
            named.add(key)
        self.entity_articles.update(named)

    def most_warned(self) -> list[tuple[str, int]]:
        """The articles with the most warnings and errors, first come first among equals."""
        return [(name, n) for n, _, _, name in sorted(self._warned, reverse=True)]


class Table(NamedTuple):
    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    note: str = ""


def tables(tally: Tally, entities: int = 20) -> list[Table]:
    """The report's sections, as plain rows, for either rendering."""
    rules = sorted(tally.rule_hits, key=lambda r: (-tally.rule_hits[r], r))
    shown_entities = sorted(tally.entity_articles, key=lambda k: (-tally.entity_articles[k], k))[
        :entities
    ]
    failures_note = (
        f"and {tally.failed - len(tally.failures):,} more"
        if tally.failed > len(tally.failures)
        else ""
    )
    return [
        Table(
            "Rules by hits",
            ("rule", "severity", "hits", "articles", "per 1,000 words"),
            [
                (
                    rule,
                    tally.rule_severity[rule],
                    f"{tally.rule_hits[rule]:,}",
                    f"{tally.rule_articles[rule]:,}",
                    f"{1000 * tally.rule_hits[rule] / tally.words:.2f}" if tally.words else "-",
                )
                for rule in rules
            ],
        ),
        Table(
            "Articles with the most warnings",
            ("article", "warnings and errors"),
            [(name, f"{n:,}") for name, n in tally.most_warned()],
        ),
        Table(
            "Entities by the number of articles that name them",
            ("entity", "kind", "articles", "mentions"),
            [
                (
                    name,
                    kind,
                    f"{tally.entity_articles[(name, kind)]:,}",
                    f"{tally.entity_mentions[(name, kind)]:,}",
                )
                for name, kind in shown_entities
            ],
        ),
        Table(
            f"Failures ({tally.failed:,})",
            ("input", "error"),
            [(name, error) for name, error in tally.failures],
            failures_note,
        ),
    ]


def headline(tally: Tally) -> str:
    severities = ", ".join(
        f"{tally.severities[s]:,} {s}" for s in SEVERITIES if tally.severities[s]
    )
    line = (
        f"{tally.articles:,} {'article' if tally.articles == 1 else 'articles'} analysed, "
        f"{tally.failed:,} failed; "
        f"{tally.words:,} words; {sum(tally.severities.values()):,} flags"
        + (f" ({severities})" if severities else "")
    )
    if tally.unreadable:
        line += f"; {tally.unreadable:,} lines were not analysis records and were skipped"
    return line


def render_text(tally: Tally) -> str:
    lines = [headline(tally)]
    for table in tables(tally):
        lines += ["", table.title]
        if not table.rows:
            lines.append("  (none)")
            continue
        cells = [[one_line(c, 80) for c in row] for row in [table.header, *table.rows]]
        widths = [max(len(row[i]) for row in cells) for i in range(len(table.header))]
        for row in cells:
            lines.append(
                "  "
                + "  ".join(
                    c.rjust(w) if _numeric(c) and i else c.ljust(w)
                    for i, (c, w) in enumerate(zip(row, widths, strict=True))
                ).rstrip()
            )
        if table.note:
            lines.append(f"  {table.note}")
    return "\n".join(lines) + "\n"


def render_md(tally: Tally) -> str:
    lines = ["# closeread corpus report", "", headline(tally)]
    for table in tables(tally):
        lines += ["", f"## {table.title}", ""]
        if not table.rows:
            lines.append("None.")
            continue
        lines.append("| " + " | ".join(table.header) + " |")
        lines.append(
            "|"
            + "|".join("---:" if i and _numeric(c) else "---" for i, c in enumerate(table.rows[0]))
            + "|"
        )
        for row in table.rows:
            lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
        if table.note:
            lines += ["", table.note]
    return "\n".join(lines) + "\n"


def record_name(record: dict[str, Any]) -> str:
    """The input a record names: its path, else its id (or line) in a JSON Lines dump."""
    if "path" in record:
        return str(record["path"])
    if record.get("id") is not None:
        return str(record["id"])
    return f"line {record.get('line')}"


def records(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Any]:
    """Every record of every results file (or folder of shards), in order; a line that is
    not JSON comes through as None, so it is counted, not fatal."""
    for path in paths:
        for stream_name, opener in _streams(path, stdin):
            try:
                with opener() as stream:
                    for line in stream:
                        if line.strip():
                            yield _parse(line)
            except (EOFError, gzip.BadGzipFile, zlib.error):
                print(
                    f"closeread: warning: {stream_name}: the compressed data ends early "
                    "(a stopped run?); the records before that are counted",
                    file=sys.stderr,
                )
            except OSError as error:
                raise LoadError(
                    f"{stream_name}: cannot be read ({error.strerror or error})"
                ) from None


def _streams(path: str, stdin: BinaryIO | None) -> list[tuple[str, Any]]:
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return [("stdin", lambda: Borrowed(stream))]
    p = Path(path)
    if p.is_dir():
        files = sorted(p.glob("part-*.jsonl")) + sorted(p.glob("part-*.jsonl.gz"))
        files.sort()
        if not files:
            raise LoadError(f"{path}: a folder without shards (part-*.jsonl[.gz])")
    elif p.exists():
        files = [p]
    else:
        raise LoadError(f"{path}: no such file")
    return [
        (str(f), lambda f=f: gzip.open(f, "rb") if f.name.endswith(".gz") else f.open("rb"))
        for f in files
    ]


def _parse(line: bytes) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None


def _numeric(cell: str) -> bool:
    return cell.replace(",", "").replace(".", "").isdigit()


def _cell(value: str) -> str:
    return one_line(value, 120).replace("|", "\\|")
