r"""User-supplied regular expressions (boilerplate, furniture overrides, claims, KWIC), bounded.

They are compiled with the ``regex`` package, which avoids most catastrophic backtracking outright
(``^(\w+\s?)+$`` on a long line is instant) and accepts a time limit for the rest: a search that
runs past ``TIMEOUT`` seconds raises :class:`PatternTimeout` naming the pattern, instead of hanging.

A pattern can also be slow without being catastrophic (half a second a line never trips the
per-search limit, and takes hours on a large story). So the time the story's own patterns (those
from story.yaml) spend is also counted over the whole story, inside :func:`budget`, as processor
time (CPU seconds of the searching thread, :func:`time.thread_time`: a machine loaded by other work
slows the clock, not the count, so the same story passes or fails the same way): past
``BUDGET`` seconds in all (``PRESSLENS_PATTERN_BUDGET`` to change it: seconds above 0, at most a day;
any other value is an error naming the variable) :class:`PatternBudgetExceeded` names the slowest
pattern. The limit on one search (:data:`TIMEOUT`) is the ``regex`` module's own, in wall time.
"""
from __future__ import annotations

import contextlib
import functools
import os
import time

import regex

from presslens.errors import ParameterError, PatternError


TIMEOUT = 2.0  # seconds (wall time: the regex module's timeout) for one search of one line or sentence
IGNORECASE = regex.IGNORECASE
USER = "story.yaml"  # searches whose ``where`` starts so are the story's own patterns: they count to the budget


BUDGET = 60.0  # processor seconds the story's own patterns may take in all, by default
_cpu = time.thread_time  # the budget's clock: CPU time of the thread that searches
MAX_BUDGET = 86_400.0  # a day: the largest budget PRESSLENS_PATTERN_BUDGET may set


def default_budget() -> float:
    """Seconds the story's own patterns may take in all, on one story: ``PRESSLENS_PATTERN_BUDGET``
    (a number of seconds above 0, at most a day), else :data:`BUDGET`. A value that is not one (abc,
    0, -1, nan, inf) is a :class:`~presslens.errors.ParameterError` naming the variable and the range,
    never quietly replaced by the default."""
    raw = os.environ.get("PRESSLENS_PATTERN_BUDGET")
    if raw is None or not raw.strip():
        return BUDGET
    try:
        value = float(raw)
    except ValueError:
        value = None
    if value is None or not (0 < value <= MAX_BUDGET):  # nan fails both comparisons; inf the second
        raise ParameterError.bad(
            "environment", "PRESSLENS_PATTERN_BUDGET",
            f"{raw[:40]!r} is not a time budget: it must be a number of seconds above 0 and at most {MAX_BUDGET:,.0f}",
            f"set it to seconds, e.g. PRESSLENS_PATTERN_BUDGET=120, or unset it for the default ({BUDGET:g} s)")
    return value


class PatternTimeout(PatternError):
    """A user pattern ran past the time limit: it backtracks catastrophically on some text."""

    def __init__(self, pattern: str, where: str = ""):
        self.pattern, self.where = pattern, where
        super().__init__(f"pattern {pattern!r}{' (' + where + ')' if where else ''} took more than {TIMEOUT:g} s "
                         f"on one line: simplify it (avoid nested repeats such as (\\w+\\s?)+)")

    def __reduce__(self):  # raised in a worker process, read in the main one
        return (type(self), (self.pattern, self.where))


@functools.lru_cache(maxsize=4096)
def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - mirrors re.compile
    """Compile with the ``regex`` package (version 0: ``re``-compatible syntax). Raises
    ``regex.error`` for an invalid pattern."""
    return regex.compile(pattern, flags | regex.VERSION0)


class PatternBudgetExceeded(PatternTimeout):
    """The story's own patterns took more than their budget over the whole story."""

    def __init__(self, pattern: str, where: str, limit: float, spent: float, slowest: float):
        ValueError.__init__(self, f"the story's patterns took more than {limit:g} s in all on this story (processor "
                            f"time, not waiting); the slowest, {pattern!r} ({where}), took {slowest:.1f} s: simplify it (anchor it, avoid "
                            f"leading .* and nested repeats), or raise the limit with PRESSLENS_PATTERN_BUDGET=SECONDS")
        self.pattern, self.where, self.limit, self.spent, self.slowest = pattern, where, limit, spent, slowest

    def __reduce__(self):
        return (type(self), (self.pattern, self.where, self.limit, self.spent, self.slowest))


class _Budget:
    def __init__(self, limit: float, stated: float):
        self.limit, self.stated, self.spent = limit, stated, 0.0
        self.by_pattern: dict[tuple[str, str], float] = {}

    def charge(self, rx: regex.Pattern, where: str, seconds: float) -> None:
        self.spent += seconds
        key = (rx.pattern, where)
        self.by_pattern[key] = self.by_pattern.get(key, 0.0) + seconds
        if self.spent > self.limit:
            (pattern, w), slowest = max(self.by_pattern.items(), key=lambda kv: kv[1])
            raise PatternBudgetExceeded(pattern, w, self.stated, self.spent, slowest)


_BUDGET: _Budget | None = None


