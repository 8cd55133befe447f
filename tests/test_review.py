"""``closeread review``: one document of a finished review, readable when rendered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tui.analysis import analyze
from tui.analysis.model import Correction
from tui.cli import main
from tui.notes import NoteStore
from tui.notes.anchor import make_anchor
from tui.notes.model import Note
from tui.notes.store import source_key
from tui.report import markdown_report
from tui.source import load

ARTICLE = (
    "Police said dozens of people were murdered in Almaty, according to reports.\n\n"
    "Officials said the city was calm, according to sources.\n"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    """An article with a dismissed flag, a correction, a note and a highlight."""
    path = tmp_path / "calm.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    source = load(str(path))
    analysis = analyze(source)
    flag = next(f for f in analysis.flags if f.rule == "vague-source")
    text = analysis.text
    with NoteStore.open(tmp_path / "data") as store:
        doc = store.recognise(source_key(source), text, source.sha256)
        later = text.index("Officials said")
        store.add(doc, Note("highlight", make_anchor(text, later, later + 14), colour="green"))
        start = text.index("dozens of people")
        store.add(doc, Note("note", make_anchor(text, start, start + 16), body="Who counted?"))
        store.add(
            doc,
            Note("dismissal", make_anchor(text, *flag.spans[0]), flag_id=flag.id, reason="wire"),
        )
        store.add(doc, Note("correction", None, correction=Correction("kind", "Almaty", "place")))
    return path


def blocks(markdown: str) -> list[str]:
    """The block tokens of rendered Markdown, as their kinds (and a paragraph's text)."""
    out = []
    for token in MarkdownIt().parse(markdown):
        if token.type == "inline":
            out.append(f"text:{token.content}")
        elif token.nesting == 1 or token.type.endswith("_open"):
            out.append(token.type)
    return out


def test_quotes_and_their_why_render_apart():
    text = "They were murdered. Others were murdered too, it said."
    from tui.analysis.model import Analysis, Source, make_flag

    analysis = Analysis(
        source=Source(text=text),
        text=text,
        paragraphs=((0, len(text)),),
        flags=(
            make_flag("loaded-term", "warning", "loaded", [(10, 18), (32, 40)], text, "AP says"),
            make_flag("scare-quotes", "info", "quoted", [(0, 4)], text, "no one"),
        ),
    )
    report = markdown_report(analysis, "a.txt")
    tokens = blocks(report)
    assert tokens.count("blockquote_open") == 3
    # Each quote is a blockquote of its own, and the reason is a paragraph outside them.
    first = tokens.index("blockquote_open")
    assert tokens[first : first + 3] == ["blockquote_open", "paragraph_open", "text:murdered"]
    why = next(i for i, t in enumerate(tokens) if t.startswith("text:*Why:* AP says"))
    html = MarkdownIt().render(report)
    assert "<blockquote>\n<p>murdered</p>\n</blockquote>\n<blockquote>" in html
    assert "AP says" not in html.split("</blockquote>")[0] and why > first
    assert "### Info (1)" in report and "### Notes" not in report
    assert "9 words, 1 paragraph." in report


def test_review_lists_dismissals_corrections_and_notes_in_reading_order(reviewed, capsys):
    code, out, err = run(
        capsys, "review", str(reviewed), "--data-dir", str(reviewed.parent / "data")
    )
    assert code == 0, err
    assert out.startswith("# Review: ")
    assert "1 dismissed" in out and "1 entity correction," in out
    assert "*Dismissed* (" in out and "): wire" in out
    assert "~~**vague-source**" in out
    assert "## Entity corrections (1)\n\n- “Almaty” is a place" in out
    notes = out[out.index("## Notes and highlights") :]
    assert notes.index("Who counted?") < notes.index("Highlight (green)")
    html = MarkdownIt().render(out)
    assert "<blockquote>\n<p>dozens of people</p>\n</blockquote>" in html


def test_review_json_has_every_flag_with_its_dismissal(reviewed, capsys):
    code, out, _ = run(
        capsys,
        "review",
        str(reviewed),
        "--format",
        "json",
        "--data-dir",
        str(reviewed.parent / "data"),
    )
    assert code == 0
    review = json.loads(out)
    assert review["schema"] == "closeread/review@1"
    dismissed = [f for f in review["flags"] if f["dismissed"]]
    assert [f["dismissed"]["reason"] for f in dismissed] == ["wire"]
    assert review["corrections"] == [{"action": "kind", "entity": "Almaty", "value": "place"}]
    assert [n["kind"] for n in review["notes"]] == ["note", "highlight"]
    assert review["notes"][0]["status"] == "anchored"


def test_review_without_notes_is_the_analysis(article, capsys):
    code, out, err = run(capsys, "review", str(article))
    assert code == 0 and err == ""
    assert "This review: " in out and "0 notes" in out and "## Figures" in out


def test_review_of_a_missing_file_is_one_line_and_exit_1(tmp_path, capsys):
    code, _, err = run(capsys, "review", str(tmp_path / "gone.txt"))
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_a_missing_config_file_given_on_the_command_line_is_an_error(article, capsys):
    code, _, err = run(capsys, "review", str(article), "--config", "/nope.toml")
    assert code == 1
    assert err == "closeread: /nope.toml: no such settings file\n"


async def test_the_palette_writes_the_review(tmp_path: Path, monkeypatch):
    from tui.app import ReaderApp

    monkeypatch.chdir(tmp_path)
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("g", "h")
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Write the review (Markdown)"].callback()
    (written,) = tmp_path.glob("*.review.md")
    assert written.name == "kazakhstan-unrest-2022-scraped.review.md"
    content = written.read_text()
    assert "## Notes and highlights, in reading order (1)" in content
    assert "Highlight (yellow)" in content


async def test_the_status_line_and_the_sidebar_count_alike():
    from tui.app import ReaderApp
    from tui.widgets.status import StatusLine

    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        status = app.query_one(StatusLine).text
        counts = {s.title: s.count for s in app.reading.sections}
        assert f"{counts['Entities']} entities" in status
        assert f"{counts['Figures']} figures" in status
        assert f"{counts['Flags']} flags" in status
        sidebar = app.sidebar
        labels = [sidebar.label(y) for y in range(sidebar.row_count)]
        assert f"▼ Figures ({counts['Figures']})" in labels


def test_plurals():
    from tui.wording import plural

    assert [plural(1, "entity"), plural(2, "entity"), plural(1200, "word")] == [
        "1 entity",
        "2 entities",
        "1,200 words",
    ]
