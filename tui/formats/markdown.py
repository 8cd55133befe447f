"""Markdown articles: the words a reader sees, without the syntax that renders them.

Headings, list items, quoted paragraphs, table rows and code lines each become a line of their
own; link targets and emphasis markers go, link text and image alt text stay. The first H1 is
the title and remains the first paragraph; YAML front matter is dropped, its ``title:`` and
``date:`` kept as metadata.
"""

from __future__ import annotations

import re
from datetime import date

from . import Extracted

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = r"^{}[ \t]*:[ \t]*(.+?)[ \t]*$"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INVISIBLE_HTML = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")

_PROBE = 8192
_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.M)
_LINK = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+(?:[ \t]+\"[^\"\n]*\")?\)")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)[^\n]+?(?<=\S)\1|(?<![\w*])\*(?=\S)[^*\n]+?(?<=\S)\*(?![\w*])"
)
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~).*\n(?:.*\n)*?[ \t]{0,3}\1[ \t]*$", re.M)


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` is written in Markdown, judged from its first few kilobytes.

    Conservative, because plain text read as Markdown loses characters: it takes front matter,
    a code fence, two headings, two links, or two different kinds of syntax (a heading, list
    items, a link, emphasis). Prose with a numbered list or one ``*starred*`` word stays prose.
    """
    head = text[:_PROBE]
    front_matter = _FRONT_MATTER.match(head)
    if front_matter and re.search(_FIELD.format(r"\w+"), front_matter.group(1), re.M):
        return True
    if _FENCE.search(head):
        return True
    headings = len(_HEADING.findall(head))
    links = len(_LINK.findall(head))
    if headings >= 2 or links >= 2:
        return True
    kinds = (headings, len(_LIST_ITEM.findall(head)) >= 2, links, _EMPHASIS.search(head))
    return sum(1 for kind in kinds if kind) >= 2


def extract_markdown(markup: str) -> Extracted:
    """The text (one paragraph, heading, list item or table row a line), title and date."""
    body, fields = _split_front_matter(markup)
    lines, first_h1 = _render(body)
    title = fields.get("title") or first_h1
    return Extracted(text="\n".join(lines), title=title or None, date=_parse_date(fields))


def _split_front_matter(markup: str) -> tuple[str, dict[str, str]]:
    match = _FRONT_MATTER.match(markup)
    if not match:
        return markup, {}
    fields = {}
    for name in ("title", "date"):
        found = re.search(_FIELD.format(name), match.group(1), re.M)
        if found:
            fields[name] = found.group(1).strip("\"'").strip()
    return markup[match.end() :], fields


def _parse_date(fields: dict[str, str]) -> date | None:
    found = _ISO_DATE.match(fields.get("date", ""))
    if not found:
        return None
    try:
        return date.fromisoformat(found.group())
    except ValueError:
        return None


def _render(markup: str) -> tuple[list[str], str | None]:
    """Plain lines from the token stream, and the text of the first H1 (None without one)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    lines: list[str] = []
    row: list[str] | None = None
    first_h1: str | None = None
    in_h1 = False
    for token in parser.parse(markup):
        kind = token.type
        if kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            _add(lines, " ".join(cell for cell in row if cell))
            row = None
        elif kind == "heading_open":
            in_h1 = token.tag == "h1"
        elif kind == "inline":
            text = _inline_text(token.children or [])
            if row is not None:
                row.append(_SPACES.sub(" ", text).strip())
            else:
                _add(lines, text)
            if in_h1 and first_h1 is None:
                first_h1 = _SPACES.sub(" ", text).strip()
            in_h1 = False
        elif kind in ("fence", "code_block"):
            _add(lines, token.content)
        elif kind == "html_block":
            _add(lines, _TAG.sub("", _INVISIBLE_HTML.sub("", token.content)))
    return lines, first_h1


def _inline_text(children) -> str:
    """The words of an inline run: text, code and alt text; markers, URLs and HTML tags go."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def _add(lines: list[str], text: str) -> None:
    for line in text.splitlines():
        line = _SPACES.sub(" ", line).strip()
        if line:
            lines.append(line)
