"""The compact forms of the analysis's tables: current with the readable files, equal to what
the readable files build, never served stale, and the compiled patterns the very ones ``re``
makes."""

from __future__ import annotations

import pickle
import re
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
