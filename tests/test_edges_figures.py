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
