"""presslens.evaluation: truth files validate, scorers move the right way, the scoreboard is
deterministic, and the package names nothing of the evaluation corpora (issue 22)."""
from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from presslens import paths
from presslens.cli.main import main as cli_main
from presslens.evaluation import scoreboard as sb
from presslens.evaluation.outcomes import MEASURES
from presslens.evaluation.score_story import score_claims, score_facts, score_names, score_pairs, score_translation
from presslens.evaluation.score_text import score_furniture, score_quotes, score_sentences
from presslens.evaluation.truth import Truth, TruthError, load_truth

from .conftest import FIXTURES

EVAL_MINI = FIXTURES / "eval-mini"
EVAL_DIR = paths.REPO_ROOT / "data" / "eval"
EVAL_STORIES = sorted(p for p in EVAL_DIR.iterdir() if (p / "truth.yaml").is_file()) if EVAL_DIR.is_dir() else []


def _truth(articles: dict, pairs=(), names=(), claims=()) -> Truth:
    full = {}
    for aid, lab in articles.items():
        full[aid] = {"mt": False, "source_language": None, "furniture": None, "glued_furniture": [],
                     "sentences": None, "quotes": None, **lab}
        for q in full[aid]["quotes"] or []:
            q.setdefault("unsure", False)
    return Truth("tiny", "dev", "tests", Path("tiny"), full, list(pairs), list(names), list(claims))


def _figures(outcomes: pd.DataFrame) -> dict:
    s = sb.summarise(outcomes.assign(story="tiny", split="dev"))
    s = s[s["scope"] == "all"]
    return {r.measure: r for r in s.itertuples(index=False)}


# ----------------------------------------------------------------------------------------------
# truth files


@pytest.mark.parametrize("folder", [EVAL_MINI, *EVAL_STORIES], ids=lambda p: p.name)
def test_every_truth_file_validates(folder):
    t = load_truth(folder)
    assert t.split in ("dev", "test")
    assert t.articles, "a truth file labels every article"


