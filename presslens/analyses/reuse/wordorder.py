"""Reworded reuse the exact-passage index misses: the story's distinctive word pairs kept in the same order.

A wire story rewritten by a site, its sentences merged, split and reworded, keeps no run of ten words, no
sentence at 80% similarity and, when sentences were merged or split, no chain of sentences retold one by one
(:mod:`presslens.analyses.reuse.paraphrase`); yet a reader sees the other text's wording come back, phrase after
phrase, in the same order. :func:`in_order` measures that:

- each text's narration (sentences less than half inside quotation marks) becomes the sequence of its **word
  pairs**: two consecutive content words ("timber piles", "ferry terminal", "14 million"): a pair of words kept
  side by side is wording kept, where a single name or number is a fact any report of the event names;
- only the story's **distinctive** pairs count: those in at most :data:`SHARE` of its texts (and never more than
  ``max_df // DISTINCT`` texts, so that a pair's cost stays bounded in a story of thousands): a pair many texts of
  the story carry is its topic ("harbour council", "north quay"), not evidence. That needs a baseline: in a story of
  fewer than ``2 / SHARE`` (8) texts a pair two of them hold is already more than that share, and the event's own
  names and phrases could not be told from a text's wording, so such a story is not scored (two reports of one
  council meeting share 13 word pairs in order when no other text shows those are the meeting's phrases);
- the **order score** of two texts is the number of distinctive pairs they share in the same order (the longest
  common subsequence of the two sequences, each cut to the pairs the other holds).

Candidates come from an index, never all pairs: the doc pairs sharing :data:`FLOOR` distinctive word pairs or
more (the order score is never above the count shared), less those already sharing narration word for word or
retelling a chain of sentences (``skip``: the passages and chains say more) and two texts of one outlet (its
house wording: the four labelled development pairs of one outlet's two texts are unrelated or a shared
quotation). The table (:data:`IN_ORDER_COLS`) lists every pair whose score reaches :data:`FLOOR`, with the pairs
in order as a sample; the pair verdicts
(:mod:`presslens.analyses.verdicts`) read as reworded reuse only a score of
:data:`presslens.analyses.paraphrased.IN_ORDER` or more, a threshold chosen on the development stories held out
(:mod:`presslens.evaluation.pairs_loso`). Measured on the labelled development pairs the word indexes miss
(:mod:`presslens.evaluation.rewrite_loso`, session 19 and 21): pairs without reuse (two reports of one event) reach
9 at most, the reworded copies and wire rewrites it finds hold 10 to 18.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.analyses.reuse.align import MAX_DF, QUOTED, STOP, Doc

SHARE = 0.25  # a word pair is distinctive when in at most this share of the story's texts (two at least)
DISTINCT = 6  # ... and in at most max_df // DISTINCT texts (16 of the default 100): the index's bound at scale
FLOOR = 7  # shared distinctive word pairs in order a pair needs to be listed (below any threshold the verdicts read)
SAMPLE = 12  # word pairs in order shown in the table's sample
IN_ORDER_COLS = ["article_a", "outlet_a", "article_b", "outlet_b", "in_order", "shared", "units_a", "units_b", "sample"]


def word_pairs(doc: Doc) -> list[str]:
    """The text's narration as its word pairs, in order: consecutive content words (no stop word; numbers kept)
    of the sentences less than half inside quotation marks, joined by a space."""
    words = [w for a, b, _ in doc.sents if sum(doc.quoted[a:b]) < QUOTED * (b - a)
             for w in doc.words[a:b] if w not in STOP and (len(w) > 2 or w.isdigit())]
    return [f"{words[i]} {words[i + 1]}" for i in range(len(words) - 1)]


def order_score(sa: list[str], sb: list[str]) -> tuple[int, list[str]]:
    """(how many units the two sequences share in the same order, those units in order): the longest common
    subsequence of each cut to the units the other holds."""
    from rapidfuzz.distance import LCSseq

    both = set(sa) & set(sb)
    if not both:
        return 0, []
    ca, cb = [u for u in sa if u in both], [u for u in sb if u in both]
    gone = {op.src_pos for op in LCSseq.editops(ca, cb) if op.tag == "delete"}
    kept = [u for i, u in enumerate(ca) if i not in gone]
    return len(kept), kept


def in_order(docs: list[Doc], max_df: int = MAX_DF, skip: set[tuple[int, int]] = frozenset(),
             floor: int = FLOOR) -> list[dict]:
    """Pairs of docs (references apart; ``skip``: pairs (a, b), a < b, not to compare) whose order score of
    distinctive word pairs (module docstring) reaches ``floor``: one row each, columns :data:`IN_ORDER_COLS`.
    Vectorised: doc pairs sharing a distinctive word pair are generated pair by pair with numpy and counted;
    only those sharing ``floor`` are scored."""
    idx = [n for n, d in enumerate(docs) if not d.reference]
    if SHARE * len(idx) < 2:
        return []  # too few texts to tell a text's wording from the event's own phrases (module docstring)
    seqs = {n: word_pairs(docs[n]) for n in idx}
    limit = min(SHARE * len(idx), max(2, max_df // DISTINCT))
    units = [sorted(set(seqs[n])) for n in idx]
    flat = pd.Series([u for us in units for u in us], dtype=object)
    if flat.empty:
        return []
    codes, _ = pd.factorize(flat)
    owner = np.repeat(np.array(idx, dtype=np.int64), [len(us) for us in units])
    df = np.bincount(codes)
    keep = (df[codes] >= 2) & (df[codes] <= limit)
    codes, owner = codes[keep], owner[keep]
    distinct = {n: set() for n in idx}
    for c, n in zip(flat[keep].tolist(), owner.tolist()):
        distinct[n].add(c)
    o = np.lexsort((owner, codes))
    codes, owner = codes[o], owner[o]
    first = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else np.zeros(0, dtype=np.int64)
    size = np.diff(np.r_[first, len(codes)])
    xa, xb = [], []
    for m in np.unique(size[size >= 2]):  # a word pair in m texts: every two of them
        s0 = first[size == m]
        i, j = np.triu_indices(int(m), 1)
        xa.append(owner[(s0[:, None] + i[None, :]).ravel()])
        xb.append(owner[(s0[:, None] + j[None, :]).ravel()])
    if not xa:
        return []
    nd = len(docs)
    key, shared = np.unique(np.concatenate(xa) * nd + np.concatenate(xb), return_counts=True)
    key, shared = key[shared >= floor], shared[shared >= floor]
    # one outlet's two texts share its house wording (its own phrases, its standing paragraphs): no reuse between
    # outlets, and the pair verdicts would call it "same outlet" anyway
    house, _ = pd.factorize(pd.Series([" ".join(str(d.outlet).split()).casefold() for d in docs], dtype=object))
    other = house[key // nd] != house[key % nd]
    key, shared = key[other], shared[other]
    rows = []
    for k, n_shared in zip(key.tolist(), shared.tolist()):
        na, nb = divmod(k, nd)
        if (na, nb) in skip:
            continue
        sa = [u for u in seqs[na] if u in distinct[na]]
        sb = [u for u in seqs[nb] if u in distinct[nb]]
        score, kept = order_score(sa, sb)
        if score < floor:
            continue
        da, db = docs[na], docs[nb]
        rows.append({"article_a": da.id, "outlet_a": da.outlet, "article_b": db.id, "outlet_b": db.outlet,
                     "in_order": score, "shared": int(n_shared), "units_a": len(set(sa)), "units_b": len(set(sb)),
                     "sample": list(dict.fromkeys(kept))[:SAMPLE]})
    return rows
