"""Layer 0: the one error hierarchy. Every error presslens raises to a user is a
:class:`PresslensError`, and says what is wrong, where (file, field, parameter, page) and the fix.

- :class:`StoryError`: a story folder (story.yaml, articles, references, lexicon files), every
  :class:`Problem` at once;
- :class:`ParameterError`: a notebook parameter, a CLI option or a function argument (a
  :class:`StoryError` too, so code that caught bad parameters as story errors still does);
- :class:`PageError`: a saved web page ``presslens import`` cannot read;
- :class:`PatternError`: a user pattern that does not compile or runs past its time limit;
- :class:`RunError`: a batch run that failed or cannot write its outputs (:class:`OutputError`).

Imports nothing from presslens (layer 0).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


class PresslensError(Exception):
    """Base of every error presslens raises to a user."""

    def _render_traceback_(self) -> list[str]:
        """What IPython (a notebook cell, JupyterLab, papermill) shows instead of the traceback: the
        message alone, which already names the file or parameter and the fix; the frames of presslens's
        own code would only bury it."""
        return f"{type(self).__name__}: {self}".splitlines()


@dataclass(frozen=True)
class Problem:
    """One problem: the file (or parameter) it is in, the field, what is wrong and the fix."""
    file: str
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}" + (f" [{self.field}]" if self.field else "")
        message = self.message if len(self.message) <= 2000 else self.message[:1999] + "…"  # never a 2 GB line
        return f"{where}: {message}. Fix: {self.fix}"


GROUP_OVER = 5          # a problem repeated over more files than this is one line: the count and the first files
FIRST = 3               # files named in a grouped line


def grouped(problems: list[Problem], show_all: bool, prefix: str) -> tuple[list[str], bool]:
    """One line per problem, except that the same problem (the same field, message up to its numbers
    and fix) over more than :data:`GROUP_OVER` files is one line: how many, the first message, the
    first :data:`FIRST` files. Groups keep the order of their first problem. (lines, whether any was grouped)"""
    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.field, re.sub(r"\d+(?:[.,]\d+)*", "N", p.message), p.fix), []).append(p)
    lines, cut = [], False
    for (field, _, fix), ps in groups.items():
        if show_all or len(ps) <= GROUP_OVER:
            lines += [f"  {prefix}{p}" if p.fix else f"  {prefix}{p.file}: {p.message}" for p in ps]
            continue
        where = f" [{field}]" if field else ""
        files = list(dict.fromkeys(p.file for p in ps))  # one file may hold the problem many times (a duplicate of many)
        more = f", and {len(files) - FIRST} more" if len(files) > FIRST else ""
        count = f"{len(ps)} files" if len(files) == len(ps) else f"{len(ps)} times in {len(files)} file(s)"
        cut = True
        lines.append(f"  {prefix}{count}{where}, e.g. {ps[0].message} (first: {', '.join(files[:FIRST])}{more})"
                     + (f". Fix: {fix}" if fix else ""))
    return lines, cut


class StoryError(PresslensError, ValueError):
    """Everything wrong with a story folder, reported at once: ``problems`` holds every one; the message
    groups a problem repeated over many files (:func:`grouped`), and :meth:`report` lists them all."""

    def __init__(self, problems: list[Problem], story: str = ""):
        self.problems = list(problems)
        self.story = story
        super().__init__(self.report())

    def report(self, show_all: bool = False) -> str:
        """The message: a head line, then one line per problem (every one with ``show_all``, else a problem
        repeated over more than :data:`GROUP_OVER` files as one line, and a last line saying how to see all)."""
        story = self.story
        head = f"story {story!r} has {len(self.problems)} problem(s):" if story else "problems:"
        lines, cut = grouped(self.problems, show_all, "- ")
        if cut:
            lines.append(f"(a problem repeated over more than {GROUP_OVER} files is one line: `presslens check "
                         "STORY --all` lists every one)")
        return "\n".join([head] + lines)


class ParameterError(StoryError):
    """A bad parameter (notebook parameter, CLI option, function argument): where it was given
    (``Problem.file``: the notebook, command or function), its name (``field``), what is wrong and
    the fix. A :class:`StoryError` too, so code that caught bad parameters that way still does."""

    @classmethod
    def bad(cls, where: str, name: str, message: str, fix: str) -> "ParameterError":
        """One bad parameter, as one line: ``where [name]: message. Fix: fix``."""
        err = cls([Problem(where, name, message, fix)])
        err.args = (str(err.problems[0]),)
        return err

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class PageError(PresslensError):
    """A page that cannot be imported: ``reason`` and ``fix``."""

    def __init__(self, reason: str, fix: str):
        super().__init__(reason)
        self.reason, self.fix = reason, fix


class PatternError(PresslensError, ValueError):
    """A user pattern that cannot be used."""


class RunError(PresslensError, RuntimeError):
    """A notebook failed (or its outputs could not be put in place); ``str()`` says which and why."""


class OutputError(RunError, ValueError):
    """The reports or figures folder cannot be used; ``str()`` is one line naming it and the fix.
    Raised before anything is written or deleted."""