@contextlib.contextmanager
def budget(seconds: float | None = None, stated: float | None = None):
    """Count the story's own patterns' search time against ``seconds`` (default :func:`default_budget`)
    while the block runs; a budget already counting (an outer block) is kept. ``stated`` is the
    story's whole budget when ``seconds`` is one part's share of it (what the error states)."""
    global _BUDGET
    if _BUDGET is not None:
        yield _BUDGET
        return
    limit = default_budget() if seconds is None else seconds
    _BUDGET = _Budget(limit, stated or limit)
    try:
        yield _BUDGET
    finally:
        _BUDGET = None


def _timed(rx: regex.Pattern, call, where: str):
    b = _BUDGET if where.startswith(USER) else None
    if b is None:
        try:
            return call(TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(rx.pattern, where) from None
    t0 = _cpu()
    try:
        got = call(TIMEOUT)
    except TimeoutError:
        b.charge(rx, where, _cpu() - t0)  # the budget may have run out during this search: that is said first
        raise PatternTimeout(rx.pattern, where) from None
    b.charge(rx, where, _cpu() - t0)  # a search that ran past the budget completes (at most TIMEOUT), then raises
    return got


def search(rx: regex.Pattern, s: str, where: str = ""):
    return _timed(rx, lambda t: rx.search(s, timeout=t), where)


CHARGE_EVERY = 64  # searches of one batch (:func:`search_each`) between two readings of the budget's clock


def search_each(rx: regex.Pattern, texts: list[str], where: str = "") -> list:
    """``[search(rx, s, where) for s in texts]``, the same matches and the same limits (each search at
    most :data:`TIMEOUT`; inside :func:`budget`, the story's own patterns' time counted), but the
    budget's clock read once per :data:`CHARGE_EVERY` searches instead of twice per search: two clock
    readings cost more than a search of one sentence (issue 20: the claims' patterns over 10,000
    articles' sentences). A budget running out is said at most that many searches later."""
    b = _BUDGET if where.startswith(USER) else None
    out: list = []
    if b is None:
        try:
            for s in texts:
                out.append(rx.search(s, timeout=TIMEOUT))
        except TimeoutError:
            raise PatternTimeout(rx.pattern, where) from None
        return out
    for lo in range(0, len(texts), CHARGE_EVERY):
        t0 = _cpu()
        try:
            for s in texts[lo:lo + CHARGE_EVERY]:
                out.append(rx.search(s, timeout=TIMEOUT))
        except TimeoutError:
            b.charge(rx, where, _cpu() - t0)
            raise PatternTimeout(rx.pattern, where) from None
        b.charge(rx, where, _cpu() - t0)
    return out


def finditer(rx: regex.Pattern, s: str, where: str = ""):
    return _timed(rx, lambda t: list(rx.finditer(s, timeout=t)), where)


def finditer_each(rx: regex.Pattern, texts: list[str], where: str = "", seconds: float | None = None
                  ) -> tuple[list[list], str]:
    """``rx``'s matches in each of ``texts`` (a search over a whole story, such as explore's KWIC),
    under the same limits as the story's own patterns: each text at most :data:`TIMEOUT` seconds,
    the whole search at most ``seconds`` of processor time (default :func:`default_budget`). Never raises for time: a
    text past the per-text limit is skipped, the search stops when the budget is spent, or after
    ``MAX_SKIPPED`` skipped texts (the pattern backtracks on everything); the texts not searched get
    no matches and the note (else '') says what was cut, in words, with the fix."""
    limit = default_budget() if seconds is None else seconds
    out: list[list] = []
    skipped, spent, stop = 0, 0.0, ""
    for s in texts:
        left = limit - spent
        if skipped >= MAX_SKIPPED:
            stop = f"it stopped after {skipped} sentences took more than {TIMEOUT:g} s each"
            break
        t0 = _cpu()
        try:
            found = list(rx.finditer(s, timeout=TIMEOUT)) if left > 0 else None
        except TimeoutError:  # this one text is too slow
            found = []
            skipped += 1
        spent += _cpu() - t0
        if found is None:
            stop = f"it stopped after {limit:g} s of processor time, the pattern budget (PRESSLENS_PATTERN_BUDGET)"
            break
        out.append(found)
    searched = len(out) - skipped
    out += [[] for _ in range(len(texts) - len(out))]
    if not stop and not skipped:
        return out, ""
    parts = [f"{skipped} sentence(s) took more than {TIMEOUT:g} s each and were skipped"] if skipped else []
    if stop:
        parts.append(f"{stop}, with {len(texts) - searched - skipped:,} of {len(texts):,} sentences not searched")
    n_found = sum(map(len, out))
    return out, (f"the search for {rx.pattern!r}{' (' + where + ')' if where else ''} was cut: {'; '.join(parts)}. "
                 f"The {n_found} match(es) shown are from the {searched:,} sentences searched. Fix: simplify the pattern "
                 "(anchor it, avoid leading .* and nested repeats such as (\\w+\\s?)+), or raise PRESSLENS_PATTERN_BUDGET")


MAX_SKIPPED = 3  # sentences past TIMEOUT after which a search stops: the pattern backtracks on everything

error = regex.error
