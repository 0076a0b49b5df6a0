"""The furniture line model (presslens.text.linemodel, issue 25): shallow features of each line, a
logistic regression fitted deterministically, applied by the cleaner only to lines the rules keep and
the prose guard does not protect, each removal listed with its probability; shipped off."""
import math

import numpy as np
import pandas as pd
import pytest

from presslens.data import line_model_data
from presslens.evaluation import furniture_model as fm
from presslens.text import furniture, linemodel
from presslens.text.clean import clean

F = linemodel.FEATURES


def test_features_of_a_small_capture_by_hand():
    lines = ["Harbour Times", "", "The storm hit the coast on Monday and the port closed for the day.", "Weather 12C"]
    x, idx = linemodel.features(lines, removed={0})
    assert idx == [0, 2, 3]
    row = dict(zip(F, x[0]))
    assert row["log_words"] == pytest.approx(math.log1p(2))
    assert row["cap_share"] == 1.0 and row["sent_end"] == 0.0 and row["paragraph"] == 0.0
    assert row["before_first_par"] == 1.0 and row["first3"] == 1.0 and row["blank_below"] == 1.0
    par = dict(zip(F, x[1]))
    assert par["paragraph"] == 1.0 and par["sent_end"] == 1.0 and par["finite_verb"] == 1.0   # "closed"
    assert par["prev_removed"] == 1.0 and par["blank_above"] == 1.0 and par["first_stop"] == 1.0
    assert par["stop_share"] == pytest.approx(7 / 14)      # the x4, on, and, for of 14 words
    last = dict(zip(F, x[2]))
    assert last["digit_share"] == pytest.approx(2 / 10)    # "Weather12C": 2 digits of 10 characters
    assert last["after_last_par"] == 1.0 and last["prev_paragraph"] == 1.0 and last["next_log_words"] == 0.0
    assert last["rel_pos"] == 1.0


def test_a_line_printed_twice_counts_its_copies_and_a_reporting_verb_is_seen():
    x, _ = linemodel.features(["Share this", "The mayor announced a plan.", "Share this"])
    assert x[0, F.index("copies")] == pytest.approx(math.log(2))
    assert x[1, F.index("reporting_verb")] == 1.0 and x[0, F.index("reporting_verb")] == 0.0


def test_the_fit_is_deterministic_and_learns_a_separable_toy():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 2))
    y = (x[:, 0] > 0).astype(float)
    a, b = fm.fit(x, y), fm.fit(x, y)
    assert np.array_equal(a["weights"], b["weights"]) and a["bias"] == b["bias"]
    p = linemodel.probabilities(np.array([[2.0, 0.0], [-2.0, 0.0]]), a)
    assert p[0] > 0.9 and p[1] < 0.1


def test_probabilities_are_the_logistic_of_the_standardised_score():
    m = {"mean": [1.0], "scale": [2.0], "weights": [3.0], "bias": -1.0}
    assert linemodel.probabilities(np.array([[3.0]]), m)[0] == pytest.approx(1 / (1 + math.exp(-2.0)))


def _everything(threshold=0.9):
    """A model that reads every line as furniture (p = 0.99): only the protections keep a line."""
    n = len(F)
    return {"mean": [0.0] * n, "scale": [1.0] * n, "weights": [0.0] * n, "bias": math.log(99), "threshold": threshold}


TEXT = ("Harbour storm closes the port for a week\n\n"
        "The storm hit the Harbour coast on Monday and the port closed for the week.\n\n"
        "Repairs begin next month\n\n"
        "The harbour master said the piers would reopen in May after the repairs.\n\n"
        "The council will meet again on Friday to count the cost of the damage.\n")


def test_the_cleaner_removes_only_unprotected_kept_lines_and_lists_each_with_its_probability(monkeypatch):
    monkeypatch.setattr(linemodel, "model", lambda threshold=None: _everything())
    body, removed = clean(TEXT, None, furniture.rules_for(None))
    by_model = [r for r in removed if r["rule_id"] == "line-model"]
    assert [(r["line"], r["removed"]) for r in by_model] == [
        (3, "The storm hit the Harbour coast on Monday and the port closed for the week."),
        (5, "Repairs begin next month"), (9, "The council will meet again on Friday to count the cost of the damage.")]
    assert all("(p 0.99)" in r["rule"] for r in by_model)
    assert "Harbour storm closes the port for a week" in body        # the headline: protected
    assert "The harbour master said" in body                          # the prose guard: protected
    # a line most of whose content words the title holds is the headline's kin: protected
    body2, removed2 = clean(TEXT, "Storm hit Harbour coast on Monday, port closed for a week", furniture.rules_for(None))
    assert "The storm hit the Harbour coast on Monday" in body2
    assert [r["line"] for r in removed2 if r["rule_id"] == "line-model"] == [5, 9]


