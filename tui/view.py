"""What the article pane, the sidebar and the status line show of the reader's state: the one
place that paints ``Reading`` onto the widgets.

The keys that move (``n``, ``]``, ``ctrl+o``, ``o``, ``y``) and the jumps from the sidebar, the
palette and the search come here; ``Reading`` decides, this paints and says so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from .jumps import Place
from .outline import Item
from .reading import summary
from .safe_text import one_line
from .wording import plural

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from .analysis.model import Analysis, Span
    from .notebook import Notebook
    from .prepared import Prepared
    from .reading import Reading
    from .widgets.article import ArticleView
    from .widgets.sidebar import Sidebar

_TEXT_LINE = re.compile(r"[^\n]*[^\s][^\n]*")


class ViewHost(Protocol):
    """What the view uses of the reader."""

    reading: Reading

    @property
    def notebook(self) -> Notebook | None: ...
    @property
    def article(self) -> ArticleView: ...
    @property
    def sidebar(self) -> Sidebar: ...
    def set_status(self, text: str) -> None: ...
    def notify(
        self, message: str, *, severity: SeverityLevel = ..., timeout: float | None = ...
    ) -> None: ...
    def copy_to_clipboard(self, text: str) -> None: ...
    def selection_changed(self) -> None: ...
    def push_screen(self, screen: Any, callback: Callable[[Any], Any]) -> Any: ...


class ReadingView:
    """Paints ``host.reading`` on the host's widgets (see the module docstring)."""

    def __init__(self, host: ViewHost) -> None:
        self.host = host
        self.reading = host.reading
        self.auto_original = False
        """Whether the original is on screen because a flag's removed place asked for it."""

    @property
    def article(self) -> ArticleView:
        return self.host.article

    @property
    def sidebar(self) -> Sidebar:
        return self.host.sidebar

    @property
    def analysis(self) -> Analysis | None:
        return self.reading.analysis

    @property
    def selection(self) -> Item | None:
        return self.reading.selection

    @property
    def position(self) -> int:
        return self.reading.position

    @property
    def showing_original(self) -> bool:
        return self.reading.showing_original

    def set_status(self, text: str) -> None:
        self.host.set_status(text)

    def paint_marks(self) -> None:
        """Flag marks by severity (less the dismissed), highlights by colour, and notes."""
        from .notes.model import COLOURS  # the notes model loads after the first frame

        for severity, spans in self.reading.flag_marks().items():
            self.article.paint(f"mark-{severity}", spans)
        placed = (
            [(p, p.span) for p in self.host.notebook.placed if p.span] if self.host.notebook else []
        )
        for colour in COLOURS:
            self.article.paint(
                f"hl-{colour}",
                [s for p, s in placed if p.note.kind == "highlight" and p.note.colour == colour],
            )
        self.article.paint("note", [s for p, s in placed if p.note.kind == "note"])
        self.article.paint("changed", [s for p, s in placed if p.changed])

    def show_analysis(self, prepared: Prepared, first: bool) -> None:
        """Swap in the cleaned text, the notes and the outline: the ``first`` analysis of an
        article at the reading position saved for it, a later one where the cursor is."""
        analysis, notebook, article = prepared.analysis, self.host.notebook, self.article
        keep = article.cursor
        self.reading.load(
            prepared,
            notebook.shown() if notebook else [],
            notebook.dismissed() if notebook else {},
        )
        article.show_text(analysis.text, analysis.paragraphs)
        self.sidebar.show_outline(self.reading.sections)
        self.paint_marks()
        position = notebook.position() if first and notebook is not None else None
        place = position if position is not None else None if first else keep
        if place is not None:
            article.move_cursor(min(place, len(analysis.text)), announce=False)
            article.scroll_to_offset(article.cursor)
        notes, changed = (len(notebook.shown()), len(notebook.changed())) if notebook else (0, 0)
        self.set_status(summary(analysis, notes, changed, back=bool(position)))
        self.host.selection_changed()

    def refresh_notes(self, changed: tuple[str, ...] | None, *, every: bool = False) -> None:
        """After a note change (``changed``: the Notes and Flags sections, else all): the
        outline (``every`` section shown again, after a filter), the keys' indexes, the marks."""
        if self.reading.prepared is None:
            return
        notebook = self.host.notebook
        self.reading.rebuild(
            changed,
            notebook.shown() if notebook else [],
            notebook.dismissed() if notebook else {},
        )
        names = None if every else changed
        if names is None:
            self.sidebar.show_outline(self.reading.sections)
        else:
            for index, section in enumerate(self.reading.sections):
                if section.title in names:
                    self.sidebar.replace_section(index, section)
        if not self.showing_original:
            self.paint_marks()
        self.host.selection_changed()  # a dismissal or a correction shows in the details

    def choose_filters(self) -> None:
        """``f``: choose the sidebar's groups and note tags to hide, and show the rest."""
        if self.analysis is None:
            return
        from .screens.filters import FilterScreen

        reading, notebook = self.reading, self.host.notebook

        def apply(hidden: frozenset[str] | None) -> None:
            if hidden is not None and hidden != reading.hidden_groups:
                reading.hidden_groups = hidden
                self.refresh_notes(("Notes",), every=True)  # tags filter notes as built

        tags = notebook.tags() if notebook is not None else []
        self.host.push_screen(FilterScreen(reading.hidden_groups, [f"#{t}" for t in tags]), apply)

    def show_text(self, original: bool) -> None:
        analysis = self.analysis
        assert analysis is not None
        self.reading.showing_original = original
        if original:
            text = analysis.source.text
            self.article.show_text(text, line_paragraphs(text))
            self.article.paint("removed", self.reading.removed_spans())
        else:
            self.article.show_text(analysis.text, analysis.paragraphs)
            self.paint_marks()

    def toggle_original(self) -> None:
        """Switch between the cleaned article and the source as loaded, keeping the place."""
        analysis = self.analysis
        if analysis is None or analysis.offsets is None:
            self.host.notify("The analysis is still running.", timeout=3)
            return
        cursor = self.article.cursor
        self.auto_original = False
        if self.selection is not None and self.selection.kind == "search":
            self.clear_selection()  # hits were found in the other text
        original = not self.showing_original
        self.show_text(original)
        offsets = analysis.offsets
        moved = offsets.to_original(cursor) if original else offsets.to_clean(cursor)
        self.article.move_cursor(moved, announce=False)
        self.article.scroll_to_offset(self.article.cursor)
        if self.selection is not None:
            self.select(self.selection, self.position, scroll=False, switch=False)
        else:
            self.set_status(
                "Original: removed text is struck through; o returns to the cleaned article"
                if original
                else "Cleaned article"
            )

    def go_to(self, item: Item) -> None:
        """Jump to ``item``'s first span (from the sidebar or the palette), remembering the way
        back."""
        self.reading.jumps.record(self.reading.here(self.article.cursor))
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
            self.show_text(original=True)
        self.reading.select(item, position)
        self.article.paint("linked", self.reading.visible_spans(item))
        self.sidebar.reveal(item, open_group=open_group)
        self.show_position(scroll)

    def show_position(self, scroll: bool = True) -> None:
        """Paint the selection's current span, move there (``scroll``), and say where it is."""
        if self.selection is None:
            return
        self._follow_removed()
        span, status = self.reading.current()
        self.article.paint("current", [span] if span else ())
        if span is not None and scroll:
            self.article.move_cursor(span[0], announce=False)
            self.article.scroll_to_offset(span[0])
        self.set_status(status)
        self.host.selection_changed()

    def _follow_removed(self) -> None:
        """A flag's place that cleaning removed (the dropped copy of a repeated paragraph)
        exists only in the original: going there shows the original, with the copy struck
        through; leaving it for a place in the cleaned text returns there."""
        reading = self.reading
        removed = reading.at_removed_place()
        if removed and not reading.showing_original:
            self.show_text(original=True)
            self.auto_original = True
        elif not removed and reading.showing_original and self.auto_original:
            self.show_text(original=False)
        else:
            return
        if not removed:
            self.auto_original = False
        assert self.selection is not None
        self.article.paint("linked", reading.visible_spans(self.selection))

    def landed(self, offset: int, notices: list[str], *, quiet: bool = False) -> None:
        """The cursor landed on ``offset`` (``notices``: what the notes there say). Where there
        is nothing to tell, the status line says where the cursor is, so a message about the
        last place (a copy, a jump, a saved note) never describes this one; ``quiet`` leaves
        it alone (a search is being typed there)."""
        landing = self.reading.landing(offset, notices)
        if landing.selected is not None and landing.span is not None:
            self.article.paint("linked", landing.selected.spans)
            self.article.paint("current", [landing.span])
            self.sidebar.reveal(landing.selected, open_group=False)
            self.host.selection_changed()
        if landing.status is not None:
            self.set_status(landing.status)
        elif not quiet:
            self.set_status(one_line(self.reading.where(offset), 200))

    def clear_selection(self) -> None:
        self.reading.select(None)
        self.article.paint("linked", ())
        self.article.paint("current", ())
        self.set_status("Selection cleared")
        self.host.selection_changed()

    # -- moving --------------------------------------------------------------------------------

    def next_link(self, step: int) -> None:
        """``n``/``N``: the next or previous span of the selection, wrapping with a notice."""
        here = self.reading.here(self.article.cursor)
        wrapped = self.reading.step(step)
        if wrapped is None:
            self.host.notify(
                "Nothing selected: choose an item in the sidebar (tab, enter), "
                "search with /, or move onto a name.",
                timeout=4,
            )
            return
        if wrapped:
            self.host.notify(
                "Wrapped to the first." if step > 0 else "Wrapped to the last.", timeout=2
            )
        self.reading.jumps.record(here)
        self.show_position()

    def next_flag(self, step: int) -> None:
        """``]``/``[``: the next or previous flag in reading order from the cursor."""
        if self.analysis is None or not self.reading.flag_order:
            self.host.notify(
                "No flags in this article." if self.analysis else "The analysis is still running.",
                timeout=3,
            )
            return
        if self.showing_original:
            self.toggle_original()
        found = self.reading.next_flag(self.article.cursor, step)
        assert found is not None
        flag, wrapped = found
        if wrapped:
            self.host.notify(
                "Wrapped to the first flag." if step > 0 else "Wrapped to the last flag.", timeout=2
            )
        self.reading.jumps.record(self.reading.here(self.article.cursor))
        self.select(flag)

    def jump_back(self) -> None:
        place = self.reading.jumps.back(self.reading.here(self.article.cursor))
        if place is None:
            self.host.notify("At the start of the jump list.", timeout=2)
        else:
            self._go_to_place(place)

    def jump_forward(self) -> None:
        place = self.reading.jumps.forward()
        if place is None:
            self.host.notify("At the end of the jump list.", timeout=2)
        else:
            self._go_to_place(place)

    def _go_to_place(self, place: Place[Item]) -> None:
        if self.analysis is not None and place.original != self.showing_original:
            self.show_text(place.original)
        if place.selection is not None:
            self.select(place.selection, place.position, scroll=False, switch=False)
        else:
            self.clear_selection()
        self.article.move_cursor(place.offset, announce=False)
        self.article.scroll_to_offset(place.offset)
        if place.selection is not None:
            self.show_position(scroll=False)

    def copy(self, chosen: tuple[str, str] | None = None) -> None:
        """``y`` and ``ctrl+c``: ``chosen`` (a text and what it is: the ``v`` or the mouse
        selection), else the current span of the selection, else the sentence at the cursor.
        The status line says which, and what was copied."""
        article = self.article
        spans = self.reading.visible_spans(self.selection) if self.selection else ()
        if chosen is not None:
            text, what = chosen
        elif self.selection is not None and spans:
            position = min(self.position, len(spans) - 1)
            text = article.text[slice(*spans[position])]
            what = f"{self.selection.kind} {position + 1}/{len(spans)}"
        elif article.text:
            text, what = article.text[slice(*article.sentence_at(article.cursor))], "the sentence"
        else:
            return
        self.host.copy_to_clipboard(text)
        self.set_status(  # the caveat before the words, so a narrow status line keeps it
            f"Copied {what} ({plural(len(text), 'character')}){clipboard_caveat()}: "
            f"“{one_line(text, 80)}”"
        )


def clipboard_caveat() -> str:
    """What the copy message adds about the terminal: the clipboard is reached by an OSC 52
    sequence, which some terminals ignore (macOS Terminal) or pass on only when set to (tmux
    without set-clipboard, screen); closeread cannot ask, so it says so."""
    program = os.environ.get("TERM_PROGRAM", "")
    if program == "Apple_Terminal":
        return " · macOS Terminal ignores it: select, cmd+c"
    if os.environ.get("TMUX") or os.environ.get("STY"):
        return " · tmux/screen need set-clipboard on"
    if program in ("iTerm.app", "WezTerm", "ghostty", "vscode") or os.environ.get(
        "KITTY_WINDOW_ID"
    ):
        return ""
    return " · by OSC 52, if this terminal takes it"


def line_paragraphs(text: str) -> list[Span]:
    """Paragraphs of the text as loaded (before cleaning): its lines that are not blank."""
    return [match.span() for match in _TEXT_LINE.finditer(text)]
