"""The command line: ``closeread [PATH]`` reads, ``closeread analyze PATH... [--json]`` reports.

Exit codes: 0 done, 1 an input could not be opened (one line on stderr each), 2 bad arguments.
No traceback reaches the user unless ``--debug`` asks for one.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from . import __version__, gcpolicy
from .analysis import Source
from .config import Config, check_names, data_dir, default_config_path, load_config
from .safe_text import one_line, plain
from .source import LoadError, load

PROG = "closeread"
COMMANDS = """commands (each has --help):
  closeread analyze PATH|URL...   the analysis without the reader: a summary, JSON or a report
                                  (folders, lists and JSON Lines too)
  closeread report RESULTS        sums up a batch's results
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
        problem = _analyze_problems(options)
        if problem:
            parser.error(problem)
        with gcpolicy.paused():  # a batch of analyses, which make almost no cycles
            return _guarded(lambda: run_analyze(options), options.debug)
    if args[:1] == ["report"]:
        parser = _report_parser()
        options = parser.parse_args(args[1:])
        return _guarded(lambda: run_report(options), options.debug)
    if args[:1] == ["review"]:
        parser = _review_parser()
        options = parser.parse_args(args[1:])
        from .review import run_review

        with gcpolicy.paused():
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
        description="Analyse articles without the reader: files, folders (recursively), lists "
        "of paths or a JSON Lines dump, on every core or on a Dask cluster. Reads no user "
        "settings unless --config is given, so the output depends only on the inputs.",
        epilog='Failed inputs are records in their place ({"path": ..., "error": ...}); '
        "the run goes on and exits 1 with a summary. A progress bar shows on stderr when it is "
        "a terminal.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="articles, folders or http(s) addresses ('-' reads stdin); folders give their "
        ".txt, .md, .markdown, .html and .htm files, recursively, sorted by path",
    )
    inputs = parser.add_argument_group("more inputs")
    inputs.add_argument(
        "--glob",
        action="append",
        default=[],
        metavar="PATTERN",
        help="in folders, take the files matching PATTERN (by name or path inside the "
        "folder, e.g. '*.json' or 'business/*.txt') instead of the usual suffixes; repeatable",
    )
    inputs.add_argument(
        "--files-from", metavar="FILE", help="read paths from FILE, one a line ('-' is stdin)"
    )
    inputs.add_argument(
        "--jsonl",
        metavar="FILE",
        help="analyse the records of a JSON Lines file (.gz too; '-' is stdin), one per line",
    )
    inputs.add_argument(
        "--text-field", default="text", metavar="NAME", help="the article text (default: text)"
    )
    inputs.add_argument(
        "--id-field", default="id", metavar="NAME", help="the record's id (default: id)"
    )
    inputs.add_argument(
        "--date-field", metavar="NAME", help="the article's date (ISO), if the records have one"
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
        default=None,
        help="text: a short summary (the default); json: as --json; md: a review report",
    )
    runs = parser.add_argument_group("running and writing")
    runs.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help="worker processes (default: one per core when there is more than one input)",
    )
    runs.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: a process pool (the default); dask: a Dask cluster "
        "(pip install 'closeread[dask]')",
    )
    runs.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: an existing cluster's scheduler (default: a local cluster "
        "of -j workers)",
    )
    runs.add_argument(
        "--output",
        metavar="FILE|DIR",
        help="write JSON Lines to FILE (.jsonl, or .jsonl.gz compressed) or to numbered "
        "shards in DIR",
    )
    runs.add_argument(
        "--shard-size", type=_positive, metavar="N", help="records per shard (default 10000)"
    )
    runs.add_argument("--gzip", action="store_true", help="compress the shards (.jsonl.gz)")
    runs.add_argument(
        "--resume",
        action="store_true",
        help="go on with a stopped run: skip the inputs already in --output",
    )
    runs.add_argument(
        "--no-progress", action="store_true", help="no progress bar, even on a terminal"
    )
    _common(parser)
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _analyze_problems(options: argparse.Namespace) -> str | None:
    """Combinations of analyze's options that cannot work, as the line to print."""
    if not (options.paths or options.files_from or options.jsonl):
        return "give articles or folders (PATH...), --files-from FILE or --jsonl FILE"
    if options.jsonl and (options.paths or options.files_from):
        return "--jsonl reads its records alone: give no PATH or --files-from with it"
    stdin_users = options.paths.count("-") + [options.files_from, options.jsonl].count("-")
    if stdin_users > 1:
        return "stdin ('-') can be read once only"
    if options.output:
        if options.format in ("text", "md"):
            return "--output writes JSON Lines: drop --format text/md"
        from .batch.outputs import is_file_target

        if is_file_target(options.output) and (options.shard_size or options.gzip):
            return "--shard-size and --gzip are for a folder of shards, not a .jsonl file"
    elif options.shard_size or options.gzip or options.resume:
        return "--shard-size, --gzip and --resume need --output"
    if options.scheduler and options.engine != "dask":
        options.engine = "dask"
    return None


