"""A fact told across clauses: the whole sentences that hold a fact's core.

Grouping (:mod:`.grouping`) compares clauses, so a fact that one outlet says in one clause and
another spreads over two ("The harbour commission, which met for six hours behind closed doors, |
fined the ferry operator over the oil spill") is found only where it is said in one piece. A reader
joins the pieces; this step does the same with the fact's *core* (:func:`.grouping.cores`: the rare
words most of its versions share): a whole sentence that holds the core as :func:`holds` asks of a
clause (every one of its rarest core words and most of the rest), with the negation of the fact's
centre and no figure that disagrees with the fact's (:func:`.split.references`: 43 dead is not 27 dead),
states the fact too. The row it adds is the sentence, with the whole sentence as its clause, so the
member table names what a reader would read.

``grouping.WINDOWS``: ``"sentence"`` (the default), ``"pairs"`` (also two adjacent sentences of one
article, for a fact told over two sentences) or ``""`` (off). On the six development stories
(``python -m presslens.evaluation.facts_loso WINDOWS=,sentence,pairs``), claims matched: off 34/57,
sentence 36/57 (two stories one claim more each, none fewer; mean best F1 equal or higher on all
six), pairs 36/57 (one story one claim fewer than with sentences, and lower F1 on two others); held
out (each story scored with the value chosen on the other five): 35/57.

Everything runs on the core words only (a sentence's other words never enter the matrix), so the
cost is one pass over the sentences and one posting-list intersection per fact.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

from presslens.analyses.facts import features, normalise

WINDOW_COLS = ["_row", "fact", "clause"]


class Core(NamedTuple):
    """A fact's core (:func:`.grouping.cores`) as words: its rarest core words (all of which a unit
    must hold), all its core words rarest first, their idf, the fact's figures
    (:func:`.split.references`: a unit must not disagree with them), and word tuples every word of one of
    which a unit must hold as well (:func:`.predicate.needed`; empty: nothing more)."""
    fact: int
    top: tuple
    full: tuple
    idf: np.ndarray
    figures: dict = {}
    need: frozenset = frozenset()


def holds(rows: sparse.csr_matrix, cols: sparse.csc_matrix, top: np.ndarray, full: np.ndarray,
          idf: np.ndarray, mass: float) -> np.ndarray:
    """The units (rows of a binary unit x word matrix, given as CSR ``rows`` and CSC ``cols`` with
    sorted indices, as ``tocsc`` makes them) that hold a core: every one of its ``top`` words (the
    intersection of their postings) and ``mass`` of ``full`` (idf-weighted)."""
    hit = _posting(cols, top[0])
    for c in top[1:]:
        hit = hit[_within(hit, _posting(cols, c))]
        if not len(hit):
            return hit
    if mass and len(hit) and len(full) > len(top):
        held = np.zeros(len(hit), dtype=np.float64)
        for c in full:
            held += idf[c] * _within(hit, _posting(cols, c))
        hit = hit[held / idf[full].sum() >= mass]
    return hit


def _posting(cols: sparse.csc_matrix, c: int) -> np.ndarray:
    return cols.indices[cols.indptr[c]:cols.indptr[c + 1]]


def _within(x: np.ndarray, sorted_: np.ndarray) -> np.ndarray:
    """Which of ``x`` are in the sorted array ``sorted_`` (a boolean mask; binary search)."""
    if not len(sorted_):
        return np.zeros(len(x), dtype=bool)
    i = np.minimum(np.searchsorted(sorted_, x), len(sorted_) - 1)
    return sorted_[i] == x


def windows(sent: pd.DataFrame, pairs: bool = True) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(the first sentence row of every window, its second (-1: none), its text): each sentence
    alone, and (``pairs``) each sentence with the next one of the same article (``sent_idx`` one
    higher)."""
    texts = sent["text"].tolist()
    first = np.arange(len(texts), dtype=np.int64)
    second = np.full(len(texts), -1, dtype=np.int64)
    out = list(texts)
    if pairs and len(texts) > 1:
        art = sent["article_id"].to_numpy()
        idx = sent["sent_idx"].to_numpy() if "sent_idx" in sent else np.arange(len(texts))
        nxt = np.flatnonzero((art[1:] == art[:-1]) & (idx[1:] == idx[:-1] + 1))
        first, second = np.concatenate([first, nxt]), np.concatenate([second, nxt + 1])
        out += [f"{texts[i]} {texts[i + 1]}" for i in nxt]
    return first, second, out


def expand(sent: pd.DataFrame, found: list, centre_text: dict[int, str], mass: float,
           pairs: bool = True, words: list | None = None, known: dict | None = None) -> pd.DataFrame:
    """The windows (:func:`windows`) that state a fact by holding its core (``found``: the
    :class:`Core` of each fact; ``centre_text``: fact -> its centre clause), one row per
    (window's first sentence, fact), the smallest window first (``WINDOW_COLS``). ``words``: each
    sentence's fact words (:func:`.normalise.fact_words`) when the caller has them already;
    ``known``: fact -> the sentence rows already in it (sorted), which are not read again."""
    if not found or sent.empty:
        return pd.DataFrame(columns=WINDOW_COLS)
    vocab: dict[str, int] = {}
    idf_l: list[float] = []
    for c in found:
        for w, x in zip(c.full, c.idf):
            if w not in vocab:
                vocab[w] = len(vocab)
                idf_l.append(float(x))
    idf = np.array(idf_l, dtype=np.float32)
    first, second, texts = windows(sent, pairs)
    if words is None:
        words = [normalise.fact_words(t) for t in sent["text"]]
    r, k = [], []
    for i, (a, b) in enumerate(zip(first, second)):
        ids = {vocab[w] for w in words[a] if w in vocab}
        if b >= 0:
            ids |= {vocab[w] for w in words[b] if w in vocab}
        r.extend([i] * len(ids))
        k.extend(ids)
    m = sparse.csr_matrix((np.ones(len(r), dtype=np.float32), (r, k)), shape=(len(texts), len(vocab)))
    mc = m.tocsc()
    mc.sort_indices()
    out_r, out_f = [], []
    known = known or {}
    neg_of: dict[int, bool] = {}
    for c in found:
        top = np.array([vocab[w] for w in c.top], dtype=np.int64)
        full = np.array([vocab[w] for w in c.full], dtype=np.int64)
        hit = holds(m, mc, top, full, idf, mass)
        if c.fact in known and len(hit):
            hit = hit[~np.isin(first[hit], known[c.fact], assume_unique=False)]
        if c.need and len(hit):
            hit = [h for h in hit if any(set(p) <= (set(words[first[h]]) | (set(words[second[h]]) if second[h] >= 0 else set()))
                                         for p in c.need)]
        if not len(hit):
            continue
        centre = centre_text[c.fact]
        neg, fig = features.negated(centre), c.figures or normalise.figures(centre)
        hit = [h for h in hit if (neg_of[h] if h in neg_of else neg_of.setdefault(h, features.negated(texts[h]))) == neg
               and not (fig and normalise.disagree(fig, normalise.figures(texts[h])))]
        out_r.extend(hit)
        out_f.extend([c.fact] * len(hit))
    if not out_r:
        return pd.DataFrame(columns=WINDOW_COLS)
    w = np.array(out_r, dtype=np.int64)
    d = pd.DataFrame({"_row": first[w], "fact": out_f, "clause": [texts[i] for i in w], "_w": w})
    return d.sort_values(["_row", "fact", "_w"], kind="mergesort").drop_duplicates(["_row", "fact"])[WINDOW_COLS]
