"""``closeread notes add|list|export|import|relink``: the notes from the command line.

Each function prints its result and returns the exit code: 0 done, 1 an input or the notes
database could not be used (one line on stderr), 2 a bad argument (a quote not in the article).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..analysis import analyze
from ..config import data_dir as default_data_dir
from ..safe_text import json_text, one_line, plain
from ..source import LoadError, load, read_path, read_stream
from .anchor import anchor_notes, make_anchor
from .export import (
    NotAnnotations,
    read_jsonld,
    read_markdown,
    reading_order,
    to_jsonld,
    to_markdown,
)
from .model import Document, Note, Placed
from .store import SAMPLE_PREFIX, NoteStore, StoreError, note_to_dict, source_key

PROG = "closeread"
REREAD_LIMIT = 5 * 1024 * 1024
"""Listings and exports read each article again to place its notes on the text as it is now;
one larger than this (or not a regular file) is taken as the store last saw it: an imported
note naming a 20 MB file cost 10 s and 330 MB of every listing."""
_QUOTE_MARKS = {"'": "['‘’]", '"': '["“”]', "‘": "['‘’]", "’": "['‘’]", "“": '["“”]', "”": '["“”]'}


class _BadArgument(Exception):
    """A request that cannot be done as asked; exit code 2."""


def notes_add(
    path: str | None,
    quote: str,
    body: str = "",
    tags: Sequence[str] = (),
    *,
    data_dir: str | os.PathLike[str] | None = None,
) -> int:
    """Add a note on the first place ``quote`` occurs in the cleaned article at ``path``."""

    def run() -> int:
        key, text, sha = _article(path)
        spans = find_quote(text, quote)
        if not spans:
            raise _BadArgument(
                f"the quote does not occur in the cleaned article: “{one_line(quote, 80)}”"
            )
        start, end = spans[0]
        note = Note("note", make_anchor(text, start, end), body=body, tags=clean_tags(tags))
        with _store(data_dir) as store:
            store.check()
            store.refuse_if_damaged()  # before anything is written, even the document's name
            store.add(store.recognise(key, text, sha), note)
        where = f" (the first of {len(spans)} places it occurs)" if len(spans) > 1 else ""
        print(f"added note {note.id} on [{start}, {end}]{where}: “{one_line(text[start:end], 80)}”")
        return 0

    return _guarded(run)


def notes_list(
    path: str | None, as_json: bool = False, *, data_dir: str | os.PathLike[str] | None = None
) -> int:
    """List the notes of the article at ``path`` (or of every article) with their status on
    the article's current text: ``anchored`` with a span, ``changed`` (placed, but the words
    there are not the ones quoted: both are shown), or ``orphaned``."""

    def run() -> int:
        damaged: dict[str, str] = {}
        groups = _groups(path, data_dir, damaged)
        if as_json:
            rows = [_json_row(doc, p) for doc, placed in groups for p in _ordered(placed)]
            sys.stdout.write(json_text(rows) + "\n")
            return _damage_reported(damaged)
        for doc, placed in groups:
            print(one_line(doc.source, 300) + (GONE if _gone(doc) else ""))
            for p in _ordered(placed):
                print("  " + _text_row(p))
                if p.now is not None:
                    print(f"      now reads “{one_line(p.now, 60)}”")
        if not any(placed for _, placed in groups):
            print("no notes")
        return _damage_reported(damaged)

    return _guarded(run)


def notes_export(
    path: str | None, fmt: str = "md", *, data_dir: str | os.PathLike[str] | None = None
) -> int:
    """Print the notes of ``path`` (or of every article) as Markdown or Web Annotation JSON-LD."""

    def run() -> int:
        if fmt not in ("md", "json"):
            raise _BadArgument(f"unknown export format {fmt!r}: use md or json")
        damaged: dict[str, str] = {}
        groups = _groups(path, data_dir, damaged)
        if fmt == "md":
            sys.stdout.write(plain(to_markdown(groups)))
        else:
            sys.stdout.write(json_text(to_jsonld(groups)) + "\n")
        return _damage_reported(damaged)

    return _guarded(run)


def notes_import(file: str, *, data_dir: str | os.PathLike[str] | None = None) -> int:
    """Import what ``notes export`` wrote (JSON, or Markdown, whose notes travel in comments
    beside each); notes already saved are skipped."""

    def run() -> int:
        data = read_stream(sys.stdin.buffer) if file == "-" else read_path(file)
        shown = "stdin" if file == "-" else file
        try:
            text = data.decode("utf-8-sig")
            if not text.lstrip().startswith(("{", "[")):  # a Markdown export
                items = read_markdown(text)
            else:
                items = read_jsonld(json.loads(text))
        except UnicodeDecodeError:
            raise LoadError(f"{shown}: not UTF-8 text; import reads a closeread export") from None
        except json.JSONDecodeError as error:
            raise LoadError(
                f"{shown}: not JSON (line {error.lineno}: {error.msg}); import reads what "
                "'notes export --format json' writes"
            ) from None
        except NotAnnotations as error:
            raise LoadError(f"{shown}: {error}") from None
        except RecursionError:
            raise LoadError(f"{shown}: JSON nested too deeply to be an export") from None
        except ValueError as error:  # a number of thousands of digits, refused by the parser
            raise LoadError(f"{shown}: not an export ({one_line(str(error), 120)})") from None
        with _store(data_dir) as store:
            store.check()
            store.refuse_if_damaged()
            added, skipped = store.import_notes(items)
        already = f" ({skipped} already saved)" if skipped else ""
        print(f"imported {added} note{'s' if added != 1 else ''}{already}")
        return 0

    return _guarded(run)


def notes_relink(old: str, new: str, *, data_dir: str | os.PathLike[str] | None = None) -> int:
    """Give the notes kept for ``old`` (a path that may be gone, or a name ``notes list``
    shows) to the article at ``new``, and say how they stand on its text."""

    def run() -> int:
        key, text, sha = _article(new)
        with _store(data_dir) as store:
            names = [old, str(Path(old).expanduser().resolve())]
            known = next((n for n in names if store.find_document(n) is not None), old)
            if known == key:
                raise _BadArgument(f"{old} and {new} are the same article")
            moved = store.relink(known, key, text, sha)
            doc = store.find_document(key)
            assert doc is not None
            placed = anchor_notes(store.notes(doc), text)
        states = Counter(p.status for p in placed if p.note.anchor is not None)
        how = ", ".join(f"{n} {state}" for state, n in sorted(states.items()))
        print(
            f"relinked {moved} note{'s' * (moved != 1)} from {one_line(known, 200)} to "
            f"{one_line(key, 200)}" + (f" (on its text now: {how})" if how else "")
        )
        return 0

    return _guarded(run)


def notes_search(
    query: str,
    as_json: bool = False,
    limit: int = 100,
    *,
    data_dir: str | os.PathLike[str] | None = None,
) -> int:
    """Print the notes of every article whose body, quote or tags hold the words of ``query``,
    best first, grouped by article (path, URL or name); exit 1 when none matches, like grep."""

    def run() -> int:
        with _store(data_dir) as store:
            hits = store.search(query, limit)
        if as_json:
            rows = [
                {
                    "document": hit.source,
                    "id": hit.note.id,
                    "kind": hit.note.kind,
                    "quote": hit.note.anchor.exact if hit.note.anchor else None,
                    "body": hit.note.body,
                    "tags": list(hit.note.tags),
                    "created": hit.note.created,
                    "updated": hit.note.updated,
                }
                for hit in hits
            ]
            sys.stdout.write(json_text(rows) + "\n")
            return 0 if hits else 1
        if not hits:
            print(f"no notes match {one_line(query, 80)!r}")
            return 1
        by_document: dict[str, list[Note]] = {}
        for hit in hits:
            by_document.setdefault(hit.source, []).append(hit.note)
        for source, notes in by_document.items():
            print(one_line(source, 300))
            for note in notes:
                print("  " + _hit_row(note))
        return 0

    return _guarded(run)


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Where ``quote`` occurs in ``text``: exactly, or else with any run of white space for
    white space and straight or curly quotation marks alike, as a quote typed in a shell is."""
    if not quote.strip():
        return []
    spans = []
    start = text.find(quote)
    while start != -1:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    if spans:
        return spans
    pattern = r"\s+".join(
        "".join(_QUOTE_MARKS.get(ch, re.escape(ch)) for ch in word) for word in quote.split()
    )
    return [m.span() for m in re.finditer(pattern, text)]


def clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """Tags as given, without a leading ``#`` or surrounding space, each once, in order."""
    cleaned = (t.strip().lstrip("#").strip() for t in tags)
    return tuple(dict.fromkeys(t for t in cleaned if t))


def _article(path: str | None) -> tuple[str, str, str]:
    """The store's name for the article at ``path``, its cleaned text and its bytes' sha256."""
    source = load(path, stdin=sys.stdin.buffer)
    return source_key(source), analyze(source).text, source.sha256


def _store(data_dir: str | os.PathLike[str] | None) -> NoteStore:
    return NoteStore.open(Path(data_dir) if data_dir is not None else default_data_dir())


def _groups(
    path: str | None, data_dir: str | os.PathLike[str] | None, damaged: dict[str, str]
) -> list[tuple[Document, list[Placed]]]:
    """The documents asked for with their notes placed on their current text: the article as
    it reads now when it can be read, else the text the store last saw. Notes that cannot be
    read are left out and named in ``damaged``."""
    if path is not None:
        key, text, sha = _article(path)
        with _store(data_dir) as store:
            doc = store.find(key, sha)
            if doc is None:
                return []
            notes = store.notes(doc)
            damaged.update(store.damaged)
        return [(_current(doc, text), anchor_notes(notes, text))]
    groups = []
    with _store(data_dir) as store:
        known = [(doc, store.notes(doc)) for doc in store.documents()]
        damaged.update(store.damaged)
    for doc, notes in known:
        current = _current(doc, _reread(doc))
        groups.append((current, anchor_notes(notes, current.text)))
    return groups


