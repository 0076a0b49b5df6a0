"""The leave-one-story-out estimate of the furniture rules (presslens.evaluation.furniture_loso): a
built-in rule that removed furniture in one development story only is switched off when that story is
held out; the story's own patterns never are."""
from pathlib import Path

import pandas as pd

from presslens.evaluation import furniture_loso as fl
from presslens.evaluation.truth import Truth


def _truth(slug, furniture_lines, glued=()):
    return Truth(slug=slug, split="dev", labeller="t", path=Path("x"),
                 articles={"a1": {"furniture": list(furniture_lines), "glued_furniture": list(glued)}})


def _removed(rows):
    return pd.DataFrame(rows, columns=["article_id", "line", "removed", "rule", "rule_id"])


ARTS = pd.DataFrame({"id": ["a1"], "text": ["Advertisement\nThe port reopened on Monday. Photo: Jane Roe/AP\nWeekly Digest\nMore prose here."]})


def test_attribute_tells_furniture_from_prose_and_names_the_story_rules():
    t = _truth("A", ["Advertisement"], ["Photo: Jane Roe/AP"])
    rem = _removed([("a1", 1, "Advertisement", "furniture (advertisement): marker", "advertisement"),
                    ("a1", 2, "Photo: Jane Roe/AP", "furniture (photo): credit", "glued-credit"),
                    ("a1", 3, "Weekly Digest", "furniture (story): digest", ""),
                    ("a1", 4, "More prose here.", "furniture (shape): x", "short-line"),
                    ("a1", 4, "<b>", "html: tags", "")])       # markup is no furniture decision: left out
    att = fl.attribute(ARTS, rem, t)
    assert list(att["rule"]) == ["advertisement", "glued-credit", "story: furniture (story): digest", "short-line"]
    assert list(att["outcome"]) == ["furniture", "furniture", "prose", "prose"]


def test_held_out_rules_are_those_with_furniture_in_that_story_only():
    att = pd.DataFrame([("A", "a1", "advertisement", "furniture", ""), ("B", "b1", "advertisement", "furniture", ""),
                        ("A", "a2", "only-a", "furniture", ""), ("B", "b2", "only-a", "prose", ""),
                        ("A", "a3", "story: own pattern", "furniture", ""), ("B", "b3", "only-b", "furniture", "")],
                       columns=["story", "article_id", "rule", "outcome", "text"])
    # a rule with furniture in A alone goes when A is held out (its prose in B does not make it general);
    # the story's own pattern stays; a rule of both stories stays
    assert fl.held_out_rules(att, "A") == {"only-a"}
    assert fl.held_out_rules(att, "B") == {"only-b"}
    # a rule that would have found furniture in B alone (another rule took those lines first there) stays
    alone = pd.DataFrame([("B", "b4", "only-a", "furniture", ""), ("A", "a5", "only-b", "prose", "")],
                         columns=["story", "article_id", "rule", "outcome", "text"])
    assert fl.held_out_rules(att, "A", alone) == set() and fl.held_out_rules(att, "B", alone) == {"only-b"}
    spread = fl.rule_stories(att).set_index("rule")
    assert spread.loc["advertisement", "stories"] == 2 and spread.loc["only-a", "own"] == "A"
    assert spread.loc["only-a", "prose"] == 1 and spread.index[0] == "advertisement"


def test_estimate_reads_development_stories_only(tmp_path, monkeypatch):
    seen = []
    for name, split in (("a-test", "test"), ("b-dev", "dev")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "truth.yaml").write_text(f"version: 1\nstory: {name}\nsplit: {split}\n", encoding="utf-8")
    monkeypatch.setattr(fl, "load_truth", lambda f: seen.append(Path(f).name) or _truth(Path(f).name, []))
    monkeypatch.setattr(fl, "outside_support", lambda: {})
    monkeypatch.setattr(fl, "removals_alone", lambda f, rules: _removed([]))
    monkeypatch.setattr(fl, "predict_furniture", lambda f, off=(): (
        pd.DataFrame({"id": ["a1"], "text": ["x"], "measured": [True]}), _removed([]),
        pd.DataFrame({"article_id": ["a1"], "text": ["The port reopened on Monday."]})))
    table, _, _ = fl.estimate([tmp_path / "a-test", tmp_path / "b-dev"])
    assert seen == ["b-dev"] and list(table["story"]) == ["b-dev"]
    assert fl.totals(table)["sentences"] == 1 and fl.totals(table, "held_")["share"] == 0.0


def test_support_on_real_pages_counts_as_a_second_story(tmp_path):
    att = pd.DataFrame([("A", "a1", "only-a", "furniture", ""), ("A", "a2", "costly", "furniture", "")],
                       columns=["story", "article_id", "rule", "outcome", "text"])
    # furniture removed on trafilatura's pages keeps the rule on; a rule that removed as much prose
    # there as furniture gains nothing from them
    outside = {"only-a": {"furniture": 3, "prose": 0}, "costly": {"furniture": 2, "prose": 2}}
    assert fl.held_out_rules(att, "A") == {"only-a", "costly"}
    assert fl.held_out_rules(att, "A", outside=outside) == {"costly"}
    f = tmp_path / "pages.yaml"
    f.write_text("pages: 3\nrules:\n  only-a: {furniture: 3, prose: 0}\n", encoding="utf-8")
    assert fl.outside_support(f) == {"only-a": {"furniture": 3, "prose": 0}}
    assert fl.outside_support(tmp_path / "absent.yaml") == {}
    # the committed file names built-in rules only
    from presslens.data import builtin
    ids = {r["id"] for r in builtin()["rules"]} | {r["id"] for r in builtin()["shapes"]}
    assert set(fl.outside_support()) <= ids


def test_held_misses_give_each_kept_furniture_line_its_neighbours_and_whether_a_rule_took_it_in_sample():
    from presslens.evaluation.outcomes import outcome, frame

    arts = pd.DataFrame({"id": ["h1"], "text": [
        "Harbour piers reopen after the storm\n\nThe council reopened the piers on Monday.\n"
        "Ferry crews return to Port Selby\n\nBoats were back in the bay by noon.\nHarbour Weekly: all rights reserved"]})
    lines = "furniture lines removed"
    held = frame([outcome("furniture", lines, "h1", "fn", "Ferry crews return to Port Selby", "", "kept by the cleaner"),
                  outcome("furniture", lines, "h1", "fn", "Harbour Weekly: all rights reserved", "", "kept by the cleaner"),
                  outcome("furniture", lines, "h1", "fp", "Boats were back in the bay by noon.", "", "removed, labelled prose")])
    inside = frame([outcome("furniture", lines, "h1", "tp", "Harbour Weekly: all rights reserved", "", ""),
                    outcome("furniture", lines, "h1", "fn", "Ferry crews return to Port Selby", "", "kept by the cleaner")])
    got = fl.held_misses(arts, held, inside, "harbour-story")
    # only the furniture kept held out (fn), not prose removed (fp); blank lines are no neighbours
    assert list(got["line"]) == ["Ferry crews return to Port Selby", "Harbour Weekly: all rights reserved"]
    assert list(got["before"]) == ["The council reopened the piers on Monday.", "Boats were back in the bay by noon."]
    assert list(got["after"]) == ["Boats were back in the bay by noon.", ""]
    # the copyright line was removed in sample (a rule fitted to this story alone); the related headline by no rule
    assert list(got["in_sample"]) == [False, True] and set(got["story"]) == {"harbour-story"}
