"""Shared fixtures: an isolated user state for every test, and small articles on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

# CI explores the same examples on every run, so a landing never hangs on a rare draw;
# a developer's run explores new ones (and keeps any failure in .hypothesis/ to replay).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ARTICLE = (
    "Storm closes harbour\n"
    "\n"
    "The harbour at Dover was closed on Monday after a storm damaged two piers, "
    "according to the port authority.\n"
    "Ferries to Calais were cancelled and about 3,000 passengers waited overnight.\n"
)


@pytest.fixture(autouse=True)
def isolated_user_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the real user's config or notes."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("CLOSEREAD_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("CLOSEREAD_DATA_DIR", str(home / "data"))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "storm.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path
