"""User settings from a TOML file: theme, rules switched off, key overrides.

A broken or unknown setting never stops the reader: it becomes a one-line warning and the default.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping, Sequence
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
    path: Path | None = None
    """The file these settings came from (or would be saved to)."""


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
        return Config(path=path)
    import tomllib  # most readers have no settings file: no TOML parser on their start-up

    if path.is_dir() or not path.is_file():  # a FIFO would make the read wait for a writer
        return Config(warnings=(f"{path}: ignored, it is not a regular file",))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(
            warnings=(f"{path}: ignored, it cannot be read as TOML ({error})",), path=path
        )
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
    return Config(theme, frozenset(disabled), MappingProxyType(dict(keys)), tuple(warnings), path)


def rule_ids() -> frozenset[str]:
    """Every rule ``[rules] disabled`` can name: the cleaning rules and the flag rules."""
    from .analysis.clean.rules import RULE_NAMES
    from .analysis.flags import RULES

    return frozenset(RULE_NAMES) | {rule.id for rule in RULES}


def check_names(
    config: Config, binding_ids: Collection[str] | None = None, conflicts: Sequence[str] = ()
) -> Config:
    """The settings with a warning for each rule id (and, given the known ``binding_ids``,
    each key binding id) that names nothing, with the nearest real name when one is close,
    and one for each key ``[keys]`` gives two bindings (``keymap.key_conflicts``)."""
    where = f"{config.path}: " if config.path else ""
    warnings = list(config.warnings)
    if config.disabled_rules:
        known = rule_ids()
        unknown = sorted(config.disabled_rules - known)
        if unknown:
            warnings.append(
                f"{where}unknown rule id{'s' * (len(unknown) > 1)} in [rules] disabled, "
                f"ignored: {_named(unknown, known)} (the README lists the rules)"
            )
    if binding_ids is not None and config.keys:
        unknown = sorted(set(config.keys) - set(binding_ids))
        if unknown:
            warnings.append(
                f"{where}unknown binding id{'s' * (len(unknown) > 1)} in [keys], ignored: "
                f"{_named(unknown, binding_ids)} ('closeread config init' lists them)"
            )
    warnings += (
        f"{where}[keys]: {conflict}: one of them cannot be reached" for conflict in conflicts
    )
    return config._replace(warnings=tuple(warnings))


def _named(unknown: Sequence[str], known: Collection[str]) -> str:
    from difflib import get_close_matches

    from .safe_text import one_line

    parts = []
    for name in unknown:
        near = get_close_matches(name, list(known), n=1, cutoff=0.75)
        shown = repr(one_line(name, 60))
        parts.append(f"{shown} (did you mean '{near[0]}'?)" if near else shown)
    return ", ".join(parts)


def save_theme(path: Path, theme: str) -> str | None:
    """Set ``theme = "..."`` in the settings file at ``path``, keeping every other line (and
    comment) as it was; create the file if need be. Returns why it could not, or None."""
    import json
    import tempfile
    import tomllib

    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if text:
            tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return f"{path}: the theme was not saved: the settings file cannot be read as TOML"
    assignment = f"theme = {json.dumps(theme)}\n"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    table = next((i for i, line in enumerate(lines) if re.match(r"\s*\[", line)), len(lines))
    current = next(
        (i for i, line in enumerate(lines[:table]) if re.match(r"\s*theme\s*=", line)), None
    )
    if current is not None:
        lines[current] = assignment
    else:
        lines.insert(table, assignment)
    updated = "".join(lines)
    try:
        if tomllib.loads(updated).get("theme") != theme:
            return f"{path}: the theme was not saved: its line there is not a plain setting"
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as handle:
            try:
                handle.write(updated)
                handle.close()
                os.replace(handle.name, path)
            except OSError:
                os.unlink(handle.name)
                raise
    except (OSError, tomllib.TOMLDecodeError) as error:
        return f"{path}: the theme was not saved ({getattr(error, 'strerror', None) or error})"
    return None
