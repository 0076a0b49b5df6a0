"""A superlative names every outlet (or article, claim, pair) tied for it, and a finding where all
tie says so, never "X has the most" with X the first of equals (hostile round 10, case 206)."""
import pandas as pd

from presslens.analyses import findings, spread


def test_the_helper_keeps_every_tied_row_in_order():
    from presslens.analyses.findings.common import all_equal, extremes, tied

    t = pd.DataFrame({"outlet": list("ABCD"), "v": [2.0, 3.0, 3.0, float("nan")]})
    assert list(extremes(t, "v")["outlet"]) == ["B", "C"]
    assert list(extremes(t, "v", largest=False)["outlet"]) == ["A"]
    assert tied(["B", "C"]) == "B and C (tied)" and tied(["A"]) == "A"
    assert all_equal(t.iloc[1:], "v") and not all_equal(t, "v") and not all_equal(t.iloc[:1], "v")


def _profiles(shares, words=(50, 45, 40)):
    return pd.DataFrame([{"outlet": o, "words_per_article": w, "loaded_per_1000": 5.0 * i, "claims_share": s,
                          "narration_tone": -0.1 * i, "n_articles": 1}
                         for i, (o, s, w) in enumerate(zip(("Daily A", "Daily B", "Daily C"), shares, words))])


def test_profiles_name_a_tie_and_say_when_all_are_equal():
    sim = pd.DataFrame([{"outlet_a": a, "outlet_b": b, "framing": f} for a, b, f in
                        (("Daily A", "Daily B", 0.5), ("Daily A", "Daily C", 1.0), ("Daily B", "Daily C", 1.0))])
    groups = pd.DataFrame({"outlet": ["Daily A"], "cluster": [1]})
    lines = findings.profiles(_profiles([1.0, 1.0, 1.0]), sim, groups)
    assert not any(" has the most claims:" in s for s in lines)
    assert "All 3 outlets have one share of the claims: 100% of the claims, so none has the most claims " \
           "(table: profiles, claims_share)." in lines
    lines = findings.profiles(_profiles([1.0, 1.0, 0.5]), sim, groups)
    assert "Daily A and Daily B (tied) have the most claims: 100% of the claims (table: profiles, claims_share)." in lines
    alike = [s for s in lines if s.startswith("Told most alike")][0]
    assert alike.startswith("Told most alike: 2 pairs (tied): Daily A and Daily C; Daily B and Daily C (framing "
                            "similarity 1.00); least alike: Daily A and Daily B (0.50)")
    assert "few words behind (Daily A, Daily B and Daily C: under 300 words each): weak evidence" in alike
    same = findings.profiles(_profiles([1.0, 1.0, 0.5]), sim.assign(framing=1.0), groups)
    assert any(s.startswith("Every pair of outlets has one framing similarity, 1.00: none is told more alike") for s in same)


def test_tone_and_corpus_name_ties():
    t = pd.DataFrame([{"outlet": o, "voice": "narration", "n_sentences": 4, "mean": 0.0, "ci_low": 0.0, "ci_high": 0.0,
                       "small_sample": True} for o in ("新闻 A", "新闻 B")])
    lines = findings.tone(t)
    assert lines[0] == ("Every outlet's narration has the same mean tone, +0.000: none is more negative "
                        "(table: by_outlet, voice narration).")
    t.loc[1, "mean"] = 0.2
    t = pd.concat([t, t.iloc[[0]].assign(outlet="新闻 C")], ignore_index=True)
    assert findings.tone(t)[0].startswith("No outlet's narration is negative on average; the lowest: 新闻 A and 新闻 C "
                                          "(tied) (mean +0.000); the highest: 新闻 B (mean +0.200)")  # +0.000: not negative
    t.loc[1, "mean"] = -0.2
    assert findings.tone(t)[0].startswith("Most negative narration: 新闻 B (mean -0.200")


def test_claims_and_facts_name_ties():
    grid = pd.DataFrame([{"claim": c, "outlet": o, "n_carrying": 1, "voice": "narration", "part": "lede"}
                         for c in ("fined", "spill") for o in "ABC"])
    om = pd.DataFrame([{"outlet": o, "n_left_out": n} for o, n in (("A", 1), ("B", 1), ("C", 0))])
    lines = findings.claims(grid, om, [])
    assert "A and B (tied) leave out the most: 1 of 2 claims each (table: omissions)." in lines
    assert "Most often in a title or lede: fined and spill (tied) (3 of 3 outlets each) (table: claims by outlet)." in lines
    assert "Every outlet leaves out 1 of 2 claims (table: omissions)." in findings.claims(grid, om.assign(n_left_out=1), [])
    summary = pd.DataFrame([{"label": "fined 4 million", "n_outlets": 3, "own_voice_outlets": 3},
                            {"label": "the spill poisoned", "n_outlets": 3, "own_voice_outlets": 3},
                            {"label": "dead fish", "n_outlets": 2, "own_voice_outlets": 2}])
    left = pd.DataFrame({"outlet": ["B", "C"], "fact": [1, 2]})
    f = findings.facts(summary, grid, left, pd.DataFrame(columns=["kind", "fact"]))
    assert f[0] == ('3 facts are stated by two articles or more; the widest, in 3 of 3 outlets each, are 2 (tied), '
                    'e.g. "fined 4 million" (table: discovered facts).')
    assert f[1].startswith("B and C (tied) leave out 1 fact each that most outlets carry")


def test_spread_does_not_call_a_same_day_spread_the_slowest():
    first = pd.DataFrame({"claim": ["fined"] * 3 + ["spill"] * 3, "group": list("ABC") * 2,
                          "published": pd.to_datetime(["2024-03-05"] * 6), "first": [True] * 6})
    s = spread.summary(first)
    assert (s["days_to_last"] == 0).all()
    lines = spread.findings(first)
    assert not any(x.startswith("Slowest spread") for x in lines)
    assert any(x.startswith("Every claim carried by several dated outlets reached all of them on its first day") for x in lines)


def test_corpus_names_every_longest_article():
    from types import SimpleNamespace

    arts = pd.DataFrame({"outlet": ["A", "B", "C"], "article_id": ["a", "b", "c"], "words": [50, 50, 40],
                         "published": ["2024-03-05"] * 3, "quoted_share": [0.1, 0.1, 0.0], "translated_from": ["—"] * 3,
                         "derived_from": ["—"] * 3, "measured": [True] * 3})
    lines = findings.corpus(SimpleNamespace(labels={}), arts)
    assert "Longest: A and B (tied) (50 words); shortest: C (40 words) (table: articles, column words)." in lines
    assert lines[2].startswith("Largest share of words inside quotation marks: A and B (tied) (10%)")
    same = findings.corpus(SimpleNamespace(labels={}), arts.assign(words=50))
    assert "Every article has 50 words (table: articles, column words)." in same


def test_a_table_cell_of_tied_names_that_hold_commas_and_and_keeps_them_apart():
    from presslens.analyses.findings.common import tied

    cell = tied(["Compliance and defence", "Rules, legality and enforcement"], sep=" / ")
    assert cell == "Compliance and defence / Rules, legality and enforcement (tied)"
    assert tied(["Harbour Post"], sep=" / ") == "Harbour Post"
