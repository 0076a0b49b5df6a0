"""Text reuse: the passages articles share, word for word or reworded, and how much of each is in another.

:func:`analyse` takes a story (all its articles, as loaded: it screens them itself) and returns a
:class:`Reuse` of tidy tables:

- **Candidates through an index, never all pairs.** Every article's body becomes word 5-grams
  (shingles); an inverted index maps each shingle to the articles holding it, and only pairs that
  share enough shingles for one passage of ``min_words`` are aligned. Shingles found in more than
  ``max_df`` articles are common phrasing or boilerplate, not evidence (passim's ``--max-df``).
- **Passages.** A candidate pair's shared shingles are chained along diagonals into maximal runs:
  each run is a passage with its position in both articles (word offset, sentence, share of the
  article), its length, and its voice: *quotation* (inside quotation marks on both sides: outlets
  quoting the same statement is expected), *narration* (outside them on both: copying or a common
  source), or *quote on one side* (one outlet's quote is the other's own narration: the quoting
  outlet says the words are the speaker's: only words outside quotation marks on both sides count
  as shared narration).
- **Reworded sentences.** Sentences are indexed by their content-word pairs (consecutive words that
  are not stop words, so one swapped word breaks two pairs, not the sentence); candidate sentence
  pairs are compared with rapidfuzz (word-level similarity, and word order ignored, the higher) and
  those at ``match`` or more that are not identical are reworded copies. Their word-level edit script
  (rapidfuzz's Levenshtein opcodes over words) is the *word-swap table*, read from the earlier
  article (or the reference document) to the later one; as listed when a date is missing.
- **Containment.** For each ordered pair, the share of A's words (and of its narration) inside
  passages or reworded sentences shared with B; ``exact_narration`` counts the word-for-word part.
- **Pairs** are classified: duplicate capture (the same page twice, found by :mod:`presslens.engine.screening`:
  not copying), copy (``COPY`` of one article's narration in the other, and most of that, ``WORD_FOR_WORD``,
  word for word: a few reworded sentences do not make a copy a rewrite), copy with sentences
  reordered, reworded copy, partial reuse (less than ``COPY`` either way: neither is a copy of the
  other), shared quotation only.

Provenance (who took from whom, set against what each article credits) and reference documents are
in :mod:`presslens.analyses.provenance`. Articles in another language are left out (their words cannot
match) and said to be; the shorter of two captures of one page is compared only as a duplicate.

Over 400 lines as one idea: text reuse between articles, the shingle index, alignment of passages,
reworded sentences and containment feeding one table of pairs (provenance reads it).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
import numpy as np
import pandas as pd

from presslens.engine import keys as engine_keys, screening, tables
from presslens.engine.memo import story_table
from presslens.story import when as clock
from presslens.story.model import Story
from presslens.text import article
from presslens.text.diff import word_diff


SHINGLE = 5
MIN_WORDS = 10  # shortest shared passage reported (words): shorter runs are stock phrases
MAX_DF = 100  # shingles in more articles than this are common phrasing, not evidence (passim's --max-df)
MATCH = 80  # rapidfuzz similarity (0-100) at which two different sentences are one reworded
MIN_SENTENCE = 8  # words: shorter sentences are too short to call reworded
COPY = 0.5  # share of the smaller article's narration shared with the other that makes a copy
WORD_FOR_WORD = 0.8  # share of that shared narration word for word (not reworded) that makes it a copy, not a rewrite
QUOTED = 0.5  # share of a passage's words inside quotation marks that makes it quoted on that side
STOP = frozenset("""a an the and or but of to in on at for by with from as is are was were be been being has have had do
does did it its this that these those which who whom whose what when where while than then so such not no nor
also very just only into onto over under about after before between through during against within without
their them they he she his her him we our us you your i me my there here will would can could should may might
must shall said says say told according""".split())


@dataclass
class Doc:
    """One text as the alignment sees it: body words (title left out), whether each is quoted, its sentence."""
    id: str
    outlet: str
    words: list[str]
    quoted: list[bool]
    sent: list[int]  # index into sents of each word
    sents: list[tuple[int, int, int]] = field(default_factory=list)  # (first word, end word, sentence idx)
    texts: list[str] = field(default_factory=list)  # sentence texts
    offsets: list[tuple[int, int]] = field(default_factory=list)  # each word's characters in its sentence
    reference: bool = False


@dataclass
class Reuse:
    passages: pd.DataFrame
    reworded: pd.DataFrame
    swaps: pd.DataFrame
    containment: pd.DataFrame
    pairs: pd.DataFrame
    left_out: pd.DataFrame
    stats: dict


def docs_from(sentences: pd.DataFrame, tokens: pd.DataFrame, ids: list[str], outlet: dict[str, str],
              reference: bool = False) -> list[Doc]:
    """:class:`Doc` per id from the story's sentence and token tables (whose rows run article by article,
    sentence by sentence): arrays sliced per article, never per-group slicing of the frames."""
    keep = (tokens["part"] != "title").to_numpy(dtype=bool)
    codes, names = pd.factorize(tokens["article_id"])
    codes = codes[keep]
    sid = tokens["sent_id"].to_numpy()[keep]
    cols = {c: tokens[c].to_numpy()[keep] for c in ("token", "in_quote", "start", "end")}
    stext = dict(zip(sentences["sent_id"].tolist(), sentences["text"].tolist()))
    cuts = np.flatnonzero(np.diff(codes)) + 1
    starts, ends = np.r_[0, cuts], np.r_[cuts, len(codes)]
    spans = {str(names[codes[a]]): (int(a), int(b)) for a, b in zip(starts, ends) if b > a}
    out = []
    for i in ids:
        a, b = spans.get(i, (0, 0))
        s = sid[a:b]
        bounds = np.r_[0, np.flatnonzero(np.diff(s)) + 1, len(s)] if b > a else np.array([0])
        sents = [(int(x), int(y), int(s[x])) for x, y in zip(bounds[:-1], bounds[1:])]
        d = Doc(i, outlet[i], cols["token"][a:b].tolist(), cols["in_quote"][a:b].astype(bool).tolist(),
                np.repeat(np.arange(len(sents)), np.diff(bounds)).tolist(), sents,
                [stext[x[2]] for x in sents], list(zip(cols["start"][a:b].tolist(), cols["end"][a:b].tolist())),
                reference)
        out.append(d)
    return out


def _runs(points) -> list[tuple[int, int, int]]:
    """Shared shingle positions (i in A, j in B; pairs or an (n, 2) array) chained along diagonals into
    maximal runs: (i0, j0, n shingles), ordered by diagonal then position."""
    p = np.asarray(points, dtype=np.int64).reshape(-1, 2)
    if not len(p):
        return []
    d = p[:, 1] - p[:, 0]
    o = np.lexsort((p[:, 0], d))
    i, d = p[o, 0], d[o]
    starts = np.flatnonzero(np.r_[True, (d[1:] != d[:-1]) | (i[1:] != i[:-1] + 1)])
    n = np.diff(np.r_[starts, len(i)])
    return list(zip(i[starts].tolist(), (i[starts] + d[starts]).tolist(), n.tolist()))


def _text_of(d: Doc, a: int, b: int) -> str:
    """The captured text of words a..b-1 (sentence texts, cut at the first and last word)."""
    parts = []
    k = a
    while k < b:
        s = d.sent[k]
        last = min(b, d.sents[s][1]) - 1
        parts.append(d.texts[s][d.offsets[k][0]:d.offsets[last][1]])
        k = last + 1
    return " ".join(parts)


def _voice(qa: float, qb: float) -> str:
    if qa >= QUOTED and qb >= QUOTED:
        return "quotation"
    if qa < QUOTED and qb < QUOTED:
        return "narration"
    return "quote on one side"


def candidate_pairs(docs: list[Doc], min_words: int = MIN_WORDS, max_df: int = MAX_DF):
    """(shared shingle positions per candidate pair of doc indexes, as an (n, 2) array of (position in
    a, position in b), and the number of shingles left out as common). Vectorised: every doc's words
    as integer codes, each 5-gram as five code columns sorted together (no hashing, so no collision),
    the occurrences of one 5-gram a group whose pairs of occurrences in different docs are the points."""
    lens = np.array([len(d.words) for d in docs], dtype=np.int64)
    total = int(lens.sum())
    need = max(1, min_words - SHINGLE + 1)
    if total < SHINGLE:
        return {}, 0
    codes = pd.factorize(pd.Series([w for d in docs for w in d.words], dtype=object))[0].astype(np.int64)
    doc = np.repeat(np.arange(len(docs), dtype=np.int64), lens)
    pos = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lens) - lens, lens)
    ok = np.flatnonzero(pos + SHINGLE <= lens[doc])  # shingles that start here and end in the same doc
    cols = [codes[ok + k] for k in range(SHINGLE)]
    order = np.lexsort((pos[ok], doc[ok], *reversed(cols)))  # by 5-gram, then doc, then position
    g_doc, g_pos = doc[ok][order], pos[ok][order]
    new = np.r_[True, np.any([c[order][1:] != c[order][:-1] for c in cols], axis=0)]
    gid = np.cumsum(new) - 1
    size = np.bincount(gid)
    first_of_doc = new | np.r_[True, g_doc[1:] != g_doc[:-1]]
    n_docs = np.bincount(gid, weights=first_of_doc).astype(np.int64)
    is_common = (size > max_df) & (n_docs > max_df)
    common = int(is_common.sum())
    starts = np.flatnonzero(new)
    ref = np.array([d.reference for d in docs], dtype=bool)
    pa_all, pb_all, key_all = [], [], []
    for k in np.unique(size[(size >= 2) & ~is_common]):
        s0 = starts[(size == k) & ~is_common]
        iu, ju = np.triu_indices(int(k), 1)
        x = (s0[:, None] + iu[None, :]).ravel()
        y = (s0[:, None] + ju[None, :]).ravel()
        da, db = g_doc[x], g_doc[y]
        keep = (da != db) & ~(ref[da] & ref[db])
        pa_all.append(g_pos[x][keep])
        pb_all.append(g_pos[y][keep])
        key_all.append(da[keep] * len(docs) + db[keep])  # doc order within a group: da < db
    if not key_all:
        return {}, common
    pa, pb, key = np.concatenate(pa_all), np.concatenate(pb_all), np.concatenate(key_all)
    o = np.argsort(key, kind="stable")
    pa, pb, key = pa[o], pb[o], key[o]
    cut = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    counts = np.diff(np.r_[cut, len(key)])
    out = {}
    for c, n in zip(cut[counts >= need].tolist(), counts[counts >= need].tolist()):
        k = int(key[c])
        out[(k // len(docs), k % len(docs))] = np.column_stack((pa[c:c + n], pb[c:c + n]))
    return out, common


def passages_of(da: Doc, db: Doc, points, min_words: int) -> list[dict]:
    rows = []
    for i, j, n in _runs(points):
        length = n + SHINGLE - 1
        if length < min_words:
            continue
        qa = sum(da.quoted[i:i + length]) / length
        qb = sum(db.quoted[j:j + length]) / length
        rows.append({"article_a": da.id, "outlet_a": da.outlet, "article_b": db.id, "outlet_b": db.outlet,
                     "words": length, "voice": _voice(qa, qb), "quoted_a": round(qa, 3), "quoted_b": round(qb, 3),
                     "start_a": i, "end_a": i + length, "sentence_a": da.sents[da.sent[i]][2],
                     "at_a": round(i / max(1, len(da.words)), 3), "start_b": j, "end_b": j + length,
                     "sentence_b": db.sents[db.sent[j]][2], "at_b": round(j / max(1, len(db.words)), 3),
                     "text_a": _text_of(da, i, i + length), "text_b": _text_of(db, j, j + length),
                     "reference": db.reference})
    return rows


def _features(words: list[str]) -> set[tuple[str, str]]:
    content = [w for w in words if w not in STOP and not w.isdigit()]
    return set(zip(content, content[1:]))


def reworded_sentences(docs: list[Doc], match: int = MATCH, max_df: int = MAX_DF) -> list[dict]:
    """Pairs of different sentences in different docs at ``match`` similarity or more (see the module
    docstring); quoted sentences are left to quote fidelity (notebook 05)."""
    from rapidfuzz import fuzz

    variants: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # identical sentences compared once
    for n, d in enumerate(docs):
        for k, (a, b, _) in enumerate(d.sents):
            if b - a < MIN_SENTENCE or sum(d.quoted[a:b]) >= QUOTED * (b - a):
                continue
            variants.setdefault(tuple(d.words[a:b]), []).append((n, k))
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
        if n_shared < 2:
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
    cand, common = candidate_pairs(docs, min_words, max_df)
    prows: list[dict] = []
    for (na, nb), pts in cand.items():
        prows.extend(passages_of(docs[na], docs[nb], pts, min_words))
    rw = reworded_sentences(docs, match, max_df)
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
    containment = _containment(docs, passages, rw)
    pairs = _pairs(story, docs, passages, reworded, containment, sc)
    left = sc.left_out.copy()
    n = len(ids)
    stats = {"articles": n, "references": sum(d.reference for d in docs), "all_pairs": n * (n - 1) // 2,
             "candidate_pairs": sum(1 for a, b in cand if not docs[a].reference and not docs[b].reference),
             "reference_pairs": sum(1 for a, b in cand if docs[a].reference or docs[b].reference),
             "common_shingles": common, "min_words": min_words, "match": match,
             "max_df": max_df}
    swaps = pd.DataFrame(srows, columns=SWAP_COLS)
    for t in (passages, reworded, swaps, containment):  # boolean even when empty (an object mask selects columns)
        t["reference"] = t["reference"].astype(bool)
    return Reuse(passages, reworded, swaps, containment, pairs, left, stats)


def _containment(docs: list[Doc], passages: pd.DataFrame, rw: list[dict]) -> pd.DataFrame:
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


def _pairs(story: Story, docs: list[Doc], passages: pd.DataFrame, reworded: pd.DataFrame, cont: pd.DataFrame,
           sc) -> pd.DataFrame:
    """One row per pair of articles with shared text (references apart), with its kind, plus duplicate captures."""
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
    return pd.DataFrame(rows, columns=PAIR_COLS)


def kind_of(r: Reuse, a: str, b: str) -> str:
    """The kind of the pair (a, b), 'no reuse' when it shares nothing."""
    p = r.pairs
    hit = p[((p["article_a"] == a) & (p["article_b"] == b)) | ((p["article_a"] == b) & (p["article_b"] == a))]
    return hit["kind"].iat[0] if len(hit) else "no reuse"
