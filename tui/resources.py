"""Where the shipped files are: installed beside the package, or in the source tree."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_NAME = "kazakhstan-unrest-2022-scraped.txt"


def _shipped(package: str, folder: str) -> Path:
    """The folder a wheel installs as ``package``; in a source checkout, the top ``folder``."""
    try:
        found = Path(str(resources.files(package)))
        if found.is_dir():
            return found
    except (ModuleNotFoundError, TypeError):
        pass
    return _ROOT / folder


def styles_dir() -> Path:
    return _shipped("tui.styles", "styles")


def seed_file() -> Path:
    return _shipped("tui.seeds", "seeds") / SAMPLE_NAME
