"""``from tui import analyze_text``: the --json record for programs (Ray, Spark, notebooks)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from conftest import ARTICLE

from tui import analyze_text
from tui.source import LoadError


def _cli_record(text: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "analyze", "-", "--json", *args],
        input=text.encode(),
        capture_output=True,
        timeout=120,
        check=True,
    )
    record = json.loads(result.stdout)
    assert record.pop("path") == "-"
    return record


def test_the_record_is_the_one_analyze_json_prints():
    assert analyze_text(ARTICLE) == _cli_record(ARTICLE)
    assert analyze_text(ARTICLE, date="2024-02-05") == _cli_record(ARTICLE, "--date", "2024-02-05")
    assert analyze_text(ARTICLE, date(2024, 2, 5)) == analyze_text(ARTICLE, "2024-02-05")


def test_html_is_extracted_and_the_record_is_plain_json():
    page = (
        "<html><head><title>Storm closes harbour</title></head><body><nav>Home | News</nav>"
        "<article><p>The harbour at Dover was closed on Monday after a storm, the port "
        "authority said.</p></article></body></html>"
    )
    record = analyze_text(page)
    assert record["source"]["format"] == "html"
    assert "<p>" not in record["text"] and "Dover" in record["text"]
    assert json.loads(json.dumps(record)) == record


def test_bad_input_raises_what_a_caller_can_catch():
    with pytest.raises(ValueError):
        analyze_text(ARTICLE, date="Monday")
    with pytest.raises(LoadError):
        analyze_text("%PDF-1.4 not an article")


def test_importing_tui_loads_no_analysis():
    probe = "import sys, tui; print(any(m.startswith('tui.analysis') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"
