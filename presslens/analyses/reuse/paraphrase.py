"""Paraphrase the 5-gram and reworded-sentence indexes do not see: a text retold sentence by sentence.

A wire story picked up and spun word by word, or summarised, keeps few runs of five words and few sentences
at 80% similarity, yet a reader sees it at once: the same facts, sentence after sentence, **in the same
order**. :func:`paraphrases` finds that shape:

- **Candidates from an index, never all pairs.** Each sentence of narration (less than half inside
  quotation marks, :data:`~presslens.analyses.reuse.align.MIN_SENTENCE` words or more) is indexed by its
  distinctive words: content words (no stop word) found in at most ``max_df`` sentences of the story (names,
  numbers and rare words; a word every article of the story uses links nothing). Two sentences of
  different articles sharing :data:`RARE` such words are a candidate sentence pair; articles with fewer
  than :data:`CHAIN` candidate sentence pairs are not compared.
- **A loose match per sentence**: two sentences match when they share :data:`SHARED` content words or more
  and their words, order ignored, are alike (rapidfuzz ``token_set_ratio`` at :data:`LOOSE` or more).
- **In order**: the longest chain of matched sentences whose places rise in both articles (a longest
  increasing subsequence). :data:`CHAIN` sentences or more make a paraphrase: two texts telling the same
  facts in the same order. Two articles on one event share some facts, in any order and a few at a time:
  on the labelled development pairs, no pair labelled unrelated or sharing a quotation only reached a
  chain of five (four at most).

The table (:data:`PARAPHRASE_COLS`) gives per pair the chain's length, its sentences in each article and
the words they hold. It is evidence of shared text only: what it means (common source, a copy) is for
:mod:`presslens.analyses.verdicts`, which weighs it with third texts and credits.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from itertools import combinations

from presslens.analyses.reuse.align import MAX_DF, MIN_SENTENCE, QUOTED, STOP, Doc

CHAIN = 5  # matched sentences in the same order in both texts that make a paraphrase
LOOSE = 60  # rapidfuzz token_set_ratio (0-100) at which two sentences match loosely
SHARED = 3  # content words two loosely matching sentences share at least
RARE = 2  # distinctive words (in at most max_df sentences) two sentences share to be compared
PARAPHRASE_COLS = ["article_a", "outlet_a", "article_b", "outlet_b", "sentences", "sentences_a", "sentences_b",
                   "words_a", "words_b", "share_a", "share_b"]


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
                skip: set[tuple[int, int]] = frozenset()) -> list[dict]:
    """Pairs of docs (references apart; ``skip``: pairs (a, b), a < b, not to compare: those already sharing
    narration word for word) that tell ``min_chain`` or more sentences in the same order, loosely matched
    (module docstring): one row per pair, columns :data:`PARAPHRASE_COLS`. A sentence carried word for word
    by several docs is indexed once, and a word in more than ``max_df`` sentences links none."""
    from rapidfuzz import fuzz

    variants: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # identical sentences indexed once
    for n, d in enumerate(docs):
        if d.reference:
            continue
        for k, (a, b, _) in enumerate(d.sents):
            if b - a < MIN_SENTENCE or sum(d.quoted[a:b]) >= QUOTED * (b - a):
                continue
            variants.setdefault(tuple(d.words[a:b]), []).append((n, k))
    keys = list(variants)
    content = [_content(v) for v in keys]
    weight: Counter[str] = Counter()
    index: dict[str, list[int]] = defaultdict(list)
    for s, ws in enumerate(content):
        n_s = len(variants[keys[s]])
        for w in ws:
            weight[w] += n_s
            index[w].append(s)
    shared: Counter[tuple[int, int]] = Counter()
    for w, occ in index.items():
        if len(occ) >= 2 and weight[w] <= max_df:
            shared.update(combinations(occ, 2))
    by_pair: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for (x, y), k in shared.items():
        if k < RARE or len(content[x] & content[y]) < SHARED:
            continue
        for na, ka in variants[keys[x]]:
            for nb, kb in variants[keys[y]]:
                if na == nb:
                    continue
                if na > nb:
                    na, ka, nb, kb = nb, kb, na, ka
                if (na, nb) not in skip:
                    by_pair[(na, nb)].add((ka, kb))
    rows = []
    for (na, nb), cands in sorted(by_pair.items()):
        if len(cands) < min_chain:
            continue
        da, db = docs[na], docs[nb]
        matches = []
        for ka, kb in cands:
            (a0, a1, _), (b0, b1, _) = da.sents[ka], db.sents[kb]
            if fuzz.token_set_ratio(" ".join(da.words[a0:a1]), " ".join(db.words[b0:b1])) >= LOOSE:
                matches.append((ka, kb))
        if len(matches) < min_chain:
            continue
        run = chain(matches)
        if len(run) < min_chain:
            continue
        wa = sum(da.sents[i][1] - da.sents[i][0] for i, _ in run)
        wb = sum(db.sents[j][1] - db.sents[j][0] for _, j in run)
        na_narr = max(1, sum(not q for q in da.quoted))
        nb_narr = max(1, sum(not q for q in db.quoted))
        rows.append({"article_a": da.id, "outlet_a": da.outlet, "article_b": db.id, "outlet_b": db.outlet,
                     "sentences": len(run), "sentences_a": [i for i, _ in run], "sentences_b": [j for _, j in run],
                     "words_a": wa, "words_b": wb, "share_a": round(min(1.0, wa / na_narr), 4),
                     "share_b": round(min(1.0, wb / nb_narr), 4)})
    return rows
