"""Figure builders for the analysis notebooks. Each returns (figure, the tidy data drawn), ready for
:meth:`presslens.notebook.setup.Context.save`. Colours come from the story's full outlet list, so an outlet has
the same colour in every notebook.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from presslens import stats
from presslens.story.model import Story
from . import style
from .style import heatmap, note_figure, outlet_label, outlets_of, shown_note


# ----------------------------------------------------------------------------------------------
# tone


def tone_by_outlet(story: Story, table: pd.DataFrame, sentences: pd.DataFrame, seed: int = 0
                   ) -> tuple[plt.Figure, pd.DataFrame]:
    """Left: every sentence's VADER compound per outlet (the distribution). Right: mean with a 95%
    bootstrap interval for the outlet's own narration and for the quoted material, apart, from
    ``table`` (:func:`presslens.analyses.tone.outlet_tone_by_voice`: computed once by the notebook) and ``sentences`` (:func:`presslens.analyses.tone.sentence_tone`)."""
    style.use_style()
    st_ = sentences
    colors = style.outlet_colors(story.color_order)
    every, outlets = outlets_of(story, st_)
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 0.55 * len(outlets) + 1.8), sharey=True)
    for i, o in enumerate(outlets):
        v = st_.loc[st_["outlet"] == o, "compound"].to_numpy()
        jitter = stats.group_rng(seed, o, "jitter").uniform(-0.18, 0.18, len(v))
        a1.scatter(v, i + jitter, s=14, color=colors[o], alpha=0.6, lw=0)
        a1.plot([np.median(v)] * 2, [i - 0.3, i + 0.3], color="black", lw=1.5)
    a1.axvline(0, color="0.7", lw=0.8)
    for x in (-0.05, 0.05):
        a1.axvline(x, color="0.85", lw=0.6, ls=":")
    a1.set_yticks(range(len(outlets)), [outlet_label(story, o) for o in outlets])
    a1.set_ylim(len(outlets) - 0.5, -0.5)
    a1.set_xlim(-1, 1)
    a1.set_xlabel("VADER compound per sentence (bar: median)")
    a1.set_title("Every sentence")
    rows = []
    for voice, marker, dy in (("narration", "o", -0.12), ("quote", "s", 0.12)):
        t = table[table["voice"] == voice]
        for r in t.itertuples():
            rows.append(r._asdict())  # the CSV: every outlet
            if r.outlet not in outlets:
                continue
            i = outlets.index(r.outlet)
            if r.n_sentences == 0:
                continue
            a2.errorbar(r.mean, i + dy, xerr=[[r.mean - r.ci_low], [r.ci_high - r.mean]], fmt=marker,
                        color=colors[r.outlet], mfc=colors[r.outlet] if voice == "narration" else "white",
                        capsize=2, label=voice if i == 0 else None)
            a2.text(1.01, i + dy, f"n={r.n_sentences}", transform=a2.get_yaxis_transform(), fontsize=7,
                    va="center", ha="left", color="0.4")
    a2.axvline(0, color="0.7", lw=0.8)
    a2.set_xlabel("mean compound, 95% bootstrap interval")
    a2.set_title("Narration (●) vs quoted material (□)")
    fig.text(0.01, -0.02, "† machine-translated: VADER scores the translation. Quotes: the words inside "
             "quotation marks of each sentence; narration: the rest.", fontsize=8, color="0.35")
    shown_note(fig, outlets, every)
    fig.tight_layout()
    data = pd.DataFrame(rows).drop(columns=["Index"], errors="ignore")
    return fig, data


def tone_by_actor(story: Story, table: pd.DataFrame, min_outlets: int = 2) -> tuple[plt.Figure, pd.DataFrame]:
    """Mean tone of the sentences that mention each actor (by any alias or rendering), per outlet,
    from ``table`` (:func:`presslens.tone.actor_tone`); actors mentioned by at least ``min_outlets``
    outlets. Cells show the mean and the number of sentences."""
    style.use_style()
    t = table
    t = t[t["n_sentences"] > 0]
    if t.empty:
        return note_figure("No sentence mentions an actor of story.yaml (add actors and their aliases to see "
                            "the tone of the sentences about each)."), table
    spread = t.groupby("actor")["outlet"].nunique()
    keep = [a.name for a in story.actors if spread.get(a.name, 0) >= min_outlets]
    t = t[t["actor"].isin(keep)]
    every, outlets = outlets_of(story, t)
    mean = t.pivot(index="outlet", columns="actor", values="mean").reindex(index=outlets, columns=keep)
    n = t.pivot(index="outlet", columns="actor", values="n_sentences").reindex(index=outlets, columns=keep)
    mean.index = [outlet_label(story, o) for o in mean.index]
    fig, ax = plt.subplots(figsize=(1.1 * len(keep) + 3, 0.6 * len(outlets) + 1.8))
    im = heatmap(ax, mean, n, "RdBu", -0.6, 0.6, "+.2f")
    fig.colorbar(im, ax=ax, shrink=0.8, label="mean VADER compound")
    ax.set_title("Tone of the sentences that mention each actor")
    shown_note(fig, outlets, every)
    fig.tight_layout()
    return fig, t.reset_index(drop=True)


ARC_MIN_ARTICLES = 3  # articles an outlet needs before its tone arc is drawn: fewer is one article's arc


def tone_arc(story: Story, table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Mean tone by position in the article (lede to end), one line per outlet with its 95% interval
    as a band, from ``table`` (:func:`presslens.analyses.tone.tone_arc`). Only outlets with at least
    :data:`ARC_MIN_ARTICLES` articles are drawn (with fewer the line is one article's arc, not the
    outlet's); when none has that many the figure is a note. The CSV keeps every outlet."""
    style.use_style()
    t = table
    bins = int(t["bin"].nunique()) if "bin" in t and len(t) else 0
    colors = style.outlet_colors(story.color_order)
    counts = story.articles["outlet"].value_counts()
    present = set(t["outlet"])  # once, not per outlet
    enough = [o for o in story.outlets if counts.get(o, 0) >= ARC_MIN_ARTICLES and o in present]
    if not enough:
        return note_figure(f"No tone arc: it needs at least {ARC_MIN_ARTICLES} articles per outlet, and no outlet "
                           f"here has that many (the most: {int(counts.max()) if len(counts) else 0}), so a line "
                           "would be one article's arc, not the outlet's. The CSV has every outlet's slices with "
                           "their intervals."), t
    every, outlets = outlets_of(story, t[t["outlet"].isin(enough)])
    fig, ax = plt.subplots(figsize=(8, 4))
    for o in outlets:
        d = t[(t["outlet"] == o) & (t["n_sentences"] > 0)]
        ax.fill_between(d["bin_mid"], d["ci_low"], d["ci_high"], color=colors[o], alpha=0.15, lw=0)
        ax.plot(d["bin_mid"], d["mean"], marker="o", color=colors[o], label=outlet_label(story, o))
    ax.axhline(0, color="0.7", lw=0.8)
    ax.set_xticks([0.1, 0.3, 0.5, 0.7, 0.9], ["lede", "", "middle", "", "end"])
    ax.set_ylabel("mean VADER compound")
    ax.set_title(f"Tone arc: mean compound in {bins} slices of each article (bands: 95% intervals)")
    ax.legend(fontsize=8, frameon=False, loc="center left", bbox_to_anchor=(1, 0.5))
    drawn = set(enough)
    few = [o for o in story.outlets if o in present and o not in drawn]
    if few:
        fig.text(0.01, -0.01, "\n".join(textwrap.wrap(
            f"Not drawn, fewer than {ARC_MIN_ARTICLES} articles: {len(few)} outlet(s) "
            f"({', '.join(few[:6])}{' and more' if len(few) > 6 else ''}); the CSV has them.", 120)),
            fontsize=8, color="0.35", va="top")
    shown_note(fig, outlets, every, y=-0.08)
    fig.tight_layout()
    return fig, t