def test_truth_errors_name_file_field_and_fix(tmp_path):
    dest = tmp_path / "eval-mini"
    shutil.copytree(EVAL_MINI, dest)
    data = yaml.safe_load((dest / "truth.yaml").read_text(encoding="utf-8"))
    data["split"] = "train"
    data["articles"]["999-nowhere.example"] = {"mt": False}
    data["articles"]["001-harbourwire.example"]["quotes"][0]["text"] = "words nobody wrote"
    data["articles"]["001-harbourwire.example"]["quotes"][1]["kind"] = "quoted"
    data["articles"]["001-harbourwire.example"]["furniture"].append("Subscribe now")
    data["articles"]["001-harbourwire.example"]["sentences"].append("A sentence that is not there.")
    data["articles"]["002-copysite.example"]["source_language"] = "es"  # given, but mt is false
    data["pairs"][0]["relation"] = "plagiarism"
    data["pairs"][1]["b"] = "003-portalnews"
    data["claims"][0]["articles"].append("005-missing.example")
    data["names"][0]["articles"] = ["404.example"]
    del data["articles"]["004-localtimes.example"]
    (dest / "truth.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(TruthError) as exc:
        load_truth(dest)
    msg = str(exc.value)
    fields = [p.field for p in exc.value.problems]
    assert all(p.file.endswith("eval-mini/truth.yaml") and p.fix for p in exc.value.problems)
    for f in ("split", "articles.999-nowhere.example", "articles.001-harbourwire.example.quotes[0].text",
              "articles.001-harbourwire.example.quotes[1].kind", "articles.001-harbourwire.example.furniture[2]",
              "articles.001-harbourwire.example.sentences[6]", "articles.002-copysite.example.source_language",
              "pairs[0].relation", "pairs[1].b", "claims[0].articles[3]", "names[0].articles[0]",
              "articles.004-localtimes.example"):
        assert f in fields, (f, msg)
    assert "did you mean '003-portalnews.example'" in msg
    assert "use one of: same_page, copy" in msg


# ----------------------------------------------------------------------------------------------
# scorers: a wrong prediction makes the right figure drop, by the hand-computed amount

QUOTE_TRUTH = {"a1": {"quotes": [
    {"text": "We will rebuild.", "kind": "direct", "speaker": "Mayor Ana Ruiz", "actor": "Ana Ruiz", "verb": "said"},
    {"text": "Nobody was hurt.", "kind": "direct", "speaker": "Ruiz", "actor": "Ana Ruiz", "verb": "said"},
    {"text": "once-in-a-century", "kind": "cited", "speaker": None, "actor": None, "verb": None},
    {"text": "the town would ask for funds", "kind": "indirect", "speaker": "Ruiz", "actor": "Ana Ruiz", "verb": "said"},
]}}


def _quotes(rows):
    cols = ["article_id", "quote", "kind", "speaker", "speaker_text", "speaker_kind", "actor", "paragraph"]
    return pd.DataFrame([dict(zip(cols, ("a1", *r, None, "named", None, ""))) for r in rows], columns=cols)


def test_quote_scores_drop_with_a_wrong_speaker_and_a_wrong_kind():
    t = _truth({k: {"quotes": [dict(q) for q in v["quotes"]]} for k, v in QUOTE_TRUTH.items()})
    right = _quotes([("We will rebuild.", "direct", "Ana Ruiz"), ("Nobody was hurt.", "direct", "Ana Ruiz"),
                     ("once-in-a-century", "cited", None), ("the town would ask for funds", "indirect", "Ana Ruiz")])
    f = _figures(score_quotes(right, t))
    for m in ("direct quotes: spans", "direct quotes: speakers", "cited terms: spans", "reported speech: spans",
              "reported speech: speakers"):
        assert f[m].precision == 1.0 and f[m].recall == 1.0, m
    wrong = _quotes([("We will rebuild.", "direct", "Ana Ruiz"), ("Nobody was hurt.", "direct", "Ben Ode"),
                     ("once-in-a-century", "direct", "Ben Ode"), ("the town would ask for funds", "indirect", "the council")])
    f = _figures(score_quotes(wrong, t))
    sp = f["direct quotes: speakers"]  # 1 right; Ode twice wrong (one of them on a cited term); 1 labelled missed
    assert (sp.tp, sp.fp, sp.fn) == (1, 2, 1)
    assert sp.precision == pytest.approx(1 / 3) and sp.recall == pytest.approx(0.5) and sp.f1 == pytest.approx(0.4)
    ds = f["direct quotes: spans"]  # the cited term called direct: a false direct span
    assert (ds.tp, ds.fp, ds.fn) == (2, 1, 0) and ds.precision == pytest.approx(2 / 3)
    ct = f["cited terms: spans"]
    assert (ct.tp, ct.fp, ct.fn) == (0, 0, 1) and ct.recall == 0.0
    assert f["reported speech: spans"].f1 == 1.0 and f["reported speech: speakers"].f1 == 0.0


def test_a_pronoun_counts_only_when_resolved_to_the_labelled_person():
    """A labelled "he" is the person of its actor field: a found "he" resolved to somebody else is a
    wrong speaker, not a match of two pronouns (issue 24: the scorer counted "he" against "he")."""
    from presslens.evaluation.score_text import same_speaker

    gold = {"speaker": "he", "actor": "Ana Ruiz"}
    assert same_speaker(gold, {"speaker": "Ana Ruiz", "speaker_text": "he"})
    assert same_speaker(gold, {"speaker": "Ruiz", "speaker_text": "she"})
    assert not same_speaker(gold, {"speaker": "Ben Ode", "speaker_text": "he"})
    assert not same_speaker({"speaker": "it", "actor": "Port Authority"},
                            {"speaker": "Globex", "speaker_text": "it", "speaker_kind": "role", "actor": "Globex"})
    assert not same_speaker({"speaker": "he", "actor": None}, {"speaker": "Ben Ode", "speaker_text": "He"})
    assert same_speaker({"speaker": "Mayor Ana Ruiz", "actor": "Ana Ruiz"}, {"speaker": "Ruiz", "speaker_text": "Ruiz"})


def test_a_follow_on_quote_is_scored_against_its_actor():
    """A paragraph that is all quote names nobody in its own words: the labels give the person as the
    actor only (speaker null). A speaker found for it is right when it is that person, wrong otherwise,
    and a missed one is a miss (before: any speaker found counted wrong, and none was never missed)."""
    t = _truth({"a1": {"quotes": [
        {"text": "We will rebuild the quay.", "kind": "direct", "speaker": None, "actor": "Ana Ruiz", "verb": None},
        {"text": "And we will do it soon.", "kind": "direct", "speaker": None, "actor": "Ana Ruiz", "verb": None},
        {"text": "once-in-a-century", "kind": "cited", "speaker": None, "actor": None, "verb": None}]}})
    got = _quotes([("We will rebuild the quay.", "direct", "Ana Ruiz"), ("And we will do it soon.", "direct", "Ben Ode"),
                   ("once-in-a-century", "cited", None)])
    sp = _figures(score_quotes(got, t))["direct quotes: speakers"]
    assert (sp.tp, sp.fp, sp.fn) == (1, 1, 1)


def test_unsure_labels_count_for_nothing():
    t = _truth({"a1": {"quotes": [{"text": "maybe said", "kind": "direct", "speaker": "X", "actor": None, "verb": None,
                                   "unsure": True}]}})
    assert score_quotes(_quotes([]), t).empty
    assert score_quotes(_quotes([("maybe said", "direct", "Y")]), t).empty


PAIR_TRUTH = [
    {"a": "a1", "b": "a2", "relation": "copy", "source": None, "credited": "no", "direction": "b_from_a", "note": None},
    {"a": "a1", "b": "a3", "relation": "common_wire", "source": "AP", "credited": "yes", "direction": "unknown", "note": None},
]
PAIRS = pd.DataFrame({"article_a": ["a1", "a1"], "article_b": ["a2", "a3"], "kind": ["copy", "partial reuse"]})


def _prov(status_a3: str) -> pd.DataFrame:
    return pd.DataFrame({"article": ["a2", "a3"], "source_article": ["a1", "a1"],
                         "status": ["copied without credit", status_a3],
                         "direction": ["source earlier (2024-05-01 before 2024-05-02)", "unknown: both published 2024-05-01"],
                         "credited": [False, False]})


def test_pair_scores_drop_with_a_wrong_relation():
    t = _truth({a: {} for a in ("a1", "a2", "a3")}, pairs=PAIR_TRUTH)
    f = _figures(score_pairs(PAIRS, _prov("common source likely (both credit AP)"), t))
    assert f["relation"].share == 1.0 and f["uncredited copying"].f1 == 1.0
    assert f["common wire called copied without credit"].share == 0.0
    assert f["credit status"].share == 1.0 and f["direction"].share == 1.0
    f = _figures(score_pairs(PAIRS, _prov("copied without credit, direction unknown"), t))
    assert f["relation"].share == 0.5  # partial reuse without a common source reads as a reworded copy
    u = f["uncredited copying"]
    assert (u.tp, u.fp, u.fn) == (1, 1, 0) and u.f1 == pytest.approx(2 / 3)
    assert f["common wire called copied without credit"].share == 1.0  # a false accusation counted
    assert f["credit status"].share == 0.5


MT_TRUTH = {"a1": {"mt": False}, "a2": {"mt": True, "source_language": "zh"}, "a3": {"mt": True, "source_language": "es"}}


def _tr(rows):
    return pd.DataFrame(rows, columns=["article_id", "verdict", "kinds", "translation", "source_language"])


def test_translation_scores_drop_with_a_wrong_verdict():
    t = _truth(MT_TRUTH)
    right = _tr([("a2", "likely undeclared translation", "MT phrase, glued sentences", True, "zh"),
                 ("a3", "declared translation", "", True, "es")])
    f = _figures(score_translation(right, t))
    assert f["machine translation"].f1 == 1.0 and f["source language"].share == 1.0
    wrong = _tr([("a1", "likely undeclared translation", "MT phrase, glued sentences", True, "zh"),
                 ("a2", "likely undeclared translation", "MT phrase, calque", True, "ja"),
                 ("a3", "isolated signals", "MT phrase", False, None)])
    f = _figures(score_translation(wrong, t))
    m = f["machine translation"]
    assert (m.tp, m.fp, m.fn) == (1, 1, 1) and m.f1 == pytest.approx(0.5)
    assert f["source language"].share == 0.0


def test_furniture_sentence_name_and_claim_scorers():
    body = "Storm hits town\nAdvertisement\nThe storm hit the town. It rained. Visit site.example now\nPhoto: Staff"
    arts = pd.DataFrame({"id": ["a1"], "text": [body]})
    t = _truth({"a1": {"furniture": ["Advertisement", "Photo: Staff"], "glued_furniture": ["Visit site.example now"],
                       "sentences": ["The storm hit the town.", "It rained."]}},
               names=[{"form": "Stormtown", "actor": "Town", "kind": "misspelling", "articles": ["a1"]}],
               claims=[{"id": "c1", "text": "storm", "articles": ["a1"]}])
    removed = pd.DataFrame({"article_id": ["a1", "a1"], "line": [2, 3], "removed": ["Advertisement", "Visit site.example now"],
                            "rule": ["advertisement", "story"]})
    sents = pd.DataFrame({"article_id": ["a1"] * 3, "text": ["The storm hit the town.", "It rained.", "Photo: Staff"]})
    f = _figures(score_furniture(arts, removed, sents, t))
    fl = f["furniture lines removed"]
    assert (fl.tp, fl.fp, fl.fn) == (1, 0, 1)  # the photo credit was kept
    assert f["glued furniture cut"].f1 == 1.0
    assert f["measured sentences that are furniture"].share == pytest.approx(1 / 3)
    # a one-word tag labelled furniture makes a sentence furniture only where it glues (start or end),
    # not where the prose names the same place; a three-word furniture text anywhere in a sentence
    tagged = pd.DataFrame({"id": ["a2"], "text": ["Pakistani\nFloods reach Pakistani towns today."]})
    t2 = _truth({"a2": {"furniture": ["Pakistani", "Share this article"], "glued_furniture": [],
                        "sentences": ["Floods reach Pakistani towns today."]}})
    s2 = pd.DataFrame({"article_id": ["a2"] * 4, "text": ["Floods reach Pakistani towns today.",
                                                          "Pakistani Floods reach the towns.",
                                                          "Rain fell. Share this article now",
                                                          "Rain fell on the hills."]})
    m = _figures(score_furniture(tagged, pd.DataFrame(columns=["article_id", "line", "removed", "rule"]), s2, t2))
    assert m["measured sentences that are furniture"].share == pytest.approx(2 / 4)
    good = pd.DataFrame({"article_id": ["a1"] * 4, "part": ["title", "body", "body", "body"],
                         "text": ["Storm hits town", "The storm hit the town.", "It rained.", "Visit site.example now"]})
    bad = good.assign(text=["Storm hits town", "The storm hit the", "town. It rained.", "Visit site.example now"])
    assert _figures(score_sentences(arts, good, t))["sentence boundaries"].f1 == 1.0
    sb_ = _figures(score_sentences(arts, bad, t))["sentence boundaries"]
    assert (sb_.tp, sb_.fp, sb_.fn) == (1, 1, 1)  # "It rained." still ends right; a split inside the first
    props = pd.DataFrame({"candidate": ["Stormtown", "Rained"], "actor": ["Town", "Town"], "rule": ["spelling: edits"] * 2})
    f = _figures(score_names(props, {}, t))
    n = f["name variants proposed"]
    assert (n.tp, n.fp, n.fn) == (1, 1, 0)
    assert f["false proposals"].share == 0.5
    assert score_names(props, {"stormtown": "Town"}, t).query("outcome == 'fn'").empty  # listed: not discovery's to find
    hits = pd.DataFrame({"claim": ["c1"], "article_id": ["a1"], "sentence": ["The storm hit the town."]})
    assert _figures(score_claims(hits, {"c1": "storm"}, t, ["a1", "a2"]))["articles carrying a claim"].f1 == 1.0
    miss = _figures(score_claims(hits.iloc[0:0], {"c1": "storm"}, t, ["a1"]))["articles carrying a claim"]
    assert (miss.tp, miss.fn) == (0, 1)
    # a truth file numbering its claims: matched to story.yaml's claim of the most alike text
    by_text = score_claims(hits.assign(claim="storm-hit"), {"rain": "It rained all week", "storm-hit": "The storm hit"},
                           _truth({"a1": {}}, claims=[{"id": "c9", "text": "the storm hit the town", "articles": ["a1"]}]),
                           ["a1"])
    assert by_text["outcome"].tolist() == ["tp"]


def test_facts_scorer_best_fact_by_article_f1():
    """Measured: a1-a4 (a5 left out of the measures). Fact 0 is in a1, a2; fact 1 in a1-a4; fact 2 in
    a4, a5. Claim c1 (a1, a2, a3): fact 0 F1 2*2/(2+3) = 0.8, fact 1 2*3/(4+3) = 6/7, the best:
    matched. Claim c2 (a4): fact 2 on the measured articles is {a4}, F1 1.0 (a5 is no false positive:
    not measured). Claim c3 (a3): fact 1 only, F1 2/(4+1) = 0.4: missed. Claim c4 (a5 only): not
    scored. Counting only facts that share two words with the claim's text: c1's words are fact 0's
    (F1 0.8, still matched), not fact 1's (schools closed); c2 shares "storm" and "hit" with fact 2
    (1.0); c3 shares "schools closed" with fact 1 (0.4)."""
    members = pd.DataFrame({"fact": [0, 0, 1, 1, 1, 1, 2, 2],
                            "article_id": ["a1", "a2", "a1", "a2", "a3", "a4", "a4", "a5"],
                            "clause": ["Storm hit the town", "The storm hit the town"] + ["Schools closed"] * 4
                            + ["The storm hit hard"] * 2,
                            "centre": [True, False, True, False, False, False, True, False]})
    t = _truth({a: {} for a in ("a1", "a2", "a3", "a4", "a5")},
               claims=[{"id": "c1", "text": "A storm hit the town", "articles": ["a1", "a2", "a3"]},
                       {"id": "c2", "text": "It hit hard, the storm", "articles": ["a4"]},
                       {"id": "c3", "text": "Schools closed for a week", "articles": ["a3"]},
                       {"id": "c4", "text": "four", "articles": ["a5"]}])
    o = score_facts(members, t, ["a1", "a2", "a3", "a4"])
    share = o[o["measure"] == "claims matched by a discovered fact"].set_index("unit")["outcome"].to_dict()
    assert share == {"c1": "yes", "c2": "yes", "c3": "no"}
    best = o[o["measure"] == "best F1 of a claim's fact"].set_index("unit")["value"]
    assert best["c1"] == pytest.approx(6 / 7) and best["c2"] == 1.0 and best["c3"] == pytest.approx(0.4)
    f = _figures(o)
    assert f["claims matched by a discovered fact"].share == pytest.approx(2 / 3)
    assert f["best F1 of a claim's fact"].share == pytest.approx((6 / 7 + 1 + 0.4) / 3)
    miss = o[(o["unit"] == "c3") & (o["outcome"] == "no")].iloc[0]
    assert "in 1 of the 1 labelled articles and 3 others" in miss["detail"]
    said = o[o["measure"] == "claims matched by a fact sharing their words"].set_index("unit")
    assert said["outcome"].to_dict() == {"c1": "yes", "c2": "yes", "c3": "no"}
    assert said.loc["c1", "sentence"] == "Storm hit the town"          # fact 0 (F1 0.8), not fact 1 (6/7)
    # a claim whose words no fact shares: nothing matches it, however well a fact's articles fit
    lone = score_facts(members, _truth({"a1": {}, "a2": {}}, claims=[{"id": "c9", "text": "Bridges fell",
                                                                       "articles": ["a1", "a2"]}]), ["a1", "a2"])
    by = lone.set_index("measure")["outcome"]
    assert by["claims matched by a discovered fact"] == "yes" and by["claims matched by a fact sharing their words"] == "no"


# ----------------------------------------------------------------------------------------------
# the scoreboard


@pytest.fixture(scope="module")
def mini_outcomes():
    return sb.score_story(EVAL_MINI)[1]


def test_scoreboard_on_the_fixture_story(mini_outcomes):
    s = sb.summarise(mini_outcomes)
    assert set(s["scope"]) == {"all", "dev", "eval-mini"}
    row = s[(s["scope"] == "all") & (s["measure"] == "uncredited copying")].iloc[0]
    assert (row["tp"], row["fp"], row["fn"]) == (1, 0, 0)
    assert s[(s["scope"] == "all") & (s["measure"] == "machine translation")].iloc[0]["recall"] == 1.0
    for r in s.itertuples(index=False):  # every interval holds its point estimate
        for m in ("precision", "recall", "f1", "share"):
            v, lo, hi = getattr(r, m), getattr(r, f"{m}_lo"), getattr(r, f"{m}_hi")
            if not pd.isna(v) and not pd.isna(lo):
                assert lo - 1e-9 <= v <= hi + 1e-9, (r.measure, m)
    assert set(s["measure"]) <= {m.name for m in MEASURES}


def test_bootstrap_intervals_are_deterministic(mini_outcomes, tmp_path):
    big = pd.concat([mini_outcomes.assign(story=f"s{i}", split="dev" if i % 2 else "test") for i in range(4)])
    a, b = sb.summarise(big), sb.summarise(big.sample(frac=1.0, random_state=1).sort_index(kind="stable"))
    pd.testing.assert_frame_equal(a, b)
    sb.to_csv(a, tmp_path / "a.csv")
    sb.to_csv(sb.summarise(big), tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    row = a[(a["scope"] == "all") & (a["measure"] == "furniture lines removed")].iloc[0]
    assert row["f1_lo"] <= row["f1"] <= row["f1_hi"]


def test_cli_eval_writes_the_scoreboard_and_lists_errors(tmp_path, capsys):
    out = tmp_path / "out"
    assert cli_main(["eval", str(EVAL_MINI), "--out", str(out), "--show-errors"]) == 0
    text = capsys.readouterr().out
    assert "uncredited copying" in text and "[fn]" in text and "in: " in text
    assert "left as they were" in text  # a subset never rewrites docs/accuracy.md or the README
    csv = pd.read_csv(out / "scoreboard.csv")
    assert {"all", "dev", "eval-mini"} == set(csv["scope"])
    assert "## Where presslens is weak" in (out / "scoreboard.md").read_text(encoding="utf-8")
    assert cli_main(["eval", str(EVAL_MINI), "--summary"]) == 0
    assert "| eval-mini | dev | 4 | 4 |" in capsys.readouterr().out
    assert cli_main(["eval", "no-such-story"]) == 2


def test_discovery_is_scored_on_story_yaml_without_the_labelled_variants():
    from presslens.evaluation import adapter

    st = adapter.load_story(EVAL_MINI)
    bare = adapter.withhold(st, ["Mayor Ana Ruiz", "ruiz", "Port Selby", "Councillor  Ben Ode"])
    ruiz = next(a for a in bare.actors if a.name == "Ana Ruiz")
    assert ruiz.aliases == () and next(a for a in bare.actors if a.name == "Port Selby").aliases == ("Port Selby",)
    assert next(s for s in bare.speakers if s.name == "Ben Ode").aliases == ("Ode",)
    assert len(next(a for a in st.actors if a.name == "Ana Ruiz").aliases) == 2  # the story itself is untouched


def test_published_text_is_written_between_the_markers(mini_outcomes, tmp_path):
    from presslens.evaluation import command

    truth = load_truth(EVAL_MINI)
    summary = sb.summarise(mini_outcomes)
    readme = tmp_path / "README.md"
    readme.write_text("# x\n\nbefore\n<!-- accuracy:start -->\nold figures\n<!-- accuracy:end -->\nafter\n", encoding="utf-8")
    assert command.replace_between(readme, command.README_START, command.README_END,
                                    command.readme_section(summary, [truth]))
    text = readme.read_text(encoding="utf-8")
    assert "old figures" not in text and text.startswith("# x\n\nbefore\n") and text.endswith("after\n")
    assert "Scored on 1 story (1 development, 0 test) and 4 articles." in text
    assert "| pairs | uncredited copying | F1 | 1.00 [1.00, 1.00] n=1 |" in text
    doc = command.accuracy_doc(summary, [truth])
    assert "### eval-mini (dev)" in doc and "## What each measure counts" in doc
    assert not command.replace_between(tmp_path / "missing.md", command.README_START, command.README_END, "x")


def test_readme_has_the_generated_accuracy_section():
    readme = (paths.REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- accuracy:start -->" in readme and "<!-- accuracy:end -->" in readme
    assert "docs/accuracy.md" in readme and "data/eval/GUIDE.md" in readme


# ----------------------------------------------------------------------------------------------
# structure: one adapter, small modules


def test_only_the_adapter_calls_into_the_rest_of_presslens():
    pkg = paths.REPO_ROOT / "presslens" / "evaluation"
    for f in sorted(pkg.glob("*.py")):
        assert len(f.read_text(encoding="utf-8").splitlines()) < 400, f.name
        if f.name == "adapter.py":
            continue
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 2 or isinstance(node, ast.ImportFrom) and \
                    (node.module or "").startswith("presslens") and not node.module.startswith("presslens.evaluation"):
                pytest.fail(f"{f.name} imports {node.module or '..'} directly: go through adapter.py")


# ----------------------------------------------------------------------------------------------
# honesty: no rule, list entry or threshold of the package names a string of the evaluation corpora

WIRES = {"ap", "associated press", "reuters", "afp", "agence france-presse", "agence france presse", "xinhua",
         "efe", "ansa", "dpa", "kyodo", "kyodo news", "yonhap", "tass", "ria novosti", "anadolu", "anadolu agency",
         "pti", "press trust of india", "ani", "ians", "pa media", "bernama", "antara", "upi", "bloomberg", "afp-jiji",
         "jiji press", "europa press", "sputnik", "interfax", "aap", "getty images", "epa", "ap photo"}


def _countries() -> set[str]:
    from babel import Locale

    return {n.casefold() for n in Locale("en").territories.values()}


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    try:
        return yaml.safe_load(text.split("---", 2)[1]) or {}
    except yaml.YAMLError:
        return {}


def _raw_names(folder: Path) -> set[str]:
    names: set[str] = set()
    for art in sorted((folder / "articles").glob("*.md")):
        fm = _front_matter(art)
        names.add(str(fm.get("outlet") or ""))
        m = re.match(r"https?://(?:www\.)?([^/:]+)", str(fm.get("url") or ""))
        if m:
            names.add(m.group(1))
    for fname, keys in (("story.yaml", ("actors", "speakers")), ("truth.yaml", ("names", "pairs"))):
        p = folder / fname
        data = yaml.safe_load(p.read_text(encoding="utf-8")) if p.is_file() else None
        if not isinstance(data, dict):
            continue
        for k in keys:
            for e in data.get(k) or []:
                if isinstance(e, dict):
                    names.update(str(e.get(f) or "") for f in ("name", "form", "actor", "source"))
                    names.update(str(x) for x in (e.get("aliases") or []) if isinstance(e.get("aliases"), list))
        for lab in (data.get("articles") or {}).values() if fname == "truth.yaml" else []:
            for q in (lab or {}).get("quotes") or []:
                if isinstance(q, dict):
                    names.update(str(q.get(f) or "") for f in ("speaker", "actor"))
    return {" ".join(n.split()) for n in names if n and n.strip()}


def distinctive(name: str, ordinary: frozenset, common: set[str], bundled: str) -> bool:
    """Worth grepping for: two capitalised words or more, a host name, a word with an inner capital,
    or one capitalised word that is not an English word; never a wire agency, a country or a name
    the bundled story also uses."""
    key = name.casefold().strip(" .,")
    cjk = re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2}", name)
    if key in common or key.removeprefix("the ") in common or key in bundled or (len(key) < 4 and not cjk):
        return False
    if re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", key):
        return True
    words = re.findall(r"[^\W\d_][\w'’.-]*", name)
    caps = [w for w in words if w[:1].isupper() and w.casefold() not in ("the", "a", "an", "of", "and", "for", "in", "on")]
    if len(caps) >= 2 or cjk:
        return True
    if len(words) == 1 and caps:
        w = words[0]
        return bool(re.search(r"[a-z][A-Z]", w)) or (w.casefold() not in ordinary and len(w) >= 5)
    return False


def _agencies() -> set[str]:
    """The news agencies of the package's versioned data file (wire_agencies.yaml): their names and own
    hosts are generic (agencies every story's coverage reprints), not strings of one evaluation story."""
    from presslens.analyses import wires

    return {n.casefold() for a in wires.agencies()["agencies"] for n in [a["id"], a["name"], *a["names"], *(a.get("hosts") or [])]}


def corpus_names(folders: list[Path]) -> list[str]:
    """The distinctive names of the evaluation story ``folders``, longest first."""
    from presslens.text.vocabulary import ordinary_words

    bundled = "\n".join(p.read_text(encoding="utf-8", errors="ignore").casefold()
                        for p in sorted((paths.REPO_ROOT / "data" / "stories").rglob("*")) if p.is_file())
    common, ordinary = WIRES | _agencies() | _countries(), ordinary_words()
    return sorted({n for f in folders for n in _raw_names(f) if distinctive(n, ordinary, common, bundled)},
                  key=lambda n: (-len(n), n))


def offending(names: list[str], root: Path) -> list[str]:
    """"file: name" for every file under ``root`` (code and data) that names one of ``names``."""
    rx = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])", re.IGNORECASE)
    found = set()
    for p in sorted(root.rglob("*")):
        if not p.is_file() or "__pycache__" in p.parts or p.suffix == ".pyc":
            continue
        try:
            text = p.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        found.update(f"{p.relative_to(root.parent)}: {m.group(0)!r}" for m in rx.finditer(text))
    return sorted(found)


