"""Legacy encodings: the declared charset wins for HTML, UTF-8 then detection for text, and
``--encoding`` forces one; every fallback names the encoding in its warning (and flag)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import ReaderApp
from tui.cli import main
from tui.encodings import codec_name, display_name, looks_like_mojibake
from tui.source import decode, load
from tui.widgets.article import ArticleView

RUSSIAN = (
    "Президент России Владимир Путин заявил в среду, что войска останутся в Казахстане "
    "до конца операции.\nВ Алматы продолжаются столкновения с полицией."
)
POLISH = "Zażółć gęślą jaźń, powiedział minister w środę wieczorem w Warszawie."
FRENCH = "Le café “Au Soleil” a fermé mardi; la propriétaire, naïve, n’a rien dit."


def _page(charset_tag: str, body: str = RUSSIAN, title: str = "Новости дня") -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines())
    return (
        f"<!doctype html><html><head>{charset_tag}<title>{title}</title></head>"
        f"<body><article>{paragraphs}{paragraphs}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("cp1251", "Windows-1251"), ("koi8-r", "KOI8-R"), ("cp1250", "Windows-1250")],
)
def test_legacy_text_is_detected_and_the_warning_names_the_encoding(encoding, named):
    text = POLISH if encoding == "cp1250" else RUSSIAN
    src = decode(text.encode(encoding), name="article.txt")
    assert src.text == text
    assert any(named in w and "charset-normalizer" in w for w in src.warnings)


def test_western_legacy_text_stays_windows_1252():
    """charset-normalizer would guess Windows-1250 here ("naďve"): the cp1252 reading is kept."""
    src = decode(FRENCH.encode("cp1252"), name="article.txt")
    assert src.text == FRENCH
    assert src.warnings == ("The file is not UTF-8; it was decoded as Windows-1252.",)


def test_utf8_text_has_no_warning():
    src = decode(RUSSIAN.encode("utf-8"), name="article.txt")
    assert src.text == RUSSIAN and src.warnings == ()


@pytest.mark.parametrize(
    "tag",
    [
        '<meta charset="windows-1251">',
        "<meta charset=windows-1251>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    ],
)
def test_html_meta_charset_wins(tag: str):
    src = decode(_page(tag).encode("cp1251"), name="page.html")
    assert "Президент России" in src.text
    assert src.title == "Новости дня"
    assert src.warnings == ()


def test_xml_declaration_names_the_encoding():
    page = '<?xml version="1.0" encoding="koi8-r"?>' + _page("")
    src = decode(page.encode("koi8-r"), name="page.xhtml")
    assert "Президент России" in src.text


def test_server_charset_beats_the_meta_tag():
    page = _page('<meta charset="utf-8">').encode("cp1251")
    assert "Президент" in decode(page, name="page.html", declared="windows-1251").text


def test_bom_beats_every_declaration():
    page = b"\xef\xbb\xbf" + _page('<meta charset="windows-1251">').encode("utf-8")
    src = decode(page, name="page.html", declared="iso-8859-5")
    assert "Президент России" in src.text and src.warnings == ()


def test_meta_latin1_means_windows_1252_as_browsers_read_it():
    page = _page('<meta charset="iso-8859-1">', FRENCH, "Café").encode("cp1252")
    assert "“Au Soleil”" in decode(page, name="page.html").text


def test_declared_charset_with_bad_bytes_says_so():
    page = _page('<meta charset="utf-8">', "Bonjour tout le monde, ceci est un texte.", "Jour")
    src = decode(page.encode("utf-8").replace(b"Bonjour", b"Bonj\xffur"), name="page.html")
    assert any("not valid UTF-8 (named by the page)" in w for w in src.warnings)


def test_an_unknown_declared_charset_is_named_and_detection_takes_over():
    src = decode(_page('<meta charset="klingon-8">').encode("cp1251"), name="page.html")
    assert "Президент России" in src.text
    assert any("klingon-8" in w for w in src.warnings)


def test_html_without_a_declaration_is_detected_like_text():
    src = decode(_page("").encode("cp1251"), name="page.html")
    assert "Президент России" in src.text
    assert any("Windows-1251" in w for w in src.warnings)


def test_forced_encoding_wins(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(RUSSIAN.encode("iso-8859-5"))
    assert load(str(path), encoding="iso-8859-5").text == RUSSIAN
    # Forced is forced: the same bytes read as KOI8-R are not Russian.
    assert load(str(path), encoding="koi8-r").text != RUSSIAN


def test_forced_utf16_without_bom_is_not_refused_as_binary(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_bytes(RUSSIAN.encode("utf-16-le"))
    assert load(str(path), encoding="utf-16-le").text == RUSSIAN


def test_mojibake_test_and_names():
    assert looks_like_mojibake(RUSSIAN.encode("cp1251").decode("cp1252"))
    assert looks_like_mojibake(POLISH.encode("cp1250").decode("cp1252"))
    assert not looks_like_mojibake(FRENCH)
    assert codec_name("Windows-1251") == "cp1251" and codec_name("latin1") == "cp1252"
    assert codec_name("nonsense") is None
    assert display_name("iso8859-5") == "ISO-8859-5"


def test_cli_encoding_option(tmp_path: Path, capsys):
    path = tmp_path / "a.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    assert main(["analyze", str(path), "--encoding", "windows-1251", "--json"]) == 0
    assert "Президент" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(path), "--encoding", "martian"])
    assert exit_.value.code == 2
    assert "unknown encoding: 'martian'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "data", "warning"),
    [
        ("ru.txt", RUSSIAN.encode("cp1251"), "Windows-1251"),
        ("fr.txt", FRENCH.encode("cp1252"), "Windows-1252"),
        ("ru.html", _page('<meta charset="windows-1251">').encode("cp1251"), None),
    ],
)
async def test_reader_shows_the_decoded_text_and_the_encoding_flag(
    tmp_path: Path, name: str, data: bytes, warning: str | None
):
    path = tmp_path / name
    path.write_bytes(data)
    app = ReaderApp(str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        shown = app.query_one(ArticleView).text
        assert ("Президент" in shown) or ("café" in shown)
        messages = [f.message for f in app.analysis.flags]
        if warning:
            assert any(warning in m for m in messages)
        else:
            assert not any("decoded" in m for m in messages)
