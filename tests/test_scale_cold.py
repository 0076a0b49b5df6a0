"""Issue 20 (cold speed at 10,000 articles): story-level steps read a sentence's text once however
many articles repeat it (copies of one wire story), with the same rows as reading each copy."""
import importlib

from presslens.analyses.naming import translation
from presslens.text import mtsignals

from .test_translation import _story

cand_mod = importlib.import_module("presslens.analyses.naming.candidates")

BODY = ("Acme opened a plant this Monday (12) in the north. The Big Plant employs 1.000 people. "
        "Analysts at Globex Capital were pleased.")


def _copies(tmp_path, n):
    return _story(tmp_path, "  - {name: Acme, aliases: [Acme]}\n",
                  [(f"Outlet {i}", BODY + (" One more line by Outlet Writer." if i == 0 else "")) for i in range(n)])


def test_translation_signals_read_each_sentence_once(tmp_path, monkeypatch):
    calls = []
    real = mtsignals.sentence_signals
    monkeypatch.setattr(mtsignals, "sentence_signals", lambda s, *a: (calls.append(s), real(s, *a))[1])
    st = _copies(tmp_path, 6)
    ind = translation.translation_indicators(st)
    assert len(calls) == len(set(calls)) == 10  # three shared sentences, the first article's own and six titles
    per = ind[ind["kind"] != "translationese"].groupby("article_id")
    shapes = {aid: g[["kind", "detail", "weight", "rule", "sentence"]].to_numpy().tolist() for aid, g in per}
    assert len(shapes) == 6 and all(v == shapes["a1"] for k, v in shapes.items() if k != "a0")
    assert any(r[0] == "MT phrase" for r in shapes["a1"])  # the copies carry the signal, not only the first


def test_name_candidates_read_each_sentence_once(tmp_path, monkeypatch):
    calls = []
    real = cand_mod.sentence_candidates
    monkeypatch.setattr(cand_mod, "sentence_candidates", lambda txt, *a: (calls.append(txt), real(txt, *a))[1])
    st = _copies(tmp_path, 5)
    c = cand_mod.candidates(st)
    assert len(calls) == len(set(calls))
    by_art = {aid: sorted(x for x in g["candidate"] if not x.startswith("Story")) for aid, g in c.groupby("article_id")}
    assert "Globex Capital" in by_art["a3"] and "Big Plant" in by_art["a3"]
    assert by_art["a1"] == by_art["a2"] == by_art["a3"] == by_art["a4"]
    assert len(c) == sum(len(v) for v in by_art.values()) + (c["candidate"].str.startswith("Story")).sum()


def test_keyness_order_equals_the_sort_on_strings():
    """The keyness table is ordered by one lexsort of numeric keys; it equals the pandas sort by
    outlet rank, z (highest first) and term on random token tables with many tied z-scores."""
    import numpy as np
    import pandas as pd

    from presslens.analyses import keyness

    rng = np.random.default_rng(7)
    words = [f"w{k}" for k in range(40)] + ["Zeta", "alpha", "Émile", "beta"]
    for trial in range(5):
        n = 3000
        tok = pd.DataFrame({"outlet": rng.choice([f"O{k}" for k in range(12)], n),
                            "token": rng.choice(words, n, p=None), "in_quote": rng.random(n) < 0.2})
        got = keyness.keyness(tok, min_count=2)
        first = pd.unique(keyness.counted_tokens(tok)["outlet"])  # outlets in order of their first counted token
        raw = got.assign(_o=got["outlet"].map({o: i for i, o in enumerate(first)}))
        want = raw.sort_values(["_o", "z", "term"], ascending=[True, False, True], kind="mergesort").drop(columns="_o")
        assert got["z"].duplicated().any()  # ties: the term decides
        pd.testing.assert_frame_equal(got, want.reset_index(drop=True))


def test_translation_verdicts_equal_the_per_article_frames():
    """likely_translations reads the indicators as plain lists; it equals the verdicts computed from
    each article's rows as a table (the helpers take either), on random indicator tables (one article per outlet: the "outlet translates" pass is test_outlet_translates's)."""
    import random

    import pandas as pd

    rng = random.Random(3)
    kinds = list(translation.INDICATOR_KINDS)
    for trial in range(4):
        rows = []
        for a in range(40):
            for _ in range(rng.randint(1, 6)):
                k = rng.choice(kinds)
                rows.append({"article_id": f"a{a}", "outlet": f"O{a}", "kind": k, "detail": f"d{rng.randint(0, 3)}",
                             "weight": 0 if k == "declared" else rng.choice([0, 1, 1, 2, 3]),
                             "languages": rng.choice(["", "de", "es", "es pt", "zh"]), "weak": False, "sent_id": -1,
                             "sentence": "s", "rule": f"r{rng.randint(0, 4)}", "source": ""})
        ind = pd.DataFrame(rows).sample(frac=1, random_state=trial).reset_index(drop=True)
        got = translation.likely_translations(None, ind)
        want = []
        for aid, g in ind.groupby("article_id", sort=False):
            dec = g[g["kind"] == "declared"]
            score, per_kind, guess = translation.score_article(g)
            counted = g[(g["kind"] != "declared") & (g["weight"] > 0)].sort_values("weight", ascending=False,
                                                                                     kind="mergesort")
            tell_rows = g[(g["kind"] != "declared") & ~pd.Series([translation.corroborates(k, r) for k, r in
                                                                  zip(g["kind"], g["rule"])], index=g.index)]
            strongest = int(tell_rows["weight"].max()) if len(tell_rows) else 0  # corroboration never carries alone
            n_rules = translation.independent_rules(g)
            likely = strongest >= translation.STRONG_WEIGHT or score >= translation.LIKELY_SCORE and n_rules >= translation.MIN_RULES and (
                bool(translation.tells(g)) or score >= translation.CORROBORATED_SCORE and n_rules >= translation.CORROBORATED_RULES)
            want.append((aid, score, "; ".join(dict.fromkeys(f"{k}: {d}" for k, d in zip(counted["kind"], counted["detail"]))),
                         n_rules, translation.source_language(g)[1] if not len(dec) else "declared in the front matter",
                         "declared translation" if len(dec) else "likely undeclared translation" if likely else "isolated signals",
                         dec["languages"].iloc[0] if len(dec) else guess if likely else None))
        got = got[["article_id", "score", "evidence", "n_rules", "language_note", "verdict", "source_language"]]
        assert [tuple(None if pd.isna(v) else v for v in r) for r in got.itertuples(index=False, name=None)] == want
