"""The HTML report of one executed notebook, written for a reader rather than a programmer.

:func:`export` turns an executed notebook into one offline page:

- no code by default: every code cell's input is in the page but hidden; a "Show the code" switch at
  the top (a checkbox and CSS, no script) shows it;
- the parameters once, as a table (name, value used, what it means), right under the title: the
  notebook's parameters cell and papermill's injected one are left out of the page;
- the findings (an output that starts with ``Findings``, printed by
  :func:`presslens.analyses.findings.render`) as a list of sentences in ordinary text, each
  ``(table: NAME)`` shown as a plain note;
- missing values blank, never ``NaN``, ``None``, ``<NA>`` or ``NaT``, in the tables (pandas'
  HTML and the interactive tables' data);
- word diffs (``{+added+}``, ``[-removed-]``, see :mod:`presslens.text.diff`) as marked-up text:
  ``<ins>`` and ``<del>``.

Only the report changes: the executed notebook (``.ipynb``) keeps its outputs as they were.
"""
from __future__ import annotations

import ast
import copy
import html
import io
import re
import tokenize

FINDINGS_HEAD = "Findings"
_HIDE_TAGS = {"parameters", "injected-parameters"}
# a table cell (pandas' HTML) holding only a missing-value marker
_MISSING_TD = re.compile(r"(<td\b[^>]*>)\s*(?:NaN|nan|None|&lt;NA&gt;|NaT)\s*(</td>)")
# the interactive tables (itables) carry their rows as JSON inside a JavaScript string: a missing
# value is the string "NaN" (or None, <NA>, NaT), its quotes escaped
_MISSING_JSON = re.compile(r'\\"(?:NaN|nan|None|<NA>|&lt;NA&gt;|NaT)\\"')
_INS = re.compile(r"\{\+(.+?)\+\}", re.S)
_DEL = re.compile(r"\[-(.+?)-\]", re.S)

SWITCH_CSS = """
<style>
/* presslens: code hidden by default, one click away */
#pl-show-code { margin: 0 .4em 0 0; }
.pl-switch { display: block; margin: .8em 0 1em 0; font: 0.9em sans-serif; color: #555; }
#pl-show-code:not(:checked) ~ .jp-CodeCell .jp-Cell-inputWrapper,
#pl-show-code:not(:checked) ~ .jp-CodeCell .jp-Collapser,
#pl-show-code:not(:checked) ~ .jp-CodeCell .jp-OutputPrompt,
#pl-show-code:not(:checked) ~ .jp-CodeCell .jp-InputPrompt,
#pl-show-code:not(:checked) ~ .jp-CodeCell:not(:has(.jp-OutputArea-child)) { display: none; }
.pl-findings { font: 1em/1.5 var(--jp-content-font-family, sans-serif); margin: .3em 0 1em 0; }
.pl-findings li { margin: .25em 0; }
.pl-findings .pl-table { color: #666; font-size: .9em; }
.pl-params td, .pl-params th { text-align: left; vertical-align: top; }
ins { background: #d7f5d7; text-decoration: none; }
del { background: #f8d4d4; }
</style>
"""
SWITCH_HTML = ("<input type='checkbox' id='pl-show-code'>"
               "<label class='pl-switch' for='pl-show-code'>Show the code</label>")


def _text(src) -> str:
    return "".join(src) if isinstance(src, list) else str(src or "")


def parameter_defaults(source: str) -> list[tuple[str, str, str]]:
    """(name, value as written, comment) for each ``name = value  # comment`` line of a parameters cell."""
    out = []
    comments: dict[int, str] = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                comments[tok.start[0]] = tok.string.lstrip("#").strip()
    except (tokenize.TokenError, IndentationError):
        pass
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return out
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            seg = ast.get_source_segment(source, node.value) or ""
            out.append((node.targets[0].id, seg, comments.get(node.end_lineno, "")))
    return out


def _shown(value) -> str:
    if value is None:
        return "None (all)"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) if value else "(none)"
    return str(value)


def parameters_table(nb) -> str:
    """The parameters of this run as an HTML table: each name, the value used (papermill's, else the
    notebook's default) and the comment beside it in the parameters cell."""
    given = dict((nb.metadata.get("papermill") or {}).get("parameters") or {})
    rows = []
    seen = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            for name, written, comment in parameter_defaults(_text(cell.source)):
                if name in seen:
                    continue
                seen.add(name)
                if name in given:
                    value, note = _shown(given.pop(name)), " <i>(set for this run)</i>"
                else:
                    try:
                        value = _shown(ast.literal_eval(written))
                    except (ValueError, SyntaxError):
                        value = written
                    note = ""
                rows.append((name, value, comment, note))
    for name, value in given.items():
        rows.append((name, _shown(value), "", " <i>(set for this run)</i>"))
    if not rows:
        return ""
    e = html.escape
    body = "".join(f"<tr><td><code>{e(n)}</code></td><td>{e(v)}{note}</td><td>{e(c)}</td></tr>"
                   for n, v, c, note in rows)
    return ("<details class='pl-params' open><summary><b>Parameters of this run</b></summary>"
            "<table><thead><tr><th>parameter</th><th>value</th><th>what it sets</th></tr></thead>"
            f"<tbody>{body}</tbody></table></details>")


