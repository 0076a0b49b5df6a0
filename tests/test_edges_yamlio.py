"""Boundaries of story/yamlio helpers pinned on both sides (issue 20): front matter closed on the last
line or not at all, blank list items, the first five escaped strings, a double-quoted value at a line's
two ends. Invented values."""
from types import SimpleNamespace

from presslens.story import yamlio


def test_split_front_matter_edges():
    assert yamlio.split_front_matter("---\na: 1\n---") == ("a: 1", "")  # closed on the last line
    assert yamlio.split_front_matter("---\n---\nbody") == ("", "body")  # empty front matter
    assert yamlio.split_front_matter("---\na: 1\n") == (None, "---\na: 1\n")  # never closed
    assert yamlio.split_front_matter("----\na: 1\n---\n") == (None, "----\na: 1\n---\n")
    assert yamlio.split_front_matter("body") == (None, "body")
    assert yamlio.split_front_matter("--- \na: 1\n ---\nb") == ("a: 1", "b")  # spaces around the marks


def test_str_list_edges():
    assert yamlio.str_list(None) == [] and yamlio.str_list("  ") == [] and yamlio.str_list("Pier") == ["Pier"]
    assert yamlio.str_list(["Pier", "Levy"]) == ["Pier", "Levy"]
    assert yamlio.str_list(["Pier", " "]) is None and yamlio.str_list(["Pier", 3]) is None
    assert yamlio.str_list([]) == [] and yamlio.str_list(3) is None


def test_escaped_controls_stop_at_five():
    bell = "\a"
    six = {f"k{i}": f"x{bell}" for i in range(6)}
    got = yamlio._escaped_controls(six)
    assert [w for w, _ in got] == ["k0", "k1", "k2", "k3", "k4"]
    assert yamlio._escaped_controls({"a": [f"x{bell}", "plain"]}) == [("a[0]", f"x{bell}")]
    assert yamlio._escaped_controls("plain") == []


def test_double_quoted_value_around_a_mark():
    mark = lambda line, col: SimpleNamespace(line=line, column=col)
    text = 'a: 1\ntitle: "Pier \\d shut"\n'
    assert yamlio._double_quoted(text, mark(1, 12)) == "Pier \\d shut"
    assert yamlio._double_quoted(text, mark(2, 0)) is None  # the empty last line
    assert yamlio._double_quoted(text, mark(3, 0)) is None  # past the text
    assert yamlio._double_quoted('t: "say \\"x\\" now"', mark(0, 5)) == 'say \\"x\\" now'  # escaped quotes inside
    assert yamlio._double_quoted('"Pier \\d"', mark(0, 3)) == 'Pier \\d'  # a quote opening the line
    assert yamlio._double_quoted("t: plain", mark(0, 4)) is None and yamlio._double_quoted(None, mark(0, 0)) is None
