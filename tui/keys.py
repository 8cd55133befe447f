"""Every key the reader answers to, in one place: the app's, the annotation keys, and the keys
of the search prompt and the dialogs (which the help lists). A binding's ``id`` is what a
``[keys]`` setting rebinds; the palette runs a binding's own action. The annotation keys all
run ``annotate(name)``, which hands them to ``Annotator.run``."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

ANNOTATION_KEYS: list[BindingType] = [
    Binding("v", "annotate('visual')", "Select", show=False, id="visual"),
    Binding("h", "annotate('highlight')", "Highlight", id="highlight"),
    Binding("a", "annotate('note')", "Note", id="note"),
    Binding("t", "annotate('tag')", "Tag", show=False, id="tag"),
    Binding("b", "annotate('bookmark')", "Bookmark", show=False, id="bookmark"),
    Binding(
        "apostrophe",
        "annotate('go_to_bookmark')",
        "Go to bookmark",
        show=False,
        key_display="'",
        id="go_to_bookmark",
    ),
    Binding(
        "x",
        "annotate('dismiss_or_correct')",
        "Dismiss flag / fix entity",
        show=False,
        id="dismiss_or_correct",
    ),
    Binding("u", "annotate('undo')", "Undo note change", show=False, id="undo"),
    Binding(
        "A",
        "annotate('accept_change')",
        "Accept changed words / re-anchor note",
        show=False,
        id="accept_change",
    ),
]

READER_KEYS: list[BindingType] = [
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark", "help", "Help", key_display="?", id="help"),
    Binding("tab", "app.focus_next", "Next pane", show=False, id="focus_next"),
    Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="focus_previous"),
    Binding("n", "next_link(1)", "Next", id="next_link"),
    Binding("N", "next_link(-1)", "Previous", show=False, key_display="N", id="previous_link"),
    Binding("right_square_bracket", "next_flag(1)", "Next flag", key_display="]", id="next_flag"),
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
    Binding(
        "backslash",
        "toggle_sidebar",
        "Hide or show the sidebar",
        show=False,
        key_display="\\",
        id="toggle_sidebar",
    ),
    Binding(
        "greater_than_sign",
        "widen_sidebar(1)",
        "Widen the sidebar",
        show=False,
        key_display=">",
        id="widen_sidebar",
    ),
    Binding(
        "less_than_sign",
        "widen_sidebar(-1)",
        "Narrow the sidebar",
        show=False,
        key_display="<",
        id="narrow_sidebar",
    ),
    Binding("i", "details", "Details: reason, source, every place", show=False, id="details"),
    Binding("y", "copy", "Copy the selection, span or sentence", show=False, id="copy"),
    Binding("ctrl+c", "copy", "Copy (as y)", show=False, priority=True, id="copy_ctrl_c"),
    Binding("f", "filters", "Filter sidebar", show=False, id="filters"),
    Binding("D", "set_date", "Reference date", show=False, key_display="D", id="set_date"),
    Binding("ctrl+p", "command_palette", "Commands", show=False, id="palette"),
    Binding("R", "library", "Open recent…", show=False, key_display="R", id="open_recent"),
    Binding("O", "open_file", "Open file…", show=False, key_display="O", id="open_file"),
    Binding(
        "F", "search_notes", "Search all notes…", show=False, key_display="F", id="search_notes"
    ),
    Binding(
        "backspace", "back_to_library", "Back to the library", show=False, id="back_to_library"
    ),
    *ANNOTATION_KEYS,
]

PROMPT_KEYS: list[BindingType] = [
    Binding("enter", "keep", "Keep the hits for n/N"),
    Binding("escape", "cancel", "Cancel the search"),
    Binding("backspace", "back", "Delete a character (on none: cancel)"),
    Binding("ctrl+w", "word", "Delete a word"),
    Binding("ctrl+u", "line", "Delete the whole query"),
]
"""The ``/`` prompt's keys (handled by ``SearchPrompt``, listed here for the help)."""
PROMPTS: list[BindingType] = [
    Binding("ctrl+s", "save", "Save a note"),
    Binding("escape", "cancel", "Cancel a prompt"),
]


def help_sections(
    keymap: Mapping[str, str] | None = None,
) -> list[tuple[str, Sequence[BindingType]]]:
    """What ``?`` lists, by where the keys work, with the keys ``keymap`` (the ``[keys]``
    settings: binding id to keys) gives in place of the defaults."""
    from .widgets.article import ArticleView
    from .widgets.sidebar import Sidebar

    def active(bindings: Sequence[BindingType]) -> list[BindingType]:
        given = keymap or {}
        return [
            replace(b, key=given[b.id], key_display=None)
            if isinstance(b, Binding) and b.id is not None and b.id in given
            else b
            for b in bindings
        ]

    return [
        ("Everywhere", active(READER_KEYS)),
        ("Article pane", active(ArticleView.BINDINGS)),
        ("Sidebar", active(Sidebar.BINDINGS)),
        ("Search prompt (/)", PROMPT_KEYS),
        ("Prompts", PROMPTS),
    ]
