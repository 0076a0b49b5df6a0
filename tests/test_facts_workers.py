"""Fact discovery on one core or two gives the same bytes (presslens.analyses.facts.workers): the
scores of candidate pairs scored in blocks by threads, and the member table of a crafted story."""
from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from presslens.analyses.facts import grouping, table, workers
from presslens.errors import RunError


def test_blocks_cover_every_item_once_in_any_number_of_threads():
    for k in (1, 2, 3):
        seen = np.zeros(23, dtype=np.int64)

        def mark(s, e):
            seen[s:e] += 1
        workers.blocks(mark, 23, 5, k)
        assert seen.tolist() == [1] * 23


def test_an_error_in_a_block_is_raised():
    def fail(s, e):
        if s == 10:
            raise ValueError("block 10")
    with pytest.raises(ValueError, match="block 10"):
        workers.blocks(fail, 23, 5, 2)


def test_scores_are_the_same_bytes_with_one_worker_or_two():
    rng = np.random.default_rng(3)
    n, vocab = 300, 60
    rows = np.repeat(np.arange(n), 6)
    m = sparse.csr_matrix((np.ones(n * 6, dtype=np.float32), (rows, rng.integers(0, vocab, n * 6))), shape=(n, vocab))
    m.data[:] = 1                                      # duplicates summed: binary again
    idf = rng.random(vocab).astype(np.float32) * 5
    emb = rng.standard_normal((n, 8)).astype(np.float32)
    pairs = np.sort(rng.integers(0, n, size=(1000, 2)), axis=1)
    one = grouping.scores(pairs, m, idf, emb, chunk=1000, workers=1)
    for k in (2, 3):
        many = grouping.scores(pairs, m, idf, emb, chunk=37, workers=k)   # blocks of 37: a last short one
        for a, b in zip(one, many):
            assert a.dtype == b.dtype and a.tobytes() == b.tobytes()
    assert (one[2] > 0).any() and (one[1] > 0).any()  # the crafted pairs do share words


STORY = [("a1", "Harbour Post", "The Harbour Council closed the old pier after divers found cracks in its pilings."),
         ("a2", "Quay Times", "The old pier was closed by the Harbour Council when divers found cracks in the pilings."),
         ("a3", "Bay Herald", "The Harbour Council shut the old pier after divers discovered cracks in its pilings."),
         ("a3", "Bay Herald", "Repairs to the old pier will cost 4 million pounds, according to the council."),
         ("a4", "Quay Times", "Repairs to the old pier will cost 4 million pounds, the council engineer said."),
         ("a5", "Coast News", "The Harbour Council closed the old pier after divers found cracks in its pilings.")]


def test_member_table_is_the_same_with_one_worker_or_two(monkeypatch):
    sent = pd.DataFrame([{"article_id": a, "outlet": o, "sent_idx": i, "part": "body", "position": 0.5, "text": t}
                         for i, (a, o, t) in enumerate(STORY)])
    monkeypatch.setattr(workers, "WORKERS", 1)
    one = table.from_sentences(sent)
    monkeypatch.setattr(workers, "WORKERS", 2)
    two = table.from_sentences(sent)
    assert one["fact"].nunique() >= 2
    pd.testing.assert_frame_equal(one, two, check_exact=True)


def per_fact_cores(vv, ff, m, idf, weight):
    """grouping.cores as it was: one sparse product per fact."""
    out = []
    for f in np.unique(ff):
        vs = np.unique(vv[ff == f])
        w = weight[vs]
        if len(vs) < 2 or w.sum() < grouping.CORE_MIN_ARTICLES:
            continue
        share = np.asarray(m[vs].multiply(w[:, None]).sum(axis=0)).ravel() / w.sum()
        core = np.flatnonzero(share >= grouping.CORE_SHARE)
        core = core[np.argsort(-idf[core], kind="stable")]
        if len(core) >= 2 and idf[core[:2]].sum() >= grouping.CORE_IDF:
            out.append((int(f), vs, core[:grouping.CORE_TOP], core))
    return out


