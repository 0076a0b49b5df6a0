"""The leave-one-story-out estimate of name discovery, on hand-made outcome tables."""
import pandas as pd

from presslens.evaluation import names_loso


def _rows(*spec):
    return pd.DataFrame([{"story": s, "rule": r, "outcome": o, "item": f"{s}-{i}"} for i, (s, r, o) in enumerate(spec)])


def test_a_rule_right_in_one_story_only_is_dropped_when_that_story_is_held_out():
    rows = _rows(("a", "spacing", "tp"), ("b", "spacing", "tp"), ("c", "spacing", "tp"),
                 ("a", "lucky", "tp"), ("a", "lucky", "tp"),          # right in story a only
                 ("a", "noisy", "fp"), ("b", "noisy", "tp"), ("b", "noisy", "fp"), ("c", "noisy", "tp"),
                 ("c", "noisy", "fp"), ("a", None, "fn"))
    assert names_loso.kept_rules(rows, "a") == {"spacing", "noisy"}    # noisy: 2 of 4 right on b and c
    assert names_loso.kept_rules(rows, "b") == {"spacing", "lucky"}    # noisy: 1 of 3 right on a and c
    t = names_loso.held_out(rows).set_index("story")
    assert t.loc["a"].tolist() == [1, 1, 3]  # lucky's two true proposals become misses; noisy's fp stays
    assert t.loc["b"].tolist() == [1, 0, 1]  # noisy dropped: its fp goes, its tp becomes a miss
    assert t.loc["c"].tolist() == [1, 0, 1]
    assert t.loc["total"].tolist() == [3, 1, 5]
    assert names_loso.rule_table(rows).loc["lucky", "a"] == "2/0"
    assert round(names_loso.f1(3, 1, 5), 3) == 0.5
