"""Paraphrase the 5-gram and reworded-sentence indexes do not see: a text retold sentence by sentence.

A wire story picked up and spun word by word, or summarised, keeps few runs of five words and few sentences
at 80% similarity, yet a reader sees it at once: the same facts, sentence after sentence, **in the same
order**. :func:`paraphrases` finds that shape:

- **Candidates from an index, never all pairs.** Each sentence of narration (less than half inside
  quotation marks, :data:`~presslens.analyses.reuse.align.MIN_SENTENCE` words or more) is indexed by its
  distinctive words: content words (no stop word) found in at most ``max_df // DISTINCT`` sentences of the story
  (16: names, numbers and rare words; a word every article of the story uses links nothing). Two sentences of
  different articles sharing :data:`RARE` such words are a candidate sentence pair, kept when, for one of its
  two sentences, no sentence of the other article shares more (a retelling keeps a sentence's names and
  numbers); articles with fewer than :data:`CHAIN` candidate sentence pairs, or whose candidates could not
  make a chain, are not compared, nor are articles already sharing narration word for word (the passages
  and reworded sentences say more).
- **A loose match per sentence**: two sentences match when they share :data:`SHARED` content words or more
  and their words, order ignored, are alike (rapidfuzz ``token_set_ratio`` at :data:`LOOSE` or more).
- **In order**: the longest chain of matched sentences whose places rise in both articles (a longest
  increasing subsequence). :data:`CHAIN` sentences or more make a paraphrase: two texts telling the same
  facts in the same order. Two articles on one event share some facts, in any order and a few at a time:
  on the labelled development pairs, no pair labelled unrelated or sharing a quotation only reached a
  chain of four (three at most, in two
  stories or more: ``python -m presslens.evaluation.paraphrase_loso``).

The table (:data:`PARAPHRASE_COLS`) gives per pair the chain's length, its sentences in each article (their
places in the text, and their ``sent_id`` in the story's sentence table) and the words they hold. It is evidence of shared text only: what it means (common source, a copy) is for
:mod:`presslens.analyses.verdicts`, which weighs it with third texts and credits.
"""
from __future__ import annotations

from bisect import bisect_left

import numpy as np
import pandas as pd

from presslens.analyses.reuse.align import MAX_DF, STOP, Doc

CHAIN = 4  # matched sentences in the same order in both texts that make a paraphrase (the held-out choice of
# ``python -m presslens.evaluation.paraphrase_loso``: no labelled pair without reuse of any other story reaches 4)
LOOSE = 60  # rapidfuzz token_set_ratio (0-100) at which two sentences match loosely
SHARED = 3  # content words two loosely matching sentences share at least
RARE = 2  # distinctive words (see DISTINCT) two sentences share to be compared
DISTINCT = 6  # a distinctive word is in at most max_df // DISTINCT sentences (16 of the default 100)
PARAPHRASE_COLS = ["article_a", "outlet_a", "article_b", "outlet_b", "sentences", "sentences_a", "sentences_b",
                   "words_a", "words_b", "share_a", "share_b", "sent_ids_a", "sent_ids_b"]


def _content(words) -> set[str]:
    return {w for w in words if w not in STOP and (len(w) > 2 or w.isdigit())}


