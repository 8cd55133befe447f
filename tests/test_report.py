"""The Markdown review report an editor reads."""

from __future__ import annotations

from datetime import date

from tui.analysis.model import Analysis, Figure, ReferenceDate, Source, make_flag
from tui.cli import main
from tui.report import markdown_report

TEXT = "The mayor | said [bold]twelve[/bold] were murdered\x1b]0;x\x07 on Monday."


def _analysis() -> Analysis:
    return Analysis(
        source=Source(text=TEXT),
        text=TEXT,
        paragraphs=((0, len(TEXT)),),
        figures=(Figure("fig:1", "twelve", "count", 12, span=(23, 29), counts="people"),),
        flags=(
            make_flag(
                "loaded-word",
                "warning",
                "'murdered' is loaded",
                [(42, 50)],
                TEXT,
                "AP style: 'murder' for a conviction",
            ),
        ),
        reference_date=ReferenceDate(date(2024, 5, 6), "user", "--date"),
    )


def test_report_lists_flags_with_quote_and_reason():
    report = markdown_report(_analysis(), "a.txt")
    assert "### Warnings (1)" in report
    assert "- **loaded-word**: 'murdered' is loaded" in report
    assert "  > murdered" in report
    assert "*Why:* AP style" in report
    assert "resolved against 2024-05-06" in report


def test_report_quotes_text_safely():
    report = markdown_report(_analysis(), "a.txt")
    assert "\x1b" not in report and "\x07" not in report
    assert "| twelve | 12 | count | people |" in report


def test_analyze_format_md_writes_the_report(article, capsys):
    assert main(["analyze", str(article), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Review: Storm closes harbour")
    assert "## Flags" in out and "## Figures" in out and "## Entities" in out
