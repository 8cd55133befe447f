"""A ``ScrollView`` whose change of focus repaints only what the focus changes."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.scroll_view import ScrollView


class Pane(ScrollView):
    """The article and the sidebar tint themselves when focused, so ``tab`` restyles both.

    Their lines are kept per focus state (see ``_restyling_for_focus``), so ``tab`` does not
    make them again.

    Restyling a widget sets each of its scrollbar colours again, and Textual refreshes the
    scrollbars at every such assignment, changed or not, each refresh a region of its own: the
    pane was composited a second time for its scrollbar. A pane holds those refreshes back
    while the focus restyles it, and if what its scrollbars are drawn from did change (its
    background, which the tint changes) marks them to be drawn again within the pane's own
    repaint."""

    _restyling_for_focus = False
    """True while a change of focus restyles the pane: what it draws per focus state is kept
    then, and dropped at any other restyle (``notify_style_update``)."""

    _styles: dict[bool, dict[str, Style]]
    """The pane's component styles, per focus state (set by the subclass)."""
    _cache: Any
    """The pane's drawn lines (set by the subclass), kept per focus state in their keys."""

    def notify_style_update(self) -> None:
        if not self._restyling_for_focus:  # the focus picks the other set; all else drops both
            self._styles.clear()
            self._cache.clear()
        super().notify_style_update()

    def watch_has_focus(self, has_focus: bool) -> None:
        self._restyling_for_focus = True
        try:
            self._restyle_for_focus(has_focus)
        finally:
            self._restyling_for_focus = False

    def _restyle_for_focus(self, has_focus: bool) -> None:
        bars = [b for b in (self._vertical_scrollbar, self._horizontal_scrollbar) if b is not None]
        if not bars or not self.is_mounted:
            super().watch_has_focus(has_focus)
            return
        before = self._scrollbar_look()
        for bar in bars:  # an instance attribute shadows the method while the styles change
            bar.refresh = lambda *regions, bar=bar, **flags: bar  # type: ignore[method-assign]
        try:
            super().watch_has_focus(has_focus)
        finally:
            for bar in bars:
                del bar.refresh
        if self._scrollbar_look() != before:
            for bar in bars:  # drawn again in the frame that repaints the pane around them
                bar._set_dirty()

    def _scrollbar_look(self) -> tuple[object, ...]:
        """What ``ScrollBar.render`` and ``ScrollBarCorner.render`` draw from."""
        styles = self.styles
        return (
            styles.scrollbar_background,
            styles.scrollbar_background_hover,
            styles.scrollbar_background_active,
            styles.scrollbar_color,
            styles.scrollbar_color_hover,
            styles.scrollbar_color_active,
            styles.scrollbar_corner_color,
            styles.scrollbar_size_vertical,
            styles.scrollbar_size_horizontal,
            self.background_colors,
        )
