"""Opening web addresses, served by a local http.server: pages, charsets, every refusal as one
line, and the snapshot that reopens an article offline. Nothing here needs the internet."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tui.app import ReaderApp
from tui.cli import main
from tui.fetch import fetch, is_url, load_url, snapshot_path
from tui.source import LoadError
from tui.widgets.article import ArticleView

ARTICLE = (
    "<!doctype html><html><head><title>Storm closes harbour</title></head><body><article>"
    "<h1>Storm closes harbour</h1>"
    "<p>The harbour at Dover was closed on Monday after a storm damaged two piers, "
    "according to the port authority.</p>"
    "<p>Ferries to Calais were cancelled and about 3,000 passengers waited overnight.</p>"
    "<p>The authority said repairs would take at least a week, and that no one was hurt.</p>"
    "</article></body></html>"
)
RUSSIAN = (
    "<html><head><title>Новости</title></head><body><article>"
    "<p>Президент России Владимир Путин заявил в среду, что войска останутся.</p>"
    "<p>В Алматы продолжаются столкновения с полицией, сообщили местные СМИ.</p>"
    "</article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path.startswith("/loop"):
            n = int(self.path.removeprefix("/loop") or 0)
            self._send(302, {"Location": f"/loop{n + 1}"}, b"")
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self._send(status, headers, body)

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    html = {"Content-Type": "text/html; charset=utf-8"}
    _Handler.routes = {
        "/article.html": (200, html, ARTICLE.encode()),
        "/ru": (200, {"Content-Type": "text/html; charset=windows-1251"}, RUSSIAN.encode("cp1251")),
        "/ru-no-header": (200, {"Content-Type": "text/html"}, RUSSIAN.encode("cp1251")),
        "/gz": (
            200,
            {"Content-Type": "text/html", "Content-Encoding": "gzip"},
            gzip.compress(ARTICLE.encode()),
        ),
        "/moved": (301, {"Location": "/article.html"}, b""),
        "/broken": (500, {}, b"oops"),
        "/doc.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 ..."),
        "/big": (200, {"Content-Type": "text/plain"}, b"word " * 50_000),
        "/slow": (200, html, ARTICLE.encode()),
        "/notes.txt": (200, {"Content-Type": "text/plain"}, b"A title\n\nSome plain text here."),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_is_url():
    assert is_url("https://example.org/a") and is_url("HTTP://x")
    assert not is_url("article.html") and not is_url(None) and not is_url("ftp://x")


def test_a_page_is_fetched_and_extracted(server: str, tmp_path: Path):
    source = load_url(f"{server}/article.html", data_dir=tmp_path)
    assert source.format == "html"
    assert source.title == "Storm closes harbour"
    assert "Ferries to Calais" in source.text
    assert source.path == f"{server}/article.html"
    assert snapshot_path(tmp_path, source.path).exists()


def test_the_servers_charset_decodes_the_page(server: str):
    assert "Президент России" in load_url(f"{server}/ru").text


def test_an_undeclared_legacy_page_is_detected(server: str):
    source = load_url(f"{server}/ru-no-header")
    assert "Президент России" in source.text
    assert any("Windows-1251" in w for w in source.warnings)


def test_gzip_and_redirects_are_followed(server: str):
    assert "Ferries" in load_url(f"{server}/gz").text
    page = fetch(f"{server}/moved")
    assert page.final_url.endswith("/article.html")


def test_plain_text_pages_are_text(server: str):
    source = load_url(f"{server}/notes.txt")
    assert source.format == "text" and source.title == "A title"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/broken", "the server answered 500"),
        ("/doc.pdf", "the server sent application/pdf, not a page closeread can read"),
        ("/loop", "more than 5 redirects"),
    ],
)
def test_refusals_are_one_line(server: str, path: str, message: str):
    with pytest.raises(LoadError) as error:
        fetch(f"{server}{path}")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_size_cap(server: str):
    with pytest.raises(LoadError, match="too large to open"):
        fetch(f"{server}/big", limit=100_000)


def test_timeout(server: str):
    with pytest.raises(LoadError, match=r"did not answer within 0\.5 s"):
        fetch(f"{server}/slow", timeout=(2, 0.5, 10))


def test_offline(tmp_path: Path):
    with pytest.raises(LoadError, match="cannot connect"):
        fetch(f"http://127.0.0.1:{_closed_port()}/a")


def test_snapshot_reopens_offline(server: str, tmp_path: Path):
    url = f"{server}/article.html"
    first = load_url(url, data_dir=tmp_path)
    # The same address, now unreachable: the snapshot under its name is read.
    snapshot_path(tmp_path, url).rename(snapshot_path(tmp_path, "kept"))
    dead = f"http://127.0.0.1:{_closed_port()}/article.html"
    snapshot_path(tmp_path, "kept").rename(snapshot_path(tmp_path, dead))
    text = snapshot_path(tmp_path, dead).read_text().replace(url, dead)
    snapshot_path(tmp_path, dead).write_text(text)
    again = load_url(dead, data_dir=tmp_path)
    assert again.text == first.text
    assert "could not be fetched now" in again.warnings[0]
    assert "cannot connect" in again.warnings[0]


def test_cli_errors_are_one_line(server: str, capsys):
    assert main(["analyze", f"{server}/missing"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "404" in err


def test_cli_analyze_url(server: str, capsys):
    assert main(["analyze", f"{server}/article.html"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{server}/article.html (html)")
    assert "title: Storm closes harbour" in out


def test_reader_url_refusal_is_one_line(capsys):
    assert main([f"http://127.0.0.1:{_closed_port()}/x"]) == 1
    assert "cannot connect" in capsys.readouterr().err


async def test_reader_opens_a_fetched_page_and_keeps_notes_by_address(server: str, tmp_path: Path):
    url = f"{server}/article.html"
    source = load_url(url, data_dir=tmp_path)
    app = ReaderApp(url, source=source, data_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        assert "Ferries to Calais" in app.query_one(ArticleView).text
        assert "Storm closes harbour" in app._title_line()
        assert app.notebook is not None and app.notebook.document is not None
        assert app.notebook.document.source == url
