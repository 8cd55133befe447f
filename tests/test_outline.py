"""What the sidebar lists for an analysis, without a screen."""

from __future__ import annotations

from datetime import date

from tui.analysis.model import Analysis, Edit, Entity, Figure, Source, make_flag
from tui.analysis.offsets import OffsetMap
from tui.outline import figure_value, outline

TEXT = "Ann Lee met Bob in Oslo. Lee said 3 people came on Monday."


def _analysis() -> Analysis:
    source_text = "Ann Lee met Bob in Oslo.<br> Lee said 3 people came on Monday."
    return Analysis(
        source=Source(text=source_text),
        text=TEXT,
        paragraphs=((0, len(TEXT)),),
        edits=(Edit("markup", (24, 28), "<br>", "stray tag"),
               Edit("whitespace", (28, 29), " ", "folded")),
        entities=(
            Entity("place:oslo", "Oslo", "place", (), ((19, 23),)),
            Entity("person:ann-lee", "Ann Lee", "person", ("Lee",), ((0, 7), (25, 28))),
        ),
        figures=(
            Figure("fig:34", "3", "count", 3, span=(34, 35)),
            Figure("fig:51", "Monday", "relative-date", date=date(2024, 5, 6), span=(51, 57)),
        ),
        flags=(make_flag("loaded-word", "warning", "'came' is loaded", [(42, 46)], TEXT),),
        offsets=OffsetMap([(0, 0, True), (24, 28, True)], len(TEXT), len(source_text)),
    )


def test_sections_come_in_reading_order_with_counts():
    sections = outline(_analysis())
    assert [(s.title, s.count) for s in sections] == [
        ("Entities", 2), ("Figures", 3), ("Flags", 1), ("Edits", 1)]


def test_entities_are_grouped_by_kind_and_carry_every_mention():
    people = outline(_analysis())[0].groups[0]
    assert people.title == "People"
    assert people.items[0].label == " 2 Ann Lee (Lee)"
    assert people.items[0].spans == ((0, 7), (25, 28))
    assert "also Lee" in people.items[0].status


def test_figures_show_their_normalised_values():
    figures = outline(_analysis())[1]
    assert [g.title for g in figures.groups] == ["Counts", "Dates", "Timeline"]
    assert figures.groups[1].items[0].label == "2024-05-06  Monday"
    assert figures.groups[2].items[0].label == "Mon 06 May 2024 · 1"
    assert figures.groups[2].items[0].spans == ((51, 57),)


def test_flags_say_rule_and_message():
    item = outline(_analysis())[2].groups[0].items[0]
    assert item.status.startswith("loaded-word: 'came' is loaded")
    assert item.spans == ((42, 46),)


def test_whitespace_edits_are_not_listed_and_others_point_at_the_original():
    edits = outline(_analysis())[3]
    assert [g.title for g in edits.groups] == ["Markup debris"]
    assert edits.groups[0].items[0].original == ((24, 28),)


def test_figure_values_read_naturally():
    assert figure_value(Figure("a", "dozens", "approximate", low=24)) == "≥ 24"
    assert figure_value(Figure("b", "£2bn", "money", 2e9, unit="GBP")) == "2,000,000,000 GBP"
    assert figure_value(Figure("c", "45%", "percent", 45, unit="%")) == "45%"
