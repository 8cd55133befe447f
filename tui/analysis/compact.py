"""Compact, fast-loading forms of the tables the analysis builds from readable data files.

The readable files (``tui/analysis/data/*.tsv``, a library's word list) stay the single truth. A
loader marked ``@compact(...)`` builds its tables from them as before; what it builds is also
pickled, when the package is made, into ``tui/analysis/data/<loader>.pickle`` by

    python -m tui.analysis.compact

stamped with a digest of everything it was built from: the files the loader names and the
source of its module (and of any module named in ``also``). At run time the pickle is used only
when that digest matches the files as they are now; otherwise the loader builds from the
readable files (slower, never stale), and ``tests/test_compact.py`` fails until the command is
run again. Unpickling the gazetteer, the capitals and the word list takes a fraction of the
time building them does.

The same command keeps the analysis's regular expressions compiled: Python parses and compiles
every pattern a stage module defines when it is imported (half of the 100 ms that importing the
stages takes). ``patterns.marshal`` holds each pattern's compiled program as ``re`` makes it, for
this Python's regular-expression engine only; ``preload_patterns`` puts them in ``re``'s own
cache before the stages are imported, so that ``re.compile`` finds them there. A pattern is found
only under its exact text and flags, so a changed or new pattern is compiled as always: an old
file makes start-up slower, never an analysis different.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import marshal
import pickle
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import suppress
from functools import _CacheInfo, cache
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
V = TypeVar("V")

DATA = Path(__file__).resolve().parent / "data"
"""The analysis's shipped data: a path, as ``tui.resources`` finds the other shipped files
(``importlib.resources`` and the zipfile module it loads cost 2.5 ms to import)."""

_MAGIC = b"closeread-compact-1\n"
MODULES = (
    "tui.analysis.entities.gazetteer",
    "tui.analysis.flags.facts",
    "tui.analysis.flags.consistency",
    "tui.analysis.clean.words",
)
"""Where the compacted loaders are: importing these registers them, for the build and the test."""


class Compacted(Generic[T]):
    """A zero-argument loader, cached like ``functools.cache``, that reads its compact form when
    that is current and builds from the readable files otherwise."""

    def __init__(self, build: Callable[[], T], sources: tuple[str, ...], also: tuple[str, ...]):
        self.build = build
        self.sources = sources
        self.also = also
        self.name = f"{build.__module__.removeprefix('tui.analysis.')}.{build.__qualname__}"
        self._load = cache(self._compact_or_build)
        self.__doc__ = build.__doc__
        self.__wrapped__ = build

    def __call__(self) -> T:
        return self._load()

    def cache_info(self) -> _CacheInfo:
        return self._load.cache_info()

    def cache_clear(self) -> None:
        self._load.cache_clear()

    @property
    def file(self) -> str:
        """The compact form's file name, in ``tui/analysis/data``."""
        return f"{self.name}.pickle"

    def digest(self) -> bytes:
        """What the compact form must have been built from: the loader's files and code, and
        the Python that pickled it."""
        h = hashlib.sha256(f"{sys.version_info[:2]} {pickle.HIGHEST_PROTOCOL}".encode())
        modules = (self.build.__module__, *self.also)
        for module in modules:
            h.update(Path(str(importlib.import_module(module).__file__)).read_bytes())
        for source in self.sources:
            h.update(_read_source(source))
        return h.hexdigest().encode() + b"\n"

    def _compact_or_build(self) -> T:
        try:
            packed = _data(self.file).read_bytes()
        except OSError:
            return self.build()
        stamp = _MAGIC + self.digest()
        if packed.startswith(stamp):
            try:
                return pickle.loads(memoryview(packed)[len(stamp) :])  # no copy of megabytes
            except Exception:  # an unreadable compact form is only slower, never wrong
                pass
        return self.build()

    def write(self, folder: Path) -> Path:
        """Build from the readable files and write the compact form into ``folder``."""
        path = folder / self.file
        path.write_bytes(_MAGIC + self.digest() + pickle.dumps(self.build(), protocol=5))
        return path

    def current(self) -> bool:
        """Whether the shipped compact form matches the files it was built from."""
        try:
            packed = _data(self.file).read_bytes()
        except OSError:
            return False
        return packed.startswith(_MAGIC + self.digest())


