"""What the reader does to a saved note from the sidebar: edit its body, delete it, accept the
new words of a note whose quote changed (or re-anchor it on a ``v`` selection), and write the
notes or the whole review to a file. Saved through the ``Annotator``'s notebook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .notes.errors import StoreError
from .safe_text import one_line

if TYPE_CHECKING:
    from .annotate import Annotator
    from .notes.model import Placed


class NoteActions:
    """The notes' own keys and palette commands (see the module docstring)."""

    def __init__(self, notes: Annotator) -> None:
        self.notes = notes

    def _chosen_note(self) -> Placed | None:
        item = self.notes.host.sidebar_item()
        if item is None or item.kind != "note" or self.notes.notebook is None:
            self.notes.host.notify("Put the sidebar cursor on a note first.", timeout=3)
            return None
        return next((p for p in self.notes.notebook.placed if p.note.id == item.key), None)

    def edit_note(self) -> None:
        placed = self._chosen_note()
        notebook = self.notes.notebook
        if placed is None or notebook is None:
            return
        quote = placed.note.anchor.exact if placed.note.anchor else ""

        def done(body: str | None) -> None:
            if body is not None:
                self.notes.guard(lambda: notebook.update(placed.note, body=body), "Note saved")

        from .screens.note_editor import NoteEditor

        self.notes.host.push_screen(NoteEditor(quote, placed.note.body), done)

    def delete_note(self) -> None:
        placed = self._chosen_note()
        notebook = self.notes.notebook
        if placed is None or notebook is None:
            return
        quote = placed.note.anchor.exact if placed.note.anchor else placed.note.kind

        def done(yes: bool | None) -> None:
            if yes:
                self.notes.guard(
                    lambda: notebook.delete(placed.note),
                    f"Deleted the {placed.note.kind} (u undoes)",
                )

        from .screens.prompts import ConfirmScreen

        self.notes.host.push_screen(
            ConfirmScreen(f"Delete this {placed.note.kind} on “{one_line(quote, 60)}”?"), done
        )

    def accept_change(self) -> None:
        """``A``: a note whose quoted words changed takes the words its place reads now; with a
        ``v`` selection, the selected note (from the sidebar, an orphan too) moves onto it."""
        notebook = self.notes.ready()
        if notebook is None:
            return
        chosen = (
            self.notes.host.reading.selection
            if self.notes.host.reading.selection is not None
            else None
        )
        placed = None
        if chosen is not None and chosen.kind == "note":
            placed = next((p for p in notebook.placed if p.note.id == chosen.key), None)
        if self.notes.visual_anchor is not None:
            target = self.notes.target()
            if placed is None or target is None:
                self.notes.host.notify(
                    "To re-anchor: choose the note in the sidebar (enter), then select the "
                    "words with v and press A.",
                    timeout=5,
                )
                return
            words, note = one_line(self.notes.host.article.text[slice(*target)], 60), placed.note
            self.notes.guard(
                lambda: notebook.move(note, target),
                f"The {note.kind} now stands on “{words}” (u undoes)",
            )
            return
        if placed is None or not placed.changed:
            cursor = self.notes.host.article.cursor
            placed = next(
                (p for p in notebook.changed() if p.span and p.span[0] <= cursor < p.span[1]),
                None,
            )
        if placed is None or placed.span is None or placed.now is None:
            self.notes.host.notify(
                "A works on a note whose quoted words changed (Notes › Changed since quoted), "
                "or re-anchors the chosen note on a v selection.",
                timeout=5,
            )
            return
        span, words = placed.span, one_line(placed.now, 60)
        self.notes.guard(
            lambda: notebook.move(placed.note, span),
            f"Accepted the new words “{words}” (u undoes)",
        )

    def write_review(self) -> None:
        """The palette's "Write the review": what ``closeread review`` prints, into a file."""
        notebook = self.notes.ready()
        if notebook is None or self.notes.host.reading.analysis is None:
            return
        try:
            path = notebook.write_review(self.notes.host.reading.analysis, Path.cwd())
        except (OSError, StoreError) as error:
            self.notes.host.notify(f"Not written: {one_line(str(error), 200)}", severity="error")
            return
        self.notes.host.notify(f"Review written to {one_line(str(path), 200)}", timeout=6)

    def export_notes(self, fmt: str) -> None:
        notebook = self.notes.ready()
        if notebook is None:
            return
        try:
            path = notebook.export(fmt, Path.cwd())
        except (OSError, StoreError) as error:
            self.notes.host.notify(f"Not exported: {one_line(str(error), 200)}", severity="error")
            return
        self.notes.host.notify(f"Notes written to {path}", timeout=6)
