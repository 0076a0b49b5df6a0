"""The story's discovered facts as tidy tables: every sentence behind every fact, and one row per fact.

:func:`members` runs :func:`.grouping.discover` over the story's sentences (title, narration,
reported speech and quotation alike) and adds, per sentence, its *voice*: ``quote`` (most of its
words inside quotation marks), ``attributed`` (a reporting verb, "according to", or a partial
quote: someone else's statement) or ``own voice`` (the outlet's narration), with the drift cues of
:func:`.features.marks`. :func:`facts` is one row per fact that at least ``min_articles`` articles
carry: its label (the centre sentence), size, first appearance and how many outlets carry it in
their own voice.
"""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from presslens.analyses.facts import arrays, features, grouping
from presslens.engine import tables
from presslens.engine.memo import story_table
from presslens.story.model import Story

MEMBER_COLS = ["fact", "article_id", "outlet", "published", "published_utc", "sent_idx", "part", "position", "voice", "fact_score",
               "centre", "clause", "text"]
FACT_COLS = ["fact", "label", "n_outlets", "n_articles", "n_sentences", "own_voice_outlets", "first_published",
             "first_article", "first_outlet", "negated"]


def voice(text: str, quoted_share: float) -> str:
    """quote, attributed or own voice (see the module doc)."""
    if quoted_share >= 0.5:
        return "quote"
    return "attributed" if features.attributed(text) else "own voice"


def from_sentences(sent: pd.DataFrame, published: dict | None = None, use_embedding: bool = True,
                   published_utc: dict | None = None) -> pd.DataFrame:
    """The member table (``MEMBER_COLS``) of a sentence table with ``article_id``, ``outlet``,
    ``sent_idx``, ``part``, ``position``, ``text`` (and ``n_words``, ``n_quoted`` when present):
    every sentence that belongs to a fact, in fact order then article order. The rows stay integer
    positions into ``sent`` (:func:`.grouping.memberships`) until the end: the order is found on them,
    a sentence's voice is read once however many facts it is in, and each column is joined once."""
    u = grouping.memberships(sent, use_embedding=use_embedding)
    u = u[u["fact"] >= 0]
    base = sent.reset_index(drop=True)
    # fact order, then article order (a stable sort: ties keep the row order, as sorting the joined table did)
    rank = np.empty(len(base), dtype=np.int64)
    rank[base[["article_id", "sent_idx"]].sort_values(["article_id", "sent_idx"], kind="mergesort").index.to_numpy()] = \
        np.arange(len(base))
    order = np.lexsort((rank[u["_row"].to_numpy(dtype=np.int64)], u["fact"].to_numpy(dtype=np.int64)))
    u = u.iloc[order]
    rows = u["_row"].to_numpy(dtype=np.int64)
    if "n_quoted" in base and "n_words" in base:
        share = (base["n_quoted"] / base["n_words"].clip(lower=1)).to_numpy()
    else:
        share = np.zeros(len(base))
    texts = base["text"].to_numpy()
    said = arrays.distinct(rows)                                   # a sentence's voice once, whatever its facts
    of = dict(zip(said.tolist(), (voice(texts[r], share[r]) for r in said)))
    col = {c: base[c].take(rows).reset_index(drop=True) for c in ("article_id", "outlet", "sent_idx", "part", "position", "text")}
    art = col["article_id"]
    out = pd.DataFrame({
        "fact": u["fact"].to_numpy(), **{c: col[c] for c in ("article_id", "outlet")},
        "published": art.map(published or {}),
        "published_utc": pd.to_datetime(art.map(published_utc or {}), utc=True),
        **{c: col[c] for c in ("sent_idx", "part", "position")},
        "voice": [of[r] for r in rows.tolist()], "fact_score": u["fact_score"].to_numpy(),
        "centre": u["centre"].to_numpy(), "clause": u["clause"].to_numpy(), "text": col["text"]})
    return out[MEMBER_COLS]


@story_table
def members(story: Story) -> pd.DataFrame:
    """Every sentence of the story that belongs to a discovered fact (``MEMBER_COLS``)."""
    a = story.articles
    utc = dict(zip(a["id"], a["published_utc"])) if "published_utc" in a else None
    return from_sentences(tables.sentences(story), dict(zip(a["id"], a["published"])), published_utc=utc)


