"""The per-story error breakdown of the pair verdicts (presslens.evaluation.pairs_breakdown): truth x
prediction cells with the number of stories each occurs in, so a systematic error (seen in several stories)
stands apart from one story's quirk."""
import pandas as pd

from presslens.evaluation import pairs_breakdown as pb

VCOLS = ["article_a", "article_b", "kind", "relation", "credited", "direction", "accusation"]


def _verdicts(rows):
    return pd.DataFrame(rows, columns=VCOLS)


def _truth(a, b, relation, credited="n/a", direction="n/a", unsure=False):
    return {"a": a, "b": b, "relation": relation, "credited": credited, "direction": direction, "unsure": unsure}


def _rows():
    # story Harbour: h1/h2 right (a wire both carry, one credits it: partial, scored as "yes"); h3/h4 labelled a
    # common wire, found nowhere (unrelated); h5/h6 unsure, never scored
    harbour = pb.pair_rows("harbour", _verdicts([
        ("h1", "h2", "partial reuse", "common_wire", "partial", "n/a", False)]),
        [_truth("h1", "h2", "common_wire", "partial"), _truth("h4", "h3", "common_wire", "no"),
         _truth("h5", "h6", "copy", "no", unsure=True)])
    # story Castle: c1/c2 and c5/c6 also common wires found nowhere; c3/c4 a reworded copy called common wire, credited no
    # where the verdict says partial (scored "yes"), read with a and b the other way round from the verdict row
    castle = pb.pair_rows("castle", _verdicts([
        ("c4", "c3", "partial reuse", "common_wire", "partial", "n/a", False)]),
        [_truth("c1", "c2", "common_wire", "no"), _truth("c5", "c6", "common_wire", "no"), _truth("c3", "c4", "reworded_copy", "no", "a_from_b")])
    return pd.concat([harbour, castle], ignore_index=True)


def test_pair_rows_put_truth_and_prediction_side_by_side():
    r = _rows()
    assert len(r) == 5  # the unsure pair left out
    h = r.set_index(["a", "b"])
    assert h.loc[("h1", "h2"), "predicted"] == "common_wire" and h.loc[("h1", "h2"), "predicted_credit"] == "yes"
    assert h.loc[("h4", "h3"), "predicted"] == "unrelated" and pd.isna(h.loc[("h4", "h3"), "predicted_credit"])
    assert h.loc[("c3", "c4"), "predicted"] == "common_wire" and h.loc[("c3", "c4"), "credit"] == "no"


def test_confusion_counts_pairs_and_stories_errors_first():
    cells = pb.confusion(_rows())
    first = cells.iloc[0]
    assert (first["relation"], first["predicted"], first["pairs"], first["stories"], first["error"]) == (
        "common_wire", "unrelated", 3, 2, True)
    assert cells["error"].tolist() == [True, True, False]
    sys_cells = pb.systematic(cells)
    assert sys_cells[["relation", "predicted"]].values.tolist() == [["common_wire", "unrelated"]]  # c3/c4: one story
    credit = pb.confusion(_rows(), "credit", "predicted_credit")
    got = {(a, b): (n, s) for a, b, n, s in credit[["credit", "predicted_credit", "pairs", "stories"]].values}
    assert got == {("no", "not said"): (3, 2), ("no", "yes"): (1, 1), ("yes", "yes"): (1, 1)}


def test_per_story_counts_errors():
    ps = pb.per_story(_rows()).set_index("story")
    assert ps.loc["harbour"].tolist() == [2, 1, 2, 1]
    assert ps.loc["castle"].tolist() == [3, 3, 3, 3]


def test_only_the_split_line_decides(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "truth.yaml").write_text("version: 1\nstory: a\nsplit: test  # scored once\n", encoding="utf-8")
    assert pb.split_of(tmp_path / "a") == "test"
    assert pb.split_of(tmp_path / "missing") == ""
    assert pb.breakdown([tmp_path / "a"]).empty  # a test story is never read further
