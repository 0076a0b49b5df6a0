"""The one YAML reader for everything a user writes (story.yaml, front matter, parameters): strict
and bounded.

- Strict: a key given twice is an error (PyYAML would silently keep the last value), and dates stay
  text so an impossible date (2023-02-30) is reported by the date check instead of crashing inside
  the parser.
- Bounded: anchors and aliases are allowed, but the document they expand to may hold at most
  :data:`MAX_NODES` values (and a document at most :data:`MAX_ALIASES` aliases). A "billion laughs"
  alias bomb of a kilobyte would otherwise expand to gigabytes; it is refused before anything is
  built, in a millisecond, with :class:`YAMLLimitError` stating the limit.

Layer 0: no presslens imports.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

MAX_NODES = 100_000     # values in one document once its aliases are expanded (a story.yaml has hundreds)
MAX_ALIASES = 1_000     # alias references (*name) in one document
MAX_DEPTH = 100         # levels of nesting (a story.yaml has four or five)

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it (10x faster)


class YAMLLimitError(yaml.YAMLError):
    """A document over the expansion limit; ``problem`` says which limit (as PyYAML's errors do)."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = None

    def __str__(self) -> str:
        return self.problem


def _children(node: yaml.Node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _depth(root: yaml.Node) -> int:
    """How deeply the document nests (stops counting past :data:`MAX_DEPTH`)."""
    deepest, stack, seen = 0, [(root, 1)], set()
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if d > MAX_DEPTH or id(node) in seen:
            continue
        seen.add(id(node))
        stack.extend((k, d + 1) for k in _children(node))
    return deepest


def _expanded_size(root: yaml.Node) -> tuple[int, int]:
    """(values the document expands to, alias references), computed on the node graph without
    expanding it: a node met again (an alias) adds its whole size once per reference. Counting stops
    past the limits, so this takes time in the size of the text only."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            total = 1
            for k in _children(node):
                total = min(total + sizes.get(id(k), MAX_NODES + 1), MAX_NODES + 1)
            sizes[key] = total
            continue
        if key in sizes or key in on_path:  # met again: an alias (or a recursive one)
            aliases += 1
            if aliases > MAX_ALIASES:
                return 0, aliases
            continue
        on_path.add(key)
        stack.append((node, True))
        stack.extend((k, False) for k in reversed(_children(node)))
    return sizes.get(id(root), 0), aliases


class Loader(_Base):
    """PyYAML's safe loader, strict (duplicate keys, no timestamps) and bounded (see module doc)."""

    def get_single_data(self):
        node = self.get_single_node()
        if node is None:
            return None
        if _depth(node) > MAX_DEPTH:
            raise YAMLLimitError(f"nests more than {MAX_DEPTH} levels deep; flatten it")
        size, aliases = _expanded_size(node)
        if aliases > MAX_ALIASES:
            raise YAMLLimitError(f"uses more than {MAX_ALIASES:,} aliases (*name); remove the anchors and "
                                 "aliases and write the values out")
        if size > MAX_NODES:
            raise YAMLLimitError(f"its aliases (*name) expand to more than {MAX_NODES:,} values (an 'alias bomb'); "
                                 "remove the anchors and aliases and write the values out")
        return self.construct_document(node)


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A key given twice in one mapping: ``key``, and ``first`` (the 0-based line of its first use in the
    text parsed; ``problem_mark`` is the second), so a reader that parsed part of a file (front matter)
    can name both in the file's lines."""

    def __init__(self, key: Any, first: int, mark):
        super().__init__(None, None, f"duplicate key {key!r} (first given at line {first + 1}; only one value can count)",
                         mark)
        self.key, self.first = key, first


def _unique_mapping(loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            first = seen.get(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", key_node.start_mark) from None
        if first is not None:
            raise DuplicateKeyError(key, first, key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def _no_timestamp(loader, node: yaml.Node):
    """An explicit ``!!timestamp``: refused like any tag presslens does not read (dates stay text; PyYAML's own
    constructor crashes with AttributeError on a value that is not a date)."""
    raise yaml.constructor.ConstructorError(None, None, "could not determine a constructor for the tag "
                                            "'tag:yaml.org,2002:timestamp'", node.start_mark)


Loader.add_constructor("tag:yaml.org,2002:timestamp", _no_timestamp)


def _event_depth(text: str) -> int:
    """The deepest nesting of ``text``, from the parser's events (libyaml's parser keeps its own
    stack; its composer, which builds the nodes, recurses once per level and crashes the process,
    with no message, at some ten thousand levels, so the depth is known before). Stops past the limit."""
    depth = deepest = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    break
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return deepest


def parse_yaml(text: str) -> Any:
    """Parse YAML strictly and bounded; raises ``yaml.YAMLError`` (:class:`YAMLLimitError` for a
    document over the limits) or ``ValueError``."""
    try:
        if _event_depth(text) > MAX_DEPTH:
            raise YAMLLimitError(f"nests more than {MAX_DEPTH} levels deep; flatten it")
        return yaml.load(text, Loader=Loader)  # noqa: S506 - Loader is a SafeLoader
    except RecursionError:
        raise YAMLLimitError("is nested too deeply to read; flatten it") from None


# ----------------------------------------------------------------------------------------------
# flat front matter: the common case read without the parser, as the strict loader reads it

_FLAT_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]{0,99}):(?: +(.*?))? *")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`=<~.+")  # a plain value starting so is left to the parser
_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"


def _plain_tag(value: str) -> str:
    """The tag the strict loader's resolvers give a plain (unquoted) scalar: str, null, bool, int..."""
    table = Loader.yaml_implicit_resolvers
    for tag, rx in table.get(value[:1], []) + table.get(None, []):
        if rx.match(value):
            return tag
    return _STR


def flat_mapping(text: str) -> dict | None:
    """The mapping :func:`parse_yaml` reads from ``text`` when every line is ``key: value`` (or blank):
    a key of letters, digits and underscores that reads as text, and a value that is empty, ``[]``, or
    a plain single-line scalar the loader reads as text or null (printable, starting with no YAML
    indicator, holding no ': ' nor ' #', not ending in ':'); keys given once. None otherwise (quotes,
    lists, nesting, numbers, booleans, comments, anything else): then the parser reads it, with its
    errors. Front matter is mostly of the first kind; this reads it some 30 times faster."""
    out: dict = {}
    for line in text.split("\n"):
        if not line.strip(" "):
            continue
        m = _FLAT_LINE.fullmatch(line)
        if m is None or m.group(1) in out or _plain_tag(m.group(1)) != _STR:
            return None
        value = m.group(2) or ""
        if value == "[]":
            out[m.group(1)] = []
            continue
        if value and (value[0] in _INDICATORS or not value.isprintable() or ": " in value or " #" in value
                      or value.endswith(":")):
            return None
        tag = _plain_tag(value)
        if tag == _NULL:
            out[m.group(1)] = None
        elif tag == _STR:
            out[m.group(1)] = value
        else:
            return None
    return out
