"""Strict, bounded YAML (duplicate keys are errors, dates stay strings, alias bombs refused) and front matter: the readers
every story file goes through, and the small value parsers (dates, lists of strings) they share.
"""
from __future__ import annotations

import codecs
import difflib
import hashlib
import re
from pathlib import Path
from typing import Any, Iterable
import pandas as pd
import yaml

from .. import limits, yamlsafe
from . import when
from .model import Problem, show


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
    """(the day as a timestamp, or None; ok): the day of a ``published`` value, read by
    :func:`presslens.story.when.parse` (which keeps its time and zone too)."""
    w, problem = when.parse(value)
    return (pd.Timestamp(w.day) if w is not None else None), problem is None


def str_list(value: Any) -> list[str] | None:
    """A list of non-empty strings from a list or a single string; None if it is neither."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return list(value)
    return None


_LIST_SEP = re.compile(r"[,;，、；]")  # what separates names in a text meant as several (Latin and CJK commas)


def names_list(value: Any, rel: str, field: str, problems: list[Problem]) -> list[str] | None:
    """:func:`str_list` for a list of names (aliases, renderings), except that one text holding a comma or
    semicolon is refused, naming ``rel`` and ``field`` with the list to write (``aliases: ByteDance,
    Bytedance`` would otherwise be ONE alias with a comma in it): a problem is added and [] returned."""
    if not isinstance(value, str) or not _LIST_SEP.search(value):
        return str_list(value)
    parts = [p.strip() for p in _LIST_SEP.split(value) if p.strip()]
    key = field.rsplit(".", 1)[-1]
    items = ", ".join(f'"{p}"' if re.search(r"[:#\[\]{}\"'&*!|>%@`]", p) else p for p in parts)
    problems.append(Problem(rel, field, f"is one text, {show(value, 80)}, which would be read as ONE name with a "
                            f"comma in it", f"write a list: {key}: [{items}] (a name that holds a comma goes "
                            f"in quotes inside the list: {key}: [\"{value.strip()[:60]}\"])"))
    return []


StrictLoader = yamlsafe.Loader  # strict (duplicate keys, dates as text) and bounded (alias bombs, nesting)


def parse_yaml(text: str) -> Any:
    """Parse YAML with the suite's strict, bounded loader (:mod:`presslens.yamlsafe`)."""
    return yamlsafe.parse_yaml(text)


def load_yaml(path: Path, rel: str, problems: list[Problem], digest: dict | None = None,
              what: str = "story.yaml") -> Any:
    """story.yaml (or another YAML file of the story, ``what``: outlets.yaml) read bounded (a regular file under its size limit), parsed strictly and normalised
    (NFC, no invisible characters); ``digest["sha256"]`` receives the hash of its bytes."""
    try:
        raw = limits.read_bytes(path, limits.MAX_STORY_YAML, what)
    except limits.InputError as exc:
        problems.append(Problem(rel, "", exc.reason, exc.fix))
        return None
    if digest is not None:
        digest["sha256"] = hashlib.sha256(raw).hexdigest()
    try:
        text = decode_text(raw)
    except UnicodeDecodeError as exc:
        problems.append(not_utf8(exc, rel, "re-save the file as UTF-8"))
        return None
    try:
        data = parse_yaml(text)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        problems.append(yaml_problem(exc, rel, "", 1, "correct the YAML syntax (indentation, quotes around strings "
                                                      "with ':' or '#')", text))
        return None
    for where, value in _escaped_controls(data):  # "\bfine\b" in double quotes: a backspace, not a word boundary
        problems.append(Problem(rel, where, f"{show(value, 60)} holds a control character YAML made of an escape in "
                                "double quotes (\\b is a backspace there, \\f a form feed, \\a a bell)",
                                "write regular expressions in single quotes, where a backslash stays a backslash: "
                                "'\\bfine[ds]?\\b'"))
    return limits.normalise_data(data)


_ESCAPED = re.compile("[\x07\x08\x0b\x0c\x1b]")  # what YAML's \a \b \v \f \e escapes make


