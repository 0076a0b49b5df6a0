"""The HTML reports (presslens.run.report_html) and the run's folder name (notebook.setup.run_name)."""
from __future__ import annotations

import nbformat
import pytest

from presslens.notebook.setup import run_name, DEFAULTS
from presslens.run import report_html


PARAMS_SRC = ('# Parameters (papermill: -p story PATH)\n'
              'story = "data/stories/x"  # story folder\n'
              'outlets = None  # None for all outlets, or a list of outlet names\n'
              'max_outlets = 25  # figures show at most this many outlets\n')


def _notebook(findings_text: str = "Findings (from the tables above):\n  - Only A quotes B (table: quotes).\n"):
    nb = nbformat.v4.new_notebook()
    title = nbformat.v4.new_markdown_cell("# 05 · Sources")
    params = nbformat.v4.new_code_cell(PARAMS_SRC)
    params.metadata["tags"] = ["parameters"]
    injected = nbformat.v4.new_code_cell('outlets = ["A"]\n')
    injected.metadata["tags"] = ["injected-parameters"]
    code = nbformat.v4.new_code_cell("print(findings.render(x))  # SECRET-CODE-MARK")
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text=findings_text)]
    table = nbformat.v4.new_code_cell("df")
    table.outputs = [nbformat.v4.new_output("execute_result", execution_count=1, data={
        "text/plain": "   a\n0  NaN",
        "text/html": "<table><tr><td>NaN</td><td>1.0</td><td>None</td><td>{+new+} [-old-] words</td></tr></table>"})]
    nb.cells = [title, params, injected, code, table]
    nb.metadata["papermill"] = {"parameters": {"outlets": ["A"], "story": "data/stories/x"}}
    return nb


def test_findings_become_a_list_of_sentences():
    got = report_html.findings_html("Findings (from the tables above):\n  - Only A quotes B (table: quotes).\n"
                                    "  - C never hedges,\n    in any article (tables: rates, hits).\n")
    assert got.count("<li>") == 2
    assert "C never hedges, in any article." in got  # a wrapped sentence is one item
    assert "<span class='pl-table'>(tables: rates, hits)</span>" in got
    assert report_html.findings_html("saved x.png in the figures folder") is None


def test_missing_values_blank_and_diffs_marked():
    assert report_html.blank_missing("<td>NaN</td><td class='x'> None </td><td>0.0</td><td>&lt;NA&gt;</td>") == \
        "<td></td><td class='x'></td><td>0.0</td><td></td>"
    assert report_html.mark_diffs("a {+b c+} [-d-] e") == "a <ins>b c</ins> <del>d</del> e"


def test_parameters_table_once_with_the_values_used():
    nb = _notebook()
    table = report_html.parameters_table(nb)
    assert "<code>outlets</code></td><td>A <i>(set for this run)</i>" in table
    assert "<code>max_outlets</code></td><td>25</td><td>figures show at most this many outlets" in table
    assert table.count("<code>story</code>") == 1
    prepared = report_html.prepare(nb)
    sources = [c.source for c in prepared.cells]
    assert not any("# Parameters" in s or s == 'outlets = ["A"]\n' for s in sources)  # both cells left out
    assert prepared.cells[1].cell_type == "markdown" and "Parameters of this run" in prepared.cells[1].source
    assert nb.cells[1].source == PARAMS_SRC  # the executed notebook itself is untouched


def test_report_page_hides_code_shows_findings_no_nan():
    page = report_html.export(_notebook())
    assert "id='pl-show-code'" in page and "#pl-show-code:not(:checked) ~ .jp-CodeCell .jp-Cell-inputWrapper" in page
    # the switch is a sibling before the cells, so the CSS rule reaches them
    main = page.index("<main")
    assert main < page.index("id='pl-show-code'") < page.index('<div class="jp-Cell jp-CodeCell')
    assert page.index("SECRET-CODE-MARK") > main  # the code is in the page (shown on a click), hidden by the rule
    assert "<li>Only A quotes B. <span class=\"pl-table\">(table: quotes)</span></li>" in page.replace("'", '"')
    assert ">NaN<" not in page and ">None<" not in page
    assert "<ins>new</ins> <del>old</del> words" in page


def test_itables_data_missing_values_blank():
    # itables 2.9: the rows are JSON text inside a JavaScript string; a number column holds [shown, sort key]
    body = r'"data_json": "[[\"A\", \"NaN\", [\"NaN\", \"___NaN___\"], \"{+x+}\"]]"'
    assert report_html._clean_html_output("<script>" + body + "</script>") == \
        r'<script>"data_json": "[[\"A\", \"\", [\"\", \"___NaN___\"], \"<ins>x</ins>\"]]"</script>'



def test_run_name_default_and_variants():
    assert run_name("s", None, {"max_outlets": 25, "n_boot": 2000, "seed": 0}) == "s"
    assert run_name("s", ["A", "B"], {}, all_outlets=["B", "A"]) == "s"  # every outlet is the full story
    assert run_name("s", ["New York Post", "ticker.tv"], {"max_outlets": 10}) == \
        "s--outlets-new-york-post+ticker.tv--max_outlets-10"
    assert run_name("s", None, {"focus_terms": DEFAULTS["focus_terms"], "n_boot": 500}) == "s--n_boot-500"
    long = run_name("s", [f"Outlet number {i}" for i in range(20)], {})
    assert len(long) <= 80 and long.startswith("s--outlets-outlet-number-0+")
    assert long != run_name("s", [f"Outlet number {i}" for i in range(21)], {})


@pytest.mark.parametrize("bad", ["..", "a/b", "../x"])
def test_run_name_is_one_folder(bad):
    name = run_name("s", [bad], {})
    assert "/" not in name and name not in (".", "..") and name.startswith("s--outlets-")


def test_only_the_first_findings_block_is_the_anchor():
    nb = _notebook()
    second = nbformat.v4.new_code_cell("print(findings.render(y))")
    second.outputs = [nbformat.v4.new_output("stream", name="stdout", text="Findings (more):\n  - Another one.\n")]
    nb.cells.append(second)
    page = report_html.export(nb).replace('"', "'")
    assert page.count("id='findings'") == 1 and page.count("class='pl-findings'") == 2
