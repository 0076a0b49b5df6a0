"""What is in the corpus: one row per article, a timeline, lengths and declared provenance."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from presslens.story.model import Story
from . import style


# ----------------------------------------------------------------------------------------------
# figures


def plot_overview(story: Story, table: pd.DataFrame, prov: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Three panels: publication timeline (undated articles shown apart), article lengths split into
    narration and quoted words, and which source each outlet credits, from ``table``
    (:func:`presslens.analyses.corpus.article_table`) and ``prov``
    (:func:`presslens.analyses.corpus.provenance`). Returns (figure, data)."""
    style.use_style()
    t = table
    colors = style.outlet_colors(story.color_order)
    rank = {o: i for i, o in enumerate(story.outlets)}
    t = t.sort_values("outlet", key=lambda s: s.map(rank), kind="stable").reset_index(drop=True)
    full_table = t
    shown = story.figure_outlets(list(dict.fromkeys(t["outlet"])))
    t = t[t["outlet"].isin(shown)].head(style.MAX_ROWS).reset_index(drop=True)
    sources = sorted(set(prov["credits"]))
    fig, axes = plt.subplots(1, 3, figsize=(13, 0.45 * len(t) + 2.2), sharey=True,
                             gridspec_kw={"width_ratios": [1.3, 1.2, 0.5 + 0.35 * max(1, len(sources))]})
    names = story.labels
    labels = [names[a] + ("" if m else " ✕") for a, m in zip(t["article_id"], t["measured"])]
    y = range(len(t))

    ax = axes[0]
    dates = pd.to_datetime(t["published"].where(t["published"] != "unknown"))
    dated = dates.notna()
    if dated.any():
        lo, hi = dates[dated].min(), dates[dated].max()
        pad = max(pd.Timedelta(days=1), (hi - lo) * 0.1)
        undated_x = hi + pad * 2
        xs = dates.where(dated, undated_x)
    else:
        lo = hi = undated_x = pd.Timestamp("2000-01-01")
        pad = pd.Timedelta(days=1)
        xs = pd.Series([undated_x] * len(t))
    for yi, (x, o, ok) in enumerate(zip(xs, t["outlet"], dated)):
        ax.scatter([x], [yi], s=60, color=colors[o], marker="o" if ok else "x", zorder=3)
    ax.axvline(hi + pad, color="0.8", lw=0.8, ls="--")
    ticks = sorted(set(dates[dated])) if dated.any() else []
    if len(ticks) > 6:
        ticks = ticks[:: len(ticks) // 6 + 1]
    ax.set_xticks(ticks + [undated_x], [d.strftime("%Y-%m-%d") for d in ticks] + ["undated"])
    ax.set_xlim(lo - pad, undated_x + pad)
    ax.set_yticks(list(y), labels)
    ax.set_ylim(len(t) - 0.5, -0.5)
    ax.set_title("Published")
    ax.tick_params(axis="x", labelrotation=30, labelsize=8)

    ax = axes[1]
    quoted = (t["words"] * t["quoted_share"]).round().astype(int)
    narr = t["words"] - quoted
    ax.barh(list(y), narr, color=[colors[o] for o in t["outlet"]], label="narration")
    ax.barh(list(y), quoted, left=narr, color=[colors[o] for o in t["outlet"]], alpha=0.4, hatch="//", label="inside quotes")
    for yi, w in zip(y, t["words"]):
        ax.text(w, yi, f" {w}", va="center", fontsize=8)
    ax.tick_params(labelleft=False, left=False)
    ax.set_title("Words (hatched: inside quotes)")
    ax.set_xlim(0, t["words"].max() * 1.18 if len(t) else 1)

    ax = axes[2]
    for yi, aid in zip(y, t["article_id"]):
        credited = set(prov.loc[prov["article_id"] == aid, "credits"])
        for xi, src in enumerate(sources):
            ax.scatter([xi], [yi], s=80, color="0.15" if src in credited else "white", edgecolor="0.6", zorder=3)
    ax.set_xticks(range(len(sources)), sources, rotation=30, ha="right")
    ax.tick_params(labelleft=False, left=False)
    ax.set_xlim(-0.6, max(0.6, len(sources) - 0.4))
    ax.set_title("Credits")
    if not sources:
        ax.text(0, (len(t) - 1) / 2, "no article\ncredits a source", ha="center", va="center", fontsize=8)
    fig.suptitle(f"{story.title}: the corpus", x=0.01, ha="left", fontsize=11)
    fig.tight_layout(rect=style.title_rect(fig))
    if (~t["measured"]).any():
        fig.text(0.01, -0.01, "✕ left out of the measures (another language or a duplicate capture): see the "
                 "screening tables.", fontsize=8, color="0.35", va="top")
    if len(t) < len(full_table):
        capped = style.cap_note(shown, list(dict.fromkeys(full_table["outlet"])))
        fig.text(0.01, -0.04, "\n".join(textwrap.wrap(f"Showing {len(t)} of {len(full_table)} articles: " + (
            capped or f"the first {style.MAX_ROWS} rows. Every article is in the CSV."), 170)),
                 fontsize=8, color="0.35", va="top")
    data = full_table[["outlet", "article_id", "published", "words", "sentences", "quoted_share", "language", "detected",
                       "translated_from", "derived_from", "measured"]]
    return fig, data
