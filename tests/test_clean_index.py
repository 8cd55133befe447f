"""The candidate index behind near-duplicate search: the fast filter finds exactly what
counting every pair would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis.clean.index import half_shared, shared_keys

GROUPS = st.lists(st.sets(st.integers(min_value=0, max_value=30), max_size=12), max_size=25)


@settings(max_examples=300)
@given(GROUPS, st.integers(min_value=2, max_value=8))
def test_half_shared_equals_counting_every_pair(groups: list[set[int]], max_postings: int):
    counted = shared_keys(groups, max_postings)
    expected = sorted(
        pair for pair, shared in counted.items()
        if shared * 2 >= min(len(groups[pair[0]]), len(groups[pair[1]]))
    )
    assert half_shared(groups, max_postings) == expected
