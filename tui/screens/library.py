"""The library: a folder's articles (``closeread DIR``) or the ones opened before (recent), in a
table the keyboard sorts and filters; ``enter`` opens one in the reader, ``backspace`` there
comes back here with the cursor, sort and filter as they were.

A worker thread fills the rows in, showing its progress: each article is loaded (title, date,
words), looked up in the notes store (notes, how far it was read) and analysed (flags by
severity). Articles the store knows under the folder whose file is gone stay listed with their
notes, marked missing. Every title and path is untrusted: cells are ``Text``, never markup.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static
from textual.worker import get_current_worker

from ..library import (
    SORTS,
    Entry,
    exists,
    fill_from_source,
    is_url,
    location_of,
    matches,
    ordered,
    scan,
)
from ..safe_text import one_line

if TYPE_CHECKING:
    from ..analysis.model import Source
    from ..config import Config
    from ..notes.store import NoteStore

_COLUMNS = (
    ("title", "Title"),
    ("date", "Date"),
    ("words", "Words"),
    ("errors", "✖"),
    ("warnings", "▲"),
    ("infos", "●"),
    ("notes", "Notes"),
    ("read", "Read"),
    ("opened", "Opened"),
    ("path", "Where"),
)
_COLUMN_SORT = {"errors": "flags", "warnings": "flags", "infos": "flags", "read": "opened"}


class LibraryScreen(Screen[None]):
    """The articles of ``folder``, or (``folder`` None) the recent ones from the notes store."""

    BINDINGS = [
        Binding("slash", "filter", "Filter", key_display="/", id="library_filter"),
        Binding("s", "sort", "Sort", id="library_sort"),
        Binding("S", "reverse", "Reverse", key_display="S", id="library_reverse"),
        Binding("backspace", "back", "Back to the article", id="library_back"),
        Binding("escape", "clear_or_back", "Clear filter / back", show=False, id="library_esc"),
        Binding("O", "app.open_file", "Open file…", key_display="O", id="library_open_file"),
        Binding("F", "app.search_notes", "Search notes…", key_display="F", id="library_notes"),
        Binding("q", "app.quit", "Quit", id="library_quit"),
    ]

    def __init__(self, folder: Path | None, data_dir: Path, config: Config) -> None:
        super().__init__()
        self.folder = folder
        self.data_dir = data_dir
        self.config = config
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self.order = "path" if folder else "opened"
        self.reverse = False
        self.filter_text = ""
        self.truncated = False
        self.progress = ""

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="library-title", markup=False)
        yield Input(placeholder="/ filters: part of a title or file name", id="library-filter")
        table: DataTable[Text] = DataTable(
            id="library-table", cursor_type="row", zebra_stripes=True
        )
        yield table
        yield Static("", id="library-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.focus()
        for key, label in _COLUMNS:
            if key == "opened" and self.folder is not None:
                continue
            table.add_column(label, key=key)
        self.reload()

    def reload(self) -> None:
        """List the folder (or the recent articles) again and start filling the rows in."""
        if self.folder is not None:
            self.entries, self.truncated = scan(self.folder)
        else:
            self.entries, self.truncated = [], False
        self._show()
        self.fill()

    # -- the table -----------------------------------------------------------------------------

    def _title(self) -> str:
        what = f"Library — {self.folder}" if self.folder else "Recent articles"
        count = len(self.shown)
        total = len(self.entries)
        counted = f"{count} of {total}" if count != total else f"{total}"
        more = " (the first 5,000)" if self.truncated else ""
        sort = f"sorted by {self.order}{' (reversed)' if self.reverse else ''}"
        flt = f", filter “{self.filter_text}”" if self.filter_text else ""
        return one_line(f"{what}: {counted} articles{more}, {sort}{flt}", 300)

    def _show(self) -> None:
        """The entries filtered and sorted into the table, the cursor kept on its article."""
        table = self.query_one(DataTable)
        current = self.current()
        self.shown = ordered(matches(self.entries, self.filter_text), self.order, self.reverse)
        table.clear()
        for entry in self.shown:
            table.add_row(*self._cells(entry), key=entry.location)
        if current is not None and current in self.shown:
            table.move_cursor(row=self.shown.index(current))
        self.query_one("#library-title", Static).update(self._title())
        self._status()

    def _cells(self, entry: Entry) -> list[Text]:
        dim = "dim" if entry.missing or entry.problem else ""
        errors, warnings, infos = entry.flags or (None, None, None)
        title = one_line(entry.shown_title, 70)
        if entry.missing:
            title = f"{title} (missing)"
        elif entry.problem:
            title = f"{title} (cannot be read)"
        cells = [
            Text(title, style=dim),
            Text(entry.date.isoformat() if entry.date else ""),
            Text(f"{entry.words:,}" if entry.words is not None else "", justify="right"),
            Text(
                str(errors) if errors is not None else "", "red" if errors else "", justify="right"
            ),
            Text(str(warnings) if warnings is not None else "", justify="right"),
            Text(str(infos) if infos is not None else "", justify="right"),
            Text(str(entry.notes) if entry.notes else "", justify="right"),
            Text(f"{entry.read:.0%}" if entry.read is not None else "", justify="right"),
        ]
        if self.folder is None:
            cells.append(Text(entry.opened[:16].replace("T", " ")))
            cells.append(Text(one_line(entry.location, 80), style="dim"))
        else:
            cells.append(Text(one_line(self._relative(entry.location), 80), style="dim"))
        return cells

    def _relative(self, location: str) -> str:
        if self.folder is None or is_url(location):
            return location
        with suppress(ValueError):
            return str(Path(location).relative_to(self.folder.resolve()))
        return location

    def _status(self) -> None:
        parts = [self.progress] if self.progress else []
        missing = sum(e.missing for e in self.entries)
        if missing:
            parts.append(f"{missing} missing")
        if not self.entries:
            parts.append(
                "no articles here (text, Markdown or HTML)"
                if self.folder
                else "no articles opened yet: O opens a file"
            )
        self.query_one("#library-status", Static).update(one_line(" · ".join(parts), 300))

    def current(self) -> Entry | None:
        """The article under the cursor."""
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def _update(self, entry: Entry) -> None:
        """One row filled in by the worker, repainted where it is."""
        if entry not in self.shown:
            return
        table = self.query_one(DataTable)
        for (key, _), cell in zip(
            [c for c in _COLUMNS if not (c[0] == "opened" and self.folder)],
            self._cells(entry),
            strict=True,
        ):
            with suppress(Exception):  # a row the filter just removed
                table.update_cell(entry.location, key, cell, update_width=True)

    # -- keys ----------------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def open_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        entry = self.current()
        if entry is None:
            return
        if entry.missing:
            notes = f"its {entry.notes} note(s) are kept" if entry.notes else "nothing is lost"
            self.notify(
                one_line(
                    f"{entry.name}: the file is gone; {notes} ('closeread notes relink OLD NEW' "
                    "gives them to a moved file)",
                    300,
                ),
                severity="warning",
            )
            return
        self.app.open_location(entry.location)  # type: ignore[attr-defined]

    @on(DataTable.HeaderSelected)
    def sort_by_column(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        order = _COLUMN_SORT.get(key, key)
        if order not in SORTS:
            return
        self.reverse = not self.reverse if order == self.order else False
        self.order = order
        self._show()

    def action_sort(self) -> None:
        """The next order: title, date, words, flags, notes, opened, path."""
        orders = [o for o in SORTS if o != "opened" or self.folder is None]
        self.order = orders[(orders.index(self.order) + 1) % len(orders)]
        self.reverse = False
        self._show()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self._show()

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#library-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self._show()

    @on(Input.Submitted, "#library-filter")
    def filter_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_clear_or_back(self) -> None:
        field = self.query_one(Input)
        if field.has_focus or self.filter_text:
            field.value = ""
            self.filter_text = ""
            self._show()
            self.query_one(DataTable).focus()
            return
        self.action_back()

    def action_back(self) -> None:
        """Back to the article that is open, if one is."""
        if self.query_one(Input).has_focus:
            return
        if getattr(self.app, "article_open", False):
            self.app.pop_screen()
        else:
            self.notify("No article is open: enter opens one, q quits.", timeout=4)

    # -- filling the rows in -------------------------------------------------------------------

    def on_screen_resume(self) -> None:
        """Back from the reader: the notes and reading positions may have changed."""
        if self.entries:
            self.refresh_known()

    @work(thread=True, exclusive=True, group="library-known", exit_on_error=False)
    def refresh_known(self) -> None:
        store = self._store()
        if store is None:
            return
        try:
            known = self._known(store)
        finally:
            store.close()
        self.app.call_from_thread(self._merge_known, known)

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def fill(self) -> None:
        """Fill the rows in (notes and positions first, then each article loaded and analysed),
        reporting progress; stops when the screen goes away or the list is reloaded."""
        worker = get_current_worker()
        store = self._store()
        try:
            known = self._known(store)
            self.app.call_from_thread(self._merge_known, known)
            pending = [e for e in self.entries if not e.missing]
            for done, entry in enumerate(pending, 1):
                if worker.is_cancelled:
                    return
                label = one_line(entry.name, 60)
                self.app.call_from_thread(self._say, f"Analysing {done} of {len(pending)}: {label}")
                self._analyse(entry, store)
                self.app.call_from_thread(self._update, entry)
            self.app.call_from_thread(self._say, f"{len(pending)} analysed")
        finally:
            if store is not None:
                store.close()

    def _say(self, text: str) -> None:
        self.progress = text
        self._status()

    def _store(self) -> NoteStore | None:
        from ..notes.errors import StoreError
        from ..notes.store import NoteStore

        try:
            return NoteStore.open(self.data_dir)
        except StoreError as error:
            self.app.call_from_thread(
                self.notify, one_line(f"Notes not shown: {error}", 300), severity="warning"
            )
            return None

    def _known(self, store: NoteStore | None) -> list[Entry]:
        """What the store knows: under the folder, or every article opened (recent)."""
        if store is None:
            return []
        from ..source import headline

        prefix = str(self.folder.resolve()).rstrip("/") + "/" if self.folder else None
        known = []
        for row in store.recent():
            location = location_of(row.source)
            if prefix is not None and (location is None or not location.startswith(prefix)):
                continue
            entry = Entry(
                location=location or row.source,
                key=row.source,
                notes=row.notes,
                read=row.read,
                opened=row.opened,
                title=headline(row.first_lines) if row.first_lines else None,
                missing=location is None or not exists(location),
            )
            known.append(entry)
        return known

    def _merge_known(self, known: list[Entry]) -> None:
        """Notes, positions and opening times onto the rows; the missing ones added."""
        by_location = {e.location: e for e in self.entries}
        for entry in known:
            row = by_location.get(entry.location)
            if row is None:
                if self.folder is None or entry.missing:
                    self.entries.append(entry)
                continue
            row.notes, row.read, row.opened = entry.notes, entry.read, entry.opened
            row.key = entry.key
        self._show()

    def _analyse(self, entry: Entry, store: NoteStore | None) -> None:
        """Load, count the notes, analyse: in the worker thread."""
        from ..analysis.pipeline import analyze
        from ..source import LoadError

        try:
            source = self._load(entry)
        except LoadError as error:
            entry.problem = str(error)
            return
        except Exception as error:  # one article's failure never stops the library
            entry.problem = f"{type(error).__name__}: {error}"
            return
        fill_from_source(entry, source)
        self.app.call_from_thread(self._update, entry)
        if store is not None:
            self._count_notes(entry, source, store)
        try:
            analysis = analyze(source, disabled_rules=self.config.disabled_rules)
        except Exception as error:
            entry.problem = f"analysis failed: {type(error).__name__}"
            return
        severities = [flag.severity for flag in analysis.flags]
        entry.flags = (
            severities.count("error"),
            severities.count("warning"),
            severities.count("info"),
        )
        entry.words = len(analysis.text.split())
        entry.title = analysis.title or entry.title

    def _load(self, entry: Entry) -> Source:
        """A file, or a URL's kept copy (the library never fetches)."""
        from ..source import LoadError, load

        if is_url(entry.location):
            from ..fetch import page_source, read_snapshot

            page = read_snapshot(self.data_dir, entry.location)
            if page is None:
                raise LoadError(f"{entry.location}: no copy kept yet")
            return page_source(page)
        return load(entry.location)

    def _count_notes(self, entry: Entry, source: Source, store: NoteStore) -> None:
        from ..notes.errors import StoreError
        from ..notes.store import source_key

        with suppress(StoreError):
            doc = store.find(source_key(source), source.sha256)
            if doc is not None:
                entry.notes = len(store.notes(doc))
                entry.key = doc.source
