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


def test_publish_summary_says_what_happened(tmp_path):
    """Round-3 survivor 005: each outcome of writing data/eval/README.md's table gets its own sentence:
    written, already holding this table, not written (no markers), --out given, a subset of stories."""
    from types import SimpleNamespace

    readme = tmp_path / "data" / "eval" / "README.md"
    readme.parent.mkdir(parents=True)
    readme.write_text(f"# Harbour eval\n{command.SUMMARY_START}\nold table\n{command.SUMMARY_END}\n", encoding="utf-8")
    args = SimpleNamespace(out=None, stories=None)
    go = lambda a: command._publish_summary("| new | table |\n", a, lambda p: tmp_path / p, lambda p: tmp_path / p,
                                           lambda p: p.relative_to(tmp_path).as_posix(), "data/eval")
    assert go(args) == "(table written to data/eval/README.md)"
    assert "| new | table |" in readme.read_text(encoding="utf-8")
    assert go(args) == "(data/eval/README.md already holds this table: nothing to write)"
    readme.write_text("# Harbour eval, no markers\n", encoding="utf-8")
    said = go(args)
    assert said.startswith("(data/eval/README.md was not written: it is missing or has no ")
    assert readme.read_text(encoding="utf-8") == "# Harbour eval, no markers\n"
    readme.unlink()
    assert go(args).startswith("(data/eval/README.md was not written")
    assert go(SimpleNamespace(out=None, stories=["harbour"])) == (
        "(data/eval/README.md left as it was: only a summary of every story rewrites its table)")
    assert go(SimpleNamespace(out="ev", stories=None)) == (
        "(table written to ev/summary.md; data/eval/README.md left as it was: --out was given)")
    assert (tmp_path / "ev" / "summary.md").read_text(encoding="utf-8") == "| new | table |\n"
    assert not readme.exists()


def test_scored_on_one_and_many_stories():
    from types import SimpleNamespace as T
    one = [T(split="dev", articles=[1, 2, 3])]
    assert command.scored_on(one) == "Scored on 1 story (1 development, 0 test) and 3 articles."
    two = one + [T(split="test", articles=[1]), T(split="dev", articles=[])]
    assert command.scored_on(two) == "Scored on 3 stories (2 development, 1 test) and 4 articles."
    assert command.scored_on([]) == "Scored on 0 stories (0 development, 0 test) and 0 articles."


def test_out_folder_refuses_a_file_on_its_way(tmp_path):
    from types import SimpleNamespace

    import pytest

    from presslens.errors import ParameterError
    (tmp_path / "harbour.txt").write_text("the user's\n", encoding="utf-8")
    at = lambda p: tmp_path / p
    assert command._out_folder(SimpleNamespace(out="ev/new"), at, at) == tmp_path / "ev" / "new"
    assert command._out_folder(SimpleNamespace(out=None), at, at) == tmp_path / "reports" / "eval"
    for out, what in (("harbour.txt", "harbour.txt is a file"), ("harbour.txt/ev", "harbour.txt/ev is under ")):
        with pytest.raises(ParameterError, match=what):
            command._out_folder(SimpleNamespace(out=out), at, at)
    assert (tmp_path / "harbour.txt").read_text(encoding="utf-8") == "the user's\n"
