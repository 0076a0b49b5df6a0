"""The leave-one-story-out estimate of the translation verdict (presslens.evaluation.loso): rules that
fired on translations of one story only are taken out when that story is held out."""
import pandas as pd

from presslens.evaluation import loso

COLS = ["article_id", "outlet", "kind", "detail", "weight", "languages", "weak", "sent_id", "sentence", "rule", "source"]


def _row(aid, kind, weight, rule):
    return (aid, aid, kind, rule, weight, "", False, 0, "s", rule, "mqm")


def _tables():
    # story A: a1 carries a strong formula seen in A only, a2 a formula seen in A and B (weight 3),
    # a3 a calque (weight 3; B has a calque of another actor), n1 (not a translation) a weak signal
    a = pd.DataFrame([_row("a1", "MT phrase", 3, "formula only-in-A"), _row("a2", "MT phrase", 3, "formula shared"),
                      _row("a3", "calque", 3, "calque of Alpha"), _row("n1", "glued sentences", 1, "glued sentences")],
                     columns=COLS)
    b = pd.DataFrame([_row("b1", "MT phrase", 3, "formula shared"), _row("b2", "calque", 3, "calque of Beta"),
                      _row("b3", "MT grammar", 3, "grammar only-in-B")], columns=COLS)
    labels = {"A": {"a1": True, "a2": True, "a3": True, "a4": True, "n1": False},
              "B": {"b1": True, "b2": True, "b3": True, "m1": False}}
    return {"A": a, "B": b}, labels


def test_held_out_drops_the_rules_of_the_held_out_story_only():
    ind, labels = _tables()
    c = loso.held_out(ind, labels).set_index("story")
    # in sample: a1, a2, a3 found, a4 has no signal; held out: a1's formula was seen in A only
    assert tuple(c.loc["A", ["in_tp", "in_fp", "in_fn"]]) == (3, 0, 1)
    assert tuple(c.loc["A", ["tp", "fp", "fn"]]) == (2, 0, 2)
    # B: the shared formula and the calque (a calque of any actor is one rule) stay, B's own grammar rule goes
    assert tuple(c.loc["B", ["tp", "fp", "fn"]]) == (2, 0, 1)
    p, r, f1 = loso.prf(c.reset_index())
    assert (round(p, 2), round(r, 2)) == (1.0, round(4 / 7, 2))
    assert loso.prf(c.reset_index(), "in_")[1] == 6 / 7


def test_rule_spread_counts_stories_translations_and_others():
    ind, labels = _tables()
    s = loso.rule_spread(ind, labels).set_index("rule")
    assert s.loc["calque", "stories"] == 2 and s.loc["formula shared", "stories"] == 2
    assert s.loc["formula only-in-A", "stories"] == 1
    assert s.loc["glued sentences", "stories"] == 0 and s.loc["glued sentences", "others"] == 1
    assert list(s.index[:2]) == ["calque", "formula shared"] or list(s.index[:2]) == ["formula shared", "calque"]


def test_estimate_reads_development_stories_only(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(loso, "translation_evidence", lambda f: seen.append(f) or pd.DataFrame(columns=COLS))

    class T:
        def __init__(self, split):
            self.split, self.slug, self.articles = split, f"s-{split}", {"x": {"mt": False}}

    monkeypatch.setattr(loso, "load_truth", lambda f: T("test" if f.name.endswith("-test") else "dev"))
    counts, _ = loso.estimate([tmp_path / "a-test", tmp_path / "b-dev"])
    assert seen == [tmp_path / "b-dev"] and list(counts["story"]) == ["s-dev"]


def test_human_margins_list_every_article_labelled_not_a_translation_riskiest_first():
    ind, labels = _tables()
    h = loso.human_margins(ind, labels)
    assert list(h["article_id"]) == ["n1", "m1"]  # n1 has a signal: nearer a verdict than m1, which has none
    n1 = h.iloc[0]
    assert (n1["score"], n1["verdict"], n1["tell"]) == (1, "isolated signals", 2)
    assert n1["corroboration"] is None  # a glued sentence and one more corroborating rule never make a verdict
    m1 = h.iloc[1]
    assert (m1["score"], m1["verdict"], m1["tell"]) == (0, "no signal", 3)