def test_the_name_grep_finds_a_planted_name(tmp_path):
    names = corpus_names([EVAL_MINI])
    assert {"Harbour Wire", "Mayor Ana Ruiz", "Port Selbi", "copysite.example", "塞尔比港"} <= set(names)
    assert "Ruiz" not in names  # a single word that is also an English word or common name is not distinctive
    pkg = tmp_path / "presslens"
    (pkg / "data").mkdir(parents=True)
    (pkg / "rules.py").write_text("SAFE = ['harbour', 'wire']\n", encoding="utf-8")
    (pkg / "data" / "furniture.yaml").write_text("- pattern: '^Share on Facebook$'\n- pattern: 'harbour wire'\n",
                                                 encoding="utf-8")
    assert offending(names, pkg) == ["presslens/data/furniture.yaml: 'harbour wire'"]


def test_the_package_names_nothing_of_the_evaluation_corpora():
    folders = sorted(p for p in EVAL_DIR.iterdir() if (p / "articles").is_dir()) if EVAL_DIR.is_dir() else []
    if not folders:
        pytest.skip("no evaluation corpus yet")
    names = corpus_names(folders)
    assert names, "the corpora should yield some distinctive names"
    found = offending(names, paths.REPO_ROOT / "presslens")
    assert not found, "the package names strings of the evaluation corpora (a rule tuned on them?):\n" + "\n".join(found)


