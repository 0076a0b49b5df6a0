"""Who carried each claim (or discovered fact) first, and how it spread: the first mention per outlet
(or per any group of the articles), in time order.

For each item (a story.yaml claim as :func:`presslens.analyses.claims.hits` finds it, or a fact of
:func:`presslens.analyses.facts.members`) and each outlet carrying it, the outlet's first article
carrying it: its date and, where the article gives them, time of day and zone
(:mod:`presslens.story.when`), and the sentence. The outlets are then put in time order:

- ``day_rank``: 1 for the first day on which the item appears, 2 for the next day it reached another
  outlet, and so on (undated articles have none and come last: their place is unknown); a time with its
  zone counts on its UTC day (23:30 in New York on the 15th is the 16th, ranked with 01:00 UTC on the 16th
  and after it), a date alone on the day written;
- ``order``: on one day, first mentions whose articles give a time with its zone are ordered by it
  ("by time of day", ``time_rank`` 1, 2...); a mention without a time, or without its zone, is
  unordered against the others of its day, and said to be ("same day: order within the day
  unknown"; the timed ones say their order against it is unknown).
- ``first``: the mention is the first dated one, or may be: no other dated mention is surely earlier
  (by date, or by the instant when both give a time with its zone: an evening in New York can follow
  a morning in Beijing of the next day); an undated mention may still have come earlier, and the
  findings say so.

``by`` names a column of the articles table (``outlet`` by default, or an attribute joined onto the
articles: a country, a kind of outlet); a missing value is the group ``unknown``.
"""
from __future__ import annotations

import bisect

import pandas as pd

from presslens.engine.memo import story_table
from presslens.story import when as clock
from presslens.story.model import Story
from . import claims as claims_mod
from .facts import table as facts_table
from .findings.common import MAX_NAMES, extremes, tied
from .timeline import groups

SPREAD_COLS = ["item", "group", "article_id", "outlet", "published", "published_time", "published_offset",
               "precision", "day_rank", "time_rank", "first", "order", "articles_carrying", "part", "sentence"]
SUMMARY_COLS = ["item", "groups", "first_day", "first", "first_order", "last_day", "days_to_last", "undated"]


