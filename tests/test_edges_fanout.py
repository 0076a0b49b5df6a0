"""Boundaries of engine/fanout.fan_out (issue 20, round-3 survivor 023): the articles go to a process pool
when two or more workers are asked for and at least PARALLEL_MIN items are left; one worker, or one item
fewer, runs them here. The pool and the per-chunk work are stand-ins recording what they were given."""
import pytest

from presslens.engine import fanout


class _Pool:
    made: list[int] = []

    def __init__(self, max_workers):
        _Pool.made.append(max_workers)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def map(self, fn, *its):
        return map(fn, *its)


@pytest.fixture
def pool(monkeypatch):
    monkeypatch.delenv("PRESSLENS_SCHEDULER", raising=False)
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    monkeypatch.setattr(fanout, "ProcessPoolExecutor", _Pool)
    monkeypatch.setattr(fanout, "run_chunk", lambda items, rules, budget=None: [{"id": i[0]} for i in items])
    _Pool.made = []
    return _Pool


@pytest.mark.parametrize("workers, n, pooled", [
    (2, fanout.PARALLEL_MIN, True),       # two workers, exactly the minimum: a pool of two
    (2, fanout.PARALLEL_MIN - 1, False),  # one item short of the minimum: here
    (1, fanout.PARALLEL_MIN * 3, False),  # one worker: here, however many items
    (3, fanout.PARALLEL_MIN + 1, True),
])
def test_fan_out_pool_at_two_workers_and_the_minimum(pool, workers, n, pooled):
    items = [(f"harbour-{i}",) for i in range(n)]
    got = fanout.fan_out(items, [], workers=workers)
    assert [r["id"] for r in got] == [f"harbour-{i}" for i in range(n)]  # every item once, in order
    assert pool.made == ([workers] if pooled else [])


def test_chunks_of_32_and_their_budget_shares(pool, monkeypatch):
    got = []
    monkeypatch.setattr(fanout, "run_chunk", lambda items, rules, budget=None: got.append((len(items), budget)) or [])
    monkeypatch.setattr(fanout.patterns, "default_budget", lambda: 65.0)
    assert fanout.CHUNK == 32
    fanout.fan_out([(str(i),) for i in range(65)], [], workers=1)
    assert got == [(32, 32.0), (32, 32.0), (1, 1.0)]  # the story's budget shared by size
    got.clear()
    fanout.fan_out([(str(i),) for i in range(32)], [], workers=1)
    assert got == [(32, 65.0)]
    got.clear()
    assert fanout.fan_out([], [], workers=4) == [] and got == [] and pool.made == []


def test_is_result_shape():
    ok = {"sentences": [], "tokens": [], "removed": [], "clean": "Harbour.", "language": ("en",) * 6, "tone": None}
    assert fanout._is_result(ok)
    assert not fanout._is_result({**ok, "language": ("en",) * 5})
    assert not fanout._is_result({**ok, "language": ("en",) * 7})
    assert not fanout._is_result({**ok, "extra": 1})
    assert not fanout._is_result({k: v for k, v in ok.items() if k != "tone"})
    assert not fanout._is_result({**ok, "tokens": ()}) and not fanout._is_result({**ok, "clean": None})
    assert fanout._is_templates({}) and fanout._is_templates({"h1": frozenset({"Subscribe"})})
    assert not fanout._is_templates({"h1": {"Subscribe"}}) and not fanout._is_templates([])


def test_a_scheduler_address_that_is_none_is_said_once(monkeypatch, capsys):
    monkeypatch.setattr(fanout, "_WARNED", set())
    monkeypatch.setenv("PRESSLENS_SCHEDULER", "harbour scheduler please")
    assert fanout._dask_client("harbour scheduler please") is None
    err = capsys.readouterr().err
    assert "'harbour scheduler please' (PRESSLENS_SCHEDULER) cannot be used (not an address such as tcp://HOST:8786)" in err
    assert fanout._dask_client("harbour scheduler please") is None
    assert capsys.readouterr().err == ""
