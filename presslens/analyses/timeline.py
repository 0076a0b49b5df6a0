"""The story over time: how many articles each outlet (or any attribute of the articles) published
on each day, with the undated articles counted apart and never dropped.

A day is the article's own local day (front matter ``published``; see :mod:`presslens.story.when`),
never converted to UTC. ``by`` names a column of the articles table: ``outlet`` by default, or any
attribute joined onto it (a language), or an attribute of the story's outlets.yaml (``kind``) or
``meta.KEY`` (the notebooks' ``group_by``); a missing value is the group ``unknown``, counted like any
other. A page captured twice (a duplicate capture the screening leaves out) is one article, counted once.
"""
from __future__ import annotations

import pandas as pd

from presslens.engine import screening
from presslens.errors import ParameterError
from presslens.story.model import Story
from presslens.story.grouping import article_groups, declared
from .findings.common import join

TIMELINE_COLS = ["day", "group", "articles", "dated"]
UNKNOWN = "unknown"


def groups(articles: pd.DataFrame, by: str, story: Story | None = None) -> pd.Series:
    """The ``by`` column of ``articles`` as text, a missing value read as ``unknown``. A name that is not
    a column is, given the ``story``, an outlet attribute of its outlets.yaml or an article's
    ``meta.KEY`` (the notebooks' ``group_by``: :func:`presslens.story.grouping.article_groups`, which
    names the nearest attribute when it is misspelt); otherwise an error naming the columns there are."""
    if by not in articles.columns and story is not None and "id" in articles.columns and declared(story, by):
        g = article_groups(story, by)
        return articles["id"].map(g).fillna(UNKNOWN)
    if by not in articles.columns:
        raise ParameterError.bad("timeline", "by", f"the articles table has no column {by!r}",
                                 f"use one of {', '.join(map(str, articles.columns))}, or join the attribute "
                                 "onto the articles first")
    col = articles[by]
    return col.map(lambda v: UNKNOWN if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v)) or v == ""
                   else str(v))


def per_day(story: Story, by: str = "outlet", articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Articles per day and group (``TIMELINE_COLS``): one row per (day, group) with articles, in day
    order then group order; the undated articles of each group in rows of their own at the end
    (``day`` NaT, ``dated`` False). ``articles`` (default: the story's) may carry extra attribute
    columns to group by. A duplicate capture (:mod:`presslens.engine.screening`) is not counted: it is the same page."""
    a = story.articles if articles is None else articles
    if "id" in a.columns and len(a):
        left = screening.screen(story).left_out
        twice = set(left.loc[left["reason"].str.startswith("duplicate capture"), "article_id"])
        a = a[~a["id"].isin(twice)] if twice else a
    g = groups(a, by, story)
    day = pd.to_datetime(a["published"]).dt.normalize()
    t = pd.DataFrame({"day": day, "group": g, "dated": day.notna()})
    rows = (t.assign(articles=1).groupby(["dated", "day", "group"], dropna=False, sort=False)["articles"].sum()
            .reset_index())
    order = {o: i for i, o in enumerate(dict.fromkeys(g))}
    rows = rows.assign(_o=rows["group"].map(order), _u=~rows["dated"]).sort_values(
        ["_u", "day", "_o"], kind="stable", na_position="last")
    out = rows[TIMELINE_COLS].reset_index(drop=True)
    out["articles"] = out["articles"].astype("int64")
    out["dated"] = out["dated"].astype(bool)
    return out


def undated_note(table: pd.DataFrame) -> str:
    """A sentence naming how many articles have no date (and of which groups), or '' when all are dated."""
    u = table[~table["dated"]]
    if u.empty:
        return ""
    n = int(u["articles"].sum())
    total = int(table["articles"].sum())
    who = join([f"{r.group} ({r.articles})" for r in u.itertuples(index=False)])  # 60 undated outlets: ten, then a count
    return (f"{n} of {total} articles give no publication date and are shown apart as 'undated', not on a day: "
            f"{who}.")


def findings(table: pd.DataFrame, by: str = "outlet") -> list[str]:
    """Sentences from :func:`per_day`'s table: the span, the busiest day, the undated articles."""
    dated = table[table["dated"]]
    out = []
    if dated.empty:
        out.append("No article gives a publication date: there is no timeline to draw (table: timeline).")
    else:
        days = dated.groupby("day")["articles"].sum()
        first, last = days.index.min(), days.index.max()
        busiest = days[days == days.max()]
        span = (last - first).days + 1
        n = int(days.sum())
        k = int(busiest.iloc[0])
        per = f"{k} article{'s' if k != 1 else ''}"
        # a busiest day is said only when some day has fewer: when every day with articles has as many, none is busiest
        most = (f"{per} on each of its {len(days)} days with articles" if len(busiest) == len(days)
                else "most on " + join([f"{d:%Y-%m-%d}" for d in busiest.index]) + f" ({per} a day)")
        out.append(f"{n} dated article{'s' if n != 1 else ''} "
                   + (f"over {span} days ({first:%Y-%m-%d} to {last:%Y-%m-%d}); {most}" if span > 1
                      else f"over 1 day, {first:%Y-%m-%d}")
                   + (" (few articles: the shape of the timeline is weak evidence)" if n < 10 else "")
                   + " (table: timeline).")
        firsts = list(dict.fromkeys(dated[dated["day"] == first]["group"]))
        out.append(f"First dated day ({first:%Y-%m-%d}), by {by}: " + join(firsts)
                   + " (order within a day: see the published times, table: articles).")
    note = undated_note(table)
    if note:
        out.append(note)
    return out
