"""Loading: bytes from a path or stdin become a ``Source``: decoded, newlines normalised, extracted.

Whatever cannot be read raises ``LoadError`` with one line a person can act on; whatever can be
read imperfectly (bad bytes, an empty file) loads, with a warning the analysis turns into a flag.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from .analysis.model import EMPTY_ARTICLE, Format, Source
from .formats import Extracted
from .safe_text import one_line

MAX_BYTES = 64 * 1024 * 1024
BINARY_PROBE = 8192

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
    (b"RIFF", "a media file"),
)
_SUFFIX_FORMAT: dict[str, Format] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
}
_NEWLINE_MARKS = ("\r", "\u2028", "\u2029", "\x85")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


class LoadError(Exception):
    """An input that cannot be opened; ``str(error)`` is the one line to show."""


def sample_path() -> Path:
    """The bundled sample article, wherever the package was installed."""
    from .resources import seed_file

    return seed_file()


def read_path(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """Read a file's bytes, refusing what is missing, not a regular file (a directory, FIFO,
    device or socket is refused without reading a byte), unreadable or over ``limit``."""
    shown = one_line(os.fsdecode(path), 300)
    limit = MAX_BYTES if limit is None else limit
    if not os.fspath(path):
        raise LoadError("an empty path names no file")
    try:
        kind = _not_regular(os.stat(path).st_mode)
        if kind:
            raise LoadError(f"{shown}: is {kind}, not an article")
        # O_NONBLOCK: were the file swapped for a FIFO since the stat, opening it does not wait.
        fd = os.open(path, os.O_RDONLY | os.O_NOCTTY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            status = os.fstat(handle.fileno())
            kind = _not_regular(status.st_mode)
            if kind:
                raise LoadError(f"{shown}: is {kind}, not an article")
            if status.st_size > limit:
                raise LoadError(
                    f"{shown}: too large to open ({_megabytes(status.st_size)}; "
                    f"the limit is {_megabytes(limit)})"
                )
            data = handle.read(limit + 1)
    except LoadError:
        raise
    except FileNotFoundError:
        raise LoadError(f"{shown}: no such file") from None
    except PermissionError:
        raise LoadError(f"{shown}: permission denied") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise LoadError(f"{shown}: a loop of symbolic links, no file") from None
        if error.errno == errno.ENOTDIR:
            raise LoadError(f"{shown}: no such file (a part of the path is not a folder)") from None
        raise LoadError(f"{shown}: cannot be read ({error.strerror or error})") from None
    except ValueError:  # a NUL inside the path
        raise LoadError(f"{shown}: not a valid path") from None
    if len(data) > limit:
        raise LoadError(f"{shown}: too large to open (the limit is {_megabytes(limit)})")
    return data


def _not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is, in words, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_stream(stream: BinaryIO, name: str = "stdin") -> bytes:
    """Read all of a stream (stdin), with the same size limit as a file."""
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise LoadError(f"{name}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise LoadError(f"{name}: too large to open (the limit is {_megabytes(MAX_BYTES)})")
    return data


def load(
    path: str | None,
    stdin: BinaryIO | None = None,
    *,
    encoding: str | None = None,
    limit: int | None = None,
) -> Source:
    """Load an article: ``None`` is the bundled sample, ``"-"`` is ``stdin``, else a path.
    ``encoding`` forces a codec (``--encoding``) instead of the declared or detected one;
    a file over ``limit`` bytes is refused."""
    if path is None:
        sample = sample_path()
        return decode(read_path(sample), path=str(sample), name=sample.name)
    if path == "-":
        if stdin is None:
            raise LoadError("stdin: nothing to read")
        return decode(read_stream(stdin), path=None, name="stdin", encoding=encoding)
    data = read_path(path, limit)
    try:
        resolved = str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError):  # a link loop made since the read: keep the path as given
        resolved = os.path.abspath(path)
    return decode(data, path=resolved, name=path, encoding=encoding)


def decode(
    data: bytes,
    *,
    path: str | None = None,
    name: str = "stdin",
    encoding: str | None = None,
    declared: str | None = None,
) -> Source:
    """Turn bytes into a ``Source``: refuse binaries, decode, normalise newlines, extract.
    ``declared`` is the charset a server sent with the bytes."""
    wide = encoding is not None and ("16" in encoding or "32" in encoding)  # NULs are its text
    refusal = None if wide else binary_kind(data)
    if refusal:
        raise LoadError(
            f"{name}: looks like {refusal}, not text; closeread opens text, Markdown or HTML"
        )
    text, warnings = decode_text(data, encoding=encoding, declared=declared)
    if any(mark in text for mark in _NEWLINE_MARKS):  # `in` scans 5 MB in a millisecond
        text = _NEWLINES.sub("\n", text)
    fmt = detect_format(text, name)
    extracted = extract(text, fmt)
    if not extracted.text.strip():
        warnings.append(EMPTY_ARTICLE)
    return Source(
        text=extracted.text,
        format=fmt,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        title=extracted.title,
        date=extracted.date,
        warnings=tuple(warnings),
    )


def binary_kind(data: bytes) -> str | None:
    """What binary thing ``data`` seems to be, or None for text (UTF-16 with a BOM is text)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if b"\x00" in data[:BINARY_PROBE]:
        return "binary data (it has NUL bytes)"
    return None


def decode_text(
    data: bytes, *, encoding: str | None = None, declared: str | None = None
) -> tuple[str, list[str]]:
    """Decode: a forced ``encoding``, else the BOM, the server's or the page's declared charset,
    UTF-8, and a detected legacy encoding last (with a warning that names it)."""
    from .encodings import decode_bytes

    return decode_bytes(data, forced=encoding, declared=declared)


def detect_format(text: str, name: str) -> Format:
    """The format by suffix, else by content (the sniffers' patterns load only then)."""
    suffix = Path(name).suffix.lower()
    if suffix in _SUFFIX_FORMAT:
        return _SUFFIX_FORMAT[suffix]
    from .formats.html import looks_like_html
    from .formats.markdown import looks_like_markdown

    if looks_like_html(text):
        return "html"
    if looks_like_markdown(text):
        return "markdown"
    return "text"


def extract(text: str, fmt: Format) -> Extracted:
    """The article's plain text and title for its format (HTML and Markdown lose their markup)."""
    if fmt == "html":
        from .formats.html import extract_html

        return extract_html(text)
    if fmt == "markdown":
        from .formats.markdown import extract_markdown

        return extract_markdown(text)
    return Extracted(text=text, title=headline(text), date=None)


def headline(text: str) -> str | None:
    """The first line, if it reads as a headline: short, not a sentence, and more text follows."""
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if not first or not rest.strip():
        return None
    words = first.split()
    if len(words) > 16 or len(first) > 120 or first[-1] in ".,;:":
        return None
    return first


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
