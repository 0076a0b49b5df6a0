"""Defaults of analyses/groups (issue 20, round-3 survivor 006): group measures and voice shares draw 1000
bootstrap resamples unless told otherwise (the intervals a notebook prints come from the default run). The
fixture tests/fixtures/groups-story (invented Harbour/Valley outlets, see test_groups)."""
import inspect
from pathlib import Path

import pandas as pd
import pytest

from presslens.analyses import groups
from presslens.story.load import load_story

FIXTURE = Path(__file__).parent / "fixtures" / "groups-story"


@pytest.fixture(scope="module")
def story():
    return load_story(FIXTURE)


def test_defaults_are_1000_resamples_seed_0():
    for fn in (groups.measures, groups.voice_shares):
        p = inspect.signature(fn).parameters
        assert (p["n_boot"].default, p["seed"].default) == (1000, 0)
    assert inspect.signature(groups.voice_shares).parameters["top"].default == 8


def test_default_run_draws_1000_resamples(story, tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))  # computed here, not read from a cache
    drawn = []
    real = groups.stats.cluster_ci

    def counted(H, W, clusters, n_boot, rng, *a, **k):
        drawn.append(n_boot)
        return real(H, W, clusters, n_boot, rng, *a, **k)

    monkeypatch.setattr(groups.stats, "cluster_ci", counted)
    got = groups.measures(story, None)
    assert drawn and set(drawn) == {1000}
    drawn.clear()
    pd.testing.assert_frame_equal(got, groups.measures(story, None, n_boot=1000, seed=0))
    groups.voice_shares(story, None)
    assert drawn and set(drawn) == {1000}
