"""Every key binding that has an id, the names ``[keys]`` in the settings may rebind.

Textual applies a keymap by binding id to every binding anywhere; this walks the reader's
classes (the app, its panes, its dialogs) so that a misspelt id can be named in a warning and
``closeread config init`` can list every id with its keys. It imports the reader: call it only
when the reader opens, or when the settings name keys.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import NamedTuple


class BindingInfo(NamedTuple):
    id: str
    keys: str
    description: str


def bindings() -> list[BindingInfo]:
    """Every binding with an id in closeread's app, widgets and screens, sorted by id."""
    from textual.binding import Binding
    from textual.dom import DOMNode

    from . import app, screens, widgets

    for package in (screens, widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    del app
    found: dict[str, BindingInfo] = {}
    pending: list[type] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if not cls.__module__.startswith("tui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id and binding.id not in found:
                found[binding.id] = BindingInfo(binding.id, binding.key, binding.description)
    return sorted(found.values())


def binding_ids() -> frozenset[str]:
    return frozenset(b.id for b in bindings())
