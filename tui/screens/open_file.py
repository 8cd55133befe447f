"""``Open file…``: browse the file system with Textual's ``DirectoryTree`` and open an article,
or type a path or a web address. Hidden files and folders are left out of the tree, and names
are shown as typed, never as markup or terminal controls."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text, TextType
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Static

from ..safe_text import one_line


class ArticleTree(DirectoryTree):
    """A directory tree without hidden files, which a reader rarely means to open."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".")]

    def process_label(self, label: TextType) -> Text:
        """A file name as typed, its control characters drawn visibly (names are untrusted)."""
        plain = label.plain if isinstance(label, Text) else str(label)
        return Text(one_line(plain, 200))


class OpenFileScreen(ModalScreen[str | None]):
    """Answers the path (or URL) chosen, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="open_file_cancel")]
    DEFAULT_CSS = """
    OpenFileScreen { align: center middle; }
    OpenFileScreen > Vertical {
        width: 90%; height: 85%; border: round $accent; background: $surface; padding: 0 1;
    }
    OpenFileScreen ArticleTree { height: 1fr; }
    """

    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = start

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                one_line(f"Open file — {self.start}  (enter opens, tab: type a path or URL)"),
                markup=False,
            )
            yield ArticleTree(self.start, id="open-tree")
            yield Input(placeholder="a path or an http(s) address, then enter", id="open-path")

    def on_mount(self) -> None:
        self.query_one(ArticleTree).focus()

    @on(DirectoryTree.FileSelected)
    def chosen(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(str(event.path))

    @on(Input.Submitted, "#open-path")
    def typed(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            return
        if value.lower().startswith(("http://", "https://")):
            self.dismiss(value)
            return
        path = Path(value).expanduser()
        if not path.is_absolute():
            path = self.start / path
        self.dismiss(str(path))

    def action_cancel(self) -> None:
        self.dismiss(None)
