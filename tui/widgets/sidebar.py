"""The sidebar: the analysis's outline as a keyboard list of sections, groups and items.

Drawn with Textual's Line API from the outline model (``tui/outline.py``): a row's text is made
only when the row scrolls into view. What the list holds is a handful of blocks (a header, or an
open group's run of items), so opening a group of 100,000 figures, moving the cursor, tabbing in
and jumping cost the same as in a group of ten: no object per row, no pass over the rows.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from ..outline import Group, Item, Section
from ..safe_text import one_line
from .pane import Pane

LABEL_LIMIT = 80
EAGER = 300
"""A group with more rows than this opens closed, so that the sections after a group of tens of
thousands of figures stay a few keys away. Opening it costs no more than opening a small one."""

SECTION, GROUP, ITEM, NOTE = "section", "group", "item", "note"
_SECTION_OF_KIND = {
    "note": "Notes",
    "entity": "Entities",
    "figure": "Figures",
    "flag": "Flags",
    "edit": "Edits",
}
_OPEN, _CLOSED = "▼ ", "▶ "
_STYLES = ("label", "guides", "guides-selected", "cursor", "highlight", "highlight-line")


class Row(NamedTuple):
    """Where one line of the list stands in the outline."""

    kind: str
    """``section``, ``group``, ``item``, or ``note`` (a line of text: an empty section's, or
    the one line shown while the analysis runs)."""
    section: int
    """The section's index (-1 for the line shown while the analysis runs)."""
    group: int = -1
    """The group's index in its section (-1 for a section's own rows)."""
    position: int = -1
    """The item's index in its group (-1 for other rows)."""


class _Block(NamedTuple):
    """A run of rows of one kind: one header or note, or an open group's items."""

    start: int
    size: int
    kind: str
    section: int
    group: int


