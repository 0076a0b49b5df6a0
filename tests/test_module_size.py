"""Issue 20's size rule: a module past about 400 lines is usually two ideas, so one that is longer says
in its docstring why it is one ("One idea: ..."), and none grows past 500 lines."""
import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "presslens"
SOFT, HARD = 400, 500


def _sizes():
    for p in sorted(PKG.rglob("*.py")):
        text = p.read_text(encoding="utf-8")
        yield p.relative_to(PKG.parent).as_posix(), text.count("\n") + (not text.endswith("\n") and bool(text)), text


def test_a_long_module_says_why_it_is_one_idea():
    missing = [f"{name} ({n} lines)" for name, n, text in _sizes()
               if n > SOFT and "One idea:" not in (ast.get_docstring(ast.parse(text)) or "")]
    assert not missing, "modules past 400 lines with no 'One idea:' note in their docstring: " + ", ".join(missing)


def test_no_module_is_past_the_hard_limit():
    assert not [name for name, n, _ in _sizes() if n > HARD]


def test_the_scan_sees_the_package():
    sizes = {name: n for name, n, _ in _sizes()}
    assert len(sizes) > 100 and "presslens/errors.py" in sizes and all(n >= 0 for n in sizes.values())
