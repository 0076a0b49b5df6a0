"""Boundaries of evaluation/score_story (issue 20): which pair verdict speaks for a pair either way round,
what is scored and what is skipped (unsure labels, unmeasured articles, a direction or credit the truth
leaves open), a name proposed twice, the claim-text match at exactly its threshold, the facts' shared
words at exactly two, the first of two equal facts. Invented Harbour articles and labels; every count
worked out by hand."""
from pathlib import Path

import pandas as pd
import pytest
from rapidfuzz import fuzz

from presslens.evaluation import score_story as ss
from presslens.evaluation.outcomes import fold
from presslens.evaluation.truth import Truth


def _truth(articles=None, pairs=(), names=(), claims=()):
    full = {}
    for aid, lab in (articles or {}).items():
        full[aid] = {"mt": False, "source_language": None, "furniture": None, "glued_furniture": [],
                     "sentences": None, "quotes": None, **lab}
    return Truth("harbour", "dev", "tests", Path("harbour"), full, list(pairs), list(names), list(claims))


def _rows(o, measure):
    return sorted(zip(o.loc[o["measure"] == measure, "unit"], o.loc[o["measure"] == measure, "outcome"]))


# ---- predicted_pair: the verdict table ------------------------------------------------------------------------

VERDICTS = pd.DataFrame({"article_a": ["h1", "h3"], "article_b": ["h2", "h4"], "relation": ["copy", "reworded_copy"],
                         "direction": ["b_from_a", "a_from_b"], "credited": ["partial", "no"],
                         "accusation": [False, False], "kind": ["copy", "reworded copy"]})


def test_predicted_pair_either_way_round():
    p = ss.predicted_pair(VERDICTS, None, "h1", "h2")
    assert (p["relation"], p["credit"], p["direction"], p["uncredited"]) == ("copy", "yes", "b_from_a", False)
    q = ss.predicted_pair(VERDICTS, None, "h2", "h1")  # asked the other way: the direction turns round
    assert (q["relation"], q["credit"], q["direction"]) == ("copy", "yes", "a_from_b")
    r = ss.predicted_pair(VERDICTS, None, "h3", "h4")  # directed, credited no: uncredited without an accusation
    assert (r["credit"], r["uncredited"], r["direction"]) == ("no", True, "a_from_b")
    r = ss.predicted_pair(VERDICTS.assign(direction="unknown"), None, "h3", "h4")
    assert (r["uncredited"], r["direction"]) == (False, None)  # undirected: not called uncredited copying
    assert ss.predicted_pair(VERDICTS, None, "h1", "h4")["relation"] == "unrelated"


# ---- predicted_pair: reuse kinds and provenance ---------------------------------------------------------------

def test_predicted_pair_from_provenance_direction_and_credit():
    pairs = pd.DataFrame({"article_a": ["h1"], "article_b": ["h2"], "kind": ["reworded copy, sentences reordered"]})
    prov = pd.DataFrame({"article": ["h2"], "source_article": ["h1"], "status": ["credited and copied"],
                         "direction": ["source earlier (2024-05-01 before 2024-05-02)"]})
    p = ss.predicted_pair(pairs, prov, "h1", "h2")
    assert (p["relation"], p["credit"], p["direction"], p["uncredited"]) == ("reworded_copy", "yes", "b_from_a", False)
    p = ss.predicted_pair(pairs, prov, "h2", "h1")
    assert p["direction"] == "a_from_b"
    p = ss.predicted_pair(pairs, prov.assign(direction="unknown: both 2024-05-01"), "h1", "h2")
    assert p["direction"] is None
    p = ss.predicted_pair(pairs, prov.iloc[:0], "h1", "h3")
    assert (p["relation"], p["credit"], p["evidence"]) == ("unrelated", None, "no reuse; no provenance row")


def test_pair_key_orders_the_two_ids():
    assert ss._pair_key("h2", "h1") == ("h1", "h2") == ss._pair_key("h1", "h2")
    assert ss._pair_key("h1", "h1") == ("h1", "h1")


# ---- score_pairs: what is scored ------------------------------------------------------------------------------

def _pair(a, b, relation, credited, direction, unsure=False):
    return {"a": a, "b": b, "relation": relation, "source": None, "credited": credited, "direction": direction,
            "note": None, "unsure": unsure}


def test_score_pairs_scores_only_what_the_label_says():
    truth = _truth(pairs=[
        _pair("h2", "h1", "copy", "partial", "a_from_b"),       # partial credit: presslens must say yes
        _pair("h3", "h4", "reworded_copy", "unknown", "unknown"),  # credit and direction open: not scored
        _pair("h1", "h4", "copy", "no", "b_from_a", unsure=True),  # unsure: nothing scored
        _pair("h5", "h6", "unrelated", "no", "unknown"),
    ])
    o = ss.score_pairs(VERDICTS, None, truth)
    assert _rows(o, "relation") == [("h1|h2", "yes"), ("h3|h4", "yes"), ("h5|h6", "yes")]  # no verdict: unrelated
    assert _rows(o, "credit status") == [("h1|h2", "yes")]
    assert _rows(o, "direction") == [("h1|h2", "yes")]  # the verdict's b_from_a for (h1, h2) is a_from_b for (h2, h1)
    assert _rows(o, "uncredited copying") == [("h3|h4", "fp")]  # labelled credit unknown: not a labelled copy
    assert _rows(o, "common wire called copied without credit") == []


