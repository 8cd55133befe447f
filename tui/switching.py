"""Switching between articles in one window: the library, recent articles, Open file… and
Search all notes….

The article open now keeps its place (the notebook saves the cursor) when the reader leaves it;
the next one is loaded (a path, or a URL fetched and its copy kept), swapped in with fresh rooms,
and placed at the note it was chosen for. The reader is reached only through ``SwitchingHost``,
so a test can stand in for it; the Textual actions stay on the app and delegate here.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .config import data_dir as user_data_dir
from .notes.errors import StoreError
from .safe_text import one_line

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from .analysis.model import Source
    from .annotate import Annotator
    from .config import Config
    from .notebook import Notebook
    from .reading import Reading
    from .widgets.article import ArticleView
    from .widgets.sidebar import Sidebar

OVER_THE_LIBRARY = frozenset(
    {"quit", "help", "command_palette", "open_file", "search_notes", "library", "change_theme"}
)
"""The actions that still work over the library; the reader's own keys rest there (they would
act on the article hidden behind it)."""

WARNING_LIMIT = 300


class SwitchingHost(Protocol):
    """What switching articles uses of the reader: the article open and its rooms, the screen
    stack, and the ways to tell, title, analyse and run on the UI thread."""

    source: Source
    article_open: bool
    library_folder: Path | None
    data_dir: Path | None
    config: Config
    reading: Reading
    annotator: Annotator

    @property
    def notebook(self) -> Notebook | None: ...
    @property
    def article(self) -> ArticleView: ...
    @property
    def sidebar(self) -> Sidebar: ...
    @property
    def screen(self) -> Any: ...
    @property
    def screen_stack(self) -> list[Any]: ...
    def is_screen_installed(self, screen: Any) -> bool: ...
    def install_screen(self, screen: Any, name: str) -> None: ...
    def uninstall_screen(self, screen: Any) -> Any: ...
    def push_screen(self, screen: Any, callback: Any = ...) -> Any: ...
    def pop_screen(self) -> Any: ...
    def notify(
        self, message: str, *, severity: SeverityLevel = ..., timeout: float | None = ...
    ) -> None: ...
    def set_status(self, text: str) -> None: ...
    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...
    def new_rooms(self) -> None: ...
    def show_title(self) -> None: ...
    def start_analysis(self) -> None: ...


class Switcher:
    """Leaves one article for another (see the module docstring). ``library`` is the name of
    the installed library screen the article open now came from, None before any;
    ``go_to_note`` is the note the next analysis shown places the cursor at."""

    def __init__(self, host: SwitchingHost) -> None:
        self.host = host
        self.library: str | None = None
        self.go_to_note: str | None = None

    def allows(self, action: str) -> bool:
        """Whether ``action`` may run now: over the library only ``OVER_THE_LIBRARY`` do."""
        from .screens.library import LibraryScreen

        return action in OVER_THE_LIBRARY or not isinstance(self.host.screen, LibraryScreen)

    def keep_position(self) -> None:
        """Save the cursor as the article's reading position (the cleaned text's only: the
        original's offsets are another text's)."""
        host = self.host
        notebook, reading = host.notebook, host.reading
        if notebook is not None and reading.analysis is not None and not reading.showing_original:
            with suppress(StoreError):
                notebook.save_position(host.article.cursor)

    def show_library(self, folder: Path | None = None) -> None:
        """Show the library of ``folder`` (kept as it was left), or the recent articles."""
        from .screens.library import LibraryScreen

        host = self.host
        self.keep_position()
        name = f"library:{folder.resolve()}" if folder is not None else "library:recent"
        if name == "library:recent" and host.is_screen_installed(name):
            host.uninstall_screen(name)  # the recent list is made afresh each time
        if not host.is_screen_installed(name):
            host.install_screen(
                LibraryScreen(folder, user_data_dir(host.data_dir), host.config), name
            )
        self.library = name
        host.push_screen(name)

    def back_to_library(self) -> None:
        """Back to the library this article came from (else the recent list)."""
        if self.library is not None and self.host.is_screen_installed(self.library):
            self.keep_position()
            self.host.push_screen(self.library)
        else:
            self.show_library(None)

    def browse_start(self) -> Path:
        """Where Open file… starts: the open article's folder, else the library's, else here."""
        path = self.host.source.path
        if path and not path.startswith(("http://", "https://")):
            return Path(path).parent
        return self.host.library_folder or Path.cwd()

    def open_file(self, open_location: Callable[[str], Any]) -> None:
        """Browse for a file (or type a path or URL); ``open_location`` opens what is chosen."""
        from .screens.open_file import OpenFileScreen

        def chosen(location: str | None) -> None:
            if location:
                open_location(location)

        self.host.push_screen(OpenFileScreen(self.browse_start()), chosen)

    def search_notes(self, open_location: Callable[[str, str], Any]) -> None:
        """Search the notes of every article; the hit chosen opens its article at the note."""
        from .screens.notes_search import NotesSearchScreen

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                open_location(choice[0], choice[1])

        self.host.push_screen(NotesSearchScreen(user_data_dir(self.host.data_dir)), chosen)

    def load(self, location: str, note_id: str | None = None) -> None:
        """In a worker thread: load a path or URL (fetched, its copy kept; offline, the copy)
        and open it on the UI thread; what cannot be opened is one line, and the window stays
        as it was."""
        from .cli import load_input
        from .source import LoadError

        host = self.host
        host.call_from_thread(host.set_status, f"Opening {one_line(location, 200)}…")
        try:
            source = load_input(location, None, user_data_dir(host.data_dir))
        except LoadError as error:
            host.call_from_thread(host.notify, one_line(str(error), 300), severity="error")
            return
        host.call_from_thread(self.open_article, source, note_id)

    def open_article(self, source: Source, note_id: str | None = None) -> None:
        """Read ``source`` in this window: the article open now keeps its place and closes,
        the library or dialog on top goes, and ``note_id`` (if given) is where the cursor lands
        once the analysis is shown (``arrived``)."""
        from .view import line_paragraphs

        host = self.host
        self.keep_position()
        if host.notebook is not None:
            host.notebook.close()
        while len(host.screen_stack) > 1:
            host.pop_screen()
        host.source = source
        host.article_open = True
        host.new_rooms()
        self.go_to_note = note_id
        host.show_title()
        host.article.show_text(source.text, line_paragraphs(source.text), pending=True)
        host.article.move_cursor(0, announce=False)
        with suppress(Exception):  # before the first frame's work there is no sidebar yet
            host.sidebar.show_pending("Analysing…")
        for warning in source.warnings:
            host.notify(one_line(warning, WARNING_LIMIT), severity="warning", timeout=8)
        host.article.focus()
        host.annotator.open_notes(user_data_dir(host.data_dir), source)
        host.start_analysis()

    def arrived(self, first: bool) -> None:
        """An analysis is shown: on an article's first, place the cursor at the note it was
        opened for, if any; the note is forgotten either way."""
        note_id, self.go_to_note = self.go_to_note, None
        notebook = self.host.notebook
        if first and note_id is not None and notebook is not None:
            self.place_at_note(notebook, note_id)

    def place_at_note(self, notebook: Notebook, note_id: str) -> None:
        placed = next((p for p in notebook.placed if p.note.id == note_id), None)
        if placed is None or placed.span is None:
            self.host.notify(
                "That note's words are no longer in the article (see Notes).", timeout=6
            )
            return
        article = self.host.article
        article.move_cursor(placed.span[0])
        article.scroll_to_offset(article.cursor)