def test_a_reported_statement_is_matched_by_its_opening_or_close_for_its_speaker():
    """Session 21: the guide leaves where a reported clause ends open, so the speaker measure matches a
    reported statement by its opening or close (4+ words, word for word); the span measure and the
    'strict span' speaker row keep the strict criterion."""
    from presslens.evaluation.score_text import same_statement

    assert same_statement("the bridge would reopen in May", "the bridge would reopen in May, weeks after the vote")
    assert same_statement("the mayor said the bridge would reopen", "the bridge would reopen")
    assert not same_statement("the bridge would reopen in May", "the bridge would close in May")
    assert not same_statement("it was fine", "it was fine, and nobody was hurt")   # 3 words: too short
    assert not same_statement("the harbour stays shut", "ferries will run, and the harbour stays shut for now")
    truth = _truth({"a1": {"quotes": [{"text": "the harbour would stay shut until Friday, when divers finish",
                                       "kind": "indirect", "speaker": "Ana Ruiz"}]}})
    f = _figures(score_quotes(_quotes([("the harbour would stay shut until Friday", "indirect", "Ana Ruiz")]), truth))
    assert (f["reported speech: speakers"].tp, f["reported speech: speakers"].fp) == (1, 0)
    strict = f["reported speech: speakers, strict span"]
    assert (strict.tp, strict.fp, strict.fn) == (0, 1, 1)
    assert f["reported speech: spans"].tp == 0
    wrong = _figures(score_quotes(_quotes([("the harbour would stay shut until Friday", "indirect", "Ben Ode")]), truth))
    assert (wrong["reported speech: speakers"].tp, wrong["reported speech: speakers"].fp) == (0, 1)


