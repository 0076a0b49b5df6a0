"""presslens: compare how news outlets framed the same story.

The notebooks in ``notebooks/`` stay thin; everything they compute lives here, in rooms whose
imports point one way only (``tests/test_layers.py`` checks every arrow; docs/architecture.md maps
each room, and the modules the flat layout had to their new homes):

- layer 0: :mod:`presslens.errors`, :mod:`presslens.paths`, :mod:`presslens.patterns`,
  :mod:`presslens.stats`, :mod:`presslens.data` (the shipped data files and their loaders)
- layer 1: :mod:`presslens.story`    the story model, strict YAML, story.yaml schema, loading, importer
- layer 2: :mod:`presslens.text.segment`     pure functions of one article's strings, and the per-article function
- layer 3: :mod:`presslens.engine.fanout`   cache keys, stores, fan-out, the story's tables, screening
- layer 4: :mod:`presslens.analyses` one module (or small package) per question, tidy tables and findings
- layer 5: :mod:`presslens.figures`  draw the tables they are given; outlet colours; save
- layer 6: :mod:`presslens.notebook` notebook set-up, interactive tables, explore, chart helpers
- layer 7: :mod:`presslens.run`      the gate, the batch runner, outputs, manifest, report index
- layer 8: :mod:`presslens.cli`      the ``presslens`` command, one module per subcommand
"""

from .version import __version__  # noqa: E402,F401

_LAZY = {"load_story": "story.load", "Story": "story.model", "StoryError": "story.model"}


def __getattr__(name: str):
    """``presslens.load_story``, ``Story`` and ``StoryError`` load on first use: ``import presslens``
    stays light, so the ``presslens`` command can take over Ctrl-C before pandas and matplotlib load
    (an interrupt while they load then prints one line, not a traceback)."""
    if name in _LAZY:
        import importlib
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'presslens' has no attribute {name!r}")


__all__ = ["__version__", "load_story", "Story", "StoryError"]
