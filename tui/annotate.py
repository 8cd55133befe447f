"""The reader's annotation keys: select, highlight, note, tag, bookmark, dismiss, correct, undo.

Each key finds its target (the visual selection, else the mention or sentence at the cursor),
asks what it must with a small modal screen, and hands the change to the ``Notebook``, which
saves it at once. The reader is reached only through ``AnnotationHost``, so a test can stand in
for it; nothing here reads or writes files itself. ``x`` (``verdicts``) and the saved notes' own
keys (``note_actions``) live beside it and work through its notebook, ``ready`` and ``guard``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .analysis.model import Source, Span
from .note_actions import NoteActions
from .notes.errors import StoreCorrupt, StoreError, UndoRefused
from .outline import Item
from .safe_text import one_line
from .verdicts import Verdicts
from .wording import changed_words

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from .analysis.model import Analysis
    from .notebook import Notebook
    from .notes.model import Placed
    from .reading import Reading
    from .widgets.article import ArticleView


class AnnotationHost(Protocol):
    """What the annotation keys use of the reader: its state, its panes' text and cursor, and
    the ways to ask, tell and repaint."""

    reading: Reading

    @property
    def article(self) -> ArticleView: ...
    def notify(
        self, message: str, *, severity: SeverityLevel = ..., timeout: float | None = ...
    ) -> None: ...
    def push_screen(self, screen: Any, callback: Callable[[Any], Any]) -> Any: ...
    def set_status(self, text: str) -> None: ...
    def refresh_notes(self, changed: tuple[str, ...] | None = None) -> None: ...
    def start_analysis(self) -> None: ...
    def go_to(self, item: Item) -> None: ...
    def sidebar_item(self) -> Item | None: ...
    def sidebar_has_focus(self) -> bool: ...
    def show_notes_again(self) -> None: ...


_TRAILING = ",.;:!?)]}”’\"'"
"""Marks after a word that a selection ending on it leaves out ("Friday," selects "Friday")."""


def word_end(text: str, start: int) -> int:
    """Where the word at ``start`` ends, its trailing punctuation left out (the cursor moves
    by word starts, so a selection runs to the end of the word the cursor is on)."""
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    while end > start + 1 and text[end - 1] in _TRAILING:
        end -= 1
    return max(end, min(start + 1, len(text)))


class Annotator:
    """The annotation keys (see the module docstring) and the notebook they write to, None
    while it is not open or when the store cannot be used (``notes_problem`` says why);
    ``visual_anchor`` is where a visual selection started, None when none is in progress."""

    def __init__(self, host: AnnotationHost) -> None:
        self.host = host
        self.notebook: Notebook | None = None
        self.notes_problem: str | None = None
        self.visual_anchor: int | None = None
        self._store_at: tuple[Path, Source] = (Path(), Source(""))
        self.verdicts = Verdicts(self)
        self.note_actions = NoteActions(self)

    def run(self, key: str) -> None:
        """One of the annotation keys, by its action's name (``keys.ANNOTATION_KEYS``)."""
        actions: dict[str, Callable[[], None]] = {
            "visual": self.visual,
            "highlight": self.highlight,
            "note": self.note,
            "tag": self.tag,
            "bookmark": self.bookmark,
            "go_to_bookmark": self.go_to_bookmark,
            "dismiss_or_correct": self.verdicts.dismiss_or_correct,
            "undo": self.undo,
            "accept_change": self.note_actions.accept_change,
        }
        actions[key]()

    # -- the notebook --------------------------------------------------------------------------

    def open_notes(self, folder: Path, source: Source) -> None:
        """Open the notes store in ``folder``; a store that cannot be used is reported (a
        damaged one with the offer to move it aside), and the article opens without notes."""
        from .notebook import Notebook  # the store and anchoring load after the first frame

        self._store_at = (folder, source)
        try:
            self.notebook = Notebook.open(folder, source)
        except StoreCorrupt as error:
            from .screens.prompts import ConfirmScreen

            self.notes_failed(error)
            question = (
                f"{str(error).rstrip('.')}. Move it aside (kept under a new name) and start a "
                "new notes database?"
            )
            self.host.push_screen(ConfirmScreen(question), self._answered)
        except StoreError as error:
            self.notes_failed(error)

    def notes_failed(self, error: StoreError) -> None:
        self.notebook = None
        self.notes_problem = f"Notes are off: {one_line(str(error), 200)}"
        self.host.notify(self.notes_problem, severity="error", timeout=10)

    def _answered(self, yes: bool | None) -> None:
        if yes:
            self._move_aside(*self._store_at)

    def _move_aside(self, folder: Path, source: Source) -> None:
        """Move the damaged store aside, keeping every readable note in a new one."""
        from .notebook import Notebook
        from .notes.store import salvage

        if self.notebook is not None:
            self.notebook.close()
            self.notebook = None
        try:
            kept, saved = salvage(folder)
            self.notebook = Notebook.open(folder, source)
        except (OSError, StoreError) as error:
            self.host.notify(f"Could not: {one_line(str(error), 200)}", severity="error")
            return
        self.notes_problem = None
        copied = (
            f" ({saved} readable note{'s' * (saved != 1)} copied to a new one)" if saved else ""
        )
        self.host.notify(
            f"The damaged database is kept as {kept}{copied}; notes are on again.", timeout=8
        )
        self.host.show_notes_again()

    def attach(self, analysis: Analysis, first: bool) -> None:
        """Place the notes on a new analysis; on the ``first``, a store with notes it cannot
        read shows the others and offers to start a new database with them."""
        notebook = self.notebook
        if notebook is None:
            return
        try:
            notebook.attach(analysis.text, analysis.offsets)
        except StoreError as error:
            self.notes_failed(error)
            return
        if first and notebook.store.damaged:
            self.offer_salvage(notebook.store.damaged)

    def offer_salvage(self, damaged: dict[str, str]) -> None:
        """Some notes cannot be read: the others show; offer to start a new database."""
        from .screens.prompts import ConfirmScreen

        count = f"{len(damaged)} note{'s' * (len(damaged) != 1)}"
        first_id, why = next(iter(damaged.items()))
        self.notes_problem = f"Notes are read-only: {count} in the database cannot be read."
        question = (
            f"{count} in the notes database cannot be read (damaged; {first_id}: {why}), so "
            "nothing is saved to it. Move it aside (kept under a new name) and start a new "
            "one with every readable note?"
        )
        self.host.push_screen(ConfirmScreen(question), self._answered)

    # -- what a key acts on --------------------------------------------------------------------

    def target(self) -> Span | None:
        """The visual selection (whole words, from the word it began on to the cursor's), else
        the mouse selection, else the name under the cursor, else its sentence."""
        view = self.host.article
        if not view.text or self.host.reading.showing_original:
            return None
        if self.visual_anchor is not None:
            a, b = sorted((self.visual_anchor, view.cursor))
            return (a, word_end(view.text, b))
        mouse = view.mouse_span()
        if mouse is not None:
            return mouse
        mentions = self.host.reading.mentions.at(view.cursor)
        if mentions:
            return mentions[0][0]
        return view.sentence_at(view.cursor)

    def take_selection(self, mouse: str | None) -> tuple[str, str] | None:
        """What ``y`` copies before anything else: the ``v`` selection (copying ends it, as
        ``y`` does in vim), else the mouse selection; with what to call it."""
        span = self.visual_span()
        if span is not None:
            text = self.host.article.text[slice(*span)]
            self.visual()
            return text, "the selection"
        return (mouse, "the mouse selection") if mouse else None

    def visual_span(self) -> Span | None:
        """The ``v`` selection's span, None when no selection is in progress."""
        return self.target() if self.visual_anchor is not None else None

    def ready(self) -> Notebook | None:
        if self.notebook is None or self.notebook.document is None:
            self.host.notify(
                self.notes_problem or "Notes are not ready yet.", severity="warning", timeout=4
            )
            return None
        if self.host.reading.showing_original:
            self.host.notify(
                "Notes attach to the cleaned article: press o to return to it.", timeout=3
            )
            return None
        return self.notebook

    def _saved(self, what: str) -> None:
        """After any change: end the visual or mouse selection, repaint notes, say what
        happened."""
        self.visual_anchor = None
        self.host.article.paint("visual", ())
        self.host.article.clear_mouse_selection()
        notebook = self.notebook
        dismissed = notebook.dismissed() if notebook is not None else {}
        flags_changed = set(dismissed) != set(self.host.reading.dismissed)
        self.host.refresh_notes(("Notes", "Flags") if flags_changed else ("Notes",))
        self.host.set_status(what)

    def guard(self, change: Callable[[], object], what: str) -> bool:
        """Make ``change``; on success repaint and say ``what``, else say why it failed."""
        try:
            change()
        except StoreError as error:
            self.host.notify(f"Not saved: {one_line(str(error), 200)}", severity="error", timeout=8)
            return False
        self._saved(what)
        return True

    # -- keys ----------------------------------------------------------------------------------

    def visual(self) -> None:
        """``v``: start (or end) a selection at the cursor; moving the cursor extends it."""
        if self.visual_anchor is not None:
            self.visual_anchor = None
            self.host.article.paint("visual", ())
            self.host.set_status("Selection ended")
            return
        self.visual_anchor = self.host.article.cursor
        self.update_visual()
        self.host.set_status("Selecting: move the cursor, then h, a, t or b; v or esc ends")

    def update_visual(self) -> None:
        span = self.target() if self.visual_anchor is not None else None
        self.host.article.paint("visual", [span] if span else ())

    def highlight(self) -> None:
        """``h``: highlight the target; on a highlight, change its colour (the last removes it)."""
        from .notes.model import COLOURS  # the notes model loads after the first frame

        notebook, target = self.ready(), self.target()
        if notebook is None or target is None:
            return
        existing = notebook.at(target, ("highlight",))
        if existing is None or (existing.span != target and self.visual_anchor is not None):
            self.guard(
                lambda: notebook.add("highlight", target, colour=COLOURS[0]),
                f"Highlighted “{one_line(self.host.article.text[slice(*target)], 60)}”",
            )
            return
        note = existing.note
        index = COLOURS.index(note.colour) if note.colour in COLOURS else -1
        if index + 1 < len(COLOURS):
            self.guard(
                lambda: notebook.update(note, colour=COLOURS[index + 1]),
                f"Highlight is now {COLOURS[index + 1]} (h again: next colour)",
            )
        else:
            self.guard(lambda: notebook.delete(note), "Highlight removed (u undoes)")

    def note(self) -> None:
        """``a``: add a note on the target, or edit the note already there."""
        notebook, target = self.ready(), self.target()
        if notebook is None or target is None:
            return
        existing = notebook.at(target, ("note",)) if self.visual_anchor is None else None
        quote = self.host.article.text[
            slice(*(existing.span if existing and existing.span else target))
        ]

        def done(body: str | None) -> None:
            if body is None:
                self.host.set_status("Note not saved")
            elif existing is not None:
                self.guard(lambda: notebook.update(existing.note, body=body), "Note saved")
            else:
                self.guard(lambda: notebook.add("note", target, body=body), "Note saved")

        from .screens.note_editor import NoteEditor

        self.host.push_screen(NoteEditor(quote, existing.note.body if existing else ""), done)

    def tag(self) -> None:
        """``t``: tags (comma-separated) for the note at the target, or a new tagged note."""
        notebook, target = self.ready(), self.target()
        if notebook is None or target is None:
            return
        existing = notebook.at(target, ("note", "highlight", "bookmark"))
        current = ", ".join(existing.note.tags) if existing else ""

        def done(answer: str | None) -> None:
            if answer is None:
                return
            tags = tuple(
                dict.fromkeys(
                    t.strip().lstrip("#") for t in answer.split(",") if t.strip().lstrip("#")
                )
            )
            if existing is not None:
                self.guard(lambda: notebook.update(existing.note, tags=tags), "Tags saved")
            else:
                self.guard(lambda: notebook.add("note", target, tags=tags), "Tagged")

        from .screens.prompts import TextPrompt  # the prompts load when one first opens

        self.host.push_screen(
            TextPrompt("Tags, separated by commas:", current, notebook.tags()), done
        )

    def bookmark(self) -> None:
        """``b`` and a letter: a bookmark at the cursor's sentence; ``'`` and the letter return."""
        notebook, target = self.ready(), self.target()
        if notebook is None or target is None:
            return

        def done(letter: str | None) -> None:
            if letter is None:
                self.host.set_status("No bookmark set")
                return
            old = notebook.bookmark(letter)

            def change() -> None:
                if old is not None:
                    notebook.delete(old.note)
                notebook.add("bookmark", target, letter=letter)

            self.guard(change, f"Bookmark '{letter} set; ' then {letter} returns here")

        from .screens.prompts import LetterPrompt

        self.host.set_status(
            "b▏ waiting for a letter: a-z names the bookmark, any other key cancels"
        )
        self.host.push_screen(LetterPrompt("Bookmark letter:"), done)

    def go_to_bookmark(self) -> None:
        notebook = self.ready()
        if notebook is None:
            return

        def done(letter: str | None) -> None:
            found = notebook.bookmark(letter) if letter else None
            if found is None or found.span is None:
                if letter:
                    self.host.notify(f"No bookmark '{letter} in this article.", timeout=3)
                self.host.set_status("Stayed here")
                return
            self.host.go_to(self._note_item(found))

        from .screens.prompts import LetterPrompt

        self.host.set_status(
            "'▏ waiting for a letter: the bookmark to go to, any other key cancels"
        )
        self.host.push_screen(LetterPrompt("Go to bookmark:"), done)

    def undo(self) -> None:
        notebook = self.ready()
        if notebook is None:
            return
        try:
            done = notebook.undo()
        except UndoRefused as error:
            self.host.notify(f"{error}; u again goes further back.", severity="warning", timeout=6)
            return
        except StoreError as error:
            self.host.notify(f"Could not undo: {one_line(str(error), 200)}", severity="error")
            return
        if done is None:
            self.host.notify("Nothing to undo.", timeout=2)
            return
        self._saved(str(done).capitalize())
        if done.kind == "correction":
            self.host.start_analysis()

    def notices_at(self, offset: int) -> list[str]:
        """What the status line says of notes at ``offset`` whose quoted words changed."""
        notebook = self.notebook
        if notebook is None:
            return []
        notices = []
        for p in notebook.changed():
            if p.span and p.note.anchor and p.span[0] <= offset < p.span[1]:
                was, now = changed_words(one_line(p.note.anchor.exact), one_line(p.now or ""))
                notices.append(f"≠ {p.note.kind} changed: quoted “{was}”, now “{now}” (A accepts)")
        return notices

    def _note_item(self, placed: Placed) -> Item:
        key = placed.note.id
        return next(
            (i for i in self.host.reading.outline_items() if i.key == key),
            Item("note", key, "", placed.note.kind, (placed.span,) if placed.span else ()),
        )
