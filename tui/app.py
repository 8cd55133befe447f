"""ReaderApp: the mediator between the article pane, the sidebar and the status line.

The app owns the one selection (an item and which of its spans is current) and tells the panes
what to show; the panes never talk to each other. The analysis runs in a thread: the window
shows the article as loaded at once, then swaps in the cleaned text and the outline.
"""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from . import __version__
from .analysis import Analysis, Source, analyze
from .config import Config
from .outline import Item, outline
from .resources import styles_dir
from .safe_text import one_line
from .screens.help import HelpScreen
from .source import load
from .widgets.article import ArticleView
from .widgets.sidebar import Sidebar

STATUS_LIMIT = 300


class ReaderApp(App[int]):
    """Open one article: ``path`` is a file, ``"-"`` for stdin, or None for the bundled sample."""

    CSS_PATH = str(styles_dir() / "closeread.tcss")
    TITLE = "closeread"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="focus_next"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False,
                id="focus_previous"),
        Binding("escape", "clear_selection", "Clear selection", show=False, id="clear"),
        Binding("o", "toggle_original", "Original", id="toggle_original"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="palette"),
    ]

    def __init__(
        self,
        path: str | None = None,
        *,
        source: Source | None = None,
        reference: date | None = None,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        self.source = source if source is not None else load(path)
        self.reference = reference
        self.config = config or Config()
        self.analysis: Analysis | None = None
        self.selection: Item | None = None
        self.position = 0
        self.showing_original = False

    # -- building the screen -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self._title_line(), id="title", markup=False)
        with Horizontal(id="panes"):
            yield ArticleView(id="article")
            yield Sidebar(id="sidebar")
        yield Static("", id="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self.notify(f"Unknown theme '{self.config.theme}'; using the default.",
                            severity="warning")
        if self.config.keys:
            self.set_keymap(self.config.keys)
        for warning in (*self.config.warnings, *self.source.warnings):
            self.notify(one_line(warning, STATUS_LIMIT), severity="warning", timeout=8)
        text = self.source.text
        self.article.show_text(text, _line_paragraphs(text), pending=True)
        self.sidebar.show_pending("Analysing…")
        self.set_status("Analysing…")
        self.article.focus()
        self.run_analysis()

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
        self.query_one("#status", Static).update(one_line(text, STATUS_LIMIT))

    # -- the analysis --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def run_analysis(self) -> Analysis:
        def progress(stage: str, fraction: float) -> None:
            self.call_from_thread(self.set_status, f"Analysing: {stage} ({fraction:.0%})")

        analysis = analyze(
            self.source,
            reference=self.reference,
            disabled_rules=self.config.disabled_rules,
            progress=progress,
        )
        self.call_from_thread(self.show_analysis, analysis)
        return analysis

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "analysis" and event.state == WorkerState.ERROR:
            self.set_status(f"The analysis failed: {event.worker.error!r}")
            self.article.pending = False
            self.article.refresh()

    def show_analysis(self, analysis: Analysis) -> None:
        """Swap in the cleaned text and the outline, keeping the reader's place."""
        self.analysis = analysis
        keep = self.article.offset_at_top()
        self._show_cleaned()
        if keep and analysis.offsets is not None:
            self.article.scroll_to_offset(analysis.offsets.to_clean(keep))
        self.sidebar.show_outline(outline(analysis))
        self.selection = None
        flags = len(analysis.flags)
        self.set_status(
            f"{len(analysis.text.split()):,} words · {len(analysis.entities)} entities · "
            f"{len(analysis.figures)} figures · {flags} flag{'s' * (flags != 1)}"
            + ("" if analysis.text.strip() else " · this article is empty")
        )

    def _show_cleaned(self) -> None:
        analysis = self.analysis
        assert analysis is not None
        self.showing_original = False
        self.article.show_text(analysis.text, analysis.paragraphs)
        for severity in ("error", "warning", "info"):
            self.article.paint(
                f"mark-{severity}",
                [span for f in analysis.flags if f.severity == severity for span in f.spans],
            )

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
        keep = self.article.offset_at_top()
        if self.showing_original:
            self._show_cleaned()
            self.article.scroll_to_offset(analysis.offsets.to_clean(keep))
        else:
            self._show_original()
            self.article.scroll_to_offset(analysis.offsets.to_original(keep))
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
        self.select(message.item)

    def select(
        self, item: Item, position: int = 0, *, scroll: bool = True, switch: bool = True
    ) -> None:
        """Make ``item`` the selection: paint its spans, show span ``position``, say so.

        An edit exists only in the original, so selecting one shows the original (``switch``)."""
        if switch and item.kind == "edit" and not self.showing_original:
            self._show_original()
        self.selection = item
        self.position = position
        self.article.paint("linked", self._visible_spans(item))
        self._show_position(scroll)

    def _visible_spans(self, item: Item) -> tuple[tuple[int, int], ...]:
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
        span = spans[min(self.position, len(spans) - 1)]
        self.article.paint("current", [span])
        if scroll:
            self.article.scroll_to_offset(span[0])
        self.set_status(f"{item.status} {self.position + 1}/{len(spans)}{where}")

    def action_clear_selection(self) -> None:
        self.selection = None
        self.article.paint("linked", ())
        self.article.paint("current", ())
        self.set_status("")

    def action_help(self) -> None:
        self.push_screen(
            HelpScreen(
                [
                    ("Everywhere", self.BINDINGS),
                    ("Article pane", ArticleView.BINDINGS),
                    ("Sidebar", Sidebar.BINDINGS),
                ]
            )
        )


def _line_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs of the text as loaded (before cleaning): its non-empty lines."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans
