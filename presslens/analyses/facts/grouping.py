"""Fact discovery: every sentence of the story grouped with the sentences that state the same thing.

A *fact* is a group of sentences, across articles and outlets, that say one thing in their own
words. The grouping runs in five steps, each near-linear in the number of sentences:

1. **Versions.** Sentences with the same content words (and the same negation) are one *version*;
   the words are read with amounts, percentages, number words, dates and a few reporting synonyms
   written one way (:mod:`.normalise`: "$600 billion" = "600bn dollars", "died" = "was killed");
   a wire story run by 40 sites is one version with 40 sentences behind it.
2. **Candidates.** Two versions are compared only when they share one of each other's rarest
   content words (prefix filtering on an inverted index); a word shared by too many versions is
   paired inside windows of versions sorted by their second-rarest word, so no step compares all pairs.
3. **Scores.** A candidate pair scores the idf-weighted overlap of its content words (Dice), blended
   with the cosine of the static embeddings (see :mod:`.features`); rapidfuzz's ratio marks
   near-identical wording, which always links. A negated sentence never links to a positive one,
   two statements whose figures of one kind differ (27 vs 43 people; 4% vs 9%; not 16.86% vs
   nearly 17%, :func:`.normalise.figures`) never link, nor does the core step below join them,
   and a pair must share at least two content words, or one when the embeddings agree strongly.
4. **Groups.** Near-identical versions are merged first (union-find); the rest is leader
   clustering: versions in order of centrality (how many articles their linked versions cover)
   become a fact's centre, and each other version joins the centre it scores highest with, and
   every other centre it scores ``MULTI`` with (below the link score: a clause states two facts). A fact's
   label is its centre: the most central sentence. Two facts that share words but not enough of
   them stay apart, since joining needs the score, not one shared word.
   The versions of a fact that agree on two rare words the rest of it lacks ("grew from a summer
   squall" among versions of "Storm Alba was a force 12 gale") are a fact apart (:func:`.split.by_words`).
5. **Cores.** A fact's core (:func:`cores`: the rare words most of its versions share) takes in
   every other clause that holds it (:func:`_expand`), and every whole sentence that does
   (:mod:`.window`): a fact told across two clauses of one sentence is still that fact. A core of
   the story's cast alone (:mod:`.names`) takes in nothing: naming who it is about states no fact.
   Of several facts with one core (a statement cut in pieces) only the first takes in, and a second
   fact is read on a few versions of each group (:mod:`.bounds`), and facts whose whole cores agree are
   one fact (:mod:`.join`): a larger story says nothing more
   about a sentence, so the member table grows with the sentences, not faster.

One idea: the grouping pipeline, whose steps share one sparse matrix, vocabulary and idf built in step 1;
what stands apart is already apart (:mod:`.normalise`, :mod:`.features`, :mod:`.split`, :mod:`.window`,
:mod:`.names`, :mod:`.bounds`).
"""
from __future__ import annotations

import itertools
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from scipy import sparse
from scipy.sparse import csgraph

from presslens.analyses.facts import arrays, bounds, features, join, names, normalise, predicate, split, terms, window
from presslens.analyses.facts import workers as workers_

