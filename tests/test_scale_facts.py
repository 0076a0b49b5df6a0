"""Notebook 07's story-wide steps, made linear for thousands of outlets (issue 20), against brute-force
references written from their definitions: who published an item first (every pair of mentions
compared with presslens.story.when.order), a fact's first appearance (each fact sorted on its own), and
each outlet's closest clause to a fact (every clause scored)."""
import datetime as dt
import math
import random

import pandas as pd
import pytest

from presslens.analyses import spread
from presslens.analyses.facts import features, in_time_order, normalise, omission, summarise
from presslens.story import when as clock

ZONES = ["+00:00", "-05:00", "+08:00", "+14:00", "-12:00", None]


def _articles(rng: random.Random, n: int, n_outlets: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        dated = rng.random() > 0.1
        timed = dated and rng.random() > 0.3
        rows.append({"id": f"a{i:03d}", "outlet": f"Outlet {rng.randrange(n_outlets):02d}",
                     "published": pd.Timestamp(2024, 3, rng.randint(10, 14)) if dated else pd.NaT,
                     # few distinct times: equal instants and equal days are common
                     "published_time": f"{rng.choice([0, 1, 12, 23]):02d}:{rng.choice([0, 30]):02d}" if timed else None,
                     "published_offset": rng.choice(ZONES) if timed else None})
    return pd.DataFrame(rows)


def _brute(rows: pd.DataFrame, times: dict) -> dict:
    """group -> (first, time_rank, order) from the definitions, comparing every pair."""
    ws = {r.group: times[r.article_id] for r in rows.itertuples()}
    days = sorted({w.order_day for w in ws.values() if w is not None})
    out = {}
    for g, w in ws.items():
        if w is None:
            out[g] = (False, None, "undated: its place in the order is unknown")
            continue
        near = (w.order_day - days[0]).days <= 2
        others = [x for h, x in ws.items() if h != g and x is not None]
        first = near and not any(clock.order(x, w)[0] == -1 for x in others if (x.order_day - days[0]).days <= 2)
        same = [x for x in others if x.order_day == w.order_day]
        zoned = [x for x in same if x.instant is not None]
        if not same:
            rank, order = None, "alone on its day"
        elif w.instant is not None and zoned:
            rank = 1 + len({x.instant for x in zoned if x.instant < w.instant})
            order = "by time of day" + ("" if len(zoned) == len(same) else
                                        "; against the same day's mentions without a zoned time: unknown")
        else:
            rank, order = None, "same day: order within the day unknown"
        out[g] = (first, rank, order)
    return out


@pytest.mark.parametrize("seed", range(12))
def test_first_mentions_rank_and_first_equal_every_pair_compared(seed):
    rng = random.Random(seed)
    a = _articles(rng, rng.randint(5, 60), rng.randint(3, 25))
    hits = pd.DataFrame([{"item": f"c{c}", "article_id": aid, "sent_idx": rng.randrange(5), "part": "body",
                          "sentence": "s"} for c in range(3) for aid in a["id"] if rng.random() < 0.6])
    got = spread.first_mentions(None, hits, "item", articles=a)
    times = clock.of_articles(a)
    assert len(got)
    for item, rows in got.groupby("item"):
        want = _brute(rows, times)
        for r in rows.itertuples():
            rank = None if pd.isna(r.time_rank) else int(r.time_rank)
            assert (bool(r.first), rank, r.order) == want[r.group], (seed, item, r.group)


def _members(rng: random.Random, n: int) -> pd.DataFrame:
    clauses = ["The vote passed.", "Was it fair?", "Who knew?", "Turnout was 60 percent.", "It rained."]
    rows = []
    for i in range(n):
        aid = f"a{rng.randrange(n // 2):03d}"
        dated = rng.random() > 0.15
        day = pd.Timestamp(2024, 5, rng.randint(1, 4)) if dated else pd.NaT
        utc = pd.Timestamp(2024, 5, rng.randint(1, 4), rng.randrange(24), tz="UTC") if dated and rng.random() < 0.4 else pd.NaT
        rows.append({"fact": rng.randrange(8), "article_id": aid, "outlet": f"O{int(aid[1:]) % 5}", "published": day,
                     "published_utc": utc, "sent_idx": i, "part": "body", "position": 0.5,
                     "voice": rng.choice(["own voice", "quote", "attributed"]), "fact_score": 1.0,
                     "centre": rng.random() < 0.2, "clause": rng.choice(clauses), "text": "t"})
    return pd.DataFrame(rows).sort_values(["fact", "article_id", "sent_idx"], kind="mergesort").reset_index(drop=True)


def _summarise_per_fact(m: pd.DataFrame, min_articles: int) -> pd.DataFrame:
    """Each fact's rows on their own, sorted on their own (the definition)."""
    size = m.groupby("fact")["article_id"].nunique()
    keep = m[m["fact"].isin(size[size >= min_articles].index)]
    rows = []
    for f, g in keep.groupby("fact", sort=False):
        centre = g[g["centre"]]
        label = (centre if len(centre) else g)["clause"].iloc[0]
        if label.rstrip().endswith("?"):
            said = g.loc[~g["clause"].str.rstrip().str.endswith("?"), "clause"]
            if len(said):
                counts = said.value_counts()
                label = next(c for c in said if counts[c] == counts.max())
        by_time = in_time_order(g)
        rows.append({"fact": int(f), "label": label, "n_outlets": g["outlet"].nunique(),
                     "n_articles": g["article_id"].nunique(), "n_sentences": len(g),
                     "own_voice_outlets": g.loc[g["voice"] == "own voice", "outlet"].nunique(),
                     "first_published": by_time["published"].iloc[0], "first_article": by_time["article_id"].iloc[0],
                     "first_outlet": by_time["outlet"].iloc[0], "negated": features.negated(label)})
    out = pd.DataFrame(rows, columns=list(summarise.uncached(m.iloc[:0]).columns) or None)
    return out.sort_values(["n_outlets", "n_articles", "fact"], ascending=[False, False, True],
                           kind="mergesort").reset_index(drop=True)


@pytest.mark.parametrize("seed", range(8))
def test_summarise_equals_each_fact_sorted_on_its_own(seed):
    rng = random.Random(seed)
    m = _members(rng, rng.randint(10, 120))
    for k in (1, 2, 3):
        pd.testing.assert_frame_equal(summarise.uncached(m, k), _summarise_per_fact(m, k))


def _closest_every_clause(c: omission._Closest, label: str) -> dict:
    """Every clause scored, best first (the definition of omission's closest clause)."""
    want = set(normalise.fact_words(label))
    weight = {w: c.idf.get(w, c.idf_unseen) for w in want}
    total = sum(weight.values()) or 1.0
    rare = set(sorted(want, key=lambda w: (-weight[w], w))[:omission.PARAPHRASE_RARE])
    fig, neg = normalise.figures(label), features.negated(label)
    scored = []
    for i, ws in enumerate(c.words):
        held = [w for w in want if w in ws]
        if not held:
            continue
        share = 0.0
        for w in want:  # in the set's order, as the index adds them
            if w in ws:
                share += weight[w] / total
        maybe = (share >= omission.PARAPHRASE_SHARE and len(held) >= omission.PARAPHRASE_MIN and rare <= ws
                 and features.negated(c.clause[i]) == neg and not normalise.disagree(fig, normalise.figures(c.clause[i])))
        scored.append((-share, i, maybe))
    best = {}
    for s, i, maybe in sorted(scored):
        o = c.outlet[i]
        if o not in best or (maybe and not best[o][2]):
            best[o] = (c.clause[i], -s, maybe)
    return best


def test_closest_clause_equals_every_clause_scored():
    rng = random.Random(3)
    words = ["council", "approved", "budget", "million", "school", "roads", "mayor", "vote", "rejected", "not",
             "tax", "rise", "percent", "bridge", "repair", "spring"]
    sents = []
    for i in range(400):
        ws = rng.sample(words, rng.randint(3, 9))
        if rng.random() < 0.3:
            ws.append(str(rng.choice([5, 12, 40])))
        sents.append(" ".join(ws).capitalize() + ".")
    m = pd.DataFrame({"outlet": [f"O{rng.randrange(40)}" for _ in sents], "clause": sents,
                      "text": [s if rng.random() < 0.5 else s + " More words here." for s in sents]})
    c = omission._Closest(m)
    labels = ["The council approved the budget of 12 million.", "Council approved budget million.", "The mayor did not approve the tax rise.",
              "Bridge repair in spring.", "Unrelated zebra.", "Roads and school budget vote rejected 40 percent."]
    n_maybe = 0
    for label in labels:
        got, want = c.by_outlet(label), _closest_every_clause(c, label)
        assert got.keys() == want.keys()
        for o in want:
            assert got[o][0] == want[o][0] and got[o][2] == want[o][2] and math.isclose(got[o][1], want[o][1], abs_tol=1e-12)
        n_maybe += sum(v[2] for v in want.values())
    assert n_maybe  # the paraphrase rule was exercised
