"""Reworded sentences (different sentences at ``match`` similarity or more) and their word swaps.

Bounded as the shingle index is (``max_df``, passim's --max-df): a content-word pair found in more than
``max_df`` sentence wordings carried by more than ``max_df`` articles links none of them, and two wordings
that together are carried by more than ``max_df`` articles (a wire sentence and its updated version, each
republished by a hundred sites) are not compared article by article: every article of one against every
article of the other would be the square of their number (300 wire articles in two versions: 22,500 rows a
sentence), and text that many articles carry is a story sent to many, grouped as carried text
(:mod:`presslens.analyses.reuse.carried`), not evidence between two of them. So each wording pair yields
at most (``max_df`` / 2) squared rows."""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from presslens.analyses.reuse.align import MATCH, MAX_DF, MIN_SENTENCE, QUOTED, STOP, Doc


def _features(words: list[str]) -> set[tuple[str, str]]:
    content = [w for w in words if w not in STOP and not w.isdigit()]
    return set(zip(content, content[1:]))


def sentence_variants(docs: list[Doc]) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Each wording of a sentence of narration (:data:`MIN_SENTENCE` words or more, less than :data:`QUOTED`
    of them quoted) with its places (doc, sentence), so that identical sentences are compared once."""
    variants: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for n, d in enumerate(docs):
        q = d.quoted
        for k, (a, b, _) in enumerate(d.sents):
            if b - a < MIN_SENTENCE or sum(q[a:b]) >= QUOTED * (b - a):
                continue
            variants.setdefault(tuple(d.words[a:b]), []).append((n, k))
    return variants


def reworded_sentences(docs: list[Doc], match: int = MATCH, max_df: int = MAX_DF,
                       variants: dict[tuple[str, ...], list[tuple[int, int]]] | None = None) -> list[dict]:
    """Pairs of different sentences in different docs at ``match`` similarity or more (see the module
    docstring: two wordings carried by more than ``max_df`` articles together are not compared); quoted
    sentences are left to quote fidelity (notebook 05). ``variants``: :func:`sentence_variants` of ``docs``
    when the caller has it."""
    from rapidfuzz import fuzz

    variants = sentence_variants(docs) if variants is None else variants
    keys = list(variants)
    weight = [len(variants[v]) for v in keys]
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for s, v in enumerate(keys):
        for f in _features(v):
            index[f].append(s)
    shared: Counter[tuple[int, int]] = Counter()
    for occ in index.values():
        if len(occ) < 2 or (len(occ) > max_df and sum(weight[x] for x in occ) > max_df):
            continue
        shared.update(combinations(occ, 2))  # occ ascends: (x, y) with x < y, as the pairs are read below
    rows = []
    for (x, y), n_shared in shared.items():
        if n_shared < 2 or weight[x] + weight[y] > max_df:  # too few features shared; or text sent to many
            continue
        wa, wb = keys[x], keys[y]
        sim = max(fuzz.ratio(wa, wb), fuzz.token_sort_ratio(" ".join(wa), " ".join(wb)))
        if sim < match:
            continue
        for na, ka in variants[wa]:
            for nb, kb in variants[wb]:
                if na != nb and not (docs[na].reference and docs[nb].reference):
                    first, second = sorted([(na, ka), (nb, kb)])  # references come last: always side b
                    rows.append({"a": first[0], "ka": first[1], "b": second[0], "kb": second[1],
                                 "similarity": round(sim, 1)})
    return rows


def word_swaps(wa: list[str], wb: list[str]) -> list[dict]:
    """The word-level changes from ``wa`` to ``wb``: swaps, insertions, deletions, with a word of context."""
    from rapidfuzz.distance import Levenshtein

    spans: list[list[int]] = []  # adjacent edits merged: "another" -> "one more" is one swap, not two
    prev_equal = True
    for op in Levenshtein.opcodes(wa, wb):
        if op.tag == "equal":
            prev_equal = True
            continue
        if prev_equal:
            spans.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
        else:
            spans[-1][1], spans[-1][3] = op.src_end, op.dest_end
        prev_equal = False
    out = []
    for a0, a1, b0, b1 in spans:
        kind = "swapped" if a1 > a0 and b1 > b0 else ("inserted" if b1 > b0 else "deleted")
        out.append({"change": kind, "from": " ".join(wa[a0:a1]), "to": " ".join(wb[b0:b1]),
                    "context_from": _context(wa, a0, a1), "context_to": _context(wb, b0, b1)})
    return out


def _context(w: list[str], a: int, b: int) -> str:
    """Words a..b-1 with the content words next to them (one before, up to two after, stopping at a
    stop word), so a swap reads as a phrase: "large language model" -> "big language model"."""
    lo = a - 1 if a > 0 and w[a - 1] not in STOP else a
    hi = b
    while hi < len(w) and hi < b + 2 and w[hi] not in STOP:
        hi += 1
    return " ".join(w[lo:hi])