MIN_CONTENT = 3       # a sentence with fewer content words states no fact of its own
PREFIX = 4            # rarest words of a version that go into the inverted index
POSTING_MAX = 32      # a posting list longer than this is paired inside windows ...
WINDOW = 16           # ... of this many neighbours in the order of their second-rarest word
LINK = 0.50           # blended score at which two versions state one fact
LEX_WEIGHT = 0.6      # weight of the lexical Dice in the blend (the rest: embedding cosine)
NEAR_IDENTICAL = 90   # rapidfuzz ratio at which two versions are one wording
EMB_ONE_WORD = 0.86   # embedding cosine that lets a pair sharing one content word link
MULTI = 0.35          # score with a further centre at which a clause also states that fact (below LINK: see group)
CORE_SHARE = 0.7      # a word most of a fact's versions share (by articles) is a core word ...
CORE_IDF = 4.0        # ... and its two rarest core words must be this rare (idf sum) to extend the fact
CORE_MIN_ARTICLES = 3
CORE_SCORE = 0.5      # the score a version gets for holding a fact's core words
CORE_TOP = 2          # a version holding a fact's CORE_TOP rarest core words ...
CORE_MASS = 0.5       # ... and this share of its core (idf-weighted) states the fact too
FIGURES_APART = 1    # a fact's versions with another figure than most of it are a fact apart (:mod:`.split`)
NAMES_APART = 0.5    # a core made only of names this share of the articles write (:mod:`.names`) takes in nothing
TERMS = 1             # a few words several articles quote are a fact (:mod:`.terms`)
WINDOWS = "sentence"  # "", "sentence" or "pairs": see :mod:`.window`
CONTAIN = 0.8         # weight of containment (the shorter sentence's words found in the longer one)
SPLIT = 1             # passes in which versions of a fact agreeing on two rare words the rest lacks become a fact apart (:mod:`.split`)
SPLIT_MOST = 0.5      # ... held by at most this share of the fact's articles ...
SPLIT_AGREE = 0.6     # ... and by this share of the versions holding either word
SPLIT_MIN = 3         # ... and by this many articles at least
CORE_FACTS = 1        # of the facts with one core this many (the most central) take in by it (:mod:`.bounds`; 12: as before on every development story)
COMPARED = 8          # a group of near-identical versions is read for a second fact on its this many heaviest versions (:mod:`.bounds`)
JOIN = 1              # facts whose cores agree (one statement cut in pieces) are one fact (:mod:`.join`) ...
JOIN_ALIKE = 0.5      # ... when their centres' lexical score (:func:`scores`) reaches this
QUANTITY_JOIN = 2     # facts whose centres give one quantity and share this many other words are one fact (:func:`.join.by_quantity`; 0: off)
WHAT = 0              # 1: a pair sharing only who (the story's cast, labels) and 'said' does not link (:func:`.names.what_shared`; 1: 79 -> 76)
PREDICATE = 1         # a core of the subject alone takes in a unit only with a predicate of its centre and its object (:mod:`.predicate`)


def versions(texts: list[str]) -> tuple[np.ndarray, list[list[str]], np.ndarray, list[str]]:
    """(version index of each text (-1: too few content words), content words of each version,
    negation flag of each version, a representative text of each version)."""
    key_of: dict[tuple, int] = {}
    idx = np.full(len(texts), -1, dtype=np.int64)
    toks: list[list[str]] = []
    neg: list[bool] = []
    rep: list[str] = []
    for i, t in enumerate(texts):
        c = normalise.fact_words(t)
        if len(set(c)) < MIN_CONTENT:
            continue
        n = features.negated(t)
        k = (tuple(c), n)
        v = key_of.get(k)
        if v is None:
            v = key_of[k] = len(toks)
            toks.append(c)
            neg.append(n)
            rep.append(t)
        idx[i] = v
    return idx, toks, np.array(neg, dtype=bool), rep