def _damage_reported(damaged: dict[str, str]) -> int:
    """After a listing or export of every readable note: name the damaged ones (exit 1)."""
    if not damaged:
        return 0
    names = "; ".join(
        f"{one_line(i, 40)}: {one_line(why, 80)}" for i, why in list(damaged.items())[:5]
    )
    more = f" and {len(damaged) - 5} more" if len(damaged) > 5 else ""
    print(
        f"{PROG}: warning: {len(damaged)} note{'s' * (len(damaged) != 1)} cannot be read and "
        f"{'were' if len(damaged) != 1 else 'was'} left out ({names}{more}); the reader "
        "offers to move the database aside, keeping every readable note",
        file=sys.stderr,
    )
    return 1


def _current(doc: Document, text: str) -> Document:
    return Document(doc.id, doc.source, doc.fingerprint, text)


GONE = "  (gone: notes placed on its text as last seen; 'closeread notes relink' moves them)"


def _gone(doc: Document) -> bool:
    """Whether the file a document was read from is no longer there (a paste, the sample
    and a web page are not files)."""
    return os.path.isabs(doc.source) and not os.path.exists(doc.source)


def _reread(doc: Document) -> str:
    if doc.source.startswith("stdin:"):
        return doc.text
    if doc.source.startswith(SAMPLE_PREFIX):
        return analyze(load(None)).text
    try:
        return analyze(load(doc.source, limit=REREAD_LIMIT)).text
    except LoadError:
        return doc.text
    except Exception:  # a listing lists: an article that cannot be analysed now is as last seen
        return doc.text


def _ordered(placed: Sequence[Placed]) -> list[Placed]:
    anchored, orphans = reading_order(placed)
    return [*anchored, *orphans, *(p for p in placed if p.note.anchor is None)]


def _json_row(doc: Document, p: Placed) -> dict[str, Any]:
    values = note_to_dict(p.note)
    return {
        "id": p.note.id,
        "document": doc.source,
        "kind": p.note.kind,
        "status": p.status,
        "quote": p.note.anchor.exact if p.note.anchor else None,
        "text": p.now
        if p.now is not None
        else (p.note.anchor.exact if p.span and p.note.anchor else None),
        "span": list(p.span) if p.span else None,
        "body": p.note.body,
        "tags": list(p.note.tags),
        **{k: values[k] for k in ("colour", "letter", "flag_id", "reason", "correction")},
        "created": p.note.created,
        "updated": p.note.updated,
    }


def _text_row(p: Placed) -> str:
    note = p.note
    where = f"[{p.span[0]}, {p.span[1]}]" if p.span else "-"
    what = f"“{one_line(note.anchor.exact, 60)}”" if note.anchor else ""
    if note.correction is not None:
        c = note.correction
        what = one_line(f"{c.action} {c.entity} {c.value}".strip(), 80)
    tags = " ".join(f"#{one_line(t, 30)}" for t in note.tags)
    body = one_line(note.body, 80) if note.body else ""
    parts = [note.id, f"{p.status:<8}", where, note.kind, what, tags, body]
    return "  ".join(part for part in parts if part)


def _hit_row(note: Note) -> str:
    what = f"“{one_line(note.anchor.exact, 60)}”" if note.anchor else ""
    tags = " ".join(f"#{one_line(t, 30)}" for t in note.tags)
    body = one_line(note.body, 80) if note.body else ""
    return "  ".join(part for part in (note.id, note.kind, what, tags, body) if part)


def _guarded(run: Callable[[], int]) -> int:
    try:
        return run()
    except (LoadError, StoreError) as error:
        print(f"{PROG}: {one_line(str(error), 300)}", file=sys.stderr)
        return 1
    except _BadArgument as error:
        print(f"{PROG}: {one_line(str(error), 300)}", file=sys.stderr)
        return 2