def first_mentions(story: Story, hits: pd.DataFrame, item: str, text: str = "sentence", by: str = "outlet",
                   articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """From ``hits`` (one row per item and article sentence: columns ``item``, ``article_id``,
    ``sent_idx``, ``part`` and ``text``), the first mention of each item per group, in time order
    (``SPREAD_COLS``; see the module docstring)."""
    a = story.articles if articles is None else articles
    if hits.empty:
        return pd.DataFrame(columns=SPREAD_COLS)
    group = dict(zip(a["id"], groups(a, by, story)))
    outlet = dict(zip(a["id"], a["outlet"]))
    times = clock.of_articles(a)
    rank = {aid: i for i, aid in enumerate(a["id"])}
    h = hits[hits["article_id"].isin(set(group))]
    h = h.sort_values(["article_id", "sent_idx"], kind="stable").drop_duplicates([item, "article_id"])
    rows = []
    for it, g in h.groupby(item, sort=False):
        mentions: dict[str, list] = {}
        for r in g.itertuples(index=False):
            mentions.setdefault(group[r.article_id], []).append(r)
        carrying = {grp: len(rs) for grp, rs in mentions.items()}
        first = {grp: _earliest(rs, times, rank) for grp, rs in mentions.items()}
        chosen = sorted(first.items(), key=lambda kv: kv[1][0])
        rows.extend(_ranked(it, chosen, times, outlet, carrying, text))
    out = pd.DataFrame(rows, columns=SPREAD_COLS)
    out["published"] = pd.to_datetime(out["published"])
    for c in ("day_rank", "time_rank"):
        out[c] = out[c].astype("Int64")
    out["first"] = out["first"].astype(bool)
    out["articles_carrying"] = out["articles_carrying"].astype("int64")
    return out


def _earliest(rows: list, times: dict, rank: dict) -> tuple:
    """``(sort key, row)`` of a group's first mention: among its mentions that no other of the group's
    surely precedes (the rule of :func:`presslens.story.when.order`: two zoned times by instant, else by
    local day; an evening dated the 15th in New York follows a morning dated the 16th in Beijing), the
    one of smallest :func:`_key`. Linear in the group's mentions."""
    ws = [times[r.article_id] for r in rows]
    inst = [w.instant if w is not None else None for w in ws]
    zoned = [i for i in inst if i is not None]
    first_instant = min(zoned) if zoned else None
    unzoned_days = [w.order_day for w, i in zip(ws, inst) if w is not None and i is None]
    first_unzoned = min(unzoned_days) if unzoned_days else None
    first_day = min((w.order_day for w in ws if w is not None), default=None)

    def preceded(w, i) -> bool:
        if w is None:
            return False
        if i is not None:
            return i > first_instant or (first_unzoned is not None and first_unzoned < w.order_day)
        return first_day < w.order_day

    keep = [r for r, w, i in zip(rows, ws, inst) if not preceded(w, i)] or rows
    return min(((_key(times[r.article_id], rank[r.article_id]), r) for r in keep), key=lambda kr: kr[0])


def _key(w: clock.When | None, rank: int) -> tuple:
    """A sort key: undated last; by day (a zoned time on its UTC day, :attr:`presslens.story.when.When.order_day`);
    on a day, zoned times first by instant, then the rest; then story order."""
    if w is None:
        return (1, pd.Timestamp.max, 1, pd.Timestamp.max.tz_localize("UTC"), rank)
    inst = w.instant
    return (0, pd.Timestamp(w.order_day), 0 if inst is not None else 1,
            inst if inst is not None else pd.Timestamp.max.tz_localize("UTC"), rank)


def _ranked(it, chosen: list, times: dict, outlet: dict, carrying: dict, text: str) -> list[dict]:
    """The rows of one item's first mentions ``chosen`` (one per group, in time order). Linear in them:
    each day's mentions and the earliest of the first days are gathered once, not looked up per mention."""
    ws = [times[r.article_id] for _, (_, r) in chosen]
    inst = [w.instant if w is not None else None for w in ws]
    day = [w.order_day if w is not None else None for w in ws]
    days = sorted({d for d in day if d is not None})
    day_rank = {d: i + 1 for i, d in enumerate(days)}
    on_day: dict = {}  # day -> the mentions on it (each group's one article)
    for k, d in enumerate(day):
        if d is not None:
            on_day.setdefault(d, []).append(k)
    instants = {d: sorted({inst[k] for k in ks if inst[k] is not None}) for d, ks in on_day.items()}
    n_zoned = {d: sum(inst[k] is not None for k in ks) for d, ks in on_day.items()}

    # who may be first: no other mention is surely earlier. Only the first three calendar days can hold it:
    # offsets span 26 hours (-12:00 to +14:00), so 00:30 on the 17th at +14:00 precedes 23:30 on the 15th at -12:00
    def near(k: int) -> bool:
        return day[k] is not None and (day[k] - days[0]).days <= 2
    early = [k for k in range(len(ws)) if near(k)]
    # surely earlier (presslens.story.when.order): two zoned times by instant, any other pair by day
    first_instant = min((inst[k] for k in early if inst[k] is not None), default=None)
    first_unzoned_day = min((day[k] for k in early if inst[k] is None), default=None)
    first_day = min((day[k] for k in early), default=None)

    def preceded(k: int) -> bool:
        if inst[k] is None:
            return first_day < day[k]
        return ((first_instant is not None and first_instant < inst[k])
                or (first_unzoned_day is not None and first_unzoned_day < day[k]))
    rows = []
    for k, (grp, (_, r)) in enumerate(chosen):
        w = ws[k]
        n_same = len(on_day[day[k]]) - 1 if w is not None else 0  # the others on its day
        zoned = n_zoned[day[k]] - (inst[k] is not None) if w is not None else 0
        if w is None:
            time_rank, order = None, "undated: its place in the order is unknown"
        elif not n_same:
            time_rank, order = None, "alone on its day"
        elif inst[k] is not None and zoned:
            time_rank = 1 + bisect.bisect_left(instants[day[k]], inst[k])  # distinct earlier instants that day
            order = "by time of day" + ("" if zoned == n_same else
                                        "; against the same day's mentions without a zoned time: unknown")
        else:
            time_rank, order = None, "same day: order within the day unknown"
        first = near(k) and not preceded(k)
        rows.append({"item": it, "group": grp, "article_id": r.article_id, "outlet": outlet[r.article_id],
                     "published": pd.Timestamp(w.day) if w else None, "published_time": w.clock if w else None,
                     "published_offset": w.zone if w else None, "precision": w.precision if w else None,
                     "day_rank": day_rank.get(day[k]) if w else None, "time_rank": time_rank, "first": first,
                     "order": order, "articles_carrying": carrying[grp], "part": r.part, "sentence": getattr(r, text)})
    return rows


@story_table
def claim_spread(story: Story, h: pd.DataFrame | None = None, by: str = "outlet",
                 articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`first_mentions` of every story.yaml claim (``h``: :func:`presslens.analyses.claims.hits`).
    Cached on disk by the story, the hits' content and the arguments (a loop over hits: notebook 07's
    warm kernel read it)."""
    h = claims_mod.hits(story) if h is None else h
    return first_mentions(story, h, "claim", "sentence", by, articles).rename(columns={"item": "claim"})


def fact_spread(story: Story, m: pd.DataFrame | None = None, facts: list | None = None, by: str = "outlet",
                articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`first_mentions` of discovered facts (``m``: :func:`presslens.analyses.facts.members`;
    ``facts``: the fact ids to keep, e.g. the top rows of ``facts.summarise``; None keeps every fact)."""
    m = facts_table.members(story) if m is None else m
    if facts is not None:
        m = m[m["fact"].isin(set(facts))]
    return first_mentions(story, m, "fact", "text", by, articles).rename(columns={"item": "fact"})


def summary(spread: pd.DataFrame, item: str = "claim") -> pd.DataFrame:
    """One row per item (``SUMMARY_COLS``): how many groups carry it, the first day and who was (or may
    have been) first, the day the last dated group took it up, the days between, the undated groups."""
    rows = []
    for it, g in spread.groupby(item, sort=False):
        dated = g[g["published"].notna()]
        firsts = g[g["first"]]
        order = "" if len(firsts) <= 1 else "same day: order within the day unknown"
        start = firsts["published"].min() if len(firsts) else pd.NaT  # the first's own day (by instant it may
        end = dated["published"].max() if len(dated) else pd.NaT      # be the day after another's evening)
        rows.append({item: it, "groups": len(g), "first_day": start,
                     "first": ", ".join(firsts["group"]), "first_order": order, "last_day": end,
                     "days_to_last": max(0, int((end - start).days)) if len(dated) else None,
                     "undated": int(g["published"].isna().sum())})
    out = pd.DataFrame(rows, columns=[item, *SUMMARY_COLS[1:]])
    out["days_to_last"] = out["days_to_last"].astype("Int64")
    return out


def _names(items: list[str], limit: int = 8) -> str:
    shown = ", ".join(map(str, items[:limit]))
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def findings(spread: pd.DataFrame, item: str = "claim", by: str = "outlet") -> list[str]:
    """Sentences from :func:`claim_spread` (or :func:`fact_spread`) and its :func:`summary`. "First" is
    said of the dated mentions only: an undated one may have come earlier, and a sentence says so."""
    s = summary(spread, item)
    if s.empty:
        return [f"No {item} is carried by any article: nothing spread (table: spread)."]
    out = []
    dated = s[s["first_day"].notna()]
    firsts = spread[spread["first"]].groupby(item, sort=False)["group"].apply(list)  # each item's first groups, listed
    for (first, day, order), g in dated.groupby(["first", "first_day", "first_order"], sort=False):
        how = f" ({order})" if order else ""
        who = _names(firsts.get(g[item].iloc[0], [first]), MAX_NAMES)  # 60 outlets on one day: ten, then a count
        out.append(f"Earliest dated mention on {day:%Y-%m-%d} by {who}{how}: {len(g)} {item}(s), "
                   f"{_names(list(g[item]))} (table: spread, column first).")
    never = list(s.loc[s["first_day"].isna(), item])
    if never:
        out.append(f"Carried only by undated articles, so who was first is unknown: {_names(never)} (table: spread).")
    open_ = dated[dated["undated"] > 0]
    if len(open_):
        who = sorted(set(spread.loc[spread["published"].isna() & spread[item].isin(set(open_[item])), "group"]))
        out.append(f"{len(open_)} of {len(dated)} dated {item}(s) are also carried by undated {by}(s) ({_names(who)}), "
                   "any of which may have been earlier (table: spread, column order).")
    wide = dated[dated["groups"] - dated["undated"] > 1]
    if len(wide):
        slow = extremes(wide.assign(_d=pd.to_numeric(wide["days_to_last"], errors="coerce").astype(float)), "_d")
        top = slow.iloc[0] if len(slow) else None
        if top is not None and int(top["days_to_last"]) == 0:
            out.append(f"Every {item} carried by several dated {by}s reached all of them on its first day (by date; "
                       "the order within a day is in the published times) (table: spread).")
        elif top is not None and len(slow) == 1:
            n = int(top["groups"] - top["undated"])
            out.append(f"Slowest spread among dated {by}s: {top[item]} reached "
                       f"the last of its {n} dated {by}s {int(top['days_to_last'])} day(s) after the first"
                       + (" (few dated outlets: weak evidence)" if n < 3 else "") + " (table: spread).")
        elif top is not None:  # tied: weak evidence when every one of them rests on fewer than 3 dated groups
            few = int((slow["groups"] - slow["undated"]).max()) < 3
            out.append(f"Slowest spread among dated {by}s, {int(top['days_to_last'])} day(s) from the first to the last: "
                       f"{tied(list(slow[item]), 8)}" + (f" (few dated {by}s: weak evidence)" if few else "")
                       + " (table: spread).")
    return out
