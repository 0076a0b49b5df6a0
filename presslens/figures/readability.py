"""Figure builders for the analysis notebooks. Each returns (figure, the tidy data drawn), ready for
:meth:`presslens.notebook.setup.Context.save`. Colours come from the story's full outlet list, so an outlet has
the same colour in every notebook.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from presslens.analyses import readability as analyses_readability
from presslens.story.model import Story
from presslens.text import readability
from . import style


# ----------------------------------------------------------------------------------------------
# readability


READABILITY_PANELS = [
    ("consensus_grade", "Consensus grade (median of 4)", "US school grade"),
    ("flesch_reading_ease", "Flesch reading ease", "higher = easier"),
    ("sentence_len_mean", "Mean sentence length", "words (bar: ± 1 sd)"),
    ("mtld", "Lexical diversity (MTLD)", "higher = more varied"),
]


SHORT_MARK = " ‡"


def readability_panels(story: Story, table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Four readability measures per article, one row each (labelled uniquely: outlet, plus a short
    title or date when an outlet has several). Marks: † translated (hatched bars: the formulas
    measure the translation), ‡ too short for a stable MTLD. The footnote explains each mark once,
    one line per mark."""
    style.use_style()
    r = table.copy()
    colors = style.outlet_colors(story.color_order)
    order = {o: i for i, o in enumerate(story.outlets)}
    r = r.sort_values(["outlet"], key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    names = story.labels
    tr_all = r["translated_from"].map(lambda x: isinstance(x, str) and bool(x))
    short_all = r["n_words"] < readability.MTLD_MIN_TOKENS
    r.insert(2, "label", [names[a] + (analyses_readability.DAGGER if t else "") + (SHORT_MARK if s else "")
                          for a, t, s in zip(r["article_id"], tr_all, short_all)])
    data = r  # the CSV: every article
    shown = story.figure_outlets(list(dict.fromkeys(r["outlet"])))
    r = r[r["outlet"].isin(shown)].head(style.MAX_ROWS).reset_index(drop=True)
    translated = r["translated_from"].map(lambda x: isinstance(x, str) and bool(x))
    short = r["n_words"] < readability.MTLD_MIN_TOKENS
    labels = r["label"].tolist()
    fig, axes = plt.subplots(1, len(READABILITY_PANELS), figsize=(14, 0.5 * len(r) + 2), sharey=True)
    for ax, (col, title, unit) in zip(axes, READABILITY_PANELS):
        vals = r[col].astype(float)
        bars = ax.barh(range(len(r)), vals.fillna(0), color=[colors[o] for o in r["outlet"]],
                       xerr=r["sentence_len_std"].fillna(0) if col == "sentence_len_mean" else None, error_kw={"lw": 0.8})
        for b, tr in zip(bars, translated):
            if tr:
                b.set_hatch("//")
                b.set_alpha(0.6)
        at = vals + (r["sentence_len_std"].fillna(0) if col == "sentence_len_mean" else 0)
        for i, (v, x) in enumerate(zip(vals, at)):
            ax.text(0 if pd.isna(v) else x, i, " n/a" if pd.isna(v) else f" {v:.1f}", va="center", fontsize=8)
        ax.set_title(title)
        ax.set_xlabel(unit)
        reach = vals + (r["sentence_len_std"].fillna(0) if col == "sentence_len_mean" else 0)
        top = reach.max() if reach.notna().any() else 1
        ax.set_xlim(min(0, vals.min() * 1.2) if vals.notna().any() else 0, max(top * 1.2, 1))
    axes[0].set_yticks(range(len(r)), labels)
    axes[0].set_ylim(len(r) - 0.5, -0.5)
    notes = []
    langs = sorted({x for x, t in zip(r["translated_from"], translated) if t})
    if langs:
        notes.append(f"† translated (from {', '.join(langs)}): the formulas measure the translation, possibly "
                     f"machine-made, not the original writing.")
    if short.any():
        notes.append(f"‡ fewer than {readability.MTLD_MIN_TOKENS} words: MTLD (and every formula) is unstable "
                     f"on so short a text (n_words in the CSV).")
    if len(r) < len(data):
        capped = style.cap_note(shown, list(dict.fromkeys(data["outlet"])))
        notes.extend(textwrap.wrap(f"Showing {len(r)} of {len(data)} articles: "
                                   + (capped if capped else f"the first {style.MAX_ROWS} rows. Every article is in the CSV."), 170))
    if notes:
        fig.text(0.01, -0.02 - 0.03 * (len(notes) - 1), "\n".join(notes), fontsize=8, color="0.35", va="top")
    fig.tight_layout()
    return fig, data
