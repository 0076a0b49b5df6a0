"""The analysis itself: :func:`analyse` (cached) brings the docs, passages, reworded sentences,
containment and pairs together into one :class:`Reuse`; :func:`kind_of` reads a pair's kind."""
from __future__ import annotations

from dataclasses import dataclass, field
import pandas as pd

from presslens.analyses.reuse.carried import CARRIED_COLS
from presslens.analyses.reuse.align import MATCH, MAX_DF, MIN_WORDS, Doc, candidate_pairs, docs_from, passages_of
from presslens.analyses.reuse.paraphrase import PARAPHRASE_COLS, paraphrases
from presslens.analyses.reuse.pairs import PASSAGE_COLS, REWORDED_COLS, SWAP_COLS, containment_of, pairs_of
from presslens.analyses.reuse.quoted import shared_quotations
from presslens.analyses.reuse.sentences import reworded_sentences, sentence_variants, word_swaps
from presslens.engine import keys as engine_keys, screening, tables
from presslens.engine.memo import story_table
from presslens.story import when as clock
from presslens.story.model import Story
from presslens.text import article
from presslens.text.diff import word_diff


@dataclass
class Reuse:
    passages: pd.DataFrame
    reworded: pd.DataFrame
    swaps: pd.DataFrame
    containment: pd.DataFrame
    pairs: pd.DataFrame
    left_out: pd.DataFrame
    stats: dict
    # texts carried by more than max_df articles (a wire story republished by hundreds of sites): grouped, not aligned
    carried: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CARRIED_COLS))
    # pairs sharing no narration word for word that retell CHAIN or more sentences in the same order (paraphrase)
    paraphrased: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PARAPHRASE_COLS))


def doc_list(story: Story, ids: list[str]) -> list[Doc]:
    p = tables.process(story)
    outlet = dict(zip(story.articles["id"], story.articles["outlet"]))
    docs = docs_from(p.sentences, p.tokens, ids, outlet)
    refs = story.references
    if refs is not None and len(refs):
        rules = engine_keys.cleaning_rules(story)
        res = [article.process_article(f"ref:{r.id}", r.source, r.title, r.text, rules) for r in refs.itertuples(index=False)]
        rp = tables.assemble(res)
        docs += docs_from(rp.sentences, rp.tokens, list(rp.languages["article_id"]),
                          {f"ref:{r.id}": f"{r.source} (reference)" for r in refs.itertuples(index=False)}, reference=True)
    return docs


def analyse(story: Story, min_words: int = MIN_WORDS, match: int = MATCH, max_df: int = MAX_DF) -> Reuse:
    """Shared passages, reworded sentences, word swaps, containment and pair kinds (module docstring).
    Cached on disk (:mod:`presslens.engine.memo`) under one key however the thresholds are passed."""
    return _analyse(story, int(min_words), int(match), int(max_df))


@story_table
def _analyse(story: Story, min_words: int, match: int, max_df: int) -> Reuse:
    sc = screening.screen(story)
    gone = dict(zip(sc.left_out["article_id"], sc.left_out["reason"]))
    ids = [a for a in story.articles["id"] if a not in gone]
    docs = doc_list(story, ids)
    cand, common, carried = candidate_pairs(docs, min_words, max_df, carried=True)
    prows: list[dict] = []
    told: set[tuple[int, int]] = set()  # pairs sharing narration word for word: no paraphrase search needed
    for (na, nb), pts in cand.items():
        got = passages_of(docs[na], docs[nb], pts, min_words)
        prows.extend(got)
        if any(p["voice"] != "quotation" for p in got):
            told.add((min(na, nb), max(na, nb)))
    variants = sentence_variants(docs)
    rw = reworded_sentences(docs, match, max_df, variants)
    told |= {(min(r["a"], r["b"]), max(r["a"], r["b"])) for r in rw}
    para = pd.DataFrame(paraphrases(docs, max_df, skip=told, variants=variants), columns=PARAPHRASE_COLS)
    rrows, srows = [], []
    when = clock.of_articles(story.articles)  # by date, or on one day by zoned times of day
    for r in rw:
        da, db = docs[r["a"]], docs[r["b"]]
        (a0, a1, sa), (b0, b1, sb) = da.sents[r["ka"]], db.sents[r["kb"]]
        x, y = when.get(da.id), when.get(db.id)
        if db.reference or (not da.reference and clock.order(y, x)[0] == -1):  # the source reads first
            da, db, (a0, a1, sa), (b0, b1, sb) = db, da, (b0, b1, sb), (a0, a1, sa)
        base = {"article_a": da.id, "outlet_a": da.outlet, "article_b": db.id, "outlet_b": db.outlet,
                "sentence_a": sa, "sentence_b": sb}
        rrows.append({**base, "similarity": r["similarity"], "text_a": da.texts[r["ka"]], "text_b": db.texts[r["kb"]],
                      "diff": word_diff(" ".join(da.words[a0:a1]), " ".join(db.words[b0:b1])),
                      "reference": da.reference or db.reference})
        srows.extend({**base, **s, "reference": da.reference or db.reference}
                     for s in word_swaps(da.words[a0:a1], db.words[b0:b1]))
    passages = pd.DataFrame(prows, columns=PASSAGE_COLS).sort_values(
        ["words", "article_a", "article_b", "start_a"], ascending=[False, True, True, True], kind="stable").reset_index(drop=True)
    reworded = pd.DataFrame(rrows, columns=REWORDED_COLS)
    containment = containment_of(docs, passages, rw)
    pairs = pairs_of(story, docs, passages, reworded, containment, sc, shared_quotations(docs, max_df))
    left = sc.left_out.copy()
    n = len(ids)
    stats = {"articles": n, "references": sum(d.reference for d in docs), "all_pairs": n * (n - 1) // 2,
             "candidate_pairs": sum(1 for a, b in cand if not docs[a].reference and not docs[b].reference),
             "reference_pairs": sum(1 for a, b in cand if docs[a].reference or docs[b].reference),
             "common_shingles": common, "min_words": min_words, "match": match,
             "max_df": max_df}
    if len(carried):
        stats["carried_texts"] = int(carried["text_id"].nunique())
        stats["carried_articles"] = int(carried["article_id"].nunique())
    swaps = pd.DataFrame(srows, columns=SWAP_COLS)
    for t in (passages, reworded, swaps, containment):  # boolean even when empty (an object mask selects columns)
        t["reference"] = t["reference"].astype(bool)
    stats["paraphrased_pairs"] = len(para)
    return Reuse(passages, reworded, swaps, containment, pairs, left, stats, carried, para)


def kind_of(r: Reuse, a: str, b: str) -> str:
    """The kind of the pair (a, b), 'no reuse' when it shares nothing."""
    p = r.pairs
    hit = p[((p["article_a"] == a) & (p["article_b"] == b)) | ((p["article_a"] == b) & (p["article_b"] == a))]
    return hit["kind"].iat[0] if len(hit) else "no reuse"
