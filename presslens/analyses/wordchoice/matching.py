"""Matching the lexicon over the story's tokens in one pass, and rates per 1,000 words per outlet
and voice (narration, quotes, all) with bootstrap intervals; by part (title+lede, body).
"""
from __future__ import annotations

from dataclasses import dataclass
import numpy as np
import pandas as pd

from presslens.errors import ParameterError
from presslens import stats
from presslens.engine import keys, perarticle, sanity, store, tables
from presslens.engine.memo import story_table
from presslens.story.model import Problem, Story, StoryError
from presslens.text.vocabulary import base_forms, inflections
from .lexicon import HIT_COLUMNS, Lexicon, MIN_WORDS, VOICES, lexicon_for, load_lexicon, parse_term


# ----------------------------------------------------------------------------------------------
# matching


@dataclass
class _Phrase:
    category: str
    cat_rank: int
    term: str
    term_rank: int
    elems: tuple[int, ...]
    literal: tuple[str | None, ...]  # the word as written (None for a wildcard), for tie-breaking


class _Matcher:
    """The lexicon compiled for one pass: token -> pattern elements, first element -> phrases."""

    def __init__(self, lexicon: Lexicon):
        self.elem_id: dict[tuple[str, str], int] = {}
        self.form_to_elems: dict[str, set[int]] = {}
        self.word_elems: dict[str, set[int]] = {}  # a word pattern's own word -> its element
        self.prefix_to_elems: dict[str, set[int]] = {}
        self.phrases: list[_Phrase] = []
        self.first: dict[int, list[int]] = {}
        for ci, cat in enumerate(lexicon.categories.values()):
            for ti, term in enumerate(cat.terms):
                pats, err = parse_term(term)
                if err:  # a Lexicon built by hand, bypassing validation
                    raise StoryError([Problem(lexicon.path, f"categories.{cat.name}.terms", err, "fix the term")])
                elems = tuple(self._elem(p) for p in pats)
                literal = tuple(v if kind == "word" else None for kind, v in pats)
                self.phrases.append(_Phrase(cat.name, ci, term, ti, elems, literal))
                self.first.setdefault(elems[0], []).append(len(self.phrases) - 1)
        self.prefix_lens = sorted({len(p) for p in self.prefix_to_elems})
        self.first_keys = frozenset(self.first)

    def _elem(self, pat: tuple[str, str]) -> int:
        if pat in self.elem_id:
            return self.elem_id[pat]
        eid = len(self.elem_id)
        self.elem_id[pat] = eid
        kind, v = pat
        if kind == "word":
            self.word_elems.setdefault(v, set()).add(eid)
            for f in inflections(v):
                self.form_to_elems.setdefault(f, set()).add(eid)
        else:
            self.prefix_to_elems.setdefault(v, set()).add(eid)
        return eid

    def elems_of(self, token: str) -> frozenset[int]:
        out = set(self.form_to_elems.get(token, ()))
        for lemma in base_forms(token):  # proven -> prove: forms the inflection table lacks
            out |= self.word_elems.get(lemma, set())
        for n in self.prefix_lens:
            if n > len(token):
                break
            hit = self.prefix_to_elems.get(token[:n])
            if hit:
                out |= hit
        return frozenset(out)


def _inputs(story_or_tokens) -> tuple[pd.DataFrame, pd.DataFrame | None, Story | None]:
    if isinstance(story_or_tokens, Story):
        p = tables.process(story_or_tokens)
        return p.tokens, p.sentences, story_or_tokens
    if isinstance(story_or_tokens, tables.Processed):
        return story_or_tokens.tokens, story_or_tokens.sentences, None
    if isinstance(story_or_tokens, pd.DataFrame):
        return story_or_tokens, None, None
    raise ParameterError.bad("match", "story_or_tokens",
                             f"expected a Story, a Processed or a token table, got {type(story_or_tokens).__name__}",
                             "pass load_story(...) or tables.tokens(story)")


def _empty_hits() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
        HIT_COLUMNS, [int, object, object, object, object, object, int, int, bool, object, int, int])})


