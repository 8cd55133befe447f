"""Which encoding a file's bytes are in: forced, marked (BOM), declared, UTF-8, else detected.

The order follows the HTML standard's: a byte-order mark wins, then what the server said (the
``charset`` of ``Content-Type``), then the page's own ``<meta charset>`` or XML declaration.
Text without any of these is UTF-8 when it decodes as such. Otherwise it was written by some
legacy program: Windows-1252 is the usual one for Western text, and it is kept when its result
reads as text; when it would give mojibake (a Russian article in Windows-1251 turns into
"Ïðåçèäåíò"), charset-normalizer, which scores every legacy codec by how the text reads,
picks the encoding. Every decoding that is not the plain one says so in a warning that names
the encoding, and the analysis shows that warning as a flag.
"""

from __future__ import annotations

import codecs
import re

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_PRESCAN = 4096
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.()+\-]+)", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.\-]+)[\"']")
# Labels the HTML standard reads as another encoding than Python's codec of that name.
_WHATWG_ALIASES = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
# A Latin-1 symbol between two letters (`Za¿ó³æ`) is a byte of another alphabet read as
# Windows-1252; so is a text whose letters are mostly not ASCII.
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[\xa1-\xa9\xab-\xb4\xb6-\xb9\xbb-\xbf](?=[^\W\d_])")
_MOJIBAKE_SHARE = 0.3


def codec_name(label: str) -> str | None:
    """The Python codec for an encoding label (as an HTML page or a user writes it), or None."""
    cleaned = label.strip().strip("\"'").lower()
    cleaned = _WHATWG_ALIASES.get(cleaned, cleaned)
    try:
        return codecs.lookup(cleaned).name
    except LookupError:
        return None


def display_name(codec: str) -> str:
    """How people write an encoding: ``cp1251`` is Windows-1251, ``koi8_r`` is KOI8-R."""
    name = codecs.lookup(codec).name
    if re.fullmatch(r"cp12\d\d", name):
        return f"Windows-{name[2:]}"
    if name.startswith("iso8859-"):
        return "ISO-8859-" + name.removeprefix("iso8859-")
    return name.replace("_", "-").upper()


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark names, and the mark's length."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return codec, len(mark)
    return None


def declared_in_markup(data: bytes) -> str | None:
    """The charset label a page declares in its first few kilobytes (``<meta>`` or ``<?xml``)."""
    head = data[:_PRESCAN]
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def decode_bytes(
    data: bytes, *, forced: str | None = None, declared: str | None = None
) -> tuple[str, list[str]]:
    """Decode ``data``; return the text and warnings (each naming the encoding it used).

    ``forced`` is a codec the user chose (``--encoding``); ``declared`` the server's charset.
    """
    if forced:
        return _declared(data, forced, "the chosen encoding")
    bom = bom_encoding(data)
    if bom:
        codec, length = bom
        return _declared(data[length:], codec, "the byte-order mark")
    if declared:
        served = codec_name(declared)
        if served:
            return _declared(data, served, "the server")
    label = declared_in_markup(data)
    if label:
        named = codec_name(label)
        if named and not named.startswith(("utf-16", "utf-32")):
            return _declared(data, named, "the page")
        if named is None:
            text, warnings = _undeclared(data)
            return text, [f"The page declares an unknown encoding {label[:40]!r}.", *warnings]
    return _undeclared(data)


def _declared(data: bytes, codec: str, who: str) -> tuple[str, list[str]]:
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    if bad:
        return text, [
            f"The text is not valid {display_name(codec)} (named by {who}): "
            f"{bad} invalid byte(s) shown as \ufffd."
        ]
    return text, []


def _undeclared(data: bytes) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    if any(ord(ch) > 127 and ch != "\ufffd" for ch in replaced):
        # Real UTF-8 with a few broken bytes: keep it UTF-8 and mark the damage.
        bad = replaced.count("\ufffd")
        return replaced, [f"The file is not valid UTF-8: {bad} invalid byte(s) shown as \ufffd."]
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined: another code page
        western = None
    if western is not None and not looks_like_mojibake(western):
        return western, ["The file is not UTF-8; it was decoded as Windows-1252."]
    detected = _detect(data)
    if detected:
        text, _ = _declared(data, detected, "detection")
        return text, [
            f"The file is not UTF-8; it was decoded as {display_name(detected)} "
            "(detected by charset-normalizer)."
        ]
    if western is not None:
        return western, ["The file is not UTF-8; it was decoded as Windows-1252."]
    return data.decode("latin-1"), ["The file is not UTF-8; it was decoded as Latin-1."]


def looks_like_mojibake(text: str) -> bool:
    """Whether Windows-1252 text reads as another alphabet's bytes: symbols inside words, or
    letters mostly outside ASCII (Western text has a few accents per word at most)."""
    if _SYMBOL_IN_WORD.search(text):
        return True
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    foreign = sum(1 for ch in letters if ord(ch) > 127)
    return foreign / len(letters) > _MOJIBAKE_SHARE


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess, as a Python codec name (None if nothing fits)."""
    from charset_normalizer import from_bytes  # loads its tables: only for legacy text

    best = from_bytes(data).best()
    if best is None:
        return None
    return codec_name(best.encoding)
