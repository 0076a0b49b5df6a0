"""Story-level results cached on disk: keyed by everything they depend on, never stale."""
import dataclasses

import pandas as pd

from presslens import load_story
from presslens.analyses import tone
from presslens.analyses.naming import names
from presslens.engine import memo

from .conftest import BUNDLED


def _results(tmp_path):
    return sorted((tmp_path / "cache" / "results").rglob("*.pkl"))


def test_a_second_call_reads_the_cache_and_gives_the_same_table(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story(BUNDLED)
    first = tone.extremes(st, n=2)
    files = _results(tmp_path)
    assert len(files) == 1
    again = tone.extremes(load_story(BUNDLED), n=2)  # a new Story object: same key
    assert _results(tmp_path) == files
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(first, tone.extremes.uncached(st, n=2))


def test_the_key_follows_the_story_in_memory_not_only_its_files(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story(BUNDLED)
    full = names.ledger(st)
    # the same files, but an actor's renderings dropped in memory: a new key, a new table
    actors = [dataclasses.replace(a, renderings=()) if a.name == "Doubao" else a for a in st.actors]
    edited = names.ledger(dataclasses.replace(st, actors=actors))
    assert "Duobao" in set(full["form"]) and "Duobao" not in set(edited["form"])
    # a subset of outlets: a new key
    nyp = names.ledger(st.subset(["New York Post"]))
    assert set(nyp["outlet"]) == {"New York Post"}
    # other arguments are part of the key
    a = tone.actor_tone(st, n_boot=100, seed=1)
    b = tone.actor_tone(st, n_boot=100, seed=2)
    assert not a[["ci_low"]].fillna(9).equals(b[["ci_low"]].fillna(9))
    # ledger and its mentions for each of the three stories, actor tone for each seed
    assert len(_results(tmp_path)) == 3 * 2 + 2


def test_a_corrupt_entry_is_recomputed_and_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    st = load_story(BUNDLED)
    first = tone.extremes(st)
    (path,) = _results(tmp_path)
    path.write_bytes(b"garbage")
    pd.testing.assert_frame_equal(tone.extremes(st), first)
    monkeypatch.setenv("PRESSLENS_NO_RESULT_CACHE", "1")
    path.unlink()
    tone.extremes(st)
    assert _results(tmp_path) == []


def test_an_argument_without_a_stable_repr_is_computed_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    calls = []

    @memo.story_table
    def f(x):
        calls.append(x)
        return len(calls)

    assert f(object()) == 1 and f(object()) == 2  # "<object at 0x...>": never keyed
    assert f("same") == 3 and f("same") == 3  # a plain value is
