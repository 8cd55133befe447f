"""The sidebar: the analysis's outline as a keyboard tree (sections, groups, items)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ..outline import Item, Section
from ..safe_text import one_line

LABEL_LIMIT = 80


class Sidebar(Tree[Item | None]):
    """Sections of items; ``enter`` on an item asks the app to select it."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Jump", show=True),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    class Chosen(Message):
        """The reader pressed enter on an item."""

        def __init__(self, item: Item) -> None:
            super().__init__()
            self.item = item

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Outline"), id=id)
        self.show_root = False
        self.guide_depth = 2

    def show_pending(self, message: str) -> None:
        """While the analysis runs: one line saying so."""
        self.clear()
        self.root.add_leaf(Text(one_line(message), style="italic"), data=None)

    def show_outline(self, sections: tuple[Section, ...]) -> None:
        """Replace the tree with ``sections``; sections open, groups open."""
        self.clear()
        for section in sections:
            node = self.root.add(
                Text(f"{section.title} ({section.count})", style="bold"), data=None, expand=True
            )
            if not section.count:
                node.add_leaf(Text(section.empty, style="italic dim"), data=None)
            for group in section.groups:
                target: TreeNode[Item | None] = node
                if len(section.groups) > 1 or group.title not in section.title:
                    target = node.add(Text(f"{group.title} ({len(group.items)})"), expand=True)
                for item in group.items:
                    target.add_leaf(Text(one_line(item.label, LABEL_LIMIT)), data=item)
        self.cursor_line = 0

    def on_tree_node_selected(self, event: Tree.NodeSelected[Item | None]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Chosen(event.node.data))
