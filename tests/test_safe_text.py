"""Article text never steers the terminal: controls and invisible characters become visible."""

from __future__ import annotations

import pytest

from tui.safe_text import one_line, visible

HOSTILE = [
    "\x1b[31mred\x1b[0m",
    "\x1b]0;new title\x07",
    "\x1b]52;c;Y29weQ==\x07",
    "\x1b]8;;http://x\x07link\x1b]8;;\x07",
    "\x9b31m",
    "abc\u202edcba\u202c",
    "zero\u200bwidth",
    "iso\u2066late\u2069",
    "\x00nul\x7f",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_control_or_bidi_character_survives(text: str):
    shown = visible(text)
    assert len(shown) == len(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert not any(c in shown for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_escape_shows_as_its_control_picture():
    assert visible("\x1b") == "␛"


def test_ordinary_text_is_unchanged():
    text = "Naïve “quotes” — dashes, emoji 🙂 and 中文"
    assert visible(text) == text


def test_one_line_folds_newlines_and_cuts():
    assert one_line("a\nb") == "a b"
    assert one_line("abcdef", 4) == "abc…"