class Sharded(Mapping[str, V]):
    """A read-only table asked about a few keys per article, such as the countries of a city
    named beside "capital", that loads in a fraction of the time unpickling it whole takes.

    Its compact form is a few dozen pickled byte strings, so loading it copies bytes; a lookup
    unpickles the shard its key falls in (by a checksum of the key, the same in every process)
    on first use. The values are hashable and kept once each, in shards of their own that the
    keys point into: many keys share a value (most cities lie in one country; a city's names
    share the set of them). Loading the capitals check's 90,000 city names whole took 15 ms;
    one shard of each kind takes a fiftieth of that."""

    __slots__ = ("_keys", "_packed", "_size", "_values")

    def __init__(self, items: Mapping[str, V], shards: int = 64) -> None:
        numbers: dict[V, int] = {}
        keys: list[dict[str, int]] = [{} for _ in range(shards)]
        values: list[list[V]] = [[] for _ in range(shards)]
        for key, value in items.items():
            number = numbers.get(value)
            if number is None:
                number = numbers[value] = len(numbers)
                values[number % shards].append(value)  # at number // shards
            keys[_shard_of(key, shards)][key] = number
        self._keys: list[dict[str, int] | None] = list(keys)
        self._values: list[list[V] | None] = list(values)
        self._packed: tuple[tuple[bytes, ...], tuple[bytes, ...]] = ((), ())
        self._size = len(items)

    def _key_shard(self, index: int) -> dict[str, int]:
        shard = self._keys[index]
        if shard is None:  # two threads may both unpickle it: the same contents either way
            shard = self._keys[index] = pickle.loads(self._packed[0][index])
        return shard

    def _value_shard(self, index: int) -> list[V]:
        shard = self._values[index]
        if shard is None:
            shard = self._values[index] = pickle.loads(self._packed[1][index])
        return shard

    def _value(self, number: int) -> V:
        count = len(self._values)
        return self._value_shard(number % count)[number // count]

    def _number(self, key: object) -> int | None:
        if not isinstance(key, str):
            return None
        return self._key_shard(_shard_of(key, len(self._keys))).get(key)

    def __getitem__(self, key: str) -> V:
        number = self._number(key)
        if number is None:
            raise KeyError(key)
        return self._value(number)

    def get(self, key: str, default: V | T | None = None) -> V | T | None:  # type: ignore[override]
        number = self._number(key)
        return default if number is None else self._value(number)

    def __contains__(self, key: object) -> bool:
        return self._number(key) is not None

    def __iter__(self) -> Iterator[str]:
        for index in range(len(self._keys)):
            yield from self._key_shard(index)

    def __len__(self) -> int:
        return self._size

    def __getstate__(self) -> tuple[int, tuple[bytes, ...], tuple[bytes, ...]]:
        keys = (pickle.dumps(self._key_shard(i), protocol=5) for i in range(len(self._keys)))
        values = (pickle.dumps(self._value_shard(i), protocol=5) for i in range(len(self._values)))
        return self._size, tuple(keys), tuple(values)

    def __setstate__(self, state: tuple[int, tuple[bytes, ...], tuple[bytes, ...]]) -> None:
        self._size, keys, values = state
        self._packed = (keys, values)
        self._keys, self._values = [None] * len(keys), [None] * len(values)


def sharded_set(words: Iterable[str], shards: int = 64) -> Sharded[bool]:
    """A set of words that is only asked ``in``, as a ``Sharded`` table: asking unpickles the
    word's shard alone (the 10,000 common words took 1.4 ms to unpickle whole)."""
    return Sharded(dict.fromkeys(words, True), shards)


def _shard_of(key: str, shards: int) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % shards


_REGISTRY: dict[str, Compacted[object]] = {}


def compact(*sources: str, also: tuple[str, ...] = ()) -> Callable[[Callable[[], T]], Compacted[T]]:
    """Mark a loader of tables built from ``sources``: file names in ``tui/analysis/data``, or
    ``package:path`` for another package's data. ``also`` names modules whose code the build
    uses besides its own."""

    def decorate(build: Callable[[], T]) -> Compacted[T]:
        loader = Compacted(build, sources, also)
        _REGISTRY[loader.name] = loader  # type: ignore[assignment]
        return loader

    return decorate


def loaders() -> list[Compacted[object]]:
    """Every compacted loader (their modules imported)."""
    for module in MODULES:
        importlib.import_module(module)
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]


def _data(name: str) -> Path:
    return DATA / name


def _read_source(source: str) -> bytes:
    package, sep, path = source.partition(":")
    if not sep:
        return _data(source).read_bytes()
    # Read beside the package without importing it, where it can be (importing pyspellchecker
    # takes 7 ms, and the analysis never does); pkgutil imports it first.
    spec = importlib.util.find_spec(package)
    for folder in (spec and spec.submodule_search_locations) or ():
        with suppress(OSError):
            return (Path(folder) / path).read_bytes()
    import pkgutil

    try:
        data = pkgutil.get_data(package, path)
    except OSError:
        data = None
    return data if data is not None else b"(missing)"