def _escaped_controls(value: Any, where: str = "") -> list[tuple[str, str]]:
    """(field, text) of every string in parsed YAML holding a character only a double-quoted escape
    makes (the first five)."""
    out: list[tuple[str, str]] = []
    if isinstance(value, str):
        return [(where, value)] if _ESCAPED.search(value) else []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for k, v in items:
        out += _escaped_controls(v, f"{where}[{k}]" if isinstance(k, int) else (f"{where}.{k}" if where else str(k)))
        if len(out) >= 5:
            break
    return out[:5]


def read_front_matter(path: Path, rel: str, problems: list[Problem], template: str, parsed=None
                      ) -> tuple[bytes, str, dict, str] | None:
    """The ONE reader of front-matter files (articles and references): (raw bytes, text with its
    BOM and CRLFs normalised, the front matter as a mapping, the body), or None with the problem
    (unreadable, not UTF-8, front matter missing, unclosed, not YAML, not a mapping) added to
    ``problems``. ``template`` is the fix shown when the front matter is missing. ``parsed``: a
    mapping of front matters already read (``get(key)``, ``[key] = mapping``), keyed by the SHA-256
    of the front matter's text (:mod:`presslens.engine.frontmatter` keeps it on disk); only mappings
    are kept, so a file that does not parse is read, and reported, each time."""
    try:  # a regular file under its size limit (a FIFO or device is refused without being read)
        raw = limits.read_bytes(path, limits.MAX_ARTICLE, "file")
    except limits.InputError as exc:
        problems.append(Problem(rel, "", exc.reason, exc.fix if "limit" in exc.reason else
                                "check the file's permissions (chmod a+r), or move it out of the story folder"))
        return None
    try:
        text = decode_text(raw)
    except UnicodeDecodeError as exc:
        problems.append(not_utf8(exc, rel, "re-save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)"))
        return None
    # NFC, without BOM, NUL, bidi marks or other invisible characters; the article's hash is taken after
    text = limits.normalise(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    fm_text, body = split_front_matter(text)
    if fm_text is None:
        if text.startswith("---"):
            problems.append(Problem(rel, "front matter", "is not closed", "end the front matter with a line holding only ---"))
        elif text.lstrip().startswith("---"):  # a blank line or spaces before it: not front matter to any reader
            problems.append(Problem(rel, "front matter", "does not start on the file's first line (blank lines or spaces "
                                    "come before the opening ---)", "remove what comes before the first ---"))
        elif text.startswith("+++"):  # Hugo's TOML front matter
            problems.append(Problem(rel, "front matter", "is TOML (between +++ lines); presslens reads YAML between --- lines",
                                    "write it as YAML: ---, then outlet: ..., one field per line, then ---"))
        else:
            problems.append(Problem(rel, "front matter", "is missing", template))
        return None
    key = hashlib.sha256(fm_text.encode("utf-8", "surrogatepass")).hexdigest() if parsed is not None else None
    try:
        meta = parsed.get(key) if key else None
        if meta is None:
            meta = yamlsafe.flat_mapping(fm_text)  # plain `key: value` lines, read as the parser would
        if meta is None:
            meta = parse_yaml(fm_text) if fm_text.strip() else {}
    except (yaml.YAMLError, ValueError, TypeError) as exc:  # the front matter starts on the file's second line
        problems.append(yaml_problem(exc, rel, "front matter", 2, "quote values that contain ':' or '#', and indent "
                                                                  "lists consistently", fm_text))
        return None
    if not isinstance(meta, dict):
        problems.append(Problem(rel, "front matter", "must be a mapping of field: value", "write one 'field: value' per line"))
        return None
    if key:
        parsed[key] = meta
    # YAML's escapes ("New York\u200b Post") make invisible characters after the text was cleaned: clean the values too
    return raw, text, limits.normalise_data(meta), body


def yaml_problem(exc: Exception, rel: str, field: str, first_line: int, fix: str, text: str | None = None) -> Problem:
    """A YAML error as a problem naming the file's line (``first_line``: the line the YAML starts on;
    ``text``: the YAML parsed, to quote the value at fault); a limit that was hit (aliases, size, nesting:
    :mod:`presslens.yamlsafe`), a tag, a key given twice or a backslash escape in double quotes says
    so, with its own fix."""
    if isinstance(exc, yamlsafe.YAMLLimitError):
        return Problem(rel, field, f"is refused: {exc.problem}",
                       "write the values out, without anchors (&name), aliases (*name) or deep nesting")
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + first_line}" if mark else ""
    said = str(getattr(exc, 'problem', None) or exc)
    if isinstance(exc, yamlsafe.DuplicateKeyError):  # both lines in the file's numbering
        return Problem(rel, field, f"is not valid YAML{where} (duplicate key {exc.key!r} (first given at line "
                                   f"{exc.first + first_line}; only one value can count))",
                       f"remove one of the two '{exc.key}:' lines, keeping the value that is right")
    tag = re.search(r"constructor for the tag '([^']*)'", said)
    if tag:  # !include, !!python/..., !!timestamp, a merge key (<<): never run, never guessed
        name = tag.group(1).replace("tag:yaml.org,2002:", "!!")
        if name == "!!merge":
            return Problem(rel, field, f"is not valid YAML{where} (a merge key << presslens does not read)",
                           "write the merged fields out instead of <<")
        return Problem(rel, field, f"is not valid YAML{where}: YAML tags such as {name[:60]} are not supported",
                       "write the value itself: remove the tag" + (" (no other file is read into this one: copy the "
                                                                    "value in)" if name == "!include" else ""))
    if "unknown escape character" in said:  # "whitewash\w*": \w is no YAML escape
        quoted = _double_quoted(text, mark)
        single = "'" + quoted.replace("'", "''") + "'" if quoted is not None else "'whitewash\\w*'"
        shown = f' ("{quoted[:80]}")' if quoted is not None else ""
        return Problem(rel, field, f"is not valid YAML{where} ({said}): in double quotes{shown} a backslash starts "
                                   "an escape (\\n, \\t...), so a regular expression's \\w, \\d or \\s is refused",
                       f"write the {'value' if field else 'pattern'} in single quotes, where a backslash stays a "
                       f"backslash: {single}")
    return Problem(rel, field, f"is not valid YAML{where} ({said[:200]})", fix)


