"""Figure builders for the analysis notebooks. Each returns (figure, the tidy data drawn), ready for
:meth:`presslens.notebook.setup.Context.save`. Colours come from the story's full outlet list, so an outlet has
the same colour in every notebook.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from presslens.analyses.wordchoice import lexicon
from presslens.story.model import Story
from . import style
from .style import heatmap, note_figure, outlet_label, outlets_of, shown_note


# ----------------------------------------------------------------------------------------------
# word choice


def wordchoice_heatmap(story: Story, rates: pd.DataFrame, lex) -> tuple[plt.Figure, pd.DataFrame]:
    """Framing-lexicon categories by outlet, hits per 1,000 words: the outlet's own narration (left)
    and the words inside quotation marks (right), on one colour scale, from ``rates``
    (:func:`presslens.analyses.wordchoice.matching.rates`). Cells give the rate and hits."""

    style.use_style()
    r = rates
    r = r[r["voice"].isin(["narration", "quote"])]
    labels = dict(zip(r["category"], r["label"]))
    cats = [c for c in lex.names]
    every, outlets = outlets_of(story, r)
    vmax = float(np.nanmax(r.loc[~r["few_words"], "rate_per_1000"].to_numpy())) if (~r["few_words"]).any() else 1.0
    fig, axes = plt.subplots(1, 2, figsize=(15, 0.55 * len(outlets) + 2.6), sharey=True)
    for ax, voice, title in ((axes[0], "narration", "The outlet's own narration"),
                             (axes[1], "quote", "Inside quotation marks (the speakers' words)")):
        d = r[r["voice"] == voice]
        rate = d.pivot(index="outlet", columns="category", values="rate_per_1000").reindex(index=outlets, columns=cats)
        hits = d.pivot(index="outlet", columns="category", values="hits").reindex(index=outlets, columns=cats)
        few = d.pivot(index="outlet", columns="category", values="few_words").reindex(index=outlets, columns=cats)
        rate.columns = [labels[c] for c in cats]
        rate.index = [outlet_label(story, o) for o in outlets]
        im = heatmap(ax, rate.round(1), hits, "Blues", 0, vmax, ".1f", diverging=False, mask=few.fillna(True).astype(bool))
        ax.set_title(title)
    fig.colorbar(im, ax=axes, shrink=0.8, label="hits per 1,000 words (n = hits)")
    fig.text(0.01, -0.26, "·: no words in that voice. Grey cells rest on fewer than "
             f"{lexicon.MIN_WORDS} words (few_words in the CSV): read the hits, not the rate. † machine-translated.",
             fontsize=8, color="0.35")
    shown_note(fig, outlets, every, y=-0.3)
    return fig, r.reset_index(drop=True)


def distinctive_terms(story: Story, top: pd.DataFrame | None, n: int = 8, min_count: int = 3,
                      voice: str = "narration") -> tuple[plt.Figure, pd.DataFrame]:
    """The words each outlet uses most over the rest of the corpus (log-odds with informative
    Dirichlet prior, z-scores), one panel per outlet, with the counts behind each score, from ``top``
    (:func:`presslens.analyses.keyness.top` of the keyness table; None when the story has one outlet)."""

    style.use_style()
    outlets_with_words = sorted(set(story.articles["outlet"]))
    if len(outlets_with_words) < 2:
        note = (f"Keyness compares each outlet with the rest of the corpus; this selection has one outlet "
                f"({outlets_with_words[0] if outlets_with_words else 'none'}), so there is nothing to compare it with. "
                f"Run on two or more outlets.")
        fig = note_figure(note)
        cols = ["outlet", "term", "count_outlet", "count_rest", "rate_outlet", "rate_rest", "delta", "se", "z"]
        data = pd.DataFrame(columns=cols)
        data.attrs["note"] = note
        return fig, data
    t = top
    if t.empty:
        note = (f"No word is seen {min_count} times or more in the outlets' {voice} (min_count={min_count}): "
                f"lower min_count to see the distinctive words.")
        fig = note_figure(note)
        t = t.copy()
        t.attrs["note"] = note
        return fig, t
    every, outlets = outlets_of(story, t)
    cols = min(3, max(1, len(outlets)))
    row_inches = 0.28 * n + 1.2
    rows_fit = max(1, min(PAGE_ROWS, int((style.PAGE_INCHES - 1.0) // row_inches)))
    pages = style.split(outlets, cols * rows_fit)  # a tall figure is drawn on pages, in the same order
    starts = [1 + sum(map(len, pages[:k])) for k in range(len(pages))]  # each page's first outlet's number
    figs = [_keyness_page(story, t, page, outlets, every, cols, n, voice, (k, len(pages), starts[k - 1]))
            for k, page in enumerate(pages, start=1)]
    return style.paged(figs), t.reset_index(drop=True)


PAGE_ROWS = 7  # rows of panels (3 outlets each) on a page of the distinctive words: 21 outlets


def _keyness_page(story: Story, t: pd.DataFrame, outlets: list[str], drawn: list[str], every: list[str], cols: int,
                  n: int, voice: str, page: tuple[int, int, int]) -> plt.Figure:
    """One page of :func:`distinctive_terms`: a panel per outlet of ``outlets`` (page ``page`` = (k, of n,
    first outlet's number) of the figure drawing ``drawn``, the cap's choice among ``every``)."""
    colors = style.outlet_colors(story.color_order)
    rows_ = int(np.ceil(len(outlets) / cols))
    fig, axes = plt.subplots(rows_, cols, figsize=(4.3 * cols, 0.28 * n * rows_ + 1.2 * rows_), squeeze=False)
    for ax in axes.flat[len(outlets):]:
        ax.set_visible(False)
    for ax, o in zip(axes.flat, outlets):
        d = t[t["outlet"] == o]
        ax.barh(range(len(d)), d["z"], color=colors[o])
        ax.set_yticks(range(len(d)), [f"{w} ({a}/{b})" for w, a, b in zip(d["term"], d["count_outlet"], d["count_rest"])],
                      fontsize=8)
        ax.set_ylim(len(d) - 0.5, -0.5)
        ax.axvline(1.96, color="0.6", lw=0.8, ls=":")
        ax.set_title(outlet_label(story, o), fontsize=10)
        ax.set_xlabel("z", fontsize=8)
    k, of, first = page
    held = [outlet_label(story, o) for o in outlets]
    fig.suptitle(f"Most distinctive words per outlet ({voice}; label: word (outlet count / rest count); "
                 f"dotted: z = 1.96)" + (f"\n{style.page_note(k, of, first, held, len(drawn))}" if of > 1 else ""),
                 x=0.01, ha="left", fontsize=10)
    shown_note(fig, drawn, every)
    if of > 1:
        fig.tight_layout(rect=style.title_rect(fig, 0.7))
    else:
        fig.tight_layout()
    return fig
