"""Boundaries of evaluation/loso (issue 20 boundary pass): calques grouped as one rule, counts over labelled
articles only, precision/recall/F1 of nothing are 0, and a declared translation never counts as a rule
firing. Crafted indicator tables, invented article ids."""
import pandas as pd
import pytest

from presslens.evaluation import loso


def test_general_rule():
    assert loso.general_rule("calque of Harbour Council") == "calque"
    assert loso.general_rule("a calque of") == "a calque of" and loso.general_rule(None) == "None"


def test_count_over_labels():
    labels = {"h1": True, "h2": True, "h3": False, "h4": False}
    assert loso._count("harbour", {"h1", "h3", "x9"}, labels) == ("harbour", 1, 1, 1)
    assert loso._count("harbour", {"h1", "h2", "h3"}, labels) == ("harbour", 2, 1, 0)
    assert loso._count("harbour", set(), labels) == ("harbour", 0, 0, 2)
    assert loso._count("harbour", set(), {}) == ("harbour", 0, 0, 0)


@pytest.mark.parametrize("tp, fp, fn, want", [
    (0, 0, 0, (0.0, 0.0, 0.0)), (0, 3, 0, (0.0, 0.0, 0.0)), (0, 0, 2, (0.0, 0.0, 0.0)),
    (1, 0, 0, (1.0, 1.0, 1.0)), (1, 1, 2, (0.5, 1 / 3, 0.4)),
])
def test_prf(tp, fp, fn, want):
    c = pd.DataFrame({"tp": [tp, 0], "fp": [fp, 0], "fn": [fn, 0], "in_tp": [0, 0], "in_fp": [0, 0], "in_fn": [0, 0]})
    assert loso.prf(c) == pytest.approx(want)
    assert loso.prf(c, "in_") == (0.0, 0.0, 0.0)


def test_rules_on_translations_skip_declared_and_unlabelled():
    ind = {"harbour": pd.DataFrame({"rule": ["calque of Pier", "declared", "mt phrase", "mt phrase"],
                                    "article_id": ["h1", "h1", "h2", "h3"],
                                    "kind": ["calque", "declared", "phrase", "phrase"]}),
           "quay": pd.DataFrame({"rule": ["calque of Quay"], "article_id": ["q1"], "kind": ["calque"]})}
    labels = {"harbour": {"h1": True, "h2": False}, "quay": {"q1": True}}
    assert loso._rules_on_translations(ind, labels) == {"calque": {"harbour", "quay"}}
