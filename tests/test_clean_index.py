"""The candidate index behind near-duplicate and restatement search: the fast filters find
exactly what comparing every pair would."""

from __future__ import annotations

from collections import Counter
from itertools import chain, combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.analysis.clean.index import half_shared, twice_shared

GROUPS = st.lists(st.sets(st.integers(min_value=0, max_value=30), max_size=12), max_size=25)


def _shared_counts(groups: list[set[int]], max_postings: int) -> dict[tuple[int, int], int]:
    """Every pair of groups with how many keys found in two to ``max_postings`` groups they
    share: the slow way, for reference."""
    frequency = Counter(chain.from_iterable(groups))
    indexed = {k for k, n in frequency.items() if 1 < n <= max_postings}
    return {
        (j, i): len(groups[j] & groups[i] & indexed) for j, i in combinations(range(len(groups)), 2)
    }


@settings(max_examples=300)
@given(GROUPS, st.integers(min_value=2, max_value=8))
def test_half_shared_equals_comparing_every_pair(groups: list[set[int]], max_postings: int):
    expected = sorted(
        (j, i)
        for (j, i), shared in _shared_counts(groups, max_postings).items()
        if shared and shared * 2 >= min(len(groups[j]), len(groups[i]))
    )
    assert half_shared(groups, max_postings) == expected


@settings(max_examples=300)
@given(GROUPS, st.integers(min_value=2, max_value=8))
def test_twice_shared_equals_comparing_every_pair(groups: list[set[int]], max_postings: int):
    expected = sorted(
        pair for pair, shared in _shared_counts(groups, max_postings).items() if shared >= 2
    )
    assert twice_shared(groups, max_postings) == expected