PATTERNS = "patterns.marshal"
_recording = False
"""True while the build records patterns: preloading the old ones would hide them."""
_made: dict[tuple[str, ...], str] = {}
"""The pattern texts ``made`` recorded, by builder and inputs: preloaded, or being recorded."""


def made(build: Callable[..., str], *inputs: str) -> str:
    """``build(*inputs)``: the text of a pattern that takes milliseconds to spell out (every
    upper-case letter; a trie of number words), read from ``patterns.marshal`` when the last
    build recorded it. The key is the builder and all its inputs, so a changed input builds
    afresh; ``tests/test_compact.py`` builds every recorded text again and compares."""
    key = (f"{build.__module__}:{build.__qualname__}", *inputs)
    text = None if _recording else _made.get(key)
    if text is None:
        text = build(*inputs)
        if _recording:
            _made[key] = text
    return text


def made_texts() -> dict[tuple[str, ...], str]:
    """Every text ``made`` has read or recorded in this process, by key."""
    return dict(_made)


def _engine() -> bytes:
    """Which regular-expression engine compiled programs are for."""
    import _sre  # type: ignore[import-not-found]

    return f"{sys.implementation.cache_tag} {_sre.MAGIC} {_sre.CODESIZE}\n".encode()


def preload_patterns() -> int:
    """Put the analysis's compiled patterns into ``re``'s cache; how many (none when the file
    was made for another engine, or ``re`` keeps its cache otherwise than expected)."""
    import _sre

    cache = getattr(re, "_cache", None)
    if _recording or not isinstance(cache, dict):
        return 0
    room = getattr(re, "_MAXCACHE", 0) - len(cache)
    try:
        packed = _data(PATTERNS).read_bytes()
    except OSError:
        return 0
    stamp = _engine()
    if room <= 0 or not packed.startswith(stamp):
        return 0
    try:
        entries, texts = marshal.loads(packed[len(stamp) :])
        _made.update(texts)
        for pattern, flags, final, code, groups, groupindex, indexgroup in entries[:room]:
            key = (type(pattern), pattern, flags)
            if key not in cache:
                cache[key] = _sre.compile(pattern, final, code, groups, groupindex, indexgroup)
    except Exception:  # a file this engine cannot read: the patterns compile as always
        return 0
    return min(len(entries), room)


def record_patterns(run: Callable[[], object]) -> list[tuple[object, ...]]:
    """Every pattern ``re`` compiles while ``run`` runs, as ``_sre.compile`` takes it; each
    checked to make the very pattern ``re.compile`` does."""
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    entries: dict[tuple[object, int], tuple[object, ...]] = {}
    compile_ = _compiler.compile

    def recording(pattern: object, flags: int = 0) -> re.Pattern[str]:
        compiled = compile_(pattern, flags)
        if isinstance(pattern, str | bytes):
            parsed = _parser.parse(pattern, flags)
            code = [int(op) for op in _compiler._code(parsed, flags)]
            state = parsed.state
            indexgroup: list[str | None] = [None] * state.groups
            for name, index in state.groupdict.items():
                indexgroup[index] = name
            entry = (
                pattern,
                flags,
                flags | state.flags,
                code,
                state.groups - 1,
                dict(state.groupdict),
                tuple(indexgroup),
            )
            if _sre.compile(*entry[:1], *entry[2:]) == compiled:
                entries[pattern, flags] = entry
        return compiled

    global _recording
    re.purge()
    _made.clear()
    _compiler.compile, _recording = recording, True
    try:
        run()
    finally:
        _compiler.compile, _recording = compile_, False
    return list(entries.values())


def _analyse_samples() -> None:
    """Import the stages and analyse the bundled sample, the way the reader starts."""
    from ..resources import seed_file
    from .model import Source
    from .pipeline import analyze

    analyze(Source(text=seed_file().read_text(encoding="utf-8"), path="sample"))


def main() -> None:
    """Write every compact form beside the readable files of this checkout."""
    folder = DATA
    this = importlib.import_module(__spec__.name if __spec__ else __name__)  # not __main__'s copy
    patterns = this.record_patterns(_analyse_samples)  # first, while no stage is imported yet
    texts = this.made_texts()
    (folder / PATTERNS).write_bytes(_engine() + marshal.dumps((patterns, texts)))
    print(f"tui/analysis/data/{PATTERNS}: {len(patterns)} patterns, {len(texts)} texts")
    for loader in this.loaders():
        path = loader.write(folder)
        print(f"{path.relative_to(folder.parents[2])}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
