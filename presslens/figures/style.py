"""Figure builders for the analysis notebooks. Each returns (figure, the tidy data drawn), ready for
:meth:`presslens.notebook.setup.Context.save`. Colours come from the story's full outlet list, so an outlet has
the same colour in every notebook.
A figure file is written only where presslens may, inside or outside a batch run (papermill,
JupyterLab): the folder is presslens's (its marker, see :mod:`presslens.ownership`, or new or empty)
and the file, if it exists, is one presslens wrote and nobody changed since; else :func:`save` raises
:class:`FigureFolderError` naming it.
"""
from __future__ import annotations

import functools
import os
import re
import textwrap
from pathlib import Path

import matplotlib

if not os.environ.get("MPLBACKEND"):  # scripts and tests: no screen; Jupyter sets its own backend
    matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from presslens.errors import ParameterError
from presslens import ownership, paths
from presslens.analyses import readability
from presslens.engine import rendered
from presslens.story import model
from presslens.story.model import Problem, Story, StoryError


def cap_note(shown: list[str], every: list[str], names: int = 6) -> str:
    """The sentence a capped figure prints: the rule that chose its outlets and those left out (the
    first ``names`` by the rule, then how many more); '' when every outlet is drawn."""
    if len(shown) >= len(every):
        return ""
    rule = getattr(shown, "rule", "") or f"the {len(shown)} of {len(every)} outlets with most articles (max_outlets)"
    drawn = set(shown)
    left = getattr(shown, "left_out", None) or [o for o in every if o not in drawn]
    named = ", ".join(left[:names]) + (f" and {len(left) - names} more" if len(left) > names else "")
    return f"Showing {rule}. Left out: {named}. Every outlet is in the CSV."


