"""Articles from the web: ``closeread URL`` fetches a page once, keeps a snapshot, reads that.

The client is urllib3, which closeread already installs with trafilatura: it verifies
certificates, follows a bounded number of redirects, decodes gzip and deflate, and lets us stream
the body so a size cap holds before the bytes are in memory. Each failure is one line a person
can act on (offline, a timeout, 404, too many redirects, a PDF, too large).

The bytes read are kept in the data folder (``snapshots/``), so notes anchor to the text that
was read and the article opens again without the network: when a fetch fails, the last snapshot
is shown, with a warning that says when it was taken and why it is shown.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from . import __version__
from .analysis.model import Source
from .safe_text import one_line
from .source import LoadError, decode

FETCH_LIMIT = 16 * 1024 * 1024
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
TOTAL_TIMEOUT = 60.0
MAX_REDIRECTS = 5
_TEXT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "text/plain": "",
}
_SNAPSHOTS = "snapshots"


class Fetched(NamedTuple):
    """A page's bytes as the server sent them, with what its headers said about them."""

    url: str
    final_url: str
    data: bytes
    content_type: str
    charset: str | None
    fetched: str


def is_url(value: str | None) -> bool:
    """Whether the command line's PATH is a web address (only http and https are fetched)."""
    return bool(value) and value.lower().startswith(("http://", "https://"))  # type: ignore[union-attr]


def fetch(
    url: str,
    *,
    limit: int = FETCH_LIMIT,
    timeout: tuple[float, float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT, TOTAL_TIMEOUT),
) -> Fetched:
    """GET ``url``; raise ``LoadError`` with one line for anything but a text page in time."""
    import urllib3  # only when a URL is opened: it costs start-up time otherwise
    from urllib3.exceptions import HTTPError, MaxRetryError

    shown = one_line(url, 200)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise LoadError(f"{shown}: not a web address closeread can fetch")
    connect, read, total = timeout
    pool = urllib3.PoolManager(
        headers={
            "User-Agent": f"closeread/{__version__} (terminal news reader)",
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9",
            "Accept-Encoding": "gzip, deflate",
        },
        timeout=urllib3.Timeout(connect=connect, read=read),
        retries=urllib3.Retry(
            total=MAX_REDIRECTS + 1,
            connect=0,
            read=0,
            status=0,
            other=0,
            redirect=MAX_REDIRECTS,
            raise_on_redirect=True,
            raise_on_status=False,
        ),
    )
    started = time.monotonic()
    try:
        response = pool.request("GET", url, preload_content=False, redirect=True)
    except MaxRetryError as error:
        raise LoadError(f"{shown}: {_why(error.reason, connect, read)}") from None
    except HTTPError as error:
        raise LoadError(f"{shown}: {_why(error, connect, read)}") from None
    try:
        if response.status >= 400:
            reason = one_line(response.reason or "", 60)
            raise LoadError(f"{shown}: the server answered {response.status} {reason}".rstrip())
        ctype, charset = _content_type(response.headers.get("Content-Type", ""))
        if ctype and ctype not in _TEXT_TYPES and not ctype.startswith("text/"):
            raise LoadError(
                f"{shown}: the server sent {one_line(ctype, 60)}, not a page closeread can read "
                "(HTML, text or Markdown)"
            )
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            size_ = _megabytes(int(declared))
            raise LoadError(f"{shown}: too large to open ({size_}; {_cap(limit)})")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.stream(64 * 1024, decode_content=True):
            size += len(chunk)
            if size > limit:
                raise LoadError(f"{shown}: too large to open ({_cap(limit)})")
            if time.monotonic() - started > total:
                raise LoadError(f"{shown}: the page took more than {total:g} s to arrive")
            chunks.append(chunk)
        final = response.geturl() or url
    except HTTPError as error:
        raise LoadError(f"{shown}: {_why(error, connect, read)}") from None
    finally:
        response.release_conn()
    return Fetched(url, str(final), b"".join(chunks), ctype, charset, _stamp())


