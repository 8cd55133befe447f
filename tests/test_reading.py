"""The reader's rooms without a screen: the reading state, the search prompt and the annotation
keys, each against plain data or a stand-in for the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events

from tui.analysis import analyze
from tui.annotate import Annotator
from tui.notes.errors import StoreError
from tui.outline import Item
from tui.prepared import prepare
from tui.reading import Reading, summary
from tui.searching import SearchPrompt
from tui.source import load
from tui.spanindex import SpanIndex


@pytest.fixture(scope="module")
def prepared():
    return prepare(analyze(load(None)))  # the bundled sample


@pytest.fixture
def reading(prepared) -> Reading:
    state = Reading()
    state.load(prepared, [], {})
    return state


def entity(reading: Reading, name: str) -> Item:
    return next(i for i in reading.outline_items() if i.kind == "entity" and i.name == name)


def test_flags_are_walked_in_reading_order_and_wrap(reading):
    order = reading.flag_order
    assert [f.spans[0][0] for f in order] == sorted(f.spans[0][0] for f in order)
    first, wrapped = reading.next_flag(0, 1)
    assert first == order[0] and not wrapped
    reading.select(first)
    second, _ = reading.next_flag(first.spans[0][0], 1)
    assert second == order[1]
    last, wrapped = reading.next_flag(0, -1)
    assert last == order[-1] and wrapped


def test_n_steps_through_the_spans_and_says_when_it_wraps(reading):
    assert reading.step(1) is None  # nothing selected
    almaty = entity(reading, "Almaty")
    reading.select(almaty)
    assert reading.step(1) is False and reading.position == 1
    span, status = reading.current()
    assert span == almaty.spans[1] and status == f"2/{len(almaty.spans)} · Almaty"
    reading.select(almaty, len(almaty.spans) - 1)
    assert reading.step(1) is True and reading.position == 0


def test_the_cursor_on_a_name_selects_its_entity_and_a_flag_says_its_rule(reading):
    almaty = entity(reading, "Almaty")
    landing = reading.landing(almaty.spans[2][0])
    assert landing.selected == almaty and landing.span == almaty.spans[2]
    assert landing.status.startswith(f"3/{len(almaty.spans)} · Almaty")
    flag = reading.flag_order[0]
    quiet = reading.landing(flag.spans[0][0], ["≠ a note of mine"])
    assert quiet.status is not None and flag.status in quiet.status
    assert quiet.status.endswith("≠ a note of mine")


def test_the_original_shows_edits_and_maps_spans(reading):
    analysis = reading.analysis
    reading.showing_original = True
    removed = reading.removed_spans()
    assert removed and all(analysis.source.text[a:b] for a, b in removed)
    landing = reading.landing(removed[0][0])
    assert landing.selected is None and landing.status.startswith("removed here, ")
    almaty = entity(reading, "Almaty")
    spans = reading.visible_spans(almaty)
    assert [analysis.source.text[a:b] for a, b in spans] == ["Almaty"] * len(spans)


def test_a_dismissed_flag_leaves_the_walk_and_the_gutter(reading, prepared):
    flag = reading.flag_order[0]
    from tui.notes.model import Note

    dismissal = Note("dismissal", None, flag_id=flag.key, reason="house style")
    reading.rebuild(("Notes", "Flags"), [], {flag.key: dismissal})
    assert flag.key not in [f.key for f in reading.flag_order]
    marks = reading.flag_marks()
    assert not any(span in marks[flag.severity] for span in flag.spans if flag.severity)
    dismissed = next(s for s in reading.sections if s.title == "Flags").groups[-1]
    assert dismissed.title == "Dismissed" and dismissed.items[0].key == flag.key


def test_filters_hide_groups_and_count_them(reading):
    reading.hidden_groups = frozenset({"People"})
    reading.rebuild(None, [], {})
    entities = next(s for s in reading.sections if s.title == "Entities")
    assert "People" not in [g.title for g in entities.groups] and entities.hidden == 2


def test_the_summary_says_what_landed(prepared):
    line = summary(prepared.analysis, notes=2, changed=1, back=True)
    assert "14 entities" in line and "2 notes" in line and "≠ 1 quote changed" in line
    assert line.endswith("back where you left off")


# -- the search prompt, against a stand-in view -------------------------------------------------


class FakeArticle:
    def __init__(self, text: str) -> None:
        self.text, self.cursor, self.painted = text, 0, {}

    def paint(self, layer: str, spans: Any) -> None:
        self.painted[layer] = spans

    def mouse_span(self) -> None:
        return None

    def clear_mouse_selection(self) -> None:
        pass


class FakeView:
    def __init__(self, text: str) -> None:
        self.reading = Reading()
        self.article = FakeArticle(text)
        self.statuses: list[str] = []
        self.searches: list[tuple[str, int]] = []

    def set_status(self, text: str) -> None:
        self.statuses.append(text)

    def show_position(self, scroll: bool = True) -> None:
        _, status = self.reading.current()
        self.set_status(status)

    def select(self, item: Item, position: int = 0) -> None:
        self.reading.select(item, position)

    def clear_selection(self) -> None:
        self.reading.select(None)


def key(name: str, character: str | None = None) -> events.Key:
    return events.Key(name, character)


def test_the_prompt_searches_as_it_is_typed_and_keeps_the_hits_on_enter():
    from tui.search import find_all

    view = FakeView("the cat sat on the mat; the end")
    prompt = SearchPrompt(view, lambda text, query, limit: view.searches.append((query, limit)))
    prompt.start()
    for letter in "the":
        assert prompt.key(key(letter, letter))
    assert [q for q, _ in view.searches] == ["t", "th", "the"]
    hits = find_all(view.article.text, "th")
    prompt.found("th", hits, SpanIndex.apart(hits))  # overtaken by "the": dropped
    assert view.reading.selection is None
    hits = find_all(view.article.text, "the")
    prompt.found("the", hits, SpanIndex.apart(hits))
    assert view.reading.selection.spans == tuple(hits) and "3 hits" in view.statuses[-1]
    assert prompt.key(key("enter"))
    assert prompt.query is None and len(view.reading.jumps) == 1
    assert view.statuses[-1] == "/the 1/3"


def test_escape_cancels_and_brings_back_the_selection_before():
    view = FakeView("one two")
    before = Item("entity", "e", "one", "one", ((0, 3),))
    view.reading.select(before)
    prompt = SearchPrompt(view, lambda *_: None)
    prompt.start()
    prompt.key(key("t", "t"))
    assert not prompt.key(key("down"))  # not the prompt's: the key does what it always does
    assert prompt.key(key("escape"))
    assert prompt.query is None and view.reading.selection == before


# -- the annotation keys, against a stand-in host -----------------------------------------------


class FakeHost:
    def __init__(self, text: str) -> None:
        self.reading = Reading()
        self.article = FakeArticle(text)
        self.article.sentence_at = lambda offset: (0, text.index(".") + 1)  # type: ignore[attr-defined]
        self.notices: list[tuple[str, str]] = []
        self.statuses: list[str] = []
        self.refreshed: list[Any] = []
        self.analyses = 0

    def notify(self, message: str, *, severity: str = "information", timeout: Any = None):
        self.notices.append((severity, message))

    def push_screen(self, screen: Any, callback: Any) -> None:
        self.pushed = (screen, callback)

    def set_status(self, text: str) -> None:
        self.statuses.append(text)

    def refresh_notes(self, changed: Any = None) -> None:
        self.refreshed.append(changed)

    def start_analysis(self) -> None:
        self.analyses += 1

    def go_to(self, item: Item) -> None:
        self.went = item

    def sidebar_item(self) -> Item | None:
        return None

    def sidebar_has_focus(self) -> bool:
        return False

    def selection_changed(self) -> None:
        pass

    def show_notes_again(self) -> None:
        pass


@pytest.fixture
def annotator(tmp_path: Path) -> tuple[Annotator, FakeHost]:
    from tui.analysis import Source

    text = "The harbour closed. Ferries were cancelled."
    host = FakeHost(text)
    notes = Annotator(host)
    notes.open_notes(tmp_path, Source(text, path=str(tmp_path / "a.txt")))
    assert notes.notebook is not None
    notes.notebook.attach(text)
    return notes, host


def test_h_highlights_the_sentence_and_u_undoes_it(annotator):
    notes, host = annotator
    notes.run("highlight")
    assert [p.span for p in notes.notebook.placed] == [(0, 19)]
    assert host.refreshed == [("Notes",)] and host.statuses[-1].startswith("Highlighted")
    notes.run("undo")
    assert notes.notebook.placed == [] and host.statuses[-1] == "Undid adding a highlight"
    assert host.analyses == 0  # only undoing a correction analyses again


def test_a_failed_save_says_so_and_a_failed_correction_does_not_reanalyse(annotator, monkeypatch):
    notes, host = annotator

    def refuse(*_: Any, **__: Any) -> None:
        raise StoreError("the disk is full")

    monkeypatch.setattr(notes.notebook, "add", refuse)
    notes.run("highlight")
    assert host.notices[-1] == ("error", "Not saved: the disk is full") and host.refreshed == []
    host.reading.select(Item("entity", "e1", "Ferries", "Ferries", ((20, 27),), name="Ferries"))
    notes.run("dismiss_or_correct")
    _, chosen = host.pushed
    chosen("hide")
    assert host.analyses == 0
