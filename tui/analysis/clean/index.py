"""Which paragraphs (or sentences) share keys, found through an inverted index, never by comparing
every pair. A key found in only one group links nothing and one found in many says nothing, so
only keys in two to ``max_postings`` groups are indexed: the work stays linear in the text."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from itertools import chain
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def _indexed(groups: Sequence[set[K]], max_postings: int) -> tuple[list[set[K]], Counter[K]]:
    """Each group's indexed keys, and how many groups hold each key."""
    frequency = Counter(chain.from_iterable(groups))
    indexed = {k for k, n in frequency.items() if 1 < n <= max_postings}
    return [group & indexed for group in groups], frequency


def twice_shared(groups: Sequence[set[K]], max_postings: int) -> list[tuple[int, int]]:
    """The pairs ``(j, i)``, ``j < i``, sorted, of groups that share two indexed keys or more.

    Each group meets the earlier groups through its keys' postings alone, and those found in
    two of the postings are its pairs: the many pairs that share just one key are never made."""
    keyed, _ = _indexed(groups, max_postings)
    postings: defaultdict[K, list[int]] = defaultdict(list)
    found: list[tuple[int, int]] = []
    for i, keys in enumerate(keyed):
        earlier = [postings[k] for k in keys]
        if len(earlier) > 1:
            met: set[int] = set()
            twice: set[int] = set()
            for ids in earlier:
                twice.update(met.intersection(ids))
                met.update(ids)
            found += ((j, i) for j in twice)
        for ids in earlier:
            ids.append(i)
    found.sort()
    return found


def half_shared(groups: Sequence[set[K]], max_postings: int) -> list[tuple[int, int]]:
    """The pairs ``(j, i)``, ``j < i``, sorted, whose shared indexed keys are at least half of
    the smaller group, found without counting the many pairs that share a key or two.

    A pair can pass only if the smaller group has half its keys indexed, and then (prefix
    filtering) it shares one of the rarest ``indexed - half + 1`` of them: any other choice
    leaves fewer than half to share. Only those keys are looked up, and each pair found is
    counted exactly.
    """
    keyed, frequency = _indexed(groups, max_postings)
    prefixes: dict[int, list[K]] = {}
    for i, (group, keys) in enumerate(zip(groups, keyed, strict=True)):
        spare = len(keys) - (len(group) + 1) // 2
        if spare >= 0:
            prefixes[i] = sorted(keys, key=frequency.__getitem__)[: spare + 1]
    wanted = set(chain.from_iterable(prefixes.values()))
    postings: defaultdict[K, list[int]] = defaultdict(list)
    for i, keys in enumerate(keyed):
        for k in keys & wanted:
            postings[k].append(i)
    found: set[tuple[int, int]] = set()
    for i, prefix in prefixes.items():
        size = len(groups[i])
        for k in prefix:
            for j in postings[k]:
                if j != i and size <= len(groups[j]):
                    found.add((j, i) if j < i else (i, j))
    return sorted(
        (j, i)
        for j, i in found
        if len(keyed[i] & keyed[j]) * 2 >= min(len(groups[i]), len(groups[j]))
    )