def load_url(
    url: str, *, data_dir: Path | None = None, encoding: str | None = None, **fetching
) -> Source:
    """The article at ``url``: fetched and kept as a snapshot in ``data_dir`` when one is given;
    when the fetch fails there, the last snapshot is read instead, with a warning saying so."""
    try:
        page = fetch(url, **fetching)
    except LoadError as error:
        kept = read_snapshot(data_dir, url) if data_dir is not None else None
        if kept is None:
            raise
        source = page_source(kept, encoding)
        note = (
            f"Shown from the copy kept on {kept.fetched[:10]}: the page could not be fetched "
            f"now ({str(error).removeprefix(one_line(url, 200) + ': ')})."
        )
        return source._replace(warnings=(note, *source.warnings))
    if data_dir is not None:
        save_snapshot(data_dir, page)
    return page_source(page, encoding)


def page_source(page: Fetched, encoding: str | None = None) -> Source:
    """Decode and extract a fetched page; the server's charset counts as declared."""
    suffix = _TEXT_TYPES.get(page.content_type, "")
    name = Path(urlsplit(page.final_url).path).name or "page"
    if suffix and not name.endswith(suffix):
        name += suffix
    return decode(page.data, path=page.url, name=name, encoding=encoding, declared=page.charset)


def snapshot_path(data_dir: Path, url: str) -> Path:
    """Where the snapshot of ``url`` is kept: one file per address, named by its hash."""
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return Path(data_dir) / _SNAPSHOTS / f"{digest}.json"


def save_snapshot(data_dir: Path, page: Fetched) -> None:
    """Keep ``page`` (bytes and headers) atomically; a folder that cannot be written is skipped,
    since the article itself was read: the next offline open then has no copy to fall back on."""
    path = snapshot_path(data_dir, page.url)
    record = page._asdict() | {"data": page.data.decode("latin-1")}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp"
        ) as handle:
            json.dump(record, handle)
        os.replace(handle.name, path)
    except OSError:
        return


def read_snapshot(data_dir: Path, url: str) -> Fetched | None:
    """The kept copy of ``url``, or None if there is none or it cannot be read."""
    try:
        record = json.loads(snapshot_path(data_dir, url).read_text(encoding="utf-8"))
        record["data"] = record["data"].encode("latin-1")
        return Fetched(**record)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _content_type(header: str) -> tuple[str, str | None]:
    """``text/html; charset=windows-1251`` -> (``text/html``, ``windows-1251``)."""
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset


def _why(error: object, connect: float, read: float) -> str:
    """One line for a urllib3 failure, in a reader's words."""
    from urllib3.exceptions import (
        ConnectTimeoutError,
        DecodeError,
        NameResolutionError,
        NewConnectionError,
        ProtocolError,
        ReadTimeoutError,
        ResponseError,
        SSLError,
    )

    if isinstance(error, ResponseError) and "redirect" in str(error):
        return f"more than {MAX_REDIRECTS} redirects; not followed further"
    if isinstance(error, NameResolutionError):
        return "the host name cannot be resolved (offline, or a typo in the address?)"
    if isinstance(error, NewConnectionError):  # a subclass of ConnectTimeoutError
        return "cannot connect to the server (offline, or the server is down?)"
    if isinstance(error, ConnectTimeoutError):
        return f"no connection within {connect:g} s (offline?)"
    if isinstance(error, ReadTimeoutError):
        return f"the server did not answer within {read:g} s"
    if isinstance(error, SSLError):
        return "the secure connection failed (the certificate could not be verified)"
    if isinstance(error, DecodeError):
        return "the server sent damaged compressed data"
    if isinstance(error, ProtocolError):
        return "the connection broke off while reading the page"
    return f"cannot be fetched ({one_line(str(error), 120)})"


def _stamp() -> str:
    from .notes.model import now

    return now()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _cap(limit: int) -> str:
    return f"the limit is {_megabytes(limit)}"
