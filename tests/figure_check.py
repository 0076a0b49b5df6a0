"""The figure check: every figure the notebooks draw, built as they build it, then measured.

:func:`figures_of` draws the suite's figures for a notebook context (the calls are the notebooks'),
:func:`problems` measures one: text that overlaps other text (matplotlib's text extents after a
draw), text too small to read, a figure too big to read on a screen or a page, and a capped figure
whose note does not name what it left out.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import matplotlib.text as mtext
import numpy as np

MIN_FONT = 6.0  # points: the smallest text a figure may print
MAX_PIXELS = (3300, 4400)  # width, height at the save resolution: a screen's or a page's worth, readable
SLACK = 1.5  # pixels two text boxes may share (antialiasing, touching glyph boxes) before they overlap


def figures_of(ctx):
    """(name, figure, data) for the suite's figures on ``ctx`` (see the notebooks for the same calls)."""
    from presslens.analyses import claims, naming, profiles, quotes, readability, timeline, tone
    from presslens.figures import timeline as timeline_fig
    from presslens.analyses import wordchoice as lexicon
    from presslens.notebook import charts, overview

    st, p = ctx.story, ctx.params
    n_boot = 200
    yield ("corpus-overview", *overview.plot_overview(ctx.full, overview.article_table(ctx.full)))
    per_day = timeline.per_day(ctx.full)
    yield ("corpus-timeline", *timeline_fig.articles_per_day(ctx.full, per_day, note=timeline.undated_note(per_day)))
    lex = lexicon.lexicon_for(st)
    yield ("wordchoice-categories", *charts.wordchoice_heatmap(st, lexicon.rates(st, lex, n_boot=n_boot), lex))
    yield ("wordchoice-keyness", *charts.distinctive_terms(st, n=8, min_count=3))
    yield ("tone-by-outlet", *charts.tone_by_outlet(st, tone.outlet_tone_by_voice(st, n_boot=n_boot)))
    yield ("tone-by-actor", *charts.tone_by_actor(st, tone.actor_tone(st, n_boot=n_boot)))
    yield ("tone-arc", *charts.tone_arc(st, tone.tone_arc(st, bins=5, n_boot=n_boot)))
    yield ("readability", *charts.readability_panels(st, readability.readability(st)))
    yield ("naming-ledger", *charts.names_by_outlet(st, naming.ledger(st)))
    yield ("sources-voice-share", *charts.voice_share(st, quotes.voice_share(st)))
    yield ("claims-by-outlet", *charts.claims_grid(st, claims.grid(st, claims.hits(st)), {c.id: c.text for c in st.claims}))
    yield ("profiles", *charts.profile_panels(st, profiles.profiles(st)))
    sim = profiles.similarity(st)
    yield ("profiles-similarity", *charts.framing_similarity(st, sim, profiles.clusters(st, sim, threshold=0.7)))
    from presslens.analyses import provenance, reuse
    from presslens.figures import reuse as reuse_fig

    yield ("reuse-matrix", *reuse_fig.matrix(st, reuse.analyse(ctx.whole).containment))
    edges = ctx.shown(provenance.outlet_edges(provenance.provenance(ctx.whole)), "source_outlet", "outlet")
    yield ("reuse-provenance", *reuse_fig.graph(st, edges))
    del p


def _texts(fig) -> list:
    """Every non-empty text ``fig`` draws (a tick label outside the axis' limits exists but is not
    drawn: drawing the figure with Text.draw watched says which are)."""
    drawn: dict[int, plt.Text] = {}
    original = mtext.Text.draw

    def watched(self, renderer):
        if self.get_visible() and self.get_text().strip():
            drawn[id(self)] = self
        return original(self, renderer)

    mtext.Text.draw = watched
    try:
        fig.draw_without_rendering()  # the layout and every text's place, no pixels (a 60 x 60 heatmap: 3x faster)
    finally:
        mtext.Text.draw = original
    return list(drawn.values())


def _box(t, renderer) -> np.ndarray:
    """The four corners (pixels) of text ``t`` as drawn: a rotated label is a rotated rectangle (its
    axis-aligned extent would overlap its neighbours' although the letters do not)."""
    ext = t.get_window_extent(renderer)
    angle = t.get_rotation() % 180
    if angle in (0, 90):
        return np.array([[ext.x0, ext.y0], [ext.x1, ext.y0], [ext.x1, ext.y1], [ext.x0, ext.y1]])
    t.set_rotation(0)
    flat = t.get_window_extent(renderer)
    t.set_rotation(angle)
    c = np.array([(ext.x0 + ext.x1) / 2, (ext.y0 + ext.y1) / 2])  # a rotated box keeps its centre
    a = np.radians(angle)
    u, v = np.array([np.cos(a), np.sin(a)]) * flat.width / 2, np.array([-np.sin(a), np.cos(a)]) * flat.height / 2
    return np.array([c - u - v, c + u - v, c + u + v, c - u + v])


def _overlap(p: np.ndarray, q: np.ndarray) -> bool:
    """Whether two convex quadrilaterals overlap by more than SLACK (separating axis theorem)."""
    for poly in (p, q):
        for i in range(2):
            edge = poly[i + 1] - poly[i]
            n = np.array([-edge[1], edge[0]])
            norm = np.hypot(*n)
            if norm == 0:
                return False
            n = n / norm
            a, b = p @ n, q @ n
            if min(a.max(), b.max()) - max(a.min(), b.min()) <= SLACK:
                return False
    return True


