"""``closeread serve [PATH]``: the reader in a web browser, through textual-serve.

textual-serve runs the command below once per browser tab and relays its terminal over a web
socket. It is an optional extra (``pip install 'closeread[web]'``): it brings aiohttp and
jinja2, which reading in a terminal does not need. The served reader is the same program with
the same options, so whatever it can open (a file, a URL, the sample) it opens in the browser.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from .fetch import is_url
from .safe_text import one_line
from .source import LoadError

INSTALL_HINT = "pip install 'closeread[web]'"


def serve_command(options: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each browser tab."""
    parts = [sys.executable, "-m", "tui"]
    if options.path:
        path = options.path
        if not is_url(path):
            resolved = Path(path).expanduser()
            if not resolved.exists():
                raise LoadError(f"{path}: no such file")
            path = str(resolved.resolve())
        parts.append(path)
    for flag, value in (
        ("--config", options.config),
        ("--data-dir", options.data_dir),
        ("--date", options.date),
        ("--encoding", options.encoding),
    ):
        if value is not None:
            parts += [flag, str(value)]
    return shlex.join(parts)


def run_serve(options: argparse.Namespace) -> int:
    """Serve the reader on ``--host``:``--port`` until interrupted."""
    try:
        from textual_serve.server import Server
    except ImportError:
        print(
            f"closeread: serve needs the web extra, which is not installed: {INSTALL_HINT}",
            file=sys.stderr,
        )
        return 1
    command = serve_command(options)
    if options.host not in ("localhost", "127.0.0.1", "::1"):
        print(
            f"closeread: warning: listening on {one_line(options.host, 100)}: anyone who "
            "reaches this port reads as you (your notes, and any file through Open file…)",
            file=sys.stderr,
        )
    server = Server(command, host=options.host, port=options.port, title="closeread")
    where = one_line(f"http://{options.host}:{options.port}", 200)
    print(f"closeread: serving the reader at {where} (ctrl+c stops)")
    server.serve()
    return 0