# ----------------------------------------------------------------------------------------------
# an evaluation outlet is no name of the package's own lists
#
# The package carries publishers' names: the wire agencies of presslens/data/wire_agencies.yaml (ids, names, the
# forms credits take, their own hosts) and the photo agencies that sign pictures there. A page whose outlet is one
# of them is read by those lists (wires.wire_of: "the outlet is the agency", its own text), not by a rule, so a
# score on it measures the list, and an evaluation set's outlet may not share a name with them (session 20 took a
# wire agency's own page out of quotes-pages-dev5 for this reason).
# Decided (session 21): a pickup whose outlet names an agency ("Harbour Post via AP", "Harbour Post (AFP)",
# "Harbour Post / Reuters") collides too: its outlet field names the agency the text came from, which the package
# reads. Write such a page's outlet as the site that ran it and the agency in derived_from ([AP]), as FORMAT.md says.

# pages labelled before the rule (sessions 12-17): each an agency's own page (TASS, EFE, APP = Associated Press of
# Pakistan, IRNA) or an outlet whose common name is an agency's id in the list (CNA: Channel NewsAsia, and the
# list's id of Taiwan's Central News Agency). Left for the lead to decide: taking them out changes dev figures.
# A pair (set, outlet) here that no longer collides fails the test too, so the list stays true.
KNOWN_OUTLET_COLLISIONS = {
    ("change6-far-side-2024", "APP"), ("change6-far-side-2024", "IRNA English"),
    ("crocus-city-hall-attack-2024", "TASS"), ("navalny-death-2024", "TASS"),
    ("quotes-pages-dev2", "CNA"), ("rubiales-hermoso-2023", "EFE"),
}


