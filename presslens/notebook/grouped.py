"""The grouped views a notebook shows for its ``group_by`` parameter (an attribute of outlets.yaml
such as ``"kind"``, or an article's ``"meta.KEY"``; None: each outlet its own group). Each function
takes the notebook's :class:`~presslens.notebook.setup.Context` and returns a table or the lines to
print, so a notebook cell is one call (:mod:`presslens.analyses.groups`,
:mod:`presslens.analyses.blindspots` and :func:`presslens.analyses.keyness.compare` do the work).
"""
from __future__ import annotations

import pandas as pd

from presslens.analyses import blindspots, groups, keyness
from presslens.story.grouping import article_groups, declared, group_names
from presslens.story.outlets import OUTLETS_FILE, UNKNOWN
from .setup import Context


def _by(ctx: Context) -> str | None:
    return getattr(ctx.params, "group_by", None)


def _boot(ctx: Context) -> tuple[int, int]:
    return getattr(ctx.params, "n_boot", 1000), getattr(ctx.params, "seed", 0)


def members(ctx: Context) -> pd.DataFrame:
    """One row per group: its outlets (story order), how many outlets and articles it holds."""
    st, by = ctx.story, _by(ctx)
    g = article_groups(st, by)
    outlet = dict(zip(st.articles["id"], st.articles["outlet"]))
    rank = {o: i for i, o in reversed(list(enumerate(st.outlets)))}  # an outlet's first place in story order
    held: dict = {}  # group -> its article ids (one pass: linear in articles, not groups x outlets)
    for aid, name in g.items():
        held.setdefault(name, []).append(aid)
    rows = []
    for name in groups.order(st, g):
        ids = held.get(name, [])
        outs = sorted({outlet[a] for a in ids if outlet[a] in rank}, key=rank.__getitem__)
        rows.append({"group": name, "n_outlets": len(outs), "n_articles": len(ids), "outlets": ", ".join(outs)})
    return pd.DataFrame(rows, columns=["group", "n_outlets", "n_articles", "outlets"])


def header(ctx: Context, per_outlet: bool = True) -> str:
    """What the grouped tables group by, each group's outlets, and what 'unknown' holds. ``per_outlet``:
    whether the notebook's grouped tables have a per-outlet form (without ``group_by``)."""
    st, by = ctx.story, _by(ctx)
    if by is None or by == "outlet":
        others = [n for n in group_names(st) if n != "outlet"]
        return ("group_by = None: " + ("the grouped tables below are per outlet (each outlet its own group). "
                                      if per_outlet else "nothing to group. ")
                + (f"Set group_by to one of {others} to compare groups of outlets." if others else
                   f"Give outlets attributes (kind, country...) in the story's {OUTLETS_FILE}, or articles "
                   "their own fields under meta:, then set group_by (docs/data-contract.md)."))
    m = members(ctx)
    lines = [f"Grouped by {by!r}: {len(m)} group(s)."]
    lines += [f"  - {r.group}: {r.n_outlets} outlet(s), {r.n_articles} article(s) ({r.outlets})" for r in m.itertuples()]
    if not declared(st, by):
        lines.append(f"  This story declares no {'meta: fields' if by.startswith('meta.') else 'outlet attributes'}: "
                     f"every outlet is {UNKNOWN!r} (add them in {OUTLETS_FILE} or under meta:; nothing is guessed).")
    elif (m["group"] == UNKNOWN).any():
        lines.append(f"  {UNKNOWN!r}: outlets (or articles) without a {by!r} value; shown, never dropped.")
    weak = m[(m["n_outlets"] < groups.MIN_OUTLETS) | (m["n_articles"] < groups.MIN_ARTICLES)]
    if len(weak):
        lines.append(f"  Weak intervals: {', '.join(weak['group'])} (fewer than {groups.MIN_OUTLETS} outlets or "
                     f"{groups.MIN_ARTICLES} articles); the tables mark them (weak).")
    return "\n".join(lines)


