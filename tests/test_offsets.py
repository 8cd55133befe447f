"""The offset map: cleaned positions back to the source and forth."""

from __future__ import annotations

from tui.analysis.offsets import OffsetMap


def test_identity_maps_every_position_to_itself():
    m = OffsetMap.identity(10)
    assert [m.to_original(i) for i in range(11)] == list(range(11))
    assert m.to_clean(7) == 7


def test_removed_run_is_skipped():
    # source "abXXXcd" -> clean "abcd": copied "ab", removed "XXX", copied "cd"
    m = OffsetMap([(0, 0, True), (2, 5, True)], clean_length=4, original_length=7)
    assert [m.to_original(i) for i in range(4)] == [0, 1, 5, 6]
    assert m.to_clean(3) == 2  # inside the removed run: where it stood
    assert m.original_span((1, 3)) == (1, 6)


def test_replaced_run_maps_to_its_start():
    # source "a&amp;b" -> clean "a&b": "&amp;" replaced by "&"
    m = OffsetMap([(0, 0, True), (1, 1, False), (2, 6, True)], clean_length=3, original_length=7)
    assert m.to_original(1) == 1
    assert m.to_original(2) == 6
    assert m.original_span((0, 3)) == (0, 7)


def test_positions_out_of_range_are_clamped():
    m = OffsetMap.identity(5)
    assert m.to_original(-3) == 0
    assert m.to_original(99) == 5
