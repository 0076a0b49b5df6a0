"""Strict, bounded YAML (duplicate keys are errors, dates stay strings, alias bombs refused) and front matter: the readers
every story file goes through, and the small value parsers (dates, lists of strings) they share.
"""
from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from pathlib import Path
from typing import Any, Iterable
import pandas as pd
import yaml

from .. import limits, yamlsafe
from .model import Problem


# ----------------------------------------------------------------------------------------------
# parsing helpers


def suggest(name: str, allowed: Iterable[str]) -> str:
    near = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.6)
    return f"rename it to {near[0]!r}" if near else f"remove it (allowed: {', '.join(sorted(allowed))})"


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Split ``---\\nYAML\\n---\\nbody`` into (yaml_text, body). yaml_text is None when there is none."""
    if not text.startswith("---"):
        return None, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return None, text
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:])
    return None, text


def parse_date(value: Any) -> tuple[pd.Timestamp | None, bool]:
    """(timestamp or None, ok)."""
    if value is None:
        return None, True
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value.date()), True
    if isinstance(value, dt.date):
        return pd.Timestamp(value), True
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?", value.strip()):
        try:
            return pd.Timestamp(dt.date.fromisoformat(value.strip()[:10])), True
        except ValueError:
            return None, False
    return None, False


def str_list(value: Any) -> list[str] | None:
    """A list of non-empty strings from a list or a single string; None if it is neither."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return list(value)
    return None


StrictLoader = yamlsafe.Loader  # strict (duplicate keys, dates as text) and bounded (alias bombs, nesting)


def parse_yaml(text: str) -> Any:
    """Parse YAML with the suite's strict, bounded loader (:mod:`presslens.yamlsafe`)."""
    return yamlsafe.parse_yaml(text)


def yaml_problem(exc: Exception, line_offset: int = 1) -> str:
    """What a YAML error says, in one short line (a limit that was hit, or the parser's problem and line)."""
    if isinstance(exc, yamlsafe.YAMLLimitError):
        return f"is refused: {exc.problem}"
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + line_offset}" if mark else ""
    return f"is not valid YAML{where} ({str(getattr(exc, 'problem', None) or exc)[:200]})"


def load_yaml(path: Path, rel: str, problems: list[Problem], digest: dict | None = None) -> Any:
    """story.yaml read bounded (a regular file under its size limit), parsed strictly and normalised
    (NFC, no invisible characters); ``digest["sha256"]`` receives the hash of its bytes."""
    try:
        raw = limits.read_bytes(path, limits.MAX_STORY_YAML, "story.yaml")
    except limits.InputError as exc:
        problems.append(Problem(rel, "", exc.reason, exc.fix))
        return None
    if digest is not None:
        digest["sha256"] = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "", f"is not UTF-8 (byte {exc.start})", "re-save the file as UTF-8"))
        return None
    try:
        return limits.normalise_data(parse_yaml(text))
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        problems.append(Problem(rel, "", yaml_problem(exc),
                                "write the values out, without anchors (&name), aliases (*name) or deep nesting"
                                if isinstance(exc, yamlsafe.YAMLLimitError) else
                                "correct the YAML syntax (indentation, quotes around strings with ':' or '#')"))
        return None
