"""HTML pages: the article's main text, title and date, without navigation, ads or scripts.

trafilatura finds the main content and the metadata. It costs a tenth of a second to import, so
it is imported only when a page is extracted; ``looks_like_html`` stays cheap for every file.
When trafilatura finds no article (an index page, a tiny page), the whole body is rendered as
plain text instead, so a page always opens with whatever words it has. trafilatura spends about
60 microseconds a tag, so a page with more tags than any real article page (the benchmark's
largest has 3,200) skips it and is rendered whole, in a fraction of a second.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from . import Extracted

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from trafilatura.settings import Document

_PROBE = 4096
_DOCUMENT_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html", re.I | re.S
)
_DOCUMENT_TAG = re.compile(r"<(?:html|head|body)[\s>]", re.I)
_BLOCK_OPEN = re.compile(
    r"<(?:p|div|h[1-6]|ul|ol|li|table|tr|td|article|section|header|footer|nav|main|"
    r"blockquote|pre|figure|meta|link|script|style|br)(?:\s[^<>]*)?/?>",
    re.I,
)
_BLOCK_CLOSE = re.compile(
    r"</(?:p|div|h[1-6]|ul|ol|li|table|tr|td|article|section|header|footer|nav|main|"
    r"blockquote|pre|figure|script|style)\s*>",
    re.I,
)
_MIN_BLOCK_TAGS = 3
_MAX_TAGS = 20_000

_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_BLOCKS = (
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
)
_INVISIBLE_RUNS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML document or fragment, judged from its first few kilobytes.

    A doctype or an ``<html>``, ``<head>`` or ``<body>`` tag decides it; otherwise it takes
    several block tags and a closing one, so prose that mentions ``<b>`` once stays prose.
    """
    head = text[:_PROBE]
    if _DOCUMENT_START.match(head) or _DOCUMENT_TAG.search(head):
        return True
    return len(_BLOCK_OPEN.findall(head)) >= _MIN_BLOCK_TAGS and bool(_BLOCK_CLOSE.search(head))


def extract_html(markup: str, url: str | None = None) -> Extracted:
    """The main text of a page (one paragraph a line), its title and its publication date.

    ``url`` helps trafilatura with site-specific rules and relative metadata. Never raises:
    empty, broken or hostile markup gives whatever text can be read, possibly none.
    """
    affordable = markup.count("<") <= _MAX_TAGS
    document = _trafilatura_article(markup, url) if affordable else None
    if document is not None and document.text and document.text.strip():
        return Extracted(
            text=_one_paragraph_a_line(document.text),
            title=_clean_title(document.title),
            date=_parse_date(document.date),
        )
    tree = _parse(markup)
    if tree is None:
        return Extracted(text=_strip_tags(markup))
    title, published = _metadata(tree, url) if affordable else (_title_element(tree), None)
    text = _render_body(tree) or _strip_tags(markup)
    return Extracted(text=text, title=title, date=published)


def _trafilatura_article(markup: str, url: str | None) -> Document | None:
    """trafilatura's Document for the page, or None when it finds no article or fails.

    Settings measured on the article-extraction benchmark (bench/eval_html.py): comments are
    not the article, and favouring precision drops more boilerplate than it loses text.
    """
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            date_extraction_params=_date_params(),
        )
    except Exception:  # a third-party parser on arbitrary input: any failure means "no article"
        return None
    return None if isinstance(found, dict) else found  # a dict only when asked for one


def _parse(markup: str) -> HtmlElement | None:
    """An lxml tree of the page, or None.

    Control characters go first (lxml refuses them in text it is given back), and the markup
    goes in as UTF-8 bytes so an XML declaration's encoding cannot upset it.
    """
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        data = _NOT_XML.sub("", markup).encode("utf-8", "replace")
        return lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _metadata(tree: HtmlElement, url: str | None) -> tuple[str | None, date | None]:
    from trafilatura.metadata import extract_metadata

    try:
        meta = extract_metadata(tree, url, _date_params())
    except Exception:  # metadata is optional; the text still opens without it
        return None, None
    return _clean_title(meta.title), _parse_date(meta.date)


def _date_params() -> dict[str, object]:
    """Dates from metadata, markup and the URL only: htmldate's extensive search reads dates
    in the text, and takes a footer's copyright year for the publication date."""
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }


def _title_element(tree: HtmlElement) -> str | None:
    return _clean_title(tree.findtext(".//title"))


def _render_body(tree: HtmlElement) -> str:
    """The visible text of the page, a line per block element (line breaks in the source fold)."""
    from lxml import etree

    etree.strip_elements(tree, *_INVISIBLE, with_tail=False)
    for element in tree.iter():
        if element.text:
            element.text = _SPACES.sub(" ", element.text)
        if element.tail:
            element.tail = _SPACES.sub(" ", element.tail)
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    return _one_paragraph_a_line(tree.text_content())


def _strip_tags(markup: str) -> str:
    """Last resort for markup lxml cannot hold (nested beyond its depth limit): drop the tags."""
    text = _TAG.sub("\n", _INVISIBLE_RUNS.sub("", markup))
    import html  # its entity table is large, and only extraction needs it

    return _one_paragraph_a_line(html.unescape(text))


def _one_paragraph_a_line(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return _SPACES.sub(" ", title).strip() or None


def _parse_date(value: str | None) -> date | None:
    """trafilatura gives dates as ISO ``YYYY-MM-DD`` strings."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
