"""Figures stay readable with many outlets: at most max_outlets in a figure, every outlet in its CSV."""
import re

import matplotlib.pyplot as plt
import pytest

from presslens import paths
from presslens.analyses import readability as analyses_readability, tone as analyses_tone
from presslens.analyses.wordchoice import lexicon, matching
from presslens.figures import readability, wordchoice
from presslens.notebook import charts, overview, setup


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    import sys

    sys.path.insert(0, str(paths.REPO_ROOT / "scripts"))
    from scale_story import build

    return build(tmp_path_factory.mktemp("big") / "big-story", 120, outlets=60)


def test_figures_show_max_outlets_and_csvs_keep_all(big, tmp_path):
    ctx = setup.setup(str(big), str(tmp_path), max_outlets=8, n_boot=200)
    st = ctx.story
    n_outlets = len(st.outlets)
    assert n_outlets > 50
    fig, data = charts.tone_by_outlet(st, analyses_tone.outlet_tone_by_voice(st, n_boot=100))
    assert len(fig.axes[0].get_yticks()) == 8 and data["outlet"].nunique() == n_outlets
    assert any(re.search(r"Showing the 8 of \d+ outlets with most articles .* Left out: ", t.get_text().replace("\n", " "))
               for t in fig.texts)
    plt.close(fig)
    fig, data = readability.readability_panels(st, analyses_readability.readability(st))
    assert len(fig.axes[0].get_yticks()) <= 40 and len(data) == len(st.articles) and data["label"].is_unique
    plt.close(fig)
    fig, data = overview.plot_overview(ctx.full)
    assert len(fig.axes[0].get_yticks()) <= 40 and len(data) == len(ctx.full.articles)
    plt.close(fig)
    lex = lexicon.lexicon_for(st)
    fig, data = wordchoice.wordchoice_heatmap(st, matching.rates(st, lex, n_boot=100), lex)
    assert len(fig.axes[0].get_yticks()) == 8 and data["outlet"].nunique() == n_outlets
    plt.close(fig)


def test_members_per_outlet_lists_each_outlet_once_with_its_articles(big, tmp_path):
    from presslens.notebook import grouped

    ctx = setup.setup(str(big), str(tmp_path), n_boot=200)
    m = grouped.members(ctx)
    counts = ctx.story.articles["outlet"].value_counts()
    assert m["group"].tolist() == ctx.story.outlets  # one group per outlet, in story order
    assert (m["outlets"] == m["group"]).all() and (m["n_outlets"] == 1).all()
    assert m.set_index("group")["n_articles"].to_dict() == counts.to_dict()
