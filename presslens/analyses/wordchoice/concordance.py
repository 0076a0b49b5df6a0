"""Keyword in context: the lines behind every rate (KWIC of lexicon hits), of any term or
pattern, ordered by outlet.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.errors import ParameterError
from presslens import patterns
from presslens.engine import tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from .lexicon import KWIC_COLUMNS, term_lexicon, terms_lexicon
from .matching import match


# ----------------------------------------------------------------------------------------------
# keyword in context


def _context(sentence: str, starts: np.ndarray, ends: np.ndarray, a: int, b: int, window: int) -> tuple[str, str]:
    """Left and right context of characters [a, b) of ``sentence``: ``window`` tokens each side."""
    before = np.flatnonzero(ends <= a)
    after = np.flatnonzero(starts >= b)
    if len(before) <= window:
        left = sentence[:a]
    else:
        left = sentence[starts[before[-window]]:a] if window > 0 else ""
    if len(after) <= window:
        right = sentence[b:]
    else:
        right = sentence[b:ends[after[window - 1]]] if window > 0 else ""
    return " ".join(left.split()), " ".join(right.split())


def _kwic_rows(story: Story, items: list[tuple[int, int, int, bool]], window: int) -> list[dict]:
    """KWIC rows for (sent_id, char start, char end, in_quote) items."""
    p = tables.process(story)
    sents = p.sentences
    at = {sid: i for i, sid in enumerate(sents["sent_id"].tolist())}
    cols = {c: sents[c].tolist() for c in ("article_id", "outlet", "sent_idx", "part", "text")}
    t_start = p.tokens["start"].to_numpy()
    t_end = p.tokens["end"].to_numpy()
    bounds = _bounds(p.tokens["sent_id"].to_numpy(), t_start, t_end, items, window)
    rows = []
    if bounds is None:  # a sentence's tokens out of order: each context searched on its own
        tok_groups = p.tokens.groupby("sent_id", sort=False).indices
        none = np.array([], dtype=int)
    for k, (sid, a, b, inq) in enumerate(items):
        i = at[sid]
        txt = cols["text"][i]
        if bounds is None:
            ix = tok_groups.get(sid, none)
            left, right = _context(txt, t_start[ix], t_end[ix], a, b, window)
        else:
            lo, hi = bounds[0][k], bounds[1][k]
            left = " ".join((txt[:a] if lo < 0 else txt[lo:a]).split())
            right = " ".join((txt[b:] if hi < 0 else txt[b:hi]).split())
        rows.append({"article_id": cols["article_id"][i], "outlet": cols["outlet"][i], "sent_id": sid,
                     "sent_idx": cols["sent_idx"][i], "part": cols["part"][i],
                     "voice": "quote" if inq else "narration", "left": left, "match": txt[a:b], "right": right,
                     "sentence": txt})
    return rows


def _bounds(tok_sid: np.ndarray, t_start: np.ndarray, t_end: np.ndarray, items: list, window: int):
    """:func:`_context`'s cuts for every item at once, when each sentence's tokens are in order (starts
    and ends never decreasing): (left start, right end) arrays, -1 for the sentence's edge (the
    context reaches it). None when some sentence's tokens are out of order."""
    n = len(items)
    if n == 0:
        return [], []
    codes, uniques = pd.factorize(tok_sid, sort=False)
    o = np.argsort(codes, kind="stable")  # each sentence's tokens together, in table order
    c, S, E = codes[o], t_start[o].astype(np.int64), t_end[o].astype(np.int64)
    same = c[1:] == c[:-1]
    if (same & ((np.diff(S) < 0) | (np.diff(E) < 0))).any():
        return None
    code_of = {u: j for j, u in enumerate(uniques.tolist())}
    ic = np.array([code_of.get(sid, -1) for sid, _, _, _ in items], dtype=np.int64)
    a = np.array([x[1] for x in items], dtype=np.int64)
    b = np.array([x[2] for x in items], dtype=np.int64)
    g0 = np.searchsorted(c, ic, side="left")   # each item's sentence: its tokens [g0, g1)
    g1 = np.searchsorted(c, ic, side="right")
    big = int(max(S.max(initial=0), E.max(initial=0), a.max(), b.max())) + 2
    n_before = np.searchsorted(c * big + E, ic * big + a, side="right") - g0   # tokens ending at or before a
    first_after = np.searchsorted(c * big + S, ic * big + b, side="left")      # the first token starting at or after b
    n_after = g1 - first_after
    none = ic < 0
    n_before[none], n_after[none] = 0, 0
    lo = np.full(n, -1, dtype=np.int64)
    hi = np.full(n, -1, dtype=np.int64)
    if window > 0:
        cut = n_before > window
        lo[cut] = S[(g0 + n_before - window)[cut]]
        cut = n_after > window
        hi[cut] = E[(first_after + window - 1)[cut]]
    else:  # no context wanted: empty unless the context is the sentence's edge anyway
        lo[n_before > window] = a[n_before > window]
        hi[n_after > window] = b[n_after > window]
    return lo.tolist(), hi.tolist()


