"""Boundaries of run/report_index (issue 20, round-3 survivor 012): the findings of an executed notebook
are the ``Findings ...:`` blocks its cells printed (stream outputs), in order; a findings-shaped text in a
cell's value (an execute_result) or in a markdown cell is not one. Crafted notebooks in tmp_path."""
import nbformat

from presslens.run import report_index


def _nb(path, cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    nbformat.write(nb, path)
    return path


def test_findings_read_printed_blocks_only(tmp_path):
    code = nbformat.v4.new_code_cell
    printed = code("print(...)", outputs=[nbformat.v4.new_output(
        "stream", name="stdout", text="Findings for the Harbour Council story:\n  - The Harbour Gazette quotes the\n"
                                      "    mayor twice.\n  - Two outlets name the pier.\n")])
    value = code("x", execution_count=1, outputs=[nbformat.v4.new_output(
        "execute_result", data={"text/plain": "Findings (a value):\n  - not printed"}, execution_count=1)])
    other = code("print(2)", outputs=[nbformat.v4.new_output("stream", name="stdout", text="saved harbour.png\n")])
    later = code("print(3)", outputs=[nbformat.v4.new_output("stream", name="stdout", text="Findings:\n  - A third.\n")])
    md = nbformat.v4.new_markdown_cell("Findings:\n  - in markdown")
    p = _nb(tmp_path / "01.ipynb", [md, printed, value, other, later])
    assert report_index.findings(p) == ["The Harbour Gazette quotes the mayor twice.", "Two outlets name the pier.",
                                        "A third."]
    assert report_index.findings(_nb(tmp_path / "02.ipynb", [value, md])) == []
    assert report_index.findings(tmp_path / "missing.ipynb") == []
    (tmp_path / "bad.ipynb").write_text("not json", encoding="utf-8")
    assert report_index.findings(tmp_path / "bad.ipynb") == []
