"""The per-article measures' fan-out (presslens.engine.perarticle.fan_out): the articles left to compute
run in chunks on forked worker processes, and every table is the one computed in this process."""
import os

import pandas as pd
import pytest

from presslens import load_story
from presslens.analyses.quotes import extract
from presslens.engine import perarticle, store

from .conftest import BUNDLED
from .test_perarticle import MEASURES, _fresh

fork_only = pytest.mark.skipif(perarticle.workers() < 2, reason="needs fork and two cores")


def _serial(measure, folder, monkeypatch):
    _fresh(monkeypatch, folder)
    monkeypatch.setattr(perarticle, "PARALLEL_MIN", 10**9)
    out = MEASURES[measure](load_story(BUNDLED))
    monkeypatch.setattr(perarticle, "PARALLEL_MIN", 2)
    return out


@fork_only
@pytest.mark.parametrize("measure", sorted(MEASURES))
def test_fanned_out_measures_equal_the_ones_computed_here(measure, tmp_path, monkeypatch):
    here = _serial(measure, tmp_path / "serial", monkeypatch)
    _fresh(monkeypatch, tmp_path / "fanned")
    st = load_story(BUNDLED)
    with perarticle.parallel():
        fanned = MEASURES[measure](st)
    assert sorted(perarticle.computed[measure]) == sorted(st.articles["id"])
    pd.testing.assert_frame_equal(fanned, here)
    # and read back from the cache the workers' rows were stored in
    store.clear_memory()
    perarticle.computed.clear()
    pd.testing.assert_frame_equal(MEASURES[measure](load_story(BUNDLED)), here)
    assert measure not in perarticle.computed


@fork_only
def test_a_cold_gate_extracts_quotes_in_workers_not_in_this_process(tmp_path, monkeypatch):
    """The gate (claims.hits reads every article's quotes) on an empty cache: each article's quotes
    are extracted once, all of them in other processes, none in the notebook's or the runner's."""
    _fresh(monkeypatch, tmp_path / "cache")
    monkeypatch.setattr(perarticle, "PARALLEL_MIN", 2)
    log = tmp_path / "pids.txt"
    real = extract.extract_article

    def recorded(aid, *args, **kwargs):
        with open(log, "a") as f:  # a worker's memory is its own: the file is what comes back
            f.write(f"{os.getpid()} {aid}\n")
        return real(aid, *args, **kwargs)

    monkeypatch.setattr(extract, "extract_article", recorded)
    from presslens.notebook.gate import check_story
    st, _ = check_story(BUNDLED)
    rows = [line.split() for line in log.read_text().splitlines()]
    assert sorted(aid for _, aid in rows) == sorted(st.articles["id"])  # each article once
    assert str(os.getpid()) not in {pid for pid, _ in rows}
    assert len({pid for pid, _ in rows}) >= 2  # on more than one worker


def test_outside_parallel_a_notebook_computes_here(tmp_path, monkeypatch):
    """A notebook's kernel shares the cores with another notebook: no workers there."""
    _fresh(monkeypatch, tmp_path / "cache")
    monkeypatch.setattr(perarticle, "PARALLEL_MIN", 1)
    pids = []
    real = extract.extract_article
    monkeypatch.setattr(extract, "extract_article", lambda *a, **k: pids.append(os.getpid()) or real(*a, **k))
    extract.quotes(load_story(BUNDLED))  # a worker's appends would not come back: all of them here
    assert pids and set(pids) == {os.getpid()}


def test_few_articles_or_one_worker_compute_here(monkeypatch):
    calls = []

    def compute(ids):
        calls.append((os.getpid(), list(ids)))
        return {i: [i] for i in ids}

    ids = [f"a{i}" for i in range(5)]
    monkeypatch.setattr(perarticle, "PARALLEL_MIN", 6)  # 5 articles: under the threshold
    with perarticle.parallel():
        assert perarticle.fan_out(compute, ids) == {i: [i] for i in ids}
    monkeypatch.setattr(perarticle, "PARALLEL_MIN", 1)
    monkeypatch.setattr(perarticle, "workers", lambda: 1)  # no fork (or one core): here, at once
    with perarticle.parallel():
        assert perarticle.fan_out(compute, ids) == {i: [i] for i in ids}
    assert calls == [(os.getpid(), ids)] * 2
