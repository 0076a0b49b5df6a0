"""The leave-one-story-out estimate of the pair verdicts (presslens.evaluation.pairs_loso): a rule that took part
in the verdicts of one development story only is taken out when that story is held out, each threshold is
re-chosen from the other stories, and the story is scored with the scorer of ``presslens eval``."""
from pathlib import Path

import pandas as pd

from presslens.analyses import pair_evidence, verdicts
from presslens.evaluation import pairs_loso as pl
from presslens.evaluation.truth import Truth

PAIR_COLS = ["article_a", "article_b", "kind", "relation", "credited", "direction", "accusation"]


def _truth(slug, pairs):
    return Truth(slug, "dev", "tests", Path(slug), {}, [
        {"a": a, "b": b, "relation": rel, "credited": cred, "direction": "unknown", "source": None, "unsure": False}
        for a, b, rel, cred in pairs], [], [])


def _pairs(rows):
    return pd.DataFrame([(a, b, "copy", rel, cred, "unknown", acc) for a, b, rel, cred, acc in rows], columns=PAIR_COLS)


def test_score_counts_relation_credit_and_a_common_wire_called_copied():
    t = _truth("A", [("h1", "h2", "common_wire", "yes"), ("h1", "h3", "copy", "no")])
    right = _pairs([("h1", "h2", "common_wire", "yes", False), ("h1", "h3", "copy", "no", True)])
    assert pl.score(right, t) == (2, 2, 2, 2, 0)
    wrong = _pairs([("h1", "h2", "copy", "no", True)])  # the wire pair accused; h1/h3 not found at all
    assert pl.score(wrong, t) == (0, 2, 0, 2, 1)


def test_choose_takes_the_best_value_on_the_other_stories_ties_to_the_package_value():
    by = {(20, "A"): (9, 10, 5, 5, 0), (20, "B"): (5, 10, 5, 5, 0), (20, "C"): (5, 10, 5, 5, 0),
          (30, "A"): (1, 10, 5, 5, 0), (30, "B"): (6, 10, 5, 5, 0), (30, "C"): (6, 10, 5, 5, 0)}
    assert pl.choose("X", (20, 30), 30, by, "A") == 30   # B and C prefer 30, whatever A says
    assert pl.choose("X", (20, 30), 30, by, "B") == 20   # A + C: 20 scores 24, 30 scores 17
    tie = {(v, s): (5, 10, 5, 5, 0) for v in (20, 30) for s in "AB"}
    assert pl.choose("X", (20, 30), 30, tie, "A") == 30
    wire = {(20, "B"): (10, 10, 5, 5, 1), (30, "B"): (8, 10, 5, 5, 0)}  # one wire pair accused costs 5
    assert pl.choose("X", (20, 30), 20, wire, "A") == 30


def test_held_out_takes_out_a_rule_of_one_story_and_reruns_it():
    ta = _truth("A", [("h1", "h2", "common_wire", "yes")])
    tb = _truth("B", [("k1", "k2", "copy", "no")])
    good = {"A": _pairs([("h1", "h2", "common_wire", "yes", False)]), "B": _pairs([("k1", "k2", "copy", "no", True)])}
    calls = []

    def run(story, drop, values):
        calls.append((story, frozenset(drop), tuple(sorted(values.items()))))
        if "harbour rule" in drop:  # without the rule A's wire pair reads as a copy
            return _pairs([("h1", "h2", "copy", "no", True)])
        return good[story]

    fired = {"harbour rule": {"A"}, "wire group": {"A", "B"}}
    c = pl.held_out(["A", "B"], {"A": ta, "B": tb}, run, fired, {"T": (1, 2)}, {"T": 1}).set_index("story")
    assert tuple(c.loc["A", ["relation_right", "credit_right", "wire_copied"]]) == (0, 0, 1)
    assert tuple(c.loc["A", ["in_relation_right", "in_credit_right", "in_wire_copied"]]) == (1, 1, 0)
    assert c.loc["A", "taken_out"] == "harbour rule" and c.loc["B", "taken_out"] == ""
    tables: dict = {}  # the held-out tables, and the pairs they get wrong with the verdict's words
    pl.held_out(["A", "B"], {"A": ta, "B": tb}, run, fired, {"T": (1, 2)}, {"T": 1}, tables)
    assert set(tables) == {"A", "B"} and tables["A"]["relation"].tolist() == ["copy"]
    bad = pl.held_out_errors({s: t.assign(verdict="v " + s) for s, t in tables.items()}, {"A": ta, "B": tb})
    assert bad[["story", "a", "b", "relation", "predicted", "verdict"]].values.tolist() == [
        ["A", "h1", "h2", "common_wire", "copy", "v A"]]
    assert tuple(c.loc["B", ["relation_right", "credit_right", "wire_copied"]]) == (1, 1, 0)
    assert c.loc["A", "thresholds"] == ""  # T=1 and T=2 score alike: the package's value kept
    t = pl.totals(c.reset_index())
    assert (t["relation"], t["in_relation"], t["wire_copied"]) == (0.5, 1.0, 1)


def test_source_rules_name_the_agency_and_the_form_a_derived_from_credit_is_no_form():
    forms = pl._forms()
    row = {"source": "Reuters", "kind": "credit", "where": "text", "evidence": "HARBOUR TOWN (Reuters) - The ferry sank"}
    rules = pl.source_rules(row, forms)
    assert rules[0] == "agency Reuters" and rules[1].startswith("form ")
    assert pl.source_rules({"source": "Reuters", "kind": "credit", "where": "derived_from",
                            "evidence": "derived_from: Reuters"}, forms) == ("agency Reuters",)
    assert pl.source_rules({"source": "Harbour Times", "kind": "credit", "where": "text",
                            "evidence": "the pier closed, according to the Harbour Times. More"}, forms)[0].startswith("credit form")


