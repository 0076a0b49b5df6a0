"""The reuse notebook's figures: the containment matrix and the provenance graph. Each returns
(figure, the tidy data drawn) for :meth:`presslens.notebook.setup.Context.save`; figures take computed tables.
"""
from __future__ import annotations

import math
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from presslens.story.model import Story
from . import style
from .style import note_figure


RADIAL = 16  # past this many outlets the provenance graph sets their names along the radius, its nodes smaller
CREDITED, UNCREDITED, UNKNOWN, COMMON = "#009E73", "#D55E00", "0.55", "#0072B2"
EDGE_STYLE = {  # verdict -> (colour, line style, arrow, legend label)
    "credited copy": (CREDITED, "solid", True, "copied, credited"),
    "copied without credit": (UNCREDITED, "solid", True, "copied without credit (source earlier)"),
    "copied without credit, direction unknown": (UNCREDITED, "dashed", False, "copied without credit, direction unknown"),
    "common source": (COMMON, "dotted", False, "common source (wire, release, earlier text)"),
    "undetermined": (UNKNOWN, "dashed", False, "undetermined (candidates in the table)"),
}


def matrix(story: Story, containment: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Two heatmaps, narration and all text: the share of the row article's words that are in passages
    (or reworded sentences) shared with the column article. At most ``plots.MAX_ROWS`` articles, those
    sharing most; the CSV has every pair with shared text, both directions (references apart)."""
    style.use_style()
    data = containment[~containment["reference"]].drop(columns=["reference"]).reset_index(drop=True)
    if data.empty:
        return note_figure("No two articles share a passage of the minimum length or a reworded sentence: "
                            "there is no reuse to draw (table: passages)."), data
    weight = pd.concat([data.groupby("article")["shared_words"].sum(), data.groupby("other")["shared_words"].sum()])
    weight = weight.groupby(level=0).sum()
    order = list(story.articles["id"])  # articles sharing nothing stay as blank rows (while they fit)
    rank = {a: i for i, a in enumerate(order)}
    shown = set(sorted(order, key=lambda a: (-weight.get(a, 0), rank[a]))[: style.MAX_ROWS])
    shown = [a for a in order if a in shown]
    n = len(shown)
    size = max(4.0, 0.42 * n + 2.5)
    panels = (("containment_narration", "narration only"), ("containment", "all text"))
    if 2 * size + 1 <= WIDE:  # both panels side by side
        return _matrix_page(story, data, order, shown, panels, None), data
    # too wide for one page: narration on the first, all text on the second
    figs = [_matrix_page(story, data, order, shown, [panel], (k, len(panels)))
            for k, panel in enumerate(panels, start=1)]
    return style.paged(figs), data


WIDE = 30.0  # inches: wider, the containment matrix's two panels go on two pages


def _matrix_page(story: Story, data: pd.DataFrame, order: list[str], shown: list[str], panels, page) -> plt.Figure:
    """The containment heatmaps of ``panels`` ((column, title) pairs) for the articles ``shown``, side by side;
    ``page`` (k, of n) when the matrix is drawn on pages, a panel a page."""
    labels = story.labels
    outlet_of = dict(zip(story.articles["id"], story.articles["outlet"]))
    n = len(shown)
    size = max(4.0, 0.42 * n + 2.5)
    fig, axes = plt.subplots(1, len(panels), figsize=(len(panels) * size + 1, size), squeeze=False)
    pos = {a: i for i, a in enumerate(shown)}
    for ax, (col, title) in zip(axes[0], panels):
        grid = np.full((n, n), np.nan)
        for a, o, v in zip(data["article"], data["other"], data[col]):
            if a in pos and o in pos:
                grid[pos[a], pos[o]] = v
        cm = plt.get_cmap("Reds").with_extremes(bad="#f4f4f4")
        im = ax.imshow(np.ma.masked_invalid(grid), cmap=cm, vmin=0, vmax=1, aspect="equal")
        short = style.outlet_labels([labels.get(a, a) for a in shown], 28)  # two articles never one label
        names = [short[labels.get(a, a)] + (" †" if outlet_of.get(a) in story.translations else "") for a in shown]
        ax.set_xticks(range(n), names, rotation=40, ha="right", fontsize=8)
        ax.set_yticks(range(n), names if ax is axes[0][0] else [""] * n, fontsize=8)
        if n <= 15:
            for i in range(n):
                for j in range(n):
                    if not math.isnan(grid[i, j]):
                        ax.text(j, i, f"{grid[i, j]:.0%}", ha="center", va="center", fontsize=7,
                                color="white" if grid[i, j] > 0.6 else "black")
        ax.set_title(title)
        ax.spines[:].set_visible(False)
    fig.colorbar(im, ax=axes[0].tolist(), shrink=0.7, format=lambda x, _: f"{x:.0%}")
    head = f"\nPage {page[0]} of {page[1]}: {panels[0][1]}; the same {n} articles on every page" if page else ""
    fig.suptitle("Share of the row article's words found in the column article" + head, fontweight="bold", fontsize=11)
    note = "Passages of the minimum length or reworded sentences shared; blank: nothing shared. Read across a row."
    if len(order) > n:
        note += (f" Showing the {n} articles sharing most of {len(order)}. Left out: the other {len(order) - n} "
                 "articles, which share less; every pair is in the CSV.")
    note += " † machine-translated." if any(o in story.translations for o in story.articles["outlet"]) else ""
    fig.text(0.01, -0.02, note, fontsize=8, color="0.35", va="top")
    return fig


def graph(story: Story, edges: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Outlets as nodes, reuse as arrows from the source to the outlet that took its text: green when
    credited, orange when copied without credit; a blue dotted line (no arrow) when both took it from a
    common source, a grey dashed one when the evidence does not decide (:data:`EDGE_STYLE`). Line width
    grows with the narration words shared. Outlets limited to ``max_outlets``
    (those with most reuse); the CSV has every edge."""
    import networkx as nx

    style.use_style()
    every = list(story.outlets)  # outlets that reuse nothing stay as lone nodes while they fit
    w = (pd.concat([edges.groupby("source_outlet")["shared_narration"].sum(),
                    edges.groupby("outlet")["shared_narration"].sum()]).groupby(level=0).sum()
         if len(edges) else pd.Series(dtype=float))
    rank = {o: i for i, o in enumerate(every)}
    keep = set(sorted(every, key=lambda o: (-w.get(o, 0), rank[o]))[: story.max_outlets or len(every)])
    nodes = [o for o in every if o in keep]
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    for e in edges.itertuples(index=False):
        if e.source_outlet in g and e.outlet in g:
            g.add_edge(e.source_outlet, e.outlet, verdict=e.verdict, words=int(e.shared_narration))
    pos = nx.circular_layout(nodes) if len(nodes) > 1 else {nodes[0]: np.array([0.0, 0.0])}
    colors = style.outlet_colors(story.color_order)
    crowded = len(nodes) > RADIAL  # names set along the radius (side by side they would run into each other)
    node_size = 900 if not crowded else max(150, 900 * RADIAL // len(nodes))
    fig, ax = plt.subplots(figsize=(9, 7.5) if not crowded else (11, 10))
    top = max([d["words"] for *_, d in g.edges(data=True)] or [1])
    for u, v, d in g.edges(data=True):
        color, ls, arrow, _ = EDGE_STYLE[d["verdict"]]
        width = 0.8 + 4 * math.sqrt(d["words"] / top)
        nx.draw_networkx_edges(g, pos, edgelist=[(u, v)], ax=ax, width=width, edge_color=color,
                               style=ls, arrows=True, arrowstyle="-|>" if arrow else "-", arrowsize=14,
                               node_size=node_size, connectionstyle="arc3,rad=0.12")
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=node_size, node_color=[colors.get(o, "0.6") for o in nodes],
                           edgecolors="white")
    names = style.outlet_labels(nodes, 26)
    for o, (x, y) in pos.items():
        if crowded:
            angle = math.degrees(math.atan2(y, x))
            left = x < -1e-9
            ax.text(x * 1.08, y * 1.08, names[o], ha="right" if left else "left", va="center", fontsize=8,
                    rotation=angle + 180 if left else angle, rotation_mode="anchor")
            continue
        ha = "left" if x > 0.3 else ("right" if x < -0.3 else "center")
        ax.text(x * 1.13, y * 1.13, names[o], ha=ha, va="center", fontsize=8)
    handles = [plt.Line2D([], [], color=c, lw=2, ls={"solid": "-", "dotted": ":", "dashed": "--"}[ls])
               for c, ls, _, _ in EDGE_STYLE.values()]
    ax.legend(handles, [x[3] for x in EDGE_STYLE.values()], loc="upper left", bbox_to_anchor=(0.0, -0.02),
              fontsize=8, frameon=False, ncol=2)
    ax.set_title("Who took text from whom: arrows from the likely source to the outlet")
    ax.set_xlim(-1.45, 1.45)
    ax.set_ylim(-1.35, 1.35)
    ax.axis("off")
    if not len(edges):
        ax.text(0, 0, "No outlet's narration is shared with another's:\nno reuse to draw.", ha="center",
                va="center", fontsize=9, color="0.35")
    if len(nodes) < len(every):
        left = [o for o in sorted(every, key=lambda o: (-w.get(o, 0), rank[o])) if o not in keep]
        fig.text(0.01, 0.01, f"Showing the {len(nodes)} outlets with most reuse of {len(every)} (max_outlets). "
                 "Left out: " + ", ".join(left[:6]) + (f" and {len(left) - 6} more" if len(left) > 6 else "")
                 + "; every edge is in the CSV.", fontsize=8, color="0.35")
    return fig, edges
