"""What keeps fact discovery linear in the story's size: two places where a larger story made every
sentence a member of more facts, although it said nothing more.

The member table (one row per sentence and fact it states) grew faster than the articles: on the
synthetic benchmark (``scripts/bench_facts.py``) 10.7 rows per sentence at 500 articles, 14.7 at 1,000,
20.4 at 2,000 (a sentence in up to 290 facts), and 10,000 articles ran out of memory. Two causes:

* **One core, many facts.** Leader clustering cuts a statement worded many ways into several facts
  (each version joins the centre it links with; versions that link to none of the taken centres start
  their own). Each fact then has the same *core* (the rare words most of its versions share,
  :func:`.grouping.cores`), and each took in every sentence holding it: with k such facts a sentence
  stating it is in all k, and k grows with the number of versions. A reader takes a sentence holding
  the core for the statement once. :func:`one_per_core`: of the facts whose cores agree on their
  rarest words (those every sentence taken in must hold) and on negation, only the first (the most
  central) takes in by the core; the others keep their own members. On the development stories up to
  8 facts shared one core; claims matched 69 -> 71 of 87, held out (``facts_loso``) 0.793 -> 0.816.
* **A group's best pair rises with its size.** Near-identical versions are one group, and two groups
  meet on the best score of any pair between them. A sentence also states a second fact when it scores
  ``MULTI`` with that fact's centre group; the best of a few hundred pairs of one statement worded a
  few hundred times passes ``MULTI`` by chance alone. :func:`heaviest`: a second fact is read on the
  ``COMPARED`` heaviest versions of each group only (no development story has a group of more than 4
  versions, so nothing there moves); a group's own fact and the centres are found on every pair as before.
"""
from __future__ import annotations

import numpy as np


def best(ga: np.ndarray, gb: np.ndarray, score: np.ndarray, n: int) -> list[dict[int, float]]:
    """Each of ``n`` groups' neighbouring groups with the best score of a pair between the two (pairs
    given as the groups of their two versions, ``ga`` and ``gb``; pairs inside one group left out)."""
    ga, gb, score = np.asarray(ga, dtype=np.int64), np.asarray(gb, dtype=np.int64), np.asarray(score)
    nbr: list[dict[int, float]] = [dict() for _ in range(n)]
    keep = np.flatnonzero((ga != gb) & (score > 0))
    if not len(keep):
        return nbr
    # each pair of groups once, with its best score, in the order of its first pair (a dict filled pair by
    # pair, as before: neighbours are listed in that order)
    lo, hi = np.minimum(ga[keep], gb[keep]), np.maximum(ga[keep], gb[keep])
    key = lo * n + hi
    o = np.argsort(key, kind="stable")
    k = key[o]
    start = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    top = np.maximum.reduceat(score[keep][o], start)
    first = o[start]                                  # the position of each edge's first pair
    by = np.argsort(first, kind="stable")
    for a, b, s in zip(lo[first[by]].tolist(), hi[first[by]].tolist(), top[by].tolist()):
        nbr[a][b] = s
        nbr[b][a] = s
    return nbr


def heaviest(gid: np.ndarray, weight: np.ndarray, k: int) -> np.ndarray:
    """Which versions (``gid``: each one's group) are among the ``k`` heaviest of their group (by
    ``weight``, then the first version): a boolean mask."""
    order = np.lexsort((np.arange(len(gid)), -weight, gid))
    g = gid[order]
    start = np.flatnonzero(np.r_[True, g[1:] != g[:-1]]) if len(g) else np.zeros(0, dtype=np.int64)
    rank = np.arange(len(g)) - np.repeat(start, np.diff(np.r_[start, len(g)]))
    out = np.zeros(len(gid), dtype=bool)
    out[order[rank < k]] = True
    return out


def one_per_core(found: list, neg: np.ndarray, centre_version: np.ndarray, k: int = 1) -> list:
    """The entries of ``found`` (:func:`.grouping.cores`: fact, versions, rarest core words, all core
    words; in fact order, the most central first) that take in by their core: of several facts whose
    rarest core words and negation (of the centre version) agree, the first ``k`` only."""
    seen: dict = {}
    out = []
    for entry in found:
        key = (tuple(int(w) for w in entry[2]), bool(neg[centre_version[entry[0]]]))
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= k:
            out.append(entry)
    return out
