"""The held-out check of the paraphrase chain threshold (presslens.evaluation.paraphrase_loso) on a crafted table."""
import pandas as pd

from presslens.evaluation.paraphrase_loso import ROW_COLS, held_out, threshold


def _rows():
    return pd.DataFrame([
        ("harbour", "a", "b", "common_wire", 6), ("harbour", "a", "c", "unrelated", 4),
        ("quay", "d", "e", "reworded_copy", 5), ("quay", "d", "f", "shared_quote_only", 2),
        ("ferry", "g", "h", "unrelated", 5), ("ferry", "g", "i", "copy", 0),
    ], columns=ROW_COLS)


def test_the_threshold_is_one_over_the_longest_chain_of_a_pair_without_reuse():
    r = _rows()
    assert threshold(r) == 6
    assert threshold(r[r["story"] != "ferry"]) == 5
    assert threshold(r[r["relation"] == "copy"]) == 1  # nothing to stay under


def test_each_story_is_scored_with_the_threshold_of_the_others():
    t = held_out(_rows()).set_index("story")
    # harbour: others' negatives reach 5 and 2 -> 6; its common wire (6) found, its unrelated (4) not called
    assert t.loc["harbour", ["threshold", "tp", "fp", "fn"]].tolist() == [6, 1, 0, 0]
    # quay: 6 again; its reworded copy (5) missed
    assert t.loc["quay", ["threshold", "tp", "fp", "fn"]].tolist() == [6, 0, 0, 1]
    # ferry: the others' negatives reach 4 -> 5: its unrelated pair of 5 is a false call, its copy (0) missed
    assert t.loc["ferry", ["threshold", "tp", "fp", "fn"]].tolist() == [5, 0, 1, 1]
