"""``closeread report``: corpus-wide counts from the records a batch run wrote."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tui.cli import main


def _record(path: str, flags: list[tuple[str, str]], entities: list[str], text: str) -> dict:
    return {
        "path": path,
        "schema": "closeread/analysis@1",
        "text": text,
        "flags": [{"rule": r, "severity": s} for r, s in flags],
        "entities": [
            {"name": n, "kind": "place", "mentions": [[0, 1]], "demonym_mentions": []}
            for n in entities
        ],
    }


RECORDS = [
    _record(
        "a.txt", [("vague-source", "warning"), ("vague-source", "warning")], ["Paris"], "w " * 500
    ),
    _record(
        "b.txt",
        [("wrong-capital", "error"), ("hedged-claim", "info")],
        ["Paris", "Rome"],
        "w " * 500,
    ),
    {"path": "c.txt", "error": "no such file"},
    _record("d.txt", [("hedged-claim", "info")], ["Paris | <b>"], "w " * 1000),
]


def _write(path: Path, records: list[dict], gz: bool = False) -> Path:
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def test_text_report_counts_rules_articles_entities_and_failures(tmp_path: Path, capsys):
    first = _write(tmp_path / "one.jsonl", RECORDS[:2])
    second = _write(tmp_path / "two.jsonl.gz", RECORDS[2:], gz=True)
    assert main(["report", str(first), str(second)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "3 articles analysed, 1 failed; 2,000 words; 5 flags (1 error, 2 warning, 2 info)"
    )
    rules = out.split("Rules by hits\n")[1].split("\n\n")[0].splitlines()
    assert [line.split()[:4] for line in rules[1:]] == [
        ["hedged-claim", "info", "2", "2"],
        ["vague-source", "warning", "2", "1"],
        ["wrong-capital", "error", "1", "1"],
    ]
    warned = out.split("Articles with the most warnings\n")[1].split("\n\n")[0].splitlines()
    assert [line.split() for line in warned[1:]] == [["a.txt", "2"], ["b.txt", "1"]]
    entities = out.split("name them\n")[1].split("\n\n")[0].splitlines()
    assert [line.split()[0] for line in entities[1:]] == ["Paris", "Paris", "Rome"]
    assert entities[1].split()[2] == "2"
    assert "Failures (1)\n  input  error\n  c.txt  no such file\n" in out


def test_markdown_report_and_shard_folders(tmp_path: Path, capsys):
    folder = tmp_path / "shards"
    folder.mkdir()
    _write(folder / "part-000000.jsonl", RECORDS[:3])
    _write(folder / "part-000001.jsonl", [*RECORDS[3:], {"oops": 1}])
    (folder / "part-000001.jsonl").write_bytes(
        (folder / "part-000001.jsonl").read_bytes() + b"not json\n"
    )
    assert main(["report", str(folder), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# closeread corpus report\n")
    assert "2 lines were not analysis records and were skipped" in out
    assert "| rule | severity | hits | articles | per 1,000 words |" in out
    assert "| Paris \\| <b> | place | 1 | 1 |" in out
    assert "| c.txt | no such file |" in out


def test_a_missing_results_file_is_one_line(tmp_path: Path, capsys):
    assert main(["report", str(tmp_path / "none.jsonl")]) == 1
    assert capsys.readouterr().err == f"closeread: {tmp_path / 'none.jsonl'}: no such file\n"


def test_report_reads_what_analyze_wrote(tmp_path: Path, capsys):
    from conftest import ARTICLE

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "out.jsonl.gz"
    assert main(["analyze", str(tmp_path / "in"), "--output", str(target), "-j", "1"]) == 0
    assert main(["report", str(target)]) == 0
    out = capsys.readouterr().out
    assert "1 article analysed, 0 failed" in out
    assert "Dover" in out
