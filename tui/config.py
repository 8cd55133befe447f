"""User settings from a TOML file: theme, rules switched off, key overrides.

A broken or unknown setting never stops the reader: it becomes a one-line warning and the default.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

import platformdirs

APP = "closeread"
_KNOWN = {"theme", "rules", "keys"}
_KEY = re.compile(r"((ctrl|shift|alt|meta|super|hyper)\+)*([a-z0-9_]+|[!-~])", re.IGNORECASE)
"""One key as Textual names it: ``z``, ``ctrl+k``, ``f5``, ``left_square_bracket``, ``$``."""


class Config(NamedTuple):
    theme: str | None = None
    disabled_rules: frozenset[str] = frozenset()
    keys: Mapping[str, str] = MappingProxyType({})
    warnings: tuple[str, ...] = ()


def config_dir() -> Path:
    """``CLOSEREAD_CONFIG_DIR`` if set, else the platform's user config folder."""
    override = os.environ.get("CLOSEREAD_CONFIG_DIR")
    return Path(override) if override else platformdirs.user_config_path(APP)


def data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``CLOSEREAD_DATA_DIR``, else the platform's user data folder."""
    chosen = option or os.environ.get("CLOSEREAD_DATA_DIR")
    return Path(chosen) if chosen else platformdirs.user_data_path(APP)


def default_config_path() -> Path:
    return config_dir() / "config.toml"


def load_config(path: Path | None) -> Config:
    """Read ``path`` (a missing file is the defaults); problems come back as warnings."""
    if path is None or not path.exists():
        return Config()
    import tomllib  # most readers have no settings file: no TOML parser on their start-up

    if path.is_dir() or not path.is_file():  # a FIFO would make the read wait for a writer
        return Config(warnings=(f"{path}: ignored, it is not a regular file",))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(warnings=(f"{path}: ignored, it cannot be read as TOML ({error})",))
    warnings = [f"{path}: unknown setting '{key}' ignored" for key in data if key not in _KNOWN]
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        warnings.append(f"{path}: 'theme' should be a name; ignored")
        theme = None
    rules = data.get("rules", {})
    disabled = rules.get("disabled", []) if isinstance(rules, dict) else None
    if not isinstance(disabled, list) or not all(isinstance(r, str) for r in disabled):
        warnings.append(f"{path}: 'rules.disabled' should be a list of rule ids; ignored")
        disabled = []
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        warnings.append(f"{path}: 'keys' should map action ids to keys; ignored")
        keys = {}
    bad = [k for k, v in keys.items() if not all(_KEY.fullmatch(p.strip()) for p in v.split(","))]
    for key in bad:
        warnings.append(f"{path}: 'keys.{key}' is not a key name; ignored")
        del keys[key]
    return Config(theme, frozenset(disabled), MappingProxyType(dict(keys)), tuple(warnings))
