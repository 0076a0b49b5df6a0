"""Strict YAML (duplicate keys are errors, dates stay strings) and front matter: the readers
every story file goes through, and the small value parsers (dates, lists of strings) they share.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any, Iterable
import pandas as pd
import yaml

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


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it (10x faster)


class StrictLoader(_Base):
    """YAML as users write it, read strictly: a key given twice is an error (PyYAML would silently
    keep the last value), and dates stay text so an impossible date (2023-02-30) is reported by the
    date check instead of crashing inside the parser."""


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _unique_mapping(loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            first = seen.get(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", key_node.start_mark) from None
        if first is not None:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first given at line {first}; only one value can count)",
                key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def parse_yaml(text: str) -> Any:
    """Parse YAML with the suite's strict loader (duplicate keys are errors, dates stay text)."""
    return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - _Loader is a SafeLoader


def load_yaml(path: Path, rel: str, problems: list[Problem]) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, "", f"cannot be read ({exc.strerror})", "check the file exists and is readable"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "", f"is not UTF-8 (byte {exc.start})", "re-save the file as UTF-8"))
        return None
    try:
        return parse_yaml(text)
    except (yaml.YAMLError, ValueError) as exc:
        problems.append(yaml_problem(exc, rel, "", 1, "correct the YAML syntax (indentation, quotes around strings "
                                                      "with ':' or '#')"))
        return None


def read_front_matter(path: Path, rel: str, problems: list[Problem], template: str
                      ) -> tuple[bytes, str, dict, str] | None:
    """The ONE reader of front-matter files (articles and references): (raw bytes, text with its
    BOM and CRLFs normalised, the front matter as a mapping, the body), or None with the problem
    (unreadable, not UTF-8, front matter missing, unclosed, not YAML, not a mapping) added to
    ``problems``. ``template`` is the fix shown when the front matter is missing."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, "", f"cannot be read ({exc.strerror or exc})",
                                "check the file's permissions (chmod a+r), or move it out of the story folder"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "", f"is not UTF-8 (byte {exc.start} cannot be decoded)",
                                "re-save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)"))
        return None
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    fm_text, body = split_front_matter(text)
    if fm_text is None:
        if text.startswith("---"):
            problems.append(Problem(rel, "front matter", "is not closed", "end the front matter with a line holding only ---"))
        else:
            problems.append(Problem(rel, "front matter", "is missing", template))
        return None
    try:
        meta = parse_yaml(fm_text) if fm_text.strip() else {}
    except (yaml.YAMLError, ValueError) as exc:  # the front matter starts on the file's second line
        problems.append(yaml_problem(exc, rel, "front matter", 2, "quote values that contain ':' or '#', and indent "
                                                                  "lists consistently"))
        return None
    if not isinstance(meta, dict):
        problems.append(Problem(rel, "front matter", "must be a mapping of field: value", "write one 'field: value' per line"))
        return None
    return raw, text, meta, body


def yaml_problem(exc: Exception, rel: str, field: str, first_line: int, fix: str) -> Problem:
    """A YAML error as a problem naming the file's line (``first_line``: the line the YAML starts on)."""
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + first_line}" if mark else ""
    return Problem(rel, field, f"is not valid YAML{where} ({getattr(exc, 'problem', exc)})", fix)
