"""Hostile and broken input: never a crash, never a control sequence on the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.analysis import Source
from tui.app import ReaderApp
from tui.cli import main
from tui.source import decode
from tui.widgets.article import ArticleView
from tui.widgets.sidebar import Sidebar
from tui.widgets.status import StatusLine

C0 = "".join(chr(c) for c in range(1, 0x20) if chr(c) != "\n")  # NUL: see the refusal test
C1 = "".join(chr(c) for c in range(0x80, 0xA0))
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
FORBIDDEN = set("\x00" + C0 + C1 + "\x7f" + BIDI + ZERO_WIDTH)

HOSTILE: dict[str, bytes] = {
    "c0 and c1 controls": f"Controls: {C0} and {C1} end.\nSecond paragraph.".encode(),
    "csi colour": b"Red \x1b[31mALERT\x1b[0m and \x1b[2J cleared?\nMore text.",
    "osc title": b"Title \x1b]0;pwned\x07 here.\nAnd \x1b]2;again\x1b\\ too.",
    "osc 52 clipboard": b"Copy \x1b]52;c;cm0gLXJmIH4=\x07 this.\nParagraph two.",
    "osc 8 link": b"A \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 here.\nEnd.",
    "bidi overrides": f"Pay {BIDI} 100 dollars to Alice.\nEnd.".encode(),
    "zero width inside words": f"Kaz{ZERO_WIDTH}akhstan is large.\nEnd.".encode(),
    "rich and textual markup": (
        b"[bold]Bold[/bold] [@click=app.quit]quit[/] "
        b"[link=http://x]x[/link] [red on blue]c[/]\nEnd [/]."
    ),
    "nul after the probe": b"Text. " * 2000 + b"\x00 after.\nEnd.",
    "utf-16": "Caf\u00e9 in Z\u00fcrich.\nSecond.".encode("utf-16"),
    "latin-1": "Caf\u00e9 in Z\u00fcrich.\nSecond.".encode("latin-1"),
    "invalid utf-8": "Caf\u00e9 ".encode() + b"\xc3\x28 broken \xff.\nEnd.",
    "crlf": b"One line.\r\nTwo lines.\r\n\r\nThree.\r\n",
    "empty": b"",
    "whitespace only": b" \n\t\n   \n",
    "html with script and style": (
        b"<html><head><title>T</title><style>p{color:red}</style>"
        b"<script>alert('x')</script></head><body><article><p>"
        b"The minister spoke in Paris on Monday about the budget and "
        b"the plan for schools.</p></article></body></html>"
    ),
    "deeply nested html": b"<html><body>"
    + b"<div>" * 3000
    + b"Deep text here."
    + b"</div>" * 3000
    + b"</body></html>",
}


def _analyze(tmp_path: Path, name: str, data: bytes, capsys) -> tuple[int, dict | None]:
    path = tmp_path / "hostile.txt"
    path.write_bytes(data)
    code = main(["analyze", str(path), "--json"])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, (json.loads(out.out) if out.out else None)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_analyze_survives(name: str, tmp_path: Path, capsys):
    code, data = _analyze(tmp_path, name, HOSTILE[name], capsys)
    assert code == 0 and data is not None
    text = data["text"]
    for entity in data["entities"]:
        assert all(0 <= a <= b <= len(text) for a, b in entity["mentions"])
    for flag in data["flags"]:
        assert all(0 <= a <= b <= len(text) for a, b in flag["spans"])


def test_nul_in_the_first_8_kb_is_refused(tmp_path: Path, capsys):
    code, data = _analyze(tmp_path, "nul", b"Text\x00 more", capsys)
    assert code == 1 and set(data) == {"path", "error"}  # a failure record, in --json too
    assert "NUL bytes" in data["error"]


def test_invisible_characters_inside_a_word_are_flagged(tmp_path: Path, capsys):
    _, data = _analyze(tmp_path, "zw", HOSTILE["zero width inside words"], capsys)
    assert any(f["rule"] == "hidden-characters" for f in data["flags"])


def _screen_text(app: ReaderApp) -> str:
    """Every character the reader would draw in the article, sidebar, status and title."""
    view = app.query_one(ArticleView)
    parts = [
        seg.text
        for y in range(len(view._layout or ()))
        for seg in view._render_row(y, view._style("base"))
    ]
    tree = app.query_one(Sidebar)
    parts += [tree.label(y) for y in range(tree.row_count)]
    parts.append(app.query_one(StatusLine).text)
    parts.append(str(app.query_one("#title").render()))
    return "".join(parts)


@pytest.mark.parametrize("name", sorted(HOSTILE))
async def test_reader_shows_hostile_text_safely(name: str):
    source = decode(HOSTILE[name], name="hostile.txt")
    app = ReaderApp(source=source)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        shown = _screen_text(app)
        assert not FORBIDDEN & set(shown), sorted(FORBIDDEN & set(shown))
        await pilot.press("j", "space", "G", "n", "right_square_bracket", "o", "tab", "enter")
        await pilot.pause()
        assert app.is_running


async def test_markup_is_literal_and_clicking_it_runs_nothing():
    source = decode(HOSTILE["rich and textual markup"], name="markup.txt")
    app = ReaderApp(source=source)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        shown = _screen_text(app)
        assert "[@click=app.quit]quit[/]" in shown and "[bold]Bold[/bold]" in shown
        for x in range(4, 60, 3):
            await pilot.click(ArticleView, offset=(x, 0))
        assert app.is_running


@pytest.mark.parametrize(
    "text",
    [
        "word " * 400_000,
        "\n".join(f"Item {i}." for i in range(100_000)),
    ],
    ids=["a 2 MB line", "100,000 tiny paragraphs"],
)
async def test_huge_inputs_stay_responsive(text: str):
    app = ReaderApp(source=Source(text=text))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("G", "g", "tab", "G", "k")
        assert app.is_running
        tree = app.query_one(Sidebar)
        assert tree.row_count < 100  # large groups open closed
        figures = [i for i in app.outline_items() if i.kind == "figure" and i.spans]
        if figures:
            app.go_to(figures[-1])
            await pilot.pause()
            assert tree.cursor_item == figures[-1]
