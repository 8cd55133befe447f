"""The reader's annotation keys: select, highlight, note, tag, bookmark, dismiss, correct, undo.

A mixin of ``ReaderApp``: each action finds its target (the visual selection, else the mention
or sentence at the cursor), asks what it must with a small modal screen, and hands the change to
the ``Notebook``, which saves it at once. Nothing here reads or writes files itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textual.binding import Binding

from .analysis.model import Correction, Span
from .notes.errors import StoreError, UndoRefused
from .outline import Item
from .safe_text import one_line

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from .analysis.model import Analysis
    from .notebook import Notebook
    from .notes.model import Note, Placed
    from .spanindex import SpanIndex
    from .widgets.article import ArticleView

ANNOTATION_BINDINGS = [
    Binding("v", "visual", "Select", show=False, id="visual"),
    Binding("h", "highlight", "Highlight", id="highlight"),
    Binding("a", "note", "Note", id="note"),
    Binding("t", "tag", "Tag", show=False, id="tag"),
    Binding("b", "bookmark", "Bookmark", show=False, id="bookmark"),
    Binding(
        "apostrophe",
        "go_to_bookmark",
        "Go to bookmark",
        show=False,
        key_display="'",
        id="go_to_bookmark",
    ),
    Binding(
        "x", "dismiss_or_correct", "Dismiss flag / fix entity", show=False, id="dismiss_or_correct"
    ),
    Binding("u", "undo", "Undo note change", show=False, id="undo"),
    Binding(
        "A",
        "accept_change",
        "Accept changed words / re-anchor note",
        show=False,
        id="accept_change",
    ),
]
_KINDS = ("person", "organization", "place", "other")


class _Reader(Protocol):
    """What the annotation keys use of the reader."""

    notebook: Notebook | None
    notes_problem: str | None
    visual_anchor: int | None
    analysis: Analysis | None
    showing_original: bool
    selection: Item | None
    _mentions: SpanIndex[Item]
    _flags: SpanIndex[Item]
    _flag_dismissals: dict[str, Note]

    @property
    def article(self) -> ArticleView: ...
    @property
    def sidebar(self) -> _Outline: ...
    def notify(
        self, message: str, *, severity: SeverityLevel = ..., timeout: float | None = ...
    ) -> None: ...
    def push_screen(self, screen: Any, callback: Callable[[Any], Any]) -> Any: ...
    def set_status(self, text: str) -> None: ...
    def refresh_notes(self, changed: tuple[str, ...] | None = None) -> None: ...
    def start_analysis(self) -> None: ...
    def go_to(self, item: Item) -> None: ...
    def outline_items(self) -> list[Item]: ...
    def _dismissed(self) -> dict[str, Note]: ...
    # the mixin's own, called through ``self``
    def _target(self) -> Span | None: ...
    def _notebook_ready(self) -> Notebook | None: ...
    def _saved(self, what: str) -> None: ...
    def _guard(self, change: Callable[[], object], what: str) -> bool: ...
    def update_visual(self) -> None: ...
    def _dismiss(self, notebook: Notebook, item: Item) -> None: ...
    def _correct(self, notebook: Notebook, item: Item) -> None: ...
    def _note_item(self, placed: Placed) -> Item: ...
    def _chosen_note(self) -> Placed | None: ...


class _Outline(Protocol):
    @property
    def cursor_item(self) -> Item | None: ...


class AnnotationActions:
    """Annotation actions for ``ReaderApp`` (see the module docstring)."""

    notebook: Notebook | None
    visual_anchor: int | None

    # -- what a key acts on --------------------------------------------------------------------

    def _target(self: _Reader) -> Span | None:
        """The visual selection, else the name under the cursor, else its sentence."""
        view = self.article
        if not view.text or self.showing_original:
            return None
        if self.visual_anchor is not None:
            a, b = sorted((self.visual_anchor, view.cursor))
            return (a, min(b + 1, len(view.text)))
        mentions = self._mentions.at(view.cursor)
        if mentions:
            return mentions[0][0]
        return view.sentence_at(view.cursor)

    def _notebook_ready(self: _Reader) -> Notebook | None:
        if self.notebook is None or self.notebook.document is None:
            self.notify(
                self.notes_problem or "Notes are not ready yet.", severity="warning", timeout=4
            )
            return None
        if self.showing_original:
            self.notify("Notes attach to the cleaned article: press o to return to it.", timeout=3)
            return None
        return self.notebook

    def _saved(self: _Reader, what: str) -> None:
        """After any change: end the visual selection, repaint notes, say what happened."""
        self.visual_anchor = None
        self.article.paint("visual", ())
        flags_changed = set(self._dismissed()) != set(self._flag_dismissals)
        self.refresh_notes(("Notes", "Flags") if flags_changed else ("Notes",))
        self.set_status(what)

    def _guard(self: _Reader, change: Callable[[], object], what: str) -> bool:
        """Make ``change``; on success repaint and say ``what``, else say why it failed."""
        try:
            change()
        except StoreError as error:
            self.notify(f"Not saved: {one_line(str(error), 200)}", severity="error", timeout=8)
            return False
        self._saved(what)
        return True

    # -- keys ----------------------------------------------------------------------------------

    def action_visual(self: _Reader) -> None:
        """``v``: start (or end) a selection at the cursor; moving the cursor extends it."""
        if self.visual_anchor is not None:
            self.visual_anchor = None
            self.article.paint("visual", ())
            self.set_status("Selection ended")
            return
        self.visual_anchor = self.article.cursor
        self.update_visual()
        self.set_status("Selecting: move the cursor, then h, a, t or b; v or esc ends")

    def update_visual(self: _Reader) -> None:
        span = self._target() if self.visual_anchor is not None else None
        self.article.paint("visual", [span] if span else ())

    def action_highlight(self: _Reader) -> None:
        """``h``: highlight the target; on a highlight, change its colour (the last removes it)."""
        from .notes.model import COLOURS  # the notes model loads after the first frame

        notebook, target = self._notebook_ready(), self._target()
        if notebook is None or target is None:
            return
        existing = notebook.at(target, ("highlight",))
        if existing is None or (existing.span != target and self.visual_anchor is not None):
            self._guard(
                lambda: notebook.add("highlight", target, colour=COLOURS[0]),
                f"Highlighted “{one_line(self.article.text[slice(*target)], 60)}”",
            )
            return
        note = existing.note
        index = COLOURS.index(note.colour) if note.colour in COLOURS else -1
        if index + 1 < len(COLOURS):
            self._guard(
                lambda: notebook.update(note, colour=COLOURS[index + 1]),
                f"Highlight is now {COLOURS[index + 1]} (h again: next colour)",
            )
        else:
            self._guard(lambda: notebook.delete(note), "Highlight removed (u undoes)")

    def action_note(self: _Reader) -> None:
        """``a``: add a note on the target, or edit the note already there."""
        notebook, target = self._notebook_ready(), self._target()
        if notebook is None or target is None:
            return
        existing = notebook.at(target, ("note",)) if self.visual_anchor is None else None
        quote = self.article.text[slice(*(existing.span if existing and existing.span else target))]

        def done(body: str | None) -> None:
            if body is None:
                self.set_status("Note not saved")
            elif existing is not None:
                self._guard(lambda: notebook.update(existing.note, body=body), "Note saved")
            else:
                self._guard(lambda: notebook.add("note", target, body=body), "Note saved")

        from .screens.note_editor import NoteEditor

        self.push_screen(NoteEditor(quote, existing.note.body if existing else ""), done)

    def action_tag(self: _Reader) -> None:
        """``t``: tags (comma-separated) for the note at the target, or a new tagged note."""
        notebook, target = self._notebook_ready(), self._target()
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
                self._guard(lambda: notebook.update(existing.note, tags=tags), "Tags saved")
            else:
                self._guard(lambda: notebook.add("note", target, tags=tags), "Tagged")

        from .screens.prompts import TextPrompt  # the prompts load when one first opens

        self.push_screen(TextPrompt("Tags, separated by commas:", current, notebook.tags()), done)

    def action_bookmark(self: _Reader) -> None:
        """``b`` and a letter: a bookmark at the cursor's sentence; ``'`` and the letter return."""
        notebook, target = self._notebook_ready(), self._target()
        if notebook is None or target is None:
            return

        def done(letter: str | None) -> None:
            if letter is None:
                return
            old = notebook.bookmark(letter)

            def change() -> None:
                if old is not None:
                    notebook.delete(old.note)
                notebook.add("bookmark", target, letter=letter)

            self._guard(change, f"Bookmark '{letter} set; ' then {letter} returns here")

        from .screens.prompts import LetterPrompt

        self.push_screen(LetterPrompt("Bookmark letter:"), done)

    def action_go_to_bookmark(self: _Reader) -> None:
        notebook = self._notebook_ready()
        if notebook is None:
            return

        def done(letter: str | None) -> None:
            found = notebook.bookmark(letter) if letter else None
            if found is None or found.span is None:
                if letter:
                    self.notify(f"No bookmark '{letter} in this article.", timeout=3)
                return
            self.go_to(self._note_item(found))

        from .screens.prompts import LetterPrompt

        self.push_screen(LetterPrompt("Go to bookmark:"), done)

    def action_undo(self: _Reader) -> None:
        notebook = self._notebook_ready()
        if notebook is None:
            return
        try:
            done = notebook.undo()
        except UndoRefused as error:
            self.notify(f"{error}; u again goes further back.", severity="warning", timeout=6)
            return
        except StoreError as error:
            self.notify(f"Could not undo: {one_line(str(error), 200)}", severity="error")
            return
        if done is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self._saved(one_line(done, 120).capitalize())
        if "correction" in done:
            self.start_analysis()

    # -- flags and entities --------------------------------------------------------------------

    def action_dismiss_or_correct(self: _Reader) -> None:
        """``x``: on a flag, dismiss it (with a reason, or restore it if dismissed); on an
        entity, correct it (merge, rename, change kind, split off an alias, hide)."""
        notebook = self._notebook_ready()
        item = self.selection
        if notebook is None:
            return
        if item is None or item.kind not in ("flag", "entity"):
            flags = self._flags.at(self.article.cursor)
            item = flags[0][1] if flags else None
        if item is None:
            self.notify(
                "x works on a flag or an entity: select one (] or the sidebar), or move onto it.",
                timeout=4,
            )
            return
        if item.kind == "flag":
            self._dismiss(notebook, item)
        else:
            self._correct(notebook, item)

    def _dismiss(self: _Reader, notebook: Notebook, item: Item) -> None:
        dismissed = notebook.dismissed().get(item.key)
        if dismissed is not None:
            self._guard(lambda: notebook.delete(dismissed), "Flag restored")
            return

        def done(reason: str | None) -> None:
            if reason is None:
                return
            span = item.spans[0] if item.spans else None
            self._guard(
                lambda: notebook.add("dismissal", span, flag_id=item.key, reason=reason.strip()),
                "Flag dismissed (x on it again restores it; u undoes)",
            )

        from .screens.prompts import TextPrompt

        self.push_screen(TextPrompt(f"Dismiss “{item.name}”? Why (optional):"), done)

    def _correct(self: _Reader, notebook: Notebook, item: Item) -> None:
        from .screens.prompts import ChoiceScreen, TextPrompt

        entity = item.name
        choices = [
            ("rename", "Rename…"),
            ("kind", "Change kind…"),
            ("merge", "Merge with…"),
            ("split", "Split off an alias…"),
            ("hide", "Hide"),
        ]

        def save(action: str, value: str = "") -> None:
            correction = Correction(action, entity, value)  # type: ignore[arg-type]
            if self._guard(
                lambda: notebook.add("correction", None, correction=correction),
                f"Correction saved ({action} {entity}); analysing again…",
            ):
                self.start_analysis()  # a correction that was not saved changes nothing

        def save_answer(action: str, value: str | None) -> None:
            if value and value.strip():
                save(action, value.strip())

        def chosen(action: str | None) -> None:
            if action is None:
                return
            if action == "hide":
                save("hide")
            elif action == "kind":
                self.push_screen(
                    ChoiceScreen(f"{entity} is a:", [(k, k) for k in _KINDS]),
                    lambda kind: save_answer("kind", kind),
                )
            else:
                question = {
                    "rename": f"New name for {entity}:",
                    "merge": f"Merge {entity} with (an entity's name):",
                    "split": f"Alias to split off {entity}:",
                }[action]
                names = [i.name for i in self.outline_items() if i.kind == "entity"]
                self.push_screen(
                    TextPrompt(question, suggestions=names),
                    lambda value: save_answer(action, value),
                )

        self.push_screen(ChoiceScreen(f"Correct {entity}:", choices), chosen)

    # -- the notes sidebar ---------------------------------------------------------------------

    def _note_item(self: _Reader, placed: Placed) -> Item:
        key = placed.note.id
        return next(
            (i for i in self.outline_items() if i.key == key),
            Item("note", key, "", placed.note.kind, (placed.span,) if placed.span else ()),
        )

    def _chosen_note(self: _Reader) -> Placed | None:
        item = self.sidebar.cursor_item
        if item is None or item.kind != "note" or self.notebook is None:
            self.notify("Put the sidebar cursor on a note first.", timeout=3)
            return None
        return next((p for p in self.notebook.placed if p.note.id == item.key), None)

    def action_edit_note(self: _Reader) -> None:
        placed = self._chosen_note()
        notebook = self.notebook
        if placed is None or notebook is None:
            return
        quote = placed.note.anchor.exact if placed.note.anchor else ""

        def done(body: str | None) -> None:
            if body is not None:
                self._guard(lambda: notebook.update(placed.note, body=body), "Note saved")

        from .screens.note_editor import NoteEditor

        self.push_screen(NoteEditor(quote, placed.note.body), done)

    def action_delete_note(self: _Reader) -> None:
        placed = self._chosen_note()
        notebook = self.notebook
        if placed is None or notebook is None:
            return
        quote = placed.note.anchor.exact if placed.note.anchor else placed.note.kind

        def done(yes: bool | None) -> None:
            if yes:
                self._guard(
                    lambda: notebook.delete(placed.note),
                    f"Deleted the {placed.note.kind} (u undoes)",
                )

        from .screens.prompts import ConfirmScreen

        self.push_screen(
            ConfirmScreen(f"Delete this {placed.note.kind} on “{one_line(quote, 60)}”?"), done
        )

    def action_accept_change(self: _Reader) -> None:
        """``A``: a note whose quoted words changed takes the words its place reads now; with a
        ``v`` selection, the selected note (from the sidebar, an orphan too) moves onto it."""
        notebook = self._notebook_ready()
        if notebook is None:
            return
        chosen = self.selection if self.selection is not None else None
        placed = None
        if chosen is not None and chosen.kind == "note":
            placed = next((p for p in notebook.placed if p.note.id == chosen.key), None)
        if self.visual_anchor is not None:
            target = self._target()
            if placed is None or target is None:
                self.notify(
                    "To re-anchor: choose the note in the sidebar (enter), then select the "
                    "words with v and press A.",
                    timeout=5,
                )
                return
            words, note = one_line(self.article.text[slice(*target)], 60), placed.note
            self._guard(
                lambda: notebook.move(note, target),
                f"The {note.kind} now stands on “{words}” (u undoes)",
            )
            return
        if placed is None or not placed.changed:
            cursor = self.article.cursor
            placed = next(
                (p for p in notebook.changed() if p.span and p.span[0] <= cursor < p.span[1]),
                None,
            )
        if placed is None or placed.span is None or placed.now is None:
            self.notify(
                "A works on a note whose quoted words changed (Notes › Changed since quoted), "
                "or re-anchors the chosen note on a v selection.",
                timeout=5,
            )
            return
        span, words = placed.span, one_line(placed.now, 60)
        self._guard(
            lambda: notebook.move(placed.note, span),
            f"Accepted the new words “{words}” (u undoes)",
        )

    def action_write_review(self: _Reader) -> None:
        """The palette's "Write the review": what ``closeread review`` prints, into a file."""
        notebook = self._notebook_ready()
        if notebook is None or self.analysis is None:
            return
        try:
            path = notebook.write_review(self.analysis, Path.cwd())
        except (OSError, StoreError) as error:
            self.notify(f"Not written: {one_line(str(error), 200)}", severity="error")
            return
        self.notify(f"Review written to {one_line(str(path), 200)}", timeout=6)

    def action_export_notes(self: _Reader, fmt: str) -> None:
        notebook = self._notebook_ready()
        if notebook is None:
            return
        try:
            path = notebook.export(fmt, Path.cwd())
        except (OSError, StoreError) as error:
            self.notify(f"Not exported: {one_line(str(error), 200)}", severity="error")
            return
        self.notify(f"Notes written to {path}", timeout=6)
