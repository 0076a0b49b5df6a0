"""The omission map without patterns: which discovered facts each outlet told, in whose voice and
how early, which facts only one outlet carries, and which facts most outlets carry that one leaves out.

Every cell keeps the sentence behind it. An outlet *carries* a fact when one of its articles has a
sentence (title included) in the fact; the voice is that of its earliest such sentence (title, then
lede, then body by position): ``own voice`` (narration), ``attributed`` (reported speech,
"according to") or ``quote``. A fact no article of an outlet carries is ``absent`` for it, which
is only said after every sentence of every article of the outlet (title, narration, quotes) was
grouped.
"""
from __future__ import annotations

import pandas as pd

PART_ORDER = {"title": 0, "lede": 1, "body": 2}
GRID_COLS = ["fact", "label", "outlet", "n_articles", "n_carrying", "voice", "part", "position", "article_id",
             "sentence"]
ONLY_COLS = ["outlet", "fact", "label", "n_articles", "part", "voice", "sentence"]
LEFT_COLS = ["outlet", "fact", "label", "n_outlets", "share_outlets", "example_outlet", "example_sentence"]


def _earliest(m: pd.DataFrame) -> pd.DataFrame:
    """The earliest sentence of every (fact, outlet): title first, then lede, then body by position."""
    e = m.assign(_p=m["part"].map(PART_ORDER).fillna(2), _pos=m["position"].fillna(-1.0))
    e = e.sort_values(["fact", "outlet", "_p", "_pos", "article_id", "sent_idx"], kind="mergesort")
    return e.drop_duplicates(["fact", "outlet"]).drop(columns=["_p", "_pos"])


def grid(m: pd.DataFrame, summary: pd.DataFrame, outlets: list[str], articles_per_outlet: dict) -> pd.DataFrame:
    """Tidy facts x outlets (``GRID_COLS``), facts in ``summary`` order: n_carrying articles of the
    outlet, and the voice, part, position, article and sentence of its earliest mention (None and
    voice ``absent`` where no article of the outlet carries the fact)."""
    mm = m[m["fact"].isin(summary["fact"])]
    first = _earliest(mm).set_index(["fact", "outlet"])
    count = mm.groupby(["fact", "outlet"])["article_id"].nunique()
    rows = []
    for f, label in zip(summary["fact"], summary["label"]):
        for o in outlets:
            k = (f, o)
            r = first.loc[k] if k in first.index else None
            rows.append({"fact": f, "label": label, "outlet": o, "n_articles": int(articles_per_outlet.get(o, 0)),
                         "n_carrying": int(count.get(k, 0)),
                         "voice": "absent" if r is None else r["voice"],
                         "part": None if r is None else r["part"],
                         "position": None if r is None or pd.isna(r["position"]) else float(r["position"]),
                         "article_id": None if r is None else r["article_id"],
                         "sentence": None if r is None else r["text"]})
    return pd.DataFrame(rows, columns=GRID_COLS)


def by_outlet(g: pd.DataFrame) -> pd.DataFrame:
    """The facts-by-outlet table from :func:`grid`: one row per fact (its label), one column per
    outlet; a cell is the voice of the earliest mention, with "(title)" or "(lede)" when it is there,
    and "—" when absent."""
    cell = [("—" if v == "absent" else v + (f" ({p})" if p in ("title", "lede") else ""))
            for v, p in zip(g["voice"], g["part"])]
    t = g.assign(cell=cell).pivot_table(index=["fact", "label"], columns="outlet", values="cell", aggfunc="first",
                                        sort=False)
    return t[list(dict.fromkeys(g["outlet"]))]


def only_one(m: pd.DataFrame, summary: pd.DataFrame, top: int = 3) -> pd.DataFrame:
    """Facts only one outlet carries (``ONLY_COLS``): per outlet its ``top`` such facts, the ones
    in a title or lede first, then those repeated in most of its articles."""
    one = summary[summary["n_outlets"] == 1]
    if one.empty:
        return pd.DataFrame(columns=ONLY_COLS)
    e = _earliest(m[m["fact"].isin(one["fact"])])
    e = e.merge(one[["fact", "label", "n_articles"]], on="fact")
    e = e.assign(_p=e["part"].map(PART_ORDER).fillna(2))
    e = e.sort_values(["outlet", "_p", "n_articles", "fact"], ascending=[True, True, False, True], kind="mergesort")
    out = e.groupby("outlet", sort=False).head(top).rename(columns={"text": "sentence"})
    return out[ONLY_COLS].reset_index(drop=True)


def left_out(g: pd.DataFrame, min_share: float = 0.5, min_outlets: int = 3) -> pd.DataFrame:
    """Facts that at least ``min_share`` of the outlets (and ``min_outlets``) carry but an outlet
    leaves out (``LEFT_COLS``), with one carrying outlet's sentence as the example."""
    n_out = g["outlet"].nunique()
    rows = []
    for f, gf in g.groupby("fact", sort=False):
        have = gf[gf["voice"] != "absent"]
        if len(have) < min_outlets or len(have) / max(n_out, 1) < min_share or len(have) == n_out:
            continue
        ex = have.iloc[0]
        for o in gf.loc[gf["voice"] == "absent", "outlet"]:
            rows.append({"outlet": o, "fact": f, "label": ex["label"], "n_outlets": len(have),
                         "share_outlets": round(len(have) / n_out, 3), "example_outlet": ex["outlet"],
                         "example_sentence": ex["sentence"]})
    return pd.DataFrame(rows, columns=LEFT_COLS)
