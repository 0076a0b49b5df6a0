"""A story.yaml field's value as the user wrote it: whether it is text (and, when not, what YAML made of
it, in a user's words, with the quoting that keeps it text) and whether a pattern is a valid regular
expression. :mod:`.schema` checks every section with these, :mod:`.load` the articles' front matter.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from presslens import patterns
from .model import Problem, show


def check_regex(pattern: Any, rel: str, fieldname: str, problems: list[Problem]) -> bool:
    """True when ``pattern`` is a valid regular expression, else a problem saying what YAML made of it
    (a list or mapping from unquoted brackets, nothing, not text) or why it does not compile."""
    if isinstance(pattern, (list, dict)):  # [a-z] or {2} unquoted: YAML made a list or a mapping of it
        problems.append(Problem(rel, fieldname, f"must be a regular expression (text), got {type_name(pattern)} "
                                f"{show(pattern, 60)}: unquoted [ ] and {{ }} are YAML lists and mappings",
                                "put the pattern in single quotes, e.g. 'fine[ds]?'"))
        return False
    if not isinstance(pattern, str) or not pattern.strip():
        got = "is empty" if isinstance(pattern, str) or pattern is None else f"must be text, got {type_name(pattern)} {show(pattern)}"
        problems.append(Problem(rel, fieldname, f"the pattern {got}",
                                "write the regular expression in single quotes, e.g. 'fine[ds]?', or delete the entry"))
        return False
    try:
        patterns.compile(pattern)
    except patterns.error as exc:
        problems.append(Problem(rel, fieldname, f"{pattern!r} is not a valid regular expression ({exc})",
                                "escape special characters such as ( ) [ ] . ? * + { } with a backslash, or close the "
                                "group or bracket; in YAML keep the pattern in single quotes so backslashes stay"))
        return False
    return True


def text_or_none(value: Any, rel: str, where: str, problems: list[Problem], example: str) -> bool:
    """A field that must be text (or absent): True when it is, else a problem naming what it is."""
    if value is None or isinstance(value, str):
        return True
    problems.append(not_text(rel, where, value, example))
    return False


def not_text(rel: str, where: str, value: Any, example: str = "") -> Problem:
    """The problem of a field that must be text and is not: what YAML made of it (a number, true/false,
    a date, a list, a mapping) and the fix: quote a single value, write one text for a list or mapping."""
    key = where.rsplit(".", 1)[-1]
    if isinstance(value, (list, dict)):
        fix = f"write it as one text, e.g. {example or key + ': ...'}"
    elif isinstance(value, bool):  # yes/no/on/off/true/false unquoted: what the user wrote is lost
        fix = f"quote it, so YAML reads it as text (unquoted yes, no, on, off, true, false are truth values): {key}: \"...\""
    else:  # 42, 3.5, yes/no, 2024-03-05: YAML read a number, a truth value or a date; quotes keep it text
        text = value.isoformat() if hasattr(value, "isoformat") else str(value)
        fix = f"quote it, so YAML reads it as text: {key}: \"{text}\""
    return Problem(rel, where, f"must be text, got {type_name(value)} {show(value, 60)}", fix)


def type_name(value: Any) -> str:
    """A YAML value's type in a user's words (a list, a mapping, a number...)."""
    return {list: "a list", dict: "a mapping", bool: "true/false", int: "a number", float: "a number",
            dt.date: "a date", dt.datetime: "a date and time"}.get(type(value), type(value).__name__)
