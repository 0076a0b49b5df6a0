"""Boundaries of evaluation/command.replace_between pinned on both sides (issue 20): markers at the file's
start, the end marker before the start one, an unchanged body, no file. Invented text in tmp_path."""
from presslens.evaluation import command


def test_replace_between_edges(tmp_path):
    p = tmp_path / "README.md"
    assert command.replace_between(p, "<!-- a -->", "<!-- b -->", "x") == ""  # no file
    p.write_text("<!-- a -->\nold\n<!-- b -->\ntail\n", encoding="utf-8")  # the start marker at position 0
    assert command.replace_between(p, "<!-- a -->", "<!-- b -->", "new\n\n") == "written"
    assert p.read_text(encoding="utf-8") == "<!-- a -->\nnew\n<!-- b -->\ntail\n"
    assert command.replace_between(p, "<!-- a -->", "<!-- b -->", "new") == "unchanged"
    p.write_text("<!-- b -->\n<!-- a -->\n", encoding="utf-8")  # the end before the start
    assert command.replace_between(p, "<!-- a -->", "<!-- b -->", "x") == ""
    assert p.read_text(encoding="utf-8") == "<!-- b -->\n<!-- a -->\n"  # nothing written
    p.write_text("no markers\n", encoding="utf-8")
    assert command.replace_between(p, "<!-- a -->", "<!-- b -->", "x") == ""
