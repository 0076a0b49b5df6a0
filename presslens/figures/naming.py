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
from .style import note_figure, outlet_label, outlets_of, shown_note


NAME_KIND_COLORS = {"name": "#e9eef4", "alias": "#e9eef4", "rendering: misspelling": "#f6c28b",
                    "rendering: calque": "#e8837b", "rendering": "#c9a3d9"}


PAGE_OUTLETS = 12  # outlets per page (row of panels) of the naming ledger: cells hold names, not numbers


def _ledger_page(story: Story, ax, outlets: list[str], actors: list[str], grid: pd.DataFrame, top: dict,
                 columns: int) -> None:
    """One page of the ledger: ``actors`` (rows) by ``outlets`` (columns) on ``ax``, room for ``columns``."""
    for i, a in enumerate(actors):
        for j, o in enumerate(outlets):
            kind = top.get((o, a))
            if kind is None:
                color = "white"
            else:
                color = NAME_KIND_COLORS.get(kind, NAME_KIND_COLORS["rendering"])
            ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=color, edgecolor="0.85", lw=0.6))
            lines = textwrap.wrap(grid.loc[a, o], 18)
            label = "\n".join(lines[:2]) + ("…" if len(lines) > 2 else "") if lines else "·"
            ax.text(j, i, label, ha="center", va="center", fontsize=7, linespacing=1.0,
                    color="0.1" if kind else "0.7", fontweight="bold" if kind and kind.startswith("rendering") else None)
    ax.set_xlim(-0.5, max(columns, 1) - 0.5)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.set_xticks(range(len(outlets)), [outlet_label(story, o) for o in outlets], rotation=30, ha="right")
    ax.set_yticks(range(len(actors)), actors)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)


def names_by_outlet(story: Story, ledger: pd.DataFrame, grid: pd.DataFrame | None, kinds: dict | None
                    ) -> tuple[plt.Figure, pd.DataFrame]:
    """Actors (rows) by outlets (columns): the form each outlet uses most for each actor, '+N' when it
    uses N other forms too; the cell's colour says the kind of form (name or alias, misspelling,
    calque, other rendering); an empty cell is an actor the outlet never names. From ``ledger``
    (:func:`presslens.analyses.naming.ledger`), which is also the CSV (every outlet, every form), with
    ``grid`` (:func:`presslens.analyses.naming.names_grid`) and ``kinds``
    (:func:`presslens.analyses.naming.cell_kinds`) of the outlets drawn (:func:`figure_outlets`)."""

    style.use_style()
    if ledger.empty:
        return note_figure("No outlet names an actor of story.yaml (add actors and their aliases to see which "
                            "name each outlet uses)."), ledger
    every, outlets = outlets_of(story, ledger)
    actors = list(grid.index)
    # a wide ledger is split into rows of panels, PAGE_OUTLETS outlets each, in the same order; rows that
    # would make a page taller than style.PAGE_INCHES go on further pages (files NAME-p2, ...)
    rows = style.split(outlets, PAGE_OUTLETS)
    per = max(1, len(rows[0]))  # balanced rows, every column as wide as on the first
    row_inches = 0.5 * len(actors) + 1.4
    pages = style.split(rows, max(1, int(style.PAGE_INCHES // row_inches)))
    figs, first = [], 0
    for k, page in enumerate(pages, start=1):
        figs.append(_ledger_figure(story, page, outlets, every, actors, grid, kinds, per, first, (k, len(pages))))
        first += sum(map(len, page))
    return style.paged(figs), ledger


def _ledger_figure(story: Story, rows: list[list[str]], outlets: list[str], every: list[str], actors: list[str],
                   grid: pd.DataFrame, top: dict, per: int, first: int, page: tuple[int, int]) -> plt.Figure:
    """One page of the ledger: ``rows`` of outlets (each a panel), the outlets before it numbering ``first``,
    page ``page`` = (k, of n) of the figure drawing ``outlets`` (the cap's choice among ``every``)."""
    width = max(6.0, 1.5 * per + 2.2)
    fig, axes = plt.subplots(len(rows), 1, figsize=(width, (0.5 * len(actors) + 1.4) * len(rows) + 0.2),
                             squeeze=False)
    for row, ax in zip(rows, axes[:, 0]):
        _ledger_page(story, ax, row, actors, grid, top, per)
    if len(outlets) > per:
        start = first
        for row, ax in zip(rows, axes[:, 0]):
            ax.set_title(f"outlets {start + 1}-{start + len(row)} of {len(outlets)}", fontsize=9, loc="left")
            start += len(row)
    k, of = page
    title = "Which name each outlet uses for each actor (most used form / renderings also used; +N: other names)"
    if of > 1:
        held = [o for row in rows for o in row]
        title += "\n" + style.page_note(k, of, first + 1, [outlet_label(story, o) for o in held], len(outlets))
    fig.suptitle(title, fontsize=11)
    handles = [plt.Rectangle((0, 0), 1, 1, facecolor=c, edgecolor="0.7") for c in
               (NAME_KIND_COLORS["name"], NAME_KIND_COLORS["rendering: misspelling"],
                NAME_KIND_COLORS["rendering: calque"], NAME_KIND_COLORS["rendering"])]
    axes[0, 0].legend(handles, ["name or alias", "rendering: misspelling", "rendering: calque", "other rendering"],
                      loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    fig.text(0.01, -0.02, "· the outlet never names the actor. † machine-translated. Renderings come from story.yaml; "
             "unlisted variants are in the discovery table.", fontsize=8, color="0.35")
    shown_note(fig, outlets, every, y=-0.06)
    fig.tight_layout(rect=style.title_rect(fig, 0.45 if of == 1 else 0.75))
    return fig