@story_table
def match(story_or_tokens, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every lexicon hit, all categories at once, in one pass over the token table.

    ``story_or_tokens`` is a Story (its tokens and sentences from :func:`presslens.engine.tables.process`),
    a ``Processed``, or a bare token table. ``lexicon`` defaults to :func:`lexicon_for` the story
    (or the default lexicon for a bare table).

    How: each distinct token is looked up once against the compiled patterns (a dict of word forms
    and a dict of wildcard prefixes); positions whose token can start a phrase are candidates, and
    only there are the following tokens of the same sentence checked. Within a category, overlapping
    hits are resolved left to right, longest first (then a literal match before an inflected one,
    then lexicon order); categories are independent.

    Returns one row per hit: sent_id, article_id, outlet, category, term (the lexicon entry),
    matched (the words as printed; lower-cased tokens for a bare token table), tok_idx (first token),
    n_tokens, in_quote (every matched token inside quotation marks), part, and start/end (character
    offsets in the sentence text).
    """
    tokens, sentences, story = _inputs(story_or_tokens)
    if lexicon is None:
        lexicon = lexicon_for(story) if story is not None else load_lexicon()
    if story is None:
        return hits_in(tokens, sentences, lexicon)
    # a story's hits: per article, cached with it (one new article costs one article's work)
    key = (keys.story_key(story), lexicon.fingerprint)
    if key not in _HITS:
        def compute(ids: list[str]) -> pd.DataFrame:
            if len(ids) == len(story.articles):  # every article: no selection to make
                return hits_in(tokens, sentences, lexicon)
            want = set(ids)
            return hits_in(tokens[tokens["article_id"].isin(want)], sentences[sentences["article_id"].isin(want)], lexicon)

        hits = perarticle.table(story, "lexicon-hits", lexicon.fingerprint, compute, HIT_COLUMNS, sent_ids=True)
        if len(_HITS) > 8:
            _HITS.clear()
        _HITS[key] = hits if len(hits) else _empty_hits()
    return _HITS[key].copy()


_HITS: dict[tuple, pd.DataFrame] = store.in_memory({})


def hits_in(tokens: pd.DataFrame, sentences: pd.DataFrame | None, lexicon: Lexicon) -> pd.DataFrame:
    """:func:`match` on a token table (and its sentences, for the words as printed): one pass."""
    m = _Matcher(lexicon)
    if tokens.empty or not m.phrases:
        return _empty_hits()
    sent = tokens["sent_id"].to_numpy()
    tix = tokens["tok_idx"].to_numpy()
    if len(tokens) > 1 and not ((np.diff(sent) > 0) | ((np.diff(sent) == 0) & (np.diff(tix) > 0))).all():
        tokens = tokens.sort_values(["sent_id", "tok_idx"], kind="mergesort")
        sent = tokens["sent_id"].to_numpy()
        tix = tokens["tok_idx"].to_numpy()
    codes, uniques = pd.factorize(tokens["token"], sort=False)
    n = len(codes)
    # 1. each distinct token once: which pattern elements it matches, which phrases it can start
    vocab = [m.elems_of(u) for u in uniques]
    pair_code, pair_pid, pair_infl = [], [], []  # single-word phrases matching each distinct token
    multi_start = np.zeros(len(uniques), dtype=bool)
    for c, es in enumerate(vocab):
        for e in sorted(es & m.first_keys):
            for pid in m.first[e]:
                ph = m.phrases[pid]
                if len(ph.elems) == 1:
                    pair_code.append(c)
                    pair_pid.append(pid)
                    pair_infl.append(ph.literal[0] != uniques[c])
                else:
                    multi_start[c] = True
    pair_code = np.asarray(pair_code, dtype=np.int64)
    pair_pid = np.asarray(pair_pid, dtype=np.int64)
    pair_infl = np.asarray(pair_infl, dtype=bool)
    # 2. single-word hits for every position at once (a vectorised join of positions with pairs)
    per_code = np.bincount(pair_code, minlength=len(uniques))
    first_pair = np.concatenate([[0], np.cumsum(per_code)[:-1]])
    pos = np.flatnonzero(per_code[codes] > 0)
    reps = per_code[codes[pos]]
    h_start = np.repeat(pos, reps)
    within = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    pidx = np.repeat(first_pair[codes[pos]], reps) + within
    h_pid = pair_pid[pidx]
    h_infl = pair_infl[pidx]
    h_len = np.ones(len(h_start), dtype=np.int64)
    # 3. phrases: only at positions whose token can start one, check the next tokens of the sentence
    toks = tokens["token"].to_numpy()
    m_start, m_pid, m_infl, m_len = [], [], [], []
    for i in np.flatnonzero(multi_start[codes]).tolist():
        for e in sorted(vocab[codes[i]] & m.first_keys):
            for pid in m.first[e]:
                ph = m.phrases[pid]
                k = len(ph.elems)
                if k == 1:
                    continue
                j = i + k - 1
                if j >= n or sent[j] != sent[i] or tix[j] - tix[i] != k - 1:
                    continue
                if all(ph.elems[q] in vocab[codes[i + q]] for q in range(1, k)):
                    m_start.append(i)
                    m_pid.append(pid)
                    m_len.append(k)
                    m_infl.append(any(lit != toks[i + q] for q, lit in enumerate(ph.literal)))
    h_start = np.concatenate([h_start, np.asarray(m_start, dtype=np.int64)])
    h_pid = np.concatenate([h_pid, np.asarray(m_pid, dtype=np.int64)])
    h_infl = np.concatenate([h_infl, np.asarray(m_infl, dtype=bool)])
    h_len = np.concatenate([h_len, np.asarray(m_len, dtype=np.int64)])
    if len(h_start) == 0:
        return _empty_hits()
    # 4. one hit per category and start: longest, then literal before inflected, then lexicon order
    cat_rank = np.array([ph.cat_rank for ph in m.phrases])[h_pid]
    term_rank = np.array([ph.term_rank for ph in m.phrases])[h_pid]
    order = np.lexsort((term_rank, h_infl, -h_len, h_start, cat_rank))
    cat_rank, h_start, h_len, h_pid = cat_rank[order], h_start[order], h_len[order], h_pid[order]
    first_of = np.ones(len(order), dtype=bool)
    first_of[1:] = (cat_rank[1:] != cat_rank[:-1]) | (h_start[1:] != h_start[:-1])
    cat_rank, h_start, h_len, h_pid = cat_rank[first_of], h_start[first_of], h_len[first_of], h_pid[first_of]
    # 5. overlaps within a category, left to right: only phrases can cover a later start
    multi = np.flatnonzero(h_len > 1)
    keep = np.ones(len(h_start), dtype=bool)
    if len(multi):
        covered = []
        last_cat, last_end = -1, -1
        for r in multi.tolist():
            c, i, k = cat_rank[r], h_start[r], h_len[r]
            if c != last_cat:
                last_cat, last_end = c, -1
            if i <= last_end:
                keep[r] = False
                continue
            last_end = i + k - 1
            covered.extend(c * n + q for q in range(i + 1, i + k))
        if covered:
            keep &= ~np.isin(cat_rank * n + h_start, np.asarray(covered, dtype=np.int64))
    starts, lens, pids = h_start[keep], h_len[keep], h_pid[keep]
    ends_pos = starts + lens - 1
    inq = tokens["in_quote"].to_numpy(dtype=bool)
    cum = np.concatenate([[0], np.cumsum(inq)])
    all_quoted = (cum[ends_pos + 1] - cum[starts]) == lens
    start_ch = tokens["start"].to_numpy()[starts]
    end_ch = tokens["end"].to_numpy()[ends_pos]
    hits = pd.DataFrame({
        "sent_id": sent[starts],
        "article_id": tokens["article_id"].to_numpy()[starts],
        "outlet": tokens["outlet"].to_numpy()[starts],
        "category": np.array([ph.category for ph in m.phrases], dtype=object)[pids],
        "term": np.array([ph.term for ph in m.phrases], dtype=object)[pids],
        "matched": None,
        "tok_idx": tix[starts],
        "n_tokens": lens,
        "in_quote": all_quoted,
        "part": tokens["part"].to_numpy()[starts],
        "start": start_ch,
        "end": end_ch,
    }, columns=HIT_COLUMNS)
    if sentences is not None:
        stext = sentences.set_index("sent_id")["text"]
        s_of = stext.reindex(hits["sent_id"]).to_numpy()
        hits["matched"] = [s[a:b] for s, a, b in zip(s_of, start_ch, end_ch)]
    else:
        hits["matched"] = [" ".join(toks[a:b + 1]) for a, b in zip(starts, ends_pos)]
    order = {c: r for r, c in enumerate(lexicon.categories)}
    hits = hits.assign(_c=hits["category"].map(order)).sort_values(["sent_id", "tok_idx", "_c"], kind="mergesort")
    return hits.drop(columns="_c").reset_index(drop=True)


# ----------------------------------------------------------------------------------------------
# rates with bootstrap intervals


def _bootstrap(H: np.ndarray, W: np.ndarray, n_boot: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """95% interval of the rate per 1,000 words, 1000 * sum(H) / sum(W) per column (see :mod:`presslens.stats`)."""
    lo, hi = stats.ratio_ci(H, W, n_boot, rng)
    return 1000.0 * lo, 1000.0 * hi


def _sentence_matrices(story: Story, lexicon: Lexicon, hits: pd.DataFrame | None):
    p = tables.process(story)
    sents = p.sentences
    if hits is None:
        hits = match(story, lexicon)
    cats = lexicon.names
    row = pd.Series(np.arange(len(sents)), index=sents["sent_id"].to_numpy())
    r = row.reindex(hits["sent_id"]).to_numpy()
    c = hits["category"].map({c: i for i, c in enumerate(cats)})
    if c.isna().any():
        raise ParameterError.bad("rates", "hits", f"hits hold categories not in the lexicon: "
                                 f"{sorted(set(hits['category'][c.isna()]))}",
                                 "pass the hits of match(story, lexicon) with the same lexicon")
    c = c.to_numpy(dtype=int)
    q = hits["in_quote"].to_numpy(dtype=bool).astype(int)  # 0 narration, 1 quote
    K = len(cats)
    H = np.zeros((len(sents), K, 3))
    np.add.at(H, (r, c, q), 1.0)
    H[:, :, 2] = H[:, :, 0] + H[:, :, 1]
    nw = sents["n_words"].to_numpy(dtype=float)
    nq = sents["n_quoted"].to_numpy(dtype=float)
    W = np.stack([nw - nq, nq, nw], axis=1)  # (n_sent, 3)
    return sents, H, W


@story_table
def rates(story: Story, lexicon: Lexicon | None = None, n_boot: int = 1000, seed: int = 0,
          hits: pd.DataFrame | None = None, min_words: int = MIN_WORDS) -> pd.DataFrame:
    """Hits per 1,000 words for every outlet x category x voice, with bootstrap intervals.

    voice 'narration' counts hits whose words are all outside quotation marks, against the words
    outside quotation marks; 'quote' the hits and words inside; 'all' everything. (A hit that
    straddles a quotation mark counts as narration.) ``ci_low``/``ci_high`` are the 2.5 and 97.5
    percentiles of the rate over ``n_boot`` resamples of the outlet's sentences with replacement
    (:func:`presslens.stats.data_rng` seeded by ``seed`` and the outlet's own sentences), so a fixed seed gives
    fixed intervals, an outlet's interval does not depend on which other outlets are present, and outlets that ran
    one text word for word get one interval. Rates are NaN where the outlet has no words in that voice (e.g. no quotes), and
    ``few_words`` flags rows resting on fewer than ``min_words`` words: a rate per 1,000 words
    computed from a handful of quoted words is not a rate. ``hits`` may pass a precomputed
    :func:`match` result.
    """
    lexicon = lexicon or lexicon_for(story)
    sents, H, W = _sentence_matrices(story, lexicon, hits)
    cats = lexicon.names
    K = len(cats)
    at = sents.groupby("outlet", sort=False).indices  # outlet -> sentence positions, in one pass
    rows = []
    for outlet in story.outlets:
        idx = at.get(outlet, np.array([], dtype=int))
        Ho = H[idx].reshape(len(idx), K * 3)
        Wo = np.tile(W[idx], (1, K))  # column (k, v) -> words of voice v
        lo, hi = _bootstrap(Ho, Wo, n_boot, stats.data_rng(seed, Ho, Wo))  # one text, one interval (stats.data_rng)
        h, w = Ho.sum(axis=0), Wo.sum(axis=0)
        for ci, cat in enumerate(cats):
            for vi, voice in enumerate(VOICES):
                col = ci * 3 + vi
                rows.append({
                    "outlet": outlet, "category": cat, "label": lexicon.label(cat), "voice": voice,
                    "hits": int(h[col]), "words": int(w[col]), "n_sentences": len(idx),
                    "rate_per_1000": 1000.0 * h[col] / w[col] if w[col] > 0 else np.nan,
                    "ci_low": lo[col], "ci_high": hi[col], "few_words": bool(w[col] < min_words),
                })
    return sanity.tag_language(pd.DataFrame(rows, columns=["outlet", "category", "label", "voice", "hits", "words",
                                                          "n_sentences", "rate_per_1000", "ci_low", "ci_high",
                                                          "few_words"]), story)


SECTIONS = ("title+lede", "body")


@story_table
def by_part(story: Story, lexicon: Lexicon | None = None, voice: str = "all", n_boot: int = 1000, seed: int = 0,
            hits: pd.DataFrame | None = None, min_words: int = MIN_WORDS) -> pd.DataFrame:
    """Rates per 1,000 words in the headline and lede ('title+lede') against the 'body', per outlet x category.

    Same counting and bootstrap as :func:`rates` (resampling sentences within each outlet x section),
    for one ``voice``. An article without a headline in the capture has only its lede in
    'title+lede'; ``n_sentences`` and ``few_words`` say how little that can be.
    """
    if voice not in VOICES:
        raise ParameterError.bad("by_part", "voice", f"voice={voice!r} is not a voice", f"use one of {VOICES}")
    lexicon = lexicon or lexicon_for(story)
    sents, H, W = _sentence_matrices(story, lexicon, hits)
    vi = VOICES.index(voice)
    cats = lexicon.names
    Hv = H[:, :, vi]
    Wv = W[:, vi]
    section = np.where(sents["part"].isin(["title", "lede"]).to_numpy(), SECTIONS[0], SECTIONS[1])
    at = pd.DataFrame({"o": sents["outlet"].to_numpy(), "s": section}).groupby(["o", "s"], sort=False).indices
    rows = []
    for outlet in story.outlets:
        for sec in SECTIONS:
            idx = at.get((outlet, sec), np.array([], dtype=int))
            Ho = Hv[idx]
            Wo = np.repeat(Wv[idx][:, None], len(cats), axis=1)
            lo, hi = _bootstrap(Ho, Wo, n_boot, stats.data_rng(seed, Ho, Wo))
            h, w = Ho.sum(axis=0), Wo.sum(axis=0)
            for ci, cat in enumerate(cats):
                rows.append({
                    "outlet": outlet, "category": cat, "label": lexicon.label(cat), "section": sec, "voice": voice,
                    "hits": int(h[ci]), "words": int(w[ci]), "n_sentences": len(idx),
                    "rate_per_1000": 1000.0 * h[ci] / w[ci] if w[ci] > 0 else np.nan,
                    "ci_low": lo[ci], "ci_high": hi[ci], "few_words": bool(w[ci] < min_words),
                })
    return pd.DataFrame(rows, columns=["outlet", "category", "label", "section", "voice", "hits", "words",
                                       "n_sentences", "rate_per_1000", "ci_low", "ci_high", "few_words"])
