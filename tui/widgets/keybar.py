"""The key bar: the keys that work where the focus is, on the bottom line, as Textual's Footer
shows them, drawn as one line.

Textual's Footer mounts a widget a key and mounts them all again whenever the keys change, which
they do at every ``tab``: about 100 ms of CPU and a layout of the whole screen each time. This bar
draws the same line from the screen's active bindings, so a change of focus costs one line.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widget import Widget

_STYLES = ("key", "description", "border", "hover")


class _Key(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool


class KeyBar(Widget):
    """The focused widget's keys and the app's, with the command palette's on the right; a
    click on one presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"keybar--{name}" for name in _STYLES}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keybar--border { color: $foreground 20%; }
        & > .keybar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[_Key] = []
        self._palette: _Key | None = None
        self._hover: str | None = None
        self._spans: list[tuple[int, int, str]] = []
        """Where each key is drawn: (first cell, end cell, key), for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: object) -> None:
        """The keys shown: one a distinct action, in the order the screen lists them."""
        if not self.is_attached or screen is not self.screen:
            return
        keys, actions, palette = [], set(), None
        app = self.app
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.key == app.COMMAND_PALETTE_BINDING:
                if app.ENABLE_COMMAND_PALETTE:
                    palette = _Key(
                        binding.key, app.get_key_display(binding), binding.description, enabled
                    )
                continue
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            keys.append(
                _Key(binding.key, app.get_key_display(binding), binding.description, enabled)
            )
        if (keys, palette) != (self._keys, self._palette):
            self._keys, self._palette = keys, palette
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y:
            return Strip.blank(width, base)
        style = {name: self.get_component_rich_style(f"keybar--{name}") for name in _STYLES}
        dim = Style(dim=True)
        segments: list[Segment] = []
        spans: list[tuple[int, int, str]] = []
        x = 0

        def add(entry: _Key, lead: str = " ") -> None:
            nonlocal x
            hover = style["hover"] if entry.key == self._hover else None
            key = style["key"] + hover if hover else style["key"]
            text = style["description"] + hover if hover else style["description"]
            if not entry.enabled:
                key, text = key + dim, text + dim
            parts = [(f"{lead}{entry.display} ", key)]
            if entry.description:
                parts.append((f"{entry.description} ", text))
            start = x
            for part, part_style in parts:
                segments.append(Segment(part, part_style))
                x += cell_len(part)
            spans.append((start, x, entry.key))

        for entry in self._keys:
            add(entry)
        palette = self._palette
        if palette is not None:
            # As the Footer draws it: a border, the key, its description.
            right = cell_len(f"▏{palette.display} {palette.description} ")
            if x + right <= width:
                segments.append(Segment(" " * (width - right - x), base))
                segments.append(Segment("▏", style["border"]))
                x = width - right + 1
                add(palette, lead="")
        self._spans = spans
        return Strip(segments).crop_extend(0, width, base)

    def _key_at(self, x: int) -> str | None:
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.refresh()

    def on_leave(self, _: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        enabled = {k.key: k.enabled for k in (*self._keys, *filter(None, [self._palette]))}
        if key is None:
            return
        if enabled.get(key):
            self.app.simulate_key(key)
        else:
            self.app.bell()
