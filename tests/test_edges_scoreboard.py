"""Boundaries of evaluation/scoreboard and evaluation/outcomes (issue 20 boundary pass): a headline figure is
weak below WEAK (0.7; exactly 0.7 is not), a lower-is-better share above 0.3 (exactly 0.3 is not), worst first;
a rate over nothing is NaN; summarise's counts and F1 by hand; outcomes.context's window at both ends of a line;
same_name's word subsets. Crafted rows, invented Harbour names."""
import math

import pandas as pd
import pytest

from presslens.evaluation import outcomes, scoreboard

SPANS, RELATION, WIRE = ("quotes", "direct quotes: spans"), ("pairs", "relation"), \
    ("pairs", "common wire called copied without credit")


def _row(m, v, scope="all"):
    kind = scoreboard.BY_NAME[m].kind
    return {"scope": scope, "analysis": m[0], "measure": m[1], "kind": kind, "f1": v if kind == "prf" else math.nan,
            "share": v if kind != "prf" else math.nan, "tp": 7, "fp": 3, "fn": 0, "yes": 7, "no": 3, "items": 10}


def test_weak_constant():
    assert scoreboard.WEAK == 0.7
    assert scoreboard.BY_NAME[WIRE].better == "lower" and scoreboard.BY_NAME[RELATION].better == "higher"


@pytest.mark.parametrize("m, v, weak", [
    (SPANS, 0.7, False), (SPANS, 0.69, True), (RELATION, 0.7, False), (RELATION, 0.6999, True),
    (WIRE, 1 - scoreboard.WEAK, False), (WIRE, 0.31, True), (WIRE, 0.0, False), (SPANS, math.nan, False), (WIRE, math.nan, False),
])
def test_weak_points_at_the_threshold(m, v, weak):
    got = scoreboard.weak_points(pd.DataFrame([_row(m, v)]))
    assert bool(got) is weak
    if weak:
        head = "F1" if m == SPANS else "accuracy" if m == RELATION else "share"
        assert got == [f"{m[0]}, {m[1]}: {head} {v:.2f} (" + ("tp 7, fp 3, fn 0" if m == SPANS else "7 of 10") + ")"]


def test_weak_points_worst_first_and_one_scope():
    s = pd.DataFrame([_row(SPANS, 0.5), _row(WIRE, 0.9), _row(RELATION, 0.6), _row(RELATION, 0.1, scope="dev")])
    got = scoreboard.weak_points(s)
    assert [g.split(":")[0] for g in got] == ["pairs, common wire called copied without credit",  # 1 - 0.9 = 0.1
                                              "quotes, direct quotes", "pairs, relation"]
    assert scoreboard.weak_points(s, "dev") == ["pairs, relation: accuracy 0.10 (7 of 10)"]


def test_rates_over_nothing_is_nan():
    import warnings

    import numpy as np
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not 0 / 0 with numpy's RuntimeWarning: nothing divided
        assert math.isnan(scoreboard._rates(np.array([0.0]), np.array([0.0])))
    assert scoreboard._rates(np.array([1.0, 2.0]), np.array([2.0, 4.0])) == 0.5


def test_summarise_counts_and_f1_by_hand():
    rows = [("tp", "a"), ("tp", "a"), ("fp", "a"), ("fn", "b"), ("tp", "b")]
    o = pd.DataFrame([{"story": "harbour", "split": "dev", "analysis": SPANS[0], "measure": SPANS[1], "unit": u,
                       "outcome": k} for k, u in rows])
    s = scoreboard.summarise(o)
    assert list(s["scope"]) == ["all", "dev", "harbour"]  # no test row: no test scope
    r = s.iloc[0]
    assert (r["tp"], r["fp"], r["fn"], r["units"], r["items"]) == (3, 1, 1, 2, 5)
    assert (r["precision"], r["recall"]) == (0.75, 0.75) and r["f1"] == pytest.approx(0.75)
    assert r["f1_lo"] <= r["f1"] <= r["f1_hi"]


@pytest.mark.parametrize("text, needle, width, want", [
    ("The Harbour Council met.", "Harbour", 300, "The Harbour Council met."),
    # the window starts width // 3 characters before the needle, never past len - width nor before 0
    ("0123456789Hb", "Hb", 9, "3456789Hb"),  # near the end: the last 9 characters (start 3, not 10 - 3 = 7)
    ("Hb0123456789", "Hb", 9, "Hb0123456"),  # at the start: from 0
    ("abcdefHarbourghijkl", "Harbour", 9, "defHarbou"),  # 6 - 3 = 3 (19 - 9 = 10 allows it)
    ("abcdefHarbourghijkl", "Harbour", 19, "abcdefHarbourghijkl"),  # the window is the whole line
    ("one\n  Harbour   Council  \nthree", "Harbour Council", 300, "Harbour Council"),
    ("Harbour", "", 300, ""), (None, "Harbour", 300, ""), ("Pier", "Harbour", 300, ""),
])
def test_context_window(text, needle, width, want):
    assert outcomes.context(text, needle, width) == want


@pytest.mark.parametrize("x, y, same", [
    ("Ana Ruiz", "Ana Maria Ruiz", True), ("The Harbour Council", "Harbour Council", True),
    ("Ana Ruiz", "Ana Soto", False), ("The", "Harbour", False), ("", "", False), ("Ruiz", "ruiz", True),
])
def test_same_name(x, y, same):
    assert outcomes.same_name(x, y) is same
