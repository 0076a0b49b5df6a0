"""The report index: ``reports/SLUG/index.html``, written by every ``presslens run``.

One page, offline (no script, no font or stylesheet from elsewhere): the story's title and question,
then the key findings of every notebook (the sentences its findings cell printed, read from the
executed notebook), each notebook's linking to its report's findings and to the data behind its
figures; a link to each notebook's HTML report; and every figure of the run, grouped by notebook,
with its caption and links to its CSV and SVG (a figure drawn on several pages shows every page). A
figure's caption is the heading (or first line) of the markdown cell nearest above the cell that saved it.

The run copies its figures into ``REPORTS_ROOT/SLUG/figures/`` and the page links that copy, so the
reports folder can be shared as one unit (zip it, put it on a web server); ``FIGURES_ROOT/SLUG`` is
the copy for papers and slides.
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path
from string import Template

from presslens import ownership, paths
from . import report_html


INDEX = "index.html"
FIGURES = "figures"  # the run's figures, copied into the reports folder (see the module docstring)
_SAVED = re.compile(r"\bsaved ([a-z0-9_-]+)\.png\b")
_TEMPLATE = paths.PACKAGE / "templates" / "index.html"


def _text(src) -> str:
    return "".join(src) if isinstance(src, list) else str(src or "")


def _caption(markdown: str) -> str:
    """A caption from a markdown cell: its first heading, else its first non-empty line, unformatted."""
    lines = [ln.strip() for ln in markdown.splitlines() if ln.strip()]
    heads = [ln for ln in lines if ln.startswith("#")]
    line = (heads[-1] if heads else lines[0] if lines else "").lstrip("#").strip()
    line = re.sub(r"[*`_]", "", line).rstrip(":")
    return line[:200]


def captions(executed: Path) -> dict[str, str]:
    """Figure name -> caption for the figures an executed notebook saved (its ``saved NAME.png`` lines)."""
    import nbformat

    try:
        nb = nbformat.read(executed, as_version=4)
    except (OSError, ValueError):
        return {}
    out: dict[str, str] = {}
    last_md = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            last_md = _caption(_text(cell.source))
            continue
        for o in cell.get("outputs", []):
            txt = _text(o.get("text")) if o.get("output_type") == "stream" else _text(o.get("data", {}).get("text/plain"))
            for name in _SAVED.findall(txt):
                out.setdefault(name, last_md or name)
    return out


def findings(executed: Path) -> list[str]:
    """The sentences an executed notebook's findings cells printed (``Findings ...:`` blocks), in order."""
    import nbformat

    try:
        nb = nbformat.read(executed, as_version=4)
    except (OSError, ValueError):
        return []
    out: list[str] = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            if o.get("output_type") == "stream":
                out.extend(report_html.findings_items(_text(o.get("text"))) or [])
    return out


def _href(path: str) -> str:
    return html.escape(path.replace(os.sep, "/"), quote=True)


