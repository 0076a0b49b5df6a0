"""Pieces of one statement joined: facts whose cores agree are one fact.

Leader clustering (:func:`.grouping.group`) cuts a statement worded many ways into several facts:
each version joins the centre it links with, and versions that link with none of the centres taken
start a fact of their own. The pieces then have one *core* (:func:`.grouping.cores`: the rare words
most of a fact's versions share). A reader takes two sentences with the same subject, the same
predicate and the same figures for one statement, so :func:`pieces` joins facts whose whole cores
are the same words, three at least (two words are mostly a name or a subject alone: "ferry operator",
"Harbour Council"), whose centres agree on negation (a denial stays a fact of its own) and give no
figure that disagrees (:func:`.normalise.disagree`: 27 dead is not 43 dead), and whose centres
are worded alike (``grouping.JOIN_ALIKE``: their lexical score 0.5, as a link asks): a core can be
the subject alone, and "ByteDance ensures compliance with the service terms" and "the latter was in
violation of OpenAI's terms of service" (bundled story) share one core and say opposite things.
Every later piece (less central) joins the first, which alone then takes in by the core (:mod:`.bounds`).

On the benchmark's synthetic articles (``scripts/bench_facts.py``' sentences), member rows per
sentence 6.48 / 7.81 / 8.78 -> 6.20 / 7.32 / 8.11 at 500 / 1,000 / 2,000 articles (+1.33 and +0.97 a
doubling -> +1.12 and +0.79); without the guard on the centres' wording 5.95 / 7.05 / 7.66, but it joined
the compliance and the violation above. Cores of two words joined as well (``MIN_WORDS = 2``): the same
claims, 7.27 at 1,000.
Development claims matched unchanged (71 of 87, every figure of the scoreboard the same; held out
0.816 both). Bundled story: fact 106, the very label of fact 1, joins fact 1 (member rows 316 -> 313).
Tried and not kept: joining on the two rarest core words only (71 -> 66: the pieces of a wide fact
and of a narrow one share their two rarest words), on whole cores of two words too (70), and
reading the joined fact's core again (69).
"""
from __future__ import annotations

import numpy as np

from presslens.analyses.facts import features, normalise, predicate

MIN_WORDS = 3   # a core of fewer words names a subject, not a statement: its facts are not joined by it
ROOTS_COMPARED = 64   # a later fact is compared with at most this many earlier facts giving one quantity


def pieces(found: list, neg: np.ndarray, centre_version: np.ndarray, fig: list[dict], alike=None) -> dict[int, int]:
    """Which fact each later piece joins ({piece: first fact}; ``found``: :func:`.grouping.cores`'s
    entries, the most central fact first): the same core words (``MIN_WORDS`` at least), the same
    negation of the centre, no figure of the piece's centre that disagrees with the centre of the first or of any
    piece already joined to it (a piece giving no figure does not join 2 million to 5 million), and (``alike``: a
    function of two centre versions) centres worded alike enough."""
    first: dict[tuple, list[int]] = {}
    into: dict[int, int] = {}
    joined: dict[int, list[int]] = {}    # first fact -> the facts joined to it (itself first): 2 and 5 million never meet in one
    for entry in found:
        if len(entry[3]) < MIN_WORDS:
            continue
        f = int(entry[0])
        c = int(centre_version[f])
        key = (tuple(sorted(int(w) for w in entry[3])), bool(neg[c]))
        for g in first.get(key, []):     # the first earlier piece whose figures agree, and those of every piece joined to it
            if (not any(normalise.disagree(fig[int(centre_version[h])], fig[c]) for h in joined[g])
                    and (alike is None or alike(int(centre_version[g]), c))):
                into[f] = g
                joined[g].append(f)
                break
        else:
            first.setdefault(key, []).append(f)
            joined[f] = [f]
    return into


def apply(vv: np.ndarray, ff: np.ndarray, ss: np.ndarray, into: dict[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Memberships with every piece's rows moved to the fact it joins (a version in both keeps one
    row, with its better score), in the order given."""
    if not into:
        return vv, ff, ss
    to = np.arange(int(ff.max()) + 1, dtype=np.int64)
    for a, b in into.items():
        to[a] = b
    ff = to[ff]
    order = np.lexsort((-ss, ff, vv))               # per (version, fact): the best score first
    key = np.stack([vv[order], ff[order]], axis=1)
    keep = np.sort(order[np.r_[True, (np.diff(key, axis=0) != 0).any(axis=1)]])
    return vv[keep], ff[keep], ss[keep]


def by_quantity(centres: dict[int, str], shared: int) -> dict[int, int]:
    """Which fact each later fact joins ({fact: earlier fact}; ``centres``: fact -> its centre's text, a
    lower number more central) by what a reader sees in two wordings of one statement with little
    wording in common ("which Nvidia's shares plunged 17%", "its stock tumbled just under 17% on
    Monday"): the same quantity (:func:`.normalise.quantities`: 17%, $600 billion, 133 people; not a
    date, a year or a label such as "Category 5"), the same negation, no figure that disagrees
    (:func:`.normalise.disagree`) with the earlier fact's centre or with any fact joined to it,
    ``shared`` content words in common besides the figures and the words that name their kinds (one
    word, the verb alone, joined "Broadcom fell 17.4%" to "Nvidia's shares plunged 17%": two statements),
    and, when both centres have predicate words (:func:`.predicate.predicates`), a predicate of one
    among the words of the other (a synonym row's word: "plunged" = "a 17% drop"): "Storm Alba grew from a
    squall to a force 12 gale" and "Storm Alba hit Marbury as a force 12 gale" share a subject and a figure
    but say two things. A fact that joins none is a fact later facts may join."""
    info: dict[int, tuple] = {}
    by_q: dict[tuple, list[int]] = {}
    joined: dict[int, list[int]] = {}
    into: dict[int, int] = {}
    for f in sorted(centres):
        text = centres[f]
        q = normalise.quantities(text) if isinstance(text, str) else frozenset()
        if not q:
            continue
        fig = normalise.figures(text)
        every = set(normalise.fact_words(text))
        words = {w for w in every if not w[0].isdigit()} - set(fig)
        preds = {p[0] for p in predicate.predicates(text)}
        neg = features.negated(text)
        for g in sorted({g for k in q for g in by_q.get(k, ())[:ROOTS_COMPARED]}):
            w2, every2, preds2, neg2 = info[g]
            if (neg == neg2 and len(words & w2) >= shared
                    and (not preds or not preds2 or preds & every2 or preds2 & every)
                    and not any(normalise.disagree(normalise.figures(centres[h]), fig) for h in joined[g])):
                into[f] = g
                joined[g].append(f)
                break
        else:
            info[f] = (words, every, preds, neg)
            joined[f] = [f]
            for k in q:
                by_q.setdefault(k, []).append(f)
    return into
