"""Figure builders for the analysis notebooks. Each returns (figure, the tidy data drawn), ready for
:meth:`presslens.notebook.setup.Context.save`. Colours come from the story's full outlet list, so an outlet has
the same colour in every notebook.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.ticker import PercentFormatter
import numpy as np
import pandas as pd

from presslens.story.model import Story
from . import style
from .style import dagger, heatmap, note_figure, outlet_label, outlets_of, shown_note


PROFILE_PANELS = [("words_per_article", "words per article"), ("reading_ease", "Flesch reading ease"),
                  ("narration_tone", "tone of its narration (VADER)"), ("loaded_per_1000", "loaded words / 1,000"),
                  ("n_voices", "voices quoted"), ("anonymous_sources", "anonymous sources"),
                  ("reuse_share", "narration found in another outlet"),
                  ("claims_share", "share of the claims carried")]


def profile_panels(story: Story, table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Small multiples from :func:`presslens.analyses.profiles.profiles`: one panel per measure, one bar per
    outlet in its colour, so outlets can be compared measure by measure."""
    style.use_style()
    every, outlets = outlets_of(story, table)
    t = table.set_index("outlet").loc[outlets]
    colors = style.outlet_colors(list(story.all_outlets or story.outlets))
    panels = [(c, label) for c, label in PROFILE_PANELS if t[c].notna().any()]
    ncol = 4
    nrow = -(-len(panels) // ncol)
    # every outlet on one scale per measure (pages would give each its own): past 40 outlets the bars narrow
    bar = 0.32 if len(outlets) <= 40 else max(0.2, 0.32 * 40 / len(outlets))
    fig, axes = plt.subplots(nrow, ncol, figsize=(3.2 * ncol, bar * len(outlets) * nrow + 1.3 * nrow), squeeze=False)
    y = np.arange(len(outlets))
    for ax, (col, label) in zip(axes.flat, panels):
        vals = t[col].astype(float).to_numpy()
        ax.barh(y, np.nan_to_num(vals), color=[colors.get(o, "0.5") for o in outlets])
        ax.set_yticks(y, [outlet_label(story, o) for o in outlets] if ax in axes[:, 0] else [""] * len(outlets), fontsize=8)
        ax.invert_yaxis()
        ax.set_title(label, fontsize=9)
        ax.tick_params(axis="x", labelsize=7)
        if col.endswith("_share"):  # shares share one scale, 0 to 100%: a 0.6% share stays a sliver
            ax.set_xlim(0, 1)
            ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        if col == "narration_tone":  # centred on zero, as wide on both sides
            ax.axvline(0, color="0.4", lw=0.6)
            reach = float(np.nanmax(np.abs(vals))) if np.isfinite(vals).any() else 0.0
            reach = max(reach * 1.15, 0.05)
            ax.set_xlim(-reach, reach)
    for ax in list(axes.flat)[len(panels):]:
        ax.axis("off")
    fig.suptitle("Outlet profiles, measure by measure", fontsize=11)
    fig.text(0.01, -0.01, "Every measure comes from the notebook named in the profile table." + dagger(story, outlets),
             fontsize=8, color="0.35")
    shown_note(fig, outlets, every, y=-0.04)
    fig.tight_layout(rect=style.title_rect(fig))
    return fig, table


def framing_similarity(story: Story, sim: pd.DataFrame, groups: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Framing similarity of every pair of outlets (:func:`presslens.analyses.profiles.similarity`) as a
    heatmap, outlets in the order of the clustering (:func:`presslens.analyses.profiles.clusters`), with the
    group of each outlet in its label. The data returned (the CSV) holds the pairs of the outlets
    drawn (``max_outlets``); the similarity table has every pair."""
    style.use_style()
    present = set(sim["outlet_a"])
    order = [o for o in groups.sort_values("order")["outlet"] if o in present]
    shown = story.figure_outlets(order)
    order = [o for o in order if o in shown]
    if len(order) < 2:
        return note_figure("Framing similarity compares outlets: this selection has one outlet."), sim
    drawn = sim
    if len(order) < len(present):  # the pairs drawn only: pivoting 4 million pairs of 2,000 outlets takes seconds
        drawn = sim[sim["outlet_a"].isin(order) & sim["outlet_b"].isin(order)]
    m = drawn.pivot(index="outlet_a", columns="outlet_b", values="framing").reindex(index=order, columns=order)
    cl = dict(zip(groups["outlet"], groups["cluster"]))
    labels = [f"{outlet_label(story, o)} [{cl.get(o, '')}]" for o in order]
    # one matrix (its blocks are the groups: pages would cut them), cells narrowed past 40 outlets
    n = len(order)
    fig, ax = plt.subplots(figsize=((0.6 if n <= 40 else max(0.42, 24 / n)) * n + 3.5, 0.5 * n + 2))
    heatmap(ax, m.set_axis(labels, axis=0).set_axis(labels, axis=1), None, "Greens", 0.0, 1.0, ".2f",
             diverging=False)
    ax.set_title("Which outlets told the story alike (framing similarity; [group])")
    fig.text(0.01, -0.02, "Mean of: claims carried (Jaccard), voices quoted (overlap of shares), loaded words in "
             "narration (cosine). Groups: average-linkage clustering.", fontsize=8, color="0.35")
    shown_note(fig, shown, list(groups["outlet"]), y=-0.06)
    fig.tight_layout()
    # all pairs of 2,000 outlets are 4 million rows: the CSV keeps the pairs drawn; profiles.similarity() has them all
    return fig, drawn
