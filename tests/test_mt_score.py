"""Issue 26: the learned machine-translation score (presslens.analyses.naming.mtscore), its numpy logistic
regression (presslens.stats) and its held-out estimate (presslens.evaluation.loso.learned_held_out), on crafted
rows of a made-up Harbour story."""
import math

import numpy as np
import pandas as pd
import pytest

from presslens import stats
from presslens.analyses.naming import mtscore
from presslens.analyses.naming.translation import COLUMNS
from presslens.evaluation import loso


def _row(aid, kind, rule, weight, detail="x"):
    return dict(zip(COLUMNS, (aid, "Harbour Gazette", kind, detail, weight, "", weight == 0, 0, "s", rule, "")))


def test_logistic_fit_is_symmetric_deterministic_and_ignores_a_constant_column():
    X = np.array([[0, 1], [1, 1], [2, 1], [3, 1]], dtype=float)
    y = [0, 0, 1, 1]
    coef, b = stats.logistic_fit(X, y, 1.0)
    assert coef[0] > 0 and coef[1] == 0.0
    # the data are symmetric about x = 1.5: the model says 0.5 there
    assert stats.logistic_prob([[1.5, 1.0]], coef, b)[0] == pytest.approx(0.5, abs=1e-9)
    coef2, b2 = stats.logistic_fit(X, y, 1.0)
    assert np.array_equal(coef, coef2) and b == b2


def test_precision_threshold_is_the_lowest_score_holding_the_precision():
    scores, y = [0.1, 0.5, 0.7, 0.9], [0, 1, 0, 1]
    assert stats.precision_threshold(scores, y, 0.9) == 0.9      # 0.7 and under call a human article
    assert stats.precision_threshold(scores, y, 0.6) == 0.5      # two of three called are translations
    assert stats.precision_threshold([0.3, 0.8], [1, 0], 0.9) is None
    assert stats.precision_threshold([0.2, 0.4, 0.6, 0.8], [0, 1, 0, 1], 0.5) == 0.2  # precision exactly 0.5 holds


def test_article_features_are_rates_per_1000_words_by_class():
    ind = pd.DataFrame([_row("a1", "declared", "declared", 0), _row("a1", "MT phrase", "formula X", 2),
                        _row("a1", "glued sentences", "glued sentences", 1),
                        _row("a1", "site template", "English edition address", 1),
                        _row("a1", "translationese", "translationese profile", 2),
                        _row("a1", "rare word", "rare word", 0)], columns=COLUMNS)
    f = mtscore.article_features(ind, {"a1": 200, "a2": 400}).set_index("article_id")
    assert f.loc["a1", "phrase"] == pytest.approx(math.log1p(10.0))   # weight 2 in 200 words: 10 per 1,000
    assert f.loc["a1", "glued"] == pytest.approx(math.log1p(5.0))
    assert f.loc["a1", "rare word"] == pytest.approx(math.log1p(2.5))  # a listed (weight-0) row counts half
    assert f.loc["a1", "edition"] == 1.0 and f.loc["a1", "profile"] == 2.0
    assert bool(f.loc["a1", "declared"]) and bool(f.loc["a1", "tell"])
    assert not bool(f.loc["a2", "tell"]) and f.loc["a2", list(mtscore.FEATURES)].sum() == 0
    # a dropped rule is not counted; a short capture's rate is taken over MIN_WORDS words
    g = mtscore.article_features(ind, {"a1": 20}, drop={"formula X"}).set_index("article_id")
    assert g.loc["a1", "phrase"] == 0 and not bool(g.loc["a1", "tell"])
    assert g.loc["a1", "glued"] == pytest.approx(math.log1p(1000.0 / mtscore.MIN_WORDS))


def test_the_committed_model_matches_the_features_and_scores_a_tell_above_nothing():
    model = mtscore.load_model()
    assert model["features"] == list(mtscore.FEATURES) and 0 < model["threshold"] < 1
    ind = pd.DataFrame([_row("a1", "MT phrase", "formula X", 3), _row("a1", "locale format", "decimal comma", 1)],
                       columns=COLUMNS)
    s = mtscore.learned_scores(ind, {"a1": 250, "a2": 250}).set_index("article_id")["learned"]
    assert 0 < s["a2"] < s["a1"] < 1


def test_learned_held_out_trains_without_the_story_it_scores():
    indicators, labels, words = {}, {}, {}
    for k, story in enumerate(["harbour-a", "harbour-b", "harbour-c"]):
        # two translations with a formula shared across stories (one also with a formula of its own story), and two
        # articles written in English with no signal
        rows = [_row("m0", "MT phrase", "formula shared", 2), _row("m1", "MT phrase", "formula shared", 2),
                _row("m1", "MT phrase", f"formula own {story}", 2)]
        indicators[story] = pd.DataFrame(rows, columns=COLUMNS)
        labels[story] = {"m0": True, "m1": True, "h0": False, "h1": False}
        words[story] = dict.fromkeys(labels[story], 200)
    out = loso.learned_held_out(indicators, labels, words)
    assert out[["tp", "fp", "fn"]].sum().tolist() == [6, 0, 0]
    # a formula of one story only is taken out when that story is held out: here the shared one carries it
    one = {s: i[i["rule"] != "formula shared"].reset_index(drop=True) for s, i in indicators.items()}
    assert loso.learned_held_out(one, labels, words)[["tp", "fp", "fn"]].sum().tolist() == [0, 0, 6]
