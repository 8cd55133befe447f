"""Work-arounds for bugs in the installed Textual, each applied once and narrowly.

OptionList paging (textual 8.2.8, ``widgets/_option_list.py``): ``_update_lines`` returns early
while the list has no content region (a window 4 rows high leaves the command palette's list 0
rows tall), so the option-to-line map stays empty; ``_move_page`` then reads
``self._index_to_line[self.highlighted or 0]`` without the ``KeyError`` guard that
``scroll_to_highlight`` has (and would index ``self._lines[-1]`` of an empty list next).
``ctrl+p`` then ``pagedown`` in a 4-row terminal crashed the reader with ``KeyError: 0``.
Paging a list that shows no line now does nothing, as paging an empty list already did.

Wrapping at no width (textual 8.2.8, ``content.py``): ``Content._wrap_and_format`` folds long
words with ``rich.cells.chop_cells``, whose ``range(0, n, width)`` raises ``ValueError`` at width 0.
A dialog sized to a 12-column screen leaves its option list no room after borders and padding, so
the layout raised on every reflow and the reader stopped drawing. A line now wraps at one cell at
least; what does not fit is clipped by the region, as everywhere else.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import OptionList


def apply_textual_fixes() -> None:
    """Apply every work-around once; later calls do nothing."""
    guard_option_list_paging()
    guard_wrapping_at_no_width()


def guard_wrapping_at_no_width() -> None:
    """Make ``Content._wrap_and_format`` wrap at one cell when it is given none."""
    original = Content._wrap_and_format
    if getattr(original, "_closeread_guarded", False):
        return

    def _wrap_and_format(self: Content, width: int, *args: Any, **kwargs: Any) -> Any:
        return original(self, max(width, 1 + 2 * kwargs.get("line_pad", 0)), *args, **kwargs)

    _wrap_and_format._closeread_guarded = True  # type: ignore[attr-defined]
    Content._wrap_and_format = _wrap_and_format  # type: ignore[method-assign]


def guard_option_list_paging() -> None:
    """Make ``OptionList._move_page`` a no-op while the list has no laid-out lines."""
    original = getattr(OptionList, "_move_page", None)
    if original is None or getattr(original, "_closeread_guarded", False):
        return

    def _move_page(self: OptionList, direction: int) -> None:
        highlighted = self.highlighted or 0
        if not self._lines or highlighted not in self._index_to_line:
            return
        original(self, direction)

    _move_page._closeread_guarded = True  # type: ignore[attr-defined]
    OptionList._move_page = _move_page  # type: ignore[method-assign]