def _matrix(toks: list[list[str]]) -> tuple[sparse.csr_matrix, np.ndarray, list[np.ndarray], dict[str, int]]:
    """Binary version x word matrix, idf of each word, each version's word ids rarest first, and the
    word ids."""
    vocab: dict[str, int] = {}
    n = len(toks)
    if not n:
        return sparse.csr_matrix((0, 0)), np.zeros(0), [], vocab
    lens = np.fromiter(map(len, toks), dtype=np.int64, count=n)
    # word ids in order of first use, every version's distinct ids ascending (one sort of (version, id) keys)
    flat = np.fromiter((vocab.setdefault(t, len(vocab)) for ts in toks for t in ts), dtype=np.int64, count=int(lens.sum()))
    rc = arrays.distinct_rows(np.repeat(np.arange(n, dtype=np.int64), lens), flat)
    rows, cols = rc[:, 0], rc[:, 1]
    m = sparse.csr_matrix((np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(n, len(vocab)))
    df = np.asarray(m.sum(axis=0)).ravel()
    idf = np.log((n + 1) / (df + 0.5)).astype(np.float32)
    o = np.lexsort((cols, df[cols], rows))        # in each version: rarest first, ties by id (a stable sort of the ids)
    rarest = np.split(cols[o], np.cumsum(np.bincount(rows, minlength=n))[:-1])
    return m, idf, rarest, vocab


def candidates(m: sparse.csr_matrix, rarest: list[np.ndarray], order_key: np.ndarray) -> np.ndarray:
    """Candidate pairs (i < j, int64 n x 2): versions sharing one of each other's PREFIX rarest words
    (words held by one version only left out); long posting lists paired inside windows."""
    df = np.asarray(m.sum(axis=0)).ravel()
    if not rarest:
        return np.zeros((0, 2), dtype=np.int64)
    # each version's PREFIX rarest words held by two versions or more, in version order
    lens = np.fromiter(map(len, rarest), dtype=np.int64, count=len(rarest))
    pw = np.concatenate(rarest).astype(np.int64, copy=False)
    pv = np.repeat(np.arange(len(rarest), dtype=np.int64), lens)
    kept = df[pw] >= 2
    pv, pw = pv[kept], pw[kept]
    rank = np.arange(len(pv)) - np.searchsorted(pv, pv)
    pv, pw = pv[rank < PREFIX], pw[rank < PREFIX]
    o = np.lexsort((order_key[pv], pw))
    pv, pw = pv[o], pw[o]
    bounds = np.flatnonzero(np.diff(pw)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(pw)]])
    seg_end = np.repeat(ends, ends - starts)
    seg_len = np.repeat(ends - starts, ends - starts)
    pos = np.arange(len(pv))
    a_s, b_s = [], []
    for w in range(1, WINDOW + 1):           # the w-th neighbour inside every posting list
        ok = (pos + w) < seg_end
        if w > POSTING_MAX:
            ok &= seg_len <= POSTING_MAX
        i = np.flatnonzero(ok)
        a_s.append(pv[i])
        b_s.append(pv[i + w])
    # short posting lists: all pairs (beyond the window)
    for s, e in zip(starts.tolist(), ends.tolist()):
        if WINDOW + 1 < e - s <= POSTING_MAX:
            a, b = np.triu_indices(e - s, k=WINDOW + 1)
            a_s.append(pv[s + a])
            b_s.append(pv[s + b])
    a, b = np.concatenate(a_s), np.concatenate(b_s)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    return arrays.distinct_rows(lo[keep], hi[keep])     # sorted, each pair once (np.unique(axis=0) is slow)