def split(items: list, per: int) -> list[list]:
    """``items`` in order, cut into the fewest pages of at most ``per`` each, balanced (60 by 24: 20, 20, 20)."""
    n = max(1, -(-len(items) // max(1, per)))
    size = -(-len(items) // n) if items else 1
    return [items[k:k + size] for k in range(0, len(items), size)] or [[]]


def page_note(k: int, n: int, first: int, page: list[str], total: int, what: str = "outlets") -> str:
    """The line a page of a figure drawn on ``n`` pages prints: which page, and which outlets it holds
    (``page``, numbered from ``first`` among the ``total`` drawn)."""
    ends = f"{page[0]} to {page[-1]}" if len(page) > 1 else (page[0] if page else "none")
    return f"Page {k} of {n}: {what} {first}-{first + len(page) - 1} of {total} drawn ({ends})."


def paged(figs: list) -> plt.Figure:
    """One figure drawn on several pages: the first page, carrying every page (:func:`pages_of`), which
    :func:`save` writes as ``NAME.png``, ``NAME-p2.png``, ... A single page is returned as it is."""
    if len(figs) > 1:
        figs[0].presslens_pages = list(figs)
    return figs[0]


def pages_of(fig) -> list:
    """Every page of ``fig`` (see :func:`paged`): ``[fig]`` for a figure of one page."""
    return list(getattr(fig, "presslens_pages", None) or [fig])


def page_name(name: str, k: int) -> str:
    """The file name (no extension) of page ``k`` of figure ``name``: ``name``, then ``name-p2``, ..."""
    return name if k == 1 else f"{name}-p{k}"


class FigureFolderError(StoryError):
    """A figure would overwrite a file presslens did not write, or land in a folder it does not own."""


def shown_note(fig, shown: list[str], every: list[str], y: float = -0.04) -> None:
    """Say under a figure that it shows only some outlets, by which rule, and which it left out (the
    CSV has all); wrapped to the figure's width."""
    note = cap_note(shown, every)
    if note:
        width = max(60, int(fig.get_figwidth() * 14))
        fig.text(0.01, y, "\n".join(textwrap.wrap(note, width)), fontsize=8, color="0.35", va="top")


def title_rect(fig, inches: float = 0.45) -> tuple[float, float, float, float]:
    """The ``rect`` for ``fig.tight_layout`` that leaves ``inches`` at the top for the suptitle, so
    the panels' own titles never run into it, whatever the figure's height (the suptitle hangs 2% of
    the height below the top: a tall figure reserves that too)."""
    h = fig.get_figheight()
    return (0.0, 0.0, 1.0, 1.0 - min(0.3, max(inches, 0.02 * h + inches - 0.2) / h))


def note_figure(note: str) -> plt.Figure:
    """A small figure that says, in words, why there is nothing to draw."""
    fig, ax = plt.subplots(figsize=(8, 1.6))
    ax.axis("off")
    ax.text(0, 0.5, "\n".join(textwrap.wrap(note, 90)), fontsize=9, va="center")
    return fig


def outlets_of(story: Story, table: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(every outlet present in ``table`` in story order, those a figure shows: ``max_outlets``)."""
    present = set(table["outlet"])
    every = [o for o in story.outlets if o in present]
    return every, story.figure_outlets(every)


def dagger(story: Story, outlets: list[str]) -> str:
    """The footnote for the † mark, when an outlet shown carries it."""
    return " † machine-translated." if any(o in story.translations for o in outlets) else ""


def outlet_label(story: Story, outlet: str) -> str:
    """An outlet's name in a figure: shortened past ``MAX_LABEL`` characters (two outlets never get the
    same label, see :func:`outlet_labels`), † when translated."""
    order = list(story.color_order)
    names = outlet_labels(order if outlet in order else [*order, outlet])  # unique among every outlet of the story
    return names[outlet] + (readability.DAGGER if outlet in story.translations else "")


def heatmap(ax, table: pd.DataFrame, counts: pd.DataFrame | None, cmap: str, vmin: float, vmax: float, fmt: str,
             diverging: bool = True, mask: pd.DataFrame | None = None):
    """Annotated heatmap; cells where ``mask`` is True are greyed (shown, but not coloured: too few words)."""
    values = table.values.astype(float)
    shown = np.where(mask.values, np.nan, values) if mask is not None else values
    cm = plt.get_cmap(cmap).with_extremes(bad="#eeeeee")
    im = ax.imshow(np.ma.masked_invalid(shown), cmap=cm, vmin=vmin, vmax=vmax, aspect="auto")
    ax.set_xticks(range(table.shape[1]), table.columns, rotation=35, ha="right")
    ax.set_yticks(range(table.shape[0]), table.index)
    for i in range(table.shape[0]):
        for j in range(table.shape[1]):
            v = table.iat[i, j]
            if pd.isna(v):
                ax.text(j, i, "·", ha="center", va="center", color="0.6")
                continue
            extra = f"\nn={int(counts.iat[i, j])}" if counts is not None else ""
            masked = mask is not None and bool(mask.iat[i, j])
            if diverging:
                dark = abs(v - (vmin + vmax) / 2) > 0.35 * (vmax - vmin)
            else:
                dark = v > vmin + 0.6 * (vmax - vmin)
            ax.text(j, i, format(v, fmt) + extra, ha="center", va="center", fontsize=7.5,
                    color="0.55" if masked else ("white" if dark and not masked else "black"))
    ax.spines[:].set_visible(False)
    return im


# Okabe-Ito, then Tol's muted for stories with many outlets
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
           "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"]
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "svg.hashsalt": "presslens",
    "svg.fonttype": "path",
    "path.simplify": True,
    "text.parse_math": False,  # an outlet named "$5 News" is text, not mathematics
}
PAGE_INCHES = 36.0  # the height a page of a figure drawn on pages fills at most (3,960 px at savefig.dpi)
MAX_ROWS = 40  # article rows a per-article figure shows; the CSV keeps every article
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def use_style() -> None:
    """Apply the suite's matplotlib style (called by every notebook's set-up)."""
    plt.rcParams.update(STYLE)


def outlet_colors(outlets: list[str]) -> dict[str, str]:
    """A stable colour per outlet, in the order given (use ``story.color_order`` for consistency):
    the palette first, then, past its 17 colours, further distinct colours spread around the hue
    circle by the golden angle, so no two outlets of one story share a colour."""
    return {o: PALETTE[i] if i < len(PALETTE) else _extra_color(i - len(PALETTE)) for i, o in enumerate(outlets)}


def _extra_color(k: int) -> str:
    from matplotlib.colors import hsv_to_rgb, to_hex

    hue = (0.11 + k * 0.6180339887498949) % 1.0
    sat = (0.85, 0.55, 0.7)[k % 3]
    val = (0.55, 0.8, 0.68, 0.92)[(k // 3) % 4]
    return to_hex(hsv_to_rgb((hue, sat, val)))


@functools.lru_cache(maxsize=64)
def _unique_labels(names: tuple[str, ...], limit: int) -> dict[str, str]:
    labels = {n: model.short(n, limit) for n in names}
    groups: dict[str, list[str]] = {}
    for n, lab in labels.items():
        groups.setdefault(lab, []).append(n)
    for lab, members in groups.items():
        if len(members) < 2:
            continue
        # names that share their first characters: keep the start and the end, where they differ
        tail = max(6, limit // 3)
        for n in members:
            flat = " ".join(str(n).split())
            labels[n] = flat[: limit - tail - 1].rstrip() + "…" + flat[-tail:].lstrip()
        again: dict[str, list[str]] = {}
        for n in members:
            again.setdefault(labels[n], []).append(n)
        for same in again.values():
            if len(same) > 1:  # still alike: number them in the order given
                for k, n in enumerate(same, start=1):
                    labels[n] = f"{labels[n][: limit - 4].rstrip()} [{k}]"
    return labels


def outlet_labels(names, limit: int = model.MAX_LABEL) -> dict[str, str]:
    """A figure label per name, at most ``limit`` characters, and never the same for two names: names
    that :func:`presslens.story.model.short` would cut to one label keep their start and their end (or get a number)."""
    return dict(_unique_labels(tuple(dict.fromkeys(str(n) for n in names)), limit))


def figures_dir(figures: str | Path, slug: str) -> Path:
    """``figures/SLUG`` for a figures root given relative to the repo root (or absolute).

    Inside a batch run (``presslens run``) the environment variable ``PRESSLENS_FIGURES_STAGING``
    names the run's staging folder: figures go to ``STAGING/SLUG`` and are moved to ``figures/SLUG``
    only when every notebook has succeeded, while the notebook's ``figures_dir`` parameter still
    records the folder the user asked for.
    """
    staging = os.environ.get("PRESSLENS_FIGURES_STAGING")
    if staging:
        return Path(staging) / slug
    return paths.resolve(figures) / slug


def _tight_save(fig: plt.Figure, path: Path, ext: str, meta: dict):
    """``fig.savefig(path, bbox_inches="tight")``; returns the box it cut (inches, padded as matplotlib
    pads it), so the figure's other format can be written with that box without laying it out again
    (None when matplotlib did not compute one)."""
    boxes = []
    measure = fig.get_tightbbox

    def spy(*args, **kwargs):  # matplotlib's savefig measures the tight box through this method
        b = measure(*args, **kwargs)
        if "bbox_extra_artists" in kwargs:  # the call that cuts the saved picture, not a layout's
            boxes.append(b)
        return b

    fig.get_tightbbox = spy
    try:
        fig.savefig(path, format=ext, metadata=meta, bbox_inches="tight")
    finally:
        del fig.get_tightbbox
    pad = plt.rcParams["savefig.pad_inches"]
    return boxes[-1].padded(pad) if boxes and isinstance(pad, (int, float)) else None


def save(fig: plt.Figure, data: pd.DataFrame, name: str, out_dir: str | Path) -> dict[str, Path]:
    """Save ``fig`` as PNG and SVG and ``data`` as CSV under ``out_dir/name.*``; return the paths.

    A figure drawn on several pages (:func:`paged`) is written page by page: ``name.png`` / ``.svg``,
    then ``name-p2.png`` / ``.svg``, ... (keys ``png``, ``svg``, ``png-p2``, ``svg-p2``, ...), with one
    CSV, ``name.csv``; pages an earlier drawing of ``name`` had beyond the new count are deleted when
    presslens wrote them (a user's file is kept). ``name`` is lower-case letters, digits, - and _ (it
    becomes a file name), not ending in ``-pN`` (a page's). The outputs are deterministic, so re-running
    a notebook on the same input rewrites identical bytes.
    """
    if not NAME.match(name) or ownership.page_file(f"{name}.png"):
        raise ParameterError.bad("save", "name", f"figure name {name!r} is not a file name (or ends like a page, -pN)",
                                 "use lower-case letters, digits, '-' and '_' (e.g. 'tone-by-outlet')")
    if not isinstance(data, pd.DataFrame):
        raise ParameterError.bad("save", "data", f"figure {name!r}: got {type(data).__name__}",
                                 "pass the data behind the figure as a DataFrame")
    out = Path(out_dir)
    pages = pages_of(fig)
    targets = [f"{page_name(name, k)}.{ext}" for k in range(1, len(pages) + 1) for ext in ("png", "svg")]
    targets.append(f"{name}.csv")
    try:
        ownership.claim(out, "figures", targets)
    except ownership.OwnershipError as exc:
        raise FigureFolderError([Problem("parameter figures_dir", "figures_dir", str(exc),
                                         'give a folder of its own, e.g. figures_dir = "figures"')]) from None
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    with plt.rc_context({"svg.hashsalt": "presslens", "svg.fonttype": "path"}):
        for k, page in enumerate(pages, start=1):
            key = rendered.page_key(page)  # a page rendered before (same state, code, libraries, rcParams, fonts)
            kept = rendered.load(key)
            made = {}
            box = None  # the PNG's tight box (inches, padded), which the SVG reuses: its layout is not done again
            for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
                stem = page_name(name, k)
                final = out / f"{stem}.{ext}"
                tmp = out / f".{stem}.{ext}.{os.getpid()}.tmp"
                if kept is not None:
                    tmp.write_bytes(kept[ext])
                elif box is None:
                    box = _tight_save(page, tmp, ext, meta)
                else:
                    page.savefig(tmp, format=ext, metadata=meta, bbox_inches=box)
                if kept is None:
                    made[ext] = tmp.read_bytes()
                os.replace(tmp, final)
                written[ext if k == 1 else f"{ext}-p{k}"] = final
            if kept is None:
                rendered.keep(key, made)
    final = out / f"{name}.csv"
    tmp = out / f".{name}.csv.{os.getpid()}.tmp"
    data.to_csv(tmp, index=False, lineterminator="\n", float_format="%.6g")
    os.replace(tmp, final)
    written["csv"] = final
    ownership.record(out, "figures", {p.name: ownership.sha256_file(p) for p in written.values()})
    made = {p.name for p in written.values()}
    ownership.discard(out, "figures", sorted(n for n in os.listdir(out) if ownership.superseded(n, made)))
    return written
