"""The command line as a user meets it: every bad input gets one line and the right exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__
from tui.cli import main

SAMPLE_WORDS = "Kassym-Jomart Tokayev"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], input=stdin, capture_output=True, timeout=120
    )


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_analyze_json_follows_the_contract(article: Path, capsys):
    assert main(["analyze", str(article), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "closeread/analysis@1"
    assert data["source"]["path"] == str(article.resolve())
    assert data["source"]["format"] == "text"
    assert len(data["source"]["sha256"]) == 64
    for key in (
        "title",
        "date",
        "reference_date",
        "text",
        "paragraphs",
        "edits",
        "entities",
        "figures",
        "flags",
    ):
        assert key in data
    text = data["text"]
    assert all(0 <= a <= b <= len(text) for a, b in data["paragraphs"])


def test_analyze_several_inputs_gives_json_lines_in_order(article: Path, tmp_path: Path, capsys):
    other = tmp_path / "other.md"
    other.write_text("# A headline\n\nSome *body* text.\n", encoding="utf-8")
    assert main(["analyze", str(other), str(article), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"]["format"] for line in lines] == ["markdown", "text"]


def test_analyze_is_deterministic(article: Path, capsys):
    main(["analyze", str(article), "--json"])
    first = capsys.readouterr().out
    main(["analyze", str(article), "--json"])
    assert capsys.readouterr().out == first


def test_analyze_without_json_is_a_short_summary(capsys):
    assert main(["analyze", str(_sample())]) == 0
    out = capsys.readouterr().out
    assert "words" in out and "entities" in out and "flags" in out
    assert "(organisation, " in out and "organization" not in out  # one spelling, the sidebar's


def test_missing_path_is_one_line_and_exit_1(tmp_path: Path):
    result = run("analyze", str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "no such file" in one_error_line(result.stderr.decode())


def test_directory_is_one_line_and_exit_1(tmp_path: Path):
    """Where one article is meant (the reader opens a folder as its library instead)."""
    result = run("review", str(tmp_path))
    assert result.returncode == 1
    assert "directory" in one_error_line(result.stderr.decode())


def test_unreadable_file_is_one_line_and_exit_1(tmp_path: Path):
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    try:
        if locked.open("rb"):  # root reads anything: then this case cannot be made here
            pytest.skip("running as root: every file is readable")
    except PermissionError:
        result = run("analyze", str(locked))
        assert result.returncode == 1
        assert "permission denied" in one_error_line(result.stderr.decode())
    finally:
        locked.chmod(0o644)


def test_binary_file_is_refused(tmp_path: Path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    result = run("analyze", str(binary))
    assert result.returncode == 1
    assert "not text" in one_error_line(result.stderr.decode())


def test_invalid_utf8_opens_with_a_warning_flag(tmp_path: Path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Caf\xe9 society met on Monday.".encode("latin-1"))
    assert main(["analyze", str(bad), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"].startswith("Café")
    assert any(f["rule"] == "source-decoding" and f["severity"] == "warning" for f in data["flags"])


@pytest.mark.parametrize("content", ["", "  \n\n\t "])
def test_empty_file_analyses_with_a_notice(tmp_path: Path, capsys, content: str):
    empty = tmp_path / "empty.txt"
    empty.write_text(content)
    assert main(["analyze", str(empty), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] == ""
    assert any(f["rule"] == "empty-article" for f in data["flags"])


def test_stdin_is_read_with_a_dash():
    result = run("analyze", "-", "--json", stdin=b"Piped text about Paris.\n")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"]["path"] is None
    assert "Paris" in data["text"]


def test_one_bad_input_among_several_still_reports_the_others(article: Path, tmp_path: Path):
    gone = str(tmp_path / "gone.txt")
    result = run("analyze", gone, str(article), "--json")
    assert result.returncode == 1
    failure, analysed = (json.loads(line) for line in result.stdout.decode().splitlines())
    assert failure == {"path": gone, "error": "no such file"}
    assert analysed["path"] == str(article)
    lines = result.stderr.decode().splitlines()
    assert lines == [f"closeread: {gone}: no such file", "closeread: 1 analysed, 1 failed"]


@pytest.mark.parametrize("args", [["--bogus"], ["analyze"], ["analyze", "x", "--date", "soon"]])
def test_bad_arguments_print_usage_and_exit_2(args: list[str]):
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_version_and_help():
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.decode().strip() == f"closeread {__version__}"
    helped = run("--help")
    assert helped.returncode == 0
    assert "closeread analyze" in helped.stdout.decode()


def test_broken_config_file_is_a_warning_not_a_failure(article: Path, tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text("this is [not toml")
    result = run("analyze", str(article), "--config", str(config))
    assert result.returncode == 0
    assert "warning" in result.stderr.decode() and "TOML" in result.stderr.decode()


def test_disabled_rule_in_config_silences_it(tmp_path: Path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Caf\xe9 talk.")
    config = tmp_path / "config.toml"
    config.write_text('[rules]\ndisabled = ["source-decoding"]\n')
    main(["analyze", str(bad), "--json", "--config", str(config)])
    data = json.loads(capsys.readouterr().out)
    assert not any(f["rule"] == "source-decoding" for f in data["flags"])


def test_reader_on_a_missing_file_exits_before_drawing(tmp_path: Path):
    result = run(str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "no such file" in one_error_line(result.stderr.decode())


def _sample() -> Path:
    from tui.resources import seed_file

    return seed_file()


def test_notes_commands_add_list_and_follow_a_changed_article(tmp_path: Path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(
        "The mayor spoke on Monday about the new harbour plans for the city.\n"
        "Critics said the plans would cost far more than promised.\n"
    )
    data = ["--data-dir", str(tmp_path / "data")]
    assert (
        main(["notes", "add", str(article), "--quote", "cost far more", "--tag", "money", *data])
        == 0
    )
    article.write_text("A new opening paragraph.\n" + article.read_text())
    capsys.readouterr()
    assert main(["notes", "list", str(article), "--json", *data]) == 0
    [note] = json.loads(capsys.readouterr().out)
    text = article.read_text()
    assert note["status"] == "anchored"
    assert text[note["span"][0] : note["span"][1]] == "cost far more"


def test_notes_add_refuses_a_quote_not_in_the_article(article: Path, tmp_path: Path, capsys):
    code = main(
        [
            "notes",
            "add",
            str(article),
            "--quote",
            "no such words here",
            "--data-dir",
            str(tmp_path / "data"),
        ]
    )
    assert code == 2
    assert "does not occur" in capsys.readouterr().err


def test_unknown_config_key_is_a_warning(article: Path, tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text('colour = "mauve"\n[rules]\ndisabled = "everything"\n')
    result = run("analyze", str(article), "--config", str(config))
    assert result.returncode == 0
    err = result.stderr.decode()
    assert "unknown setting 'colour'" in err and "rules.disabled" in err


def test_debug_shows_the_traceback_others_see_one_line(article: Path, monkeypatch, capsys):
    import tui.batch.summary as summary

    def boom(*_, **__):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(summary, "write_summary", boom)
    assert main(["analyze", str(article)]) == 1
    assert capsys.readouterr().err.strip().endswith("(run with --debug for details)")
    with pytest.raises(RuntimeError, match="kaboom"):
        main(["analyze", str(article), "--debug"])
