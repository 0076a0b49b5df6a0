"""The held-out check of the story-relative rewrite signal (presslens.evaluation.rewrite_loso) on crafted Harbour data."""
import pandas as pd

from presslens.evaluation.rewrite_loso import ROW_COLS, held_out, order_score, relative, sequences, story_rows

# four articles' narration as content words: "harbour" and "ferry" are in every one (the topic), the others rarer
TEXTS = {
    "a": ["harbour", "ferry", "selby", "star", "pier", "42", "blaze", "noon", "hospital", "smoke"],
    "b": ["ferry", "selby", "star", "pier", "42", "harbour", "blaze", "noon", "hospital", "smoke"],  # a retold
    "c": ["smoke", "hospital", "harbour", "noon", "ferry", "pier", "selby"],  # some of a's facts, its own order
    "d": ["harbour", "ferry", "council", "library", "june"],
}


def test_distinctive_words_are_those_few_articles_carry():
    seq = sequences(TEXTS, share=0.5)  # at most 2 of the 4 articles
    assert seq["a"] == ["star", "42", "blaze"]  # selby, pier, noon, hospital, smoke are in 3; harbour, ferry in 4
    assert seq["d"] == ["council", "library", "june"]
    assert sequences({"x": ["quay", "quay"], "y": ["quay"]}, share=0.1) == {"x": ["quay", "quay"], "y": ["quay"]}


def test_the_order_score_counts_shared_words_in_the_same_order():
    assert order_score(TEXTS["a"], TEXTS["b"]) == 9  # all but harbour, moved
    assert order_score(TEXTS["a"], TEXTS["c"]) == 3  # seven shared, three in one order (harbour ferry pier)
    assert order_score(TEXTS["a"], TEXTS["d"]) == 2
    assert order_score(["quay"], ["pier"]) == 0


def test_the_relative_score_is_the_distance_from_the_storys_median_pair():
    got = relative({"ab": 9, "ac": 4, "ad": 2, "bc": 3, "bd": 2, "cd": 2})
    # median 2.5, 90th percentile 6.5: gap 4
    assert got == {"ab": 1.625, "ac": 0.375, "ad": -0.125, "bc": 0.125, "bd": -0.125, "cd": -0.125}
    flat = relative({**{f"x{i}": 0 for i in range(10)}, "bc": 3})  # median and 90th percentile 0: the gap 1
    assert flat["bc"] == 3.0 and flat["x0"] == 0.0


def test_rows_leave_out_pairs_seen_and_unsure():
    labelled = [{"a": "a", "b": "b", "relation": "reworded_copy"}, {"a": "a", "b": "c", "relation": "unrelated"},
                {"a": "a", "b": "d", "relation": "unrelated", "unsure": True},
                {"a": "c", "b": "d", "relation": "common_wire"}]
    rows = story_rows("harbour", labelled, {frozenset(("c", "d"))}, {frozenset(("a", "b")): 5}, TEXTS, share=1.0)
    assert rows[["a", "b", "relation", "chain", "order"]].values.tolist() == [["a", "b", "reworded_copy", 5, 9],
                                                                             ["a", "c", "unrelated", 0, 3]]


def test_each_story_is_judged_by_the_other_stories_pairs_without_reuse():
    rows = pd.DataFrame([
        ("harbour", "a", "b", "common_wire", 2, 5, 3.0), ("harbour", "a", "c", "unrelated", 1, 5, 2.0),
        ("quay", "d", "e", "reworded_copy", 5, 9, 1.0), ("quay", "d", "f", "shared_quote_only", 1, 9, 3.0),
        ("ferry", "g", "h", "unrelated", 0, 1, 0.5), ("ferry", "g", "i", "copy", 0, 2, 3.5),
    ], columns=ROW_COLS)
    # relative: harbour must be over 3.0 (quay's pair without reuse): its wire, at 3.0, is not; quay over 2.0: its
    # quote pair a false call, its reworded copy (1.0) missed; ferry over 3.0: its copy found
    assert held_out(rows, "relative") == {"tp": 1, "fp": 1, "fn": 2}
    # chain: the others' pairs without reuse reach 1 for each story, so 2 is needed: harbour's wire (2) and quay's
    # reworded copy (5) found, ferry's copy (0) missed
    assert held_out(rows, "chain") == {"tp": 2, "fp": 0, "fn": 1}
    # either: all three reusing pairs found, and quay's quote pair is the relative score's false call
    assert held_out(rows, "chain or relative") == {"tp": 3, "fp": 1, "fn": 0}


def test_word_pairs_keep_wording_a_single_name_does_not():
    from presslens.evaluation.rewrite_loso import grams
    assert grams(["engine", "room", "fire"], 2) == ["engine room", "room fire"]
    assert grams(["engine", "room"], 1) == ["engine", "room"] and grams(["engine"], 2) == []
    # the same facts named in another order of words share the names, not the pairs
    a, b = ["fire", "engine", "room", "selby", "star"], ["selby", "star", "room", "engine", "fire"]
    assert order_score(a, b) == 2 and order_score(grams(a, 2), grams(b, 2)) == 1  # "selby star"