def listed_names() -> dict[str, str]:
    """Every name the package's publisher lists carry (wire agencies' ids, names and hosts; photo agencies'
    names), keyed as the package compares names (:func:`presslens.analyses.wires.norm`) -> as listed."""
    from presslens import data
    from presslens.analyses import wires

    d = data.wire_agencies()
    names = {n for a in d["agencies"] for n in [a["id"], a["name"], *a["names"], *(a.get("hosts") or [])]}
    names |= set(d.get("photo_agencies", {}).get("names", []))
    return {wires.norm(n): n for n in sorted(names)}


def _name_in(name: str) -> re.Pattern:
    """``name`` as words of a longer outlet; an acronym or a short name in its own case ("PA", not "Pa")."""
    bare = re.sub(r"^[Tt]he\s+", "", name)
    flags = 0 if bare.isupper() or len(bare) <= 4 else re.IGNORECASE
    return re.compile(r"(?<![\w.-])" + re.escape(bare) + r"(?![\w-]|\.\w)", flags)


def shared_name(outlet: str, listed: dict[str, str]) -> str | None:
    """The listed name an outlet shares: the same name as the package compares names, or a listed name as words
    of the outlet (a pickup: "X via AP"); None when it shares none."""
    from presslens.analyses import wires

    if wires.norm(outlet) in listed:
        return listed[wires.norm(outlet)]
    return next((n for n in sorted(listed.values(), key=lambda n: (-len(n), n)) if _name_in(n).search(outlet)), None)


