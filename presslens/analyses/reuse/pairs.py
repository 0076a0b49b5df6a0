"""Containment (the share of each article inside another) and the one table of pairs with their kind."""
from __future__ import annotations

from collections import defaultdict
import numpy as np
import pandas as pd

from presslens.analyses.reuse.align import COPY, WORD_FOR_WORD, Doc
from presslens.story.model import Story


PASSAGE_COLS = ["article_a", "outlet_a", "article_b", "outlet_b", "words", "voice", "quoted_a", "quoted_b", "start_a",
                "end_a", "sentence_a", "at_a", "start_b", "end_b", "sentence_b", "at_b", "text_a", "text_b", "reference"]
REWORDED_COLS = ["article_a", "outlet_a", "article_b", "outlet_b", "sentence_a", "sentence_b", "similarity", "text_a",
                 "text_b", "diff", "reference"]
SWAP_COLS = ["article_a", "outlet_a", "article_b", "outlet_b", "sentence_a", "sentence_b", "change", "from", "to",
             "context_from", "context_to", "reference"]
CONTAIN_COLS = ["article", "outlet", "other", "other_outlet", "words", "narration_words", "shared_words",
                "shared_narration", "containment", "containment_narration", "exact_narration", "reference"]
PAIR_COLS = ["article_a", "outlet_a", "article_b", "outlet_b", "kind", "passages", "narration_passages",
             "quotation_passages", "reworded_sentences", "shared_words", "containment_a_in_b", "containment_b_in_a",
             "narration_a_in_b", "narration_b_in_a", "reordered", "detail"]


def containment_of(docs: list[Doc], passages: pd.DataFrame, rw: list[dict]) -> pd.DataFrame:
    """Share of each doc's words (and narration) in passages or reworded sentences shared with each other doc."""
    pos = {d.id: n for n, d in enumerate(docs)}
    cover: dict[tuple[int, int], list[tuple[int, int, bool]]] = defaultdict(list)
    quoted = [np.array(d.quoted, dtype=bool) for d in docs]
    for a, b, sa, ea, sb, eb in zip(passages["article_a"], passages["article_b"], passages["start_a"],
                                    passages["end_a"], passages["start_b"], passages["end_b"]):
        na, nb = pos[a], pos[b]
        told = ~quoted[na][sa:ea] & ~quoted[nb][sb:eb]  # narration on both sides: a quote on one is the speaker's words
        cover[(na, nb)].append((sa, ea, True, told))
        cover[(nb, na)].append((sb, eb, True, told))
    for r in rw:
        (a0, a1, _), (b0, b1, _) = docs[r["a"]].sents[r["ka"]], docs[r["b"]].sents[r["kb"]]
        cover[(r["a"], r["b"])].append((a0, a1, False, None))
        cover[(r["b"], r["a"])].append((b0, b1, False, None))
    rows = []
    narr_of: dict[int, np.ndarray] = {}
    for (na, nb), spans in cover.items():
        d, o = docs[na], docs[nb]
        if d.reference:
            continue
        narr = narr_of.get(na)
        if narr is None:
            narr = narr_of[na] = ~quoted[na]
        hit = np.zeros(len(d.words), dtype=bool)
        told = np.zeros(len(d.words), dtype=bool)  # covered by narration on both sides, or by a reworded sentence
        exact = np.zeros(len(d.words), dtype=bool)
        for s, e, ex, t in spans:
            hit[s:e] = True
            if ex:
                told[s:e] |= t
                exact[s:e] |= t
            else:
                told[s:e] = True
        n_narr, n_hit = int(narr.sum()), int(hit.sum())
        shared_n, exact_n = int((told & narr).sum()), int((exact & narr).sum())
        rows.append({"article": d.id, "outlet": d.outlet, "other": o.id, "other_outlet": o.outlet, "words": len(d.words),
                     "narration_words": n_narr, "shared_words": n_hit, "shared_narration": shared_n,
                     "containment": round(n_hit / max(1, len(d.words)), 4),
                     "containment_narration": round(shared_n / n_narr, 4) if n_narr else 0.0,
                     "exact_narration": round(exact_n / n_narr, 4) if n_narr else 0.0, "reference": o.reference})
    return pd.DataFrame(rows, columns=CONTAIN_COLS).sort_values(["article", "other"], kind="stable").reset_index(drop=True)


