"""Imports are checked field by field: one line names the first bad field and its annotation's
number, and nothing of a rejected file is stored. A correction already stored that the analysis
cannot apply is skipped with a warning flag, never failing the article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.analysis import Source, analyze
from tui.analysis.model import Correction
from tui.app import ReaderApp
from tui.cli import main
from tui.notes import Note, NoteStore

GOOD = {
    "type": "Annotation",
    "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
    "motivation": "commenting",
    "target": {
        "source": "/tmp/a.txt",
        "selector": [
            {"type": "TextQuoteSelector", "exact": "storm", "prefix": "a ", "suffix": " d"},
            {"type": "TextPositionSelector", "start": 10, "end": 15},
        ],
    },
    "body": [{"type": "TextualBody", "value": "why?", "purpose": "commenting"}],
}


def _with(**changes) -> dict:
    item = json.loads(json.dumps(GOOD))
    item["id"] = "urn:uuid:00000000-0000-4000-8000-000000000002"
    for key, value in changes.items():
        if key == "selector":
            item["target"]["selector"] = value
        else:
            item[key] = value
    return item


def _page(*items) -> str:
    return json.dumps({"type": "AnnotationPage", "items": list(items)})


BAD: dict[str, tuple[str, str]] = {
    "huge integer": (
        '{"type": "Annotation", "id": "x", "target": {"source": "a", "selector": '
        '[{"type": "TextPositionSelector", "start": ' + "9" * 5000 + "}]}}",
        "not an export",
    ),
    "200k-deep nesting": ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
    "items: 5": ('{"type": "AnnotationPage", "items": 5}', "'items' should be a list"),
    "target: []": (_page(GOOD, _with(target=[])), "annotation 2: 'target' is an empty list"),
    "original of floats": (
        _page(GOOD, _with(**{"closeread:original": [1e40, 1e41]})),
        "annotation 2: 'closeread:original[0]' should be a whole number",
    ),
    "original out of range": (
        _page(_with(**{"closeread:original": [0, 2**70]})),
        "annotation 1: 'closeread:original[1]' is out of range",
    ),
    "entity not a string": (
        _page(GOOD, _with(**{"closeread:correction": {"action": "hide", "entity": 5}})),
        "annotation 2: 'closeread:correction.entity' should be text, not a number",
    ),
    "value not a string": (
        _page(
            GOOD,
            _with(**{"closeread:correction": {"action": "kind", "entity": "X", "value": [1]}}),
        ),
        "'closeread:correction.value' should be text, not a list",
    ),
    "unknown action": (
        _page(_with(**{"closeread:correction": {"action": "drop", "entity": "X"}})),
        "'closeread:correction.action' should be one of",
    ),
    "start is true": (
        _page(
            _with(
                selector=[
                    {"type": "TextQuoteSelector", "exact": "a"},
                    {"type": "TextPositionSelector", "start": True, "end": 1},
                ]
            )
        ),
        "'TextPositionSelector.start' should be a whole number, not true/false",
    ),
    "negative start": (
        _page(
            _with(
                selector=[
                    {"type": "TextQuoteSelector", "exact": "a"},
                    {"type": "TextPositionSelector", "start": -1, "end": 1},
                ]
            )
        ),
        "'TextPositionSelector.start' is out of range",
    ),
    "exact not text": (
        _page(_with(selector={"type": "TextQuoteSelector", "exact": {"a": 1}})),
        "'TextQuoteSelector.exact' should be text, not an object",
    ),
    "selector not an object": (
        _page(_with(selector=["x"])),
        "'target.selector' item 1 should be an object",
    ),
    "body value a number": (
        _page(_with(body=[{"value": 5, "purpose": "tagging"}])),
        "'body item 1 value' should be text, not a number",
    ),
    "kind position": (_page(_with(**{"closeread:kind": "position"})), "'closeread:kind'"),
    "colour a list": (_page(_with(**{"closeread:colour": ["x"]})), "'closeread:colour'"),
    "id a number": (_page(_with(id=7)), "'id' should be text, not a number"),
    "bad urn": (_page(_with(id="urn:uuid:zz")), "malformed UUID"),
    "lone surrogate": (
        _page(GOOD).replace('"why?"', '"\\ud800"'),
        "annotation 1: 'body item 1 value' holds a lone UTF-16 surrogate",
    ),
    "item not an object": (_page(GOOD, 5), "annotation 2: should be an object, not a number"),
    "source a number": (
        _page(_with(target={"source": 5})),
        "'target.source' should be text, not a number",
    ),
    "collection first a list": (
        '{"type": "AnnotationCollection", "first": []}',
        "'first' should be an AnnotationPage",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_import_is_one_line_and_stores_nothing(name: str, tmp_path: Path, capsys):
    text, message = BAD[name]
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    assert main(["notes", "import", str(path)]) == 1
    out = capsys.readouterr()
    [line] = out.err.splitlines()
    assert message in line and "internal error" not in line, line
    assert main(["notes", "list"]) == 0
    assert capsys.readouterr().out.strip() == "no notes"


def test_a_good_import_still_imports(tmp_path: Path, capsys):
    path = tmp_path / "in.json"
    path.write_text(
        _page(GOOD, _with(**{"closeread:correction": {"action": "hide", "entity": "X"}}))
    )
    assert main(["notes", "import", str(path)]) == 0
    assert "imported 2 notes" in capsys.readouterr().out


def test_a_stored_correction_the_analysis_cannot_apply_is_skipped_with_a_flag():
    text = "Kazakhstan is large. Kazakhstan is far from Paris."
    bad = [Correction("hide", 5, None), Correction("drop", "Paris", "")]  # type: ignore[arg-type]
    analysis = analyze(Source(text=text), corrections=[*bad, Correction("hide", "Paris")])
    [flag] = [f for f in analysis.flags if f.rule == "correction-skipped"]
    assert flag.severity == "warning" and "2 saved entity corrections were skipped" in flag.message
    assert [e.name for e in analysis.entities] == ["Kazakhstan"]  # the good one still applies


async def test_the_reader_opens_an_article_with_a_broken_stored_correction(article: Path):
    app = ReaderApp(str(article))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.wait_for_analysis()
        await pilot.pause()
        store = app.notebook.store
        broken = Note("correction", None, correction=Correction("merge", ["x"], {"y": 1}))  # type: ignore[arg-type]
        store.add(app.notebook.document, broken)
        app.start_analysis()
        await app.wait_for_analysis()
        await pilot.pause()
        assert app.analysis is not None
        assert any(f.rule == "correction-skipped" for f in app.analysis.flags)
        assert "failed" not in app.query_one("#status").text
    with NoteStore.open(store.path.parent) as again:
        assert len(again.notes(again.documents()[0])) == 1  # kept: nothing a user saved is lost


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
_FIELDS = [
    ("target",),
    ("target", "source"),
    ("target", "selector"),
    ("target", "selector", 0),
    ("target", "selector", 0, "exact"),
    ("target", "selector", 1, "start"),
    ("target", "selector", 1, "end"),
    ("body",),
    ("body", 0, "value"),
    ("body", 0, "purpose"),
    ("id",),
    ("motivation",),
    ("closeread:kind",),
    ("closeread:original",),
    ("closeread:correction",),
    ("closeread:colour",),
    ("created",),
]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(_FIELDS), value=_JSON)
def test_any_value_in_any_field_is_imported_or_refused_in_one_line(
    field, value, tmp_path_factory, capsys
):
    item = json.loads(json.dumps(GOOD))
    holder = item
    for key in field[:-1]:
        holder = holder[key]
    holder[field[-1]] = value
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "in.json"
    path.write_text(json.dumps({"type": "AnnotationPage", "items": [item]}), encoding="utf-8")
    code = main(["notes", "import", str(path), "--data-dir", str(folder / "data")])
    out = capsys.readouterr()
    assert code in (0, 1)
    assert "internal error" not in out.err and "Traceback" not in out.err
    if code == 1:
        assert len(out.err.splitlines()) == 1 and "annotation 1" in out.err, out.err
    else:  # what was imported lists and exports
        assert (
            main(["notes", "export", "--format", "json", "--data-dir", str(folder / "data")]) == 0
        )
        assert main(["notes", "list", "--data-dir", str(folder / "data")]) == 0
        capsys.readouterr()
