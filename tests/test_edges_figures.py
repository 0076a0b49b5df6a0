"""Boundaries of the figures (issue 20, round-3 survivor 010 and the boundary pass): the containment
matrix writes each cell's share in it up to 15 articles (16: colour only), in white past 60%. Crafted
tables; a stand-in story with only what the figure reads (labels, articles, translations)."""
from types import SimpleNamespace

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from presslens.figures import reuse

matplotlib.use("Agg")


def _story(n):
    ids = [f"h{i:02d}" for i in range(n)]
    return SimpleNamespace(labels={a: f"Harbour Outlet {a}" for a in ids},
                           articles=pd.DataFrame({"id": ids, "outlet": [f"Harbour Outlet {a}" for a in ids]}),
                           translations=set()), ids


@pytest.mark.parametrize("n, labelled", [(15, True), (16, False), (2, True)])
def test_matrix_cells_labelled_up_to_15_articles(n, labelled):
    story, ids = _story(n)
    data = pd.DataFrame({"article": [ids[0], ids[1]], "other": [ids[1], ids[0]], "containment": [0.6, 0.61]})
    fig = reuse._matrix_page(story, data, ids, ids, [("containment", "all text")], None)
    try:
        ax = fig.axes[0]
        texts = [(t.get_text(), t.get_color()) for t in ax.texts]
        if labelled:
            assert sorted(texts) == [("60%", "black"), ("61%", "white")]  # 0.6 is not past 60%
        else:
            assert texts == []
        assert f"the same {n} articles" not in fig._suptitle.get_text()  # not paged
    finally:
        plt.close(fig)


# ---- figures/style: pages, page notes, colours, heatmap text colour, labels -------------------------------

from presslens.figures import style  # noqa: E402


@pytest.mark.parametrize("n, per, sizes", [
    (60, 24, [20, 20, 20]), (24, 24, [24]), (25, 24, [13, 12]), (48, 24, [24, 24]), (49, 24, [17, 17, 15]),
    (1, 24, [1]), (0, 24, [0]), (3, 0, [1, 1, 1]),
])
def test_split_fewest_balanced_pages(n, per, sizes):
    items = list(range(n))
    pages = style.split(items, per)
    assert [len(p) for p in pages] == sizes
    assert [x for p in pages for x in p] == items


def test_page_note_ends():
    assert style.page_note(1, 2, 1, ["Harbour Gazette"], 3) == "Page 1 of 2: outlets 1-1 of 3 drawn (Harbour Gazette)."
    assert style.page_note(2, 2, 2, ["Pier Times", "Quay Post"], 3) == (
        "Page 2 of 2: outlets 2-3 of 3 drawn (Pier Times to Quay Post).")
    assert style.page_note(1, 1, 1, [], 0, "articles") == "Page 1 of 1: articles 1-0 of 0 drawn (none)."


def test_paged_one_figure_is_itself():
    a, b = plt.figure(), plt.figure()
    try:
        assert style.paged([a]) is a and style.pages_of(a) == [a]
        assert style.paged([a, b]) is a and style.pages_of(a) == [a, b]
    finally:
        plt.close(a), plt.close(b)


def test_outlet_colors_palette_then_extra():
    n = len(style.PALETTE)
    assert n == 17
    names = [f"Harbour {i}" for i in range(n + 2)]
    c = style.outlet_colors(names)
    assert [c[x] for x in names[:n]] == style.PALETTE  # the 17th outlet still gets the palette's last colour
    assert c[names[n]] == style._extra_color(0) and c[names[n + 1]] == style._extra_color(1)
    assert len(set(c.values())) == n + 2


@pytest.mark.parametrize("diverging, values, colours", [
    # diverging over [-1, 1]: dark past 0.35 of the range (0.7) from the middle
    (True, [0.7, 0.71, -0.7, -0.71], ["black", "white", "black", "white"]),
    # sequential over [0, 1]: dark past 60%
    (False, [0.6, 0.61, 0.0, 1.0], ["black", "white", "black", "white"]),
])
def test_heatmap_text_dark_past_the_threshold(diverging, values, colours):
    fig, ax = plt.subplots()
    try:
        t = pd.DataFrame([values], columns=list("abcd"), index=["Harbour"])
        style.heatmap(ax, t, None, "RdBu", -1.0 if diverging else 0.0, 1.0, ".2f", diverging=diverging)
        assert [x.get_color() for x in ax.texts] == colours
    finally:
        plt.close(fig)


def test_outlet_labels_alike_names_keep_both_ends():
    one = style.outlet_labels(["Harbour Gazette"], 28)
    assert one == {"Harbour Gazette": "Harbour Gazette"}
    a, b = "The Harbour Council Evening Gazette North", "The Harbour Council Evening Gazette South"
    got = style.outlet_labels([a, b], 28)
    assert got[a] != got[b] and all(len(v) <= 28 for v in got.values())
    assert got[a].endswith("North") and got[b].endswith("South")
    # the last max(6, limit // 3) characters kept (9 of 28), the start up to the limit with the ellipsis
    assert got[a] == "The Harbour Counci…tte North" and len(got[a]) == 28
    assert style.outlet_labels([a, b], 12)[a] == "The H…North"  # 6 kept at 12 (12 // 3 is 4)
    same_end = ["The Harbour Council Evening Gazette North" + s for s in ("", " ")]
    got = style.outlet_labels(same_end, 28)  # flattened alike: numbered in the order given
    assert [v[-3:] for v in got.values()] == ["[1]", "[2]"]


# ---- figures/timeline: days without articles drawn up to a span of MAX_DAYS - 1 days -----------------------

from presslens.figures import claims as claims_fig, timeline as timeline_fig  # noqa: E402


