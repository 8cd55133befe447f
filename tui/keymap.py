"""Every key binding that has an id, the names ``[keys]`` in the settings may rebind.

Textual applies a keymap by binding id to every binding anywhere; this walks the reader's
classes (the app, its panes, its dialogs) so that a misspelt id can be named in a warning and
``closeread config init`` can list every id with its keys. It imports the reader: call it only
when the reader opens, or when the settings name keys.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from typing import NamedTuple

READER = "ReaderApp"
"""The app's own bindings answer wherever its panes have the focus (theirs first)."""


class BindingInfo(NamedTuple):
    id: str
    keys: str
    description: str


def bindings() -> list[BindingInfo]:
    """Every binding with an id in closeread's app, widgets and screens, sorted by id."""
    found: dict[str, BindingInfo] = {}
    for _, info in _scoped():
        found.setdefault(info.id, info)
    return sorted(found.values())


def key_conflicts(keys: Mapping[str, str]) -> list[str]:
    """What the ``[keys]`` remapping ``keys`` (binding id to keys) gives two bindings that
    answer in one place: a key of the reader's and one of a pane's (the article, the sidebar),
    or two of one dialog's. One of the two would never be reached."""
    scopes: dict[str, list[BindingInfo]] = {}
    for scope, info in _scoped():
        scopes.setdefault(scope, []).append(info)
    reader = scopes.pop(READER, [])
    conflicts: dict[tuple[str, str, str], None] = {}
    for scope, infos in scopes.items():
        together = [*reader, *infos] if scope in ("ArticleView", "Sidebar") else infos
        taken: dict[str, str] = {}
        for info in together:
            for key in _keys(keys.get(info.id, info.keys)):
                other = taken.setdefault(key, info.id)
                if other != info.id and (info.id in keys or other in keys):
                    first, second = sorted((other, info.id))
                    conflicts[(key, first, second)] = None
    return [f"'{key}' is bound to both {a} and {b}" for key, a, b in conflicts]


def _keys(keys: str) -> Iterable[str]:
    return (key.strip() for key in keys.split(",") if key.strip())


def _scoped() -> list[tuple[str, BindingInfo]]:
    """Every binding with an id, with the name of the class whose ``BINDINGS`` hold it."""
    from textual.binding import Binding
    from textual.dom import DOMNode

    from . import app, screens, widgets

    for package in (screens, widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    del app
    found: list[tuple[str, BindingInfo]] = []
    pending: list[type] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if not cls.__module__.startswith("tui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                info = BindingInfo(binding.id, binding.key, binding.description)
                found.append((cls.__name__, info))
    return found


def binding_ids() -> frozenset[str]:
    return frozenset(b.id for b in bindings())
