"""Helpers of the command line: parameter values, and paths and commands shown as this user can type them."""
from __future__ import annotations

import argparse
import ast
import os
import shlex
import shutil
import sys
from pathlib import Path

from presslens import paths


class StoreOnce(argparse.Action):
    """argparse's ``store`` (the default action), except that an option given twice with two values is
    refused: argparse would keep the last and drop the other without a word (``export --group-by
    country --group-by kind`` wrote kind's tables only). Repeatable options say so (``action="append"``)."""

    AGAIN = {"group_by": "export once per grouping, each with its own --out"}

    def __call__(self, parser, namespace, values, option_string=None):
        seen = namespace.__dict__.setdefault("_given_once", {})
        if option_string is not None and self.dest in seen and seen[self.dest][1] != values:
            first, old = seen[self.dest]
            parser.error(f"{first} given twice ({paths.printable(str(old))!r}, then {option_string} "
                         f"{paths.printable(str(values))!r}): it takes one value and the last would silently win. "
                         f"Fix: give {first} once" + (f" ({self.AGAIN[self.dest]})" if self.dest in self.AGAIN else ""))
        if option_string is not None:
            seen.setdefault(self.dest, (option_string, values))
        setattr(namespace, self.dest, values)


class Parser(argparse.ArgumentParser):
    """The command line's parser: every single-valued option (argparse's default ``store``) is a
    :class:`StoreOnce`; sub-commands' parsers are of this class too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.register("action", None, StoreOnce)
        self.register("action", "store", StoreOnce)


def param_value(text: str):
    """papermill-style -p values: Python literals (1, 0.5, None, ['a', 'b']) or else plain strings."""
    if len(text) > 100_000:
        return text
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return text


def shown_from_cwd(path: str | Path) -> str:
    """``path`` as the user types it here: relative to the working directory when inside it, else
    absolute; quoted for a shell when it needs it; bytes that are not UTF-8 as ``\\xNN``."""
    full = os.path.abspath(path)
    cwd = os.getcwd()
    inside = os.path.commonpath([full, cwd]) == cwd if os.path.isabs(cwd) else False
    shown = os.path.relpath(full, cwd) if inside else full
    return shlex.quote(paths.printable(shown))


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _script_python(script: str) -> str | None:
    """The Python a console script runs with (its ``#!`` line), or None."""
    try:
        with open(script, "rb") as fh:
            first = fh.readline(4096)
    except OSError:
        return None
    if not first.startswith(b"#!"):
        return None
    parts = first[2:].strip().split()
    return os.fsdecode(parts[0]) if parts else None


def command(argv0: str | None = None, which=shutil.which) -> str:
    """How this user runs presslens, for the commands a message suggests: ``presslens`` when that
    name on the PATH is this very presslens (the script run, or a script running this Python); else
    the script as it was run (``.venv/bin/presslens``), or ``PYTHON -m presslens.cli``."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    on_path = which("presslens")
    name = Path(argv0).name if argv0 else ""
    if name in ("presslens", "presslens.exe", "presslens-script.py"):  # the console script itself
        if on_path and _same_file(on_path, argv0):
            return "presslens"
        return shown_from_cwd(argv0)
    if on_path:  # python -m presslens.cli, or presslens called from Python: the PATH's, if it runs this Python
        py = _script_python(on_path)
        if py and (_same_file(py, sys.executable) or os.path.abspath(py) == os.path.abspath(sys.executable)):
            return "presslens"
    return f"{shown_from_cwd(sys.executable)} -m presslens.cli"