def chain(matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of matches (i, j) rising in both i and j (each sentence used once)."""
    ms = sorted(set(matches), key=lambda m: (m[0], -m[1]))  # j descending within one i: one match per i
    tails: list[int] = []  # tails[k]: smallest j ending a chain of k + 1
    ends: list[int] = []  # index into ms of that chain's last match
    back = [-1] * len(ms)
    for n, (_, j) in enumerate(ms):
        k = bisect_left(tails, j)
        back[n] = ends[k - 1] if k else -1
        if k == len(tails):
            tails.append(j)
            ends.append(n)
        else:
            tails[k], ends[k] = j, n
    out = []
    n = ends[-1] if ends else -1
    while n >= 0:
        out.append(ms[n])
        n = back[n]
    return out[::-1]


def paraphrases(docs: list[Doc], max_df: int = MAX_DF, min_chain: int = CHAIN,
                skip: set[tuple[int, int]] = frozenset(),
                variants: dict[tuple[str, ...], list[tuple[int, int]]] | None = None) -> list[dict]:
    """Pairs of docs (references apart; ``skip``: pairs (a, b), a < b, not to compare: those already sharing
    narration word for word) that tell ``min_chain`` or more sentences in the same order, loosely matched
    (module docstring): one row per pair, columns :data:`PARAPHRASE_COLS`. A sentence carried word for word
    by several docs is indexed once (``variants``: :func:`~presslens.analyses.reuse.sentences.sentence_variants`
    of ``docs``), and a word in more than ``max_df // DISTINCT`` sentences links none. Vectorised: sentence pairs sharing
    a word are generated word by word with numpy, counted, and crossed with their places; only the doc pairs
    with ``min_chain`` candidate sentence pairs are compared with rapidfuzz."""
    from rapidfuzz import fuzz

    from presslens.analyses.reuse.sentences import sentence_variants

    variants = sentence_variants(docs) if variants is None else variants
    keys = [v for v, places in variants.items() if any(not docs[n].reference for n, _ in places)]
    if len(keys) < 2:
        return []
    places = [[(n, k) for n, k in variants[v] if not docs[n].reference] for v in keys]
    content = [_content(v) for v in keys]
    n_places = np.array([len(p) for p in places], dtype=np.int64)
    vid = np.repeat(np.arange(len(keys), dtype=np.int64), [len(c) for c in content])
    codes, _ = pd.factorize(pd.Series([w for c in content for w in c], dtype=object))
    weight = np.bincount(codes, weights=n_places[vid]) if len(codes) else np.zeros(0)
    keep = (weight[codes] <= max_df // DISTINCT) if len(codes) else np.zeros(0, dtype=bool)
    codes, vid = codes[keep], vid[keep]
    o = np.lexsort((vid, codes))
    codes, vid = codes[o], vid[o]
    first = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else np.zeros(0, dtype=np.int64)
    size = np.diff(np.r_[first, len(codes)])
    xa, xb = [], []
    for m in np.unique(size[size >= 2]):  # words in m sentence wordings: every two of them
        s0 = first[size == m]
        i, j = np.triu_indices(int(m), 1)
        xa.append(vid[(s0[:, None] + i[None, :]).ravel()])
        xb.append(vid[(s0[:, None] + j[None, :]).ravel()])
    if not xa:
        return []
    nv = len(keys)
    pair, shared = np.unique(np.concatenate(xa) * nv + np.concatenate(xb), return_counts=True)
    pair, shared = pair[shared >= RARE], shared[shared >= RARE]
    x, y = pair // nv, pair % nv
    # each wording pair crossed with the places of both wordings: (doc, sentence) against (doc, sentence)
    off = np.r_[0, np.cumsum(n_places)]
    p_doc = np.array([n for p in places for n, _ in p], dtype=np.int64)
    p_sent = np.array([k for p in places for _, k in p], dtype=np.int64)
    cross = n_places[x] * n_places[y]
    which = np.repeat(np.arange(len(x)), cross)
    t = np.arange(int(cross.sum()), dtype=np.int64) - np.repeat(np.cumsum(cross) - cross, cross)
    pa = off[x][which] + t // n_places[y][which]
    pb = off[y][which] + t % n_places[y][which]
    da, db = p_doc[pa], p_doc[pb]
    flip = da > db
    pa, pb = np.where(flip, pb, pa), np.where(flip, pa, pb)
    da, db = p_doc[pa], p_doc[pb]
    nd = len(docs)
    dkey = da * nd + db
    ok = da != db
    if skip:
        ok &= ~np.isin(dkey, np.array([a * nd + b for a, b in skip], dtype=np.int64))
    strength = shared[which][ok]  # distinctive words each candidate sentence pair shares
    pa, pb, dkey = pa[ok], pb[ok], dkey[ok]
    # worth comparing: for each sentence of either text, the candidates in the other sharing it the most
    # distinctive words (a sentence's retelling keeps its names and numbers)
    n_pl = len(p_doc)
    top = np.zeros(len(pa), dtype=bool)
    for place in (pa, pb):
        g = pd.Series(strength).groupby(dkey * n_pl + place).transform("max").to_numpy()
        top |= strength == g
    pa, pb, dkey = pa[top], pb[top], dkey[top]
    o = np.argsort(dkey, kind="stable")
    pa, pb, dkey = pa[o], pb[o], dkey[o]
    cut = np.flatnonzero(np.r_[True, dkey[1:] != dkey[:-1]]) if len(dkey) else np.zeros(0, dtype=np.int64)
    counts = np.diff(np.r_[cut, len(dkey)])
    v_of = np.repeat(np.arange(nv, dtype=np.int64), n_places).tolist()  # the wording of each place
    p_sent = p_sent.tolist()
    text: dict[int, str] = {}
    alike: dict[tuple[int, int], bool] = {}  # two wordings compared once, however many docs carry them

    def loose(u: int, w: int) -> bool:
        if (u, w) not in alike:
            ok = len(content[u] & content[w]) >= SHARED
            if ok:
                for v in (u, w):
                    if v not in text:
                        text[v] = " ".join(keys[v])
                ok = fuzz.token_set_ratio(text[u], text[w]) >= LOOSE
            alike[(u, w)] = ok
        return alike[(u, w)]

    rows = []
    for c, n in zip(cut[counts >= min_chain].tolist(), counts[counts >= min_chain].tolist()):
        na, nb = divmod(int(dkey[c]), nd)
        d_a, d_b = docs[na], docs[nb]
        cands = list(zip(pa[c:c + n].tolist(), pb[c:c + n].tolist()))
        if len(chain([(p_sent[u], p_sent[w]) for u, w in cands])) < min_chain:
            continue  # even every candidate matching would not make a chain: nothing to compare
        matches = {(p_sent[u], p_sent[w]) for u, w in cands if loose(v_of[u], v_of[w])}
        if len(matches) < min_chain:
            continue
        run = chain(list(matches))
        if len(run) < min_chain:
            continue
        wa = sum(d_a.sents[i][1] - d_a.sents[i][0] for i, _ in run)
        wb = sum(d_b.sents[j][1] - d_b.sents[j][0] for _, j in run)
        na_narr = max(1, len(d_a.quoted) - sum(d_a.quoted))
        nb_narr = max(1, len(d_b.quoted) - sum(d_b.quoted))
        rows.append({"article_a": d_a.id, "outlet_a": d_a.outlet, "article_b": d_b.id, "outlet_b": d_b.outlet,
                     "sentences": len(run), "sentences_a": [i for i, _ in run], "sentences_b": [j for _, j in run],
                     "words_a": wa, "words_b": wb, "share_a": round(min(1.0, wa / na_narr), 4),
                     "share_b": round(min(1.0, wb / nb_narr), 4),
                     "sent_ids_a": [d_a.sents[i][2] for i, _ in run], "sent_ids_b": [d_b.sents[j][2] for _, j in run]})
    return rows
