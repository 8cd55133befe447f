"""--engine dask: the same records, in the same order, from a Dask cluster."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import pytest
from conftest import ARTICLE

from tui.cli import main

PLACES = ["Dover", "Hull", "Leeds", "Paris", "Rome", "Oslo", "Lima"]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    root.mkdir()
    for n, place in enumerate(PLACES):
        (root / f"{n}.txt").write_text(ARTICLE.replace("Dover", place), encoding="utf-8")
    (root / "3.txt").write_bytes(b"\x7fELF binary")
    return root


def test_without_the_extra_dask_says_how_to_install(archive: Path, capsys, monkeypatch):
    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    assert main(["analyze", str(archive), "--engine", "dask"]) == 1
    assert capsys.readouterr().err == (
        "closeread: --engine dask needs Dask, which is not installed: "
        "pip install 'closeread[dask]'\n"
    )


def test_a_dask_cluster_gives_the_bytes_of_one_process(archive: Path, capsysbinary):
    pytest.importorskip("distributed", reason="the dask extra is not installed (closeread[dask])")
    from distributed import LocalCluster

    assert main(["analyze", str(archive), "--json", "-j", "1"]) == 1
    expected = capsysbinary.readouterr()
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        args = ["analyze", str(archive), "--json", "--engine", "dask", "-j", "2"]
        assert main([*args, "--scheduler", cluster.scheduler_address]) == 1
    got = capsysbinary.readouterr()
    assert got.out == expected.out
    assert got.err == expected.err
    records = [json.loads(line) for line in got.out.splitlines()]
    assert [Path(r["path"]).name for r in records] == [f"{n}.txt" for n in range(len(PLACES))]
    assert "error" in records[3]


def test_the_engine_runs_a_local_cluster_of_its_own(archive: Path):
    pytest.importorskip("distributed", reason="the dask extra is not installed (closeread[dask])")
    from tui.batch import engines, inputs
    from tui.batch.work import Settings

    spec = inputs.Spec(paths=(str(archive),))
    serial = list(engines.serial(inputs.items(spec), Settings()))
    on_dask = list(engines.dask(inputs.items(spec), Settings(), 2, chunk=2, processes=False))
    assert on_dask == serial
