"""Interactive tables for the long drill-downs (KWIC lines, hits, sentences, quotes), offline.

:func:`init` loads the DataTables library bundled with itables into the notebook (``connected=False``:
the JavaScript and CSS travel inside that cell's output, so the notebook and the HTML report made from
it work without a network). :func:`show` wraps a DataFrame so that it displays as

- ``text/html``: a sortable, searchable, paged itables table in JupyterLab and in the HTML reports;
  its element id is derived from the table's content, so re-running a notebook writes the same bytes;
- ``text/plain``: pandas' own text of the table, the static fallback that nbval compares and that a
  plain-text front end shows.

A notebook calls ``tables.init()`` once (in its set-up cell) before any ``tables.show(df)``.
"""
from __future__ import annotations

import hashlib
import pandas as pd


PAGE = 10  # rows a page shows at first (the reader can choose 25, 50, 100 or all)


def init_html() -> str:
    """The HTML that loads the DataTables library bundled with itables (base64, no network), then sets
    the tables' dark or light look. One output, library first: itables' own ``init_notebook_mode``
    emits the look-setting script in an output before the library's, and in JupyterLab it can run
    first and fail ("Cannot destructure property 'set_or_remove_dark_class'")."""
    from itables import javascript as js
    from itables import options as opt

    ready = "window." + js._itables_underscore_version()
    look = ("<script type=\"module\">\n    const { set_or_remove_dark_class } = await " + ready + ";\n"
            "    set_or_remove_dark_class();\n</script>\n")
    return quiet(js.generate_init_offline_itables_html(opt.dt_bundle)) + look


# what the set-up cell says where its script cannot run (a notebook opened before it is run or trusted):
# the tables then show as plain tables, readable as they are, not as an alarm ("is your notebook trusted?")
NOSCRIPT = ("<noscript><small style=\"color:#777\">Plain tables until the notebook runs: run it, or open it with "
            "<code>make lab</code> (which trusts the committed notebooks), to sort, search and page them.</small></noscript>")


def quiet(library_html: str) -> str:
    """``library_html`` with itables' ``<noscript>`` block (its logo and "you should not see this message -
    is your notebook trusted?") replaced by :data:`NOSCRIPT`."""
    start, end = library_html.find("<noscript>"), library_html.find("</noscript>")
    if start < 0 or end < start:
        return library_html
    return library_html[:start] + NOSCRIPT + library_html[end + len("</noscript>"):]


def init() -> None:
    """Display the bundled DataTables library (once per notebook, before any table; keep this cell's output)."""
    from IPython.display import HTML, display

    display(HTML(init_html()))


def table_id(df: pd.DataFrame, caption: str | None = None) -> str:
    """A stable element id for ``df``: the same table gives the same id on every run."""
    h = hashlib.sha256()
    h.update(repr(list(df.columns)).encode())
    h.update(pd.util.hash_pandas_object(df.astype(str), index=True).to_numpy().tobytes())
    h.update((caption or "").encode())
    return "itable_" + h.hexdigest()[:16]


class Table:
    """A DataFrame shown as an interactive table (HTML) with its plain text as the fallback."""

    def __init__(self, df: pd.DataFrame, caption: str | None = None, page: int = PAGE):
        self.df, self.caption, self.page = df, caption, page

    def html(self) -> str:
        from itables import to_html_datatable

        return to_html_datatable(self.df, caption=self.caption, table_id=table_id(self.df, self.caption),
                                 connected=False, display_logo_when_loading=False, pageLength=self.page,
                                 lengthMenu=[10, 25, 50, 100, -1], classes="display compact")

    def __repr__(self) -> str:
        return (f"{self.caption}\n" if self.caption else "") + repr(self.df)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/plain": repr(self), "text/html": self.html()}


def show(df: pd.DataFrame, caption: str | None = None, page: int = PAGE) -> Table:
    """``df`` as an interactive table (the last expression of a cell, or ``display(show(df))``)."""
    return Table(df, caption, page)
