"""The leave-one-story-out estimate of speaker attribution (presslens.evaluation.speakers_loso): the
speakers given by a rule (a reporting verb by base form, an attribution frame) seen in one development
story only are taken away when that story is held out, and the story is scored again."""
from pathlib import Path

import pandas as pd

from presslens.evaluation import speakers_loso as sl
from presslens.evaluation.truth import Truth

COLS = ["article_id", "quote", "kind", "speaker", "speaker_text", "speaker_kind", "actor", "verb", "attribution",
        "paragraph"]


def _q(rows):
    return pd.DataFrame([dict(zip(COLS, ("a1", q, "direct", spk, spk, "named", None, verb, frame, ""))) for q, spk, verb, frame
                         in rows], columns=COLS)


def _t(slug, labels):
    quotes = [{"text": q, "kind": "direct", "speaker": spk, "actor": spk, "verb": None, "unsure": False} for q, spk in labels]
    art = {"mt": False, "source_language": None, "furniture": None, "glued_furniture": [], "sentences": None,
           "quotes": quotes}
    return Truth(slug, "dev", "tests", Path(slug), {"a1": art}, [], [], [])


def test_rules_of_a_row_are_its_verb_by_base_form_and_its_frame():
    assert sl.rules_of({"speaker": "Ana Ruiz", "verb": "Said", "attribution": "after"}) == ("verb say", "frame after")
    assert sl.rules_of({"speaker": "Ana Ruiz", "verb": "admitted", "attribution": "before"})[0] == "verb admit"
    assert sl.rules_of({"speaker": "Acme", "verb": "according to", "attribution": "after"})[0] == "verb according to"
    assert sl.rules_of({"speaker": None, "verb": "said", "attribution": "after"}) == ()


def test_held_out_drops_the_speakers_of_rules_seen_in_that_story_only():
    # story A: "said" (seen in B too) and "joked" (A only); story B: "said" and "quipped" (B only), one wrong
    qa = _q([("We will rebuild the quay.", "Ana Ruiz", "said", "after"), ("Nobody likes a wet ferry.", "Ana Ruiz", "joked", "after")])
    qb = _q([("The port stays shut.", "Ben Ode", "said", "after"), ("Boats float, mostly.", "Ana Ruiz", "quipped", "after")])
    ta = _t("A", [("We will rebuild the quay.", "Ana Ruiz"), ("Nobody likes a wet ferry.", "Ana Ruiz")])
    tb = _t("B", [("The port stays shut.", "Ben Ode"), ("Boats float, mostly.", "Ben Ode")])
    c = sl.held_out({"A": qa, "B": qb}, {"A": ta, "B": tb})
    c = c[c["measure"] == "direct quotes: speakers"].set_index("story")
    assert tuple(c.loc["A", ["in_tp", "in_fp", "in_fn"]]) == (2, 0, 0)
    assert tuple(c.loc["A", ["tp", "fp", "fn"]]) == (1, 0, 1)      # "joked" was seen in A only
    assert tuple(c.loc["B", ["in_tp", "in_fp", "in_fn"]]) == (1, 1, 1)
    assert tuple(c.loc["B", ["tp", "fp", "fn"]]) == (1, 0, 1)      # "quipped" (B only) gave the wrong speaker
    p, r, _ = sl.prf(c.reset_index(), "direct quotes: speakers")
    assert (p, r) == (1.0, 0.5)
    spread = sl.rule_spread({"A": qa, "B": qb}).set_index("rule")
    assert spread.loc["verb say", "stories"] == 2 and spread.loc["verb joke", "stories"] == 1
