"""Command line: ``presslens run | new | check | names | import | notebooks | provision``."""
from __future__ import annotations

import ast


def param_value(text: str):
    """papermill-style -p values: Python literals (1, 0.5, None, ['a', 'b']) or else plain strings."""
    if len(text) > 100_000:
        return text
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return text
