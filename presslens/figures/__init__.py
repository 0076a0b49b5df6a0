"""Layer 5, the figures: one module per analysis, each drawing the tables it is given (never
computing them: the notebook, or :mod:`presslens.notebook.charts`, passes what it printed), and
:mod:`.style`: outlet colours, labels, the one save helper (PNG + SVG + CSV, byte-identical)."""
