"""Batch runs: order and bytes independent of -j, failures in place, files, shards, resume."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import ARTICLE

from tui.cli import main

PLACES = ["Dover", "Hull", "Leeds", "Paris", "Rome", "Oslo", "Lima", "Quito", "Bern", "Riga"]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Twelve small articles and, at place 05, a file that is not text."""
    root = tmp_path / "archive"
    root.mkdir()
    for n in range(12):
        text = ARTICLE.replace("Dover", PLACES[n % len(PLACES)]).replace("3,000", f"{n + 2},000")
        (root / f"{n:02d}.txt").write_text(text, encoding="utf-8")
    (root / "05.txt").write_bytes(b"%PDF-1.4 binary")
    return root


def _lines(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines()]


def test_two_workers_write_the_same_bytes_in_input_order_with_failures_in_place(
    archive: Path, capsysbinary
):
    assert main(["analyze", str(archive), "--json", "-j", "1"]) == 1
    one = capsysbinary.readouterr()
    assert main(["analyze", str(archive), "--json", "-j", "2"]) == 1
    two = capsysbinary.readouterr()
    assert one.out == two.out
    assert one.err == two.err
    records = _lines(two.out)
    assert [Path(r["path"]).name for r in records] == [f"{n:02d}.txt" for n in range(12)]
    assert records[5] == {
        "path": str(archive / "05.txt"),
        "error": "looks like a PDF document, not text; closeread opens text, Markdown or HTML",
    }
    assert all("schema" in r for i, r in enumerate(records) if i != 5)
    assert two.err.decode().splitlines() == [
        f"closeread: {archive / '05.txt'}: looks like a PDF document, not text; "
        "closeread opens text, Markdown or HTML",
        "closeread: 11 analysed, 1 failed",
    ]


def test_text_and_markdown_formats_keep_the_order_too(archive: Path, capsys):
    assert main(["analyze", str(archive), "--format", "md", "-j", "2"]) == 1
    out = capsys.readouterr().out
    heads = [line for line in out.splitlines() if line.startswith("# ")]
    assert len(heads) == 11
    assert heads == sorted(heads)


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_output_file_plain_or_gzip_and_never_overwritten(
    archive: Path, tmp_path: Path, capsysbinary, name: str
):
    assert main(["analyze", str(archive), "--json", "-j", "1"]) == 1
    expected = capsysbinary.readouterr().out
    target = tmp_path / name
    assert main(["analyze", str(archive), "--output", str(target), "-j", "2"]) == 1
    assert capsysbinary.readouterr().out == b""
    data = target.read_bytes()
    assert (gzip.decompress(data) if name.endswith(".gz") else data) == expected
    assert main(["analyze", str(archive), "--output", str(target)]) == 1
    assert b"already exists; --resume continues it" in capsysbinary.readouterr().err
    assert target.read_bytes() == data


