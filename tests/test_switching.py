"""Switching articles without a screen: ``Switcher`` against a stand-in for the reader. The same
paths driven through the real window are in test_library.py."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tui.analysis.model import Source
from tui.config import Config
from tui.notes.errors import StoreError
from tui.reading import Reading
from tui.screens.library import LibraryScreen
from tui.screens.notes_search import NotesSearchScreen
from tui.screens.open_file import OpenFileScreen
from tui.switching import OVER_THE_LIBRARY, Switcher


class Article:
    def __init__(self) -> None:
        self.cursor = 0
        self.shown: list[str] = []
        self.focused = False

    def move_cursor(self, offset: int, announce: bool = True) -> None:
        self.cursor = offset

    def scroll_to_offset(self, offset: int) -> None:
        pass

    def show_text(self, text: str, paragraphs: Any, pending: bool = False) -> None:
        self.shown.append(text)

    def focus(self) -> None:
        self.focused = True


class Notebook:
    def __init__(self, placed: list[Any] = (), fails: bool = False) -> None:  # type: ignore[assignment]
        self.placed = list(placed)
        self.saved: list[int] = []
        self.closed = False
        self.fails = fails

    def save_position(self, offset: int) -> None:
        if self.fails:
            raise StoreError("read-only")
        self.saved.append(offset)

    def close(self) -> None:
        self.closed = True


class Host:
    """The reader as ``SwitchingHost`` sees it: records what it is asked to do."""

    def __init__(self, tmp_path: Path, notebook: Notebook | None = None) -> None:
        self.source = Source("Old text.", path=str(tmp_path / "news" / "old.txt"))
        self.article_open = True
        self.library_folder: Path | None = None
        self.data_dir = tmp_path / "data"
        self.config = Config()
        self.reading = SimpleNamespace(analysis=object(), showing_original=False)
        self.notebook = notebook
        self.article = Article()
        self.sidebar = SimpleNamespace(show_pending=lambda text: self.said.append(text))
        self.screen: Any = object()
        self.screen_stack: list[Any] = [object()]
        self.installed: dict[str, Any] = {}
        self.pushed: list[tuple[Any, Any]] = []
        self.said: list[str] = []
        self.calls: list[str] = []
        self.annotator = SimpleNamespace(
            open_notes=lambda folder, source: self.calls.append(f"notes {source.text}")
        )

    def is_screen_installed(self, name: str) -> bool:
        return name in self.installed

    def install_screen(self, screen: Any, name: str) -> None:
        self.installed[name] = screen

    def uninstall_screen(self, name: str) -> None:
        del self.installed[name]

    def push_screen(self, screen: Any, callback: Any = None) -> None:
        self.pushed.append((screen, callback))

    def pop_screen(self) -> None:
        self.screen_stack.pop()

    def notify(self, message: str, *, severity: str = "information", timeout: float = 3) -> None:
        self.said.append(f"{severity}: {message}")

    def set_status(self, text: str) -> None:
        self.said.append(text)

    def call_from_thread(self, callback: Any, *args: Any, **kwargs: Any) -> None:
        callback(*args, **kwargs)

    def new_rooms(self) -> None:
        self.reading = Reading()
        self.calls.append("new rooms")

    def show_title(self) -> None:
        self.calls.append(f"title {self.source.title or self.source.path}")

    def start_analysis(self) -> None:
        self.calls.append("analyse")


def test_the_position_is_kept_for_the_cleaned_text_only(tmp_path: Path):
    notebook = Notebook()
    host = Host(tmp_path, notebook)
    switcher = Switcher(host)  # type: ignore[arg-type]
    host.article.cursor = 42
    switcher.keep_position()
    host.reading.showing_original = True  # the original's offsets are another text's
    switcher.keep_position()
    host.reading = SimpleNamespace(analysis=None, showing_original=False)  # not analysed yet
    switcher.keep_position()
    assert notebook.saved == [42]
    Switcher(Host(tmp_path, Notebook(fails=True))).keep_position()  # type: ignore[arg-type]
    Switcher(Host(tmp_path, None)).keep_position()  # type: ignore[arg-type]


def test_over_the_library_only_quitting_help_and_the_open_commands_work(tmp_path: Path):
    host = Host(tmp_path)
    switcher = Switcher(host)  # type: ignore[arg-type]
    assert switcher.allows("next_flag") and switcher.allows("quit")
    host.screen = LibraryScreen(None, tmp_path, Config())
    assert not switcher.allows("next_flag") and not switcher.allows("annotate")
    assert all(switcher.allows(action) for action in OVER_THE_LIBRARY)


def test_a_folder_library_is_kept_and_the_recent_list_made_afresh(tmp_path: Path):
    notebook = Notebook()
    host = Host(tmp_path, notebook)
    switcher = Switcher(host)  # type: ignore[arg-type]
    host.article.cursor = 7
    switcher.show_library(tmp_path)
    name = f"library:{tmp_path.resolve()}"
    kept = host.installed[name]
    assert isinstance(kept, LibraryScreen) and switcher.library == name
    switcher.show_library(tmp_path)
    assert host.installed[name] is kept and [s for s, _ in host.pushed] == [name, name]
    switcher.show_library(None)
    recent = host.installed["library:recent"]
    switcher.show_library(None)
    assert host.installed["library:recent"] is not recent
    assert notebook.saved == [7, 7, 7, 7]  # the place is kept each time the article is left


def test_back_to_the_library_the_article_came_from_else_the_recent_list(tmp_path: Path):
    host = Host(tmp_path)
    switcher = Switcher(host)  # type: ignore[arg-type]
    switcher.back_to_library()
    assert host.pushed[-1][0] == "library:recent"
    switcher.show_library(tmp_path)
    switcher.back_to_library()
    assert host.pushed[-1][0] == f"library:{tmp_path.resolve()}"
    del host.installed[switcher.library or ""]  # gone: the recent list instead
    switcher.back_to_library()
    assert host.pushed[-1][0] == "library:recent"


def test_open_file_starts_beside_the_article_and_opens_the_choice(tmp_path: Path):
    host = Host(tmp_path)
    switcher = Switcher(host)  # type: ignore[arg-type]
    assert switcher.browse_start() == tmp_path / "news"
    host.library_folder = tmp_path / "library"
    host.source = Source("Fetched.", path="https://example.com/a")
    assert switcher.browse_start() == tmp_path / "library"
    host.library_folder = None
    host.source = Source("From stdin.")
    assert switcher.browse_start() == Path.cwd()
    opened: list[str] = []
    switcher.open_file(opened.append)
    screen, chosen = host.pushed[-1]
    assert isinstance(screen, OpenFileScreen)
    chosen(None)
    chosen("")
    chosen("/tmp/x.txt")
    assert opened == ["/tmp/x.txt"]


def test_a_notes_search_hit_opens_its_article_at_the_note(tmp_path: Path):
    host = Host(tmp_path)
    switcher = Switcher(host)  # type: ignore[arg-type]
    opened: list[tuple[str, str]] = []
    switcher.search_notes(lambda location, note: opened.append((location, note)))
    screen, chosen = host.pushed[-1]
    assert isinstance(screen, NotesSearchScreen)
    chosen(None)
    chosen(("/tmp/a.txt", "n1"))
    assert opened == [("/tmp/a.txt", "n1")]


def test_opening_an_article_closes_the_old_one_and_starts_afresh(tmp_path: Path):
    old = Notebook()
    host = Host(tmp_path, old)
    host.screen_stack = [object(), "library", "dialog"]
    host.article.cursor = 5
    switcher = Switcher(host)  # type: ignore[arg-type]
    new = Source("New text.", path="/tmp/new.txt", warnings=["Read as latin-1"])
    switcher.open_article(new, "n9")
    assert old.saved == [5] and old.closed
    assert len(host.screen_stack) == 1 and host.source is new and host.article_open
    assert host.article.shown == ["New text."] and host.article.cursor == 0
    assert host.article.focused and switcher.go_to_note == "n9"
    assert host.calls == ["new rooms", "title /tmp/new.txt", "notes New text.", "analyse"]
    assert "Analysing…" in host.said and "warning: Read as latin-1" in host.said


def test_the_first_analysis_shown_lands_on_the_note_once(tmp_path: Path):
    note = SimpleNamespace(id="n1")
    notebook = Notebook([SimpleNamespace(note=note, span=(30, 40))])
    host = Host(tmp_path, notebook)
    switcher = Switcher(host)  # type: ignore[arg-type]
    switcher.go_to_note = "n1"
    switcher.arrived(first=False)  # a later analysis: the note is forgotten, the cursor stays
    assert host.article.cursor == 0 and switcher.go_to_note is None
    switcher.go_to_note = "n1"
    switcher.arrived(first=True)
    assert host.article.cursor == 30 and switcher.go_to_note is None
    notebook.placed = [SimpleNamespace(note=note, span=None)]  # its words are gone
    switcher.go_to_note = "n1"
    switcher.arrived(first=True)
    assert host.article.cursor == 30 and any("no longer in the article" in s for s in host.said)


def test_loading_opens_what_can_be_read_and_says_what_cannot(tmp_path: Path):
    host = Host(tmp_path)
    switcher = Switcher(host)  # type: ignore[arg-type]
    switcher.load(str(tmp_path / "missing.txt"))
    assert host.said[0].startswith("Opening ") and host.said[-1].startswith("error: ")
    assert host.calls == []  # the window stays as it was
    article = tmp_path / "harbour.txt"
    article.write_text("The harbour closed on Monday.\n", encoding="utf-8")
    switcher.load(str(article), "n2")
    assert host.source.text.startswith("The harbour closed") and switcher.go_to_note == "n2"
    assert host.calls[-1] == "analyse"


@pytest.mark.parametrize("location", ["[bold]x[/]\x1b]52;c;AAAA\x07.txt"])
def test_a_hostile_location_is_one_inert_line(tmp_path: Path, location: str):
    host = Host(tmp_path)
    Switcher(host).load(str(tmp_path / location))  # type: ignore[arg-type]
    assert all("\x1b" not in said and "\n" not in said for said in host.said)