def render(manifest: dict, reports_dir: Path, figures_dir: Path, executed: dict[str, Path],
           local_figures: bool = False, present: set[str] | None = None) -> str:
    """The index page for ``manifest`` (see :mod:`presslens.run.runner`), to be written in ``reports_dir``.

    ``executed`` maps each notebook name to its executed copy (for the captions and findings);
    figures are linked in ``reports_dir/figures`` when the run copied them there, else relative to
    ``reports_dir``. ``present``: the figure files that are in the folder linked (None: all the
    manifest lists); a file the manifest lists that is not present is not linked, and the page says so."""
    if (reports_dir / FIGURES).is_dir() or local_figures:
        fig_rel = FIGURES
    else:
        try:
            fig_rel = os.path.relpath(figures_dir, reports_dir)
        except ValueError:  # another drive
            fig_rel = figures_dir.as_uri()
    e = html.escape
    nb_items, fig_sections, key = [], [], []
    for nb_name in manifest.get("notebooks", []):
        rec = manifest.get("reports", {}).get(nb_name, {})
        stem = Path(nb_name).stem
        stale = " <span class='stale'>(stale: made from other inputs)</span>" if rec.get("stale") else ""
        nb_items.append(f"<li><a href='{_href(stem + '.html')}'>{e(stem)}</a> "
                        f"(<a href='{_href(nb_name)}'>notebook</a>){stale}</li>")
        listed_files = rec.get("figures", [])
        files = [f for f in listed_files if present is None or f in present]
        absent = [f for f in listed_files if f not in files]
        gone = (f"<p class='note'>Not present in the figures folder, so not linked: {e(', '.join(absent))} "
                f"(removed since {e(stem)} made them; run it again to draw them)</p>") if absent else ""
        pngs = [f[:-4] for f in files if f.endswith(".png") and not ownership.page_file(f)]
        pages = {n: [n] + [p[:-4] for p in sorted((f for f in files if f.endswith(".png") and (ownership.page_file(f)
                                                   or ("", 0))[0] == n), key=lambda f: ownership.page_file(f)[1])]
                 for n in pngs}
        found = findings(executed[nb_name]) if nb_name in executed else []
        if found:
            data = " · ".join(f"<a href='{_href(f'{fig_rel}/{n}.csv')}'>{e(n)}.csv</a>" for n in pngs if f"{n}.csv" in files)
            key.append(f"<section class='key'><h3><a href='{_href(stem + '.html#findings')}'>{e(stem)}</a></h3>"
                       f"<ul>{''.join(f'<li>{report_html.finding_html(x)}</li>' for x in found)}</ul>"
                       f"<p class='meta'><a href='{_href(stem + '.html#findings')}'>report</a>"
                       + (f" · data: {data}" if data else "") + "</p></section>")
        if not pngs:
            if gone:
                fig_sections.append(f"<section><h3><a href='{_href(stem + '.html')}'>{e(stem)}</a></h3>{gone}</section>")
            continue
        caps = captions(executed[nb_name]) if nb_name in executed else {}
        figs = []
        for name in pngs:
            base = f"{fig_rel}/{name}"
            cap = caps.get(name, name)
            n = len(pages[name])  # a figure drawn on several pages: every page, one caption, one CSV
            imgs = "".join(f"<a href='{_href(f'{fig_rel}/{p}.png')}'><img src='{_href(f'{fig_rel}/{p}.png')}' "
                           f"alt='{e(cap + (f' (page {k} of {n})' if n > 1 else ''), quote=True)}'></a>"
                           for k, p in enumerate(pages[name], start=1))
            svgs = "".join(f" · <a href='{_href(f'{fig_rel}/{p}.svg')}'>{'SVG' if n == 1 else f'SVG p{k}'}</a>"
                           for k, p in enumerate(pages[name], start=1) if present is None or f"{p}.svg" in files)
            csv = f" · <a href='{_href(base + '.csv')}'>data (CSV)</a>" if present is None or f"{name}.csv" in files else ""
            figs.append(
                f"<figure id='fig-{e(name)}'>{imgs}<figcaption><b>{e(cap)}</b> <code>{e(name)}</code>"
                + (f" ({n} pages)" if n > 1 else "") + f"{csv}{svgs}"
                f"</figcaption></figure>")
        fig_sections.append(f"<section><h3><a href='{_href(stem + '.html')}'>{e(stem)}</a></h3>{''.join(figs)}{gone}</section>")
    run = manifest.get("run", {})
    note = manifest.get("note")
    tpl = Template(_TEMPLATE.read_text(encoding="utf-8"))
    return tpl.substitute(
        title=e(manifest.get("title") or manifest.get("story", "")),
        question=e(manifest.get("question") or ""),
        slug=e(manifest.get("story", "")),
        story_path=e(manifest.get("story_path", "")),
        finished=e(str(manifest.get("finished_at", ""))),
        complete="all notebooks" if run.get("complete") else "some notebooks (-n)",
        note=f"<p class='note'>{e(note)}</p>" if note else "",
        notebooks="\n".join(nb_items),
        findings="\n".join(key) or "<p>No notebook printed findings.</p>",
        figures="\n".join(fig_sections) or "<p>No figure.</p>",
    )


def write(manifest: dict, reports_dir: Path, final_reports: Path, final_figures: Path,
          executed: dict[str, Path]) -> Path:
    """Write ``reports_dir/index.html`` (``reports_dir`` may be a staging folder that becomes
    ``final_reports``: links are made relative to the final places, or to ``reports_dir/figures``)."""
    out = reports_dir / INDEX
    local = (reports_dir / FIGURES).is_dir()
    folder = reports_dir / FIGURES if local else final_figures
    present = {p.name for p in folder.iterdir() if p.is_file()} if folder.is_dir() else set()
    out.write_text(render(manifest, final_reports, final_figures, executed, local_figures=local, present=present),
                   encoding="utf-8")
    return out