def _stop_after(records: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the run stop (as Ctrl-C would) after ``records`` records were written."""
    from tui.batch import outputs

    for cls in (outputs.FileOutput, outputs.ShardOutput):
        original = cls.write
        count = {"n": 0}

        def write(self, text, original=original, count=count):
            if count["n"] == records:
                raise KeyboardInterrupt
            count["n"] += 1
            original(self, text)

        monkeypatch.setattr(cls, "write", write)


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_resume_skips_what_was_written_and_repairs_a_torn_line(
    archive: Path, tmp_path: Path, capsysbinary, monkeypatch, name: str
):
    assert main(["analyze", str(archive), "--json", "-j", "1"]) == 1
    expected = capsysbinary.readouterr().out
    target = tmp_path / name
    with monkeypatch.context() as patched:
        _stop_after(7, patched)
        assert main(["analyze", str(archive), "--output", str(target), "-j", "1"]) == 130
    err = capsysbinary.readouterr().err.decode()
    assert "stopped: 7 analysed, 0 failed" in err or "stopped: 6 analysed, 1 failed" in err
    # and a torn last line, as a kill in mid-write leaves it
    if name.endswith(".gz"):
        kept = gzip.decompress(target.read_bytes())
        target.write_bytes(gzip.compress(kept + b'{"path": "tor')[:-8])  # no gzip trailer
    else:
        target.write_bytes(target.read_bytes() + b'{"path": "tor')

    assert main(["analyze", str(archive), "--output", str(target), "--resume", "-j", "2"]) == 1
    err = capsysbinary.readouterr().err.decode()
    assert (
        err.splitlines()[-1]
        == f"closeread: 5 analysed, 0 failed (7 already in {target}, 1 of them failed)"
    )
    data = target.read_bytes()
    assert (gzip.decompress(data) if name.endswith(".gz") else data) == expected


def test_resume_refuses_output_from_other_inputs(archive: Path, tmp_path: Path, capsys):
    target = tmp_path / "out.jsonl"
    assert (
        main(["analyze", str(archive / "01.txt"), str(archive / "00.txt"), "--output", str(target)])
        == 0
    )
    before = target.read_bytes()
    assert main(["analyze", str(archive), "--output", str(target), "--resume"]) == 1
    err = capsys.readouterr().err
    assert f"--resume: these inputs did not make {target}: its record 1 is" in err
    assert target.read_bytes() == before


@pytest.mark.parametrize("gz", [False, True])
def test_shards_hold_shard_size_records_each_and_resume(
    archive: Path, tmp_path: Path, capsysbinary, monkeypatch, gz: bool
):
    assert main(["analyze", str(archive), "--json", "-j", "1"]) == 1
    expected = capsysbinary.readouterr().out
    folder = tmp_path / "shards"
    args = ["analyze", str(archive), "--output", str(folder), "--shard-size", "5"]
    args += ["--gzip"] if gz else []
    with monkeypatch.context() as patched:
        _stop_after(6, patched)
        assert main([*args, "-j", "2"]) == 130
    capsysbinary.readouterr()
    assert main([*args, "-j", "1"]) == 1
    assert b"already holds shards" in capsysbinary.readouterr().err
    assert main([*args, "--resume", "-j", "2"]) == 1
    suffix = ".jsonl.gz" if gz else ".jsonl"
    shards = sorted(folder.iterdir())
    assert [s.name for s in shards] == [f"part-00000{n}{suffix}" for n in range(3)]
    parts = [gzip.decompress(s.read_bytes()) if gz else s.read_bytes() for s in shards]
    assert [len(p.splitlines()) for p in parts] == [5, 5, 2]
    assert b"".join(parts) == expected


def test_stdin_jsonl_and_single_input_print_no_summary(tmp_path: Path, capsys):
    from tui.cli import main as run_main

    article = tmp_path / "one.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run_main(["analyze", str(article), "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert json.loads(captured.out)["path"] == str(article)


def test_a_worker_that_dies_ends_the_run_with_one_line_and_whole_records(
    archive: Path, tmp_path: Path, capsys, monkeypatch
):
    from concurrent.futures.process import BrokenProcessPool

    from tui.batch import engines

    def dying_pool(items, settings, jobs, chunk=16):
        results = engines.serial(items, settings)
        yield next(results)
        yield next(results)
        raise BrokenProcessPool("A process in the process pool was terminated abruptly")

    monkeypatch.setattr(engines, "pool", dying_pool)
    target = tmp_path / "out.jsonl"
    assert main(["analyze", str(archive), "--output", str(target), "-j", "2"]) == 1
    assert capsys.readouterr().err == (
        "closeread: a worker process died (out of memory?) after 2 analysed, 0 failed; "
        "--resume goes on from there\n"
    )
    assert len(target.read_text().splitlines()) == 2


def test_progress_shows_on_a_terminal_and_stays_out_of_logs(archive: Path, tmp_path: Path):
    import os
    import subprocess
    import sys

    target = tmp_path / "out.jsonl"
    leader, follower = os.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    command = [sys.executable, "-m", "tui", "analyze", str(archive), "--output", str(target)]
    with subprocess.Popen([*command, "-j", "2"], stderr=follower, env=env) as child:
        os.close(follower)
        seen = b""
        while True:
            try:
                block = os.read(leader, 4096)
            except OSError:  # the terminal closed with the child
                break
            if not block:
                break
            seen += block
    os.close(leader)
    assert child.returncode == 1
    screen = seen.decode(errors="replace")
    assert "analysing" in screen and "12/12" in screen and "/s" in screen and "left" in screen
    assert "closeread: 11 analysed, 1 failed" in screen

    logged = subprocess.run([*command, "--resume"], capture_output=True, env=env, timeout=120)
    assert logged.stderr.decode() == (
        f"closeread: 0 analysed, 0 failed (12 already in {target}, 1 of them failed)\n"
    )
