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


def test_rule_precision_counts_a_rule_held_out_only_where_the_other_stories_keep_it():
    rows = _rows(("a", "spacing", "tp"), ("b", "spacing", "tp"), ("b", "spacing", "fp"), ("c", "spacing", "tp"),
                 ("a", "lucky", "tp"), ("a", "lucky", "tp"),          # right in story a only
                 ("a", "noisy", "fp"), ("b", "noisy", "tp"), ("b", "noisy", "fp"), ("c", "noisy", "tp"),
                 ("c", "noisy", "fp"), ("a", None, "fn"))
    t = names_loso.rule_precision(rows).set_index("rule")
    # spacing: kept everywhere (a: b+c 2/1, b: a+c 2/0, c: a+b 2/1): 3 right of 4 both ways
    assert t.loc["spacing", ["stories", "right_in", "tp", "fp", "held_tp", "held_fp", "lost_tp"]].tolist() == [3, 3, 3, 1, 3, 1, 0]
    assert t.loc["spacing", "held_precision"] == 0.75
    # lucky: no other story has it, so held out it proposes nothing and its two true proposals are lost
    assert t.loc["lucky", ["tp", "fp", "held_tp", "held_fp", "lost_tp"]].tolist() == [2, 0, 0, 0, 2]
    assert pd.isna(t.loc["lucky", "held_precision"])
    # noisy: kept for a (b+c right 2 of 4), dropped for b (a+c: 1 of 3) and for c (a+b: 1 of 3)
    assert t.loc["noisy", ["tp", "fp", "held_tp", "held_fp", "lost_tp"]].tolist() == [2, 3, 0, 1, 2]
    assert t.loc["noisy", "precision"] == 0.4
    assert list(t.index[:2]) == ["spacing", "lucky"]   # most true proposals first, then by name


def test_names_only_marks_each_proposal_by_what_story_yaml_and_the_labels_give():
    from types import SimpleNamespace as NS

    story = NS(actors=[NS(name="Lina Okafor", aliases=("Lina Okafor", "Okafor", "Dr Okafor"),
                          renderings=({"form": "Lina Okafour"},)),
                       NS(name="Harbour Board", aliases=("HB",), renderings=())],
               speakers=[NS(name="Tomas Velde", aliases=("Velde",))])
    given = names_loso.given_forms(story)
    assert given["okafor"] == {"Lina Okafor"} and given["lina okafour"] == {"Lina Okafor"}
    assert given["velde"] == {"Tomas Velde"} and given["hb"] == {"Harbour Board"}
    names = pd.DataFrame({"candidate": ["Okafor", "OKAFOR", "Lina Okafr", "Velde", "Harbour", "Okafor"],
                          "actor": ["Lina Okafor", "Lina Okafor", "Lina Okafor", "Tomas Velde", "Harbour Board",
                                    "Lina Okafor"],
                          "rule": ["surname", "spelling: spacing", "spelling: edits", "surname", "short form",
                                   "surname"]})
    t = names_loso.judged("harbour", names, given, {"lina okafr": {"Lina Okafor"}})
    assert t["what"].tolist() == ["alias", "alias", "labelled", "alias", "other"]  # one row per candidate and actor
    assert set(t.columns) == {"story", "candidate", "actor", "rule", "what"} and set(t["story"]) == {"harbour"}
    # a form given to another actor is no alias of this one
    assert names_loso.judged("h", names.iloc[[4]].assign(candidate="HB", actor="Lina Okafor"), given, {})["what"].tolist() == ["other"]