def test_the_model_is_switched_off_per_story_and_below_its_threshold(monkeypatch):
    monkeypatch.setattr(linemodel, "model", lambda threshold=None: _everything())
    _, removed = clean(TEXT, None, furniture.rules_for({"disable": ["line-model"]}))
    assert not [r for r in removed if r["rule_id"] == "line-model"]
    monkeypatch.setattr(linemodel, "model", lambda threshold=None: _everything(threshold=0.995))
    _, removed = clean(TEXT, None, furniture.rules_for(None))
    assert not [r for r in removed if r["rule_id"] == "line-model"]


def test_the_shipped_model_is_off_and_names_the_features_the_code_computes():
    data = line_model_data()
    assert list(data["features"]) == list(F)
    assert len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == len(F)
    assert data["threshold"] is None and linemodel.model() is None
    body, removed = clean(TEXT, None, furniture.rules_for(None))
    assert not [r for r in removed if r["rule_id"] == "line-model"]


def _curve(tp, fp, rules_tp=100, rules_fp=2, fn_total=120):
    t = pd.DataFrame({"threshold": [0.8, 0.9], "tp": tp, "fp": fp, "fn": [fn_total - v for v in tp],
                      "rules_tp": [rules_tp] * 2, "rules_fp": [rules_fp] * 2, "rules_fn": [fn_total - rules_tp] * 2,
                      "furniture": [1, 1], "sentences": [100, 100], "rules_furniture": [1, 1], "rules_sentences": [100, 100]})
    return fm.curve(t)


def test_a_threshold_is_chosen_only_where_the_added_removals_are_furniture():
    # at 0.8 the model adds 20 furniture lines and 1 prose line (20/21 = 0.952); at 0.9 8 and 0
    assert fm.choose(_curve([120, 108], [3, 2])) == 0.8
    # 10 and 1 (0.909) at 0.8: the lowest threshold whose additions are 95% furniture is 0.9
    assert fm.choose(_curve([110, 108], [3, 2])) == 0.9
    # one prose line for each furniture line: overall precision still 0.95, but a trade, not a gain
    assert fm.choose(_curve([104, 103], [6, 5])) is None
    # no recall gained: off
    assert fm.choose(_curve([100, 100], [2, 2])) is None


EVAL_MINI = __import__("pathlib").Path(__file__).parent / "fixtures" / "eval-mini"


def _two_copies(tmp_path):
    import shutil

    out = []
    for slug in ("mini-a", "mini-b"):
        dest = tmp_path / slug
        shutil.copytree(EVAL_MINI, dest)
        t = dest / "truth.yaml"
        t.write_text(t.read_text(encoding="utf-8").replace("story: eval-mini", f"story: {slug}"), encoding="utf-8")
        out.append(dest)
    return out


def test_the_line_table_labels_every_line_and_marks_what_the_rules_keep():
    t, x = fm.line_table(EVAL_MINI)
    assert x.shape == (len(t), len(F))
    ad = t[t["text"] == "Advertisement"]
    assert len(ad) == 1 and len(t[t["text"].str.contains("coast guard said")]) == 2
    assert ad["furniture"].all() and not ad["kept"].any() and not ad["candidate"].any()   # a listed rule took it
    said = t[t["text"].str.contains("coast guard said")]
    assert not said["furniture"].any() and said["kept"].all() and not said["candidate"].any()   # the prose guard
    assert not (t["candidate"] & ~t["kept"]).any()


def test_held_out_scores_each_story_with_a_model_fitted_on_the_others_and_keeps_the_labelled_total(tmp_path):
    a, b = _two_copies(tmp_path)
    table = fm.held_out([a, b], grid=(0.5, 1.01))
    assert sorted(set(table["story"])) == ["mini-a", "mini-b"]
    total = (table["tp"] + table["fn"]).unique()
    assert len(total) == 1 and (table["rules_tp"] + table["rules_fn"] == total[0]).all()
    top = table[table["threshold"] == 1.01]     # no probability reaches 1.01: the rules alone
    assert (top["tp"] == top["rules_tp"]).all() and (top["fp"] == top["rules_fp"]).all()


def test_on_removals_adds_the_models_lines_to_given_removals(monkeypatch):
    from presslens.evaluation.adapter import predict_furniture

    arts, removed, sents = predict_furniture(EVAL_MINI)
    m = _everything()
    got = fm.on_removals(EVAL_MINI, arts, removed, sents, m, grid=(0.5, 1.0))
    low, high = got.iloc[0], got.iloc[1]
    assert high["tp"] == high["rules_tp"] and high["fp"] == high["rules_fp"]     # p 0.99 < 1.0: nothing added
    t, _ = fm.line_table(EVAL_MINI)
    cand = t[t["candidate"]]
    assert low["tp"] - low["rules_tp"] == int(cand["furniture"].sum())           # every candidate removed
    assert low["fp"] - low["rules_fp"] == int((~cand["furniture"]).sum())
