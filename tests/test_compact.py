"""The compact forms of the analysis's tables: current with the readable files, equal to what
the readable files build, never served stale, and the compiled patterns the very ones ``re``
makes."""

from __future__ import annotations

import importlib
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui.analysis import compact

LOADERS = compact.loaders()
REBUILD = "run `python -m tui.analysis.compact` and commit tui/analysis/data/*.pickle"


@pytest.mark.parametrize("loader", LOADERS, ids=[loader.name for loader in LOADERS])
def test_each_compact_form_is_current_with_its_readable_files(loader):
    assert loader.current(), f"{loader.file} is stale: {REBUILD}"


@pytest.mark.parametrize("loader", LOADERS, ids=[loader.name for loader in LOADERS])
def test_each_loader_names_every_data_file_its_module_reads(loader):
    """A file the build reads but the digest leaves out would go stale unnoticed."""
    module = Path(__import__(loader.build.__module__, fromlist=["_"]).__file__)
    named = set(re.findall(r"[\"']([\w-]+\.(?:tsv|txt))[\"']", module.read_text()))
    assert named <= set(loader.sources)


@pytest.mark.parametrize("loader", LOADERS, ids=[loader.name for loader in LOADERS])
def test_the_compact_form_holds_what_the_readable_files_build(loader):
    built, loaded = loader.build(), loader()
    if hasattr(built, "__dataclass_fields__"):
        for field in built.__dataclass_fields__:
            assert getattr(loaded, field) == getattr(built, field), field
    else:
        assert loaded == built


def test_a_stale_compact_form_is_never_served(monkeypatch, tmp_path: Path):
    """Another digest (a data file edited after the build): the loader builds afresh."""
    loader = next(x for x in LOADERS if x.name.endswith("places"))
    stale = tmp_path / loader.file
    stale.write_bytes(compact._MAGIC + b"0" * 64 + b"\n" + pickle.dumps("stale tables"))
    marker = object()
    real = compact._data
    monkeypatch.setattr(compact, "_data", lambda name: stale if name == loader.file else real(name))
    monkeypatch.setattr(loader, "build", lambda: marker)
    loader.cache_clear()
    try:
        assert loader() is marker
    finally:
        loader.cache_clear()


def test_the_preloaded_patterns_are_the_ones_re_compiles(monkeypatch):
    monkeypatch.setattr(re, "_cache", {})
    count = compact.preload_patterns()
    assert count > 50
    preloaded = dict(re._cache)
    for (_kind, pattern, flags), compiled in list(preloaded.items())[:400]:
        re.purge()
        assert re.compile(pattern, flags) == compiled


def test_patterns_for_another_engine_are_not_loaded(monkeypatch):
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setattr(compact, "_engine", lambda: b"cpython-399 0 0\n")
    assert compact.preload_patterns() == 0
    assert re._cache == {}


def test_a_sharded_table_answers_as_its_dict_does_and_unpickles_a_shard_per_lookup():
    table = {f"city {n}": frozenset({f"C{n % 7}"}) for n in range(2000)}
    sharded = pickle.loads(pickle.dumps(compact.Sharded(table, 16)))
    assert sharded._keys == [None] * 16  # nothing unpickled yet
    assert sharded["city 5"] == table["city 5"]
    assert sum(shard is not None for shard in sharded._keys) == 1
    assert sum(shard is not None for shard in sharded._values) == 1
    assert "city 1999" in sharded and "city 2000" not in sharded and 3 not in sharded
    assert sharded.get("nowhere", "none") == "none" and sharded.get(3) is None
    with pytest.raises(KeyError):
        sharded["nowhere"]
    assert len(sharded) == 2000 and dict(sharded) == table and sharded == table
    assert len(pickle.dumps(sharded)) < len(pickle.dumps(table)) * 1.5  # each value kept once


PATTERNS_COMPILED = """
import pickle  # the standard library's own pattern, compiled before any recording
import re
from re import _compiler
from tui.source import load
source = load(None)
compiled = []
compile_ = _compiler.compile
_compiler.compile = lambda pattern, flags=0: compiled.append(pattern) or compile_(pattern, flags)
from tui.analysis.pipeline import analyze
analyze(source)
print(len(compiled), [str(p)[:80] for p in compiled])
"""


@pytest.mark.parametrize("seed", ["1", "2"])
def test_the_stages_compile_no_pattern_that_patterns_marshal_lacks(seed: str):
    """In any process: a pattern made from a set must not change its text with the hash seed,
    or its compiled form is never found (and importing the stages compiles it every time)."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", PATTERNS_COMPILED], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("0 "), f"{done.stdout} ({REBUILD.replace('pickle', 'marshal')})"


def test_each_recorded_pattern_text_is_what_its_builder_makes_now(monkeypatch):
    """A recorded text is found only under its builder and inputs; this catches a builder whose
    code changed since (``python -m tui.analysis.compact`` records it again)."""
    monkeypatch.setattr(compact, "_made", {})
    monkeypatch.setattr(re, "_cache", {})
    compact.preload_patterns()
    texts = compact.made_texts()
    assert len(texts) >= 2
    for (builder, *inputs), text in texts.items():
        module, _, name = builder.partition(":")
        build = getattr(importlib.import_module(module), name)
        assert build(*inputs) == text, f"{builder} changed: {REBUILD.replace('pickle', 'marshal')}"


def _shout(word: str) -> str:
    return word.upper()


def test_a_made_text_is_built_when_nothing_was_recorded_for_its_inputs(monkeypatch):
    builder = f"{_shout.__module__}:_shout"
    monkeypatch.setattr(compact, "_made", {(builder, "b"): "recorded"})
    assert compact.made(_shout, "a") == "A"
    assert compact.made(_shout, "b") == "recorded"
