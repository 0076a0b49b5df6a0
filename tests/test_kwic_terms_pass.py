"""kwic_terms matches every focus term in one pass over the tokens (one lexicon category per term),
and gives the lines that kwic of each term alone gives, overlapping terms included."""
import pandas as pd

from presslens import load_story
from presslens.analyses.wordchoice import concordance, matching
from presslens.engine import store

from .conftest import BUNDLED
from .test_perarticle import _fresh

TERMS = ["secret*", "secretly", "cut corners", "corners", "minimal", "no such word here"]


def test_focus_terms_in_one_pass_equal_each_term_alone(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path / "c")
    monkeypatch.setenv("PRESSLENS_NO_RESULT_CACHE", "1")
    st = load_story(BUNDLED)
    calls = []
    real = matching.hits_in
    monkeypatch.setattr(matching, "hits_in", lambda *a, **k: calls.append(1) or real(*a, **k))
    got = concordance.kwic_terms(st, TERMS)
    assert len(calls) == 1                                   # one pass for six terms
    store.clear_memory()
    alone = [concordance.kwic(st, t).assign(term=t) for t in TERMS]
    want = pd.concat(alone, ignore_index=True)
    want = want[["term"] + [c for c in want.columns if c != "term"]]
    pd.testing.assert_frame_equal(got, want)
    assert set(got["term"]) >= {"secret*", "secretly"}          # overlapping terms each keep their lines
    assert (got["term"] == "secret*").sum() >= (got["term"] == "secretly").sum()
