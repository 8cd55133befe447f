"""ReaderApp: the mediator between the article pane, the sidebar and the status line.

It composes the widgets, routes their messages and keys to the rooms that decide, and paints
the answers; it owns nothing that can be tested without a screen. The rooms: ``Reading`` (the
selection, the view, the jump list, the outline and its indexes), ``SearchPrompt`` (the ``/``
prompt), ``Annotator`` (the note keys), ``Switcher`` (other articles: the library, Open file…,
Search all notes…), ``runs`` (analysis generations), ``commands`` (the palette) and
``gcpolicy``. The analysis runs in a thread: the window shows the article as loaded
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
from textual.containers import Horizontal, Vertical
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
from .panes import Layout, load_panes
from .reading import Reading
from .resources import styles_dir
from .runs import Inputs, Runs, Superseded, warm_up
from .safe_text import GuardedNotifications, one_line
from .screens.main import MainScreen
from .search import find_all, prepare_search
from .searching import SearchPrompt
from .source import load
from .spanindex import SpanIndex
from .switching import Switcher
from .themes import use_theme
from .view import ReadingView, line_paragraphs
from .widgets.article import FRAME, ArticleView
from .widgets.keybar import KeyBar
from .widgets.sidebar import Sidebar
from .widgets.status import StatusLine
from .widgets.textual_fixes import apply_textual_fixes

if TYPE_CHECKING:
    from .early import EarlyAnalysis
    from .notebook import Notebook
    from .prepared import Prepared
    from .widgets.details import DetailPane

apply_textual_fixes()  # Textual crashes on tiny screens (see the module)
log = logging.getLogger("closeread")
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
        early: EarlyAnalysis | None = None,
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
        self.new_rooms()
        self.switcher = Switcher(self)
        self.runs = Runs()
        self._analysed = asyncio.Event()
        self._collector_paused = 0  # analyses started whose end has not been seen
        self._started = False  # after_first_frame has run
        self.early = early  # the first analysis, made in a child process (tui.early)
        self.panes = load_panes()
        self.panes_layout = Layout(self)

    # -- building the screen -------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Static(self._title_line(), id="title", markup=False)
        with Horizontal(id="panes"):
            yield ArticleView(id="article")
            with Vertical(id="side"):
                sidebar = Sidebar(id="sidebar")  # drawn a row at a time: costs no first frame
                sidebar.show_pending("Analysing…")
                yield sidebar  # the detail pane joins it on first use (panes.Layout)
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
        self.call_after_refresh(self.set_timer, FRAME, self.after_first_frame)  # if no Ready
        if not self.article_open:
            self.set_status("No article open: choose one in the library")
            self.action_library(self.library_folder)

    def on_ready(self) -> None:
        """The first frame is out: the analysis's imports start in a thread of their own
        (``runs.warm_up``), and the notes open meanwhile."""
        if self.article_open and self.early is None:
            warm_up()
        self.after_first_frame()

    def after_first_frame(self) -> None:
        """What the first frame does not need: the collector, then the notes and the
        analysis. Once, on Ready or else a frame after the first refresh."""
        if self._started:
            return
        self._started = True
        gcpolicy.after_first_screen()
        self.panes_layout.lay_out()
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
        self.switcher.keep_position()
        await super().action_quit()

    def on_unmount(self) -> None:
        if self.early is not None:  # quit before the first analysis was taken
            self.early.close()
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

    @property
    def side(self) -> Vertical:
        """The sidebar's column: the sidebar, and the detail pane under it."""
        return self.query_one("#side", Vertical)

    @property
    def details(self) -> DetailPane | None:
        found = self.query("#details")
        return found.first() if found else None  # type: ignore[return-value]

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

        early, self.early = self.early, None
        try:
            prepared = early.take(inputs) if early is not None else None
            if prepared is None:
                prepared = run(inputs, generation, self.runs, say)
            self.runs.check(generation)
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
        self.annotator.attach(prepared.analysis, first)
        self.view.show_analysis(prepared, first)
        self.switcher.arrived(first)

    # -- other articles: the library, recent articles, open file, notes search (``Switcher``) ---

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Over the library the reader's own keys rest (``Switcher.allows``)."""
        return self.switcher.allows(action)

    def action_library(self, folder: Path | None = None) -> None:
        self.switcher.show_library(folder)

    def action_back_to_library(self) -> None:
        self.switcher.back_to_library()

    def action_open_file(self) -> None:
        self.switcher.open_file(self.open_location)

    def action_search_notes(self) -> None:
        self.switcher.search_notes(self.open_location)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def open_location(self, location: str, note_id: str | None = None) -> None:
        """Load a path or URL in a worker and open it in this window (``Switcher.load``)."""
        self.switcher.load(location, note_id)

    def new_rooms(self) -> None:
        """The rooms that hold one article's reading state, made afresh for each article."""
        self.reading = Reading()
        self.view = ReadingView(self)
        self.prompt = SearchPrompt(self.view, self.find)
        self.annotator = Annotator(self)

    def show_title(self) -> None:
        self.query_one("#title", Static).update(self._title_line())

    def refresh_notes(self, changed: tuple[str, ...] | None = None, *, every: bool = False) -> None:
        """After a note change: see ``ReadingView.refresh_notes``."""
        self.view.refresh_notes(changed, every=every)

    # -- the panes: the sidebar's width, hidden, or under the article; the details (``Layout``) -

    def on_resize(self) -> None:
        self.panes_layout.lay_out()

    def action_toggle_sidebar(self) -> None:
        self.panes_layout.toggle_sidebar()

    def action_widen_sidebar(self, step: int) -> None:
        self.panes_layout.widen(step)

    def action_details(self) -> None:
        self.panes_layout.open_details()

    def action_close_details(self) -> None:
        self.panes_layout.close_details()

    def selection_changed(self) -> None:
        self.panes_layout.follow()

    def on_sidebar_chosen(self, message: Sidebar.Chosen) -> None:
        """Enter on a row jumps to it; enter again on the row just chosen opens its details."""
        selection = self.reading.selection
        if selection is not None and selection.key == message.item.key:
            self.panes_layout.open_details()
        else:
            self.view.go_to(message.item)

    # -- selection -----------------------------------------------------------------------------

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
        self.view.choose_filters()

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

        self.push_screen(HelpScreen(help_sections(self._keymap)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from .commands import reader_commands

        yield from super().get_system_commands(screen)
        yield from reader_commands(self.annotator.note_actions, self.run_action, self.BINDINGS)

    # -- the annotation keys (see ``Annotator``) -----------------------------------------------

    def sidebar_item(self) -> Item | None:
        """The item under the sidebar's cursor, if any."""
        return self.sidebar.cursor_item

    def sidebar_has_focus(self) -> bool:
        """Whether keys go to the sidebar (its row, not the selection, is what they act on)."""
        return self.sidebar.has_focus

    def action_annotate(self, key: str) -> None:
        self.annotator.run(key)

    def action_edit_note(self) -> None:
        self.annotator.note_actions.edit_note()

    def action_delete_note(self) -> None:
        self.annotator.note_actions.delete_note()
