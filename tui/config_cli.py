"""``closeread config path|init``: where the settings file is, and a first one to edit.

``init`` writes every option, commented out, with the names each can take (every rule id, every
key binding id with its keys), so that a reader edits a line instead of guessing a name. It never
overwrites a file that is there: settings someone wrote are theirs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .config import default_config_path
from .safe_text import one_line

PROG = "closeread"


def config_path(path: Path | None) -> int:
    """Print the settings file the reader reads (``--config`` if given), and whether it is there."""
    chosen = path or default_config_path()
    print(chosen)
    if not chosen.exists():
        print(f"(not there yet: '{PROG} config init' writes one)", file=sys.stderr)
    return 0


def config_init(path: Path | None) -> int:
    """Write the commented settings file at ``path`` (default: the user config folder)."""
    chosen = path or default_config_path()
    if chosen.exists():
        print(
            f"{PROG}: {one_line(str(chosen), 200)} exists; left as it is (edit it, or move it "
            "away to write a fresh one)",
            file=sys.stderr,
        )
        return 1
    try:
        chosen.parent.mkdir(parents=True, exist_ok=True)
        with chosen.open("x", encoding="utf-8") as handle:
            handle.write(template())
    except OSError as error:
        print(
            f"{PROG}: {one_line(str(chosen), 200)}: cannot be written ({error.strerror or error})",
            file=sys.stderr,
        )
        return 1
    print(f"wrote {chosen}")
    return 0


def template() -> str:
    """The settings file with every option commented out and every name it can take."""
    from .analysis.clean.rules import RULE_NAMES
    from .analysis.flags import RULES
    from .keymap import bindings

    lines = [
        "# closeread settings. Every option is commented out: remove the '# ' to use one.",
        "# A setting that is wrong is a one-line warning when closeread starts, never a failure.",
        "",
        "# Colour theme: any Textual theme. Picking one in the palette (ctrl+p, 'theme')",
        "# saves it here.",
        '# theme = "textual-dark"',
        "",
        "[rules]",
        "# Rules to switch off, by id. Cleaning rules:",
        *_wrapped(RULE_NAMES),
        "# Flag rules (closeread analyze --format md says why each fired):",
        *_wrapped([rule.id for rule in RULES]),
        '# disabled = ["possible-restatement", "scare-quotes"]',
        "",
        "[keys]",
        '# Keys by binding id: id = "key" or several, "key1,key2" (Textual\'s key names).',
        "# Every binding id, with its keys now:",
    ]
    for binding in bindings():
        assignment = f"# {binding.id} = {_toml_string(binding.keys)}"
        lines.append(f"{assignment:<40} # {binding.description}".rstrip(" #"))
    return "\n".join(lines) + "\n"


def _wrapped(names: list[str] | tuple[str, ...], width: int = 96) -> list[str]:
    lines, line = [], "#  "
    for name in names:
        if len(line) + len(name) + 1 > width:
            lines.append(line.rstrip())
            line = "#  "
        line += f" {name}"
    return [*lines, line.rstrip()]


def _toml_string(value: str) -> str:
    import json

    return json.dumps(value)
