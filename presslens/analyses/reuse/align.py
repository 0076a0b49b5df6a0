"""Articles as word sequences (:class:`Doc`), the shingle index that finds candidate pairs, and the
maximal shared passages of a pair with their voice (quotation, narration, quote on one side)."""
from __future__ import annotations

from dataclasses import dataclass, field
import numpy as np
import pandas as pd

from presslens.analyses.reuse.carried import CARRIED_COLS, carried_texts

SHINGLE = 5
MIN_WORDS = 10  # shortest shared passage reported (words): shorter runs are stock phrases
MAX_DF = 100  # shingles in more articles than this are common phrasing, not evidence (passim's --max-df)
MAX_REPEAT = 64  # positions of one shingle kept per article: a phrase repeated more often inside one text (a list,
# a chant, a templated page) is matched at its first and last 32 places (where a passage around it starts and
# ends), so its cost stays linear in the text; no article of the bundled or evaluation stories repeats one over 5 times
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


def kept_places(positions: list[int]) -> list[int]:
    """A shingle's positions in one article as the index keeps them: all, or when it repeats more than
    :data:`MAX_REPEAT` times the first and last half of that many (see :func:`candidate_pairs`)."""
    if len(positions) <= MAX_REPEAT:
        return positions
    return positions[:MAX_REPEAT // 2] + positions[-(MAX_REPEAT // 2):]


def runs(points) -> list[tuple[int, int, int]]:
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


def text_of(d: Doc, a: int, b: int) -> str:
    """The captured text of words a..b-1 (sentence texts, cut at the first and last word); the words
    themselves, joined by spaces, for a document built from its words alone (no sentence texts)."""
    if not d.texts or not d.offsets or not d.sents:
        return " ".join(d.words[a:b])
    parts = []
    k = a
    while k < b:
        s = d.sent[k]
        last = min(b, d.sents[s][1]) - 1
        parts.append(d.texts[s][d.offsets[k][0]:d.offsets[last][1]])
        k = last + 1
    return " ".join(parts)


def voice_of(qa: float, qb: float) -> str:
    if qa >= QUOTED and qb >= QUOTED:
        return "quotation"
    if qa < QUOTED and qb < QUOTED:
        return "narration"
    return "quote on one side"


def candidate_pairs(docs: list[Doc], min_words: int = MIN_WORDS, max_df: int = MAX_DF, *, carried: bool = False):
    """(shared shingle positions per candidate pair of doc indexes, as an (n, 2) array of (position in
    a, position in b), and the number of shingles left out as common); with ``carried``, a third item: the
    texts carried by so many articles that their shingles are all common, as one source's story sent to
    many (:func:`presslens.analyses.reuse.carried.carried_texts`), so that they group, not vanish. Vectorised: every doc's words
    as integer codes, each 5-gram as five code columns sorted together (no hashing, so no collision).
    The occurrences of one 5-gram in one doc are a unit (at most :data:`MAX_REPEAT` of its positions
    kept: the first and last half); the points are, for every two units of one 5-gram in different docs, their positions crossed.
    Pairs are of docs, never of occurrences, so a 5-gram repeated thousands of times inside one text
    costs its repeats, not their square."""
    lens = np.array([len(d.words) for d in docs], dtype=np.int64)
    total = int(lens.sum())
    need = max(1, min_words - SHINGLE + 1)
    if total < SHINGLE:
        return ({}, 0, pd.DataFrame(columns=CARRIED_COLS)) if carried else ({}, 0)
    codes = pd.factorize(pd.Series([w for d in docs for w in d.words], dtype=object))[0].astype(np.int64)
    doc = np.repeat(np.arange(len(docs), dtype=np.int64), lens)
    pos = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lens) - lens, lens)
    ok = np.flatnonzero(pos + SHINGLE <= lens[doc])  # shingles that start here and end in the same doc
    cols = [codes[ok + k] for k in range(SHINGLE)]
    order = np.lexsort((pos[ok], doc[ok], *reversed(cols)))  # by 5-gram, then doc, then position
    g_doc, g_pos = doc[ok][order], pos[ok][order]
    new = np.r_[True, np.any([c[order][1:] != c[order][:-1] for c in cols], axis=0)]
    del cols, order
    gid = np.cumsum(new) - 1
    size = np.bincount(gid)
    unit = new | np.r_[True, g_doc[1:] != g_doc[:-1]]  # first occurrence of a (5-gram, doc)
    unit_start = np.flatnonzero(unit)
    n_docs = np.bincount(gid[unit_start], minlength=len(size))
    is_common = (size > max_df) & (n_docs > max_df)
    common = int(is_common.sum())
    texts = carried_texts(docs, g_doc, g_pos, gid, is_common, SHINGLE, text_of) if carried else None
    uid = np.cumsum(unit) - 1  # of each occurrence; kept: a unit's first and last MAX_REPEAT // 2 positions
    rank = np.arange(len(g_doc)) - unit_start[uid]
    last = np.diff(np.r_[unit_start, len(g_doc)])[uid] - rank - 1
    kept = (rank < MAX_REPEAT // 2) | (last < MAX_REPEAT // 2)
    g_doc, g_pos, gid, uid = g_doc[kept], g_pos[kept], gid[kept], uid[kept]
    unit_start = np.flatnonzero(np.r_[True, uid[1:] != uid[:-1]])
    u_gid, u_doc, u_len = gid[unit_start], g_doc[unit_start], np.diff(np.r_[unit_start, len(g_doc)])
    keep_u = ~is_common[u_gid] & (n_docs[u_gid] >= 2)  # 5-grams in two docs or more, not common
    unit_start, u_gid, u_len, u_doc = unit_start[keep_u], u_gid[keep_u], u_len[keep_u], u_doc[keep_u]
    first_u = np.flatnonzero(np.r_[True, u_gid[1:] != u_gid[:-1]])  # each 5-gram's first unit
    g_units = np.diff(np.r_[first_u, len(u_gid)])
    ref = np.array([d.reference for d in docs], dtype=bool)
    ua_all, ub_all = [], []
    for k in np.unique(g_units):  # 5-grams in k docs: every two of their units (k <= max_df unless rare)
        s0 = first_u[g_units == k]
        iu, ju = np.triu_indices(int(k), 1)
        ua_all.append((s0[:, None] + iu[None, :]).ravel())
        ub_all.append((s0[:, None] + ju[None, :]).ravel())
    if not ua_all:
        return ({}, common, texts) if carried else ({}, common)
    ua, ub = np.concatenate(ua_all), np.concatenate(ub_all)
    keep = ~(ref[u_doc[ua]] & ref[u_doc[ub]])
    ua, ub = ua[keep], ub[keep]
    m_a, m_b = u_len[ua], u_len[ub]
    cross = m_a * m_b  # the units' positions crossed
    which = np.repeat(np.arange(len(ua)), cross)
    t = np.arange(int(cross.sum()), dtype=np.int64) - np.repeat(np.cumsum(cross) - cross, cross)
    pa = g_pos[unit_start[ua][which] + t // m_b[which]]
    pb = g_pos[unit_start[ub][which] + t % m_b[which]]
    key = u_doc[ua][which] * len(docs) + u_doc[ub][which]  # doc order within a 5-gram: da < db
    if not len(key):
        return ({}, common, texts) if carried else ({}, common)
    o = np.argsort(key, kind="stable")
    pa, pb, key = pa[o], pb[o], key[o]
    cut = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    counts = np.diff(np.r_[cut, len(key)])
    out = {}
    for c, n in zip(cut[counts >= need].tolist(), counts[counts >= need].tolist()):
        k = int(key[c])
        out[(k // len(docs), k % len(docs))] = np.column_stack((pa[c:c + n], pb[c:c + n]))
    return (out, common, texts) if carried else (out, common)


def passages_of(da: Doc, db: Doc, points, min_words: int) -> list[dict]:
    rows = []
    for i, j, n in runs(points):
        length = n + SHINGLE - 1
        if length < min_words:
            continue
        qa = sum(da.quoted[i:i + length]) / length
        qb = sum(db.quoted[j:j + length]) / length
        rows.append({"article_a": da.id, "outlet_a": da.outlet, "article_b": db.id, "outlet_b": db.outlet,
                     "words": length, "voice": voice_of(qa, qb), "quoted_a": round(qa, 3), "quoted_b": round(qb, 3),
                     "start_a": i, "end_a": i + length, "sentence_a": da.sents[da.sent[i]][2],
                     "at_a": round(i / max(1, len(da.words)), 3), "start_b": j, "end_b": j + length,
                     "sentence_b": db.sents[db.sent[j]][2], "at_b": round(j / max(1, len(db.words)), 3),
                     "text_a": text_of(da, i, i + length), "text_b": text_of(db, j, j + length),
                     "reference": db.reference})
    return rows