def outlet_collisions(folders: list[Path]) -> list[tuple[str, str, str, str]]:
    """(set, article file, outlet, listed name) for every article of ``folders`` whose front-matter outlet shares
    a name with the package's lists (:func:`shared_name`); the sets' story.yaml files name no outlet."""
    listed, out = listed_names(), []
    for folder in folders:
        for art in sorted((folder / "articles").glob("*.md")):
            outlet = str(_front_matter(art).get("outlet") or "")
            hit = shared_name(outlet, listed) if outlet.strip() else None
            if hit:
                out.append((folder.name, art.name, outlet, hit))
    return out


def _split(folder: Path) -> str:
    m = re.search(r"(?m)^split:\s*(\w+)", (folder / "truth.yaml").read_text(encoding="utf-8"))
    return m.group(1) if m else "?"


@pytest.mark.parametrize("outlet, hit", [
    ("The Associated Press", "The Associated Press"), ("REUTERS", "Reuters"), ("Agence France Presse", "Agence France-Presse"),
    ("apnews.com", "apnews.com"), ("Getty Images", "Getty Images"),  # an agency's host, a photo agency
    ("Harbour Post via AP", "AP"), ("Harbour Post (AFP)", "AFP"), ("Harbour Post / Reuters", "Reuters"),  # pickups
    ("Harbour Post via the Associated Press", "The Associated Press"),
    ("Kestrel Times", None), ("Lusaka Harbour Times", None), ("Apex Daily", None), ("Harbour AP7 News", None),
    ("Pa Harbour Weekly", None), ("harbourpost.example", None),  # a short name in another case, a host of its own
])
def test_an_outlet_shares_a_listed_name_when_it_is_one_or_names_one(outlet, hit):
    assert shared_name(outlet, listed_names()) == hit


