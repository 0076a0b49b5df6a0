"""The omission map without patterns: which discovered facts each outlet told, in whose voice and
how early, which facts only one outlet carries, and which facts most outlets carry that one leaves out.

Every cell keeps the sentence behind it. An outlet *carries* a fact when one of its articles has a
sentence (title included) in the fact; the voice is that of its earliest such sentence (title, then
lede, then body by position): ``own voice`` (narration), ``attributed`` (reported speech,
"according to") or ``quote``. A fact no article of an outlet carries is ``absent`` for it, which
is only said after every sentence of every article of the outlet (title, narration, quotes) was
grouped. :func:`left_out` checks once more before it says an outlet left a fact out: when one of
the outlet's clauses or whole sentences (in any fact, quotes included) holds most of the fact's central words, weighted
by rarity (``PARAPHRASE_SHARE``; a fact's own rare word counts most, the story's names least) and
its two rarest words among them, with its negation and no figure that disagrees, the outlet may have told it in its own words
and the fact is not listed as left out; every row names the outlet's closest clause, so a reader
can check the absence.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from presslens.analyses.facts import features, normalise, table
from presslens.engine.memo import story_table
from presslens.errors import ParameterError
from presslens.story import capture
from presslens.story.model import Story

PART_ORDER = {"title": 0, "lede": 1, "body": 2}
GRID_COLS = ["fact", "label", "outlet", "n_articles", "n_carrying", "voice", "part", "position", "article_id",
             "sentence"]
ONLY_COLS = ["outlet", "fact", "label", "n_articles", "part", "voice", "sentence"]
LEFT_COLS = ["outlet", "fact", "label", "n_outlets", "share_outlets", "example_outlet", "example_sentence",
             "closest_clause", "closest_share"]
PARAPHRASE_SHARE = 0.6   # idf-weighted share of a fact's central words an outlet's clause holds: maybe told
PARAPHRASE_MIN = 3       # ... and at least this many of them ...
PARAPHRASE_RARE = 2      # ... including the fact's this many rarest words (what makes it this fact)


def earliest(m: pd.DataFrame) -> pd.DataFrame:
    """The earliest sentence of every (fact, outlet): title first, then lede, then body by position."""
    e = m.assign(_p=m["part"].map(PART_ORDER).fillna(2), _pos=m["position"].fillna(-1.0))
    e = e.sort_values(["fact", "outlet", "_p", "_pos", "article_id", "sent_idx"], kind="mergesort")
    return e.drop_duplicates(["fact", "outlet"]).drop(columns=["_p", "_pos"])


def grid(m: pd.DataFrame, summary: pd.DataFrame, outlets: list[str], articles_per_outlet: dict) -> pd.DataFrame:
    """Tidy facts x outlets (``GRID_COLS``), facts in ``summary`` order, outlets in ``outlets`` order:
    n_carrying articles of the outlet, and the voice, part, position, article and sentence of its
    earliest mention (None and voice ``absent`` where no article of the outlet carries the fact)."""
    mm = m[m["fact"].isin(summary["fact"]) & m["outlet"].isin(outlets)]
    first = earliest(mm).set_index(["fact", "outlet"])
    count = mm.groupby(["fact", "outlet"])["article_id"].nunique().rename("n_carrying")
    idx = pd.MultiIndex.from_product([summary["fact"].tolist(), list(outlets)], names=["fact", "outlet"])
    g = pd.DataFrame(index=idx).join(count).join(first[["voice", "part", "position", "article_id", "text"]])
    g = g.reset_index().rename(columns={"text": "sentence"})
    g["label"] = g["fact"].map(dict(zip(summary["fact"], summary["label"])))
    g["n_articles"] = g["outlet"].map(lambda o: int(articles_per_outlet.get(o, 0)))
    g["n_carrying"] = g["n_carrying"].fillna(0).astype(int)
    g["voice"] = g["voice"].fillna("absent")
    g = g.astype({"part": object, "position": object, "article_id": object, "sentence": object})
    g = g.where(g.notna(), None)
    return g[GRID_COLS]


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
    e = earliest(m[m["fact"].isin(one["fact"])])
    e = e.merge(one[["fact", "label", "n_articles"]], on="fact")
    e = e.assign(_p=e["part"].map(PART_ORDER).fillna(2))
    e = e.sort_values(["outlet", "_p", "n_articles", "fact"], ascending=[True, True, False, True], kind="mergesort")
    out = e.groupby("outlet", sort=False).head(top).rename(columns={"text": "sentence"})
    return out[ONLY_COLS].reset_index(drop=True)


def left_out(m: pd.DataFrame | Story, summary: pd.DataFrame | None = None, outlets: list[str] | None = None,
             min_share: float = 0.5, min_outlets: int = 3, cut_short: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Facts that at least ``min_share`` of the ``outlets`` (and ``min_outlets``) carry but an outlet
    leaves out (``LEFT_COLS``), with the first carrying outlet's earliest sentence as the example.
    Computed from the carrying outlets only, so it stays small on a story of thousands of outlets.
    ``cut_short``: outlets whose text stops at a paywall (:func:`presslens.story.capture.cut_short`):
    they count as carriers but never as leaving a fact out, and ``attrs["note"]`` names them.

    ``m`` is the member table (:func:`.table.members`), or the story itself: ``left_out(story)`` reads
    its members, its facts (:func:`.table.summarise`, unless ``summary`` is given), its outlets (unless
    ``outlets`` is given) and the outlets cut short at a paywall (unless ``cut_short`` is given), as
    :func:`presslens.analyses.claims.omissions` does for the hand-written claims."""
    if isinstance(m, Story) and summary is None and outlets is None and cut_short is None:
        return _left_out_of(m, min_share, min_outlets)  # what notebook 07 asks: cached with the story's key
    if isinstance(m, Story):
        story = m
        m = table.members(story)
        summary = table.summarise(m) if summary is None else summary
        outlets = list(story.outlets) if outlets is None else outlets
        cut_short = capture.cut_short(story.articles) if cut_short is None else cut_short
    elif summary is None or outlets is None:
        raise ParameterError.bad("facts.left_out", "summary" if summary is None else "outlets",
                                 "is needed with a member table",
                                 "pass the story instead (facts.left_out(story)), or the member table, "
                                 "facts.summarise(members) and the outlets")
    n_out = len(outlets)
    mm = m[m["fact"].isin(summary["fact"]) & m["outlet"].isin(outlets)]
    have = mm.groupby("fact", sort=False)["outlet"].unique()
    first = earliest(mm).set_index(["fact", "outlet"])["text"]
    labels = dict(zip(summary["fact"], summary["label"]))
    closest = _Closest(m[m["outlet"].isin(outlets)])
    rows = []
    for f in summary["fact"]:
        carried = set(have.get(f, []))
        if len(carried) < min_outlets or len(carried) / max(n_out, 1) < min_share or len(carried) == n_out:
            continue
        ex = next(o for o in outlets if o in carried)
        near = closest.by_outlet(labels[f])
        for o in outlets:
            if o in carried or o in (cut_short or {}):
                continue
            clause, share, maybe = near.get(o, (None, 0.0, False))
            if maybe:
                continue
            rows.append({"outlet": o, "fact": f, "label": labels[f], "n_outlets": len(carried),
                         "share_outlets": round(len(carried) / n_out, 3), "example_outlet": ex,
                         "example_sentence": first[(f, ex)], "closest_clause": clause, "closest_share": round(share, 3)})
    out = pd.DataFrame(rows, columns=LEFT_COLS)
    note = capture.cut_short_note({o: f for o, f in (cut_short or {}).items() if o in set(outlets)})
    if note:
        out.attrs["note"] = note
    return out


