"""ReaderApp: the mediator between the article pane, the sidebar and the status line.

It composes the widgets, routes their messages and keys to the rooms that decide, and paints
the answers; it owns nothing that can be tested without a screen. The rooms: ``Reading`` (the
selection, the view, the jump list, the outline and its indexes), ``SearchPrompt`` (the ``/``
prompt), ``Annotator`` (the note keys), ``runs`` (analysis generations), ``commands`` (the
palette) and ``gcpolicy``. The analysis runs in a thread: the window shows the article as loaded
at once, then swaps in the cleaned text and the outline.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Iterable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.command import Provider
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from . import __version__, gcpolicy
from .analysis import Analysis, Source
from .annotate import Annotator
from .config import Config
from .config import data_dir as user_data_dir
from .keys import READER_KEYS, help_sections
from .notes.errors import StoreError
from .outline import Item
from .reading import Reading, summary
from .resources import styles_dir
from .runs import Inputs, Runs, Superseded
from .safe_text import GuardedNotifications, one_line
from .screens.main import MainScreen
from .search import find_all, prepare_search
from .searching import SearchPrompt
from .source import load
from .spanindex import SpanIndex
from .themes import use_theme
from .view import ReadingView, line_paragraphs
from .widgets.article import FRAME, ArticleView
from .widgets.keybar import KeyBar
from .widgets.sidebar import Sidebar
from .widgets.status import StatusLine
from .widgets.textual_fixes import guard_option_list_paging

if TYPE_CHECKING:
    from .notebook import Notebook
    from .prepared import Prepared

guard_option_list_paging()  # ctrl+p, pagedown at 4 rows: KeyError in Textual (see the module)
log = logging.getLogger("closeread")
_OVER_THE_LIBRARY = frozenset(
    {"quit", "help", "command_palette", "open_file", "search_notes", "library", "change_theme"}
)
STATUS_LIMIT = 300


def _go_to_provider() -> type[Provider]:
    """The palette's go-to provider, imported when the palette first opens (it needs rapidfuzz)."""
    from .commands import GoToProvider

    return GoToProvider


