"""presslens: compare how news outlets framed the same story.

The notebooks in ``notebooks/`` stay thin; everything they compute lives here:

- :mod:`presslens.corpus`   load and validate a story folder (``load_story``)
- :mod:`presslens.text`     cleaning, sentence splitting, tokens, quote spans (cached per story)
- :mod:`presslens.overview` corpus overview tables
- :mod:`presslens.plots`    one figure helper: outlet colours, PNG + SVG + CSV, byte-identical
- :mod:`presslens.runner`   batch runner (papermill over every notebook)
"""

__version__ = "0.1.0"

from .corpus import Story, StoryError, load_story  # noqa: E402,F401
