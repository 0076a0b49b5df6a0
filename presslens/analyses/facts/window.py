"""A fact told across clauses: the whole sentences that hold a fact's core.

Grouping (:mod:`.grouping`) compares clauses, so a fact that one outlet says in one clause and
another spreads over two ("The harbour commission, which met for six hours behind closed doors, |
fined the ferry operator over the oil spill") is found only where it is said in one piece. A reader
joins the pieces; this step does the same with the fact's *core* (:func:`.grouping.cores`: the rare
words most of its versions share): a whole sentence that holds the core as :func:`holds` asks of a
clause (every one of its rarest core words and most of the rest), with the negation of the fact's
centre and no figure that disagrees with it (:func:`.normalise.disagree`: 43 dead is not 27 dead),
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
    must hold), all its core words rarest first, and their idf."""
    fact: int
    top: tuple
    full: tuple
    idf: np.ndarray


def holds(rows: sparse.csr_matrix, cols: sparse.csc_matrix, top: np.ndarray, full: np.ndarray,
          idf: np.ndarray, mass: float) -> np.ndarray:
    """The units (rows of a binary unit x word matrix, given as CSR ``rows`` and CSC ``cols``) that
    hold a core: every one of its ``top`` words (the intersection of their postings) and ``mass`` of
    ``full`` (idf-weighted)."""
    hit = cols.indices[cols.indptr[top[0]]:cols.indptr[top[0] + 1]]
    for c in top[1:]:
        hit = np.intersect1d(hit, cols.indices[cols.indptr[c]:cols.indptr[c + 1]], assume_unique=True)
        if not len(hit):
            return hit
    if mass and len(hit) and len(full) > len(top):
        held = np.asarray(rows[hit][:, full].multiply(idf[full][None, :]).sum(axis=1)).ravel() / idf[full].sum()
        hit = hit[held >= mass]
    return hit


def windows(sent: pd.DataFrame, pairs: bool = True) -> tuple[np.ndarray, list[str]]:
    """(the first sentence row of every window, its text): each sentence alone, and (``pairs``)
    each sentence with the next one of the same article (``sent_idx`` one higher)."""
    texts = sent["text"].tolist()
    rows = list(range(len(texts)))
    out = list(texts)
    if pairs and len(texts) > 1:
        art = sent["article_id"].to_numpy()
        idx = sent["sent_idx"].to_numpy() if "sent_idx" in sent else np.arange(len(texts))
        nxt = np.flatnonzero((art[1:] == art[:-1]) & (idx[1:] == idx[:-1] + 1))
        rows += nxt.tolist()
        out += [f"{texts[i]} {texts[i + 1]}" for i in nxt]
    return np.array(rows, dtype=np.int64), out


def expand(sent: pd.DataFrame, found: list, centre_text: dict[int, str], mass: float,
           pairs: bool = True) -> pd.DataFrame:
    """The windows (:func:`windows`) that state a fact by holding its core (``found``: the
    :class:`Core` of each fact; ``centre_text``: fact -> its centre clause), one row per
    (window's first sentence, fact), the smallest window first (``WINDOW_COLS``)."""
    if not found or sent.empty:
        return pd.DataFrame(columns=WINDOW_COLS)
    vocab: dict[str, int] = {}
    for c in found:
        for w in c.full:
            vocab.setdefault(w, len(vocab))
    first, texts = windows(sent, pairs)
    r, k = [], []
    for i, t in enumerate(texts):
        ids = {vocab[w] for w in normalise.fact_words(t) if w in vocab}
        r.extend([i] * len(ids))
        k.extend(ids)
    m = sparse.csr_matrix((np.ones(len(r), dtype=np.float32), (r, k)), shape=(len(texts), len(vocab)))
    mc = m.tocsc()
    out_r, out_f = [], []
    for c in found:
        top = np.array([vocab[w] for w in c.top], dtype=np.int64)
        full = np.array([vocab[w] for w in c.full], dtype=np.int64)
        idf = np.zeros(len(vocab), dtype=np.float32)
        idf[full] = c.idf
        hit = holds(m, mc, top, full, idf, mass)
        centre = centre_text[c.fact]
        neg, fig = features.negated(centre), normalise.figures(centre)
        hit = [h for h in hit if features.negated(texts[h]) == neg
               and not (fig and normalise.disagree(fig, normalise.figures(texts[h])))]
        out_r.extend(hit)
        out_f.extend([c.fact] * len(hit))
    if not out_r:
        return pd.DataFrame(columns=WINDOW_COLS)
    w = np.array(out_r, dtype=np.int64)
    d = pd.DataFrame({"_row": first[w], "fact": out_f, "clause": [texts[i] for i in w], "_w": w})
    return d.sort_values(["_row", "fact", "_w"], kind="mergesort").drop_duplicates(["_row", "fact"])[WINDOW_COLS]
