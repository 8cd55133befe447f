"""Which paragraphs (or sentences) share keys, found through an inverted index, never by comparing
every pair. A key found in only one group links nothing and one found in many says nothing, so
only keys in two to ``max_postings`` groups are indexed: the work stays linear in the text."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from itertools import chain, combinations


def shared_keys(groups: Sequence[set[Hashable]], max_postings: int) -> Counter[tuple[int, int]]:
    """For each pair ``(j, i)``, ``j < i``, of groups that share indexed keys: how many."""
    frequency = Counter(chain.from_iterable(groups))
    indexed = {k for k, n in frequency.items() if 1 < n <= max_postings}
    postings: defaultdict[Hashable, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        for k in group & indexed:
            postings[k].append(i)
    pairs: Counter[tuple[int, int]] = Counter()
    for ids in postings.values():
        pairs.update(combinations(ids, 2))
    return pairs
