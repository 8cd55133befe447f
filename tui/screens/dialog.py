"""The base of closeread's dialogs: a modal screen whose styles load with the first one opened
(``styles/dialogs.tcss``), so the reader's first frame does not parse them."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

from ..resources import dialog_css

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    CSS_PATH = dialog_css()
