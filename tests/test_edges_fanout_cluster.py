"""Boundary pass (issue 20, session 13, 20w): engine/fanout._on_cluster with a stand-in Dask client and a
stand-in clock (each sleep one second): the scheduler is asked for its workers every _POLL (2) seconds with
nothing finished, and the work comes back here after WORKER_TIMEOUT (10) idle seconds without a worker."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from presslens.engine import fanout


class _Future:
    def __init__(self, key, ready, value):
        self.key, self.ready, self.value = key, ready, value

    def done(self):
        return self.ready

    def result(self):
        return self.value


class _Client:
    def __init__(self, ready, workers=(), join=True):
        self.ready, self.workers, self.join = ready, list(workers), join
        self.looks = 0
        self.cancelled = None

    def wait_for_workers(self, n, timeout):
        if not self.join:
            raise TimeoutError("no worker")

    def map(self, fn, chunks, rules, shares, pure):
        return [_Future(f"k{i}", i in self.ready, [f"done {c[0]}"]) for i, c in enumerate(chunks)]

    def scheduler_info(self):
        n = self.workers[self.looks] if self.looks < len(self.workers) else 0
        self.looks += 1
        return {"workers": {f"w{j}": {} for j in range(n)}}

    def cancel(self, futures):
        self.cancelled = [f.key for f in futures]


@pytest.fixture
def clock(monkeypatch):
    now = [0.0]

    def sleep(_):
        now[0] += 1.0
        if now[0] > 100:  # a loop that never hands the work back fails here instead of hanging
            raise AssertionError("still waiting after 100 s")

    monkeypatch.setattr(fanout, "time", SimpleNamespace(monotonic=lambda: now[0], sleep=sleep))
    monkeypatch.setattr(fanout, "_WARNED", set())
    return now


def test_finished_chunks_fill_their_parts(clock):
    parts = [None, None]
    fanout._on_cluster(_Client(ready={0, 1}), "tcp://harbour:8786", [["a1"], ["a2"]], [], [1.0, 1.0], parts)
    assert parts == [["done a1"], ["done a2"]]


def test_no_worker_joining_is_said_and_leaves_the_parts(clock, capsys):
    parts = [None]
    fanout._on_cluster(_Client(ready={0}, join=False), "tcp://harbour:8786", [["a1"]], [], [1.0], parts)
    assert parts == [None]
    assert "no worker has joined it within 10 s" in capsys.readouterr().err


def test_workers_gone_ten_seconds_hand_the_work_back(clock, capsys):
    c = _Client(ready={0})
    parts = [None, None]
    fanout._on_cluster(c, "tcp://harbour:8786", [["a1"], ["a2", "a3"]], [], [1.0, 1.0], parts)
    assert parts == [["done a1"], None]
    # looks at 2, 4, 6, 8, 10 s with nothing finished and no worker: idle reaches 10 at the fifth
    assert c.looks == 5 and clock[0] == 10.0
    assert c.cancelled == ["k1"]
    assert "none has come back within 10 s; 2 article(s) left to do" in capsys.readouterr().err


def test_a_worker_seen_resets_the_idle_time(clock):
    c = _Client(ready=set(), workers=[0, 0, 1])  # a worker at the third look (6 s): idle from 0 again
    fanout._on_cluster(c, "tcp://harbour:8786", [["a1"]], [], [1.0], [None])
    assert c.looks == 8 and clock[0] == 16.0  # 8, 10, 12, 14, 16 s without one
