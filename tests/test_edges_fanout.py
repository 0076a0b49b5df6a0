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
