"""The library, driven as a person would: ``closeread DIR`` lists the folder, enter opens an
article, backspace comes back with the place kept; filter, sort, missing files, recent
articles, Open file… and Search all notes…."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, DirectoryTree

from tui.app import ReaderApp
from tui.library import Entry, matches, ordered, scan
from tui.notes import Note, NoteStore, make_anchor
from tui.screens.library import LibraryScreen
from tui.screens.notes_search import NotesSearchScreen
from tui.screens.open_file import OpenFileScreen
from tui.widgets.article import ArticleView

SIZE = (130, 40)

HARBOUR = (
    "Storm closes harbour\n\n"
    "The harbour at Dover was closed on Monday after a storm damaged two piers, "
    "according to the port authority. Reportedly, 3,000 passengers waited overnight.\n"
)
PROTEST = (
    "# Protest in Almaty\n\n"
    "Thousands gathered in Almaty, Kazakhstan's capital, on Wednesday, officials said.\n"
)
PAGE = (
    "<html><head><title>Budget vote delayed</title></head><body><article>"
    "<p>The vote on the budget was delayed again on Tuesday, the speaker said.</p>"
    "<p>Members will meet next week to try again, according to the clerk.</p>"
    "</article></body></html>"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "clippings"
    (root / "2022" / "jan").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a-harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (root / "2022" / "jan" / "protest.md").write_text(PROTEST, encoding="utf-8")
    (root / "2022" / "budget.html").write_text(PAGE, encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    return root


async def _library_ready(app: ReaderApp, pilot) -> LibraryScreen:
    for _ in range(200):
        await pilot.pause(0.05)
        screen = app.screen
        if isinstance(screen, LibraryScreen) and screen.progress.endswith("analysed"):
            return screen
    raise AssertionError(f"the library did not finish: {app.screen}")


def _titles(screen: LibraryScreen) -> list[str]:
    return [e.shown_title for e in screen.shown]


async def _opened(app: ReaderApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.wait_for_analysis()
    await pilot.pause()


def test_scan_finds_articles_recursively_and_skips_hidden_and_binary(folder: Path):
    entries, cut = scan(folder)
    names = [Path(e.location).relative_to(folder.resolve()).as_posix() for e in entries]
    assert names == ["a-harbour.txt", "2022/budget.html", "2022/jan/protest.md"] or sorted(
        names
    ) == sorted(["a-harbour.txt", "2022/budget.html", "2022/jan/protest.md"])
    assert not cut
    assert scan(folder, limit=2)[1] is True


def test_fuzzy_filter_and_orders():
    entries = [
        Entry("/c/storm.txt", "k1", title="Storm closes harbour", words=30, notes=2),
        Entry("/c/budget.html", "k2", title="Budget vote delayed", words=10, flags=(1, 0, 0)),
        Entry("/c/protest.md", "k3", title="Protest in Almaty", words=20, flags=(0, 2, 1)),
    ]
    assert [e.title for e in matches(entries, "strm hrbr")] == ["Storm closes harbour"]
    assert [e.title for e in matches(entries, "almaty protest")] == ["Protest in Almaty"]
    assert len(matches(entries, "")) == 3
    assert [e.words for e in ordered(entries, "words")] == [30, 20, 10]
    assert next(e.title for e in ordered(entries, "flags")) == "Budget vote delayed"
    assert next(e.notes for e in ordered(entries, "notes")) == 2
    assert next(e.title for e in ordered(entries, "title", reverse=True)) == "Storm closes harbour"


async def test_a_folder_opens_as_a_library_with_titles_words_and_flags(folder: Path):
    app = ReaderApp(library=folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _library_ready(app, pilot)
        assert sorted(_titles(screen)) == [
            "Budget vote delayed",
            "Protest in Almaty",
            "Storm closes harbour",
        ]
        harbour = next(e for e in screen.entries if e.title == "Storm closes harbour")
        assert harbour.words and harbour.words > 20 and harbour.flags is not None
        assert sum(harbour.flags) >= 1  # "Reportedly" is a hedged claim
        assert "3 articles" in str(app.screen.query_one("#library-title").render())
        table = screen.query_one(DataTable)
        assert table.row_count == 3


async def test_enter_opens_the_article_and_backspace_returns_with_the_place_kept(folder: Path):
    app = ReaderApp(library=folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _library_ready(app, pilot)
        await pilot.press("down")
        chosen = screen.current()
        assert chosen is not None
        await pilot.press("enter")
        await _opened(app, pilot)
        assert not isinstance(app.screen, LibraryScreen)
        assert app.source.path == chosen.location
        assert app.query_one(ArticleView).text == app.analysis.text
        await pilot.press("j", "j")
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen is screen
        assert screen.current() == chosen
        # The reading position was kept: the library shows how far it was read.
        await pilot.press("enter")
        await _opened(app, pilot)
        assert app.source.path == chosen.location


async def test_filter_and_sort_by_keyboard(folder: Path):
    app = ReaderApp(library=folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _library_ready(app, pilot)
        await pilot.press("slash")
        for key in "budgt":
            await pilot.press(key)
        await pilot.pause()
        assert _titles(screen) == ["Budget vote delayed"]
        await pilot.press("enter")  # back to the table, the filter kept
        await pilot.press("enter")  # opens the one left
        await _opened(app, pilot)
        assert app.analysis.title == "Budget vote delayed"
        await pilot.press("backspace")
        await pilot.pause()
        assert _titles(screen) == ["Budget vote delayed"]
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert len(screen.shown) == 3
        orders = []
        for _ in range(3):
            await pilot.press("s")
            orders.append(screen.order)
        assert orders == ["title", "date", "words"]
        words = [e.words for e in screen.shown]
        assert words == sorted(words, reverse=True)
        await pilot.press("S")
        assert [e.words for e in screen.shown] == sorted(words)


async def test_a_missing_file_stays_listed_with_its_notes(folder: Path, tmp_path: Path):
    gone = folder / "gone.txt"
    gone.write_text(HARBOUR.replace("Storm", "Gale"), encoding="utf-8")
    data = Path(__import__("os").environ["CLOSEREAD_DATA_DIR"])
    with NoteStore.open(data) as store:
        text = "Gale closes harbour\n\nSome text here."
        doc = store.document(str(gone.resolve()), text)
        store.add(doc, Note("note", make_anchor(text, 0, 4), body="check"))
    gone.unlink()
    app = ReaderApp(library=folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _library_ready(app, pilot)
        missing = [e for e in screen.entries if e.missing]
        assert [(e.shown_title, e.notes) for e in missing] == [("Gale closes harbour", 1)]
        assert "1 missing" in str(screen.query_one("#library-status").render())
        screen.query_one(DataTable).move_cursor(row=screen.shown.index(missing[0]))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen  # nothing to open; it says so
        assert any("the file is gone" in str(n.message) for n in app._notifications)


async def test_recent_articles_from_the_reader(folder: Path):
    first = str((folder / "a-harbour.txt").resolve())
    app = ReaderApp(first)
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        await pilot.press("R")
        screen = await _library_ready(app, pilot)
        assert screen.folder is None
        assert [e.location for e in screen.shown] == [first]
        await pilot.press("enter")
        await _opened(app, pilot)
        assert app.source.path == first


async def test_open_file_browses_and_opens(folder: Path, monkeypatch):
    monkeypatch.chdir(folder)
    app = ReaderApp(str(folder / "a-harbour.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.press("O")
        await pilot.pause()
        assert isinstance(app.screen, OpenFileScreen)
        tree = app.screen.query_one(DirectoryTree)
        await tree.reload()
        await pilot.pause()
        labels = [str(node.label) for node in tree.root.children]
        assert ".git" not in labels and "2022" in labels
        await pilot.press("tab")
        for key in "2022/budget.html":
            await pilot.press(key)
        await pilot.press("enter")
        await _opened(app, pilot)
        assert app.analysis.title == "Budget vote delayed"


async def test_search_all_notes_opens_the_article_at_the_note(folder: Path):
    path = folder / "a-harbour.txt"
    app = ReaderApp(str(path))
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        text = app.analysis.text
        start = text.index("3,000 passengers")
        app.notebook.add("note", (start, start + 16), body="count source?")
        await pilot.press("g")
        other = str((folder / "2022" / "budget.html").resolve())
        app.open_location(other)
        await _opened(app, pilot)
        assert app.source.path == other
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, NotesSearchScreen)
        for key in "count":
            await pilot.press(key)
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.screen.hits) == 1
        await pilot.press("enter")
        await _opened(app, pilot)
        assert app.source.path == str(path.resolve())
        assert app.query_one(ArticleView).cursor == start


async def test_hostile_names_and_titles_are_shown_as_typed(tmp_path: Path):
    root = tmp_path / "hostile"
    root.mkdir()
    (root / "[bold]x[-]\x1b[31m.txt").write_text("[@click=app.quit]Title\n\nSome text.\n")
    app = ReaderApp(library=root)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _library_ready(app, pilot)
        (entry,) = screen.shown
        cell = screen.query_one(DataTable).get_row_at(0)[0]
        assert "\x1b" not in cell.plain and "[@click=app.quit]Title" in cell.plain
        assert entry.title == "[@click=app.quit]Title"


async def test_open_file_shows_hostile_names_inert(tmp_path: Path):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "[red]x\x1b]0;pwn\x07.txt").write_text("Some text.\n")
    app = ReaderApp(library=folder)
    async with app.run_test(size=SIZE) as pilot:
        await _library_ready(app, pilot)
        await pilot.press("O")
        await pilot.pause()
        tree = app.screen.query_one(DirectoryTree)
        await tree.reload()
        await pilot.pause()
        (node,) = tree.root.children
        label = str(node.label)
        assert "[red]x" in label and "\x1b" not in label and "\x07" not in label


async def test_open_recent_from_the_palette(folder: Path):
    app = ReaderApp(str(folder / "a-harbour.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "open recent":
            await pilot.press(key if key != " " else "space")
        await pilot.pause(0.5)
        await pilot.press("enter")
        screen = await _library_ready(app, pilot)
        assert screen.folder is None
        assert [e.location for e in screen.shown] == [str((folder / "a-harbour.txt").resolve())]