def scores(pairs: np.ndarray, m: sparse.csr_matrix, idf: np.ndarray, emb,
           chunk: int = 50_000, workers: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(blended score, lexical score, number of shared words, embedding cosine) of every candidate
    pair. The lexical score is the larger of the idf-weighted Dice and CONTAIN x containment.
    ``emb``: the embeddings, None, or a future of them (computed in another thread meanwhile).
    Blocks of ``chunk`` pairs are scored in ``workers`` threads (:mod:`.workers`: the same scores
    whatever their number)."""
    w = m.multiply(idf[None, :]).tocsr()
    tot = np.asarray(w.sum(axis=1)).ravel()
    dice = np.zeros(len(pairs), dtype=np.float32)
    shared = np.zeros(len(pairs), dtype=np.int32)
    cos = np.zeros(len(pairs), dtype=np.float32)

    def lexical(s: int, e: int) -> None:
        a, b = pairs[s:e, 0], pairs[s:e, 1]
        both = w[a].multiply(m[b])
        ov = np.asarray(both.sum(axis=1)).ravel()
        shared[s:e] = np.diff(both.tocsr().indptr)
        dice[s:e] = np.maximum(2 * ov / np.maximum(tot[a] + tot[b], 1e-9),
                               CONTAIN * ov / np.maximum(np.minimum(tot[a], tot[b]), 1e-9))

    workers_.blocks(lexical, len(pairs), chunk, workers)
    if isinstance(emb, Future):
        emb = emb.result()
    if emb is not None:
        def cosine(s: int, e: int) -> None:
            cos[s:e] = np.einsum("ij,ij->i", emb[pairs[s:e, 0]], emb[pairs[s:e, 1]])
        workers_.blocks(cosine, len(pairs), chunk, workers)
    blend = dice if emb is None else LEX_WEIGHT * dice + (1 - LEX_WEIGHT) * cos
    return blend, dice, shared, cos


def group(toks: list[list[str]], neg: np.ndarray, rep: list[str], weight: np.ndarray,
          use_embedding: bool = True, cast: frozenset = frozenset()) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Memberships (version, fact, score with the fact's centre: 1 for the centre) and the centre
    version of every fact (facts numbered 0.. in order of centrality). A version belongs to the
    fact of the centre it scores best with, and to every other centre it scores ``MULTI`` with, a
    pair too weak to link (below ``LINK``, the other checks passed) included: a clause that states
    two facts ("the council shut the pier as divers found cracks in its pilings") is worded mostly
    as one of them and scores lower with the other (development claims matched: 60 -> 67 of 87 at
    MULTI 0.35 with these pairs, against 60 at 0.5, where they add nothing; held out 67: every
    story's choice from the other eight; 0.3 to 0.42 gave 63 to 67).

    ``weight`` is each version's number of articles (what makes a version central)."""
    n = len(toks)
    if n == 0:
        e = np.zeros(0, dtype=np.int64)
        return e, e, np.zeros(0), e, []
    m, idf, rarest, vocab = _matrix(toks)
    # the embeddings are computed in a second thread (the tokenizer and numpy release the GIL) while
    # the candidates and their lexical scores are found; inside a long posting list, versions are
    # ordered by their second-rarest word, so neighbours share two rare words
    with ThreadPoolExecutor(max_workers=1) as pool:
        emb = pool.submit(features.embed, rep) if use_embedding and features.embedder() is not None else None
        key = np.array([r[1] if len(r) > 1 else -1 for r in rarest], dtype=np.int64)
        pairs = candidates(m, rarest, key)
        blend, dice, shared, cos = scores(pairs, m, idf, emb)
    same_neg = neg[pairs[:, 0]] == neg[pairs[:, 1]] if len(pairs) else np.zeros(0, dtype=bool)
    fig = [normalise.figures(t) for t in rep]
    has_fig = np.array([bool(f) for f in fig], dtype=bool)
    clash = np.zeros(len(pairs), dtype=bool)
    both = np.flatnonzero(has_fig[pairs[:, 0]] & has_fig[pairs[:, 1]]) if len(pairs) else np.zeros(0, dtype=np.int64)
    clash[both] = [normalise.disagree(fig[a], fig[b]) for a, b in pairs[both]]
    ok = same_neg & ~clash & ((shared >= 2) | (cos >= EMB_ONE_WORD))
    if WHAT and len(pairs):   # who it is about and who said so state nothing: a pair must share a word of what is said
        k = np.flatnonzero(ok)
        what = names.what_shared(m, pairs[k], _ids(vocab, cast | names.saying()))
        ok[k[(what < 1) & (cos[k] < EMB_ONE_WORD)]] = False
    # near-identical wording (rapidfuzz) among the pairs that already overlap well
    near = np.zeros(len(pairs), dtype=bool)
    probe = np.flatnonzero(ok & (dice >= 0.5))
    if len(probe):
        # lower-cased once per version, not per pair (a Python call per string held the GIL: one core);
        # a pair whose lengths differ too much cannot reach the ratio (2 x the shorter / the sum bounds it)
        low = [t.lower() for t in rep]
        size = np.fromiter(map(len, low), dtype=np.int64, count=len(low))
        la, lb = size[pairs[probe, 0]], size[pairs[probe, 1]]
        probe = probe[(200 * np.minimum(la, lb) >= NEAR_IDENTICAL * (la + lb)) | (la + lb > 100_000)]  # (float32 rounding)
        r = process.cpdist([low[i] for i in pairs[probe, 0]], [low[i] for i in pairs[probe, 1]],
                           scorer=fuzz.ratio, score_cutoff=NEAR_IDENTICAL, workers=workers_.WORKERS)
        near[probe] = np.asarray(r) >= NEAR_IDENTICAL
    link = ok & ((blend >= LINK) | near)
    side = ok & ~link & (blend >= MULTI)        # too weak to link, enough to state a second fact
    side_pairs, side_blend = pairs[side], blend[side]
    pairs, blend, near = pairs[link], np.where(near[link], np.maximum(blend[link], 1.0), blend[link]), near[link]
    # 1. near-identical versions merge
    close = pairs[near]
    _, gid = csgraph.connected_components(sparse.coo_matrix(
        (np.ones(len(close)), (close[:, 0], close[:, 1])), shape=(n, n)), directed=False)
    groups = np.arange(gid.max() + 1)
    g_weight = np.bincount(gid, weights=weight, minlength=len(groups))
    # 2. group graph: best score between two groups
    ga, gb = gid[pairs[:, 0]], gid[pairs[:, 1]]
    nbr = bounds.best(ga, gb, blend, len(groups))
    deg = np.fromiter(map(len, nbr), dtype=np.int64, count=len(nbr))   # articles of the neighbouring groups (whole numbers: exact)
    nb = np.fromiter(itertools.chain.from_iterable(nbr), dtype=np.int64, count=int(deg.sum()))
    central = g_weight + np.bincount(np.repeat(np.arange(len(nbr)), deg), weights=g_weight[nb], minlength=len(nbr))
    # a second fact is read on each group's COMPARED heaviest versions only (:mod:`.bounds`)
    compared = bounds.heaviest(gid, weight, COMPARED)
    k = compared[pairs[:, 0]] & compared[pairs[:, 1]]
    second = bounds.best(ga[k], gb[k], blend[k], len(groups))
    k = compared[side_pairs[:, 0]] & compared[side_pairs[:, 1]]
    extra = bounds.best(gid[side_pairs[k, 0]], gid[side_pairs[k, 1]], side_blend[k], len(groups))
    order = np.lexsort((np.arange(len(groups)), -central))
    # 3. leader clustering: a group not yet taken becomes a centre; its free neighbours join it
    centre_of = np.full(len(groups), -1, dtype=np.int64)
    for g in order:
        if centre_of[g] >= 0:
            continue
        centre_of[g] = g
        for h in nbr[g]:
            if centre_of[h] < 0:
                centre_of[h] = g
    # 4. each non-centre joins the neighbouring centre it scores best with, and (a sentence often
    # states more than one fact) every other centre it links with as well
    centres = np.flatnonzero(centre_of == np.arange(len(groups)))
    is_centre = np.zeros(len(groups), dtype=bool)
    is_centre[centres] = True
    fact_rank = {int(c): i for i, c in enumerate(sorted(centres, key=lambda c: (-central[c], c)))}
    g_rows: list[tuple[int, int, float]] = []   # (group, fact, score)
    for g in range(len(groups)):
        own = int(centre_of[g])
        g_rows.append((g, fact_rank[own], 1.0 if own == g else nbr[g].get(own, 0.0)))
        for h, sc in list(second[g].items()) + list(extra[g].items()):
            if is_centre[h] and h != own and sc >= MULTI:
                g_rows.append((g, fact_rank[h], sc))
    # the centre version of a fact: the heaviest version of its centre group
    rank_of = np.full(len(groups), -1, dtype=np.int64)
    rank_of[np.fromiter(fact_rank.keys(), dtype=np.int64)] = np.fromiter(fact_rank.values(), dtype=np.int64)
    cv = np.flatnonzero(is_centre[gid])                     # the versions of the centre groups
    fv = rank_of[gid[cv]]
    o = np.lexsort((cv, -weight[cv], fv))                   # each fact's heaviest version first, then the first
    head = np.r_[True, fv[o][1:] != fv[o][:-1]] if len(o) else np.zeros(0, dtype=bool)
    centre_version = np.zeros(len(fact_rank), dtype=np.int64)
    centre_version[fv[o][head]] = cv[o][head]
    # every row (group, fact, score) once for each version of the group, the versions in order
    by_g = np.argsort(gid, kind="stable")
    cnt = np.bincount(gid, minlength=len(groups))
    g_at = np.r_[0, np.cumsum(cnt)[:-1]]
    rg = np.fromiter((r[0] for r in g_rows), dtype=np.int64, count=len(g_rows))
    times = cnt[rg]
    ff = np.repeat(np.fromiter((r[1] for r in g_rows), dtype=np.int64, count=len(g_rows)), times)
    ss = np.repeat(np.fromiter((r[2] for r in g_rows), dtype=np.float64, count=len(g_rows)), times)
    vv = by_g[np.repeat(g_at[rg] - (np.cumsum(times) - times), times) + np.arange(int(times.sum()))]
    for _ in range(SPLIT):
        before = len(centre_version)
        vv, ff, ss, centre_version = split.by_words(
            vv, ff, ss, centre_version, m, idf, weight, _ids(vocab, cast), min_articles=SPLIT_MIN, share=CORE_SHARE,
            most=SPLIT_MOST, agree=SPLIT_AGREE, rare=CORE_IDF)
        if len(centre_version) == before:
            break
    found = cores(vv, ff, m, idf, weight, _ids(vocab, cast)) if CORE_SHARE < 1 else []
    if JOIN and found:      # the pieces of one statement are one fact (:mod:`.join`)
        into = join.pieces(found, neg, centre_version, fig, lambda a, b: _lexical(m, idf, a, b) >= JOIN_ALIKE)
        vv, ff, ss = join.apply(vv, ff, ss, into)
        found = [e for e in found if e[0] not in into]
    found = bounds.one_per_core(found, neg, centre_version, CORE_FACTS)
    word = np.array(list(vocab), dtype=object)
    need = {f: predicate.needed(tuple(word[full]), rep[centre_version[f]]) for f, _, _, full in found} if PREDICATE else {}
    vv, ff, ss = _expand(vv, ff, ss, m, found, idf, neg, centre_version, fig,
                         {f: [_ids(vocab, p) for p in w if all(x in vocab for x in p)] for f, w in need.items() if w})
    if FIGURES_APART:
        vv, ff, ss, centre_version = split.by_figure(vv, ff, ss, centre_version, fig, weight)
    ref = split.references(vv, ff, centre_version, fig, weight, {f for f, *_ in found})
    core_words = [window.Core(f, tuple(word[top]), tuple(word[full]), idf[full], ref[f], need.get(f, frozenset()))
                  for f, _, top, full in found]
    return vv, ff, ss, centre_version, core_words


def _lexical(m: sparse.csr_matrix, idf: np.ndarray, a: int, b: int) -> float:
    """The lexical score of two versions (:func:`scores`: idf-weighted Dice, or CONTAIN x containment)."""
    wa, wb = m.indices[m.indptr[a]:m.indptr[a + 1]], m.indices[m.indptr[b]:m.indptr[b + 1]]
    ta, tb, ov = idf[wa].sum(), idf[wb].sum(), idf[np.intersect1d(wa, wb)].sum()
    return float(max(2 * ov / max(ta + tb, 1e-9), CONTAIN * ov / max(min(ta, tb), 1e-9)))


def _ids(vocab: dict[str, int], words) -> np.ndarray:
    return np.array(sorted(vocab[w] for w in words if w in vocab), dtype=np.int64)


def cores(vv: np.ndarray, ff: np.ndarray, m: sparse.csr_matrix, idf: np.ndarray,
          weight: np.ndarray, cast: np.ndarray | None = None) -> list[tuple[int, np.ndarray, np.ndarray, np.ndarray]]:
    """Each fact's *core*: the content words that most of its versions share (by articles, at least
    CORE_SHARE), when they are rare enough together (idf sum CORE_IDF). [(fact, its versions, its
    CORE_TOP rarest core word ids, all its core word ids rarest first)] for the facts of at least
    CORE_MIN_ARTICLES articles that have one. A core made only of ``cast`` word ids (the story's
    cast, :func:`.names.cast`: "the Marbury Harbour Commission", "the Regatta") names who the story is
    about, not what happened: no core."""
    if not len(ff):
        return []
    # every fact's articles per word in one sparse product (sums of whole numbers: exact in any order)
    fv = arrays.distinct_rows(ff, vv)                           # (fact, version), each once, in order
    n_f = int(fv[-1, 0]) + 1
    by_fact = sparse.csr_matrix((weight[fv[:, 1]].astype(np.float64), (fv[:, 0], fv[:, 1])), shape=(n_f, m.shape[0]))
    held = (by_fact @ m).tocsr()
    held.sort_indices()
    total = np.asarray(by_fact.sum(axis=1)).ravel()
    start = np.searchsorted(fv[:, 0], np.arange(n_f + 1))
    out = []
    for f in np.flatnonzero((np.diff(start) >= 2) & (total >= CORE_MIN_ARTICLES)):
        vs = fv[start[f]:start[f + 1], 1]
        lo, hi = held.indptr[f], held.indptr[f + 1]
        core = held.indices[lo:hi][held.data[lo:hi] / total[f] >= CORE_SHARE].astype(np.int64)
        core = core[np.argsort(-idf[core], kind="stable")]
        if len(core) < 2 or idf[core[:2]].sum() < CORE_IDF:   # two rare words at least, not three common ones
            continue
        if cast is not None and len(cast) and np.isin(core, cast).all():   # who, not what happened (:mod:`.names`)
            continue
        out.append((int(f), vs, core[:CORE_TOP] if CORE_TOP else core, core))
    return out


def _expand(vv: np.ndarray, ff: np.ndarray, ss: np.ndarray, m: sparse.csr_matrix, found: list, idf: np.ndarray,
            neg: np.ndarray, centre_version: np.ndarray, fig: list[dict],
            need: dict | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A version that has its fact's CORE_TOP rarest core words and CORE_MASS of the core
    (idf-weighted, :func:`cores`), with the fact's negation and no figure that disagrees, states the
    fact too, however the rest of it reads: "the Category 5 storm" in a sentence about the damage
    still says the storm was Category 5. (Every core word, the rule before, split a fact whose
    versions name it in a few rare words but word the rest their own way: 0.44 of the development
    claims matched then, 0.56 now. The two rarest alone took in sentences that only name the same
    thing: the two rare words are often one name, "harbour commission", and "the harbour commission
    met the families" is another fact. With amounts, percentages and reporting synonyms written one
    way (:mod:`.normalise`), an idf sum of 4 rather than 5 lets a fact's core take in the versions
    that restate it: 0.53 -> 0.58 of the six development stories' claims; 4 alone, without the
    normalisation, gained nothing, 0.49 both.) ``need``: fact -> word id arrays, every id of one of which
    a version must hold too (:func:`.predicate.needed`: a core of the subject alone needs one of its
    centre's predicates with its object; no array: no version)."""
    add_v, add_f = [], []
    mc = m.tocsc()
    mc.sort_indices()
    for f, vs, top, full in found:
        hit = np.setdiff1d(window.holds(m, mc, top, full, idf, CORE_MASS), vs, assume_unique=True)
        c = int(centre_version[f])
        hit = hit[neg[hit] == neg[c]]
        if need and f in need and len(hit):
            sub = m[hit]
            hit = hit[np.any([np.asarray(sub[:, p].sum(axis=1)).ravel() == len(p) for p in need[f]] or
                             [np.zeros(len(hit), dtype=bool)], axis=0)]
        if fig[c] and len(hit):
            hit = hit[[not normalise.disagree(fig[c], fig[h]) for h in hit]]
        add_v.append(hit)
        add_f.append(np.full(len(hit), f, dtype=np.int64))
    if not add_v:
        return vv, ff, ss
    av, af = np.concatenate(add_v), np.concatenate(add_f)
    return np.concatenate([vv, av]), np.concatenate([ff, af]), np.concatenate([ss, np.full(len(av), CORE_SCORE)])


def discover(sent: pd.DataFrame, use_embedding: bool = True, by_clause: bool = True) -> pd.DataFrame:
    """One row per (sentence, fact) it states: the columns of ``sent`` plus ``fact`` (int),
    ``fact_score`` (the score of its best clause with the fact's centre), ``clause`` (that clause)
    and ``centre`` (True on the sentences whose clause is the centre). The unit of grouping is the
    clause (:func:`.features.clauses`; ``by_clause=False``: the whole sentence), so a sentence that
    states two facts has two rows; a sentence with too few content words has none. ``sent`` needs
    ``article_id`` and ``text``."""
    u = memberships(sent, use_embedding, by_clause)
    out = sent.reset_index(drop=True).iloc[u["_row"].to_numpy()].reset_index(drop=True)
    for c in ("fact", "fact_score", "clause", "centre"):
        out[c] = u[c].to_numpy()
    return out


def memberships(sent: pd.DataFrame, use_embedding: bool = True, by_clause: bool = True) -> pd.DataFrame:
    """:func:`discover`'s rows as integer positions into ``sent`` (``_row``) with ``fact``,
    ``fact_score``, ``clause`` and ``centre``, in :func:`discover`'s order: what the member table is
    assembled from, the sentence columns joined once at the end (:func:`.table.from_sentences`)."""
    texts = sent["text"].tolist()
    art_of, parts = sent["article_id"].tolist(), (sent["part"].tolist() if "part" in sent else None)
    # the names and the quoted terms need the sentences alone: a forked process reads them meanwhile (:mod:`.workers`)
    with workers_.beside(lambda: _text_side(texts, art_of, parts), "names and quoted terms") as side:
        return _memberships(sent, texts, art_of, side, use_embedding, by_clause)


def _text_side(texts: list, art_of: list, parts: list | None):
    """What :func:`memberships` reads in the sentences alone, in the order it asks: the story's name
    words and cast (:mod:`.names`), then its quoted terms (:func:`.terms.quoted_terms`)."""
    nw = names.name_words(texts, parts)
    yield nw, (names.cast(texts, art_of, parts, NAMES_APART, nw) if NAMES_APART else frozenset())
    yield terms.quoted_terms(texts, art_of, nw) if TERMS else {}


def _memberships(sent: pd.DataFrame, texts: list, art_of: list, side, use_embedding: bool,
                 by_clause: bool) -> pd.DataFrame:
    unit_row, unit_text = [], []
    for r, t in enumerate(texts):
        for c in (features.clause_tuple(t) if by_clause else (t,)):
            unit_row.append(r)
            unit_text.append(c)
    unit_row = np.array(unit_row, dtype=np.int64)
    idx, toks, neg, rep = versions(unit_text)
    ok = idx >= 0
    arts = sent["article_id"].to_numpy()[unit_row]
    vw = pd.Series(arts[ok]).groupby(idx[ok]).nunique()
    weight = np.zeros(len(toks))
    weight[vw.index.to_numpy()] = vw.to_numpy()
    nw, cast = side.next()
    vv, ff, ss, centre_version, core_words = group(toks, neg, rep, weight, use_embedding, cast)
    mem = pd.DataFrame({"_v": vv, "fact": ff, "fact_score": ss})
    units = pd.DataFrame({"_row": unit_row[ok], "_v": idx[ok], "clause": np.array(unit_text, dtype=object)[ok]})
    u = units.merge(mem, on="_v", how="inner")
    u["centre"] = u["_v"].to_numpy() == centre_version[u["fact"].to_numpy()] if len(u) else False
    if WINDOWS:   # a fact's core told across clauses, or across two adjacent sentences (:mod:`.window`)
        centre_text = {f: rep[v] for f, v in enumerate(centre_version)}
        words: list[list[str]] = [[] for _ in texts]   # each sentence's words: its clauses' words
        for r, v, t in zip(unit_row, idx, unit_text):
            words[r].extend(toks[v] if v >= 0 else normalise.fact_words(t))
        known = {int(f): np.unique(g.to_numpy()) for f, g in u.groupby("fact")["_row"]} if len(u) else {}
        w = window.expand(sent.reset_index(drop=True), core_words, centre_text, CORE_MASS, pairs=WINDOWS == "pairs",
                          words=words, known=known)
        u = pd.concat([u, w.assign(fact_score=CORE_SCORE, centre=False)], ignore_index=True)
    if TERMS:     # a short phrase several articles quote (:mod:`.terms`)
        t = terms.facts(texts, art_of, u[["_row", "fact"]], nw, terms=side.next())
        u = pd.concat([u, t.assign(fact_score=CORE_SCORE)], ignore_index=True) if len(t) else u
    if QUANTITY_JOIN and len(u):   # one quantity, worded apart (:func:`.join.by_quantity`)
        c = u[u["centre"].to_numpy(dtype=bool)].drop_duplicates("fact")
        into = join.by_quantity(dict(zip(c["fact"].tolist(), c["clause"].tolist())), QUANTITY_JOIN)
        if into:
            moved = u["fact"].isin(list(into)).to_numpy()
            u["fact"] = u["fact"].map(lambda f: into.get(f, f))
            u.loc[moved, "centre"] = False
    u = u.sort_values(["_row", "fact", "centre", "fact_score"], ascending=[True, True, False, False], kind="mergesort")
    return u.drop_duplicates(["_row", "fact"])[["_row", "fact", "fact_score", "clause", "centre"]].reset_index(drop=True)
