"""Figure builders for the analysis notebooks. Each returns (figure, the tidy data drawn), ready for
:meth:`presslens.notebook.setup.Context.save`. Colours come from the story's full outlet list, so an outlet has
the same colour in every notebook.
"""
from __future__ import annotations

import textwrap
import matplotlib.pyplot as plt
import pandas as pd

from presslens.story.model import Story
from . import style
from .style import dagger, note_figure, outlet_label, outlets_of, shown_note


PAGE_OUTLETS = 30  # outlets per page (row of panels) of the claims grid: wider is past a screen's width
CLAIM_VOICE_COLORS = {"narration": "#4c78a8", "reported speech": "#9ecae9", "quote": "#f58518",
                      "cited term": "#f2cf5b"}


def _grid_page(story: Story, ax, outlets: list[str], claims_: list[str], cell: dict, labels: list[str],
               bounds: list[float], mid: list[float], columns: int) -> None:
    """One page of the claims grid: ``claims_`` (rows) by ``outlets`` (columns) on ``ax``, room for ``columns``."""
    for i, c in enumerate(claims_):
        for j, o in enumerate(outlets):
            r = cell.get((c, o))
            carried = r is not None and r.n_carrying > 0
            color = CLAIM_VOICE_COLORS.get(r.voice, "0.8") if carried else "white"
            ax.add_patch(plt.Rectangle((j - 0.5, bounds[i]), 1, bounds[i + 1] - bounds[i], facecolor=color,
                                       edgecolor="0.85", lw=0.6))
            if not carried:
                ax.text(j, mid[i], "·", ha="center", va="center", color="0.6")
                continue
            mark = {"title": "T", "lede": "L"}.get(r.part, "")
            share = f"{r.share:.0%}" if r.n_articles > 1 else ""
            ax.text(j, mid[i], " ".join(x for x in (mark, share) if x), ha="center", va="center", fontsize=8,
                    color="0.1")
    ax.set_xlim(-0.5, max(len(outlets), columns) - 0.5)  # a short last page keeps the columns' width
    ax.set_ylim(bounds[-1], 0)
    ax.set_xticks(range(len(outlets)), [outlet_label(story, o) for o in outlets], rotation=30, ha="right")
    ax.set_yticks(mid, labels, fontsize=8)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)


def claims_grid(story: Story, table: pd.DataFrame, claim_text: dict[str, str] | None = None
                ) -> tuple[plt.Figure, pd.DataFrame]:
    """Claims (rows) by outlets (columns), from :func:`presslens.analyses.claims.grid`: a cell's colour is the
    voice of the outlet's earliest mention (its own narration, reported speech, a quote, a cited term),
    T or L when that mention is in the title or lede, and the share of the outlet's articles that
    carry the claim when it has more than one; an empty cell is a claim the outlet left out."""
    style.use_style()
    if table.empty:
        return note_figure("story.yaml lists no claims: add claims (id, text, patterns) to see which outlet "
                            "carries which fact."), table
    every, outlets = outlets_of(story, table)
    claims_ = list(dict.fromkeys(table["claim"]))
    cell = {(r.claim, r.outlet): r for r in table.itertuples(index=False)}
    # claims are wrapped, never cut: a row is as tall as its label's lines; cells hold a mark and a share,
    # so a column needs less room than the outlet's (rotated) name
    labels = [c if not claim_text else "\n".join(textwrap.wrap(f"{c}: {claim_text.get(c, '')}", 52))
              for c in claims_]
    lines = [max(1, lab.count("\n") + 1) for lab in labels]
    bounds = [0.0]
    for n in lines:
        bounds.append(bounds[-1] + max(1.0, 0.55 * n))
    mid = [(a + b) / 2 for a, b in zip(bounds, bounds[1:])]
    # a wide grid is split into pages (rows of panels), at most PAGE_OUTLETS outlets each, in the same order
    n_pages = max(1, -(-len(outlets) // PAGE_OUTLETS))
    per = max(1, -(-len(outlets) // n_pages))  # balanced pages, every column as wide as on the first
    pages = [outlets[k:k + per] for k in range(0, len(outlets), per)] or [[]]
    fig, axes = plt.subplots(len(pages), 1, figsize=(max(6.0, 0.75 * per + 5.0), (0.42 * bounds[-1] + 1.8) * len(pages)),
                             squeeze=False)
    for k, (page, ax) in enumerate(zip(pages, axes[:, 0])):
        _grid_page(story, ax, page, claims_, cell, labels, bounds, mid, per)
        if len(pages) > 1:
            ax.set_title(f"outlets {k * per + 1}-{k * per + len(page)} of {len(outlets)}", fontsize=9, loc="left")
    ax = axes[0, 0]
    if len(pages) > 1:
        fig.suptitle("Which outlet carries which claim, and in whose voice", fontsize=11)
    else:
        ax.set_title("Which outlet carries which claim, and in whose voice")
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=c, edgecolor="0.7") for c in CLAIM_VOICE_COLORS.values()]
    ax.legend(handles, list(CLAIM_VOICE_COLORS), loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
              frameon=False)
    fig.text(0.01, -0.02, "· left out. T / L: first carried in the title / lede. %: share of the outlet's articles "
             "that carry it (outlets with several articles)." + dagger(story, outlets), fontsize=8, color="0.35")
    shown_note(fig, outlets, every, y=-0.06)
    fig.tight_layout(**({"rect": style.title_rect(fig)} if len(pages) > 1 else {}))
    return fig, table
