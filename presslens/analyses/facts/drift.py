"""Drift inside a fact: what changes between the versions of one statement.

Each sentence of a fact is set beside the fact's centre (its most central version) and the
differences are named, one row each: a number or a date changed, a hedge ("reportedly",
"allegedly") dropped or added, the attribution (a reporting verb, "according to", quotation marks)
dropped or added, an intensity word ("massive", "slammed") dropped or added. Numbers, dates, hedges
and intensity words are read in the clause that states the fact; attribution in the whole sentence
(the "said" often sits in another clause). This is BASIL's informational (what is stated) vs lexical
(how it is worded) distinction made per fact.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.analyses.facts import features
from presslens.engine.memo import story_table

DRIFT_COLS = ["fact", "kind", "change", "centre_value", "value", "article_id", "outlet", "clause", "centre_clause",
              "sentence", "centre_sentence"]
KINDS = ("number", "date", "hedge", "attribution", "intensity")


def compare(centre_clause: str, centre_sentence: str, clause: str, sentence: str) -> list[dict]:
    """The differences of one version from the centre: dicts with kind, change, centre_value, value."""
    a, b = features.marks(centre_clause), features.marks(clause)
    out = []
    for kind, key in (("number", "numbers"), ("date", "dates")):
        if a[key] and b[key] and sorted(set(a[key])) != sorted(set(b[key])):
            out.append({"kind": kind, "change": "changed", "centre_value": ", ".join(a[key]), "value": ", ".join(b[key])})
    for kind, key in (("hedge", "hedges"), ("intensity", "intensity")):
        gone, new = sorted(set(a[key]) - set(b[key])), sorted(set(b[key]) - set(a[key]))
        if gone:
            out.append({"kind": kind, "change": "dropped", "centre_value": ", ".join(gone), "value": ""})
        if new:
            out.append({"kind": kind, "change": "added", "centre_value": "", "value": ", ".join(new)})
    sa, sb = features.marks(centre_sentence)["attributed"], features.marks(sentence)["attributed"]
    if sa != sb:
        out.append({"kind": "attribution", "change": "dropped" if sa else "added",
                    "centre_value": "attributed" if sa else "own voice", "value": "attributed" if sb else "own voice"})
    return out


@story_table
def drift(m: pd.DataFrame, facts: list[int] | None = None) -> pd.DataFrame:
    """Every difference of every version from its fact's centre (``DRIFT_COLS``), for the facts
    carried by two articles or more (or those listed). Cached on disk by the member table's content
    (a loop over every version: notebook 07's warm kernel reads it)."""
    if facts is None:
        n = m.groupby("fact")["article_id"].nunique()
        facts = n[n >= 2].index.tolist()
    mm = m[m["fact"].isin(facts)]
    rows = []
    # each fact's rows in table order, facts in order of first appearance (a groupby without its
    # per-group frames: the columns read once as lists)
    col = {c: mm[c].tolist() for c in ("centre", "clause", "text", "article_id", "outlet")}
    codes, uniques = pd.factorize(mm["fact"], sort=False)
    at = np.argsort(codes, kind="stable")
    at = at[codes[at] >= 0]
    cut = np.flatnonzero(np.diff(codes[at])) + 1
    clause, text = col["clause"], col["text"]
    for f, idx in zip(uniques.tolist(), (a.tolist() for a in np.split(at, cut) if len(a))):
        c = next((i for i in idx if col["centre"][i]), idx[0])
        seen = set()
        for i in idx:
            if col["centre"][i] or (clause[i], text[i]) in seen:
                continue
            seen.add((clause[i], text[i]))
            for d in compare(clause[c], text[c], clause[i], text[i]):
                rows.append({"fact": f, **d, "article_id": col["article_id"][i], "outlet": col["outlet"][i],
                             "clause": clause[i], "centre_clause": clause[c], "sentence": text[i],
                             "centre_sentence": text[c]})
    return pd.DataFrame(rows, columns=DRIFT_COLS)


def side_by_side(m: pd.DataFrame, fact: int) -> pd.DataFrame:
    """The distinct versions (clauses) of one fact with the outlets that carry each, centre first."""
    g = m[m["fact"] == fact]
    v = g.groupby("clause", sort=False).agg(outlets=("outlet", lambda s: ", ".join(dict.fromkeys(s))),
                                             n_articles=("article_id", "nunique"), centre=("centre", "max"))
    return v.sort_values(["centre", "n_articles"], ascending=False).reset_index()