def _double_quoted(text: str | None, mark) -> str | None:
    """The double-quoted value around ``mark`` (a position in ``text``) as written, or None when it is
    not on one line."""
    if text is None or mark is None:
        return None
    lines = text.split("\n")
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    start = line.rfind('"', 0, mark.column)
    end = line.find('"', mark.column + 1)
    while end > 0 and line[end - 1] == "\\":  # an escaped quote inside the value
        end = line.find('"', end + 1)
    return line[start + 1:end] if start >= 0 and end > start else None


def not_utf8(exc: UnicodeDecodeError, rel: str, fix: str) -> Problem:
    """The problem of a file :func:`decode_text` refused: UTF-16 without a byte-order mark (said so, with
    the iconv line that converts it), or a byte that is not UTF-8."""
    if exc.encoding.startswith("utf-16"):
        name = rel.rsplit("/", 1)[-1]
        return Problem(rel, "", f"is {exc.encoding.upper()} text without a byte-order mark (every other byte is zero), "
                       "which is not read by guess", f"re-save it as UTF-8, e.g. `iconv -f {exc.encoding} -t utf-8 "
                       f"{name} > {name}.new && mv {name}.new {name}`")
    return Problem(rel, "", f"is not UTF-8 (byte {exc.start} cannot be decoded)", fix)


def decode_text(raw: bytes) -> str:
    """A user's text file as text: UTF-8 (a BOM allowed), or UTF-16/UTF-32 when a byte-order mark says so
    (an editor on Windows saves "Unicode" that way). Raises UnicodeDecodeError for anything else."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(enc)
    enc = limits.utf16_without_bom(raw)
    if enc:  # valid UTF-8 when its letters are ASCII, but every other character a NUL, and ’ “ ” garbled
        raise UnicodeDecodeError(enc, raw, 0, 1, "UTF-16 text without a byte-order mark")
    return raw.decode("utf-8")
