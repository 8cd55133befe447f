"""The sidebar: the analysis's outline as a keyboard tree (sections, groups, items)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ..outline import Group, Item, Section
from ..safe_text import one_line

LABEL_LIMIT = 80
EAGER = 300
"""A group with more rows than this opens closed and makes its rows when first opened: a
5 MB article has tens of thousands of figures, and Textual's Tree pays for every row it holds."""


class Sidebar(Tree[Item | None]):
    """Sections of items; ``enter`` on an item asks the app to select it."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Jump", id="sidebar_jump"),
        Binding("j", "cursor_down", "Down", show=False, id="sidebar_down"),
        Binding("k", "cursor_up", "Up", show=False, id="sidebar_up"),
        Binding("g", "scroll_home", "Top", show=False, id="sidebar_top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="sidebar_bottom"),
        Binding("f", "app.filters", "Filter", id="sidebar_filters"),
        Binding("e", "app.edit_note", "Edit note", show=False, id="sidebar_edit_note"),
        Binding("d", "app.delete_note", "Delete note", show=False, id="sidebar_delete_note"),
    ]

    class Chosen(Message):
        """The reader pressed enter on (or clicked) an item."""

        def __init__(self, item: Item) -> None:
            super().__init__()
            self.item = item

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Outline"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self._item_nodes: dict[str, TreeNode[Item | None]] = {}
        self._pending: dict[int, Group] = {}
        self._group_of: dict[str, TreeNode[Item | None]] = {}

    def show_pending(self, message: str) -> None:
        """While the analysis runs: one line saying so."""
        self.clear()
        self._item_nodes = {}
        self.root.add_leaf(Text(one_line(message), style="italic"), data=None)

    def show_outline(self, sections: tuple[Section, ...]) -> None:
        """Replace the tree with ``sections``; sections and groups open."""
        self.clear()
        self._item_nodes, self._pending, self._group_of = {}, {}, {}
        for section in sections:
            node = self.root.add(_section_label(section), data=None, expand=True)
            self._fill(node, section)
        self.cursor_line = 0

    def replace_section(self, index: int, section: Section) -> None:
        """Rebuild one section in place (a note changed), leaving the others' rows alone."""
        node = self.root.children[index]
        for leaf in _leaves(node):
            if leaf.data is not None:
                self._item_nodes.pop(leaf.data.key, None)
            for item in getattr(self._pending.pop(leaf.id, None), "items", ()):
                self._group_of.pop(item.key, None)
        node.remove_children()
        node.set_label(_section_label(section))
        self._fill(node, section)

    def _fill(self, node: TreeNode[Item | None], section: Section) -> None:
        if not section.count:
            empty = "All filtered out (f)." if section.hidden else section.empty
            node.add_leaf(Text(empty, style="italic dim"), data=None)
        for group in section.groups:
            eager = len(group.items) <= EAGER
            target = node.add(
                Text(one_line(f"{group.title} ({len(group.items)})", LABEL_LIMIT)), expand=eager
            )
            if eager:
                self._add_items(target, group)
                continue
            self._pending[target.id] = group
            for item in group.items:
                self._group_of[item.key] = target

    def _add_items(self, node: TreeNode[Item | None], group: Group) -> None:
        for item in group.items:
            leaf = node.add_leaf(Text(one_line(item.label, LABEL_LIMIT)), data=item)
            self._item_nodes[item.key] = leaf

    def _open_group(self, node: TreeNode[Item | None]) -> None:
        """Make a large group's rows, the first time it opens."""
        group = self._pending.pop(node.id, None)
        if group is not None:
            for item in group.items:
                self._group_of.pop(item.key, None)
            self._add_items(node, group)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Item | None]) -> None:
        self._open_group(event.node)

    def reveal(self, item: Item, *, open_group: bool = False) -> None:
        """Put the tree's cursor on ``item``'s row, without choosing it. A row in a large group
        not yet opened is shown only when ``open_group`` asks for it (opening costs a moment)."""
        node = self._item_nodes.get(item.key)
        if node is None and open_group and (group := self._group_of.get(item.key)) is not None:
            self._open_group(group)
            group.expand()
            node = self._item_nodes.get(item.key)
            if node is not None:  # its line is known once the tree has laid out its rows
                self.call_after_refresh(self.move_cursor, node)
            return
        if node is not None and self.cursor_node is not node:
            self.move_cursor(node, animate=False)

    def on_tree_node_selected(self, event: Tree.NodeSelected[Item | None]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Chosen(event.node.data))


def _section_label(section: Section) -> Text:
    shown = f"{section.count}" + (f" of {section.count + section.hidden}" if section.hidden else "")
    return Text(one_line(f"{section.title} ({shown})"), style="bold")


def _leaves(node: TreeNode[Item | None]) -> list[TreeNode[Item | None]]:
    found, todo = [], list(node.children)
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(current.children)
    return found
