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


# ---------------------------------------------------------------------------------------------
# session 20 attack: a missing, empty, partial or broken file says what it holds and no more

def _sources(**m):
    return trust.caveat("sources", {"stories": 2, "articles": 9, "measures": {"quotes: direct quotes: speakers": m}})


def test_precision_and_recall_are_each_rough_on_what_they_rest_on():
    # 105 items, but precision rests on 5 found (3 right): rough, though the items are many
    s = _sources(kind="prf", items=105, tp=3, fp=2, fn=100, precision=0.6, recall=0.03)
    assert "precision 0.60, recall 0.03 (precision on only 5 found: a rough figure)" in s
    s = _sources(kind="prf", items=60, tp=20, fp=20, fn=5, precision=0.5, recall=0.8)
    assert "precision 0.50, recall 0.80 (recall on only 25 labelled: a rough figure)" in s
    s = _sources(kind="prf", items=26, tp=9, fp=1, fn=16, precision=0.9, recall=0.36)  # the MT row of the file
    assert "(precision on only 10 found and recall on only 25 labelled: rough figures)" in s
    s = _sources(kind="prf", items=486, tp=336, fp=50, fn=100, precision=0.87, recall=0.77)
    assert "speakers of direct quotes precision 0.87, recall 0.77 (docs" in s  # enough on both sides: no note
    assert "(only 12 items: a rough figure)" in trust.caveat("sources", MEASURED)  # no counts: the items decide


def test_a_figure_of_no_items_is_none():
    assert _sources(kind="prf", items=0, tp=0, fp=0, fn=0, precision=0.0, recall=0.0) is None
    assert _sources(kind="prf", items=5, tp=0, fp=0, fn=5, precision=0.0, recall=0.0) is None  # nothing found
    rel = lambda **m: trust.caveat("reuse", {"stories": 2, "measures": {"pairs: relation": m}})
    assert rel(kind="share", items=0, n_yes=0, n_no=0, share=0.0) is None
    assert rel(kind="share", items=50, share=float("nan")) is None
    assert rel(kind="share", items=50, share="0.8") is None  # text is no figure (it crashed the notebook)
    assert rel(kind="share", items=float("inf"), share=0.8).endswith("relation of two articles right 0.80 (how many "
                                                                     "items were scored is not recorded) (docs/accuracy.md, `make eval`). Check the rows behind a number before quoting it.")
    assert "right 0.20 (only 1 of 5: a rough figure)" in rel(kind="share", items=5.0, n_yes=1.0, share=0.2)


def test_stories_and_articles_are_said_only_when_the_file_counts_them():
    m = {"pairs: relation": {"kind": "share", "items": 50, "n_yes": 40, "share": 0.8}}
    assert trust.caveat("reuse", {"measures": m}).startswith(
        "How far to trust these findings: on test stories of real coverage that presslens's rules were never tuned on, "
        "relation of two articles right 0.80 (40 of 50)")  # not "on None test stories (None articles)"
    assert "on 1 test story of real coverage (1 article) that" in trust.caveat(
        "reuse", {"stories": 1, "articles": 1, "measures": m})
    assert "on 3 test stories of real coverage that" in trust.caveat("reuse", {"stories": 3, "measures": m})


def test_a_malformed_file_gives_no_sentence_and_no_error():
    for bad in ([], "text", 3, {"measures": ["a"]}, {"measures": "x"}, {"measures": {"pairs: relation": None}}):
        assert trust.caveat("reuse", bad) is None


def test_the_shipped_file_is_a_mapping_of_measures():
    # the loader forgives a broken file (a notebook must not fail on it); this test does not
    from importlib import resources

    raw = yaml.safe_load(resources.files("presslens").joinpath("data/measured.yaml").read_text(encoding="utf-8"))
    assert isinstance(raw, dict) and isinstance(raw.get("measures"), dict) and raw["measures"]


def test_loader_reads_a_missing_empty_or_broken_file_as_nothing(tmp_path, monkeypatch):
    import types

    from presslens import data

    (tmp_path / "data").mkdir()
    monkeypatch.setattr(data, "ires", types.SimpleNamespace(files=lambda _: tmp_path))
    f = tmp_path / "data" / "measured.yaml"
    for text in (None, "", "# only a comment\n", "<<<<<<< HEAD\nstories: 4\n=======\nstories: 3\n>>>>>>> b\n",
                 "- a\n- b\n", "measures: {a: [\n"):
        if text is None:
            f.unlink(missing_ok=True)
        else:
            f.write_text(text, encoding="utf-8")
        data.measured.cache_clear()
        try:
            assert data.measured() == {}, text
            assert trust.caveat_lines("reuse") == []
        finally:
            data.measured.cache_clear()
