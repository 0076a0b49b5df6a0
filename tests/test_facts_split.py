"""presslens.analyses.facts.split.by_words on small crafted memberships: which versions of one fact
are moved to a fact of their own, and which never are."""
from __future__ import annotations

import numpy as np
from scipy import sparse

from presslens.analyses.facts import normalise, split

GALE = ["Storm Alba hit Marbury as a force 12 gale.", "Storm Alba struck Marbury as a force 12 gale.",
        "Storm Alba battered Marbury as a force 12 gale.", "Storm Alba lashed Marbury as a force 12 gale."]
GREW = ["Storm Alba grew from a summer squall to a force 12 gale.",
        "Storm Alba grew from a summer squall into a force 12 gale.",
        "Storm Alba had grown from a summer squall to a force 12 gale."]


def _one_fact(texts: list[str]):
    """(vv, ff, ss, centres, matrix, idf, weight): every text one version of one article, all of fact 0,
    the first text its centre; idf as if 60 other versions held none of these words."""
    words = [sorted(set(normalise.fact_words(t))) for t in texts]
    vocab = {w: i for i, w in enumerate(sorted({w for ws in words for w in ws}))}
    r = [i for i, ws in enumerate(words) for _ in ws]
    c = [vocab[w] for ws in words for w in ws]
    m = sparse.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(texts), len(vocab)))
    df = np.asarray(m.sum(axis=0)).ravel()
    idf = np.log((len(texts) + 60 + 1) / (df + 0.5))
    n = len(texts)
    return (np.arange(n), np.zeros(n, dtype=np.int64), np.full(n, 0.6), np.array([0]), m, idf,
            np.ones(n), vocab)


def test_versions_agreeing_on_two_rare_words_move_to_a_fact_of_their_own():
    vv, ff, ss, centres, m, idf, weight, _ = _one_fact(GALE + GREW)
    vv, ff2, ss2, centres2 = split.by_words(vv, ff, ss, centres, m, idf, weight, np.zeros(0, dtype=np.int64))
    assert list(ff2) == [0, 0, 0, 0, 1, 1, 1]
    assert len(centres2) == 2 and centres2[0] == 0 and centres2[1] in (4, 5, 6)
    assert ss2[centres2[1]] == 1.0                      # the new fact's centre scores 1 with itself


def test_words_most_of_the_fact_holds_split_nothing():
    # the squall versions are four of seven: more than half the fact's articles hold its words
    vv, ff, ss, centres, m, idf, weight, _ = _one_fact(GALE[:3] + GREW + [GREW[0]])
    assert list(split.by_words(vv, ff, ss, centres, m, idf, weight, np.zeros(0, dtype=np.int64))[1]) == [0] * 7


def test_the_centre_and_the_cast_are_never_split_off():
    # the centre grew from a squall: the fact is the squall's; the others stay with it
    vv, ff, ss, _, m, idf, weight, vocab = _one_fact(GALE + GREW)
    assert list(split.by_words(vv, ff, ss, np.array([4]), m, idf, weight, np.zeros(0, dtype=np.int64))[1]) == [0] * 7
    # "summer squall" is who the story is about (its cast): no other pair agrees
    cast = np.array(sorted(vocab[w] for w in ("summer", "squall")), dtype=np.int64)
    assert list(split.by_words(vv, ff, ss, np.array([0]), m, idf, weight, cast)[1]) == [0] * 7
