"""Where the shipped files are: installed inside the package, or beside it in a source tree."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
SAMPLE_NAME = "kazakhstan-unrest-2022-scraped.txt"


def _shipped(folder: str) -> Path:
    """A wheel installs ``styles/`` and ``seeds/`` as ``tui/styles`` and ``tui/seeds``; a source
    checkout keeps them at the top of the repository."""
    installed = _PACKAGE / folder
    return installed if installed.is_dir() else _PACKAGE.parent / folder


def styles_dir() -> Path:
    return _shipped("styles")


def dialog_css() -> str:
    """The dialogs' stylesheet: a screen's ``CSS_PATH`` is read when it first opens."""
    return str(styles_dir() / "dialogs.tcss")


def seed_file() -> Path:
    return _shipped("seeds") / SAMPLE_NAME
