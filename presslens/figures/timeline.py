"""The story over time: articles per day, stacked by outlet (or any group), the undated apart.

Draws the table of :func:`presslens.analyses.timeline.per_day`; computes nothing of its own.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from presslens.story.model import Story, short
from . import style
from .style import note_figure, shown_note

OTHERS = "other outlets"
LEGEND_ROWS = 20  # outlets in a column of the legend (60 outlets: three columns)
MAX_DAYS = 90  # a longer span draws only the days with articles (the title says so)


def articles_per_day(story: Story, table: pd.DataFrame, by: str = "outlet", note: str = ""
                     ) -> tuple[plt.Figure, pd.DataFrame]:
    """Bars of articles per day (the local day each article gives), stacked by group, and one bar
    "undated" apart, from :func:`presslens.analyses.timeline.per_day`; ``note`` (its
    :func:`~presslens.analyses.timeline.undated_note`) is printed under the figure. Grouped by outlet,
    at most ``max_outlets`` outlets get their own colour (the rule is said under the figure), the rest
    are stacked as "other outlets"; the data returned is the whole table."""
    style.use_style()
    if table.empty:
        return note_figure("The story has no articles to place in time."), table
    every = list(dict.fromkeys(table["group"]))
    present = set(every)  # once, not per outlet
    if by == "outlet":
        shown = story.figure_outlets([o for o in story.outlets if o in present])
        colors = style.outlet_colors(story.color_order)
    else:
        shown = every
        colors = style.outlet_colors(every)
    t = table.assign(_g=table["group"].where(table["group"].isin(set(shown)), OTHERS))
    colors = {**colors, OTHERS: "0.75"}
    dated = t[t["dated"]]
    days = sorted(pd.Timestamp(d) for d in dated["day"].unique())
    gaps = bool(days) and (days[-1] - days[0]).days >= MAX_DAYS
    if days and not gaps:  # every calendar day from the first to the last, days without articles at zero
        days = list(pd.date_range(days[0], days[-1], freq="D"))
    labels = [pd.Timestamp(d).strftime("%Y-%m-%d") for d in days] + (["undated"] if (~t["dated"]).any() else [])
    x = list(range(len(labels)))
    fig, ax = plt.subplots(figsize=(max(5.5, 0.5 * len(labels) + 3.5), 3.8))
    bottom = [0] * len(labels)
    for g in [*shown, OTHERS]:
        rows = t[t["_g"] == g]
        if rows.empty:
            continue
        per = rows[rows["dated"]].groupby("day")["articles"].sum()
        heights = [int(per.get(d, 0)) for d in days] + ([int(rows.loc[~rows["dated"], "articles"].sum())]
                                                        if len(labels) > len(days) else [])
        ax.bar(x, heights, bottom=bottom, color=colors.get(g, "0.5"), label=short(g, 30),
               edgecolor="white", linewidth=0.5)
        bottom = [b + h for b, h in zip(bottom, heights)]
    if len(labels) > len(days):
        ax.axvline(len(days) - 0.5, color="0.6", lw=0.8, ls="--")
    step = max(1, len(labels) // 20)
    ax.set_xticks(x[::step], labels[::step], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("articles")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(f"Articles per day, by {by} (the day each article gives, local)"
                 + ("\ndays without articles left out" if gaps else ""))
    entries = len(ax.get_legend_handles_labels()[1])  # a legend taller than the figure breaks its layout:
    ax.legend(fontsize=7, frameon=False, bbox_to_anchor=(1.01, 1), loc="upper left",  # columns of LEGEND_ROWS
              ncol=max(1, -(-entries // LEGEND_ROWS)))
    fig.tight_layout()
    if by == "outlet":
        shown_note(fig, shown, [o for o in story.outlets if o in present], y=-0.02)
    if note:
        fig.text(0.01, -0.12 if by == "outlet" and len(shown) < len(every) else -0.02,
                 "\n".join(textwrap.wrap(note, max(60, int(fig.get_figwidth() * 14)))), fontsize=8, color="0.35",
                 va="top")
    return fig, table