def test_without_sources_drops_what_a_rule_found_and_keeps_a_derived_from_credit_as_no_wire():
    src = pd.DataFrame([
        {"article": "h1", "outlet": "Harbour Post", "source": "Reuters", "wire": True, "kind": "credit",
         "where": "derived_from", "evidence": "derived_from: Reuters", "reach": "article", "at": None},
        {"article": "h2", "outlet": "Quay News", "source": "Reuters", "wire": True, "kind": "credit",
         "where": "text", "evidence": "HARBOUR TOWN (Reuters) - The ferry sank", "reach": "article", "at": None}])
    out = pl.without_sources(src, {"agency Reuters"}, pl._forms())
    assert out["article"].tolist() == ["h1"] and out["wire"].tolist() == [False]
    assert pl.without_sources(src, set()) is src


def test_settings_set_thresholds_and_silence_a_branch_then_restore_them():
    before = (pair_evidence.EVIDENCE_WORDS, verdicts.EVIDENCE_WORDS, verdicts.SURE_WORDS)
    shape = pair_evidence.Evidence.__dict__["wire_shape"]
    with pl.settings({"EVIDENCE_WORDS": 7, "SURE_WORDS": 9}, {"branch wire shape", "branch translation"}):
        assert (pair_evidence.EVIDENCE_WORDS, verdicts.EVIDENCE_WORDS, verdicts.SURE_WORDS) == (7, 7, 9)
        assert pair_evidence.Evidence.wire_shape(object(), "h1") is None
        assert pair_evidence.Evidence.translated.fget(object()) == set()
    assert (pair_evidence.EVIDENCE_WORDS, verdicts.EVIDENCE_WORDS, verdicts.SURE_WORDS) == before
    assert pair_evidence.Evidence.__dict__["wire_shape"] is shape
    row = {"verdict": "undetermined (...)", "evidence": "Quay News opens with a dateline (HARBOUR —): the shape of a wire's copy"}
    assert pl.branch_rules(row) == ("branch wire shape",)



def test_settings_silence_a_branch_read_in_a_part_of_the_evidence_then_restore_it():
    """Evidence's readers of two or more articles live in its parts (pair_third_texts, pair_pages, ...): a branch is
    silenced where its reader is defined, seen through Evidence, and put back there, Evidence itself untouched."""
    import inspect

    from presslens.analyses import pair_pages, pair_third_texts

    ev = pair_evidence.Evidence
    group, page = inspect.getattr_static(ev, "wire_group"), inspect.getattr_static(ev, "publisher_page")
    assert "wire_group" not in ev.__dict__ and group is pair_third_texts.ThirdTexts.__dict__["wire_group"]
    with pl.settings({}, {"branch wire group", "branch one publisher's page", "branch passage in circulation"}):
        assert ev.wire_group(object(), "x", "y") is None and ev.publisher_page(object(), "x", "y") is None
        assert ev.circulating(object(), "x", "y") == []
    assert inspect.getattr_static(ev, "wire_group") is group and pair_pages.Pages.__dict__["publisher_page"] is page
    assert "wire_group" not in ev.__dict__ and "publisher_page" not in ev.__dict__

def test_settings_set_a_threshold_in_every_module_of_the_analyses_that_holds_it():
    """A threshold imported by name is a binding of its own in each module that imports it: the held-out estimate
    must set it in all of them, or a module deciding part of the verdict would keep the package's value."""
    import importlib
    import pkgutil

    import presslens.analyses as analyses

    mods = [importlib.import_module(m.name) for m in pkgutil.walk_packages(analyses.__path__, "presslens.analyses.")]
    values = {"EVIDENCE_WORDS": 7, "SURE_WORDS": 9, "COPY_SHARE": 0.11, "SPREAD": 5, "SAME_PAGE": 0.77}
    held = {(m.__name__, k) for m in mods for k in values if hasattr(m, k)}
    # where each is defined, and the modules deciding the verdicts that read it
    assert {("presslens.analyses.pair_evidence", "EVIDENCE_WORDS"), ("presslens.analyses.pair_unordered", "SURE_WORDS"),
            ("presslens.analyses.pair_unordered", "COPY_SHARE"), ("presslens.analyses.pair_sight", "SPREAD"),
            ("presslens.analyses.verdicts", "SAME_PAGE"), ("presslens.analyses.pair_sources", "EVIDENCE_WORDS")} <= held
    before = {(m.__name__, k): getattr(m, k) for m in mods for k in values if hasattr(m, k)}
    with pl.settings(values, set()):
        assert {(m.__name__, k): getattr(m, k) for m in mods for k in values if hasattr(m, k)} == {
            (name, k): values[k] for name, k in held}
    assert {(m.__name__, k): getattr(m, k) for m in mods for k in values if hasattr(m, k)} == before


def test_directions_count_the_labelled_directions_the_verdicts_say():
    t = _truth("A", [("h1", "h2", "copy", "no"), ("h1", "h3", "copy", "no"), ("h2", "h3", "copy", "no")])
    t.pairs[0]["direction"], t.pairs[1]["direction"] = "a_from_b", "b_from_a"  # the third pair's direction: unknown
    said = _pairs([("h2", "h1", "copy", "no", True), ("h1", "h3", "copy", "no", True), ("h2", "h3", "copy", "no", True)])
    said["direction"] = ["b_from_a", "a_from_b", "a_from_b"]  # h1 from h2 (said from h2's side); h1 from h3: wrong
    assert pl.directions(said, t) == (1, 2)
