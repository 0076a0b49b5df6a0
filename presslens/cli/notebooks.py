"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations


from presslens.run.runner import refresh_notebooks


def cmd_notebooks(args) -> int:
    refresh_notebooks(args.notebook or None)
    return 0