def measures(ctx: Context, which: list[str] | None = None) -> pd.DataFrame:
    """Group measures (:data:`presslens.analyses.groups.MEASURES`, or ``which`` of them), one row per
    group, each cell ``value [95% cluster-bootstrap interval]`` marked (weak) where it is."""
    n_boot, seed = _boot(ctx)
    # only the measures asked are computed (a notebook showing tone does not pay for reading ease); named in
    # MEASURES' order, so two notebooks asking the same ones share one cached table
    asked = tuple(m for m in groups.MEASURES if m in set(which or ()))
    t = groups.measures(ctx.story, _by(ctx), n_boot=n_boot, seed=seed, **({"which": asked} if asked else {}))
    if which:
        t = t[t["measure"].isin(which)]
    return groups.wide(t)


def measure_findings(ctx: Context) -> list[str]:
    """:func:`presslens.analyses.groups.findings` of every measure, grouped by ``group_by``."""
    n_boot, seed = _boot(ctx)
    return groups.findings(groups.measures(ctx.story, _by(ctx), n_boot=n_boot, seed=seed))


def voices(ctx: Context) -> pd.DataFrame:
    """Whose words each group quotes (:func:`presslens.analyses.groups.voice_shares`), shares with intervals."""
    n_boot, seed = _boot(ctx)
    return groups.voice_shares(ctx.story, _by(ctx), n_boot=n_boot, seed=seed)


def keyness_pair(ctx: Context, n: int = 8) -> tuple[str, pd.DataFrame]:
    """(a sentence, a table): the words the two groups with most articles (ties: most outlets, then
    story order) use more than each other
    (:func:`presslens.analyses.keyness.compare`, narration), ``n`` a side."""
    m = members(ctx)
    m = m[m["group"] != UNKNOWN].sort_values(["n_articles", "n_outlets"], ascending=False, kind="mergesort")
    if len(m) < 2:
        return ("Fewer than two groups with a known value: no group-against-group keyness.", pd.DataFrame())
    a, b = m["group"].iat[0], m["group"].iat[1]
    t = keyness.compare(ctx.story, a, b, by=_by(ctx), min_count=getattr(ctx.params, "min_count", 3))
    top = pd.concat([t.head(n).assign(side=f"more in {a}"), t.tail(n).iloc[::-1].assign(side=f"more in {b}")])
    top = top[(top["side"].str.endswith(a) & (top["z"] > 0)) | (top["side"].str.endswith(b) & (top["z"] < 0))]
    which = "outlets" if _by(ctx) in (None, "outlet") else "groups"
    return (f"Keyness of {a!r} against {b!r} (the two {which} with most articles; any two outlets or groups: "
            f"keyness.compare(st, a, b, by=...)).", top.reset_index(drop=True))


def blind_spots(ctx: Context, kinds: tuple[str, ...] = blindspots.KINDS, passages: pd.DataFrame | None = None
                ) -> pd.DataFrame:
    """The blind-spot table (:func:`presslens.analyses.blindspots.blind_spots`) for ``kinds`` of item,
    with the sentences behind each row (joined with ' | '). Empty without ``group_by``: outlet against
    outlet, the omissions (07) and reuse pairs (06) already say it, and a table of every item times
    every pair of outlets would grow with the square of the outlets."""
    if _by(ctx) in (None, "outlet"):
        return pd.DataFrame(columns=blindspots.COLUMNS)
    t = blindspots.blind_spots(ctx.story, _by(ctx), passages=passages)
    t = t[t["kind"].isin(kinds)].reset_index(drop=True)
    return t.assign(sentences=t["sentences"].map(" | ".join))


def spot_counts(table: pd.DataFrame) -> pd.DataFrame:
    """The blind-spot rows counted per pair of groups and kind (:func:`presslens.analyses.blindspots.summary`)."""
    return blindspots.summary(table)


def blind_spot_findings(ctx: Context, table: pd.DataFrame, kinds: tuple[str, ...] = blindspots.KINDS) -> list[str]:
    """:func:`presslens.analyses.blindspots.findings` for the kinds this notebook checked."""
    if _by(ctx) in (None, "outlet"):
        return ["group_by = None: no blind-spot table (outlet against outlet, see notebook 07's omissions and "
                "notebook 06's pairs); set group_by to an attribute to compare groups of outlets."]
    return blindspots.findings(table, kinds, n_groups=len(members(ctx)))
