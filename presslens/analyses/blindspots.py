"""Blind spots: what one group of outlets carries and another leaves out (or barely carries).

Three kinds of item are compared across the groups of ``group_by`` (see
:func:`presslens.story.grouping.article_groups`; None: each outlet its own group):

- ``claim``: a claim of story.yaml, found by its patterns (:func:`presslens.analyses.claims.hits`);
- ``speaker``: a person (or actor) quoted directly or indirectly (:func:`presslens.analyses.quotes.quotes`);
- ``passage``: a passage of ten or more words shared word for word by two articles
  (:func:`presslens.analyses.reuse.analyse`), the same text counting as one item wherever it appears.

A group *carries* an item when more than ``rare`` of its outlets carry it in at least one article;
the item is a blind spot of another group when at most ``rare`` of that group's outlets carry it:
``absent`` when none does, ``rare`` otherwise. The default :data:`RARE` = 0.2 (one outlet in five)
makes "rare" possible only in groups of five outlets or more; with ``rare=0`` the table lists
absences only. The unit is the outlet, not the article, so an outlet that ran ten articles counts
once. Every row carries the sentences behind it (``sentences``: "outlet: sentence" of every
carrying article of the carrying group), so a cell can be read, not only counted.

An absence is an absence of what these detectors find: a claim worded so that its patterns miss,
a quote without a found speaker or a passage reworded past word-for-word matching is not counted.
"""
from __future__ import annotations

import pandas as pd

from presslens.analyses import claims as claims_mod, quotes
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.story.grouping import article_groups
from .groups import order

RARE = 0.2  # a group carrying an item in at most this share of its outlets leaves it out ("rare"; 0: "absent")
KINDS = ("claim", "speaker", "passage")
COLUMNS = ["kind", "item", "text", "carried_by", "carriers", "share_carried", "n_articles", "missing_in",
           "share_missing", "status", "example", "sentences"]


def _claim_rows(story: Story, hits: pd.DataFrame | None) -> list[dict]:
    h = claims_mod.hits(story) if hits is None else hits
    text = {c.id: c.text for c in story.claims}
    return [{"kind": "claim", "item": r.claim, "text": text.get(r.claim, r.claim), "article_id": r.article_id,
             "outlet": r.outlet, "sentence": r.sentence} for r in h.itertuples(index=False)]


def _speaker_rows(story: Story, q: pd.DataFrame | None) -> list[dict]:
    q = quotes.quotes(story) if q is None else q
    q = q[q["kind"].isin(["direct", "indirect"]) & q["speaker"].notna()]
    return [{"kind": "speaker", "item": r.speaker, "text": r.speaker + (f" ({r.actor})" if isinstance(r.actor, str)
                                                                         and r.actor != r.speaker else ""),
             "article_id": r.article_id, "outlet": r.outlet,
             # reported speech is the writer's wording: never shown inside quotation marks
             "sentence": f"“{r.quote}”" if r.kind == "direct" else f"(reported) {r.quote}"}
            for r in q.itertuples(index=False)]


def _passage_rows(passages: pd.DataFrame | None) -> list[dict]:
    if passages is None or passages.empty:
        return []
    out = []
    for r in passages.itertuples(index=False):
        key = " ".join(str(r.text_a).lower().split())
        for aid, outlet, text in ((r.article_a, r.outlet_a, r.text_a), (r.article_b, r.outlet_b, r.text_b)):
            out.append({"kind": "passage", "item": key[:80], "text": key, "article_id": aid, "outlet": outlet,
                        "sentence": text})
    return out


