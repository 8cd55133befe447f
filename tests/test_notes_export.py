"""Export and import: Markdown for people, Web Annotation JSON-LD that comes back the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.analysis.entities import Correction
from tui.notes import (
    Document,
    NotAnnotations,
    Note,
    NoteStore,
    anchor_notes,
    make_anchor,
    read_jsonld,
    to_jsonld,
    to_markdown,
)

TEXT = (
    "The harbour at Dover was closed on Monday after a storm damaged two piers.\n"
    "Ferries to Calais were cancelled and about 3,000 passengers waited overnight.\n"
)
DOC = Document(1, "/articles/storm.txt", "f" * 64, TEXT)


def on(words: str, kind: str = "note", **fields) -> Note:
    start = TEXT.index(words)
    return Note(kind, make_anchor(TEXT, start, start + len(words)), **fields)


NOTES = [
    on("passengers waited", body="How many *exactly*?", tags=("numbers", "check")),
    on("storm", "highlight", colour="green"),
    on("Ferries", "bookmark", letter="f"),
    on("Calais", "dismissal", flag_id="place-check:0123456789", reason="it is a real port"),
    Note("correction", None, correction=Correction("merge", "Dover", "Port of Dover")),
]


def exported(notes=NOTES, text=TEXT) -> dict:
    return json.loads(json.dumps(to_jsonld([(DOC, anchor_notes(notes, text))])))


def test_json_export_is_a_web_annotation_collection_with_quote_and_position_selectors():
    data = exported()
    assert "http://www.w3.org/ns/anno.jsonld" in data["@context"]
    assert data["type"] == "AnnotationCollection" and data["total"] == len(NOTES)
    item = next(i for i in data["first"]["items"] if i["motivation"] == "commenting")
    assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
    assert item["target"]["source"] == DOC.source
    quote, position = item["target"]["selector"]
    start = TEXT.index("passengers waited")
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "passengers waited",
        "prefix": TEXT[start - 32 : start],
        "suffix": TEXT[start + 17 : start + 49],
    }
    assert position == {"type": "TextPositionSelector", "start": start, "end": start + 17}
    assert {"type": "TextualBody", "value": "numbers", "purpose": "tagging"} in item["body"]


def test_json_export_lists_notes_in_reading_order():
    starts = [
        i["target"]["selector"][1]["start"]
        for i in exported()["first"]["items"]
        if "selector" in i["target"]
    ]
    assert starts == sorted(starts)


def test_json_export_reads_back_as_the_same_notes():
    read = read_jsonld(exported())
    assert {source for source, _ in read} == {DOC.source}
    assert sorted((n for _, n in read), key=lambda n: n.id) == sorted(NOTES, key=lambda n: n.id)


def test_importing_an_export_twice_adds_its_notes_once(tmp_path: Path):
    with NoteStore.open(tmp_path) as store:
        assert store.import_notes(read_jsonld(exported())) == (len(NOTES), 0)
        assert store.import_notes(read_jsonld(exported())) == (0, len(NOTES))
        doc = store.find_document(DOC.source)
        assert len(store.notes(doc)) == len(NOTES)


def test_annotations_from_another_tool_import_with_stable_ids():
    foreign = {
        "type": "Annotation",
        "id": "https://hypothes.is/a/AbC123",
        "motivation": "highlighting",
        "target": {
            "source": "https://example.org/story",
            "selector": {
                "type": "TextQuoteSelector",
                "exact": "storm",
                "prefix": "a ",
                "suffix": " damaged",
            },
        },
    }
    ((source, note),) = read_jsonld(foreign)
    assert source == "https://example.org/story"
    assert note.kind == "highlight" and note.anchor.exact == "storm"
    assert read_jsonld(foreign)[0][1].id == note.id


@pytest.mark.parametrize("data", [42, {"type": "Person"}, [{"type": "Annotation"}]])
def test_what_is_not_an_annotation_export_is_refused(data):
    with pytest.raises(NotAnnotations):
        read_jsonld(data)


def test_markdown_gives_quotes_bodies_and_tags_in_reading_order():
    md = to_markdown([(DOC, anchor_notes(NOTES, TEXT))])
    assert md.startswith("# Notes on /articles/storm.txt")
    assert md.index("> storm") < md.index("> Ferries") < md.index("> passengers waited")
    assert "How many *exactly*?" in md and "Tags: #numbers, #check" in md
    assert "**Highlight (green)**" in md and "**Bookmark 'f'**" in md
    assert "`place-check:0123456789`: it is a real port" in md
    assert "merge “Port of Dover” into “Dover”" in md


def test_markdown_lists_orphans_apart_with_their_quotes():
    changed = TEXT.replace("about 3,000 passengers waited overnight", "")
    md = to_markdown([(DOC, anchor_notes(NOTES[:2], changed))])
    orphans = md.index("## Orphaned")
    assert md.index("> storm") < orphans < md.index("> passengers waited")


def test_markdown_export_imports_back_exactly_and_renders_without_its_data():
    from markdown_it import MarkdownIt

    from tui.notes.export import read_markdown

    md = to_markdown([(DOC, anchor_notes(NOTES, TEXT))])
    assert sorted(read_markdown(md), key=lambda x: x[1].id) == sorted(
        ((DOC.source, n) for n in NOTES), key=lambda x: x[1].id
    )
    html = MarkdownIt("commonmark").render(md)
    assert "closeread:annotation" not in _visible(html)


def _visible(html: str) -> str:
    import re

    return re.sub(r"<!--.*?-->", "", html, flags=re.S)
