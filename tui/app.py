"""ReaderApp: the mediator between the article pane, the sidebar, the search line and the status.

The app owns the one selection (an item and which of its spans is current), the cursor's meaning
and the jump list, and tells the panes what to show; the panes never talk to each other. The
analysis runs in a thread: the window shows the article as loaded at once, then swaps in the
cleaned text and the outline.
"""

from __future__ import annotations

import asyncio
import gc
import re
import time
from bisect import bisect_left
from collections.abc import Iterable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from . import __version__
from .analysis import Analysis, Source
from .analysis.model import Span
from .annotate import ANNOTATION_BINDINGS, AnnotationActions
from .config import Config
from .config import data_dir as user_data_dir
from .jumps import JumpList, Place
from .notes.errors import StoreCorrupt, StoreError
from .outline import SECTION_ORDER, Item, Section, section
from .prepared import Prepared, prepare
from .resources import styles_dir
from .safe_text import GuardedNotifications, one_line
from .screens.main import MainScreen
from .search import edited, find_all, prepare_search
from .source import load
from .spanindex import SpanIndex
from .widgets.article import FRAME, ArticleView
from .widgets.keybar import KeyBar
from .widgets.sidebar import Sidebar
from .widgets.status import StatusLine

if TYPE_CHECKING:
    from .notebook import Notebook
    from .notes.model import Note

STATUS_LIMIT = 300
PROGRESS_AFTER, PROGRESS_EVERY = 0.3, 0.1
"""Seconds: the analysis says which stage it is in once it has run this long, then as often."""
TYPING_HITS = 10_000
"""Hits found while a search is typed: a first letter has 100,000 in a book-length text, and
finding them all at each key would lag the typing. Enter finds them all."""
_TEXT_LINE = re.compile(r"[^\n]*[^\s][^\n]*")
_FLAG_MARK = {"error": "✖", "warning": "▲", "info": "●"}


def _go_to_provider() -> type[Provider]:
    """The palette's go-to provider, imported when the palette first opens (it needs rapidfuzz)."""
    from .commands import GoToProvider

    return GoToProvider


