"""Keyness: Monroe, Colaresi & Quinn (2008) log-odds with an informative Dirichlet prior."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from presslens import data, load_story
from presslens.analyses import keyness
from presslens.engine import tables

STORY = "data/stories/bytedance-openai-2023"


def token_table(groups: dict[str, list[str]], quoted: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """A bare token table: outlet -> words (narration), plus optional quoted words."""
    rows = []
    for outlet, words in groups.items():
        rows += [(outlet, w, False) for w in words]
        rows += [(outlet, w, True) for w in (quoted or {}).get(outlet, [])]
    return pd.DataFrame(rows, columns=["outlet", "token", "in_quote"])


def test_log_odds_by_hand():
    # counts a = [3, 1], b = [1, 3], prior alpha = [1, 1]; n_a = n_b = 4, a0 = 2.
    # word 0: delta = log((3+1)/(4+2-3-1)) - log((1+1)/(4+2-1-1)) = log(4/2) - log(2/4) = 2 log 2 = 1.386294
    #         var   = 1/(3+1) + 1/(1+1) = 0.25 + 0.5 = 0.75;  z = 1.386294 / sqrt(0.75) = 1.600755
    # word 1 is the mirror image: delta = -1.386294, z = -1.600755.
    r = keyness.log_odds_dirichlet(pd.Series([3, 1], index=["w0", "w1"]), pd.Series([1, 3], index=["w0", "w1"]),
                              pd.Series([1.0, 1.0], index=["w0", "w1"]))
    assert r.loc["w0", "delta"] == pytest.approx(2 * math.log(2))
    assert r.loc["w0", "var"] == pytest.approx(0.75)
    assert r.loc["w0", "z"] == pytest.approx(1.600755, abs=1e-6)
    assert r.loc["w1", "z"] == pytest.approx(-1.600755, abs=1e-6)
    assert r.loc["w0", "se"] == pytest.approx(math.sqrt(0.75))
    # plain sequences work too; a zero prior is refused
    assert keyness.log_odds_dirichlet([3, 1], [1, 3], [1, 1])["z"].iloc[0] == pytest.approx(1.600755, abs=1e-6)
    with pytest.raises(ValueError, match="> 0"):
        keyness.log_odds_dirichlet([3, 1], [1, 3], [1, 0])


def test_keyness_by_hand_with_min_count_and_stopwords():
    # A: alpha x3, beta x1, gamma x1 (+ "the", "2023" dropped as stop word / number)
    # B: alpha x1, beta x3
    # corpus counts: alpha 4, beta 4, gamma 1; prior_scale 1 -> alpha_w = (4, 4, 1), a0 = 9
    # n_A = 5, n_B = 4.
    # A, alpha: delta = log((3+4)/(5+9-3-4)) - log((1+4)/(4+9-1-4)) = log(7/7) - log(5/8) = 0.470004
    #           var = 1/(3+4) + 1/(1+4) = 0.342857;  z = 0.470004 / 0.585540 = 0.802684
    # A, beta:  delta = log((1+4)/(5+9-1-4)) - log((3+4)/(4+9-3-4)) = log(5/9) - log(7/6) = -0.741937
    #           var = 1/5 + 1/7 = 0.342857;  z = -0.741937 / 0.585540 = -1.267099
    # gamma (corpus count 1 < min_count 3) counts in n_A and a0 but is not reported.
    toks = token_table({"A": ["alpha"] * 3 + ["beta", "gamma", "the", "2023"], "B": ["alpha", "beta", "beta", "beta"]})
    k = keyness.keyness(toks, min_count=3, prior_scale=1.0)
    assert set(k["term"]) == {"alpha", "beta"}
    a = k[k["outlet"] == "A"].set_index("term")
    assert a.loc["alpha", "delta"] == pytest.approx(math.log(7 / 7) - math.log(5 / 8))
    assert a.loc["alpha", "z"] == pytest.approx(0.802684, abs=1e-6)
    assert a.loc["beta", "delta"] == pytest.approx(math.log(5 / 9) - math.log(7 / 6))
    assert a.loc["beta", "z"] == pytest.approx(-1.267099, abs=1e-6)
    assert (a.loc["alpha", "count_outlet"], a.loc["alpha", "count_rest"]) == (3, 1)
    assert a.loc["alpha", "rate_outlet"] == pytest.approx(1000 * 3 / 5)
    # sorted by outlet (first seen), then z descending
    assert list(k["outlet"]) == ["A", "A", "B", "B"] and list(k["term"][:2]) == ["alpha", "beta"]
    assert list(k.columns[:2]) == ["outlet", "term"] and {"count_outlet", "count_rest", "delta", "se", "z"} <= set(k.columns)
    # without stop-word and number filtering, "the" and "2023" are counted
    k2 = keyness.keyness(toks, min_count=1, stopwords=False, drop_numbers=False)
    assert {"the", "2023", "gamma"} <= set(k2["term"])


def test_keyness_voice_selects_tokens():
    toks = token_table({"A": ["alpha"] * 3, "B": ["beta"] * 3}, quoted={"A": ["gamma"] * 3, "B": ["delta"] * 3})
    assert set(keyness.keyness(toks, voice="narration")["term"]) == {"alpha", "beta"}
    assert set(keyness.keyness(toks, voice="quote")["term"]) == {"gamma", "delta"}
    assert set(keyness.keyness(toks, voice="all")["term"]) == {"alpha", "beta", "gamma", "delta"}
    with pytest.raises(ValueError, match="voice"):
        keyness.keyness(toks, voice="quotes")
    with pytest.raises(ValueError, match="at least two outlets"):
        keyness.keyness(token_table({"A": ["alpha"] * 3}))


def test_keyness_matches_the_formula_on_the_bundled_story():
    story = load_story(STORY)
    k = keyness.keyness(story, min_count=3)
    assert list(k["outlet"].unique()) == story.outlets
    tok = keyness.counted_tokens(tables.process(story).tokens, voice="narration")
    counts = pd.crosstab(tok["token"], tok["outlet"])
    total = counts.sum(axis=1)
    # New York Post's own narration says "reportedly" six times; no other outlet does.
    nyp = k[k["outlet"] == "New York Post"].set_index("term")
    assert (nyp.loc["reportedly", "count_outlet"], nyp.loc["reportedly", "count_rest"]) == (6, 0)
    # by hand, with the corpus counts as the prior (a_w = 6, a_0 = sum of all counted tokens):
    # delta = log((6+6)/(n_nyp+a0-12)) - log((0+6)/(n_rest+a0-6)); var = 1/(6+6) + 1/(0+6)
    n_nyp, n_rest, a0 = counts["New York Post"].sum(), total.sum() - counts["New York Post"].sum(), total.sum()
    delta = np.log(12 / (n_nyp + a0 - 12)) - np.log(6 / (n_rest + a0 - 6))
    assert nyp.loc["reportedly", "z"] == pytest.approx(delta / np.sqrt(1 / 12 + 1 / 6), rel=1e-9)
    assert nyp["z"].idxmax() in {"reportedly", "told", "tiktok"}
    # no stop words, no numbers, no rare words
    assert not set(k["term"]) & data.STOPWORDS
    assert not k["term"].str.fullmatch(r"\d+").any()
    assert (k["count_outlet"] + k["count_rest"] >= 3).all()
    # each outlet's rows are sorted by z, highest first
    for _, g in k.groupby("outlet"):
        assert (np.diff(g["z"].to_numpy()) <= 1e-12).all()


def test_top():
    toks = token_table({"A": ["alpha"] * 5 + ["beta"] * 2 + ["gamma"] * 3, "B": ["beta"] * 5 + ["gamma"] * 3 + ["alpha"]})
    k = keyness.keyness(toks, min_count=1)
    t = keyness.top(k, n=1, side="both")
    assert list(zip(t["outlet"], t["side"], t["term"])) == [("A", "over", "alpha"), ("A", "under", "beta"),
                                                          ("B", "over", "beta"), ("B", "under", "alpha")]
    assert list(keyness.top(k, n=1)["term"]) == ["alpha", "beta"]