@story_table
def _left_out_of(story: Story, min_share: float, min_outlets: int) -> pd.DataFrame:
    """:func:`left_out` of a whole story with its own members, facts, outlets and paywalled outlets."""
    return left_out(story, table.summarise(table.members(story)), list(story.outlets), min_share, min_outlets,
                    capture.cut_short(story.articles))


class _Closest:
    """Each outlet's clause holding the largest share of a fact's central words (an inverted index
    over the clauses, so a fact costs the clauses that share a word with it, not every clause)."""

    def __init__(self, m: pd.DataFrame):
        # every clause, and every whole sentence: a fact told across two clauses of one sentence is
        # held by the sentence only
        u = pd.concat([m[["outlet", "clause"]], m[["outlet", "text"]].rename(columns={"text": "clause"})])
        u = u.drop_duplicates(["outlet", "clause"])
        self.outlet, self.clause = u["outlet"].tolist(), u["clause"].tolist()
        self.words = [set(normalise.fact_words(c)) for c in self.clause]
        self.index: dict[str, list[int]] = {}
        for i, ws in enumerate(self.words):
            for w in ws:
                self.index.setdefault(w, []).append(i)
        self.at = {w: set(ix) for w, ix in self.index.items()}
        self.arrays = {w: np.array(ix, dtype=np.int64) for w, ix in self.index.items()}
        codes = {}
        self.outlet_code = np.array([codes.setdefault(o, len(codes)) for o in self.outlet], dtype=np.int64)
        n = len(self.words)
        self.idf = {w: math.log((n + 1) / (len(ix) + 0.5)) for w, ix in self.index.items()}
        self.idf_unseen = math.log(n + 1) + 1.0

    def by_outlet(self, label: str) -> dict[str, tuple[str, float, bool]]:
        """outlet -> (its closest clause, the share of the label's words it holds (idf-weighted over
        the clauses, so the rare word that makes the fact counts most), whether that is
        enough to say the outlet may state the fact: PARAPHRASE_SHARE, PARAPHRASE_MIN, no figure
        that disagrees)."""
        want = set(normalise.fact_words(label))
        if not want:
            return {}
        weight = {w: self.idf.get(w, self.idf_unseen) for w in want}
        total = sum(weight.values()) or 1.0
        parts = [(self.arrays[w], weight[w] / total) for w in want if w in self.arrays]
        if not parts:
            return {}
        # each clause's share: the weights of the label's words it holds, added in the same order as a
        # loop over them would (bincount adds sequentially), and how many of them it holds
        at = np.concatenate([a for a, _ in parts])
        share_of = np.bincount(at, weights=np.concatenate([np.full(len(a), x) for a, x in parts]))
        count_of = np.bincount(at)
        cand = np.flatnonzero(count_of)
        order = np.lexsort((cand, -share_of[cand]))  # largest share first, then clause order
        cand = cand[order]
        share, count = share_of[cand], count_of[cand]
        fig, neg = normalise.figures(label), features.negated(label)
        rare = sorted(want, key=lambda w: (-weight[w], w))[:PARAPHRASE_RARE]
        rare_at = [self.at.get(w, set()) for w in rare]
        best: dict[str, tuple[str, float, bool]] = {}
        _, top = np.unique(self.outlet_code[cand], return_index=True)  # each outlet's first clause
        for j in top.tolist():
            i = int(cand[j])
            best[self.outlet[i]] = (self.clause[i], float(share[j]), False)
        said: set[str] = set()  # the outlets already given a clause that may state the fact: the first such
        for j in np.flatnonzero((share >= PARAPHRASE_SHARE) & (count >= PARAPHRASE_MIN)).tolist():
            i = int(cand[j])
            o = self.outlet[i]
            if o in said or not all(i in s for s in rare_at) or features.negated(self.clause[i]) != neg \
                    or normalise.disagree(fig, normalise.figures(self.clause[i])):
                continue
            said.add(o)
            best[o] = (self.clause[i], float(share[j]), True)
        return best