def findings_items(text: str) -> list[str] | None:
    """The sentences of a findings block (``Findings ...:`` then ``  - sentence`` lines, a sentence
    possibly wrapped), or None when ``text`` is not one."""
    lines = text.rstrip("\n").splitlines()
    if not lines or not lines[0].startswith(FINDINGS_HEAD):
        return None
    items: list[str] = []
    for ln in lines[1:]:
        s = ln.strip()
        if s == "-":  # an empty bullet: no finding (it is never glued to the one before)
            items.append("")
            continue
        if s.startswith("- ") or not items:
            items.append(s[2:] if s.startswith("- ") else s)
        elif s:
            items[-1] += " " + s
    return [i for i in items if i]


def finding_html(sentence: str) -> str:
    """One finding as HTML: its ``(table: NAME)`` / ``(column NAME)`` pointer set off as a note."""
    e = html.escape
    m = re.search(r"\s*\(((?:tables?|columns?):? [^()]*)\)\.?$", sentence)
    if m:
        body = e(sentence[:m.start()].rstrip(".")) + ". " + f"<span class='pl-table'>({e(m.group(1))})</span>"
    else:
        body = e(sentence)
    return mark_diffs(body)


def findings_html(text: str, anchor: bool = True) -> str | None:
    """A findings block as an HTML list (the first of a report carries the id ``findings`` the report
    index links to), else None."""
    items = findings_items(text)
    if items is None:
        return None
    head = html.escape(text.splitlines()[0])
    lis = "".join(f"<li>{finding_html(it)}</li>" for it in items)
    ident = " id='findings'" if anchor else ""
    return f"<div class='pl-findings'{ident}><p><b>{head}</b></p><ul>{lis}</ul></div>"


def mark_diffs(text: str) -> str:
    """``{+x+}`` -> ``<ins>x</ins>``, ``[-x-]`` -> ``<del>x</del>`` in already-escaped HTML text."""
    return _DEL.sub(r"<del>\1</del>", _INS.sub(r"<ins>\1</ins>", text))


def blank_missing(page: str) -> str:
    """Missing-value markers in table cells (pandas' HTML) made blank."""
    return _MISSING_TD.sub(r"\1\2", page)


def _clean_html_output(body: str) -> str:
    """An HTML output for the report: missing values blank (pandas' cells; an interactive table's rows,
    which travel as JSON text, ``\\"NaN\\"``, and its fallback table), word diffs marked up (itables
    escapes the cells' own HTML, so the only tags in them are these)."""
    return mark_diffs(blank_missing(_MISSING_JSON.sub(r'\\"\\"', body)))


def prepare(nb):
    """A copy of the executed notebook ``nb`` made for the reader (see the module docstring)."""
    nb = copy.deepcopy(nb)
    params = parameters_table(nb)
    cells = []
    placed = False
    anchored = False
    for cell in nb.cells:
        if cell.cell_type == "code" and _HIDE_TAGS & set(cell.metadata.get("tags", [])):
            continue
        if cell.cell_type == "code":
            for i, out in enumerate(cell.get("outputs", [])):
                if out.get("output_type") == "stream":
                    found = findings_html(_text(out.get("text")), anchor=not anchored)
                    if found is not None:
                        anchored = True
                        cell.outputs[i] = {"output_type": "display_data", "metadata": {},
                                           "data": {"text/html": found, "text/plain": _text(out.get("text"))}}
                        continue
                data = out.get("data") or {}
                if "text/html" in data:
                    data["text/html"] = _clean_html_output(_text(data["text/html"]))
        cells.append(cell)
        if not placed and cell.cell_type == "markdown" and params:
            cells.append(_html_cell(params))
            placed = True
    if params and not placed:
        cells.insert(0, _html_cell(params))
    nb.cells = cells
    return nb


def _html_cell(fragment: str):
    import nbformat

    return nbformat.v4.new_markdown_cell(source=fragment)


def add_switch(page: str) -> str:
    """The "Show the code" switch (checkbox + CSS) before the first cell of an nbconvert page."""
    page = page.replace("</head>", SWITCH_CSS + "</head>", 1)
    m = re.search(r"<main\b[^>]*>", page)
    if m:
        return page[:m.end()] + SWITCH_HTML + page[m.end():]
    m = re.search(r"<body\b[^>]*>", page)
    return page[:m.end()] + SWITCH_HTML + page[m.end():] if m else page


def export(nb) -> str:
    """The report page (offline HTML) of the executed notebook ``nb``."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(exclude_output_prompt=True).from_notebook_node(prepare(nb))
    return add_switch(body)
