r"""User-supplied regular expressions (boilerplate, furniture overrides, claims, KWIC), bounded.

They are compiled with the ``regex`` package, which avoids most catastrophic backtracking outright
(``^(\w+\s?)+$`` on a long line is instant) and accepts a time limit for the rest: a search that
runs past ``TIMEOUT`` seconds raises :class:`PatternTimeout` naming the pattern, instead of hanging.
"""
from __future__ import annotations

import functools
import regex

from presslens.errors import PatternError


TIMEOUT = 2.0  # seconds for one search of one line or sentence
IGNORECASE = regex.IGNORECASE


class PatternTimeout(PatternError):
    """A user pattern ran past the time limit: it backtracks catastrophically on some text."""

    def __init__(self, pattern: str, where: str = ""):
        self.pattern, self.where = pattern, where
        super().__init__(f"pattern {pattern!r}{' (' + where + ')' if where else ''} took more than {TIMEOUT:g} s "
                         f"on one line: simplify it (avoid nested repeats such as (\\w+\\s?)+)")


@functools.lru_cache(maxsize=4096)
def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - mirrors re.compile
    """Compile with the ``regex`` package (version 0: ``re``-compatible syntax). Raises
    ``regex.error`` for an invalid pattern."""
    return regex.compile(pattern, flags | regex.VERSION0)


def search(rx: regex.Pattern, s: str, where: str = ""):
    try:
        return rx.search(s, timeout=TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(rx.pattern, where) from None


def finditer(rx: regex.Pattern, s: str, where: str = ""):
    try:
        return list(rx.finditer(s, timeout=TIMEOUT))
    except TimeoutError:
        raise PatternTimeout(rx.pattern, where) from None


error = regex.error
