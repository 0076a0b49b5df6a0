"""The one bootstrap: 95% percentile intervals, seeded per group."""
import numpy as np
import pytest

from presslens import load_story, stats
from presslens.analyses import tone
from presslens.analyses.wordchoice import lexicon, matching

from .conftest import BUNDLED


def test_interval_is_the_95_percent_one():
    # the mean of 400 draws from N(0, 1): the 95% interval's width is 2 x 1.96 / sqrt(400) = 0.196;
    # a 90% interval would be 0.164 (-16%), a 99% one 0.258 (+31%)
    v = np.random.default_rng(7).standard_normal(400)
    lo, hi = stats.mean_ci(v, 4000, stats.group_rng(0, "x"))
    assert hi - lo == pytest.approx(2 * 1.96 * v.std(ddof=0) / 20, rel=0.06)
    assert lo < v.mean() < hi
    lo90, hi90 = stats.mean_ci(v, 4000, stats.group_rng(0, "x"), level=0.90)
    assert (hi90 - lo90) / (hi - lo) == pytest.approx(1.645 / 1.96, rel=0.06)


def test_ratio_interval_by_hand_degenerate_cases():
    lo, hi = stats.ratio_ci(np.array([[1.0], [1.0]]), np.array([[2.0], [2.0]]), 200, stats.group_rng(0))
    assert (lo[0], hi[0]) == (0.5, 0.5)  # every resample gives 2/4
    lo, hi = stats.ratio_ci(np.zeros((0, 1)), np.zeros((0, 1)), 200, stats.group_rng(0))
    assert np.isnan(lo[0]) and np.isnan(hi[0])
    assert stats.mean_ci([0.3], 100, stats.group_rng(0)) == (0.3, 0.3)


@pytest.fixture(scope="module")
def story():
    return load_story(BUNDLED)


def test_an_outlets_rate_interval_does_not_depend_on_the_other_outlets(story):
    lex = lexicon.lexicon_for(story)
    key = ["outlet", "category", "voice"]
    full = matching.rates(story, lex, n_boot=500, seed=3).set_index(key)
    alone = matching.rates(story.subset(["New York Post"]), lex, n_boot=500, seed=3).set_index(key)
    both = full.loc[alone.index, ["ci_low", "ci_high"]]
    assert np.allclose(both.to_numpy(), alone[["ci_low", "ci_high"]].to_numpy(), equal_nan=True)
    sec = ("New York Post", "secrecy_concealment", "all")
    assert alone.loc[sec, "ci_high"] > alone.loc[sec, "ci_low"]  # a real interval, not a degenerate one


def test_an_outlets_tone_interval_does_not_depend_on_the_other_outlets(story):
    full = tone.outlet_tone(story, n_boot=500, seed=3).set_index("outlet")
    alone = tone.outlet_tone(story.subset(["ticker.tv"]), n_boot=500, seed=3).set_index("outlet")
    assert full.loc["ticker.tv", ["ci_low", "ci_high"]].tolist() == alone.loc["ticker.tv", ["ci_low", "ci_high"]].tolist()


def test_cluster_ci_draws_a_clusters_whole_size_for_each_draw():
    # outlet a: one article of 0; outlet b: nine articles of 1. Two draws of outlets: {a, a} -> 0,
    # {a, b} -> 9 of b's rows against 1 of a's -> 0.9, {b, b} -> 1; half the resamples are 0.9, so the
    # 30th and 70th percentiles are both 0.9. Drawing one row per drawn outlet would make {a, b} 0.5.
    H = np.r_[0.0, np.ones(9)]
    lo, hi = stats.cluster_ci(H, np.ones(10), ["a"] + ["b"] * 9, 4000, np.random.default_rng(0), level=0.4)
    assert (lo[0], hi[0]) == (pytest.approx(0.9), pytest.approx(0.9))
