"""One fact, one figure: the versions of a fact that give another figure than most of it are a fact
of their own.

Two versions that give different figures of one kind (27 vs 43 dead, an earlier and a later toll)
never link (:func:`.normalise.disagree`), but both can link to a version that gives no figure ("the
storm killed people in the city"), and a fact whose centre gives none then holds both tolls: two
facts merged, which a reader takes for one. Here, per fact and per kind of figure, the figure most
of its articles give is the fact's (the centre's own, when it gives one); every version that gives
only other figures of that kind leaves the fact, and the versions that give one same figure become a
new fact together, its centre their heaviest version. A figure one version alone gives is no
disagreement with a fact that gives none of that kind.

*One fact, one statement* (:func:`by_words`): the versions of a fact that agree on two rare words the
rest of it lacks say something more than the fact's core. "Storm Alba hit Marbury as a force 12
gale" and "Storm Alba grew from a summer squall to a force 12 gale" link on the storm and the gale,
but the versions holding "summer squall" (at least three articles, at most half of the fact's, and
most of the versions holding either word hold both) tell the growth: they are a fact of their own,
and each of the two facts then takes in what its own core holds. The fact keeps its centre; the
story's cast (:mod:`.names`) is never the pair. Development claims matched 67 -> 69 of 87 (one
story's strongest-category fact lets go the versions on the damage's cost; another's death toll loses its
one wrong article and gains two); a pair that two facts' clauses share ("lost power and rammed the
bridge") can take the clauses that state both away from the first (one claim's F1 0.96 -> 0.68, while
another of that story rose 0.62 -> 0.80). docs/analyses.md (issue 29, sixth pass) names the stories. Requiring the rest to agree on a word of
its own as well split too little to gain (67); keeping the versions in the first fact as well, 68.
"""
from __future__ import annotations

import numpy as np
from scipy import sparse

from presslens.analyses.facts import arrays, normalise