@pytest.mark.parametrize("span, every_day", [(89, True), (90, False), (2, True)])
def test_articles_per_day_gaps_at_max_days(span, every_day):
    assert timeline_fig.MAX_DAYS == 90
    first = pd.Timestamp("2024-05-01")
    last = first + pd.Timedelta(days=span)
    table = pd.DataFrame({"group": ["national", "regional", "national"],
                          "day": [first, last, pd.NaT],  # as timeline.per_day gives them
                          "dated": [True, True, False], "articles": [2, 1, 1]})
    fig, got = timeline_fig.articles_per_day(None, table, by="kind")
    try:
        ax = fig.axes[0]
        n_bars = len(ax.patches) // 2  # two groups, one bar each per label
        assert n_bars == (span + 1 + 1 if every_day else 2 + 1)  # every day (or the two dated) and "undated"
        assert ("days without articles left out" in ax.get_title()) is not every_day
        heights = [p.get_height() for p in ax.patches]
        assert sum(heights) == 4
        assert len(ax.lines) == 1  # the dashed line before "undated"
    finally:
        plt.close(fig)
    fig, _ = timeline_fig.articles_per_day(None, table[table["dated"]], by="kind")
    try:
        assert len(fig.axes[0].lines) == 0  # nothing undated: no line
    finally:
        plt.close(fig)


# ---- figures/claims: a cell's share shown when the outlet has two articles or more -------------------------

def test_claims_grid_cell_text():
    story = SimpleNamespace(color_order=["Harbour Gazette", "Pier Times"], translations=set())
    cell = {("pier", "Harbour Gazette"): SimpleNamespace(n_carrying=1, voice="narration", part="lede", share=0.5, n_articles=2),
            ("pier", "Pier Times"): SimpleNamespace(n_carrying=1, voice="quote", part="body", share=1.0, n_articles=1),
            ("quay", "Harbour Gazette"): SimpleNamespace(n_carrying=0, voice="narration", part="", share=0.0, n_articles=2)}
    fig, ax = plt.subplots()
    try:
        claims_fig._grid_page(story, ax, ["Harbour Gazette", "Pier Times"], ["pier", "quay"], cell, ["pier", "quay"],
                              [0, 1, 2], [0.5, 1.5], 2)
        assert [t.get_text() for t in ax.texts] == ["L 50%", "", "·", "·"]
        colours = [p.get_facecolor() for p in ax.patches]
        assert colours[3] == colours[2] == (1.0, 1.0, 1.0, 1.0)  # not carried (n_carrying 0, or no row): white
    finally:
        plt.close(fig)


# ---- figures/tone: an outlet's tone arc needs ARC_MIN_ARTICLES (3) articles ------------------------------

from presslens.figures import tone as tone_fig  # noqa: E402

from .conftest import write_story  # noqa: E402


def test_tone_arc_drawn_from_three_articles(tmp_path):
    assert tone_fig.ARC_MIN_ARTICLES == 3
    body = "The Harbour Council met on Monday. It approved the pier."
    st = write_story(tmp_path, "  - name: Harbour Council\n",
                     [("Harbour Gazette", body)] * 3 + [("Pier Times", body)] * 2)
    rows = [{"outlet": o, "bin": b, "bin_mid": 0.1 + 0.2 * b, "mean": 0.1, "ci_low": 0.0, "ci_high": 0.2,
             "n_sentences": 2} for o in ("Harbour Gazette", "Pier Times") for b in range(5)]
    fig, _ = tone_fig.tone_arc(st, pd.DataFrame(rows))
    try:
        assert [ln.get_label() for ln in fig.axes[0].get_lines() if not ln.get_label().startswith("_")] == ["Harbour Gazette"]
        notes = " ".join(t.get_text() for t in fig.texts)
        assert "Not drawn, fewer than 3 articles: 1 outlet(s) (Pier Times)" in notes
    finally:
        plt.close(fig)
    fig, _ = tone_fig.tone_arc(st.subset(["Pier Times"]), pd.DataFrame([r for r in rows if r["outlet"] == "Pier Times"]))
    try:
        text = " ".join(t.get_text() for ax in fig.axes for t in ax.texts) + " ".join(t.get_text() for t in fig.texts)
        assert "No tone arc: it needs at least 3 articles per outlet" in text and "(the most: 2)" in text
    finally:
        plt.close(fig)


# ---- figures/naming: a ledger cell keeps two wrapped lines of 18 characters, an ellipsis past them ---------

from presslens.figures import naming as naming_fig  # noqa: E402


def test_ledger_cell_two_lines_then_ellipsis():
    story = SimpleNamespace(color_order=["Harbour Gazette"], translations=set())
    names = {"two": "Harbour Council / Pier Board",  # wraps to two lines of at most 18
             "three": "Harbour Council / Pier Board / Quay Trust", "none": "",
             "eighteen": "Harbour Pier Board"}  # exactly 18 characters: one line
    grid = pd.DataFrame({"Harbour Gazette": names})
    top = {("Harbour Gazette", "two"): "name", ("Harbour Gazette", "three"): "rendering: calque"}
    fig, ax = plt.subplots()
    try:
        naming_fig._ledger_page(story, ax, ["Harbour Gazette"], ["two", "three", "none", "eighteen"], grid, top, 1)
        got = [t.get_text() for t in ax.texts]
        assert got == ["Harbour Council /\nPier Board", "Harbour Council /\nPier Board / Quay\u2026", "\u00b7",
                       "Harbour Pier Board"]
        assert [t.get_fontweight() for t in ax.texts][:2] == ["normal", "bold"]  # renderings in bold
    finally:
        plt.close(fig)
