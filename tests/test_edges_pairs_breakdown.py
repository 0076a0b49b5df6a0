"""Boundaries of evaluation/pairs_breakdown (issue 20 boundary pass): a systematic error is one seen in at
least two stories (one is not), errors first then the most widespread; the split read from truth.yaml's one
line (comments and quotes stripped). Crafted rows, invented story names."""
import pandas as pd

from presslens.evaluation import pairs_breakdown as pb


def _rows():
    return pd.DataFrame({"story": ["harbour", "pier", "harbour", "quay", "quay"],
                         "relation": ["copy", "copy", "copy", "common source", None],
                         "predicted": ["common source", "common source", "copy", None, "copy"]})


def test_confusion_and_systematic_at_two_stories():
    c = pb.confusion(_rows())
    assert c[["relation", "predicted", "pairs", "stories", "error"]].values.tolist() == [
        ["copy", "common source", 2, 2, True], ["common source", "not said", 1, 1, True], ["copy", "copy", 1, 1, False]]
    s = pb.systematic(c)
    assert s[["relation", "predicted"]].values.tolist() == [["copy", "common source"]]  # two stories: systematic
    assert len(pb.systematic(c, min_stories=3)) == 0
    assert len(pb.systematic(c, min_stories=1)) == 2  # the correct cell never counts


def test_split_of(tmp_path):
    assert pb.split_of(tmp_path) == ""
    (tmp_path / "truth.yaml").write_text("story: harbour\nsplit: 'dev'  # tuned on\n", encoding="utf-8")
    assert pb.split_of(tmp_path) == "dev"
    (tmp_path / "truth.yaml").write_text("story: harbour\n  split: test\n", encoding="utf-8")
    assert pb.split_of(tmp_path) == ""  # only a top-level line
