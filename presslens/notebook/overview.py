"""The corpus notebook's helpers under one name: the corpus analysis
(:mod:`presslens.analyses.corpus`) and its figure, given the tables it draws."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from presslens.analyses import wires
from presslens.analyses.corpus import article_table, provenance, removed_table, screening, summary  # noqa: F401
from presslens.figures import corpus as corpus_fig
from presslens.story.model import Story


def credit_groups(story: Story, prov: pd.DataFrame) -> pd.DataFrame:
    """``prov`` (:func:`presslens.analyses.corpus.provenance`) with each credit under one name per
    source: credits that are one source through story.yaml's aliases or an agency's names ("SCMP" and
    "South China Morning Post", "AP" and "The Associated Press") get the story's outlet name when one
    matches, else the first spelling met; ``credits`` keeps what each article wrote."""
    forms = wires.name_forms(story)
    names: list[str] = []  # the group names so far: outlets first, then credits as met
    out = []
    for c in prov["credits"]:
        hit = next((n for n in [*story.outlets, *names] if wires.same_source(c, n, forms)), None)
        if hit is None:
            names.append(c)
            hit = c
        out.append(hit)
    return prov.assign(credits=out)


def plot_overview(story: Story, table: pd.DataFrame | None = None) -> tuple[plt.Figure, pd.DataFrame]:
    """:func:`presslens.figures.corpus.plot_overview` of ``table`` (or the story's article table), its
    credits grouped by source (:func:`credit_groups`: one column for SCMP and South China Morning Post)."""
    t = table if table is not None else article_table(story)
    return corpus_fig.plot_overview(story, t, credit_groups(story, provenance(story)))