def test_cores_of_every_fact_in_one_product_are_the_per_fact_cores():
    rng = np.random.default_rng(5)
    n, vocab = 120, 100                                # 30 facts of 4 versions; a fact's versions share 3 words
    rows, words = [], []
    for v in range(n):
        own = [3 * (v // 4) + k for k in range(3) if rng.random() < 0.85] + list(rng.choice(range(90, vocab), 2, replace=False))
        rows += [v] * len(own)
        words += own
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, words)), shape=(n, vocab))
    idf = (1.5 + rng.random(vocab) * 3).astype(np.float32)
    weight = rng.integers(1, 4, n).astype(np.float64)
    vv = np.concatenate([np.arange(n), rng.integers(0, n, 40)])   # and 40 versions in a second fact
    ff = np.concatenate([np.arange(n) // 4, rng.integers(0, 30, 40)])
    want = per_fact_cores(vv, ff, m, idf, weight)
    got = grouping.cores(vv, ff, m, idf, weight)
    assert len(want) >= 5
    assert [(f, v.tolist(), t.tolist(), c.tolist()) for f, v, t, c in got] == \
        [(f, v.tolist(), t.tolist(), c.tolist()) for f, v, t, c in want]


def _pids_then_squares():
    yield os.getpid()
    yield [k * k for k in range(5)]


def test_beside_runs_in_another_process_with_two_workers_and_here_with_one():
    with workers.beside(_pids_then_squares, "test", workers=2) as side:
        assert side.next() != os.getpid()          # a forked process
        assert side.next() == [0, 1, 4, 9, 16]
    with workers.beside(_pids_then_squares, "test", workers=1) as side:
        assert side.next() == os.getpid()          # here
        assert side.next() == [0, 1, 4, 9, 16]


def _fails():
    yield 1
    raise ValueError("the Harbour Council's sentence 12 is bad")


def _dies():
    yield 1
    os._exit(3)


def test_an_error_in_the_worker_process_is_raised_here():
    with workers.beside(_fails, "test", workers=2) as side:
        assert side.next() == 1
        with pytest.raises(ValueError, match="sentence 12 is bad"):
            side.next()


def test_a_worker_process_that_dies_is_a_run_error_not_a_hang():
    with workers.beside(_dies, "names and quoted terms", workers=2) as side:
        assert side.next() == 1
        with pytest.raises(RunError, match=r"names and quoted terms.*exit code 3.*WORKERS = 1"):
            side.next()


TERMS = [("b1", "Harbour Post", 'The ferry operator blamed a "technical hitch" for the delay on Monday morning.'),
         ("b2", "Quay Times", 'Officials spoke of a "technical hitch" that held the ferry at the quay for hours.'),
         ("b3", "Bay Herald", "Passengers were told that a technical hitch had stopped the crossing again."),
         ("b4", "Coast News", "The Harbour Council closed the old pier after divers found cracks in its pilings."),
         ("b5", "Bay Herald", "The Harbour Council closed the old pier after divers found cracks in its pilings.")]


def test_quoted_terms_and_names_from_the_worker_process_give_the_same_member_table(monkeypatch):
    sent = pd.DataFrame([{"article_id": a, "outlet": o, "sent_idx": i, "part": "body", "position": 0.5, "text": t}
                         for i, (a, o, t) in enumerate(STORY + TERMS)])
    monkeypatch.setattr(workers, "WORKERS", 1)
    one = table.from_sentences(sent)
    monkeypatch.setattr(workers, "WORKERS", 2)
    two = table.from_sentences(sent)
    arts = one.groupby("fact")["article_id"].apply(lambda a: sorted(set(a)))
    assert ["b1", "b2", "b3"] in arts.tolist()       # the quoted term's fact: two quote it, a third uses it
    pd.testing.assert_frame_equal(one, two, check_exact=True)
