"""presslens's version: the one number pyproject.toml, CITATION.cff, the run manifest and the export's
metadata give (tests/test_export.py checks that they agree). Layer 0: no presslens imports."""

__version__ = "0.1.0"
