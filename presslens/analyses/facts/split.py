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
"""
from __future__ import annotations

import numpy as np

from presslens.analyses.facts import normalise


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
