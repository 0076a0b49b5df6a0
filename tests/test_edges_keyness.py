"""Boundaries of keyness pinned on both sides (issue 20): a word of exactly min_count kept and one under
dropped, prior_scale 0 refused, two outlets needed, top's n at the table's size, voices. Invented tokens."""
import pandas as pd
import pytest

from presslens.analyses import keyness
from presslens.errors import ParameterError


def toks(rows):
    return pd.DataFrame([{"outlet": o, "token": t, "in_quote": q} for o, t, q in rows])


T = toks([("A", "pier", False), ("A", "pier", False), ("B", "pier", False),       # pier: 3 in all
          ("A", "levy", False), ("B", "levy", False),                              # levy: 2
          ("A", "harbour", True), ("B", "harbour", False), ("B", "harbour", False)])  # one quoted


def test_min_count_keeps_a_word_of_exactly_that_count():
    k = keyness.keyness(T, min_count=3, stopwords=False)
    assert sorted(set(k["term"])) == ["pier"]  # narration: harbour 2, levy 2, pier 3
    k = keyness.keyness(T, min_count=2, stopwords=False)
    assert sorted(set(k["term"])) == ["harbour", "levy", "pier"]
    k = keyness.keyness(T, min_count=3, stopwords=False, voice="all")
    assert sorted(set(k["term"])) == ["harbour", "pier"]  # the quoted harbour counts too


def test_parameters_at_their_edges_are_refused():
    with pytest.raises(ParameterError):
        keyness.keyness(T, prior_scale=0)
    assert len(keyness.keyness(T, prior_scale=1e-9, min_count=1, stopwords=False))
    with pytest.raises(ParameterError):
        keyness.keyness(T[T["outlet"] == "A"], min_count=1, stopwords=False)  # one outlet
    with pytest.raises(ParameterError):
        keyness.counted_tokens(T, voice="headline")
    assert keyness.keyness(T.iloc[:0], min_count=1).empty


def test_counted_tokens_drop_stop_words_and_pure_numbers_only():
    t = toks([("A", "the", False), ("A", "2024", False), ("A", "3.5", False), ("A", "g7", False), ("A", "pier", True)])
    assert keyness.counted_tokens(t, voice="all")["token"].tolist() == ["g7", "pier"]
    assert keyness.counted_tokens(t, voice="quote")["token"].tolist() == ["pier"]
    assert keyness.counted_tokens(t, voice="all", stopwords=["PIER"])["token"].tolist() == ["the", "g7"]
    assert len(keyness.counted_tokens(t, voice="all", stopwords=False, drop_numbers=False)) == 5


def test_top_takes_n_per_outlet_each_side():
    k = keyness.keyness(T, min_count=1, stopwords=False)
    assert len(keyness.top(k, n=3)) == 6  # three words, two outlets
    assert len(keyness.top(k, n=1)) == 2
    both = keyness.top(k, n=1, side="both")
    assert both["side"].tolist() == ["over", "under", "over", "under"] and both["outlet"].tolist() == ["A", "A", "B", "B"]
    a = keyness.top(k, n=1)
    assert a.iloc[0]["z"] == k[k["outlet"] == "A"]["z"].max()
    with pytest.raises(ParameterError):
        keyness.top(k, side="middle")


def test_compare_refuses_prior_scale_zero_too():
    from presslens import load_story
    from tests.conftest import MINI
    st = load_story(MINI)
    outlets = list(dict.fromkeys(st.articles["outlet"]))
    with pytest.raises(ParameterError, match="prior_scale must be > 0, got 0"):
        keyness.compare(st, outlets[0], outlets[1], prior_scale=0)  # seeded round 3, pick 016
