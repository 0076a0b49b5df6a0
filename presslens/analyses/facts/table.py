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

import pandas as pd

from presslens.analyses.facts import features, grouping
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
    return "attributed" if features.marks(text)["attributed"] else "own voice"


def from_sentences(sent: pd.DataFrame, published: dict | None = None, use_embedding: bool = True,
                   published_utc: dict | None = None) -> pd.DataFrame:
    """The member table (``MEMBER_COLS``) of a sentence table with ``article_id``, ``outlet``,
    ``sent_idx``, ``part``, ``position``, ``text`` (and ``n_words``, ``n_quoted`` when present):
    every sentence that belongs to a fact, in fact order then article order."""
    d = grouping.discover(sent, use_embedding=use_embedding)
    d = d[d["fact"] >= 0]
    if "n_quoted" in d and "n_words" in d:
        share = (d["n_quoted"] / d["n_words"].clip(lower=1)).tolist()
    else:
        share = [0.0] * len(d)
    d = d.assign(voice=[voice(t, q) for t, q in zip(d["text"], share)],
                 published=d["article_id"].map(published or {}),
                 published_utc=pd.to_datetime(d["article_id"].map(published_utc or {}), utc=True))
    return d.sort_values(["fact", "article_id", "sent_idx"], kind="mergesort")[MEMBER_COLS].reset_index(drop=True)


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
    day = pd.to_datetime(g["published"])
    if "published_utc" in g:
        utc = pd.to_datetime(g["published_utc"], utc=True)
        day = utc.dt.tz_convert(None).dt.normalize().where(utc.notna(), day)
    else:
        utc = pd.Series(pd.NaT, index=g.index, dtype="datetime64[ns, UTC]")
    keyed = g.assign(_day=day, _utc=utc)
    return keyed.sort_values(["_day", "_utc", "article_id"], kind="mergesort", na_position="last").drop(columns=["_day", "_utc"])


@story_table
def summarise(m: pd.DataFrame, min_articles: int = 2) -> pd.DataFrame:
    """One row per fact carried by at least ``min_articles`` articles (``FACT_COLS``), largest first:
    label = the centre clause (or, when that is a question, the commonest clause that is not), first appearance = the earliest published
    article (article order breaks ties), negated = the label denies. Cached on disk by the member
    table's content (a loop over facts: seconds on a large story, asked by notebooks 07 and 08)."""
    if m.empty:
        return pd.DataFrame(columns=FACT_COLS)
    size = m.groupby("fact")["article_id"].nunique()
    keep = m[m["fact"].isin(size[size >= min_articles].index)].reset_index(drop=True)
    # publication order sorted once for every fact (a stable sort: within a fact, the fact's own order)
    rank = [0] * len(keep)
    for r, i in enumerate(in_time_order(keep).index):
        rank[i] = r
    col = {c: keep[c].tolist() for c in ("fact", "centre", "clause", "voice", "outlet", "article_id", "published")}
    groups: dict = {}
    for i, f in enumerate(col["fact"]):  # facts in order of first appearance, rows in table order
        groups.setdefault(f, []).append(i)
    rows = []
    for f, idx in groups.items():
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
