"""The draft that rules write to: changes to a paragraph as it reads become edits of the source."""

from __future__ import annotations

from tui.analysis.clean.draft import Change, Draft


def block_of(source: str):
    (block,) = Draft.split(source).blocks
    return block


def test_a_replacement_is_an_edit_quoting_the_source():
    block = block_of("ab  cd")
    edit = block.replace(2, 4, " ", "whitespace", "folded")
    assert block.text == "ab cd"
    assert (edit.original, edit.text, edit.replacement) == ((2, 4), "  ", " ")


def test_positions_index_the_text_as_it_reads_after_earlier_edits():
    block = block_of("x  y  z")
    block.replace_all([Change(1, 3, " ", "whitespace", ""), Change(4, 6, " ", "whitespace", "")])
    edit = block.replace(2, 3, "", "markup", "gone")  # "y" in "x y z"
    assert block.text == "x  z"
    assert edit.original == (3, 4)


def test_a_later_edit_absorbs_the_earlier_edits_it_covers():
    block = block_of("A  b  c. Rest")
    block.replace_all([Change(1, 3, " ", "whitespace", ""), Change(4, 6, " ", "whitespace", "")])
    edit = block.replace(0, 6, "", "caption", "caption")  # "A b c." out of "A b c. Rest"
    assert block.text == " Rest"
    assert edit.text == "A  b  c."
    assert [e.kind for _, _, e in block.pieces if e] == ["caption"]


def test_a_change_that_changes_nothing_makes_no_edit():
    block = block_of("same")
    assert block.replace(0, 4, "same", "markup", "") is None
    assert block.pieces == [(0, 4, None)]


def test_removing_a_paragraph_leaves_it_empty():
    block = block_of("Gone soon.")
    block.remove("boilerplate", "furniture")
    assert block.text == ""


def test_thousands_of_changes_in_one_paragraph_all_apply():
    source = "a  " * 20_000
    block = block_of(source)
    changes = [Change(3 * k + 1, 3 * k + 3, " ", "whitespace", "") for k in range(20_000)]
    assert all(block.replace_all(changes))
    assert block.text == "a " * 20_000


def test_blank_lines_are_no_paragraphs():
    draft = Draft.split("One\n\n  \t\nTwo\n")
    assert [b.text for b in draft.blocks] == ["One", "Two"]
