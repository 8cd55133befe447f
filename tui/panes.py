"""How the article and the sidebar share the window: the sidebar's width (``<`` and ``>``),
whether it is shown (``\\``), and below ``NARROW`` columns the sidebar under the article instead
of beside it, so the article is never crushed. The reader's choice is kept in ``panes.json``
beside the settings file (never in ``config.toml``, which is the user's to write)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

from .config import config_dir

NARROW = 72
"""Below this many columns the sidebar goes under the article."""
STEP = 4
NARROWEST, WIDEST = 20, 100
MIN_ARTICLE = 40
"""Columns the article keeps beside the sidebar, however wide the reader makes it."""
STATE_FILE = "panes.json"


class Panes(NamedTuple):
    """The reader's choice: the sidebar's width in columns (None: the stylesheet's) and
    whether it is hidden."""

    width: int | None = None
    hidden: bool = False

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
        width = data.get("sidebar_width")
        return Panes(
            width if isinstance(width, int) and NARROWEST <= width <= WIDEST else None,
            data.get("sidebar_hidden") is True,
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
            json.dumps({"sidebar_width": panes.width, "sidebar_hidden": panes.hidden}),
            encoding="utf-8",
        )
        os.replace(temporary, path)
    except OSError:
        return False
    return True