def in_time_order(g: pd.DataFrame) -> pd.DataFrame:
    """Rows in publication order: by day (a time with its zone on its UTC day: 23:30 in New York on the 15th
    comes after 01:00 UTC on the 16th; a date alone on the day written), on a day zoned times first by
    instant, then by article id; undated last."""
    return g.iloc[time_order(g)]


def time_order(g: pd.DataFrame) -> np.ndarray:
    """The positions of ``g``'s rows in :func:`in_time_order`'s order (a stable sort of the three keys
    alone: the table itself is not copied)."""
    day = pd.to_datetime(g["published"])
    if "published_utc" in g:
        utc = pd.to_datetime(g["published_utc"], utc=True)
        day = utc.dt.tz_convert(None).dt.normalize().where(utc.notna(), day)
    else:
        utc = pd.Series(pd.NaT, index=g.index, dtype="datetime64[ns, UTC]")
    keyed = pd.DataFrame({"_day": day.array, "_utc": utc.array, "article_id": g["article_id"].array})
    return keyed.sort_values(["_day", "_utc", "article_id"], kind="mergesort", na_position="last").index.to_numpy()


@story_table
def summarise(m: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """One row per fact carried by at least ``min_articles`` articles (``FACT_COLS``), largest first:
    label = the centre clause (or, when that is a question, the commonest clause that is not), first appearance = the earliest published
    article (article order breaks ties), negated = the label denies. Cached on disk by the member
    table's content (a loop over facts: seconds on a large story, asked by notebooks 07 and 08)."""
    if m.empty:
        return pd.DataFrame(columns=FACT_COLS)
    size = m.groupby("fact")["article_id"].nunique()
    cols = ["fact", "centre", "clause", "voice", "outlet", "article_id", "published"] + \
        (["published_utc"] if "published_utc" in m else [])
    keep = m.loc[m["fact"].isin(size[size >= min_articles].index).to_numpy(), cols].reset_index(drop=True)
    # publication order sorted once for every fact (a stable sort: within a fact, the fact's own order)
    rank = np.empty(len(keep), dtype=np.int64)
    rank[time_order(keep)] = np.arange(len(keep))
    rank = rank.tolist()
    col = {c: keep[c].tolist() for c in cols[:7]}
    codes, uniques = pd.factorize(keep["fact"], sort=False)   # facts in order of first appearance ...
    at = np.argsort(codes, kind="stable")                    # ... rows in table order
    cut = np.flatnonzero(np.diff(codes[at])) + 1
    rows = []
    for f, idx in zip(uniques.tolist(), (a.tolist() for a in np.split(at, cut) if len(a))):
        clause = col["clause"]
        centre = [i for i in idx if col["centre"][i]]
        label = clause[(centre or idx)[0]]
        if label.rstrip().endswith("?"):   # a question states nothing: the commonest statement instead
            said = [clause[i] for i in idx if not clause[i].rstrip().endswith("?")]
            if said:
                counts = Counter(said)
                top = max(counts.values())
                label = next(c for c in said if counts[c] == top)   # ties: the first in article order
        first = min(idx, key=rank.__getitem__)
        rows.append({"fact": int(f), "label": label, "n_outlets": _distinct(col["outlet"], idx),
                     "n_articles": _distinct(col["article_id"], idx), "n_sentences": len(idx),
                     "own_voice_outlets": _distinct(col["outlet"], [i for i in idx if col["voice"][i] == "own voice"]),
                     "first_published": col["published"][first], "first_article": col["article_id"][first],
                     "first_outlet": col["outlet"][first], "negated": features.negated(label)})
    out = pd.DataFrame(rows, columns=FACT_COLS)
    return out.sort_values(["n_outlets", "n_articles", "fact"], ascending=[False, False, True],
                           kind="mergesort").reset_index(drop=True)


def _distinct(values: list, idx: list[int]) -> int:
    """How many distinct values ``values`` holds at ``idx``, missing ones not counted (pandas' nunique)."""
    return len({values[i] for i in idx if not pd.isna(values[i])})


def facts(story: Story, min_articles: int = 2) -> pd.DataFrame:
    """The story's discovered facts (:func:`summarise` of :func:`members`)."""
    return summarise(members(story), min_articles)