@story_table
def blind_spots(story: Story, by: str | None, rare: float = RARE, hits: pd.DataFrame | None = None,
                quotes_table: pd.DataFrame | None = None, passages: pd.DataFrame | None = None) -> pd.DataFrame:
    """Items (claims, speakers, shared passages) carried by one group and absent or rare in another.

    ``by``: the grouping (None: outlets). ``rare``: the share of a group's outlets at or below which
    it leaves an item out (see :data:`RARE`). ``hits``, ``quotes_table`` and ``passages`` may pass
    precomputed :func:`claims.hits`, :func:`quotes.quotes` and ``reuse.analyse(story).passages``;
    passages are left out when not given (reuse is a whole-story computation of its own).

    One row per item x carrying group x group leaving it out: kind, item, text, carried_by,
    carriers ("2 of 3 outlets"), share_carried, n_articles (carrying articles of that group),
    missing_in, share_missing, status (absent / rare), example (one sentence behind the cell) and
    sentences (every one, "outlet: sentence").
    """
    groups = article_groups(story, by)
    names = order(story, groups)
    outlet_of = story.articles.set_index("id")["outlet"]
    members = {g: set(zip(groups.index[groups == g], outlet_of[groups.index[groups == g]])) for g in names}
    n_outlets = {g: len({o for _, o in m}) for g, m in members.items()}
    rows = [*_claim_rows(story, hits), *_speaker_rows(story, quotes_table), *_passage_rows(passages)]
    items = pd.DataFrame(rows, columns=["kind", "item", "text", "article_id", "outlet", "sentence"])
    items = items[items["article_id"].isin(groups.index)]
    items = items.assign(group=items["article_id"].map(groups))
    out = []
    for (kind, item), sub in items.groupby(["kind", "item"], sort=False):
        share = {g: sub.loc[sub["group"] == g, "outlet"].nunique() / n_outlets[g] for g in names}
        for g in names:
            if share[g] <= rare:
                continue
            mine = sub[sub["group"] == g].drop_duplicates(["article_id", "sentence"])
            lines = tuple(f"{r.outlet}: {r.sentence}" for r in mine.itertuples(index=False))
            for other in names:
                if other == g or share[other] > rare:
                    continue
                out.append({"kind": kind, "item": item, "text": sub["text"].iat[0], "carried_by": g,
                            "carriers": f"{mine['outlet'].nunique()} of {n_outlets[g]} outlet(s)",
                            "share_carried": share[g], "n_articles": mine["article_id"].nunique(),
                            "missing_in": other, "share_missing": share[other],
                            "status": "absent" if share[other] == 0 else "rare",
                            "example": lines[0] if lines else "", "sentences": lines})
    t = pd.DataFrame(out, columns=COLUMNS)
    rank = {g: i for i, g in enumerate(names)}
    t = t.assign(_k=t["kind"].map(KINDS.index), _g=t["carried_by"].map(rank), _m=t["missing_in"].map(rank))
    return t.sort_values(["_k", "_g", "item", "_m"], kind="mergesort").drop(columns=["_k", "_g", "_m"]).reset_index(drop=True)


def summary(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`blind_spots` counted: one row per carrying group x group leaving out, with the number
    of claims, speakers and passages (the grid a reader scans before the rows)."""
    if table.empty:
        return pd.DataFrame(columns=["carried_by", "missing_in", *KINDS])
    g = table.groupby(["carried_by", "missing_in", "kind"], sort=False).size().unstack("kind", fill_value=0)
    return g.reindex(columns=list(KINDS), fill_value=0).reset_index()


def findings(table: pd.DataFrame, kinds: tuple[str, ...] = KINDS, rare: float = RARE,
             n_groups: int | None = None) -> list[str]:
    """Sentences from :func:`blind_spots`: per kind of item checked (``kinds``), how many items one
    group carries and another leaves out, and the item left out by most groups. ``n_groups``: how
    many groups were compared (with fewer than two there is nothing to leave out)."""
    if n_groups is not None and n_groups < 2:
        return [f"{n_groups} group(s) only: no group can carry what another leaves out (table: blind_spots)."]
    out = []
    for kind in kinds:
        t = table[table["kind"] == kind]
        if t.empty:
            out.append(f"No {kind} is carried by one group and absent or rare (share <= {rare:g}) in another, as far as "
                       f"the {kind} detector finds (table: blind_spots).")
            continue
        most = t.groupby("item", sort=False)["missing_in"].nunique().sort_values(ascending=False, kind="stable")
        item = most.index[0]
        row = t[t["item"] == item].iloc[0]
        n_tied = int((most == most.iloc[0]).sum())  # a tie is said: the first is an example, not the one
        out.append(f"{t['item'].nunique()} {kind}(s) carried by one group and absent or rare in another "
                   f"({len(t)} rows); left out by most groups ({most.iloc[0]})"
                   + (f", {n_tied} {kind}s tied, e.g." if n_tied > 1 else ":") + f" {_short(row.text)!r}, carried by "
                   f"{row.carried_by} ({row.carriers}) (table: blind_spots, column sentences).")
    return out


def _short(text: str, limit: int = 80) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
