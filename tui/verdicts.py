"""``x``, the reader's verdict on what the analysis found: a flag dismissed with a reason (or
restored), an entity corrected (renamed, its kind changed, merged, an alias split off, hidden).
Saved through the ``Annotator``'s notebook; a correction makes the analysis run again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .analysis.model import Correction
from .outline import KIND_WORDS

if TYPE_CHECKING:
    from .annotate import Annotator
    from .notebook import Notebook
    from .outline import Item

_KINDS = tuple((kind, word.capitalize()) for kind, word in KIND_WORDS.items())
"""The kinds an entity can be given: as the analysis names them, and as the sidebar spells them."""


class Verdicts:
    """``x`` on a flag or an entity (see the module docstring)."""

    def __init__(self, notes: Annotator) -> None:
        self.notes = notes

    def dismiss_or_correct(self) -> None:
        """``x``: on a flag, dismiss it (with a reason, or restore it if dismissed); on an
        entity, correct it (merge, rename, change kind, split off an alias, hide)."""
        notebook = self.notes.ready()
        if notebook is None:
            return
        if self.notes.host.sidebar_has_focus():
            # In the sidebar, x acts on the row under its cursor, never on an earlier selection.
            item = self.notes.host.sidebar_item()
            if item is None or item.kind not in ("flag", "entity"):
                self.notes.host.notify(
                    "x works on a flag's or an entity's row: move the cursor onto one.", timeout=4
                )
                return
        else:
            item = self.notes.host.reading.selection
            if item is None or item.kind not in ("flag", "entity"):
                flags = self.notes.host.reading.flags.at(self.notes.host.article.cursor)
                item = flags[0][1] if flags else None
        if item is None:
            self.notes.host.notify(
                "x works on a flag or an entity: select one (] or the sidebar), or move onto it.",
                timeout=4,
            )
            return
        if item.kind == "flag":
            self._dismiss(notebook, item)
        else:
            self._correct(notebook, item)

    def _dismiss(self, notebook: Notebook, item: Item) -> None:
        dismissed = notebook.dismissed().get(item.key)
        if dismissed is not None:
            self.notes.guard(lambda: notebook.delete(dismissed), "Flag restored")
            return

        def done(reason: str | None) -> None:
            if reason is None:
                return
            span = item.spans[0] if item.spans else None
            self.notes.guard(
                lambda: notebook.add("dismissal", span, flag_id=item.key, reason=reason.strip()),
                "Flag dismissed (x on it again restores it; u undoes)",
            )

        from .screens.prompts import TextPrompt

        question = f"Dismiss this flag ({item.name})? Why (optional):"  # its name has quotes
        self.notes.host.push_screen(TextPrompt(question), done)

    def _correct(self, notebook: Notebook, item: Item) -> None:
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
            if self.notes.guard(
                lambda: notebook.add("correction", None, correction=correction),
                f"Correction saved ({action} {entity}); analysing again…",
            ):
                self.notes.host.start_analysis()  # a correction that was not saved changes nothing

        def save_answer(action: str, value: str | None) -> None:
            if value and value.strip():
                save(action, value.strip())

        def chosen(action: str | None) -> None:
            if action is None:
                return
            if action == "hide":
                save("hide")
            elif action == "kind":
                self.notes.host.push_screen(
                    ChoiceScreen(f"{entity} is a:", list(_KINDS)),
                    lambda kind: save_answer("kind", kind),
                )
            else:
                question = {
                    "rename": f"New name for {entity}:",
                    "merge": f"Merge {entity} with (an entity's name):",
                    "split": f"Alias to split off {entity}:",
                }[action]
                names = [
                    i.name for i in self.notes.host.reading.outline_items() if i.kind == "entity"
                ]
                self.notes.host.push_screen(
                    TextPrompt(question, suggestions=names),
                    lambda value: save_answer(action, value),
                )

        self.notes.host.push_screen(ChoiceScreen(f"Correct {entity}:", choices), chosen)