def pairs_of(story: Story, docs: list[Doc], passages: pd.DataFrame, reworded: pd.DataFrame, cont: pd.DataFrame,
           sc, quotes: dict | None = None) -> pd.DataFrame:
    """One row per pair of articles with shared text (references apart), with its kind, plus duplicate captures;
    ``quotes`` (:func:`~presslens.analyses.reuse.quoted.shared_quotations`) adds the pairs that share only a
    quotation too short for a passage."""
    outlet = dict(zip(story.articles["id"], story.articles["outlet"]))
    c = {(r.article, r.other): r for r in cont.itertuples(index=False)}
    by_p: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, (a, b, ref) in enumerate(zip(passages["article_a"], passages["article_b"], passages["reference"])):
        if not ref:
            by_p[tuple(sorted((a, b)))].append(k)
    by_r: dict[tuple[str, str], int] = defaultdict(int)
    for a, b, ref in zip(reworded["article_a"], reworded["article_b"], reworded["reference"]):
        if not ref:
            by_r[tuple(sorted((a, b)))] += 1
    rows = []
    for d in sc.duplicates.itertuples(index=False):
        if str(d.action).startswith("left out"):
            rows.append({"article_a": d.article_a, "outlet_a": d.outlet_a, "article_b": d.article_b,
                         "outlet_b": d.outlet_b, "kind": "duplicate capture", "passages": 0, "narration_passages": 0,
                         "quotation_passages": 0, "reworded_sentences": 0, "shared_words": 0,
                         "containment_a_in_b": None, "containment_b_in_a": None, "narration_a_in_b": None,
                         "narration_b_in_a": None, "reordered": False,
                         "detail": f"the same page captured twice ({d.kind}: {d.detail}): {d.action}, not copying"})
    words, voice = passages["words"].tolist(), passages["voice"].tolist()
    words_of = {d.id: d.words for d in docs if not d.reference}
    sa, sb = passages["start_a"].tolist(), passages["start_b"].tolist()
    for a, b in sorted(set(by_p) | set(by_r)):
        ks = by_p.get((a, b), [])
        ab, ba = c.get((a, b)), c.get((b, a))
        n_narr = sum(voice[k] != "quotation" for k in ks)
        n_quote = len(ks) - n_narr
        n_rw = by_r.get((a, b), 0)
        shared_narr = max(ab.shared_narration if ab else 0, ba.shared_narration if ba else 0)
        top = max(ab.containment_narration if ab else 0.0, ba.containment_narration if ba else 0.0)
        held = max((r for r in (ab, ba) if r is not None), key=lambda r: r.containment_narration, default=None)
        verbatim = held is not None and held.exact_narration >= max(COPY, WORD_FOR_WORD * held.containment_narration)
        order = [sb[k] for k in sorted(ks, key=lambda k: sa[k])]  # passages in A's order: in B's too?
        reordered = any(x > y for x, y in zip(order, order[1:]))
        if n_narr == 0 and n_rw == 0:
            kind = "shared quotation only"
        elif words_of.get(a) and words_of.get(a) == words_of.get(b):
            kind = "copy, identical"  # word for word: repeated lines may look reordered, nothing is
        elif top >= COPY:  # a copy when most of it is word for word, else a rewrite
            kind = ("copy" if verbatim or not n_rw else "reworded copy") + (", sentences reordered" if reordered else "")
        elif shared_narr:
            kind = "partial reuse"
        else:
            kind = "shared quotation only"
        rows.append({"article_a": a, "outlet_a": outlet[a], "article_b": b, "outlet_b": outlet[b], "kind": kind,
                     "passages": len(ks), "narration_passages": n_narr, "quotation_passages": n_quote,
                     "reworded_sentences": n_rw, "shared_words": sum(words[k] for k in ks),
                     "containment_a_in_b": ab.containment if ab else 0.0, "containment_b_in_a": ba.containment if ba else 0.0,
                     "narration_a_in_b": ab.containment_narration if ab else 0.0,
                     "narration_b_in_a": ba.containment_narration if ba else 0.0, "reordered": reordered,
                     "detail": f"{len(ks)} passage(s) ({n_narr} not quotation), {n_rw} reworded sentence(s); "
                               f"up to {top:.0%} of one article's narration is in the other"})
    done = set(by_p) | set(by_r) | {tuple(sorted((r["article_a"], r["article_b"]))) for r in rows}
    for (na, nb), (n, text) in sorted((quotes or {}).items()):
        a, b = sorted((docs[na].id, docs[nb].id))
        if (a, b) in done:
            continue
        rows.append({"article_a": a, "outlet_a": outlet[a], "article_b": b, "outlet_b": outlet[b],
                     "kind": "shared quotation only", "passages": 0, "narration_passages": 0, "quotation_passages": 0,
                     "reworded_sentences": 0, "shared_words": n, "containment_a_in_b": 0.0, "containment_b_in_a": 0.0,
                     "narration_a_in_b": 0.0, "narration_b_in_a": 0.0, "reordered": False,
                     "detail": f"a quotation of {n} words both carry, too short for a passage: \"{text}\""})
    return pd.DataFrame(rows, columns=PAIR_COLS)