class ReaderApp(GuardedNotifications, AnnotationActions, App[int]):
    """Open one article: ``path`` is a file, ``"-"`` for stdin, or None for the bundled sample."""

    CSS_PATH = str(styles_dir() / "closeread.tcss")
    TITLE = "closeread"
    COMMANDS = App.COMMANDS | {_go_to_provider}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="focus_next"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous pane", show=False, id="focus_previous"
        ),
        Binding("n", "next_link(1)", "Next", id="next_link"),
        Binding("N", "next_link(-1)", "Previous", show=False, key_display="N", id="previous_link"),
        Binding(
            "right_square_bracket", "next_flag(1)", "Next flag", key_display="]", id="next_flag"
        ),
        Binding(
            "left_square_bracket",
            "next_flag(-1)",
            "Previous flag",
            show=False,
            key_display="[",
            id="previous_flag",
        ),
        Binding("ctrl+o", "jump_back", "Back", show=False, id="jump_back"),
        Binding("ctrl+n", "jump_forward", "Forward", show=False, id="jump_forward"),
        Binding("slash", "search", "Search", key_display="/", id="search"),
        Binding("escape", "clear_selection", "Clear selection", show=False, id="clear"),
        Binding("o", "toggle_original", "Original", id="toggle_original"),
        Binding("y", "copy", "Copy", show=False, id="copy"),
        Binding("f", "filters", "Filter sidebar", show=False, id="filters"),
        Binding("D", "set_date", "Reference date", show=False, key_display="D", id="set_date"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="palette"),
        *ANNOTATION_BINDINGS,
    ]

    def __init__(
        self,
        path: str | None = None,
        *,
        source: Source | None = None,
        reference: date | None = None,
        config: Config | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.notebook: Notebook | None = None
        self.notes_problem: str | None = None
        self.visual_anchor: int | None = None
        self._analysed = asyncio.Event()
        self.source = source if source is not None else load(path)
        self.reference = reference
        self.config = config or Config()
        self.analysis: Analysis | None = None
        self._prepared: Prepared | None = None
        self.sections: tuple[Section, ...] = ()
        self._full: dict[str, Section] = {}
        self._flag_dismissals: dict[str, Note] = {}
        self.hidden_groups: frozenset[str] = frozenset()
        self.selection: Item | None = None
        self.position = 0
        self.showing_original = False
        self.jumps: JumpList[Item] = JumpList()
        self._mentions: SpanIndex[Item] = SpanIndex()
        self._flags: SpanIndex[Item] = SpanIndex()
        self._flag_list: list[Item] = []
        self._flag_rank: dict[str, int] = {}
        self._flag_starts: list[int] = []
        self._edits: SpanIndex[Item] = SpanIndex()
        self._before_search: tuple[Item | None, int] = (None, 0)
        self._query: str | None = None

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
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self.notify(
                    f"Unknown theme '{self.config.theme}'; using the default.", severity="warning"
                )
        if self.config.keys:
            self.set_keymap(self.config.keys)
        for warning in (*self.config.warnings, *self.source.warnings):
            self.notify(one_line(warning, STATUS_LIMIT), severity="warning", timeout=8)
        text = self.source.text
        self.article.show_text(text, _line_paragraphs(text), pending=True)
        self.set_status("Analysing…")
        self.article.focus()
        self.call_after_refresh(self.set_timer, FRAME, self.after_first_frame)

    def after_first_frame(self) -> None:
        """What the first frame does not need: the collector (the start-up's objects live as
        long as the app, so they are frozen out of its passes), then the notes and the
        analysis."""
        gc.freeze()
        gc.enable()
        self._open_notes()

    def _open_notes(self) -> None:
        """Open the notes store, then analyse with the reader's saved entity corrections; a
        store that cannot be used is reported, and the article opens without notes."""
        from .notebook import Notebook  # the store and anchoring load after the first frame

        try:
            self.notebook = Notebook.open(user_data_dir(self.data_dir), self.source)
        except StoreCorrupt as error:
            from .screens.prompts import ConfirmScreen

            self._notes_failed(error)
            self.push_screen(
                ConfirmScreen(
                    f"{error} Move it aside (kept under a new name) and start a new notes database?"
                ),
                self._move_store_aside,
            )
        except StoreError as error:
            self._notes_failed(error)
        self.start_analysis()

    def _notes_failed(self, error: StoreError) -> None:
        self.notebook = None
        self.notes_problem = f"Notes are off: {one_line(str(error), 200)}"
        self.notify(self.notes_problem, severity="error", timeout=10)

    def _move_store_aside(self, yes: bool | None) -> None:
        if not yes:
            return
        from .notebook import Notebook
        from .notes.store import move_aside

        try:
            kept = move_aside(user_data_dir(self.data_dir))
            self.notebook = Notebook.open(user_data_dir(self.data_dir), self.source)
        except (OSError, StoreError) as error:
            self.notify(f"Could not: {one_line(str(error), 200)}", severity="error")
            return
        self.notes_problem = None
        self.notify(f"The damaged database is kept as {kept}; notes are on again.", timeout=8)
        if self._prepared is not None:
            self.show_analysis(self._prepared)

    async def action_quit(self) -> None:
        """Keep the reading position for next time, then quit."""
        if self.notebook is not None and self.analysis is not None and not self.showing_original:
            with suppress(StoreError):
                self.notebook.save_position(self.article.cursor)
        await super().action_quit()

    def on_unmount(self) -> None:
        if self.notebook is not None:
            self.notebook.close()

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

    # -- the analysis --------------------------------------------------------------------------

    def start_analysis(self) -> None:
        """Analyse (again) in a worker thread; ``wait_for_analysis`` returns once it is shown."""
        self._analysed.clear()
        self._analyse()

    async def wait_for_analysis(self) -> None:
        """For tests and benchmarks: until the newest analysis is on screen."""
        await self._analysed.wait()
        await self.workers.wait_for_complete()

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def _analyse(self) -> Analysis:
        from .analysis.pipeline import analyze  # here, off the first frame's path

        quiet_until = [time.monotonic() + PROGRESS_AFTER]

        def progress(stage: str, fraction: float) -> None:
            """Stage by stage, once the analysis has taken long enough to want telling; each
            report is a frame to draw, and the UI thread's time is the analysis's too."""
            if time.monotonic() >= quiet_until[0]:
                quiet_until[0] = time.monotonic() + PROGRESS_EVERY
                self.call_from_thread(self.set_status, f"Analysing: {stage} ({fraction:.0%})")

        corrections = []
        if self.notebook is not None:
            with suppress(StoreError):
                corrections = self.notebook.corrections()
        analysis = analyze(
            self.source,
            reference=self.reference,
            corrections=corrections,
            disabled_rules=self.config.disabled_rules,
            progress=progress,
        )
        # The analysis lives as long as the window: no collection should walk its millions of
        # small objects again (each would hold the GIL, and so the UI, for a fraction of a second).
        gc.freeze()
        prepared = prepare(analysis)
        self.call_from_thread(self.show_analysis, prepared)
        prepare_search(analysis.text)
        return analysis

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        if event.worker.group == "analysis":
            self._analysed.set()
            self.set_status(f"The analysis failed: {one_line(repr(event.worker.error), 200)}")
            self.article.pending = False
            self.article.refresh()

    def show_analysis(self, prepared: Prepared) -> None:
        """Swap in the cleaned text, the notes and the outline, keeping the reader's place."""
        self._analysed.set()
        first = self.analysis is None
        self._prepared = prepared
        self.analysis = analysis = prepared.analysis
        keep = self.article.cursor
        if self.notebook is not None:
            try:
                self.notebook.attach(analysis.text, analysis.offsets)
            except StoreError as error:
                self._notes_failed(error)
        self.showing_original = False
        self.article.show_text(analysis.text, analysis.paragraphs)
        self.refresh_notes()  # paints the marks too
        position = self.notebook.position() if first and self.notebook is not None else None
        if position is not None:
            self.article.move_cursor(min(position, len(analysis.text)), announce=False)
            self.article.scroll_to_offset(self.article.cursor)
        elif not first:
            self.article.move_cursor(min(keep, len(analysis.text)), announce=False)
            self.article.scroll_to_offset(self.article.cursor)
        self.selection = None
        flags = len(analysis.flags)
        notes = len(self.notebook.shown()) if self.notebook is not None else 0
        changed = len(self.notebook.changed()) if self.notebook is not None else 0
        self.set_status(
            f"{len(analysis.text.split()):,} words · {len(analysis.entities)} entities · "
            f"{len(analysis.figures)} figures · {flags} flag{'s' * (flags != 1)}"
            + (f" · {notes} note{'s' * (notes != 1)}" if notes else "")
            + (f" · ≠ {changed} quote{'s' * (changed != 1)} changed (see Notes)" if changed else "")
            + ("" if analysis.text.strip() else " · this article is empty")
            + (" · back where you left off" if position else "")
        )

    def refresh_notes(self, changed: tuple[str, ...] | None = None) -> None:
        """After the analysis (every section) or a note change (``changed``: the Notes and
        Flags sections): the outline, the indexes the keys use, and the article's marks."""
        analysis = self.analysis
        if analysis is None:
            return
        self._compute_sections(changed)
        self._show_sections(changed)
        if not self.showing_original:
            self._paint_notes()
        if changed is not None and "Flags" not in changed:
            return
        every = self._all_items()
        if changed is None:
            assert self._prepared is not None
            self._mentions, self._edits = self._prepared.mentions, self._prepared.edits
        dismissed = self._flag_dismissals = self._dismissed()
        flag_items = [item for item in every if item.kind == "flag"]
        self._flags = SpanIndex((span, item) for item in flag_items for span in item.spans)
        self._flag_list = sorted(
            (item for item in flag_items if item.spans and item.key not in dismissed),
            key=lambda item: (item.spans[0][0], item.key),
        )
        self._flag_rank = {item.key: rank for rank, item in enumerate(self._flag_list)}
        self._flag_starts = [item.spans[0][0] for item in self._flag_list]
        if not self.showing_original:
            self._paint_flag_marks()
        gc.freeze()  # the outline and indexes just built live on: keep the collector off them

    def _compute_sections(self, names: tuple[str, ...] | None = None) -> None:
        """Build the named sections (all when None) from the analysis and the notes; those
        that depend on the analysis alone were prepared with it."""
        prepared = self._prepared
        assert prepared is not None
        notes = self.notebook.shown() if self.notebook is not None else ()
        dismissed = self._dismissed()
        for name in names or SECTION_ORDER:
            self._full[name] = (
                prepared.sections[name]
                if name in prepared.sections
                else section(name, prepared.analysis, self.hidden_groups, notes, dismissed)
            )

    def _show_sections(self, names: tuple[str, ...] | None = None) -> None:
        """Filter the sections and show them: the named ones replaced in place, or all."""
        self.sections = tuple(self._full[n].without(self.hidden_groups) for n in SECTION_ORDER)
        if names is None:
            self.sidebar.show_outline(self.sections)
            return
        for name in names:
            index = SECTION_ORDER.index(name)
            self.sidebar.replace_section(index, self.sections[index])

    def _paint_marks(self) -> None:
        self._paint_flag_marks()
        self._paint_notes()

    def _paint_flag_marks(self) -> None:
        """Flag marks by severity, less the dismissed flags."""
        analysis = self.analysis
        assert analysis is not None
        dismissed = self._dismissed()
        for severity in ("error", "warning", "info"):
            self.article.paint(
                f"mark-{severity}",
                [
                    span
                    for f in analysis.flags
                    if f.severity == severity and f.id not in dismissed
                    for span in f.spans
                ],
            )

    def _paint_notes(self) -> None:
        """Highlights by colour, and notes."""
        from .notes.model import COLOURS  # the notes model loads after the first frame

        placed = self.notebook.placed if self.notebook is not None else []
        for colour in COLOURS:
            self.article.paint(
                f"hl-{colour}",
                [
                    p.span
                    for p in placed
                    if p.span is not None and p.note.kind == "highlight" and p.note.colour == colour
                ],
            )
        self.article.paint(
            "note", [p.span for p in placed if p.span is not None and p.note.kind == "note"]
        )
        self.article.paint("changed", [p.span for p in placed if p.span and p.changed])

    def _dismissed(self) -> dict[str, Note]:
        return self.notebook.dismissed() if self.notebook is not None else {}

    def _all_items(self) -> list[Item]:
        """Every item of every section, filters aside (for the keys' lookups)."""
        return [
            item
            for name in SECTION_ORDER
            if name in self._full
            for g in self._full[name].groups
            for item in g.items
        ]

    def outline_items(self) -> list[Item]:
        """Every item the sidebar lists now, in its order (for the palette and lookups)."""
        return [item for s in self.sections for g in s.groups for item in g.items]

    def _show_cleaned(self) -> None:
        analysis = self.analysis
        assert analysis is not None
        self.showing_original = False
        self.article.show_text(analysis.text, analysis.paragraphs)
        self._paint_marks()

    def _show_original(self) -> None:
        analysis = self.analysis
        assert analysis is not None
        self.showing_original = True
        text = analysis.source.text
        self.article.show_text(text, _line_paragraphs(text))
        self.article.paint(
            "removed", [e.original for e in analysis.edits if e.kind != "whitespace"]
        )

    def action_toggle_original(self) -> None:
        """Switch between the cleaned article and the source as loaded, keeping the place."""
        analysis = self.analysis
        if analysis is None or analysis.offsets is None:
            self.notify("The analysis is still running.", timeout=3)
            return
        cursor = self.article.cursor
        if self.selection is not None and self.selection.kind == "search":
            self.action_clear_selection()  # hits were found in the other text
        if self.showing_original:
            self._show_cleaned()
            self.article.move_cursor(analysis.offsets.to_clean(cursor), announce=False)
        else:
            self._show_original()
            self.article.move_cursor(analysis.offsets.to_original(cursor), announce=False)
        self.article.scroll_to_offset(self.article.cursor)
        if self.selection is not None:
            self.select(self.selection, self.position, scroll=False, switch=False)
        else:
            self.set_status(
                "Original: removed text is struck through; o returns to the cleaned article"
                if self.showing_original
                else "Cleaned article"
            )

    # -- selection -----------------------------------------------------------------------------

    def on_sidebar_chosen(self, message: Sidebar.Chosen) -> None:
        self.go_to(message.item)

    def go_to(self, item: Item) -> None:
        """Jump to ``item``'s first span (from the sidebar or the palette), remembering the way
        back."""
        self.jumps.record(self._here())
        self.select(item, open_group=True)

    def select(
        self,
        item: Item,
        position: int = 0,
        *,
        scroll: bool = True,
        switch: bool = True,
        open_group: bool = False,
    ) -> None:
        """Make ``item`` the selection: paint its spans, show span ``position``, say so.

        An edit exists only in the original, so selecting one shows the original (``switch``).
        The sidebar shows the item's row if its group is open; a jump from the sidebar or the
        palette (``open_group``) opens a large closed group to show it."""
        if switch and item.kind == "edit" and not self.showing_original:
            self._show_original()
        self.selection = item
        self.position = position
        self.article.paint("linked", self._visible_spans(item))
        self.sidebar.reveal(item, open_group=open_group)
        self._show_position(scroll)

    def _visible_spans(self, item: Item) -> tuple[Span, ...]:
        """The item's spans in the text on screen: the cleaned article or the original."""
        if not self.showing_original:
            return item.spans
        if item.original:
            return item.original
        offsets = self.analysis.offsets if self.analysis else None
        if offsets is None:
            return ()
        return tuple(offsets.original_span(span) for span in item.spans)

    def _show_position(self, scroll: bool = True) -> None:
        item = self.selection
        if item is None:
            return
        spans = self._visible_spans(item)
        where = " (original)" if self.showing_original else ""
        if not spans:
            self.article.paint("current", ())
            self.set_status(f"{item.status} · not in this view{where}")
            return
        self.position = min(self.position, len(spans) - 1)
        span = spans[self.position]
        self.article.paint("current", [span])
        if scroll:
            self.article.move_cursor(span[0], announce=False)
            self.article.scroll_to_offset(span[0])
        label = f"/{item.label}" if item.kind == "search" else item.status
        self.set_status(f"{label} {self.position + 1}/{len(spans)}{where}")

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        """The cursor landed somewhere: a mention selects its entity, a flag says its message,
        and in the original, removed text says why it was removed."""
        if self.analysis is None:
            return
        if self.visual_anchor is not None:
            self.update_visual()
            return
        offset = message.offset
        if self.showing_original:
            removed = self._edits.at(offset)
            if removed:
                self.set_status(f"removed here, {removed[0][1].status}")
            return
        notes = [
            f"{_FLAG_MARK.get(item.severity or '', '●')} {item.status}"
            for _, item in self._flags.at(offset)
        ]
        if self.notebook is not None:
            notes += [
                f"≠ {p.note.kind} changed: quoted “{one_line(p.note.anchor.exact, 60)}”, now "
                f"“{one_line(p.now or '', 60)}” (A accepts)"
                for p in self.notebook.changed()
                if p.span and p.note.anchor and p.span[0] <= offset < p.span[1]
            ]
        mentions = self._mentions.at(offset)
        if mentions:
            span, item = mentions[0]
            if self.selection != item or item.spans[self.position] != span:
                self.selection = item
                self.position = item.spans.index(span)
                self.article.paint("linked", item.spans)
                self.article.paint("current", [span])
                self.sidebar.reveal(item, open_group=False)
        if self.selection is not None and (mentions or notes):
            spans = self._visible_spans(self.selection)
            status = (
                f"{self.selection.status} {self.position + 1}/{len(spans)}"
                if spans
                else self.selection.status
            )
            self.set_status(" · ".join([status, *notes]) if mentions else " · ".join(notes))
        elif notes:
            self.set_status(" · ".join(notes))

    def action_clear_selection(self) -> None:
        if self.visual_anchor is not None:
            self.action_visual()  # escape first ends a selection in progress
            return
        self.selection = None
        self.article.paint("linked", ())
        self.article.paint("current", ())
        self.set_status("Selection cleared")

    # -- moving between linked spans -----------------------------------------------------------

    def _here(self) -> Place[Item]:
        return Place(self.article.cursor, self.showing_original, self.selection, self.position)

    def action_next_link(self, step: int) -> None:
        """``n``/``N``: the next or previous span of the selection, wrapping with a notice."""
        item = self.selection
        spans = self._visible_spans(item) if item is not None else ()
        if not spans:
            self.notify(
                "Nothing selected: choose an item in the sidebar (tab, enter), "
                "search with /, or move onto a name.",
                timeout=4,
            )
            return
        target = self.position + step
        if not 0 <= target < len(spans):
            self.notify("Wrapped to the first." if step > 0 else "Wrapped to the last.", timeout=2)
        self.jumps.record(self._here())
        self.position = target % len(spans)
        self._show_position()

    def action_next_flag(self, step: int) -> None:
        """``]``/``[``: the next or previous flag in reading order from the cursor (flags that
        start at one place are taken in turn)."""
        order = self._flag_list
        if self.analysis is None or not order:
            self.notify(
                "No flags in this article." if self.analysis else "The analysis is still running.",
                timeout=3,
            )
            return
        if self.showing_original:
            self.action_toggle_original()
        cursor = self.article.cursor
        current = self.selection
        starts = self._flag_starts
        if (
            current is not None
            and self._flag_rank.get(current.key) is not None
            and current.spans[0][0] == cursor
        ):
            index = self._flag_rank[current.key] + step
        elif step > 0:
            index = bisect_left(starts, cursor)
        else:
            index = bisect_left(starts, cursor) - 1
        if not 0 <= index < len(order):
            self.notify(
                "Wrapped to the first flag." if step > 0 else "Wrapped to the last flag.", timeout=2
            )
            index %= len(order)
        self.jumps.record(self._here())
        self.select(order[index])

    def action_jump_back(self) -> None:
        place = self.jumps.back(self._here())
        if place is None:
            self.notify("At the start of the jump list.", timeout=2)
            return
        self._go_to_place(place)

    def action_jump_forward(self) -> None:
        place = self.jumps.forward()
        if place is None:
            self.notify("At the end of the jump list.", timeout=2)
            return
        self._go_to_place(place)

    def _go_to_place(self, place: Place[Item]) -> None:
        if self.analysis is not None and place.original != self.showing_original:
            (self._show_original if place.original else self._show_cleaned)()
        if place.selection is not None:
            self.select(place.selection, place.position, scroll=False, switch=False)
        else:
            self.action_clear_selection()
        self.article.move_cursor(place.offset, announce=False)
        self.article.scroll_to_offset(place.offset)
        if place.selection is not None:
            self._show_position(scroll=False)

    # -- search --------------------------------------------------------------------------------

    @property
    def searching(self) -> bool:
        """Whether a search is being typed at the ``/`` prompt."""
        return self._query is not None

    def action_search(self) -> None:
        """``/``: type a search in the status line, as in less. The keys stay with the app, so
        nothing moves the focus or the layout while the reader types."""
        self._before_search = (self.selection, self.position)
        self._query = ""
        self._show_query("type to find; enter keeps the hits for n/N, esc cancels")

    async def on_event(self, event: events.Event) -> None:
        if (
            self._query is not None
            and isinstance(event, events.Key | events.Paste)
            and not event.is_forwarded
            and self._search_key(event)
        ):
            return
        await super().on_event(event)

    def _search_key(self, event: events.Key | events.Paste) -> bool:
        """Edit, keep or cancel the search being typed; False for a key that does none of
        these (an arrow, ctrl+p), which then does what it always does."""
        assert self._query is not None
        if isinstance(event, events.Paste):
            query: str | None = self._query + one_line(event.text, 200)
        elif event.key == "enter" and self._query:
            self._keep_search()
            return True
        elif event.key in ("escape", "enter") or (event.key == "backspace" and not self._query):
            self._cancel_search()
            return True
        else:
            query = edited(self._query, event.key, event.character)
        if query is None:
            return False
        self._query = query
        self._show_query("searching…")
        self.run_search(query, TYPING_HITS)
        return True

    def _show_query(self, state: str) -> None:
        self.set_status(f"/{self._query}▏ {state}")

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def run_search(self, query: str, limit: int) -> None:
        """Find and index the hits here: at 5 MB a letter has 100,000 of them."""
        hits = find_all(self.article.text, query, limit)
        self.call_from_thread(self._search_done, query, hits, SpanIndex.apart(hits))

    def _search_done(self, query: str, hits: list[Span], layer: SpanIndex[None]) -> None:
        if query != self._query:
            return  # a newer keystroke or the end of the search overtook this one
        first = self._select_hits(query, hits, layer)
        if first is None:
            self._show_query("no hits" if query else "type to find")
            return
        count = (
            f"the first {len(hits):,} hits"
            if len(hits) >= TYPING_HITS
            else f"{len(hits):,} hit{'s' * (len(hits) != 1)}"
        )
        self._show_query(f"{count}, at {first + 1}; enter keeps them for n/N")

    def _select_hits(self, query: str, hits: list[Span], layer: SpanIndex[None]) -> int | None:
        """Select the hits, at the first from the cursor on; which one that is, or None."""
        if not query or not hits:
            self.selection = None
            self.article.paint("linked", ())
            self.article.paint("current", ())
            return None
        first = bisect_left(hits, (self.article.cursor, 0))
        first = first if first < len(hits) else 0
        self.selection = Item(
            "search",
            f"search:{query}",
            query,
            f"/{query}",
            tuple(hits),
            tuple(hits) if self.showing_original else (),
        )
        self.position = first
        self.article.paint("linked", layer)
        self._show_position()
        return first

    def _keep_search(self) -> None:
        """Enter: keep every hit for n/N. Typing stops at the first hits, and enter can come
        before the search of the last key is done: then the hits are found here."""
        query, self._query = self._query, None
        assert query
        item = self.selection
        current = item is not None and item.kind == "search" and item.label == query
        if item is None or not current or len(item.spans) >= TYPING_HITS:
            hits = find_all(self.article.text, query)
            self._select_hits(query, hits, SpanIndex.apart(hits))
        if self.selection is not None and self.selection.kind == "search":
            previous = self._before_search[0]
            self.jumps.record(Place(self.article.cursor, self.showing_original, previous, 0))
            self._show_position()
        else:
            self.set_status(f"/{one_line(query, 80)}: no hits")

    def _cancel_search(self) -> None:
        self._query = None
        item, position = self._before_search
        if item is not None:
            self.select(item, position)
        else:
            self.action_clear_selection()

    # -- copy, filters, help, palette ----------------------------------------------------------

    def action_copy(self) -> None:
        """``y``: the current span of the selection, else the sentence at the cursor."""
        spans = self._visible_spans(self.selection) if self.selection else ()
        article = self.article
        if spans:
            a, b = spans[self.position]
        elif article.text:
            a, b = article.sentence_at(article.cursor)
        else:
            return
        text = article.text[a:b]
        self.copy_to_clipboard(text)
        self.notify(f"Copied {len(text):,} characters.", timeout=2)

    def action_filters(self) -> None:
        if self.analysis is None:
            return
        from .screens.filters import FilterScreen

        def apply(hidden: frozenset[str] | None) -> None:
            if hidden is not None and hidden != self.hidden_groups:
                self.hidden_groups = hidden
                self._compute_sections(("Notes",))  # tags filter notes as they are built
                self._show_sections()

        tags = self.notebook.tags() if self.notebook is not None else []
        self.push_screen(FilterScreen(self.hidden_groups, [f"#{t}" for t in tags]), apply)

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

        self.push_screen(
            HelpScreen(
                [
                    ("Everywhere", self.BINDINGS),
                    ("Article pane", ArticleView.BINDINGS),
                    ("Sidebar", Sidebar.BINDINGS),
                    (
                        "Search prompt (/)",
                        [
                            Binding("enter", "keep", "Keep the hits for n/N"),
                            Binding("escape", "cancel", "Cancel the search"),
                            Binding("backspace", "back", "Delete a character (on none: cancel)"),
                            Binding("ctrl+w", "word", "Delete a word"),
                            Binding("ctrl+u", "line", "Delete the whole query"),
                        ],
                    ),
                    (
                        "Prompts",
                        [
                            Binding("ctrl+s", "save", "Save a note"),
                            Binding("escape", "cancel", "Cancel a prompt"),
                        ],
                    ),
                ]
            )
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Export notes (Markdown)",
            "write this article's notes to a .md file",
            lambda: self.action_export_notes("md"),
        )
        yield SystemCommand(
            "Export notes (Web Annotation JSON-LD)",
            "write this article's notes as W3C Web Annotations",
            lambda: self.action_export_notes("json"),
        )
        yield SystemCommand(
            "Write the review (Markdown)",
            "flags with your dismissals, corrections, notes and highlights, in one document",
            self.action_write_review,
        )
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.id not in ("quit", "palette"):
                action, _, argument = binding.action.partition("(")
                method = getattr(self, f"action_{action.removeprefix('app.')}", None)
                if method is None:
                    continue
                if argument:
                    value = int(argument.rstrip(")"))
                    yield SystemCommand(
                        binding.description, f"key: {binding.key}", lambda m=method, v=value: m(v)
                    )
                else:
                    yield SystemCommand(binding.description, f"key: {binding.key}", method)


def _line_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs of the text as loaded (before cleaning): its lines that are not blank."""
    return [match.span() for match in _TEXT_LINE.finditer(text)]
