"""The work for one input, as a pure function of the input and the settings.

``process`` reads (or parses) one ``Item``, analyses it and renders the output for it: a JSON
line, a text summary or a Markdown report, or for an input that fails, a failure record
``{"path": ..., "error": ...}`` in its place. It is what every engine runs, in this process, in
a pool's workers or on Dask's, so the bytes written never depend on where it ran.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Literal, NamedTuple

from ..analysis.model import Analysis, Source
from ..safe_text import json_text, one_line, plain
from ..source import LoadError, decode, load, read_path
from .inputs import Item

Format = Literal["json", "text", "md"]


class Settings(NamedTuple):
    """Everything besides the input that the output depends on (it travels to the workers)."""

    format: Format = "json"
    reference: date | None = None
    disabled_rules: frozenset[str] = frozenset()
    text_field: str = "text"
    id_field: str = "id"
    date_field: str | None = None
    encoding: str | None = None
    debug: bool = False


class Result(NamedTuple):
    """What to write for one input, and for a failed one the line to tell on stderr."""

    output: str
    error: str | None = None


class _Failed(Exception):
    """An input that cannot be analysed; ``str()`` is the reason, without the input's name."""


def process_chunk(chunk: Sequence[Item], settings: Settings) -> list[Result]:
    """A pool's unit of work: several inputs, so that a task's overhead is shared."""
    return [process(item, settings) for item in chunk]


def process(item: Item, settings: Settings) -> Result:
    """Analyse one input and render it; failures become records, never exceptions (an
    internal error too, unless --debug asks for the traceback)."""
    names: dict[str, Any] = {"path": item.name}
    if item.kind == "jsonl":
        names = {"id": None, "line": item.line}
    try:
        if item.kind == "jsonl":
            source = _jsonl_source(item, settings, names)
        else:
            source = _source(item, settings.encoding)
        from .. import gcpolicy
        from ..analysis.pipeline import analyze

        with gcpolicy.paused():  # worker processes too: an analysis makes almost no cycles
            analysis = analyze(
                source, reference=settings.reference, disabled_rules=settings.disabled_rules
            )
        return Result(render(analysis, names, settings.format))
    except (_Failed, LoadError) as error:
        reason = _without_name(str(error), item.name)
    except Exception as error:
        if settings.debug:
            raise
        detail = one_line(str(error) or type(error).__name__, 200)
        reason = f"internal error: {detail} (run with --debug for details)"
    shown = _shown(names, item)
    output = ""
    if settings.format == "json":
        output = json_text({**names, "error": reason}, indent=None) + "\n"
    return Result(output, f"{shown}: {reason}")


def render(analysis: Analysis, names: dict[str, Any], fmt: Format) -> str:
    """One input's output: a JSON line that names its input first, a summary or a report."""
    if fmt == "json":
        from ..analysis.serialize import to_dict

        return json_text({**names, **to_dict(analysis)}, indent=None) + "\n"
    name = _display_name(names)
    if fmt == "md":
        from ..report import markdown_report

        return plain(markdown_report(analysis, name))
    import io

    from .summary import write_summary

    out = io.StringIO()
    write_summary(analysis, name, out)
    return out.getvalue()


def source_from_text(text: str, *, published: date | None = None) -> Source:
    """A text given as a string, loaded as piped text is: HTML and Markdown are extracted."""
    data = text.encode("utf-8", errors="surrogatepass")
    source = decode(data, path=None, name="stdin")
    return source._replace(date=published) if published is not None else source


def _source(item: Item, encoding: str | None) -> Source:
    """A file, stdin's bytes or a web address (``--encoding`` forces a codec)."""
    if item.kind == "error":
        raise _Failed(item.payload.decode())
    if item.kind == "stdin":
        return decode(item.payload, path=None, name="stdin", encoding=encoding)
    from ..fetch import is_url

    if is_url(item.name):
        from ..fetch import load_url

        return load_url(item.name, data_dir=None, encoding=encoding)
    if item.name == "-":  # a file named '-' in a list, not stdin
        return decode(read_path("-"), path=str(_resolved("-")), name="-", encoding=encoding)
    return load(item.name, encoding=encoding)


def _jsonl_source(item: Item, settings: Settings, names: dict[str, Any]) -> Source:
    """A JSON Lines record's text (HTML extracted as a page is) and optional date; its id
    goes into ``names``, so that a failure after the parse still names the record."""
    try:
        record = json.loads(item.payload)
    except (ValueError, UnicodeDecodeError) as error:
        raise _Failed(f"not a JSON object ({one_line(str(error), 120)})") from None
    if not isinstance(record, dict):
        raise _Failed("not a JSON object")
    names["id"] = record.get(settings.id_field)
    text = record.get(settings.text_field)
    if not isinstance(text, str):
        found = "no" if text is None else f"a {type(text).__name__} in the"
        raise _Failed(f"{found} text field {settings.text_field!r}")
    published = None
    if settings.date_field is not None:
        published = _field_date(record.get(settings.date_field), settings.date_field)
    return source_from_text(text, published=published)


def _field_date(value: Any, field: str) -> date | None:
    """An ISO date or date-time (its day) in the date field; a missing date is no date."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            try:
                return datetime.fromisoformat(value).date()
            except ValueError:
                pass
    raise _Failed(f"date field {field!r} is not an ISO date: {one_line(str(value), 40)!r}")


def _resolved(path: str) -> str:
    from pathlib import Path

    return str(Path(path).resolve())


def _without_name(message: str, name: str) -> str:
    """LoadError messages start with the input's name, which the record already holds."""
    prefix = f"{name}: "
    return one_line(message[len(prefix) :] if message.startswith(prefix) else message, 300)


def _shown(names: dict[str, Any], item: Item) -> str:
    if item.kind == "jsonl":
        label = f"{item.name} line {item.line}"
        return label + (
            f" (id {one_line(str(names['id']), 80)})" if names["id"] is not None else ""
        )
    return one_line("stdin" if item.name == "-" and item.kind == "stdin" else item.name, 300)


def _display_name(names: dict[str, Any]) -> str:
    if "line" in names:
        return str(names["id"]) if names["id"] is not None else f"line {names['line']}"
    return "stdin" if names["path"] == "-" else str(names["path"])
