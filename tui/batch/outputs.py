"""Where records go: stdout, one file (``.jsonl`` or ``.jsonl.gz``) or numbered shards.

Records are whole lines written in input order, so a run that was stopped left a prefix of
its output, perhaps with a torn last line. ``existing`` reads back the complete records (for
``--resume`` to check and skip), and ``open`` drops the torn tail and goes on appending.
Nothing already written is overwritten without ``--resume``.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..source import LoadError

LEVEL = 6
"""gzip level: zlib's default; 9 costs the writing process about twice the time for 3% less."""

SHARD_NAME = "part-{:06d}.jsonl"


def is_file_target(target: str) -> bool:
    """``--output`` names a file when it ends in .jsonl or .jsonl.gz, else a folder of shards."""
    return target.endswith((".jsonl", ".jsonl.gz"))


class StdoutOutput:
    """Records on stdout, flushed each, so a pipe reader sees them as they come."""

    def existing(self) -> Iterator[dict[str, Any]]:
        return iter(())

    def open(self) -> None:
        return None

    def write(self, text: str) -> None:
        sys.stdout.write(text)  # looked up each time: a progress display may redirect it
        sys.stdout.flush()

    def close(self) -> None:
        return None

    def describe(self) -> str:
        return "stdout"


class FileOutput:
    """One file of JSON Lines, gzip-compressed when its name ends in .gz."""

    def __init__(self, path: Path, resume: bool) -> None:
        self.path = path
        self.resume = resume
        self._kept: int | None = None  # bytes of whole records to keep, when resuming
        self._handle: BinaryIO | None = None

    def existing(self) -> Iterator[dict[str, Any]]:
        if not self.path.exists():
            return
        if self.path.is_dir():
            raise LoadError(f"--output {self.path}: is a directory (a file ends in .jsonl)")
        if not self.resume:
            raise LoadError(
                f"--output {self.path}: already exists; --resume continues it, "
                "or remove it to start again"
            )
        self._kept = 0
        for names, _, size in _complete_records(self.path):
            self._kept = size
            yield names

    def open(self) -> None:
        gz = self.path.name.endswith(".gz")
        if self._kept is not None:
            _cut(self.path, self._kept, gz=gz)
        self._handle = _open(self.path, append=self._kept is not None, gz=gz)

    def write(self, text: str) -> None:
        assert self._handle is not None
        self._handle.write(text.encode("utf-8"))

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def describe(self) -> str:
        return str(self.path)


class ShardOutput:
    """A folder of numbered shards of ``size`` records each (``part-000000.jsonl[.gz]``)."""

    def __init__(self, folder: Path, size: int, gz: bool, resume: bool) -> None:
        self.folder = folder
        self.size = size
        self.gz = gz
        self.resume = resume
        self._index = 0
        self._in_shard = 0
        self._kept: int | None = None
        self._handle: BinaryIO | None = None

    def _shard(self, index: int) -> Path:
        return self.folder / (SHARD_NAME.format(index) + (".gz" if self.gz else ""))

    def existing(self) -> Iterator[dict[str, Any]]:
        if self.folder.exists() and not self.folder.is_dir():
            raise LoadError(f"--output {self.folder}: is a file, not a folder for shards")
        shards = sorted(self.folder.glob("part-*.jsonl*")) if self.folder.is_dir() else []
        if not shards:
            return
        if not self.resume:
            raise LoadError(
                f"--output {self.folder}: already holds shards; --resume continues them, "
                "or choose an empty folder"
            )
        expected = [self._shard(i) for i in range(len(shards))]
        if shards != expected:
            raise LoadError(
                f"--output {self.folder}: the shards are not "
                f"{expected[0].name}, ... in order (was --gzip the same?)"
            )
        for index, shard in enumerate(shards):
            last = index == len(shards) - 1
            self._index, self._in_shard, self._kept = index, 0, 0
            for names, records, size in _complete_records(shard, torn_ok=last):
                self._in_shard, self._kept = records, size
                yield names
            if not last and self._in_shard != self.size:
                raise LoadError(
                    f"--output {shard}: holds {self._in_shard} records, not --shard-size "
                    f"{self.size}; resume with the shard size the run began with"
                )

    def open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._kept is not None:
            _cut(self._shard(self._index), self._kept, gz=self.gz)
            if self._in_shard < self.size:
                self._handle = _open(self._shard(self._index), append=True, gz=self.gz)
            else:
                self._index, self._in_shard = self._index + 1, 0

    def write(self, text: str) -> None:
        if self._handle is None or self._in_shard == self.size:
            if self._handle is not None:
                self._handle.close()
                self._index, self._in_shard = self._index + 1, 0
            self._handle = _open(self._shard(self._index), append=False, gz=self.gz)
        self._handle.write(text.encode("utf-8"))
        self._in_shard += 1

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def describe(self) -> str:
        return f"{self.folder}{os.sep}"


def _open(path: Path, *, append: bool, gz: bool) -> BinaryIO:
    """A file to write records to; gzip members carry no name and no time, so the same
    records always give the same bytes (an appended member is valid gzip: readers join them)."""
    raw = path.open("ab" if append else "wb")
    if not gz:
        return raw
    return _GzipWriter(raw)  # type: ignore[return-value]


class _GzipWriter(gzip.GzipFile):
    """A gzip member that closes its file too."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__(filename="", mode="wb", fileobj=raw, compresslevel=LEVEL, mtime=0)
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def _complete_records(
    path: Path, torn_ok: bool = True
) -> Iterator[tuple[dict[str, Any], int, int]]:
    """(names, records so far, bytes of text so far) for each whole record in a file: a line
    ending in a newline that parses. A torn last line (the run was stopped) ends the file."""
    records = size = 0
    try:
        with _read(path) as stream:
            for line in stream:
                try:
                    record = json.loads(line) if line.endswith(b"\n") else None
                except ValueError:
                    record = None
                if not isinstance(record, dict):
                    if torn_ok and not stream.read(1):
                        return
                    raise LoadError(f"{path}: record {records + 1} is damaged; cannot resume")
                records += 1
                size += len(line)
                yield _names(record), records, size
    except (EOFError, gzip.BadGzipFile, zlib.error):
        if not torn_ok:
            raise LoadError(f"{path}: the compressed data is damaged; cannot resume") from None
    except OSError as error:
        raise LoadError(f"{path}: cannot be read ({error.strerror or error})") from None


def _read(path: Path) -> Any:
    return gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")


def _names(record: dict[str, Any]) -> dict[str, Any]:
    """The input a record names (and whether it is a failure record)."""
    return {key: record[key] for key in ("path", "id", "line", "error") if key in record}


def _cut(path: Path, size: int, *, gz: bool) -> None:
    """Keep the first ``size`` bytes of text (whole records) and drop a torn tail."""
    if not gz:
        with path.open("r+b") as handle:
            handle.truncate(size)
        return
    # A stopped gzip stream has no end: write the kept records again as one whole member.
    partial = path.with_name(path.name + ".resume")
    with _read(path) as source, _open(partial, append=False, gz=True) as target:
        left = size
        while left:
            block = source.read(min(left, 1 << 20))
            if not block:
                break
            target.write(block)
            left -= len(block)
    os.replace(partial, path)