def test_score_pairs_uncredited_copy_labelled_found():
    truth = _truth(pairs=[_pair("h3", "h4", "reworded_copy", "no", "a_from_b")])
    o = ss.score_pairs(VERDICTS, None, truth)
    assert _rows(o, "uncredited copying") == [("h3|h4", "tp")]
    assert _rows(o, "credit status") == [("h3|h4", "yes")]
    truth = _truth(pairs=[_pair("h1", "h2", "copy", "no", "b_from_a")])
    o = ss.score_pairs(VERDICTS, None, truth)
    assert _rows(o, "uncredited copying") == [("h1|h2", "fn")]
    assert _rows(o, "direction") == [("h1|h2", "yes")]
    assert _rows(o, "credit status") == [("h1|h2", "no")]


# ---- score_translation --------------------------------------------------------------------------------------

def _tr(rows):
    return pd.DataFrame(rows, columns=["article_id", "verdict", "kinds", "translation", "source_language"])


def test_score_translation_skips_unmeasured_unsure_and_unlabelled():
    truth = _truth({"h1": {"mt": True, "source_language": "fr"}, "h2": {"mt": True, "source_language": "de",
                                                                          "unsure": True},
                    "h3": {"mt": None}, "h4": {"mt": False}, "h5": {"mt": True, "source_language": "it"}})
    pred = _tr([("h1", "declared translation", "", True, "fr"), ("h2", "likely", "x", True, "de"),
                ("h3", "likely", "x", True, "de"), ("h4", "likely", "x", True, "de"),
                ("h5", "likely", "x", True, None)])
    o = ss.score_translation(pred, truth, measured=["h1", "h2", "h3", "h4"])
    assert _rows(o, "machine translation") == [("h1", "tp"), ("h4", "fp")]
    assert _rows(o, "source language") == [("h1", "yes")]
    o = ss.score_translation(pred, truth)  # every article measured
    assert _rows(o, "machine translation") == [("h1", "tp"), ("h4", "fp"), ("h5", "tp")]
    assert _rows(o, "source language") == [("h1", "yes")]  # h5: no language said, not scored
    o = ss.score_translation(pred.iloc[:0], truth, measured=["h1", "h4"])
    assert _rows(o, "machine translation") == [("h1", "fn")]


# ---- score_names --------------------------------------------------------------------------------------------

def test_score_names_a_form_proposed_for_two_actors_counts_once():
    truth = _truth(names=[{"form": "Harbour  Board", "actor": "Port Board", "kind": "spelling", "articles": ["h1"]},
                          {"form": "harbour board", "actor": "Quay Council", "kind": "spelling", "articles": ["h2"]}])
    props = pd.DataFrame({"candidate": ["Harbour Board", "HARBOUR BOARD", "Pier Trust"],
                          "actor": ["Port Board", "Port Board", "Port Board"]})
    o = ss.score_names(props, {}, truth)
    assert _rows(o, "name variants proposed") == [("harbour board", "fp"), ("harbour board", "tp"), ("pier trust", "fp")]
    assert "labelled as Port Board" in o.loc[(o["outcome"] == "fp") & (o["unit"] == "harbour board"), "detail"].iat[0]
    o = ss.score_names(props.iloc[:0], {}, truth)
    assert _rows(o, "name variants proposed") == [("harbour board", "fn")]  # the first label of a form is kept


# ---- claim_ids and score_claims -----------------------------------------------------------------------------

CLAIM = {"id": "c1", "text": "The harbour board closed the pier", "articles": ["h1"]}
DEFINED = {"pier-shut": "Harbour board shut the old pier"}


def test_claim_matched_by_text_at_exactly_the_threshold(monkeypatch):
    score = fuzz.token_set_ratio(fold(CLAIM["text"]), fold(DEFINED["pier-shut"]))
    assert 50 < score < 100
    monkeypatch.setattr(ss, "CLAIM_TEXT_MATCH", score)
    assert ss.claim_ids([CLAIM], DEFINED)["c1"][0] == "pier-shut"
    monkeypatch.setattr(ss, "CLAIM_TEXT_MATCH", score + 0.01)
    assert ss.claim_ids([CLAIM], DEFINED)["c1"] == (None, ss.UNDEFINED)


def test_claim_ids_by_id_first_and_each_definition_once():
    labelled = [{"id": "c2", "text": "The harbour board closed the pier"},
                {"id": "pier-shut", "text": "Ferries stopped"},
                {"id": "c3", "text": "The harbour board closed the old pier"}]
    defined = {"pier-shut": "Harbour board shut the old pier", "ferry": "Ferries stopped running"}
    ids = ss.claim_ids(labelled, defined)
    assert ids["pier-shut"] == ("pier-shut", "same id")
    assert ids["c2"] == (None, ss.UNDEFINED) and ids["c3"] == (None, ss.UNDEFINED)  # taken by id; ferry's text differs
    assert ss.CLAIM_TEXT_MATCH == 70


