"""Fact discovery stays linear: a story twice as large (the same ten statements, each worded again by
more articles) has about twice the member rows, and the pieces of :mod:`presslens.analyses.facts.bounds`
on crafted inputs. Invented 'Marbury' story; no evaluation text."""
from __future__ import annotations

import random

import numpy as np
import pandas as pd

from presslens.analyses.facts import bounds, grouping

STATEMENTS = [
    "The Harbour Council closed the old pier after divers found deep cracks in its wooden pilings.",
    "Storm Alba flooded the Marbury seafront and cut power to four thousand homes on Tuesday night.",
    "The Harbour Council said repairs to the pier would cost the town more than two million pounds.",
    "Ferry crews from Marbury refused to sail until the harbour master inspected the damaged breakwater.",
    "Fishermen in Marbury lost their boats when the storm surge broke the harbour wall overnight.",
    "The mayor of Marbury promised emergency grants to the families whose homes were flooded by Alba.",
    "Coastguard teams rescued eleven sailors from a cargo ship that ran aground near the lighthouse.",
    "Insurers warned that claims from the flooding could reach a record level for the region.",
    "Residents of the old town complained that warnings about the storm came far too late.",
    "The weather office said Alba was the strongest autumn storm to reach Marbury in forty years."]
VOCAB = sorted({w.strip(".,") for s in STATEMENTS for w in s.split()})


def _story(n: int, seed: int) -> pd.DataFrame:
    """n articles of 6 of the statements each; 9 in 10 sentences reworded a little (a word dropped, a
    word swapped for another of the story's words), as copies edited by many sites are."""
    rng = random.Random(seed)
    rows = []
    for a in range(n):
        for i, s in enumerate(rng.sample(STATEMENTS, 6)):
            w = s.split()
            if rng.random() < 0.9:
                if rng.random() < 0.5:
                    del w[rng.randrange(1, len(w) - 1)]
                w[rng.randrange(len(w))] = rng.choice(VOCAB)
            rows.append({"article_id": f"a{a:04d}", "outlet": f"Outlet {a}", "sent_idx": i, "part": "body",
                         "position": i / 6, "text": " ".join(w)})
    return pd.DataFrame(rows)


def test_the_member_table_grows_with_the_story_not_faster():
    # summed over three draws (one draw is noisy): 200 -> 400 articles. Before bounds: x2.91 (18,204 ->
    # 52,995 rows, a sentence in more facts the more often its statement is worded); now x2.22.
    rows = {n: sum(len(grouping.discover(_story(n, seed))) for seed in range(3))
            for n in (200, 400)}
    assert rows[400] <= 2.4 * rows[200], rows


def test_one_core_takes_in_once():
    # facts 0, 1 and 3 share their rarest core words (7, 9); fact 1's centre denies, so it keeps its own
    found = [(0, None, np.array([7, 9]), np.array([7, 9, 2])), (1, None, np.array([7, 9]), np.array([7, 9])),
             (2, None, np.array([7, 9]), np.array([7, 9, 4])), (3, None, np.array([5, 9]), np.array([5, 9]))]
    neg = np.array([False, True, False, False])
    kept = bounds.one_per_core(found, neg, centre_version=np.array([0, 1, 2, 3]))
    assert [e[0] for e in kept] == [0, 1, 3]


def test_heaviest_versions_of_each_group():
    gid = np.array([0, 0, 0, 1, 0, 1])
    weight = np.array([1.0, 5.0, 1.0, 2.0, 5.0, 2.0])
    # group 0: versions 1 and 4 weigh 5 (the first of them first), then 0 and 2 weigh 1 (0 first)
    assert bounds.heaviest(gid, weight, 3).tolist() == [True, True, False, True, True, True]
    assert bounds.heaviest(gid, weight, 1).tolist() == [False, True, False, True, False, False]


def test_best_pair_between_groups():
    nbr = bounds.best(np.array([0, 0, 1, 2]), np.array([1, 1, 0, 2]), np.array([0.4, 0.7, 0.5, 0.9]), 3)
    assert nbr == [{1: 0.7}, {0: 0.7}, {}]


def test_one_core_takes_in_at_most_k_times():
    found = [(f, None, np.array([7, 9]), np.array([7, 9])) for f in range(4)]
    kept = bounds.one_per_core(found, np.zeros(4, dtype=bool), np.arange(4), k=2)
    assert [e[0] for e in kept] == [0, 1]


def _best_pair_by_pair(ga, gb, score, n):
    """bounds.best as it was: a dict filled pair by pair."""
    edges = {}
    for a, b, s in zip(ga, gb, score):
        if a == b:
            continue
        k = (a, b) if a < b else (b, a)
        if s > edges.get(k, 0.0):
            edges[k] = float(s)
    nbr = [dict() for _ in range(n)]
    for (a, b), s in edges.items():
        nbr[a][b] = s
        nbr[b][a] = s
    return nbr


def test_best_is_the_pair_by_pair_dict_in_the_same_order():
    rng = np.random.default_rng(11)
    ga, gb = rng.integers(0, 40, 3000), rng.integers(0, 40, 3000)
    score = rng.random(3000).astype(np.float32)
    score[rng.random(3000) < 0.1] = 0.0                      # pairs scoring nothing make no edge
    want = _best_pair_by_pair(ga, gb, score, 45)
    got = bounds.best(ga, gb, score, 45)
    assert [list(d.items()) for d in got] == [list(d.items()) for d in want]     # values and order
    assert sum(map(len, got)) > 100 and got[44] == {}
    assert bounds.best(np.array([3, 1]), np.array([3, 2]), np.array([0.5, 0.0]), 4) == [{}, {}, {}, {}]