def _overlaps(fig, texts: list) -> list[tuple[str, str]]:
    r = fig.canvas.get_renderer()
    labels = [t.get_text() for t in texts]
    boxes = [_box(t, r) for t in texts]
    if len(boxes) < 2:
        return []
    lo = np.array([b.min(0) for b in boxes])
    hi = np.array([b.max(0) for b in boxes])
    # the quick test, for every pair at once (a 60 x 60 heatmap draws 3,600 texts): extents that meet
    near = ((lo[:, None, :] <= hi[None, :, :]) & (lo[None, :, :] <= hi[:, None, :])).all(axis=2)
    out = []
    for i, j in zip(*np.nonzero(np.triu(near, k=1))):
        if _overlap(boxes[i], boxes[j]):
            out.append((labels[i][:40], labels[j][:40]))
    return out


def overlaps(fig) -> list[tuple[str, str]]:
    """Pairs of texts of ``fig`` whose drawn boxes overlap (more than :data:`SLACK` pixels)."""
    return _overlaps(fig, _texts(fig))


def problems(name: str, fig, story, data=None, page: tuple[int, int] = (1, 1)) -> list[str]:
    """What is wrong with figure ``name`` (an empty list when nothing is); ``page`` (k, n): the figure is
    page k of n, which it must say (``Page k of n``)."""
    texts = _texts(fig)  # one drawing serves every measure
    out = [f"{name}: texts overlap: {a!r} / {b!r}" for a, b in _overlaps(fig, texts)[:5]]
    small = sorted({round(t.get_fontsize(), 1) for t in texts if t.get_fontsize() < MIN_FONT})
    if small:
        out.append(f"{name}: text of {small} pt (under {MIN_FONT} pt)")
    dpi = plt.rcParams["savefig.dpi"]
    dpi = fig.dpi if dpi == "figure" else float(dpi)
    w, h = fig.get_size_inches() * dpi
    if w > MAX_PIXELS[0] or h > MAX_PIXELS[1]:
        out.append(f"{name}: {w:.0f} x {h:.0f} px (more than {MAX_PIXELS[0]} x {MAX_PIXELS[1]})")
    text = " ".join(t.get_text() for t in texts).replace("\n", " ")
    if page[1] > 1 and f"Page {page[0]} of {page[1]}" not in text:
        out.append(f"{name}: page {page[0]} of {page[1]} does not say so (and which outlets it holds)")
    if data is not None and "outlet" in getattr(data, "columns", []) and story.max_outlets:
        every = data["outlet"].nunique()
        said = ("Left out:", "Not drawn", "No tone arc")  # the cap's note, or a figure that says why it draws less
        if every > story.max_outlets and not any(x in text for x in said):
            out.append(f"{name}: {every} outlets in its data, at most {story.max_outlets} drawn, and no note says "
                       "which were left out")
    return out


def page_problems(name: str, fig, story, data=None) -> list[str]:
    """:func:`problems` of every page of ``fig`` (a figure drawn on several pages, see
    :func:`presslens.figures.style.paged`), each page named ``name-pK`` as its file is."""
    from presslens.figures import style

    pages = style.pages_of(fig)
    out = []
    for k, page in enumerate(pages, start=1):
        out.extend(problems(style.page_name(name, k), page, story, data, (k, len(pages))))
    return out


# figures whose outlet order is their message (a clustering's leaves) and so may differ from the story's
OWN_ORDER = {"profiles-similarity", "reuse-matrix"}  # the matrix's rows are articles, in the story's article order


def outlet_order(fig, story) -> list[str]:
    """The outlets ``fig`` names on its tick labels, page by page, axis by axis in reading order (left to right,
    top to bottom), each axis' outlets joined: the order a reader compares figures by."""
    from presslens.figures import style

    labels = {style.outlet_label(story, o): o for o in story.color_order}
    labels.update({o: o for o in story.color_order})
    out = []
    for page in style.pages_of(fig):  # a figure drawn on several pages: page after page
        page.draw_without_rendering()
        r = page.canvas.get_renderer()
        for ax in page.axes:
            for axis, key in ((ax.xaxis, lambda e: e.x0), (ax.yaxis, lambda e: -e.y0)):
                ticks = [t for t in axis.get_ticklabels() if t.get_visible() and t.get_text().strip() in labels]
                ticks.sort(key=lambda t: key(t.get_window_extent(r)))
                seq = [labels[t.get_text().strip()] for t in ticks]
                out.extend(o for o in seq if o not in out)
    return out


def order_problems(name: str, fig, story) -> list[str]:
    """A figure that names outlets in an order other than the story's (``story.outlets``: first
    published first), when its order is not its message."""
    if name in OWN_ORDER:
        return []
    seen = outlet_order(fig, story)
    rank = {o: i for i, o in enumerate(story.color_order)}
    want = sorted(seen, key=lambda o: rank[o])
    return [] if seen == want else [f"{name}: outlets in the order {seen[:6]}..., not the story's {want[:6]}..."]