def _report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{PROG} report",
        description="A corpus report from the JSON Lines that 'closeread analyze --json' or "
        "--output wrote: rules by hits and articles, the articles with the most warnings, "
        "entities by the number of articles that name them, and the failures.",
    )
    parser.add_argument(
        "results",
        nargs="+",
        metavar="RESULTS",
        help="results files (.jsonl or .jsonl.gz), folders of shards, or '-' for stdin",
    )
    parser.add_argument("--format", choices=("text", "md"), default="text")
    parser.add_argument(
        "--top", type=_positive, default=10, metavar="N", help="articles listed (default 10)"
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on failure")
    return parser


def run_report(options: argparse.Namespace) -> int:
    from .batch import corpus

    tally = corpus.Tally(top=options.top)
    for record in corpus.records(options.results, stdin=sys.stdin.buffer):
        tally.add(record)
    render = corpus.render_md if options.format == "md" else corpus.render_text
    sys.stdout.write(plain(render(tally)))
    return 0


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
    from .batch import engines, inputs, run
    from .batch.work import Settings

    config = given_config(options.config)
    _warn(config.warnings)
    if stdin_is_a_terminal(options.paths):
        return 2
    spec = inputs.Spec(
        paths=tuple(options.paths),
        files_from=options.files_from,
        jsonl=options.jsonl,
        globs=tuple(options.glob),
    )
    settings = Settings(
        format=options.format or ("json" if options.output else "text"),
        reference=options.date,
        disabled_rules=frozenset(config.disabled_rules),
        text_field=options.text_field,
        id_field=options.id_field,
        date_field=options.date_field,
        encoding=options.encoding,
        debug=options.debug,
    )
    single = inputs.is_single(spec)
    plan = run.Plan(
        jobs=options.jobs or (1 if single else engines.cores()),
        engine=options.engine,
        scheduler=options.scheduler,
        output=options.output,
        shard_size=options.shard_size,
        gzip_shards=options.gzip,
        resume=options.resume,
        progress=not options.no_progress,
    )
    try:
        return run.run(spec, settings, plan, stdin=sys.stdin.buffer, prog=PROG)
    except engines.EngineMissing as missing:
        print(f"{PROG}: {missing}", file=sys.stderr)
        return 1


def given_config(path: Path | None, *, for_reader: bool = False) -> Config:
    """The settings in ``--config FILE``, or none (the reader: the user's settings file). A
    FILE asked for that is not there is an error (a missing default file is no news). Rule ids
    and key binding ids that name nothing are warnings, by name."""
    if path is not None and (path.is_dir() or not path.exists()):
        what = "is a directory, not a settings file" if path.is_dir() else "no such settings file"
        raise LoadError(f"{path}: {what}")
    if path is None and not for_reader:
        return Config()
    config = load_config(path or default_config_path())
    if not config.keys:
        return check_names(config)
    from .keymap import binding_ids, key_conflicts  # import the reader: only for [keys]

    return check_names(config, binding_ids(), key_conflicts(config.keys))


def stdin_is_a_terminal(paths: Sequence[str | None]) -> bool:
    """Whether '-' asks for a pipe that is not there: reading a terminal as the article would
    wait, on a blank screen, for text nobody means to type. Says what to do instead."""
    if "-" not in paths or not sys.stdin.isatty():
        return False
    print(
        f"{PROG}: '-' reads the article from a pipe, and stdin is the terminal: "
        f"try 'cat article.txt | {PROG} -' or '{PROG} article.txt'",
        file=sys.stderr,
    )
    return True


def run_reader(options: argparse.Namespace) -> int:
    config = given_config(options.config, for_reader=True)
    folder = Path(options.path).expanduser() if options.path not in (None, "-") else None
    if folder is not None and folder.is_dir():
        return run_library(options, config, folder)
    if stdin_is_a_terminal([options.path]):
        return 2
    source = load_input(options.path, options.encoding, data_dir(options.data_dir))
    if options.path == "-" and not _keys_from_terminal():
        return 1
    gcpolicy.pause_until_first_screen()
    from .early import EarlyAnalysis
    from .runs import Inputs

    # Forked before Textual is imported: the analysis runs beside its import (tui.early).
    early = EarlyAnalysis.start(Inputs(source, options.date, (), config.disabled_rules))
    from .app import ReaderApp  # Textual is imported only when the reader opens

    app = ReaderApp(
        options.path,
        source=source,
        reference=options.date,
        config=config,
        data_dir=options.data_dir,
        debug=options.debug,
        early=early,
    )
    app.run()
    for failure in app.failures:  # kept only under --debug
        print(failure, file=sys.stderr, end="")
    return app.return_code or 0


def run_library(options: argparse.Namespace, config: Config, folder: Path) -> int:
    """``closeread DIR``: the reader, opened on the folder's library."""
    from .app import ReaderApp

    app = ReaderApp(
        reference=options.date, config=config, data_dir=options.data_dir, library=folder
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
