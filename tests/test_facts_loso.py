"""The leave-one-story-out estimate of fact discovery's thresholds, on hand-made count tables."""
import pandas as pd
import pytest

from presslens.errors import ParameterError
from presslens.evaluation import adapter, facts_loso


def _counts(spec: dict) -> pd.DataFrame:
    return pd.DataFrame([{"setting": s, "story": st, "matched": m, "claims": 10}
                         for s, per in spec.items() for st, m in per.items()])


def test_a_setting_fitted_to_one_story_scores_less_held_out_than_in_sample():
    counts = _counts({"A=1": {"a": 5, "b": 5, "c": 5},
                      "A=2": {"a": 9, "b": 4, "c": 4}})    # the package's value: best in sample (17 vs 15), by story a
    h = facts_loso.held_out(counts, current="A=2").set_index("story")
    assert h.loc["a", "setting"] == "A=1" and h.loc["a", "matched"] == 5    # on b and c, A=1 wins (10 vs 8)
    assert h.loc["b", "setting"] == "A=2" and h.loc["b", "matched"] == 4    # on a and c, A=2 wins (13 vs 10)
    assert h.loc["c", "setting"] == "A=2" and h.loc["c", "matched"] == 4
    assert h["matched"].sum() == 13 and h["in_sample_matched"].sum() == 17


def test_ties_keep_the_packages_own_value():
    counts = _counts({"A=1": {"a": 5, "b": 5}, "A=2": {"a": 5, "b": 5}})
    assert set(facts_loso.held_out(counts, current="A=2")["setting"]) == {"A=2"}
    assert set(facts_loso.held_out(counts, current=None)["setting"]) == {"A=1"}


def test_grid_and_unknown_threshold():
    assert facts_loso.grid(["CORE_IDF=3.5,4", "WINDOWS=,sentence"]) == [
        {"CORE_IDF": 3.5, "WINDOWS": ""}, {"CORE_IDF": 3.5, "WINDOWS": "sentence"},
        {"CORE_IDF": 4, "WINDOWS": ""}, {"CORE_IDF": 4, "WINDOWS": "sentence"}]
    with pytest.raises(ParameterError, match="CORE_IDFF.*grouping.py"):
        adapter.fact_members("data/eval/otis-acapulco-2023", {"CORE_IDFF": 4})