class Sidebar(Pane):
    """Sections of groups of items; ``enter`` (or a click) on an item asks the app to select it,
    on a section or group opens or closes it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"sidebar--{name}" for name in _STYLES}
    DEFAULT_CSS = """
    Sidebar {
        /* A scrollbar that comes and goes would lay the whole screen out again. */
        overflow-y: scroll;
        background: $surface;
        color: $foreground;
        & > .sidebar--guides { color: $surface-lighten-2; }
        & > .sidebar--guides-selected { color: $block-cursor-blurred-background; }
        & > .sidebar--cursor {
            text-style: $block-cursor-blurred-text-style;
            background: $block-cursor-blurred-background;
        }
        & > .sidebar--highlight-line { background: $block-hover-background; }
        &:focus {
            background-tint: $foreground 5%;
            & > .sidebar--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
            & > .sidebar--guides { color: $surface-lighten-3; }
            & > .sidebar--guides-selected { color: $block-cursor-background; }
        }
        &:light {
            & > .sidebar--guides { color: $surface-darken-3; }  /* the pane is $surface-darken-1 */
            & > .sidebar--guides-selected { color: $block-cursor-background; }
        }
    }
    Sidebar:ansi {
        color: ansi_default;
        & > .sidebar--guides { color: $ansi-background; }
        &:nocolor > .sidebar--cursor { text-style: reverse; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Jump", id="sidebar_jump"),
        Binding("space", "toggle_node", "Open or close", show=False, id="sidebar_toggle"),
        Binding(
            "shift+space",
            "toggle_expand_all",
            "Open or close all alongside",
            show=False,
            id="sidebar_toggle_all",
        ),
        Binding("down,j", "cursor_down", "Down", show=False, id="sidebar_down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="sidebar_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="sidebar_page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="sidebar_page_up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="sidebar_top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="sidebar_bottom"),
        Binding("shift+left", "cursor_parent", "To the heading", show=False, id="sidebar_parent"),
        Binding(
            "shift+right",
            "cursor_parent_next_sibling",
            "To the next heading",
            show=False,
            id="sidebar_next_heading",
        ),
        Binding(
            "shift+up",
            "cursor_previous_sibling",
            "Previous alongside",
            show=False,
            id="sidebar_prev",
        ),
        Binding(
            "shift+down", "cursor_next_sibling", "Next alongside", show=False, id="sidebar_next"
        ),
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
        super().__init__(id=id)
        self._sections: tuple[Section, ...] = ()
        self._pending: str | None = None
        self._toggled: dict[tuple[str, ...], bool] = {}
        """Sections and groups the reader opened or closed, by title, kept across rebuilds."""
        self._blocks: list[_Block] = []
        self._starts: list[int] = []
        self._rows = 0
        self.cursor = 0
        self._hover = -1
        self._positions: dict[int, tuple[Group, dict[str, int]]] = {}
        self._cache: LRUCache[tuple[object, ...], Strip] = LRUCache(256)
        self._styles: dict[bool, dict[str, Style]] = {}  # per focus state

    # -- what the app tells it -----------------------------------------------------------------

    def show_pending(self, message: str) -> None:
        """While the analysis runs: one line saying so."""
        self._sections, self._pending = (), one_line(message)
        self._relayout()
        self.cursor = 0

    def show_outline(self, sections: tuple[Section, ...]) -> None:
        """Show ``sections``; the cursor stays on the row it was on if that row is still shown.
        Sections open, and groups open unless large, except where the reader chose otherwise."""
        anchor = self._anchor()
        self._sections, self._pending = sections, None
        live = {id(g) for s in sections for g in s.groups}
        self._positions = {k: v for k, v in self._positions.items() if k in live}
        self._relayout()
        self._restore(anchor)

    def replace_section(self, index: int, section: Section) -> None:
        """Show a new version of one section (a note changed), leaving the others alone."""
        sections = list(self._sections)
        for group in sections[index].groups:
            self._positions.pop(id(group), None)
        sections[index] = section
        anchor = self._anchor()
        self._sections = tuple(sections)
        self._relayout()
        self._restore(anchor)

    def reveal(self, item: Item, *, open_group: bool = False) -> None:
        """Put the cursor on ``item``'s row, without choosing it. A row in a closed group (or
        section) is shown only when ``open_group`` asks for it."""
        where = self._locate(item)
        if where is None:
            return
        s, g, i = where
        titles = (self._sections[s].title, self._sections[s].groups[g].title)
        if not (self._is_open(titles[:1]) and self._is_open(titles, s, g)):
            if not open_group:
                return
            self._toggled[titles[:1]] = self._toggled[titles] = True
            self._relayout()
        row = self._item_row(s, g, i)
        if row is not None and row != self.cursor:
            self.move_cursor(row)

    # -- what tests and the app read -----------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the list has now (closed groups' items not counted)."""
        return self._rows

    def row(self, y: int) -> Row:
        """What row ``y`` of the list shows."""
        if not 0 <= y < self._rows:
            raise IndexError(y)
        block = self._blocks[bisect_right(self._starts, y) - 1]
        index = y - block.start if block.kind == ITEM else -1
        return Row(block.kind, block.section, block.group, index)

    def item_at(self, y: int) -> Item | None:
        """The item on row ``y``, or None for a heading, a note or no row."""
        if not 0 <= y < self._rows:
            return None
        row = self.row(y)
        if row.kind != ITEM:
            return None
        return self._sections[row.section].groups[row.group].items[row.position]

    def label(self, y: int) -> str:
        """Row ``y``'s text as drawn, without the guides (an open or closed mark and the label)."""
        return "".join(text for text, _ in self._label(self.row(y)))

    @property
    def cursor_item(self) -> Item | None:
        """The item under the cursor, or None when it is on a heading."""
        return self.item_at(self.cursor)

    def row_of(self, item: Item) -> int | None:
        """The row showing ``item``, or None when it is not shown (filtered, or closed)."""
        where = self._locate(item)
        return None if where is None else self._item_row(*where)

    def is_open(self, y: int) -> bool:
        """Whether the section or group on row ``y`` is open."""
        row = self.row(y)
        return row.kind in (SECTION, GROUP) and self._is_open(
            self._titles(row), row.section, row.group
        )

    # -- moving --------------------------------------------------------------------------------

    def move_cursor(self, y: int, *, scroll: bool = True) -> None:
        """Put the cursor on row ``y`` (kept within the list) and, unless told, in view."""
        y = max(0, min(y, self._rows - 1))
        if y != self.cursor:
            self.cursor = y
            self.refresh()
        if scroll:
            self._scroll_to_row(y)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - max(self.scrollable_content_region.height - 1, 1))

    def action_scroll_home(self) -> None:
        self.move_cursor(0)

    def action_scroll_end(self) -> None:
        self.move_cursor(self._rows - 1)

    def action_select_cursor(self) -> None:
        """Enter: on an item, ask the app to select it; on a heading, open or close it."""
        if not 0 <= self.cursor < self._rows:
            return
        item = self.item_at(self.cursor)
        if item is not None:
            self.post_message(self.Chosen(item))
        else:
            self.action_toggle_node()

    def action_toggle_node(self) -> None:
        """Space: open or close the section or group under the cursor."""
        if 0 <= self.cursor < self._rows:
            self._toggle(self.cursor)

    def action_toggle_expand_all(self) -> None:
        """Open or close the cursor's row and all alongside it (all open unless all are closed)."""
        if not 0 <= self.cursor < self._rows:
            return
        row = self.row(self.cursor)
        keys: list[tuple[tuple[str, ...], int, int]]
        if row.kind == SECTION:
            keys = [((s.title,), -1, -1) for s in self._sections]
        elif row.kind == GROUP:
            section = self._sections[row.section]
            keys = [
                ((section.title, g.title), row.section, n) for n, g in enumerate(section.groups)
            ]
        else:
            return
        anchor = self._anchor()
        opened = not any(self._is_open(titles, s, g) for titles, s, g in keys)
        for titles, _, _ in keys:
            self._toggled[titles] = opened
        self._relayout()
        self._restore(anchor)

    def action_cursor_parent(self) -> None:
        parent = self._parent_row(self.cursor)
        if parent is not None:
            self.move_cursor(parent)

    def action_cursor_parent_next_sibling(self) -> None:
        parent = self._parent_row(self.cursor)
        if parent is not None:
            sibling = self._sibling_row(parent, 1)
            if sibling is not None:
                self.move_cursor(sibling)

    def action_cursor_previous_sibling(self) -> None:
        """To the row before alongside this one, or else to its heading."""
        target = self._sibling_row(self.cursor, -1)
        self.move_cursor(target if target is not None else (self._parent_row(self.cursor) or 0))

    def action_cursor_next_sibling(self) -> None:
        """To the row after alongside this one, or else to its heading's next."""
        target = self._sibling_row(self.cursor, 1)
        if target is None and (parent := self._parent_row(self.cursor)) is not None:
            target = self._sibling_row(parent, 1)
        if target is not None:
            self.move_cursor(target)

    # -- the mouse -----------------------------------------------------------------------------

    async def _on_click(self, event: events.Click) -> None:
        """A click on a heading's mark opens or closes it; elsewhere on a row, it moves the
        cursor there and acts as enter."""
        y, x = self._row_at(event)
        if y is None:
            return
        event.stop()
        row = self.row(y)
        mark = 0 if row.kind == SECTION else 2
        if row.kind in (SECTION, GROUP) and mark <= x < mark + len(_OPEN):
            self._toggle(y)
            return
        self.move_cursor(y, scroll=False)
        self.action_select_cursor()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        y, _ = self._row_at(event)
        self._set_hover(-1 if y is None else y)

    def _on_leave(self, _: events.Leave) -> None:
        self._set_hover(-1)

    def _row_at(self, event: events.MouseEvent) -> tuple[int | None, int]:
        offset = event.get_content_offset(self)
        if offset is None:
            return None, 0
        y = offset.y + self.scroll_offset.y
        return (y if 0 <= y < self._rows else None), offset.x + self.scroll_offset.x

    def _set_hover(self, y: int) -> None:
        if y != self._hover:
            self._hover = y
            self.refresh()

    # -- drawing -------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        styles = self._styles.get(self.has_focus)
        if styles is None:
            styles = self._styles[self.has_focus] = {
                name: self.get_component_rich_style(f"sidebar--{name}", partial=name != "cursor")
                for name in _STYLES
            }
            styles["base"] = self.rich_style
        return styles[name]

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self._style("base")
        row = scroll_y + y
        if not 0 <= row < self._rows:
            return Strip.blank(width, base)
        place = self.row(row)
        selected = self._selected_depth(place)
        key = (row, width, row == self.cursor, row == self._hover, selected, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._cache[key] = self._render_row(row, place, selected, width)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_row(self, y: int, row: Row, selected: int, width: int) -> Strip:
        """Guides as Textual's Tree draws them, the open or closed mark, then the label. Guides
        under the focused cursor's heading take the cursor's colour (``selected``: from which
        depth on)."""
        line = self._style("base")
        if y == self._hover:
            line += self._style("highlight-line")
        guide, chosen = line + self._style("guides"), line + self._style("guides-selected")
        segments = [
            Segment(text, chosen if depth >= selected else guide)
            for depth, text in enumerate(self._guides(row), 1)
        ]
        label = self._style("label")
        if y == self._hover:
            label += self._style("highlight")
        if y == self.cursor:
            label += self._style("cursor")
        for n, (text, own) in enumerate(self._label(row)):
            if n == 0 and row.kind in (SECTION, GROUP):  # the open or closed mark
                segments.append(Segment(text, line))
            else:
                segments.append(Segment(text, (line + own if own else line) + label))
        return Strip(Segment.simplify(segments)).extend_cell_length(width, line)

    def _guides(self, row: Row) -> list[str]:
        if row.section < 0 or row.kind == SECTION:
            return []
        groups = self._sections[row.section].groups
        if row.kind == NOTE:
            return ["└ " if not groups else "├ "]
        last_group = row.group == len(groups) - 1
        if row.kind == GROUP:
            return ["└ " if last_group else "├ "]
        last_item = row.position == len(groups[row.group].items) - 1
        return ["  " if last_group else "│ ", "└ " if last_item else "├ "]

    def _selected_depth(self, row: Row) -> int:
        """From which depth of guides this row's take the cursor's colour (99: none): those
        under the section or group the focused cursor is on."""
        if not self.has_focus or not 0 <= self.cursor < self._rows or row.section < 0:
            return 99
        at = self.row(self.cursor)
        if at.section != row.section or row.kind == SECTION:
            return 99
        if at.kind == SECTION:
            return 1
        if at.kind == GROUP and row.kind == ITEM and at.group == row.group:
            return 2
        return 99

    def _label(self, row: Row) -> list[tuple[str, Style | None]]:
        if row.section < 0:
            return [(self._pending or "", Style(italic=True))]
        section = self._sections[row.section]
        if row.kind == SECTION:
            shown = f"{section.count}" + (
                f" of {section.count + section.hidden}" if section.hidden else ""
            )
            mark = _OPEN if self._is_open((section.title,)) else _CLOSED
            return [(mark, None), (one_line(f"{section.title} ({shown})"), Style(bold=True))]
        if row.kind == NOTE:
            empty = "All filtered out (f)." if section.hidden else section.empty
            return [(empty, Style(italic=True, dim=True))]
        group = section.groups[row.group]
        if row.kind == GROUP:
            titles = (section.title, group.title)
            mark = _OPEN if self._is_open(titles, row.section, row.group) else _CLOSED
            return [
                (mark, None),
                (one_line(f"{group.title} ({len(group.items)})", LABEL_LIMIT), None),
            ]
        return [(one_line(group.items[row.position].label, LABEL_LIMIT), None)]

    # -- the layout: blocks of rows ------------------------------------------------------------

    def _is_open(self, titles: tuple[str, ...], s: int = -1, g: int = -1) -> bool:
        chosen = self._toggled.get(titles)
        if chosen is not None:
            return chosen
        return len(titles) == 1 or len(self._sections[s].groups[g].items) <= EAGER

    def _titles(self, row: Row) -> tuple[str, ...]:
        section = self._sections[row.section]
        if row.kind in (SECTION, NOTE):
            return (section.title,)
        return (section.title, section.groups[row.group].title)

    def _relayout(self) -> None:
        """Work out the blocks of rows: one per heading, one per open group's items."""
        blocks: list[_Block] = []
        start = 0

        def add(size: int, kind: str, s: int, g: int = -1) -> None:
            nonlocal start
            blocks.append(_Block(start, size, kind, s, g))
            start += size

        if self._pending is not None:
            add(1, NOTE, -1)
        for s, section in enumerate(self._sections):
            add(1, SECTION, s)
            if not self._is_open((section.title,)):
                continue
            if not section.rows:
                add(1, NOTE, s)
            for g, group in enumerate(section.groups):
                add(1, GROUP, s, g)
                if group.items and self._is_open((section.title, group.title), s, g):
                    add(len(group.items), ITEM, s, g)
        self._blocks, self._starts, self._rows = blocks, [b.start for b in blocks], start
        self._hover = -1
        self._cache.clear()
        size = Size(0, start)
        if size != self.virtual_size:
            # Not through the reactive: that would lay out the whole screen again (a frame of
            # work) for a size only this widget's scrollbar depends on.
            self.set_reactive(Sidebar.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    def _toggle(self, y: int) -> None:
        row = self.row(y)
        if row.kind not in (SECTION, GROUP):
            return
        titles = self._titles(row)
        self._toggled[titles] = not self._is_open(titles, row.section, row.group)
        anchor = self._anchor()
        self._relayout()
        self._restore(anchor)

    def _heading_row(self, kind: str, s: int, g: int = -1) -> int | None:
        for block in self._blocks:
            if block.kind == kind and block.section == s and block.group == g:
                return block.start
        return None

    def _item_row(self, s: int, g: int, i: int) -> int | None:
        for block in self._blocks:
            if block.kind == ITEM and block.section == s and block.group == g:
                return block.start + i
        return None

    def _parent_row(self, y: int) -> int | None:
        if not 0 <= y < self._rows:
            return None
        row = self.row(y)
        if row.kind == ITEM:
            return self._heading_row(GROUP, row.section, row.group)
        if row.kind == SECTION or row.section < 0:
            return None
        return self._heading_row(SECTION, row.section)

    def _sibling_row(self, y: int, step: int) -> int | None:
        """The row ``step`` (1 or -1) alongside row ``y`` under the same heading, if any."""
        if not 0 <= y < self._rows:
            return None
        row = self.row(y)
        if row.kind == ITEM:
            size = len(self._sections[row.section].groups[row.group].items)
            return y + step if 0 <= row.position + step < size else None
        if row.kind == SECTION:
            s = row.section + step
            return self._heading_row(SECTION, s) if 0 <= s < len(self._sections) else None
        if row.kind == GROUP:
            g = row.group + step
            if 0 <= g < len(self._sections[row.section].groups):
                return self._heading_row(GROUP, row.section, g)
        return None

    def on_resize(self) -> None:
        """Made shorter (the detail pane opens under it, the window shrinks), the list keeps
        its cursor's row in view. Made taller, it is drawn whole: Textual marks a scroll view
        dirty before it takes its new size, so the rows it grew into kept what was there (a
        closed detail pane) until the next key."""
        self._scroll_to_row(self.cursor)
        self.refresh()

    def _scroll_to_row(self, y: int) -> None:
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if height <= 0:
            return
        if y < top:
            self.scroll_to(y=y, animate=False, immediate=True)
        elif y >= top + height:
            self.scroll_to(y=y - height + 1, animate=False, immediate=True)

    # -- finding items, and keeping the cursor's place -----------------------------------------

    def _locate(self, item: Item) -> tuple[int, int, int] | None:
        """``item``'s section, group and index, looked up in its section's groups alone."""
        title = _SECTION_OF_KIND.get(item.kind)
        for s, section in enumerate(self._sections):
            if section.title != title:
                continue
            for g, group in enumerate(section.groups):
                index = self._positions_in(group).get(item.key)
                if index is not None:
                    return s, g, index
        return None

    def _positions_in(self, group: Group) -> dict[str, int]:
        """Each item's index by key, made the first time a group is searched."""
        known = self._positions.get(id(group))
        if known is None or known[0] is not group:
            known = self._positions[id(group)] = (
                group,
                {item.key: n for n, item in enumerate(group.items)},
            )
        return known[1]

    def _anchor(self) -> tuple[str, tuple[str, ...], Item | None, int]:
        """What the cursor is on, by title and item, to find it again after a rebuild."""
        if not 0 <= self.cursor < self._rows or self._pending is not None:
            return ("", (), None, self.cursor)
        row = self.row(self.cursor)
        return (row.kind, self._titles(row), self.item_at(self.cursor), self.cursor)

    def _restore(self, anchor: tuple[str, tuple[str, ...], Item | None, int]) -> None:
        """Put the cursor back on what it was on, else on the same row number."""
        kind, titles, item, y = anchor
        found = None
        if item is not None:
            found = self.row_of(item)
        elif kind in (SECTION, GROUP, NOTE):
            for block in self._blocks:
                if block.kind == kind and block.section >= 0:
                    row = Row(kind, block.section, block.group)
                    if self._titles(row)[: len(titles)] == titles:
                        found = block.start
                        break
        self.cursor = max(0, min(found if found is not None else y, self._rows - 1))
        self.refresh()
        self._scroll_to_row(self.cursor)
