"""Loading: what each kind of input becomes, and what is refused with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui import source
from tui.source import LoadError, decode, decode_text, headline, load

PROSE = "The council met on Tuesday.\nIt voted to close the library.\n"


def test_utf8_loads_without_warnings():
    src = decode(PROSE.encode())
    assert src.text == PROSE
    assert src.warnings == ()
    assert src.format == "text"


def test_utf8_bom_is_dropped():
    assert decode("\ufeff".encode() + "café".encode()).text == "café"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_text_not_binary(encoding: str):
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    src = decode(bom + "Naïve café".encode(encoding))
    assert src.text == "Naïve café"
    assert src.warnings == ()


def test_broken_utf8_keeps_the_good_characters_and_warns():
    text, warnings = decode_text("café ".encode() + b"\xff" + " naïve".encode())
    assert text == "café \ufffd naïve"
    assert "not valid UTF-8" in warnings[0]


def test_latin_text_falls_back_to_windows_1252_with_a_warning():
    src = decode("Café “quoted”".encode("cp1252"))
    assert src.text == "Café “quoted”"
    assert any("Windows-1252" in w for w in src.warnings)


def test_newlines_are_normalised():
    assert decode(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    "data",
    [b"text\x00more", b"%PDF-1.7 rest", b"\x89PNG\r\n\x1a\n....", b"PK\x03\x04zip", b"\x1f\x8bgz"],
)
def test_binary_input_is_refused(data: bytes):
    with pytest.raises(LoadError, match="not text"):
        decode(data, name="thing")


def test_missing_file_is_one_line(tmp_path: Path):
    with pytest.raises(LoadError) as caught:
        load(str(tmp_path / "nope.txt"))
    assert "no such file" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_directory_is_refused(tmp_path: Path):
    with pytest.raises(LoadError, match="is a directory"):
        load(str(tmp_path))


def test_too_large_file_names_its_size_and_the_limit(tmp_path: Path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("x" * 3000)
    monkeypatch.setattr(source, "MAX_BYTES", 1024)
    with pytest.raises(LoadError, match=r"too large.*limit"):
        load(str(big))


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "])
def test_empty_or_blank_file_loads_with_a_notice(content: bytes):
    src = decode(content)
    assert src.text.strip() == ""
    assert any("empty" in w for w in src.warnings)


def test_sample_is_bundled_and_loads():
    src = load(None)
    assert src.path is not None and src.path.endswith(".txt")
    assert "Kassym-Jomart Tokayev" in src.text
    assert len(src.sha256) == 64


def test_path_is_resolved_and_hashed(article: Path):
    src = load(str(article))
    assert src.path == str(article.resolve())
    assert src.title == "Storm closes harbour"


def test_headline_is_short_and_not_a_sentence():
    assert headline("Storm closes harbour\n\nBody text.") == "Storm closes harbour"
    assert headline("This is a sentence.\nMore.") is None
    assert headline("Only one line") is None


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.html", "just words", "html"),
        ("a.md", "just words", "markdown"),
        ("a.txt", "<!DOCTYPE html><html><body><p>Hi there</p></body></html>", "html"),
        ("a.txt", "An article that mentions the <b> tag once.", "text"),
    ],
)
def test_format_by_suffix_then_content(name: str, content: str, expected: str):
    assert source.detect_format(content, name) == expected


def test_shipped_files_are_found_where_the_package_is_installed():
    from tui.resources import seed_file, styles_dir

    assert seed_file().is_file()
    assert (styles_dir() / "closeread.tcss").is_file()


def test_unreadable_file_is_one_line_even_as_root(article: Path, monkeypatch):
    def refuse(*_, **__):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(source.os, "open", refuse)
    with pytest.raises(LoadError, match="permission denied"):
        load(str(article))
