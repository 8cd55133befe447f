"""``Search all notes…``: the notes of every article, searched as you type (SQLite FTS5, see
``NoteStore.search``); ``enter`` opens the article at the note. Note text is untrusted: the
options are ``Text``, never markup."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..library import location_of
from ..notes.store import SearchHit
from ..safe_text import one_line

LIMIT = 200


class NotesSearchScreen(ModalScreen[tuple[str, str] | None]):
    """Answers (the article's location, the note's id) for the hit chosen, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="notes_search_cancel"),
        Binding("down", "to_hits", "Hits", show=False, id="notes_search_down"),
    ]
    DEFAULT_CSS = """
    NotesSearchScreen { align: center middle; }
    NotesSearchScreen > Vertical {
        width: 90%; height: 85%; border: round $accent; background: $surface; padding: 0 1;
    }
    NotesSearchScreen OptionList { height: 1fr; }
    """

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Search all notes: words in notes, quotes or tags", markup=False)
            yield Input(placeholder="words (each also a prefix); “a phrase”", id="notes-query")
            yield OptionList(id="notes-hits")
            yield Static("", id="notes-count", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#notes-query")
    def typed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @work(thread=True, exclusive=True, group="notes-search", exit_on_error=False)
    def search(self, query: str) -> None:
        from ..notes.errors import StoreError
        from ..notes.store import NoteStore

        try:
            with NoteStore.open(self.data_dir) as store:
                hits = store.search(query, LIMIT)
        except StoreError as error:
            self.app.call_from_thread(self._problem, str(error))
            return
        self.app.call_from_thread(self._show, query, hits)

    def _problem(self, text: str) -> None:
        self.query_one("#notes-count", Static).update(one_line(text, 300))

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.query_one(Input).value:
            return  # a newer search is on its way
        self.hits = hits
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(_label(hit), id=str(i)) for i, hit in enumerate(hits))
        if hits:
            options.highlighted = 0
        more = f" (the first {LIMIT})" if len(hits) >= LIMIT else ""
        count = f"{len(hits)} note{'s' * (len(hits) != 1)}{more}" if query.strip() else ""
        self.query_one("#notes-count", Static).update(count)

    @on(Input.Submitted, "#notes-query")
    def submitted(self) -> None:
        if self.hits:
            self._choose(self.query_one(OptionList).highlighted or 0)

    @on(OptionList.OptionSelected, "#notes-hits")
    def selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        hit = self.hits[index]
        location = location_of(hit.source)
        if location is None:
            self.notify("That note is on pasted text, which cannot be opened again.")
            return
        self.dismiss((location, hit.note.id))

    def action_to_hits(self) -> None:
        if self.hits:
            self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


def _label(hit: SearchHit) -> Text:
    note = hit.note
    label = Text(one_line(hit.source, 90), style="bold")
    if note.anchor is not None:
        label.append("\n  “" + one_line(note.anchor.exact, 80) + "”", style="italic")
    if note.body:
        label.append("\n  " + one_line(note.body, 100))
    if note.tags:
        label.append("  " + " ".join("#" + one_line(t, 30) for t in note.tags), style="dim")
    return label