def test_the_check_lists_the_set_and_the_outlet_that_collide(tmp_path):
    for name, outlets in (("harbour-dev", ["Harbour Post", "Harbour Post via AP"]), ("bay-dev", ["Reuters", "Bay News"])):
        for i, o in enumerate(outlets):
            (tmp_path / name / "articles").mkdir(parents=True, exist_ok=True)
            (tmp_path / name / "articles" / f"00{i}.md").write_text(f"---\noutlet: {o}\n---\nText.\n", encoding="utf-8")
    assert outlet_collisions([tmp_path / "bay-dev", tmp_path / "harbour-dev"]) == [
        ("bay-dev", "000.md", "Reuters", "Reuters"), ("harbour-dev", "001.md", "Harbour Post via AP", "AP")]


def test_no_evaluation_outlet_shares_a_name_with_the_package_lists():
    folders = sorted(p for p in EVAL_DIR.iterdir() if (p / "articles").is_dir()) if EVAL_DIR.is_dir() else []
    if not folders:
        pytest.skip("no evaluation corpus yet")
    found = outlet_collisions(folders)
    held_out = {f.name for f in folders if (f / "truth.yaml").is_file() and _split(f) != "dev"}
    new = [c for c in found if c[0] not in held_out and (c[0], c[2]) not in KNOWN_OUTLET_COLLISIONS]
    stale = KNOWN_OUTLET_COLLISIONS - {(c[0], c[2]) for c in found}
    # a held-out story's outlets are not printed: nobody developing may read them (the lead looks)
    n_held = sum(c[0] in held_out for c in found)
    assert not (new or stale or n_held), "\n".join(
        ["evaluation outlets sharing a name with presslens/data/wire_agencies.yaml (write the site that ran the page "
         "as its outlet and the agency in derived_from, or take the agency's own page out):"]
        + [f"  {s}: {a}: outlet {o!r} shares the listed name {n!r}" for s, a, o, n in new]
        + ([f"  a test story collides ({n_held} article(s); not named here)"] if n_held else [])
        + [f"  KNOWN_OUTLET_COLLISIONS lists {s}: {o!r}, which no longer collides: take it off" for s, o in sorted(stale)])