def test_score_claims_reasons():
    truth = _truth(claims=[{"id": "c1", "text": "the harbour board shut the old pier", "articles": ["h1", "h2"]}])
    hits = pd.DataFrame({"claim": ["pier-shut", "pier-shut"], "article_id": ["h1", "h3"],
                         "sentence": ["The board shut the pier.", "The pier was shut."]})
    o = ss.score_claims(hits, DEFINED, truth, ["h1", "h2", "h3", "h4"])
    got = {u: (r, d) for u, r, d in zip(o["unit"], o["outcome"], o["detail"])}
    assert set(got) == {"h1", "h2", "h3"}  # h4: neither labelled nor found
    assert got["h1"] == ("tp", "")
    assert got["h2"][0] == "fn" and got["h2"][1].startswith("no pattern matched; matched to story.yaml claim 'pier-shut'")
    assert got["h3"][0] == "fp" and got["h3"][1].startswith("pattern matched an article labelled without the claim; ")
    same = ss.score_claims(hits.assign(claim="c1"), {"c1": "x"}, _truth(claims=[{**CLAIM, "articles": ["h2"]}]),
                           ["h1", "h2"])
    assert dict(zip(same["unit"], same["detail"])) == {"h1": "pattern matched an article labelled without the claim",
                                                      "h2": "no pattern matched"}


# ---- facts --------------------------------------------------------------------------------------------------

def test_best_fact_first_of_equal_scores_and_none_without_overlap():
    sets = {7: {"h1", "h2"}, 3: {"h2", "h1"}, 9: {"h5"}}
    assert ss._best_fact(sets, {"h1", "h2"}) == (1.0, 7)
    assert ss._best_fact(sets, {"h1", "h2"}, allowed={3, 9}) == (1.0, 3)
    assert ss._best_fact(sets, {"h4"}) == (0.0, None)
    assert ss._best_fact({1: {"h1", "h2", "h3"}}, {"h1"}) == (0.5, 1)  # 2 * 1 / (3 + 1)


def test_facts_sharing_exactly_two_words_count():
    members = pd.DataFrame({"fact": [0, 0, 1, 1], "article_id": ["h1", "h2", "h1", "h2"],
                            "clause": ["pier closed"] * 2 + ["harbour closed"] * 2, "centre": [True, False, True, False]})
    truth = _truth(claims=[{"id": "c1", "text": "harbour pier", "articles": ["h1", "h2"]},
                           {"id": "c2", "text": "closed pier", "articles": ["h1", "h2"]}])
    o = ss.score_facts(members, truth, ["h1", "h2"])
    said = o[o["measure"] == "claims matched by a fact sharing their words"].set_index("unit")
    assert said.loc["c1", "outcome"] == "no"  # one word with each fact
    assert said.loc["c2", "outcome"] == "yes" and said.loc["c2", "sentence"] == "pier closed"
    best = o[o["measure"] == "best F1 of a claim's fact"].set_index("unit")["value"]
    assert best.to_dict() == {"c1": 1.0, "c2": 1.0}  # the best of every fact, not of those sharing words
    assert ss.FACT_SHARED_WORDS == 2 and ss.FACT_F1_GOAL == 0.8


def test_facts_f1_at_the_goal_and_a_claim_story_yaml_lacks():
    # claim in h1-h4; the fact in h1, h2, h3, h5, h6: F1 2*3/(5+4) = 0.667; in h1-h3 only: 2*3/(3+4) = 0.857
    members = pd.DataFrame({"fact": [0] * 3, "article_id": ["h1", "h2", "h3"], "clause": ["pier shut"] * 3,
                            "centre": [True, False, False]})
    truth = _truth(claims=[{"id": "pier-shut", "text": "pier shut", "articles": ["h1", "h2", "h3", "h4"]},
                           {"id": "zz", "text": "pier shut", "articles": ["h1"]}])
    o = ss.score_facts(members, truth, ["h1", "h2", "h3", "h4"], defined={"pier-shut": "pier shut"})
    assert set(o["unit"]) == {"pier-shut"}  # zz: no story.yaml claim
    best = o[o["measure"] == "best F1 of a claim's fact"]["value"].iat[0]
    assert best == pytest.approx(6 / 7)
    assert o[o["measure"] == "claims matched by a discovered fact"]["outcome"].iat[0] == "yes"
    o = ss.score_facts(members, truth, ["h1", "h2", "h3", "h4"], defined=None)
    assert set(o["unit"]) == {"pier-shut", "zz"}
    # exactly at the goal: two of the claim's three articles, F1 2*2/(2+3) = 0.8
    two = ss.score_facts(members.iloc[:2], _truth(claims=[{"id": "c", "text": "pier shut", "articles": ["h1", "h2", "h4"]}]),
                         ["h1", "h2", "h4"])
    assert two[two["measure"] == "claims matched by a discovered fact"]["outcome"].iat[0] == "yes"
