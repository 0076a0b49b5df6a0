"""Short quotations two articles both carry: the same words inside quotation marks, too few for a passage.

A passage needs ``min_words`` words (:data:`~presslens.analyses.reuse.align.MIN_WORDS`), but a reader
sees two articles quoting one statement from fewer: both print "a bitter pill for hauliers", or "we
will rebuild the quay", in quotation marks. :func:`shared_quotations` finds, for every pair of articles that
share no passage, the longest run of words quoted on both sides (in one sentence each) holding at least
:data:`QUOTE_CONTENT` content words: fewer ("the harbour bridge", "by the") is a stock phrase anyone quotes.
Such a pair is *shared quotation only*: two outlets quoting one speaker, no evidence of copying. A name set in
quotation marks on both sides ("Harbour Bridge Trust", "Court of Appeal": every content word capitalised, as
written in both articles) is a cited name, not a statement anyone made: it makes no shared quotation.
"""
from __future__ import annotations

from collections import defaultdict
import re

import numpy as np

from presslens.analyses.reuse.align import MAX_DF, STOP, Doc, kept_places, runs, text_of

QUOTE_CONTENT = 3  # content words (no stop word, no number) a short shared quotation needs
GRAM = 3  # quoted words indexed together
CONTENT = re.compile(r"[^\W\d_][\w'’-]*")


def _norm(w: str) -> str:
    return w.casefold().replace("’", "'").strip("'\"“”‘")


def content_words(words: list[str]) -> int:
    """How many of ``words`` are content words: a letter first, not a stop word, not a clitic ("'s")."""
    return sum(1 for w in words if CONTENT.fullmatch(w) and _norm(w) not in STOP and len(_norm(w)) > 1)


def is_name(d: Doc, a: int, b: int) -> bool:
    """Whether words a..b-1 of ``d``, as captured, are written as a name: every content word capitalised (stop
    words may not be: "Court of Appeal"), the last word one of them (a run ending "... Harbour Trust to" goes on into
    a sentence), and not all in capitals (a statement shouted in capitals is no name)."""
    words = [w.strip("'\"“”‘’«»()") for w in text_of(d, a, b).split()]
    words = [w for w in words if w]
    content = [w for w in words if CONTENT.fullmatch(w) and _norm(w) not in STOP]
    return (bool(content) and all(w[0].isupper() for w in content) and words[-1] in content
            and not all(w.isupper() for w in words))


def shared_quotations(docs: list[Doc], max_df: int = MAX_DF) -> dict[tuple[int, int], tuple[int, str]]:
    """(doc index a, doc index b), a < b -> (words, text) of the longest quotation both carry with
    :data:`QUOTE_CONTENT` content words or more, not a name on both sides (:func:`is_name`); reference documents
    left out. Runs of :data:`GRAM`
    quoted words found in more than ``max_df`` articles are common phrasing, not evidence."""
    index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    normed: dict[str, str] = {}  # each distinct word normalised once
    for n, d in enumerate(docs):
        m = len(d.words) - GRAM + 1
        if d.reference or m <= 0 or not any(d.quoted):
            continue
        # the starts of GRAM quoted words in one sentence, found at once
        q, sent = np.asarray(d.quoted, dtype=bool), np.asarray(d.sent)
        at = q[:m] & (sent[:m] == sent[GRAM - 1:GRAM - 1 + m])
        for k in range(1, GRAM):
            at &= q[k:k + m]
        if not at.any():
            continue
        w = [normed[x] if x in normed else normed.setdefault(x, _norm(x)) for x in d.words]
        for i in np.flatnonzero(at).tolist():
            if all(w[i:i + GRAM]):
                index[tuple(w[i:i + GRAM])].append((n, i))
    points: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for occ in index.values():  # (doc, position) in doc order: pairs of docs, never of one doc's repeats
        by_doc: dict[int, list[int]] = defaultdict(list)
        for n, i in occ:
            by_doc[n].append(i)
        if len(by_doc) < 2 or len(by_doc) > max_df:
            continue
        kept = [(n, kept_places(p)) for n, p in by_doc.items()]
        for k, (na, pa) in enumerate(kept):
            for nb, pb in kept[k + 1:]:
                points[(na, nb)].extend((ia, ib) for ia in pa for ib in pb)
    out = {}
    for (na, nb), pts in points.items():
        best = None
        for i0, j0, k in runs(np.array(pts)):
            n = k + GRAM - 1
            words = docs[na].words[i0:i0 + n]
            if (content_words(words) >= QUOTE_CONTENT and (best is None or n > best[0])
                    and not (is_name(docs[na], i0, i0 + n) and is_name(docs[nb], j0, j0 + n))):
                best = (len(words), " ".join(words))
        if best:
            out[(na, nb)] = best
    return out
