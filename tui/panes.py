"""How the article and the sidebar share the window: the sidebar's width (``<`` and ``>``),
whether it is shown (``\\``), and below ``NARROW`` columns the sidebar under the article instead
of beside it, so the article is never crushed; and the detail pane under the sidebar (``i``). The
reader's choice is kept in ``panes.json`` beside the settings file (never in ``config.toml``,
which is the user's to write)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from textual.widget import Widget

from .config import config_dir

if TYPE_CHECKING:
    from textual.geometry import Size

    from .notebook import Notebook
    from .outline import Item
    from .reading import Reading
    from .widgets.article import ArticleView
    from .widgets.details import DetailPane
    from .widgets.sidebar import Sidebar

NARROW = 72
"""Below this many columns the sidebar goes under the article."""
STEP = 4
NARROWEST, WIDEST = 20, 100
MIN_ARTICLE = 40
"""Columns the article keeps beside the sidebar, however wide the reader makes it."""
UNDER, UNDER_STEP, UNDER_LEAST, UNDER_MOST = 40, 10, 20, 70
"""Below ``NARROW`` columns: the share of the height (per cent) the sidebar takes under the
article, and how ``<``/``>`` change it."""
STATE_FILE = "panes.json"
DESCRIBED = ("flag", "entity", "figure")
"""The kinds of sidebar row the detail pane describes."""
NOTHING = "Select a flag, an entity or a figure (the sidebar's enter, ], n) to see it here."


class Panes(NamedTuple):
    """The reader's choice: the sidebar's width in columns (None: the stylesheet's), whether
    it is hidden, and its share of the height when it is under the article."""

    width: int | None = None
    hidden: bool = False
    under: int = UNDER

    def taller(self, by: int) -> Panes:
        """Under the article, ``<``/``>`` give the sidebar less or more of the height."""
        return self._replace(under=max(UNDER_LEAST, min(UNDER_MOST, self.under + by)), hidden=False)

    def wider(self, by: int, current: int) -> Panes:
        start = self.width if self.width is not None else current
        return self._replace(width=max(NARROWEST, min(WIDEST, start + by)), hidden=False)

    def fitted(self, screen_width: int) -> int | None:
        """The width to give the sidebar beside the article on a screen this wide."""
        if self.width is None:
            return None
        return max(NARROWEST, min(self.width, screen_width - MIN_ARTICLE))


def load_panes(folder: Path | None = None) -> Panes:
    """The kept choice; anything unreadable is the default (it is only a preference)."""
    path = (folder or config_dir()) / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        width, under = data.get("sidebar_width"), data.get("sidebar_under")
        return Panes(
            width if isinstance(width, int) and NARROWEST <= width <= WIDEST else None,
            data.get("sidebar_hidden") is True,
            under if isinstance(under, int) and UNDER_LEAST <= under <= UNDER_MOST else UNDER,
        )
    except (OSError, ValueError, AttributeError):
        return Panes()


def save_panes(panes: Panes, folder: Path | None = None) -> bool:
    """Keep the choice (written whole, then renamed into place); False if it cannot be."""
    directory = folder or config_dir()
    path = directory / STATE_FILE
    try:
        directory.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(
            json.dumps(
                {
                    "sidebar_width": panes.width,
                    "sidebar_hidden": panes.hidden,
                    "sidebar_under": panes.under,
                }
            ),
            encoding="utf-8",
        )
        os.replace(temporary, path)
    except OSError:
        return False
    return True


class LayoutHost(Protocol):
    """What the layout uses of the reader."""

    reading: Reading
    panes: Panes

    @property
    def size(self) -> Size: ...
    @property
    def article(self) -> ArticleView: ...
    @property
    def sidebar(self) -> Sidebar: ...
    @property
    def details(self) -> DetailPane | None: ...
    @property
    def side(self) -> Widget: ...
    @property
    def notebook(self) -> Notebook | None: ...
    def set_status(self, text: str) -> None: ...
    def notify(self, message: str, *, timeout: float | None = ...) -> None: ...
    def go_to(self, item: Item) -> None: ...
    def sidebar_has_focus(self) -> bool: ...


class Layout:
    """Lays the panes out as ``host.panes`` says, and keeps the detail pane on the selection."""

    def __init__(self, host: LayoutHost) -> None:
        self.host = host

    @property
    def details_open(self) -> bool:
        details = self.host.details
        return details is not None and bool(details.display)

    def lay_out(self) -> None:
        """The sidebar column beside the article at the reader's width, under it on a narrow
        screen (sidebar and details side by side), or nowhere when hidden."""
        host = self.host
        side, box, article = host.side, host.side.parent, host.article
        choice, width = host.panes, host.size.width
        if not isinstance(box, Widget):
            return
        narrow = width < NARROW
        side.display = not choice.hidden
        box.styles.layout = "vertical" if narrow else "horizontal"
        side.styles.layout = "horizontal" if narrow else "vertical"
        if narrow:
            side.styles.width, side.styles.max_width = "100%", None
            side.styles.height = f"{choice.under}%"
            article.styles.width = "100%"
        else:
            fitted = choice.fitted(width)
            side.styles.width = fitted if fitted is not None else "1fr"
            side.styles.max_width = fitted if fitted is not None else 60  # over the sheet's
            side.styles.height = "100%"
            article.styles.width = "2fr"
        side.set_class(narrow, "-under")
        details = host.details
        if choice.hidden and (host.sidebar.has_focus or (details and details.has_focus)):
            article.focus()

    def toggle_sidebar(self) -> None:
        """``\\``: hide the sidebar (and the details), or show it again; remembered."""
        host = self.host
        self._choose(host.panes._replace(hidden=not host.panes.hidden))
        host.set_status("Sidebar hidden: \\ shows it" if host.panes.hidden else "Sidebar shown")

    def widen(self, step: int) -> None:
        """``>`` and ``<``: the sidebar wider or narrower, by a few columns (under the article,
        taller or shorter); remembered."""
        host = self.host
        if host.size.width < NARROW:
            self._choose(host.panes.taller(step * UNDER_STEP))
            host.set_status(
                f"Sidebar under the article: {host.panes.under}% of the height (< and >)"
            )
            return
        self._choose(host.panes.wider(step * STEP, host.side.outer_size.width or 30))
        host.set_status(f"Sidebar: {host.panes.fitted(host.size.width)} columns (< and >)")

    def _choose(self, panes: Panes) -> None:
        self.host.panes = panes
        save_panes(panes)
        self.lay_out()

    # -- the detail pane -----------------------------------------------------------------------

    def open_details(self) -> None:
        """``i``: the details of the row under the sidebar's cursor (selected first, so that
        ``n`` and ``x`` act on what the pane shows), else of the selection; ``i`` again on
        what the pane shows closes it."""
        host = self.host
        switched = False
        row = host.sidebar.cursor_item if host.sidebar_has_focus() else None
        if row is not None and row.kind in DESCRIBED:
            selection = host.reading.selection
            if selection is None or selection.key != row.key:
                host.go_to(row)
                switched = True
        if self.details_open and not switched:
            self.close_details()
            return
        item = host.reading.selection
        if item is None or item.kind not in DESCRIBED:
            host.notify(
                "i shows the details of a flag, entity or figure: select one (], n, the "
                "sidebar) or put the sidebar's cursor on it.",
                timeout=4,
            )
            return
        if host.panes.hidden:
            self._choose(host.panes._replace(hidden=False))
        details = host.details
        if details is None:  # made on first use: the first frame does not pay for it
            from .widgets.details import DetailPane

            details = DetailPane(id="details")
            details.display = True
            host.side.mount(details)
            details.call_after_refresh(self.follow)
        else:
            details.display = True
            self.follow()

    def close_details(self) -> None:
        host = self.host
        details = host.details
        if details is None:
            return
        if details.has_focus:
            host.sidebar.focus()
        details.scroll_home(animate=False, immediate=True)  # opened again, it starts at the top
        details.display = False

    def follow(self) -> None:
        """Show the selection in the open pane, with the place ``n``/``N`` stands on."""
        host, details = self.host, self.host.details
        if details is None or not details.display:
            return
        analysis, item = host.reading.analysis, host.reading.selection
        if analysis is None:
            return
        if item is None or item.kind not in DESCRIBED:
            details.show("Nothing selected", [("", NOTHING)])
            return
        from .details import describe

        notebook = host.notebook
        corrections = notebook.corrections() if notebook is not None else []
        dismissed = notebook.dismissed() if notebook is not None else {}
        title, lines = describe(item, analysis, dismissed, corrections)
        details.show(title, lines, f"{host.reading.position + 1}.")