def _order_by_outlet(df: pd.DataFrame, story: Story, extra: list[str]) -> pd.DataFrame:
    rank = {o: i for i, o in enumerate(story.outlets)}
    df = df.assign(_o=df["outlet"].map(rank))
    return df.sort_values(["_o", "sent_id"] + extra, kind="mergesort").drop(columns="_o").reset_index(drop=True)


@story_table
def kwic_hits(story: Story, hits: pd.DataFrame, window: int = 6) -> pd.DataFrame:
    """KWIC lines for :func:`match` hits (e.g. one category's): the drill-down behind :func:`rates`.

    Columns as :func:`kwic`, plus category and term.
    """
    items = list(zip(hits["sent_id"], hits["start"], hits["end"], hits["in_quote"]))
    rows = _kwic_rows(story, items, window)
    out = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    out["category"] = hits["category"].to_numpy()
    out["term"] = hits["term"].to_numpy()
    out["_start"] = hits["start"].to_numpy()
    return _order_by_outlet(out, story, ["_start"]).drop(columns="_start")


def kwic(story: Story, pattern: str, window: int = 6, regex: bool = False) -> pd.DataFrame:
    """Keyword-in-context lines for a term, a phrase, or (``regex=True``) a regular expression.

    A term follows the lexicon's matching rules (case-insensitive, simple inflections, trailing
    ``*``; e.g. ``kwic(story, "secret*")`` or ``kwic(story, "cut corners")``). A regular expression
    is searched case-insensitively in each sentence's text. ``window`` words of context are shown
    each side (within the sentence). voice is 'quote' when the match lies inside quotation marks.

    Columns: article_id, outlet, sent_id, sent_idx, part, voice, left, match, right, sentence;
    ordered by outlet (story order), then position. A regular expression is searched under the
    story's pattern budget (:func:`presslens.patterns.finditer_each`); when it cut the search,
    ``.attrs["cut"]`` says what was left out (else '').
    """
    if not regex:
        hits = match(story, term_lexicon(pattern))
        return kwic_hits(story, hits, window).drop(columns=["category", "term"])
    try:
        rx = patterns.compile(pattern, patterns.IGNORECASE)
    except patterns.error as exc:
        raise ParameterError.bad("kwic", "pattern", f"{pattern!r} is not a valid regular expression ({exc})",
                                 "escape special characters such as ( ) [ ] . ? with a backslash") from None
    sents = tables.process(story).sentences
    items = []
    # the story's pattern budget over the whole search (as story.yaml's patterns); what it cuts is said
    found, cut = patterns.finditer_each(rx, sents["text"].tolist(), "kwic")
    for sid, matches, spans in zip(sents["sent_id"], found, sents["quote_spans"]):
        for mt in matches:
            a, b = mt.span()
            if b <= a:
                continue
            inq = any(x <= a and b <= y for x, y in spans)
            items.append((sid, a, b, inq))
    out = pd.DataFrame(_kwic_rows(story, items, window), columns=KWIC_COLUMNS)
    out = _order_by_outlet(out, story, [])
    out.attrs["cut"] = cut  # '' when every sentence was searched
    return out


@story_table
def kwic_terms(story: Story, terms: str | list[str], window: int = 6) -> pd.DataFrame:
    """KWIC for several terms at once (a notebook's ``focus_terms``), with a ``term`` column first."""
    terms = [terms] if isinstance(terms, str) else list(terms)
    # every term's hits in one pass over the tokens (one category per term: each as kwic(story, term))
    hits = match(story, terms_lexicon(terms)) if terms else None
    parts = [kwic_hits(story, hits[hits["category"] == str(i)].reset_index(drop=True), window)
             .drop(columns=["category", "term"]).assign(term=t) for i, t in enumerate(terms)]
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["term"])
    return out[["term"] + [c for c in out.columns if c != "term"]]
