"""The findings' trust sentence (analyses/findings/trust.py) and the file it reads (evaluation/measured.py)."""
from __future__ import annotations

import pandas as pd
import yaml

from presslens.analyses.findings import trust
from presslens.evaluation.measured import measured_yaml

MEASURED = {"stories": 3, "articles": 90, "measures": {
    "quotes: direct quotes: speakers": {"kind": "prf", "items": 200, "precision": 0.81, "recall": 0.64},
    "quotes: reported speech: speakers": {"kind": "prf", "items": 12, "precision": 0.5, "recall": 0.25},
    "pairs: relation": {"kind": "share", "items": 50, "n_yes": 40, "n_no": 10, "share": 0.8},
    "pairs: direction": {"kind": "share", "items": 5, "n_yes": 1, "n_no": 4, "share": 0.2}}}


def test_sources_sentence_quotes_precision_recall_and_flags_few_items():
    s = trust.caveat("sources", MEASURED)
    assert s.startswith("How far to trust these findings: on 3 test stories of real coverage (90 articles)")
    assert "speakers of direct quotes precision 0.81, recall 0.64;" in s
    assert "speakers of reported speech precision 0.50, recall 0.25 (only 12 items: a rough figure)" in s
    assert "balance" not in s  # not measured: not said


def test_share_measures_give_their_counts():
    s = trust.caveat("reuse", MEASURED)
    assert "relation of two articles right 0.80 (40 of 50);" in s
    assert "which article came first right 0.20 (only 1 of 5: a rough figure)" in s


def test_nothing_measured_no_sentence():
    assert trust.caveat("naming", MEASURED) is None
    assert trust.caveat("sources", {}) is None
    assert trust.caveat_lines("naming") == ([trust.caveat("naming")] if trust.caveat("naming") else [])


class _T:
    def __init__(self, split, n):
        self.split, self.articles = split, [None] * n


def test_measured_yaml_keeps_test_rows_only_and_reads_back():
    summary = pd.DataFrame([
        {"analysis": "pairs", "measure": "relation", "scope": "test", "kind": "share", "items": 8, "tp": 0, "fp": 0,
         "fn": 0, "yes": 6, "no": 2, "precision": None, "recall": None, "f1": None, "share": 0.75},
        {"analysis": "pairs", "measure": "relation", "scope": "dev", "kind": "share", "items": 9, "tp": 0, "fp": 0,
         "fn": 0, "yes": 9, "no": 0, "precision": None, "recall": None, "f1": None, "share": 1.0},
        {"analysis": "quotes", "measure": "direct quotes: speakers", "scope": "test", "kind": "prf", "items": 40,
         "tp": 30, "fp": 3, "fn": 7, "yes": 0, "no": 0, "precision": 30 / 33, "recall": 30 / 37, "f1": 0.86,
         "share": None}])
    text = measured_yaml(summary, [_T("test", 4), _T("dev", 7), _T("test", 2)])
    back = yaml.safe_load(text)
    assert back["stories"] == 2 and back["articles"] == 6
    assert back["measures"]["pairs: relation"] == {"kind": "share", "items": 8, "n_yes": 6, "n_no": 2, "share": 0.75}
    assert back["measures"]["quotes: direct quotes: speakers"] == {
        "kind": "prf", "items": 40, "tp": 30, "fp": 3, "fn": 7, "precision": 0.91, "recall": 0.81, "f1": 0.86}
    assert measured_yaml(summary[summary["scope"] == "dev"], [_T("dev", 7)]) is None


def test_shipped_file_names_only_known_measures():
    from presslens import data
    from presslens.evaluation.outcomes import BY_NAME

    known = {f"{a}: {m}" for a, m in BY_NAME}
    assert set(data.measured().get("measures", {})) <= known
    for topic in trust.TOPICS.values():
        assert {f"{a}: {m}" for a, m, _ in topic} <= known