class ReaderApp(GuardedNotifications, App[int]):
    """Open one article: ``path`` is a file, ``"-"`` for stdin, or None for the bundled sample.
    With ``debug`` (``--debug``), ``failures`` keeps each failure's traceback, which the command
    line prints when the reader closes."""

    CSS_PATH = str(styles_dir() / "closeread.tcss")
    TITLE = "closeread"
    COMMANDS = App.COMMANDS | {_go_to_provider}
    BINDINGS = READER_KEYS

    def __init__(
        self,
        path: str | None = None,
        *,
        source: Source | None = None,
        reference: date | None = None,
        config: Config | None = None,
        data_dir: Path | None = None,
        debug: bool = False,
        library: Path | None = None,
    ) -> None:
        super().__init__()
        # With a ``library`` folder the window opens on its list, with no article yet.
        self.article_open = library is None
        self.library_folder = library
        self.source = source if source is not None else Source("") if library else load(path)
        self.reference = reference
        self.config = config or Config()
        self.data_dir = data_dir
        self.tracebacks = debug
        self.failures: list[str] = []
        self.reading = Reading()
        self.view = ReadingView(self)
        self.prompt = SearchPrompt(self.view, self.find)
        self.annotator = Annotator(self)
        self.runs = Runs()
        self._analysed = asyncio.Event()
        self._library: str | None = None
        self._go_to_note: str | None = None
        self._collector_paused = 0  # analyses started whose end has not been seen

    # -- building the screen -------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Static(self._title_line(), id="title", markup=False)
        with Horizontal(id="panes"):
            yield ArticleView(id="article")
            sidebar = Sidebar(id="sidebar")  # drawn a row at a time: no cost to the first frame
            sidebar.show_pending("Analysing…")
            yield sidebar
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        use_theme(self, self)
        if self.config.keys:
            self.set_keymap(self.config.keys)
        for warning in (*self.config.warnings, *self.source.warnings):
            self.notify(one_line(warning, STATUS_LIMIT), severity="warning", timeout=8)
        text = self.source.text
        self.article.show_text(text, line_paragraphs(text), pending=True)
        self.set_status("Analysing…")
        self.article.focus()
        self.call_after_refresh(self.set_timer, FRAME, self.after_first_frame)
        if not self.article_open:
            self.set_status("No article open: choose one in the library")
            self.action_library(self.library_folder)

    def after_first_frame(self) -> None:
        """What the first frame does not need: the collector, then the notes and the
        analysis."""
        gcpolicy.after_first_screen()
        if self.article_open:
            self.annotator.open_notes(user_data_dir(self.data_dir), self.source)
            self.start_analysis()

    def show_notes_again(self) -> None:
        """The notes store is usable again: show the analysis with its notes."""
        if self.reading.prepared is not None:
            self.show_analysis(self.reading.prepared)

    @property
    def notebook(self) -> Notebook | None:
        return self.annotator.notebook

    async def action_quit(self) -> None:
        """Keep the reading position for next time, then quit."""
        self._keep_position()
        await super().action_quit()

    def on_unmount(self) -> None:
        if self.notebook is not None:
            self.notebook.close()
        for _ in range(self._collector_paused):  # runs cut short by the exit
            gcpolicy.analysed()

    def _title_line(self) -> str:
        name = self.source.title or (self.source.path and self.source.path.rsplit("/", 1)[-1])
        return one_line(f"closeread {__version__} — {name or 'stdin'}", STATUS_LIMIT)

    @property
    def article(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one("#sidebar", Sidebar)

    def set_status(self, text: str) -> None:
        self.query_one("#status", StatusLine).show(one_line(text, STATUS_LIMIT))

    def report_failure(self, what: str, error: BaseException) -> None:
        """Every worker's and the palette's failures end here: logged, one line on screen, and
        the traceback too when debugging."""
        log.error("%s failed", what, exc_info=error)
        line = f"{what} failed: {one_line(f'{type(error).__name__}: {error}', 200)}"
        self.set_status(line)
        if self.tracebacks:
            self.failures.append("".join(traceback.format_exception(error)))
            line += " (the traceback follows when you quit)"
        self.notify(line, severity="error", timeout=8)

    # -- the reader's state, for scripts and tests ---------------------------------------------

    @property
    def analysis(self) -> Analysis | None:
        return self.reading.analysis

    @property
    def selection(self) -> Item | None:
        return self.reading.selection

    @property
    def searching(self) -> bool:
        """Whether a search is being typed at the ``/`` prompt."""
        return self.prompt.query is not None

    def outline_items(self) -> list[Item]:
        return self.reading.outline_items()

    # -- the analysis --------------------------------------------------------------------------

    def start_analysis(self) -> None:
        """Analyse (again) in a worker thread, with the inputs as they are now; a run still
        going is superseded. ``wait_for_analysis`` returns once the newest is shown."""
        corrections = []
        if self.notebook is not None:
            with suppress(StoreError):
                corrections = self.notebook.corrections()
        inputs = Inputs(self.source, self.reference, corrections, self.config.disabled_rules)
        self._analysed.clear()
        gcpolicy.analysing()
        self._collector_paused += 1
        self._analyse(inputs, self.runs.start())

    async def wait_for_analysis(self) -> None:
        """For tests and benchmarks: until the newest analysis is on screen."""
        await self._analysed.wait()
        await self.workers.wait_for_complete()

    # A description, or Textual would repr the arguments (the article, megabytes of it).
    @work(thread=True, exit_on_error=False, group="analysis", description="analysis")
    def _analyse(self, inputs: Inputs, generation: int) -> None:
        from .runs import run

        def say(text: str) -> None:
            self.call_from_thread(self._progress, generation, text)

        try:
            prepared = run(inputs, generation, self.runs, say)
            self.call_from_thread(self._land, generation, prepared)
        except Superseded:
            return  # a newer run is on its way
        except Exception as error:
            self.call_from_thread(self._failed, generation, error)
            return
        prepare_search(prepared.analysis.text)

    def _progress(self, generation: int, text: str) -> None:
        if generation == self.runs.generation:
            self.set_status(text)

    def _land(self, generation: int, prepared: Prepared) -> None:
        if generation == self.runs.generation:  # a newer run may have started meanwhile
            self.show_analysis(prepared)
            gcpolicy.first_analysis_shown()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self.runs.generation:
            log.warning("a superseded analysis failed", exc_info=error)
            return
        self._analysed.set()
        self.article.pending = False
        self.article.refresh()
        self.report_failure("The analysis", error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An analysis that ends lifts its pause of the collector; any other worker's failure
        (the search's) is reported."""
        worker = event.worker
        done = (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)
        if worker.group == "analysis" and event.state in done:  # the event's, not the worker's
            gcpolicy.analysed()
            self._collector_paused -= 1
        if event.state == WorkerState.ERROR and worker.error is not None:
            self.report_failure(f"The {worker.group}", worker.error)

    def show_analysis(self, prepared: Prepared) -> None:
        """Swap in the cleaned text, the notes and the outline, keeping the reader's place."""
        self._analysed.set()
        first = self.analysis is None
        analysis = prepared.analysis
        keep = self.article.cursor
        self.annotator.attach(analysis, first)
        notebook = self.notebook
        self.reading.load(
            prepared,
            notebook.shown() if notebook else [],
            notebook.dismissed() if notebook else {},
        )
        self.article.show_text(analysis.text, analysis.paragraphs)
        self.sidebar.show_outline(self.reading.sections)
        self.view.paint_marks()
        position = notebook.position() if first and notebook is not None else None
        place = position if position is not None else None if first else keep
        if place is not None:
            self.article.move_cursor(min(place, len(analysis.text)), announce=False)
            self.article.scroll_to_offset(self.article.cursor)
        notes, changed = (len(notebook.shown()), len(notebook.changed())) if notebook else (0, 0)
        self.set_status(summary(analysis, notes, changed, back=bool(position)))
        if first and self._go_to_note is not None and notebook is not None:
            self._place_at_note(notebook, self._go_to_note)
        self._go_to_note = None

    # -- other articles: the library, recent articles, open file, notes search -----------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Over the library, the reader's own keys rest (they would act on the article hidden
        behind it); quitting, help, the palette and the open commands still work."""
        from .screens.library import LibraryScreen

        return not (isinstance(self.screen, LibraryScreen) and action not in _OVER_THE_LIBRARY)

    def action_library(self, folder: Path | None = None) -> None:
        """Show the library of ``folder`` (kept as it was left), or the recent articles."""
        from .screens.library import LibraryScreen

        self._keep_position()
        name = f"library:{folder.resolve()}" if folder is not None else "library:recent"
        if name == "library:recent" and self.is_screen_installed(name):
            self.uninstall_screen(name)  # the recent list is made afresh each time
        if not self.is_screen_installed(name):
            self.install_screen(
                LibraryScreen(folder, user_data_dir(self.data_dir), self.config), name
            )
        self._library = name
        self.push_screen(name)

    def action_back_to_library(self) -> None:
        """``backspace``: back to the library this article came from (else the recent list)."""
        if self._library is not None and self.is_screen_installed(self._library):
            self._keep_position()
            self.push_screen(self._library)
        else:
            self.action_library(None)

    def action_open_file(self) -> None:
        """Browse for a file (or type a path or URL) and open it."""
        from .screens.open_file import OpenFileScreen

        start = self.library_folder or Path.cwd()
        if self.source.path and not self.source.path.startswith(("http://", "https://")):
            start = Path(self.source.path).parent
        self.push_screen(OpenFileScreen(start), self._chosen_file)

    def _chosen_file(self, location: str | None) -> None:
        if location:
            self.open_location(location)

    def action_search_notes(self) -> None:
        """Search the notes of every article; the hit chosen opens its article at the note."""
        from .screens.notes_search import NotesSearchScreen

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                self.open_location(choice[0], choice[1])

        self.push_screen(NotesSearchScreen(user_data_dir(self.data_dir)), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def open_location(self, location: str, note_id: str | None = None) -> None:
        """Load a path or URL (fetched, its copy kept; offline, the copy) and show it; what
        cannot be opened is one line, and the window stays as it was."""
        from .cli import load_input
        from .source import LoadError

        self.call_from_thread(self.set_status, f"Opening {one_line(location, 200)}…")
        try:
            source = load_input(location, None, user_data_dir(self.data_dir))
        except LoadError as error:
            self.call_from_thread(self.notify, one_line(str(error), 300), severity="error")
            return
        self.call_from_thread(self.open_article, source, note_id)

    def open_article(self, source: Source, note_id: str | None = None) -> None:
        """Read ``source`` in this window: the article open now keeps its place and closes,
        the library or dialog on top goes, and ``note_id`` (if given) is where the cursor lands."""
        self._keep_position()
        if self.notebook is not None:
            self.notebook.close()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.source = source
        self.article_open = True
        self.reading = Reading()
        self.view = ReadingView(self)
        self.prompt = SearchPrompt(self.view, self.find)
        self.annotator = Annotator(self)
        self._go_to_note = note_id
        self.query_one("#title", Static).update(self._title_line())
        self.article.show_text(source.text, line_paragraphs(source.text), pending=True)
        self.article.move_cursor(0, announce=False)
        with suppress(Exception):  # before the first frame's work there is no sidebar yet
            self.sidebar.show_pending("Analysing…")
        for warning in source.warnings:
            self.notify(one_line(warning, STATUS_LIMIT), severity="warning", timeout=8)
        self.article.focus()
        self.annotator.open_notes(user_data_dir(self.data_dir), source)
        self.start_analysis()

    def _keep_position(self) -> None:
        notebook, reading = self.notebook, self.reading
        if notebook is not None and reading.analysis is not None and not reading.showing_original:
            with suppress(StoreError):
                notebook.save_position(self.article.cursor)

    def _place_at_note(self, notebook: Notebook, note_id: str) -> None:
        placed = next((p for p in notebook.placed if p.note.id == note_id), None)
        if placed is None or placed.span is None:
            self.notify("That note's words are no longer in the article (see Notes).", timeout=6)
            return
        self.article.move_cursor(placed.span[0])
        self.article.scroll_to_offset(self.article.cursor)

    def refresh_notes(self, changed: tuple[str, ...] | None = None, *, every: bool = False) -> None:
        """After a note change (``changed``: the Notes and Flags sections, else all): the
        outline (``every`` section shown again, after a filter), the keys' indexes, the marks."""
        if self.reading.prepared is None:
            return
        notebook = self.notebook
        self.reading.rebuild(
            changed,
            notebook.shown() if notebook else [],
            notebook.dismissed() if notebook else {},
        )
        self._show_sections(None if every else changed)
        if not self.reading.showing_original:
            self.view.paint_marks()

    def _show_sections(self, names: tuple[str, ...] | None) -> None:
        """The named sections replaced in place in the sidebar, or all of them."""
        if names is None:
            self.sidebar.show_outline(self.reading.sections)
            return
        for index, section in enumerate(self.reading.sections):
            if section.title in names:
                self.sidebar.replace_section(index, section)

    # -- selection -----------------------------------------------------------------------------

    def on_sidebar_chosen(self, message: Sidebar.Chosen) -> None:
        self.view.go_to(message.item)

    def go_to(self, item: Item) -> None:
        """Jump to ``item`` (from the palette or a bookmark), remembering the way back."""
        self.view.go_to(item)

    def action_clear_selection(self) -> None:
        if self.annotator.visual_anchor is not None:
            self.annotator.visual()  # escape first ends a selection in progress
        else:
            self.view.clear_selection()

    def action_toggle_original(self) -> None:
        self.view.toggle_original()

    def action_next_link(self, step: int) -> None:
        self.view.next_link(step)

    def action_next_flag(self, step: int) -> None:
        self.view.next_flag(step)

    def action_jump_back(self) -> None:
        self.view.jump_back()

    def action_jump_forward(self) -> None:
        self.view.jump_forward()

    def action_copy(self) -> None:
        """``y`` and ``ctrl+c``: the ``v`` selection, else the mouse's, else what
        ``ReadingView.copy`` finds. In a dialog ``ctrl+c`` is left to the dialog's own."""
        from textual.actions import SkipAction

        if self.screen is not self.screen_stack[0]:
            raise SkipAction()
        self.view.copy(self.annotator.take_selection(self.screen.get_selected_text()))

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        if self.analysis is None:
            return
        if self.annotator.visual_anchor is not None:
            self.annotator.update_visual()
            return
        notices = self.annotator.notices_at(message.offset)
        self.view.landed(message.offset, notices, quiet=self.searching)

    # -- search --------------------------------------------------------------------------------

    def action_search(self) -> None:
        """``/``: type a search in the status line, as in less (see ``SearchPrompt``)."""
        self.prompt.start()

    async def on_event(self, event: events.Event) -> None:
        if (
            self.prompt.query is not None
            and isinstance(event, events.Key | events.Paste)
            and not event.is_forwarded
            and self.prompt.key(event)
        ):
            return
        await super().on_event(event)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search", description="search")
    def find(self, text: str, query: str, limit: int) -> None:
        """Find and index the hits here (at 5 MB a letter has 100,000 of them), in the text
        the key was typed on."""
        hits = find_all(text, query, limit)
        self.call_from_thread(self.prompt.found, query, hits, SpanIndex.apart(hits))

    # -- copy, filters, date, help, palette ----------------------------------------------------

    def action_filters(self) -> None:
        if self.analysis is None:
            return
        from .screens.filters import FilterScreen

        reading = self.reading

        def apply(hidden: frozenset[str] | None) -> None:
            if hidden is not None and hidden != reading.hidden_groups:
                reading.hidden_groups = hidden
                self.refresh_notes(("Notes",), every=True)  # tags filter notes as they are built

        tags = self.notebook.tags() if self.notebook is not None else []
        self.push_screen(FilterScreen(reading.hidden_groups, [f"#{t}" for t in tags]), apply)

    def action_set_date(self) -> None:
        """Choose the day relative dates resolve against, and analyse again with it."""
        from .screens.date import DateScreen

        ref = self.analysis.reference_date if self.analysis else None
        found = f"{ref.date.isoformat()} from the {ref.kind}" if ref else "none found"

        def apply(choice: date | bool | None) -> None:
            if choice is False or choice == self.reference:
                return
            self.reference = choice if isinstance(choice, date) else None
            self.set_status("Analysing again with the new reference date…")
            self.start_analysis()

        self.push_screen(DateScreen(self.reference, found), apply)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen(help_sections()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .commands import reader_commands

        yield from super().get_system_commands(screen)
        yield from reader_commands(self.annotator, self.run_action, self.BINDINGS)

    # -- the annotation keys (see ``Annotator``) -----------------------------------------------

    def sidebar_item(self) -> Item | None:
        """The item under the sidebar's cursor, if any."""
        return self.sidebar.cursor_item

    def action_annotate(self, key: str) -> None:
        self.annotator.run(key)

    def action_edit_note(self) -> None:
        self.annotator.edit_note()

    def action_delete_note(self) -> None:
        self.annotator.delete_note()
