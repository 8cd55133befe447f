"""What a batch reads: paths (folders walked in sorted order), path lists and JSON Lines lines.

Inputs are produced lazily, one ``Item`` at a time, so a million-file folder or a dump larger
than memory streams through; ``count`` walks the same inputs once more, cheaply, for the total
that progress shows.
"""

from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Iterable, Iterator
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, BinaryIO, Literal, NamedTuple

from ..source import LoadError

DEFAULT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

Kind = Literal["path", "stdin", "jsonl", "error"]


class Item(NamedTuple):
    """One input. ``name`` is a path as found (or '-'); JSON Lines items carry their raw line
    and its number in ``line``; an ``error`` item is an input already known to be unreadable
    (a folder that cannot be listed), carried to its place in the output as a failure."""

    kind: Kind
    name: str
    payload: bytes = b""
    line: int = 0


class Spec(NamedTuple):
    """The inputs as the command line names them."""

    paths: tuple[str, ...] = ()
    files_from: str | None = None
    jsonl: str | None = None
    globs: tuple[str, ...] = ()


def items(spec: Spec, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every input in order: the PATHs, then the --files-from list, or the JSON Lines records."""
    if spec.jsonl is not None:
        yield from jsonl_items(spec.jsonl, stdin)
        return
    for path in spec.paths:
        if path == "-":
            yield Item("stdin", "-", _read_stdin(stdin))
        else:
            yield from expand(path, spec.globs)
    if spec.files_from is not None:
        for path in listed_paths(spec.files_from, stdin):
            yield from expand(path, spec.globs)


def count(spec: Spec) -> int | None:
    """How many items ``items(spec)`` yields, or None when a list comes from stdin."""
    if spec.jsonl is not None:
        if spec.jsonl == "-":
            return None
        return sum(1 for _ in _jsonl_lines(spec.jsonl, None))
    if spec.files_from == "-":
        return None
    total = 0
    for path in spec.paths:
        total += 1 if path == "-" else sum(1 for _ in expand(path, spec.globs))
    if spec.files_from is not None:
        for path in listed_paths(spec.files_from, None):
            total += sum(1 for _ in expand(path, spec.globs))
    return total


def is_single(spec: Spec) -> bool:
    """One article named on the command line (not a folder): no pool, no summary line."""
    return (
        spec.jsonl is None
        and spec.files_from is None
        and len(spec.paths) == 1
        and (spec.paths[0] == "-" or not os.path.isdir(spec.paths[0]))
    )


def expand(path: str, globs: Iterable[str] = ()) -> Iterator[Item]:
    """A file is itself; a folder is its matching files, recursively, sorted by path.

    Symbolic links to folders are not followed (so a link loop cannot trap the walk); links
    to files are read. Anything but a regular file (a FIFO, a socket) is passed over, since
    reading one could block forever."""
    if not os.path.isdir(path):
        yield Item("path", path)
        return
    patterns = tuple(globs)
    root = path
    stack: list[Iterator[os.DirEntry[str]]] = []
    try:
        stack.append(_sorted_entries(root))
    except OSError as error:
        yield Item("error", path, _failure("cannot be listed", error))
        return
    found = False
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                stack.append(_sorted_entries(entry.path))
                continue
            regular = entry.is_file()
        except OSError as error:
            if _wanted(entry, root, patterns):
                found = True
                yield Item("error", entry.path, _failure("cannot be read", error))
            continue
        if regular and _wanted(entry, root, patterns):
            found = True
            yield Item("path", entry.path)
    if not found:  # a mistaken folder or --glob should not pass as an empty success
        wanted = " or ".join(patterns) if patterns else ", ".join(DEFAULT_SUFFIXES)
        yield Item("error", path, f"a folder with no articles in it ({wanted})".encode())


def listed_paths(source: str, stdin: BinaryIO | None) -> Iterator[str]:
    """The paths of a --files-from list, one a line (blank lines skipped), '-' being stdin."""
    with _open_input(source, stdin, what="--files-from") as stream:
        for raw in stream:
            path = os.fsdecode(raw.rstrip(b"\r\n"))
            if path.strip():
                yield path


def jsonl_items(source: str, stdin: BinaryIO | None) -> Iterator[Item]:
    """One item per non-blank line; the line is parsed where it is analysed."""
    name = "stdin" if source == "-" else source
    for number, raw in _jsonl_lines(source, stdin):
        yield Item("jsonl", name, raw, number)


def _jsonl_lines(source: str, stdin: BinaryIO | None) -> Iterator[tuple[int, bytes]]:
    with _open_input(source, stdin, what="--jsonl") as stream:
        for number, raw in enumerate(stream, start=1):
            if raw.strip():
                yield number, raw


def _open_input(source: str, stdin: BinaryIO | None, *, what: str) -> Any:
    """A list or dump to read line by line: a file (gzip if it ends in .gz) or stdin."""
    if source == "-":
        return Borrowed(stdin if stdin is not None else sys.stdin.buffer)
    try:
        if os.path.isdir(source):
            raise LoadError(f"{what} {source}: is a directory, not a file")
        if source.endswith(".gz"):
            return gzip.open(source, "rb")
        return open(source, "rb")
    except FileNotFoundError:
        raise LoadError(f"{what} {source}: no such file") from None
    except PermissionError:
        raise LoadError(f"{what} {source}: permission denied") from None
    except OSError as error:
        raise LoadError(f"{what} {source}: cannot be read ({error.strerror or error})") from None


class Borrowed:
    """Stdin, read in a ``with`` that must not close it (the report reads it so too)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def __enter__(self) -> BinaryIO:
        return self._stream

    def __exit__(self, *_: object) -> None:
        return None


def _read_stdin(stdin: BinaryIO | None) -> bytes:
    from ..source import read_stream

    return read_stream(stdin if stdin is not None else sys.stdin.buffer)


def _sorted_entries(folder: str) -> Iterator[os.DirEntry[str]]:
    with os.scandir(folder) as listing:
        return iter(sorted(listing, key=lambda entry: entry.name))


def _wanted(entry: os.DirEntry[str], root: str, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return entry.name.lower().endswith(DEFAULT_SUFFIXES)
    relative = Path(os.path.relpath(entry.path, root)).as_posix()
    return any(fnmatchcase(relative, p) or fnmatchcase(entry.name, p) for p in patterns)


def _failure(what: str, error: OSError) -> bytes:
    return f"{what} ({error.strerror or error})".encode()
