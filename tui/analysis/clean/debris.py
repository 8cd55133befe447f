"""Markup debris: HTML tags and character entities left in text that is no longer HTML.

Whole tags (``<p>``, ``</b>``, ``<br />``), tags broken in extraction (``br>``, ``<br``, also
glued to the word before: ``Deppbr>``) and
entities, also double-escaped ones (``&amp;nbsp;``), are removed or decoded in place. Removed
tags raise a flag (the extraction went wrong there); a decoded entity is a plain repair. Only names
of real HTML tags count, so "a <b> c" in prose about markup is the one thing this would misread,
and ``x<y>z`` in a formula is left alone.
"""

from __future__ import annotations

import re

from .draft import Change, Draft, PendingFlag

_TAGS = (
    "a|abbr|article|aside|audio|b|big|blockquote|body|br|button|center|cite|code|del|div|em|"
    "figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|label|"
    "li|link|main|mark|meta|nav|noscript|ol|p|picture|pre|q|s|script|section|small|source|span|"
    "strike|strong|style|sub|sup|table|tbody|td|th|thead|time|tr|tt|u|ul|video|wbr"
)
_BREAKING_TAGS = (
    "article aside blockquote body br div figcaption figure footer h1 h2 h3 h4 h5 h6 header hr "
    "li main nav ol p section table td th tr ul"
)
_BREAKING = frozenset(_BREAKING_TAGS.split())
_DEBRIS = re.compile(
    rf"(?P<tag></?(?P<name>{_TAGS})(?:\s[^<>\n]{{0,300}})?/?>)"
    r"|(?P<half>/?(?P<hname>br|p|div)\s*/?>|</?(?P<oname>br|p|div)\s*/?(?![\w>/]))"
    r"|(?P<entity>&(?:amp;)*(?P<ename>#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&(?:amp;)*nbsp\b)",
    re.IGNORECASE,
)


def _replacement(m: re.Match[str]) -> str | None:
    """What the match stands for in plain text, or None when it is not debris after all."""
    if m["entity"]:
        import html  # here: html.entities' tables take 2 ms to import, and most text has none
        from html.entities import html5

        name = m["ename"] or "nbsp"
        if not name.startswith("#") and name + ";" not in html5:
            return None
        decoded = html.unescape(f"&{name};")
        return " " if decoded.isspace() else decoded
    name = (m["name"] or m["hname"] or m["oname"]).lower()
    return " " if name in _BREAKING else ""


def _changes(text: str) -> list[tuple[Change, bool]]:
    """The debris of a paragraph as changes, each with whether it removed a tag. Spaces around
    removed debris are trimmed so that no double space and no edge space is left behind."""
    changes: list[tuple[Change, bool]] = []
    last = 0
    before = " "  # the character the cleaned text has just before the next match
    for m in _DEBRIS.finditer(text):
        new = _replacement(m)
        if new is None or m.start() < last:
            continue
        a, b = m.start(), m.end()
        if a > last:
            before = text[a - 1]
        left, right = before == " ", b == len(text) or text[b] == " "
        if new == " " and (left or right):
            new = ""
        if not new and left and right:
            if b < len(text):
                b += 1
            elif a > last:
                a -= 1
        if m["entity"]:
            changes.append((Change(a, b, new, "markup", f"character entity {m[0]} decoded"), False))
        else:
            changes.append((Change(a, b, new, "markup", f"markup debris {m[0]!r} removed"), True))
        before = new[-1] if new else before
        last = b
    return changes


def remove_debris(draft: Draft) -> None:
    for block in draft.blocks:
        text = block.text
        if "<" not in text and ">" not in text and "&" not in text:
            continue
        found = _changes(text)
        edits = block.replace_all([change for change, _ in found])
        removed = [
            (change, edit)
            for (change, is_tag), edit in zip(found, edits, strict=True)
            if is_tag and edit is not None
        ]
        if removed and block.text:
            shown = ", ".join(dict.fromkeys(text[c.start : c.end].strip() for c, _ in removed))
            draft.pending.append(
                PendingFlag(
                    "markup-debris",
                    "info",
                    f"Markup debris removed here: {shown}",
                    (("word", removed[0][1].original[0]),),
                    within=block,
                )
            )
