"""The command line: ``closeread [PATH]`` reads, ``closeread analyze PATH... [--json]`` reports.

Exit codes: 0 done, 1 an input could not be opened (one line on stderr each), 2 bad arguments.
No traceback reaches the user unless ``--debug`` asks for one.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn, TextIO

from . import __version__
from .analysis import Analysis, Source
from .config import Config, check_names, data_dir, default_config_path, load_config
from .safe_text import json_text, one_line, plain
from .source import LoadError, load

PROG = "closeread"
COMMANDS = """commands (each has --help):
  closeread analyze PATH|URL...   the analysis without the reader: a summary, JSON or a report
  closeread review PATH           a finished review: flags with your dismissals, your notes
  closeread notes add|list|export|search|import|relink
                                  your notes from the command line
  closeread config path|init      where the settings file is; write one with every option
  closeread serve [PATH] [--host H] [--port N]
                                  the reader in a web browser (pip install 'closeread[web]')
"""


class _Parser(argparse.ArgumentParser):
    """Argument errors quote what was typed: as one safe line, never raw controls."""

    def error(self, message: str) -> NoReturn:
        super().error(one_line(message, 300))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["analyze"]:
        parser = _analyze_parser()
        options = parser.parse_args(args[1:])
        return _guarded(lambda: run_analyze(options), options.debug)
    if args[:1] == ["review"]:
        parser = _review_parser()
        options = parser.parse_args(args[1:])
        from .review import run_review

        return _guarded(lambda: run_review(options), options.debug)
    if args[:1] == ["notes"]:
        parser = _notes_parser()
        options = parser.parse_args(args[1:])
        return _guarded(lambda: run_notes(options), options.debug)
    if args[:1] == ["serve"]:
        parser = _serve_parser()
        options = parser.parse_args(args[1:])
        from .serve import run_serve

        return _guarded(lambda: run_serve(options), options.debug)
    if args[:1] == ["config"]:
        parser = _config_parser()
        options = parser.parse_args(args[1:])
        return _guarded(lambda: run_config(options), options.debug)
    parser = _reader_parser()
    options = parser.parse_args(args)
    return _guarded(lambda: run_reader(options), options.debug)


def _iso_date(value: str) -> date:
    from .analysis.figures.relative import reference_problem

    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date in the form YYYY-MM-DD: {one_line(value, 40)}"
        ) from None
    problem = reference_problem(day)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return day


def _encoding(value: str) -> str:
    from .encodings import codec_name

    codec = codec_name(value)
    if codec is None:
        raise argparse.ArgumentTypeError(f"unknown encoding: {value!r}")
    return codec


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="resolve weekdays and 'yesterday' against this day instead of the article's own",
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file (TOML)")
    parser.add_argument(
        "--encoding",
        type=_encoding,
        metavar="NAME",
        help="decode input as this encoding (e.g. windows-1251) instead of the declared or "
        "detected one",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on failure")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where notes are kept (default: $CLOSEREAD_DATA_DIR, else the user data folder)",
    )


def _notes_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} notes",
        description="The notes you made, from the command line: add, list, export, search, "
        "import, relink.",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on failure")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = commands.add_parser("add", help="add a note on a quote from the cleaned article")
    add.add_argument("path", metavar="PATH")
    add.add_argument("--quote", required=True, help="words that occur in the cleaned article")
    add.add_argument("--body", default="", help="the note (Markdown)")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    listing = commands.add_parser("list", help="notes of one article, or of all")
    listing.add_argument("path", nargs="?", metavar="PATH")
    listing.add_argument("--json", action="store_true", help="one JSON object per note")
    export = commands.add_parser("export", help="notes as Markdown or W3C Web Annotations")
    export.add_argument("path", nargs="?", metavar="PATH")
    export.add_argument("--format", choices=("md", "json"), default="md")
    search = commands.add_parser(
        "search", help="notes of every article whose body, quote or tags hold these words"
    )
    search.add_argument("query", metavar="QUERY", help='words (each also a prefix); "a phrase"')
    search.add_argument("--json", action="store_true", help="the hits as a JSON list")
    search.add_argument("--limit", type=int, default=100, metavar="N", help="at most N hits")
    imported = commands.add_parser("import", help="notes from a JSON export ('-' is stdin)")
    imported.add_argument("file", metavar="FILE")
    relink = commands.add_parser(
        "relink",
        help="give the notes kept for OLD (a moved or renamed file) to the article at NEW",
        description="A moved file keeps its notes when its text is unchanged; relink covers "
        "the rest: OLD is the old path (it may be gone) or a name 'notes list' shows.",
    )
    relink.add_argument("old", metavar="OLD")
    relink.add_argument("new", metavar="NEW")
    for sub in (add, listing, export, search, imported, relink):
        _data_dir_option(sub)
    return parser


def _serve_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} serve",
        description="The reader in a web browser (textual-serve; install it with "
        "pip install 'closeread[web]'). Each browser tab runs its own reader.",
    )
    parser.add_argument(
        "path", nargs="?", metavar="PATH", help="article or URL to open; none opens the sample"
    )
    parser.add_argument("--host", default="localhost", help="address to listen on (localhost)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    _common(parser)
    _data_dir_option(parser)
    return parser


def _config_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} config",
        description="The settings file: where it is, and a first one with every option "
        "commented out.",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on failure")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    where = commands.add_parser("path", help="print where the settings file is (or would be)")
    init = commands.add_parser(
        "init", help="write the settings file with every option commented (never overwrites)"
    )
    for sub in (where, init):
        sub.add_argument(
            "--config", type=Path, metavar="FILE", help="this file instead of the default"
        )
    return parser


def run_config(options: argparse.Namespace) -> int:
    from .config_cli import config_init, config_path

    if options.command == "path":
        return config_path(options.config)
    return config_init(options.config)


def run_notes(options: argparse.Namespace) -> int:
    from .notes import cli as notes

    where = options.data_dir
    if options.command == "add":
        return notes.notes_add(
            options.path, options.quote, options.body, options.tag, data_dir=where
        )
    if options.command == "list":
        return notes.notes_list(options.path, options.json, data_dir=where)
    if options.command == "export":
        return notes.notes_export(options.path, options.format, data_dir=where)
    if options.command == "relink":
        return notes.notes_relink(options.old, options.new, data_dir=where)
    if options.command == "search":
        return notes.notes_search(options.query, options.json, options.limit, data_dir=where)
    return notes.notes_import(options.file, data_dir=where)


def _reader_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        usage=f"{PROG} [PATH | URL | -] [options]\n       {PROG} COMMAND ...",
        description="A terminal reader for news articles: cleans the text, lists the people,\n"
        "places, figures and flagged issues, and moves between them by keyboard.",
        epilog=COMMANDS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="article to open: text, Markdown or HTML, or an http(s) address; '-' reads stdin; "
        "none opens the sample",
    )
    _common(parser)
    _data_dir_option(parser)
    return parser


def _review_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} review",
        description="One document of a finished review: the flags with your dismissals and "
        "their reasons, your entity corrections, your notes and highlights in reading order, "
        "then the figures, entities and what cleaning changed.",
    )
    parser.add_argument("path", metavar="PATH", help="the article; '-' reads stdin")
    parser.add_argument(
        "--format", choices=("md", "json"), default="md", help="md (the default) or json"
    )
    _common(parser)
    _data_dir_option(parser)
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} analyze",
        description="Analyse articles without the reader. Reads no user settings unless "
        "--config is given, so the output depends only on the inputs.",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="articles or http(s) addresses; '-' reads stdin"
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json",
        action="store_const",
        const="json",
        dest="format",
        help="one JSON object per input (JSON Lines for several), schema closeread/analysis@1",
    )
    output.add_argument(
        "--format",
        choices=("text", "json", "md"),
        default="text",
        help="text: a short summary (the default); json: as --json; md: a review report",
    )
    _common(parser)
    return parser


def _guarded(run, debug: bool) -> int:
    """Run a command; a failure is one line on stderr (and a traceback only with --debug)."""
    try:
        return run()
    except LoadError as error:
        print(f"{PROG}: {one_line(str(error), 300)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last line of defence: never a traceback for a user
        if debug:
            raise
        print(
            f"{PROG}: internal error: {one_line(str(error) or type(error).__name__, 200)} "
            "(run with --debug for details)",
            file=sys.stderr,
        )
        return 1


def run_analyze(options: argparse.Namespace) -> int:
    from .analysis.pipeline import analyze

    config = given_config(options.config)
    _warn(config.warnings)
    failed = False
    for path in options.paths:
        try:
            source = load_input(path, options.encoding)
            analysis = analyze(source, reference=options.date, disabled_rules=config.disabled_rules)
        except LoadError as error:
            print(f"{PROG}: {one_line(str(error), 300)}", file=sys.stderr)
            failed = True
            continue
        except Exception as error:  # one input's failure never stops the others
            if options.debug:
                raise
            print(
                f"{PROG}: {one_line(path, 200)}: internal error: "
                f"{one_line(str(error) or type(error).__name__, 200)} "
                "(run with --debug for details)",
                file=sys.stderr,
            )
            failed = True
            continue
        if options.format == "json":
            from .analysis.serialize import to_dict

            sys.stdout.write(json_text(to_dict(analysis), indent=None) + "\n")
        elif options.format == "md":
            from .report import markdown_report

            sys.stdout.write(plain(markdown_report(analysis, "stdin" if path == "-" else path)))
        else:
            write_summary(analysis, path, sys.stdout)
        sys.stdout.flush()
    return 1 if failed else 0


def write_summary(analysis: Analysis, name: str, out: TextIO) -> None:
    """A short human report: counts, the most mentioned entities, the flags."""
    words = len(analysis.text.split())
    edits = Counter(e.kind for e in analysis.edits if e.kind != "whitespace")
    severities = Counter(f.severity for f in analysis.flags)
    shown = "stdin" if name == "-" else name
    lines = [
        f"{one_line(shown, 200)} ({analysis.source.format}): {words:,} words, "
        f"{len(analysis.paragraphs)} paragraphs"
        + (f", title: {one_line(analysis.title, 120)}" if analysis.title else ""),
    ]
    if edits:
        lines.append("  edits: " + ", ".join(f"{n} {kind}" for kind, n in edits.most_common()))
    if analysis.reference_date:
        ref = analysis.reference_date
        lines.append(f"  dates resolved against {ref.date.isoformat()} ({ref.kind})")
    top = sorted(analysis.entities, key=lambda e: -len(e.mentions))[:8]
    lines.append(
        f"  entities: {len(analysis.entities)}"
        + (
            ": " + "; ".join(f"{one_line(e.name, 60)} ({e.kind}, {len(e.mentions)})" for e in top)
            if top
            else ""
        )
    )
    lines.append(f"  figures: {len(analysis.figures)}")
    lines.append(
        f"  flags: {len(analysis.flags)}"
        + (
            " ("
            + ", ".join(
                f"{severities[s]} {s}" for s in ("error", "warning", "info") if severities[s]
            )
            + ")"
            if analysis.flags
            else ""
        )
    )
    for flag in analysis.flags:
        lines.append(f"    {flag.severity:<7} {flag.rule}: {one_line(flag.message, 160)}")
    out.write(plain("\n".join(lines)) + "\n")


def given_config(path: Path | None, *, for_reader: bool = False) -> Config:
    """The settings in ``--config FILE``, or none (the reader: the user's settings file). A
    FILE asked for that is not there is an error (a missing default file is no news). Rule ids
    and key binding ids that name nothing are warnings, by name."""
    if path is not None and not path.is_file():
        what = "is a directory, not a settings file" if path.is_dir() else "no such settings file"
        raise LoadError(f"{path}: {what}")
    if path is None and not for_reader:
        return Config()
    config = load_config(path or default_config_path())
    if not config.keys:
        return check_names(config)
    from .keymap import binding_ids  # imports the reader's classes: only for settings with keys

    return check_names(config, binding_ids())


def run_reader(options: argparse.Namespace) -> int:
    config = given_config(options.config, for_reader=True)
    source = load_input(options.path, options.encoding, data_dir(options.data_dir))
    if options.path == "-" and not _keys_from_terminal():
        return 1
    # Start-up makes some hundred thousand objects and almost no garbage: the app collects once
    # its first frame is on screen (ReaderApp.after_first_frame), instead of on the way to it.
    gc.disable()
    from .app import ReaderApp  # Textual is imported only when the reader opens

    app = ReaderApp(
        options.path,
        source=source,
        reference=options.date,
        config=config,
        data_dir=options.data_dir,
    )
    app.run()
    return app.return_code or 0


def load_input(path: str | None, encoding: str | None, keep_in: Path | None = None) -> Source:
    """A path, stdin or a web address (fetched; its snapshot kept in ``keep_in`` if given)."""
    from .fetch import is_url

    if is_url(path):
        from .fetch import load_url

        return load_url(str(path), data_dir=keep_in, encoding=encoding)
    return load(path, stdin=sys.stdin.buffer, encoding=encoding)


def _keys_from_terminal() -> bool:
    """After reading a pipe, read keys from the terminal, as ``less`` does."""
    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        print(
            f"{PROG}: stdin was the article and there is no terminal to read keys from; "
            f"use '{PROG} analyze -' to report on piped text",
            file=sys.stderr,
        )
        return False
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as long as the app
    return True


def _warn(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"{PROG}: warning: {one_line(warning, 300)}", file=sys.stderr)