def by_figure(vv: np.ndarray, ff: np.ndarray, ss: np.ndarray, centre_version: np.ndarray, fig: list[dict],
              weight: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Memberships (version, fact, score) and centres with the dissenting versions of every fact moved
    to new facts (numbered after the others; see the module doc)."""
    ff = ff.copy()
    centres = list(centre_version)
    has = np.array([bool(f) for f in fig], dtype=bool)
    rows = np.flatnonzero(has[vv])
    if not len(rows):
        return vv, ff, ss, centre_version
    order = rows[np.argsort(ff[rows], kind="stable")]
    bounds = np.flatnonzero(np.diff(ff[order])) + 1
    for part in np.split(order, bounds):
        f = int(ff[part[0]])
        ref = _reference(vv[part], fig, weight, fig[int(centre_version[f])])
        moved: dict[tuple, list[int]] = {}
        for r in part:
            v = int(vv[r])
            if v != centre_version[f] and normalise.disagree(ref, fig[v]):
                moved.setdefault(tuple(sorted((k, tuple(sorted(x))) for k, x in fig[v].items())), []).append(r)
        for rs in moved.values():
            new = len(centres)
            ff[rs] = new
            centres.append(int(max(vv[rs], key=lambda v: (weight[v], -v))))
            ss[rs] = np.where(vv[rs] == centres[-1], 1.0, ss[rs])
    return vv, ff, ss, np.array(centres, dtype=np.int64)


def references(vv: np.ndarray, ff: np.ndarray, centre_version: np.ndarray, fig: list[dict],
               weight: np.ndarray, facts: set) -> dict[int, dict]:
    """The figure of every kind of each fact in ``facts`` (:func:`_reference`): what a sentence
    joining the fact later (:mod:`.window`) must not disagree with."""
    keep = np.isin(ff, list(facts))
    out: dict[int, list] = {}
    for v, f in zip(vv[keep], ff[keep]):
        out.setdefault(int(f), []).append(int(v))
    return {f: _reference(np.array(out.get(f, []), dtype=np.int64), fig, weight, fig[int(centre_version[f])])
            for f in facts}


def _reference(vs: np.ndarray, fig: list[dict], weight: np.ndarray, centre: dict) -> dict:
    """The fact's figure of every kind its versions give: the centre's, else the one given by most
    articles (ties: the smallest value, for a stable choice)."""
    votes: dict[str, dict[str, float]] = {}
    for v in np.unique(vs):
        for k, vals in fig[v].items():
            for x in vals:
                votes.setdefault(k, {})[x] = votes.setdefault(k, {}).get(x, 0.0) + weight[v]
    ref = {k: frozenset([max(sorted(c), key=lambda x: c[x])]) for k, c in votes.items()
           if sum(1 for w in c.values() if w) > 1}
    ref.update(centre)
    return ref


def by_words(vv: np.ndarray, ff: np.ndarray, ss: np.ndarray, centre_version: np.ndarray, m, idf: np.ndarray,
             weight: np.ndarray, cast: np.ndarray, min_articles: int = 3, share: float = 0.7, most: float = 0.5,
             agree: float = 0.6, rare: float = 4.0, top: int = 30) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Memberships and centres with, in every fact, the versions that agree on two rare words the rest
    of the fact does not hold moved to a fact of their own (see the module doc and :func:`_sub_group`):
    two words (not of the ``cast``; idf sum ``rare``) each held by at least ``min_articles`` of the
    fact's articles and at most ``most`` of them (and below ``share``: not the fact's core), held
    together by at least ``agree`` of the versions holding either. The fact keeps its centre."""
    ff = ff.copy()
    ss = ss.copy()
    centres = list(centre_version)
    mc = m.tocsr()
    if not len(ff):
        return vv, ff, ss, centre_version
    # every fact's articles per word in one product; only facts with two candidate words are read further
    fv = arrays.distinct_rows(ff, vv)
    n_f = int(ff.max()) + 1
    by_fact = sparse.csr_matrix((weight[fv[:, 1]].astype(np.float64), (fv[:, 0], fv[:, 1])), shape=(n_f, mc.shape[0]))
    held = (by_fact @ mc).tocsr()
    total = np.asarray(by_fact.sum(axis=1)).ravel()
    fact_of = np.repeat(np.arange(n_f), np.diff(held.indptr))
    lim = np.minimum(most, share - 1e-9) * total[fact_of]
    cand = (held.data >= min_articles) & (held.data <= lim)
    if len(cast):
        cand &= ~np.isin(held.indices, cast)
    n_cand = np.bincount(fact_of[cand], minlength=n_f)
    order = np.argsort(ff, kind="stable")
    bounds = np.flatnonzero(np.diff(ff[order])) + 1
    for part in np.split(order, bounds):
        f = int(ff[part[0]])
        if total[f] < 2 * min_articles or n_cand[f] < 2:
            continue
        lo, hi = held.indptr[f], held.indptr[f + 1]
        ok = cand[lo:hi]
        sub = _sub_group(np.unique(vv[part]), held.indices[lo:hi][ok], held.data[lo:hi][ok], mc, idf, weight,
                         min_articles, agree, rare, top)
        if sub is None or centres[f] in sub:
            continue
        rows = part[np.isin(vv[part], sub)]
        ff[rows] = len(centres)
        centres.append(int(max(sub, key=lambda v: (weight[v], -v))))
        ss[rows] = np.where(vv[rows] == centres[-1], 1.0, ss[rows])
    return vv, ff, ss, np.array(centres, dtype=np.int64)


def _sub_group(vs, cand, held, m, idf, weight, min_articles, agree, rare, top):
    """The versions of ``vs`` that hold two of the words ``cand`` (each held by ``held`` of the fact's
    articles: at least ``min_articles``, at most ``most`` of them, neither of the cast nor of the fact's
    core; see :func:`by_words`) whose idf sum is ``rare`` and which at least ``agree`` of the versions
    holding either hold both: the largest such set (ties: the rarer words), or None."""
    rank = np.argsort(-idf[cand], kind="stable")[:top]
    cand, held = cand[rank], held[rank]
    if len(cand) < 2 or idf[cand[0]] + idf[cand[1]] < rare:
        return None
    w = weight[vs].astype(np.float64)
    cols = (m[vs][:, cand].toarray() > 0).astype(np.float64)
    both = cols.T @ (cols * w[:, None])                 # articles holding word i and word j
    either = held[:, None] + held[None, :] - both
    rarity = idf[cand][:, None] + idf[cand][None, :]
    ok = np.triu(np.ones_like(both, dtype=bool), k=1) & (rarity >= rare) & (both >= min_articles) & (both >= agree * either)
    if not ok.any():
        return None
    key = np.where(ok, both * 1e3 + rarity, -np.inf)   # the most articles, then the rarer words
    i, j = np.unravel_index(int(np.argmax(key)), key.shape)
    return vs[(cols[:, i] > 0) & (cols[:, j] > 0)]
