"""What the sidebar lists for an analysis, without a screen."""

from __future__ import annotations

from datetime import date

from tui.analysis.model import Analysis, Edit, Entity, Figure, Source, make_flag
from tui.analysis.offsets import OffsetMap
from tui.notes import Anchor, Note, Placed
from tui.outline import figure_value, outline

TEXT = "Ann Lee met Bob in Oslo. Lee said 3 people came on Monday."


def _analysis() -> Analysis:
    source_text = "Ann Lee met Bob in Oslo.<br> Lee said 3 people came on Monday."
    return Analysis(
        source=Source(text=source_text),
        text=TEXT,
        paragraphs=((0, len(TEXT)),),
        edits=(
            Edit("markup", (24, 28), "<br>", "stray tag"),
            Edit("whitespace", (28, 29), " ", "folded"),
        ),
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
        ("Notes", 0),
        ("Entities", 2),
        ("Figures", 2),  # the figures, not the Timeline's day rows: as the status line counts
        ("Flags", 1),
        ("Edits", 1),
    ]
    assert sections[2].rows == 3


def test_entities_are_grouped_by_kind_and_carry_every_mention():
    people = outline(_analysis())[1].groups[0]
    assert people.title == "People"
    assert people.items[0].label == " 2 Ann Lee (Lee)"
    assert people.items[0].spans == ((0, 7), (25, 28))
    assert "also Lee" in people.items[0].status


def test_figures_show_their_normalised_values():
    figures = outline(_analysis())[2]
    assert [g.title for g in figures.groups] == ["Counts", "Dates", "Timeline"]
    assert figures.groups[1].items[0].label == "2024-05-06  Monday"
    assert figures.groups[2].items[0].label == "Mon 06 May 2024 · 1"
    assert figures.groups[2].items[0].spans == ((51, 57),)


def test_flags_say_rule_and_message():
    item = outline(_analysis())[3].groups[0].items[0]
    assert item.status.startswith("loaded-word: 'came' is loaded")
    assert item.spans == ((42, 46),)


def test_whitespace_edits_are_not_listed_and_others_point_at_the_original():
    edits = outline(_analysis())[4]
    assert [g.title for g in edits.groups] == ["Markup debris"]
    assert edits.groups[0].items[0].original == ((24, 28),)


def test_figure_values_read_naturally():
    assert figure_value(Figure("a", "dozens", "approximate", low=24)) == "≥ 24"
    assert figure_value(Figure("b", "£2bn", "money", 2e9, unit="GBP")) == "2,000,000,000 GBP"
    assert figure_value(Figure("c", "45%", "percent", 45, unit="%")) == "45%"
    assert figure_value(Figure("d", "2003", "year", 2003)) == "2003"
    assert figure_value(Figure("e", "2013-14", "year", None, 2013, 2014)) == "2013–2014"
    assert figure_value(Figure("f", "1990s", "year", 1990, unit="decade")) == "1990s"


def _placed(kind: str, span, quote: str, **fields) -> Placed:
    anchor = Anchor(quote, "", "", *(span or (0, 0)))
    return Placed(Note(kind, anchor, **fields), span)


def test_notes_come_first_in_reading_order_with_orphans_last():
    notes = [
        _placed("note", (25, 28), "Lee", body="Check her title\nmore"),
        _placed("highlight", (0, 7), "Ann Lee", colour="yellow"),
        _placed("note", None, "gone words", body="lost"),
        _placed("bookmark", (19, 23), "Oslo", letter="a"),
    ]
    section = outline(_analysis(), notes=notes)[0]
    assert [g.title for g in section.groups] == ["Notes", "Highlights", "Bookmarks", "Orphans"]
    assert section.groups[0].items[0].label == "✎ Check her title"
    assert section.groups[2].items[0].label == "'a Oslo"
    assert section.groups[3].items[0].spans == ()
    assert "orphaned" in section.groups[3].items[0].status


def test_a_hidden_tag_hides_its_notes():
    notes = [_placed("note", (25, 28), "Lee", tags=("later",)), _placed("note", (0, 3), "Ann")]
    section = outline(_analysis(), hidden=frozenset({"#later"}), notes=notes)[0]
    assert section.count == 1 and section.hidden == 1


def test_dismissed_flags_move_to_their_own_group_with_the_reason():
    analysis = _analysis()
    flag = analysis.flags[0]
    dismissal = Note("dismissal", None, flag_id=flag.id, reason="quoting the police")
    flags = outline(analysis, dismissed={flag.id: dismissal})[3]
    assert [g.title for g in flags.groups] == ["Dismissed"]
    assert "dismissed: quoting the police" in flags.groups[0].items[0].status
    assert (
        outline(analysis, hidden=frozenset({"Dismissed"}), dismissed={flag.id: dismissal})[3].count
        == 0
    )
