"""The corpus notebook's helpers under one name: the corpus analysis
(:mod:`presslens.analyses.corpus`) and its figure, given the tables it draws."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from presslens.analyses.corpus import article_table, provenance, removed_table, screening, summary  # noqa: F401
from presslens.figures import corpus as corpus_fig
from presslens.story.model import Story


def plot_overview(story: Story, table: pd.DataFrame | None = None) -> tuple[plt.Figure, pd.DataFrame]:
    """:func:`presslens.figures.corpus.plot_overview` of ``table`` (or the story's article table)."""
    t = table if table is not None else article_table(story)
    return corpus_fig.plot_overview(story, t, provenance(story))
