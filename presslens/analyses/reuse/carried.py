"""Texts carried by more articles than the pair index aligns: a wire story republished by hundreds of sites.

The shingle index (:func:`presslens.analyses.reuse.align.candidate_pairs`) sets aside 5-grams found in
more than ``max_df`` articles: aligning every two of their articles would cost the square of their
number, and a stock phrase ("the ministry said in a statement") is no evidence of copying. But when one
story is republished by hundreds of sites (the normal case for wire copy), every 5-gram of its text is
in more than ``max_df`` articles, and the articles that carry it would vanish from reuse and provenance.

What tells the two apart is length: a stock phrase is a few words, a carried text is a run of
:data:`CARRIED_WORDS` or more words (about two sentences) every 5-gram of which is common. Such runs are
chained into *carried texts* (two runs share a text when one 5-gram is in both: a wire story's
paragraphs, trimmed or reordered by each site, still chain through the copies that keep them side by
side), and every article holding :data:`CARRIED_WORDS` or more words of one outside quotation marks
carries it. Articles of :data:`CARRIED_OUTLETS` or more outlets carrying one text are one source's
story sent to many (a wire group): provenance says so, and never calls the text copied between them.
Linear in the number of common 5-gram occurrences (sorts and a sparse graph's components).
"""
from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

CARRIED_WORDS = 30  # a run of common 5-grams this long (words, about two sentences) is carried text, not a stock phrase
CARRIED_OUTLETS = 3  # outlets whose articles carry one text that make it one story sent to many
CARRIED_COLS = ["text_id", "article_id", "outlet", "words", "narration", "share", "articles", "outlets", "sample"]
SAMPLE = 240  # characters of a carried text shown (from the article holding most of it)


def carried_texts(docs, g_doc: np.ndarray, g_pos: np.ndarray, gid: np.ndarray, common: np.ndarray,
                  shingle: int, text_of: Callable, words: int = CARRIED_WORDS) -> pd.DataFrame:
    """One row per article and carried text (module docstring): ``g_doc``, ``g_pos``, ``gid`` are every
    5-gram occurrence's doc index, word position and 5-gram id; ``common`` flags the 5-gram ids set aside as
    common; ``text_of(doc, a, b)`` gives words a..b-1 as captured (the sample). Reference documents are not
    articles: never counted."""
    ref = np.array([d.reference for d in docs], dtype=bool)
    m = common[gid] & ~ref[g_doc]
    if not m.any():
        return pd.DataFrame(columns=CARRIED_COLS)
    cd, cp, cg = g_doc[m], g_pos[m], gid[m]
    o = np.lexsort((cp, cd))
    cd, cp, cg = cd[o], cp[o], cg[o]
    start = np.r_[True, (cd[1:] != cd[:-1]) | (cp[1:] != cp[:-1] + 1)]
    rid = np.cumsum(start) - 1
    n = np.bincount(rid)
    long_run = (n + shingle - 1) >= words
    keep = long_run[rid]
    if not keep.any():
        return pd.DataFrame(columns=CARRIED_COLS)
    cd, cp, cg, rid = cd[keep], cp[keep], cg[keep], rid[keep]
    nodes, node = np.unique(cg, return_inverse=True)  # the 5-grams of long runs, numbered 0..k-1
    same_run = rid[1:] == rid[:-1]  # consecutive 5-grams of one run are one text
    a, b = node[:-1][same_run], node[1:][same_run]
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(len(nodes), len(nodes)))
    _, comp = connected_components(graph, directed=False)
    first = np.flatnonzero(np.r_[True, rid[1:] != rid[:-1]])  # each long run's first occurrence
    r_text = comp[node[first]].tolist()
    r_doc = cd[first].tolist()
    r_start = cp[first].tolist()
    r_end = (cp[np.r_[first[1:], len(cp)] - 1] + shingle).tolist()  # the run's last word + 1
    spans: dict[int, dict[int, list[tuple[int, int]]]] = {}  # text -> doc -> word spans
    for t, d_, a0, b0 in zip(r_text, r_doc, r_start, r_end):
        spans.setdefault(t, {}).setdefault(d_, []).append((a0, b0))
    rows = []
    for t in sorted(spans):
        held = {}
        for d_, sp in spans[t].items():
            n_words = n_narr = 0
            end = -1
            q = docs[d_].quoted
            for a0, b0 in sorted(sp):  # word spans of one text in one article, overlaps counted once
                a0 = max(a0, end)
                if b0 > a0:
                    n_words += b0 - a0
                    n_narr += (b0 - a0) - sum(q[a0:b0])
                end = max(end, b0)
            held[d_] = (n_words, n_narr, min(sp)[0], max(b for _, b in sp))
        carriers = {d_: w for d_, w in held.items() if w[1] >= words}
        outlets = {docs[d_].outlet for d_ in carriers}
        if len(outlets) < CARRIED_OUTLETS:
            continue
        best = max(carriers, key=lambda d_: (carriers[d_][0], -d_))
        sample = text_of(docs[best], carriers[best][2], min(carriers[best][3], len(docs[best].words)))
        sample = sample if len(sample) <= SAMPLE else sample[:SAMPLE].rsplit(" ", 1)[0] + " ..."
        for d_ in sorted(carriers, key=lambda i: docs[i].id):
            rows.append({"text_id": t, "article_id": docs[d_].id, "outlet": docs[d_].outlet,
                         "words": carriers[d_][0], "narration": carriers[d_][1],
                         "share": round(carriers[d_][0] / max(1, len(docs[d_].words)), 3), "articles": len(carriers),
                         "outlets": len(outlets), "sample": sample})
    out = pd.DataFrame(rows, columns=CARRIED_COLS)
    if len(out):  # texts numbered 1, 2, ... from the most widely carried, then by their first article
        head = out.groupby("text_id", sort=False).agg(n=("articles", "first"), a=("article_id", "min"))
        rank = head.sort_values(["n", "a"], ascending=[False, True], kind="stable").index
        out["text_id"] = out["text_id"].map({t: k + 1 for k, t in enumerate(rank)})
        out = out.sort_values(["text_id", "article_id"], kind="stable").reset_index(drop=True)
    return out
