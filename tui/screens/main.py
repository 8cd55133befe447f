"""The reader's own window, a Textual ``Screen`` with one change."""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class MainScreen(Screen[None]):
    """The window the article and the sidebar share. A change of focus restyles the widgets
    it leaves and enters, which repaint themselves; the whole-screen repaint Textual adds on
    top (``Screen.focused`` repaints by default) renders every line again, a frame of work at
    each ``tab``."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
