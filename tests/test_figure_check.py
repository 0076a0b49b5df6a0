"""The figure check (tests/figure_check.py): every figure of the bundled story (5 outlets) and of a
generated story of 64 outlets drawn at max_outlets = 60 renders without overlapping text (matplotlib's
text extents), within a readable size (at most figure_check.MAX_PIXELS = 3300 x 4400 px at the saved
110 dpi, no text under figure_check.MIN_FONT = 6 pt), every page of a figure drawn on pages says which
page it is and which outlets it holds, and a capped figure says which outlets it left out."""
import matplotlib.pyplot as plt
import pytest

from presslens import paths
from presslens.notebook import setup

from . import figure_check


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    import sys

    sys.path.insert(0, str(paths.REPO_ROOT / "scripts"))
    from scale_story import build

    # every one of the 64 outlets has an article (16 a second one): 60 drawn, 4 left out by the cap
    return build(tmp_path_factory.mktemp("figcheck") / "big-story", 80, outlets=64, every_outlet=True)


def _check(story, figures, max_outlets=25, pages=None):
    from presslens.figures import style

    ctx = setup.setup(str(story), str(figures), max_outlets=max_outlets)
    found, names = [], {}
    for name, fig, data in figure_check.figures_of(ctx):
        names[name] = len(style.pages_of(fig))
        found.extend(figure_check.page_problems(name, fig, ctx.story, data))
        found.extend(figure_check.order_problems(name, fig, ctx.story))  # one outlet order across figures
        for page in style.pages_of(fig):
            plt.close(page)
    assert len(names) == 15
    if pages is not None:
        assert {n: k for n, k in names.items() if k > 1} == pages
    return found


def test_bundled_story_figures_are_readable(tmp_path):
    assert _check(paths.DEFAULT_STORY, tmp_path, pages={}) == []  # 5 outlets: every figure one page


def test_sixty_outlet_figures_are_readable_and_say_what_they_left_out(big, tmp_path):
    """60 outlets drawn (issue 27): the distinctive words come on 3 pages of 20 outlets, the naming ledger
    on 2 (rows of 12 outlets), the containment matrix (40 articles) on 2, a panel each; the other figures
    fit one page."""
    assert _check(big, tmp_path, max_outlets=60, pages={"wordchoice-keyness": 3, "naming-ledger": 2,
                                                                   "reuse-matrix": 2}) == []


def test_the_check_finds_overlaps_small_text_and_silent_caps():
    """The check itself, on figures made to fail it."""
    fig, ax = plt.subplots(figsize=(4, 3))
    fig.text(0.3, 0.9, "A title that runs into the suptitle", fontsize=10)
    fig.text(0.35, 0.9, "A suptitle", fontsize=10)
    ax.text(0.5, 0.5, "tiny", fontsize=4)
    ax.set_xticks([0.0, 0.05], ["a long tick label", "another long one"])
    assert ("A title that runs into the suptitle", "A suptitle") in figure_check.overlaps(fig)
    assert ("a long tick label", "another long one") in figure_check.overlaps(fig)
    fig2, ax2 = plt.subplots(figsize=(4, 3))  # rotated labels side by side do not overlap
    ax2.set_xticks(range(5), [f"Outlet {i:04d}" for i in range(5)], rotation=30, ha="right")
    assert figure_check.overlaps(fig2) == []
    import pandas as pd
    from types import SimpleNamespace

    probs = figure_check.problems("x", fig, SimpleNamespace(max_outlets=1), pd.DataFrame({"outlet": ["A", "B"]}))
    assert any("under 6.0 pt" in p for p in probs) and any("no note says" in p for p in probs)
    plt.close(fig)
    plt.close(fig2)


def test_the_check_finds_outlets_out_of_the_story_order():
    """Two figures naming the same outlets in different orders: the one against the story's is caught."""
    from types import SimpleNamespace

    st = SimpleNamespace(color_order=["Alpha", "Beta", "Gamma"], translations=set())
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.set_yticks([2, 1, 0], ["Alpha", "Beta", "Gamma"])  # top to bottom: the story's order
    assert figure_check.outlet_order(fig, st) == ["Alpha", "Beta", "Gamma"]
    assert figure_check.order_problems("ok", fig, st) == []
    fig2, ax2 = plt.subplots(figsize=(4, 3))
    ax2.set_xticks([0, 1, 2], ["Gamma", "Alpha", "Beta"])
    assert figure_check.order_problems("bad", fig2, st) and "Gamma" in figure_check.order_problems("bad", fig2, st)[0]
    assert figure_check.order_problems("profiles-similarity", fig2, st) == []  # a clustering orders by itself
    plt.close(fig)
    plt.close(fig2)


def test_a_wide_claims_grid_is_split_into_pages_in_the_story_order():
    """61 outlets drawn (no cap): the claims grid comes as rows of panels, each within a readable width,
    every outlet once, in the story's order (issue 27: wide figures split into pages)."""
    import pandas as pd
    from types import SimpleNamespace

    from presslens.figures import claims as fclaims

    outlets = [f"Outlet {i:02d}" for i in range(61)]
    st = SimpleNamespace(outlets=outlets, color_order=outlets, translations=set(), figure_outlets=lambda o: o,
                         max_outlets=None)
    rows = [{"claim": c, "outlet": o, "n_carrying": (i + j) % 2, "n_articles": 1, "share": 1.0, "voice": "narration",
             "part": "body"} for i, c in enumerate(["c1", "c2", "c3"]) for j, o in enumerate(outlets)]
    fig, data = fclaims.claims_grid(st, pd.DataFrame(rows), {"c1": "one", "c2": "two", "c3": "three"})
    assert figure_check.problems("claims", fig, st, data) == []
    assert len(fig.axes) == 3 and [len(ax.get_xticklabels()) for ax in fig.axes] == [21, 21, 19]
    assert figure_check.outlet_order(fig, st) == outlets
    assert fig.axes[1].get_title(loc="left") == "outlets 22-42 of 61"
    plt.close(fig)
