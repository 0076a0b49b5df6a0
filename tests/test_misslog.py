"""PRESSLENS_CACHE_LOG: every lookup of a cached product says whether it was computed, and at what CPU cost."""
import json
import time

from presslens.engine import memo, misslog


def _busy(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


@memo.story_table
def _inner(n: int) -> list:
    _busy(0.05)
    return [n]


@memo.story_table
def _outer(n: int) -> list:
    _busy(0.05)
    return _inner(n) + [n]


def _lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_miss_then_a_hit_each_logged_with_its_own_cpu(tmp_path, monkeypatch):
    log = tmp_path / "misses.jsonl"
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv(misslog.ENV, str(log))
    monkeypatch.setenv("PRESSLENS_FIGURES_STAGING", str(tmp_path / "staging" / "07-harbour"))
    assert _outer(3) == [3, 3]
    assert _outer(3) == [3, 3]  # read from the cache: the inner product is not even looked up
    rows = _lines(log)
    assert [(r["event"], r["product"].rsplit(".", 1)[-1]) for r in rows] == [
        ("miss", "_inner"), ("miss", "_outer"), ("hit", "_outer")]
    inner, outer, hit = rows
    assert inner["notebook"] == outer["notebook"] == "07-harbour"
    assert inner["cpu"] >= 0.04 and outer["cpu"] >= 0.09  # the outer product's time holds the inner one's
    assert abs(outer["self"] - (outer["cpu"] - inner["cpu"])) < 0.01  # and its own time does not
    assert hit["cpu"] < 0.04


def test_nothing_is_written_without_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv(misslog.ENV, raising=False)
    assert _outer(4) == [4, 4]
    assert [p for p in tmp_path.rglob("*") if p.is_file() and "cache" not in p.parts] == []
