"""One search in place of many: the built-in furniture patterns that open with ``^`` in every
alternative, asked together whether any of them can match a line (issue 20: the cleaning rules'
searches were a third of the per-article stage).

Cleaning searches every line with every rule (about ninety built-in patterns), and each search of
the ``regex`` module with a time limit costs about 2 microseconds before it reads a character. Most
lines match none of them. :class:`Screen` joins a run of such patterns into one alternation,
``(?i:p1)|(?-i:p2)|...``: it finds no match in a line exactly when none of the patterns does, so
a line it clears skips the whole run unchanged, and a line it does not clear goes through the
patterns one by one as before (same matches, same order, same removals).

Only patterns whose meaning cannot change inside an alternation join: no back-reference or
recursion (group numbers shift), no global inline flag (it would apply to every pattern), no
comment; each alternative at the top level opens with ``^`` (an alternation tried at every position
of a line costs more than the searches it replaces). The story's own patterns never join: their
time counts against the story's budget (:mod:`presslens.patterns`), pattern by pattern.
"""
from __future__ import annotations

import functools
import re

import regex

from presslens import patterns

# constructs that read group numbers or names, or change the whole pattern's flags
_UNSAFE = re.compile(r"\\[1-9]|\\g<|\(\?P[=>]|\(\?\(|\(\?R|\(\?[0-9&+-]?\d|\(\?&|\(\?#|\(\?[a-zA-Z]*(?:-[a-zA-Z]*)?\)|\\G")


def branches(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (split at each ``|`` outside groups and character
    classes, escapes skipped): ``'^a|b(c|d)'`` -> ``['^a', 'b(c|d)']``."""
    out: list[str] = []
    depth, in_class, start, i = 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "[":   # a nested set (the regex module's version 1 syntax): count it as one level more
                pass
            elif c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":   # a ']' first in a class is a character, not its end
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def joinable(pattern: str, flags: int) -> bool:
    """``pattern`` (compiled with ``flags``) means the same inside an alternation and is anchored at
    the line's start in every alternative."""
    if flags not in (0, patterns.IGNORECASE) or _UNSAFE.search(pattern):
        return False
    return all(b.startswith("^") and b[1:2] not in ("?", "*", "+", "{") for b in branches(pattern))


class Screen:
    """Whether any of ``members`` ((pattern, flags) pairs) can match a line, in one search."""

    def __init__(self, members: tuple[tuple[str, int], ...]):
        self.members = members
        self.rx = regex.compile("|".join(f"(?{'i' if f else '-i'}:{p})" for p, f in members), regex.VERSION0)
        self._seen: dict[str, bool] = {}   # line -> its answer (a site's template lines, a wire's paragraphs recur)

    def may_match(self, line: str) -> bool:
        """False only when no member matches anywhere in ``line``; a search past the time limit says
        True (the members' own searches then run, and say which pattern is slow)."""
        got = self._seen.get(line)
        if got is None:
            try:
                got = self.rx.search(line, timeout=patterns.TIMEOUT) is not None
            except TimeoutError:
                got = True
            if len(self._seen) >= SEEN:
                self._seen.clear()
            self._seen[line] = got
        return got


SEEN = 4096  # lines whose answer a screen keeps


@functools.lru_cache(maxsize=64)
def screen(members: tuple[tuple[str, int], ...]) -> Screen | None:
    """The :class:`Screen` of ``members`` (compiled once per process), None when they do not compile
    together (each is then searched alone)."""
    try:
        return Screen(members)
    except (regex.error, ValueError, OverflowError):
        return None


def plan(rules: list[tuple[str, int, str]], least: int = 3) -> dict[int, tuple[int, Screen]]:
    """``{i: (j, screen)}``: the rules ``i`` to ``j - 1`` of ``rules`` ((pattern, flags, where) in the
    order they run) form a run of :func:`joinable` built-in patterns (``where`` not the story's, see
    :data:`presslens.patterns.USER`), at least ``least`` long, that ``screen`` clears together."""
    out: dict[int, tuple[int, Screen]] = {}
    i = 0
    while i < len(rules):
        j = i
        while j < len(rules) and not rules[j][2].startswith(patterns.USER) and joinable(rules[j][0], rules[j][1]):
            j += 1
        if j - i >= least:
            got = screen(tuple((p, f) for p, f, _ in rules[i:j]))
            if got is not None:
                out[i] = (j, got)
        i = max(j, i + 1)
    return out
