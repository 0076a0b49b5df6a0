"""The figures as the notebooks call them: every drawing function of :mod:`presslens.figures`, and
for the few whose tables the notebook does not print itself, a function that computes those tables
(through the analyses) and hands them to the figure. The figures themselves never compute."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from presslens.analyses import keyness, tone
from presslens.analyses.naming import cell_kinds, names_grid
from presslens.figures import naming as naming_fig
from presslens.figures import tone as tone_fig
from presslens.figures import wordchoice as wordchoice_fig
from presslens.figures.claims import claims_grid  # noqa: F401
from presslens.figures.profiles import framing_similarity, profile_panels  # noqa: F401
from presslens.figures.readability import readability_panels  # noqa: F401
from presslens.figures.sources import voice_share  # noqa: F401
from presslens.figures.style import outlets_of
from presslens.figures.tone import tone_arc, tone_by_actor  # noqa: F401
from presslens.figures.wordchoice import wordchoice_heatmap  # noqa: F401
from presslens.story.model import Story


def tone_by_outlet(story: Story, table: pd.DataFrame, seed: int = 0) -> tuple[plt.Figure, pd.DataFrame]:
    """:func:`presslens.figures.tone.tone_by_outlet` with the story's sentence tone."""
    return tone_fig.tone_by_outlet(story, table, tone.sentence_tone(story), seed=seed)


def distinctive_terms(story: Story, n: int = 8, min_count: int = 3, voice: str = "narration",
                      table: pd.DataFrame | None = None) -> tuple[plt.Figure, pd.DataFrame]:
    """:func:`presslens.figures.wordchoice.distinctive_terms` of the story's keyness (``table``, or
    computed here), top ``n`` words per outlet."""
    top = None
    if story.articles["outlet"].nunique() >= 2:
        k = table if table is not None else keyness.keyness(story, min_count=min_count, voice=voice)
        top = keyness.top(k, n=n)
    return wordchoice_fig.distinctive_terms(story, top, n=n, min_count=min_count, voice=voice)


def names_by_outlet(story: Story, ledger: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """:func:`presslens.figures.naming.names_by_outlet` with the grid and cell kinds of the outlets drawn."""
    if ledger.empty:
        return naming_fig.names_by_outlet(story, ledger, None, None)
    _, outlets = outlets_of(story, ledger)
    grid = names_grid(story, ledger, outlets)
    kinds = cell_kinds(ledger[ledger["outlet"].isin(outlets)])
    return naming_fig.names_by_outlet(story, ledger, grid, kinds)
