"""The package's rooms import one way only (see docs/architecture.md).

Every module's imports are read from its source, the ones inside functions included, and each
arrow is checked: it may point to a lower layer, or sideways within one sub-package; among the
analyses only down :data:`ANALYSES_ORDER`. No arrow may name another module's ``_private`` name,
and the graph of modules has no cycle. Layer 0 (errors, paths, patterns, stats, data) imports no
presslens module but :mod:`presslens.errors`.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "presslens"

LAYERS = {
    "errors": 0, "paths": 0, "patterns": 0, "stats": 0, "data": 0,
    "limits": 0, "yamlsafe": 0, "ownership": 0, "journals": 0,  # bounded input and ownership (issue 21)
    "version": 0,  # the one version number (issue 28)
    "words": 0,    # counting words in any script, CJK by characters (issue 21)
    "story": 1,
    "text": 2,
    "engine": 3,
    "analyses": 4,
    "figures": 5,
    "notebook": 6,
    "run": 7, "evaluation": 7,
    "cli": 8,
}
# sideways arrows between analyses run down this list only (profiles brings every analysis together)
ANALYSES_ORDER = ["findings", "corpus", "timeline", "keyness", "wordchoice", "readability", "naming", "tone", "quotes",
                  "claims", "facts", "spread", "reuse", "agencies", "credit_forms", "wires", "pair_pages", "pair_speech", "pair_third_texts", "pair_credit_reach", "pair_evidence", "text_dates", "paraphrased", "pair_sources", "pair_sight", "pair_unordered", "verdicts", "provenance", "profiles", "groups",
                  "blindspots"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PKG.rglob("*.py"))}


def _is_module(name: str, known: dict[str, Path]) -> bool:
    return name in known


def imports_of(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, int, str | None]]:
    """(imported module, line, imported name or None) for every presslens import in the file, local
    ones included; ``from pkg import sub`` names the sub-module when there is one."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    here = name.split(".") if is_pkg else name.split(".")[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "presslens":
                    out.append((a.name, node.lineno, None))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[:len(here) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.split(".")[0] != "presslens":
                continue
            for a in node.names:
                sub = f"{mod}.{a.name}"
                if _is_module(sub, known):
                    out.append((sub, node.lineno, None))
                else:
                    out.append((mod, node.lineno, a.name))
    return out


def room(mod: str) -> tuple[str, ...]:
    return tuple(mod.split(".")[1:])


def layer(mod: str) -> int | None:
    r = room(mod)
    return LAYERS.get(r[0]) if r else None


def arrow_problem(src: str, dst: str) -> str | None:
    """Why the arrow src -> dst is not allowed (None: allowed)."""
    s, d = room(src), room(dst)
    if not d:
        return "imports the package root (presslens/__init__.py re-exports for users; modules import rooms)"
    if not s:
        return None  # the package root may re-export anything
    ls, ld = layer(src), layer(dst)
    if ls is None:
        return f"{s[0]!r} is in no layer: add it to LAYERS in tests/test_layers.py and to docs/architecture.md"
    if ld is None:
        return f"{d[0]!r} is in no layer"
    if ls == 0 and s != d and d != ("errors",):
        return "layer 0 imports no presslens module but errors"
    if ld > ls:
        return f"runs up: layer {ls} ({s[0]}) imports layer {ld} ({d[0]})"
    if ld == ls and s[0] != d[0] and d != ("errors",):
        return f"runs sideways between rooms {s[0]} and {d[0]}"
    if s[0] == d[0] == "analyses" and len(s) > 1 and len(d) > 1 and s[1] != d[1]:
        if ANALYSES_ORDER.index(d[1]) > ANALYSES_ORDER.index(s[1]):
            return f"analyses.{s[1]} may not import analyses.{d[1]} (later in ANALYSES_ORDER)"
    return None


def graph() -> tuple[dict[str, set[str]], list[str]]:
    known = modules()
    edges: dict[str, set[str]] = {m: set() for m in known}
    problems = []
    for m, p in known.items():
        rel = p.relative_to(PKG.parent)
        for dst, line, name in imports_of(m, p, known):
            if dst not in known:
                problems.append(f"{rel}:{line}: imports {dst}, which does not exist")
                continue
            if name and name.startswith("_") and not name.startswith("__"):
                problems.append(f"{rel}:{line}: imports the private name {name} of {dst}")
            why = arrow_problem(m, dst)
            if why:
                problems.append(f"{rel}:{line}: {m} -> {dst}: {why}")
            if dst != m:
                edges[m].add(dst)
    return edges, problems


def private_attributes() -> list[str]:
    """``mod._name`` where ``mod`` is an imported presslens module: a private name reached across."""
    known = modules()
    out = []
    for m, p in known.items():
        tree = ast.parse(p.read_text(encoding="utf-8"))
        aliases = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                for a in node.names:
                    if (node.level or (node.module or "").startswith("presslens")):
                        aliases.add(a.asname or a.name)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                    and node.attr.startswith("_") and not node.attr.startswith("__")):
                out.append(f"{p.relative_to(PKG.parent)}:{node.lineno}: {node.value.id}.{node.attr}")
    return out


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for d in sorted(edges.get(n, ())):
            if state.get(d) == 1:
                found.append(stack[stack.index(d):] + [d])
            elif d not in state:
                visit(d)
        stack.pop()
        state[n] = 2

    for n in sorted(edges):
        if n not in state:
            visit(n)
    return found


def test_every_arrow_points_down():
    _, problems = graph()
    assert not problems, "imports against the layers:\n" + "\n".join(problems)


def test_no_import_cycle():
    edges, _ = graph()
    found = cycles(edges)
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(c) for c in found)


def test_no_private_name_reached_across_modules():
    found = private_attributes()
    assert not found, "private names used across modules:\n" + "\n".join(found)


@pytest.mark.parametrize("src,dst,ok", [
    ("presslens.text.article", "presslens.story.model", True),
    ("presslens.text.article", "presslens.analyses.tone", False),          # up
    ("presslens.story.model", "presslens.figures.style", False),           # up
    ("presslens.engine.tables", "presslens.engine.store", True),           # within a room
    ("presslens.analyses.claims", "presslens.analyses.quotes.extract", True),
    ("presslens.analyses.quotes.extract", "presslens.analyses.claims", False),  # against ANALYSES_ORDER
    ("presslens.paths", "presslens.stats", False),                         # layer 0 imports nothing...
    ("presslens.patterns", "presslens.errors", True),                      # ...but the error types
    ("presslens.run.gate", "presslens.cli.main", False),
    ("presslens.text.clean", "presslens", False),
])
def test_the_rule_itself(src, dst, ok):
    assert (arrow_problem(src, dst) is None) is ok


def test_the_checker_sees_local_imports(tmp_path):
    """A function-level import is read like a top-level one (the old cycle hid behind them)."""
    p = PKG / "text" / "segment.py"
    src = "def f():\n    from presslens.analyses import tone\n    return tone\n"
    tree_imports = imports_of("presslens.text.segment", _write(tmp_path, src), modules())
    assert ("presslens.analyses.tone", 2, None) in tree_imports
    assert arrow_problem("presslens.text.segment", "presslens.analyses.tone")
    assert p.exists()


def test_the_checker_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def _write(tmp_path: Path, src: str) -> Path:
    p = tmp_path / "mod.py"
    p.write_text(src, encoding="utf-8")
    return p
