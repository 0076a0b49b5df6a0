"""Pairs of quoted sentences at least ``cutoff`` similar (rapidfuzz ``fuzz.ratio``), for grouping
quotes into statements (:mod:`.alignment`, :mod:`.redundancy`) without comparing every sentence with
every other once a story has many.

Up to ``EXACT_MAX`` distinct sentences every pair is compared (the matrix in blocks of rows), so
the pairs are exactly those at or above the cutoff. Above it, a sentence is compared only with the
sentences that share one of its ``KEYS`` rarest words (words of three letters or more, rarity
counted over the distinct sentences): the same statement quoted in two wordings keeps most of its
words (on the bundled and development stories, every pair at 70 or more shares at least 40% of the
smaller sentence's words), and its rarest words (names, numbers, the statement's own terms) are the
ones both keep. Each candidate pair is scored with the same ratio and cutoff, so a pair returned is
always a true pair; what the blocking can miss is a pair of sentences that share none of their
rarest words, which a ratio of 70 on the words allows only for short, generic sentences.
"""
from __future__ import annotations

from collections import Counter

EXACT_MAX = 3000  # distinct sentences up to which every pair is compared (9 million ratios, a few seconds)
KEYS = 4  # a sentence's rarest words under which it is blocked
STEP = 2000  # rows of a similarity matrix computed at a time: memory stays bounded


def similar_pairs(texts: list[str], cutoff: float, exact_max: int = EXACT_MAX) -> list[tuple[int, int]]:
    """Index pairs (i, j), i < j, of ``texts`` (distinct strings) whose ``fuzz.ratio`` is at least
    ``cutoff``, sorted. Every pair when there are ``exact_max`` texts or fewer, else the pairs among
    the candidates that share one of their rarest words (module docstring)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    n = len(texts)
    if n <= exact_max:
        out = []
        for lo in range(0, n, STEP):
            sim = process.cdist(texts[lo:lo + STEP], texts, scorer=fuzz.ratio, score_cutoff=cutoff, workers=1)
            out.extend((lo + int(a), int(b)) for a, b in zip(*np.nonzero(sim)) if lo + a < b)
        return sorted(out)
    words = [sorted({w for w in t.split() if len(w) >= 3}) for t in texts]
    df = Counter(w for ws in words for w in ws)
    block: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in sorted(ws, key=lambda w: (df[w], w))[:KEYS]:
            block.setdefault(w, []).append(i)
    cand: set[tuple[int, int]] = set()
    for members in block.values():
        for k, a in enumerate(members):
            cand.update((a, b) for b in members[k + 1:])
    cand_l = sorted(cand)
    if not cand_l:
        return []
    left = [texts[a] for a, _ in cand_l]
    right = [texts[b] for _, b in cand_l]
    out = []
    for lo in range(0, len(cand_l), 100_000):
        sim = process.cpdist(left[lo:lo + 100_000], right[lo:lo + 100_000], scorer=fuzz.ratio, score_cutoff=cutoff,
                             workers=1)
        out.extend(cand_l[lo + int(k)] for k in np.flatnonzero(sim))
    return out
