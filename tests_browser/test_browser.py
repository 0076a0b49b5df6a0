"""The real-browser test (``make test-browser``): JupyterLab and the HTML reports in headless Chromium.

- JupyterLab starts on a free local port (as ``make lab`` does: the venv's settings overrides, so no
  news prompt) on a copy of the notebooks; each notebook is opened, every cell run (Run > Run All
  Cells), and the test asserts: no error output, every figure the committed notebook shows is drawn
  (an image that loaded), the interactive tables are drawn, no "Jupyter news" prompt; in
  ``explore.ipynb`` the pickers render and changing the term changes the KWIC table and the article.
- ``presslens run`` writes reports to a temporary folder; the report index and one notebook's HTML
  report are opened from disk: every figure image loads, the interactive table sorts and searches,
  and no request leaves the machine (no CDN).

Screenshots go to ``PRESSLENS_SCREENSHOTS`` (default ``reports/browser-test/``). Chromium is Debian's
(``PRESSLENS_CHROMIUM``, default ``/usr/bin/chromium``), driven by Playwright; it is not part of
``make test``.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from presslens import paths
from presslens.run import runner

playwright_sync = pytest.importorskip("playwright.sync_api")

CHROMIUM = os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium")
SHOTS = paths.resolve(os.environ.get("PRESSLENS_SCREENSHOTS", "reports/browser-test"))
NOTEBOOKS = [p.name for p in runner.committed_notebooks()]
RUN_TIMEOUT = int(os.environ.get("PRESSLENS_BROWSER_TIMEOUT", "240")) * 1000  # ms for one notebook's cells
TOKEN = "presslens-browser-test"
UNTRUSTED = "untrusted-explore.ipynb"  # a copy of explore.ipynb the lab fixture does not trust
ALARM = "should not see this message"  # itables' "is your notebook trusted?" text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def expected_images(nb_file: Path) -> int:
    """How many images the committed notebook's outputs show."""
    nb = json.loads(nb_file.read_text(encoding="utf-8"))
    return sum(1 for c in nb["cells"] if c["cell_type"] == "code"
               for o in c.get("outputs", []) if "image/png" in o.get("data", {}))


@pytest.fixture(scope="session")
def shots() -> Path:
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    print(f"\nscreenshots: {paths.display(SHOTS)}/")
    return SHOTS


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: `make test-browser` installs Debian's chromium (as root), "
                    "or set PRESSLENS_CHROMIUM")
    with playwright_sync.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                               args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab on a copy of the notebooks (their figures go to a temporary folder): (base URL, folder)."""
    root = tmp_path_factory.mktemp("lab")
    nbs = root / "notebooks"
    nbs.mkdir()
    for name in NOTEBOOKS:
        shutil.copy(paths.NOTEBOOKS_DIR / name, nbs / name)
    settings = root / "user-settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # every cell in the DOM (JupyterLab 4 draws only the visible ones by default), so all outputs can be checked
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none", "autoStartDefaultKernel": True}))
    port = _free_port()
    env = dict(os.environ, PRESSLENS_FIGURES_STAGING=str(root / "figures"), JUPYTER_RUNTIME_DIR=str(root / "runtime"),
               JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"), JUPYTER_DATA_DIR=str(root / "jupyter-data"))
    # the notebooks trusted as `make lab` trusts them (the signatures in this run's own database); one copy of
    # explore left untrusted, as a notebook opened outside `make lab` is
    # (trust is a signature of the content, not of the path: the copy differs by one metadata field)
    untrusted = json.loads((paths.NOTEBOOKS_DIR / "explore.ipynb").read_text(encoding="utf-8"))
    untrusted["metadata"]["presslens_browser_test"] = "an untrusted copy"
    (nbs / UNTRUSTED).write_text(json.dumps(untrusted, indent=1), encoding="utf-8")
    subprocess.run([str(Path(sys.executable).parent / "jupyter"), "trust", *[str(nbs / n) for n in NOTEBOOKS]],
                   env=env, check=True, capture_output=True)
    cmd = [str(Path(sys.executable).parent / "jupyter"), "lab", f"--notebook-dir={nbs}", "--no-browser",
           "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={TOKEN}",
           f"--LabApp.user_settings_dir={root / 'user-settings'}", f"--LabApp.workspaces_dir={root / 'workspaces'}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        cmd.append("--allow-root")
    log = open(root / "lab.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=paths.REPO_ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    import urllib.request
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield base, nbs
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


def _page(browser, errors: list[str]):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page


def _menu(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=menu).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


def _run_all(page) -> None:
    """Run > Run All Cells, then wait until every code cell has run and the kernel is idle."""
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    # the kernel started and idle (the status bar says so), not merely no cell running
    page.wait_for_function("""() => /\\|\\s*Idle/.test((document.querySelector('.jp-StatusBar-Widget') || {}).textContent || '')
                                  || [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(e => /\\|\\s*Idle/.test(e.textContent))""",
                           timeout=90_000)
    page.wait_for_timeout(1000)
    # the committed outputs first go (so what is checked is this run's), then every cell runs
    _menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function("() => document.querySelectorAll('.jp-OutputArea-output').length === 0", timeout=30_000)
    _menu(page, "Run", "Run All Cells")
    # done: the kernel idle, no cell queued or running, and every cell run or one failed (Run All stops there)
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(p => p.textContent);
            const ind = document.querySelector('.jp-Notebook-ExecutionIndicator');
            const failed = document.querySelector('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
            return prompts.length > 0 && ind && ind.dataset.status === 'idle' && !prompts.some(t => t.includes('*'))
                && (prompts.every(t => /\\[\\d+\\]/.test(t)) || failed !== null);
        }""", timeout=RUN_TIMEOUT)


def _not_run(page) -> int:
    return page.evaluate("""() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
                                   .filter(p => !/\\[\\d+\\]/.test(p.textContent)).length""")


def _error_outputs(page) -> list[str]:
    """The text of every error output (an exception's traceback) the notebook shows."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
                .map(e => e.textContent).filter(t => /Traceback|Error:|Exception/.test(t))""")


def _loaded_images(page, scope: str) -> tuple[int, int]:
    """(images under ``scope``, of which loaded)."""
    return page.evaluate(
        """(scope) => { const imgs = [...document.querySelectorAll(scope + ' img')];
                       return [imgs.length, imgs.filter(i => i.complete && i.naturalWidth > 0).length]; }""", scope)


@pytest.mark.parametrize("name", NOTEBOOKS + [UNTRUSTED])
def test_committed_notebook_opens_clean(browser, lab, shots, name):
    """Opened as committed, before any cell runs (issue 27): trusted as `make lab` trusts it, its tables are
    interactive (explore's too, in the widget restored from the saved state) and no itables message shows;
    untrusted, no "is your notebook trusted?" alarm either: plain tables and a quiet hint."""
    base, folder = lab
    errors: list[str] = []
    page = _page(browser, errors)
    try:
        ws = "open-" + Path(name).stem.replace(".", "-")
        page.goto(f"{base}/lab/workspaces/{ws}/tree/{name}?reset&token={TOKEN}", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        page.wait_for_timeout(5000)  # the tables' library decodes and draws
        page.screenshot(path=str(shots / f"open-{Path(name).stem}.png"), full_page=True)
        text = page.locator(".jp-Notebook").inner_text()
        assert ALARM not in text, f"{name}: opens with itables' 'is your notebook trusted?' message"
        assert "Loading ITables" not in text, f"{name}: a table waits for its library"
        src = (folder / name).read_text(encoding="utf-8")
        drawn = page.locator(".jp-OutputArea-output table.dataTable").count()
        if name == UNTRUSTED:
            assert drawn == 0 and page.locator(".jp-OutputArea-output table").count() >= 4, \
                f"{name}: untrusted, the committed tables should show as plain tables"
            assert "Plain tables until the notebook runs" in text, f"{name}: untrusted, no hint how to make them interactive"
        elif name == "explore.ipynb":
            assert drawn == 8 and page.locator(".widget-vbox table.dataTable").count() == 4, \
                f"explore: {drawn} interactive table(s) on opening (want 4 in the widget, 4 in cells)"
        elif "tables.show(" in src:
            assert drawn > 0, f"{name}: trusted, its tables are not interactive on opening"
        assert not errors, f"{name}: JavaScript errors on the page: {errors}"
    finally:
        page.close()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_in_jupyterlab(browser, lab, shots, name):
    base, folder = lab
    errors: list[str] = []
    page = _page(browser, errors)
    try:
        # a workspace of its own, reset: only this notebook is open, so the page holds only its cells
        ws = Path(name).stem.replace(".", "-")
        page.goto(f"{base}/lab/workspaces/{ws}/tree/{name}?reset&token={TOKEN}", wait_until="domcontentloaded")
        _run_all(page)
        page.wait_for_timeout(1500)  # let the tables' and widgets' scripts draw
        page.screenshot(path=str(shots / f"{Path(name).stem}.png"), full_page=True)
        bad = _error_outputs(page)
        assert not bad, f"{name}: a cell raised in JupyterLab:\n" + "\n".join(t[-1500:] for t in bad)
        assert _not_run(page) == 0, f"{name}: {_not_run(page)} cell(s) did not run"
        # as many figures as the committed notebook shows, and one for every figure this run saved
        saved = page.evaluate("""() => [...document.querySelectorAll('.jp-OutputArea-output')]
                                 .map(e => (e.textContent.match(/\\bsaved [a-z0-9_-]+\\.png/g) || []).length)
                                 .reduce((a, b) => a + b, 0)""")
        want = max(expected_images(paths.NOTEBOOKS_DIR / name), saved)
        n, ok = _loaded_images(page, ".jp-OutputArea-output")
        assert ok >= want and n == ok, f"{name}: {ok} of {n} figure image(s) drawn, the notebook shows {want}"
        news = page.locator("text=official Jupyter news").count() + page.locator("text=Jupyter news").count()
        assert news == 0, "JupyterLab asked about the Jupyter news (the settings overrides are not in effect)"
        if name == "explore.ipynb":
            _check_explore(page, shots)
        elif "tables.show(" in (folder / name).read_text(encoding="utf-8"):
            assert page.locator(".jp-OutputArea-output table.dataTable").count() > 0, f"{name}: no interactive table drawn"
        assert not errors, f"{name}: JavaScript errors on the page: {errors}"
    except BaseException:
        page.screenshot(path=str(shots / f"FAILED-{Path(name).stem}.png"), full_page=True)
        raise
    finally:
        page.close()
        _stop_kernels(base)


def _stop_kernels(base: str) -> None:
    """Shut down the notebook's kernel (the machine is small; each notebook runs alone)."""
    import urllib.request

    head = {"Authorization": f"token {TOKEN}"}
    with urllib.request.urlopen(urllib.request.Request(f"{base}/api/sessions", headers=head), timeout=10) as r:
        sessions = json.loads(r.read())
    for sess in sessions:
        req = urllib.request.Request(f"{base}/api/sessions/{sess['id']}", method="DELETE", headers=head)
        urllib.request.urlopen(req, timeout=30).read()


def _kwic_text(page) -> str:
    return page.locator(".widget-vbox table.dataTable").first.inner_text()


# the explore tables shown in cells of their own (under the pickers' cell), not inside the widget
CELL_TABLES = ".jp-Cell:not(:has(.widget-vbox)) .jp-OutputArea-output table.dataTable"


def _check_explore(page, shots: Path) -> None:
    """The pickers render; every table (four in the widget, four in cells of their own) is interactive
    (DataTables drew it: sortable, searchable); changing the term redraws the KWIC table in the widget
    AND in its own cell, and a line shows its article (issue 27)."""
    widgets = page.locator(".jp-OutputArea-output .widget-vbox")
    assert widgets.count() > 0, "explore: the pickers did not render"
    page.wait_for_selector(".widget-vbox table.dataTable", timeout=30_000)
    n_widget = page.locator(".widget-vbox table.dataTable").count()
    n_cells = page.locator(CELL_TABLES).count()
    assert n_widget == 4 and n_cells == 4, f"explore: {n_widget} interactive table(s) in the widget, {n_cells} in cells (want 4 and 4)"
    # interactive: DataTables drew each (its wrapper, a sort button on every column header)
    assert page.locator(".jp-OutputArea-output div.dt-container").count() == 8, "explore: a table without DataTables' wrapper"
    assert page.locator(".jp-OutputArea-output table.dataTable thead th .dt-column-order").count() >= 8, "explore: tables not sortable"
    before = _kwic_text(page)
    cell_before = page.locator(CELL_TABLES).first.inner_text()
    flat = lambda t: "".join(t.split())  # the same cells; the two layouts wrap them differently  # noqa: E731
    assert flat(cell_before) == flat(before), "explore: the KWIC table in its own cell differs from the widget's"
    status_before = page.locator(".widget-html-content", has_text="line(s)").first.inner_text()
    assert page.locator(".presslens-article mark").count() > 0, "explore: the first line's article is not shown marked"
    term = page.locator(".widget-text input").first
    term.fill("cut corners")
    term.press("Enter")
    try:
        page.wait_for_function(
            """(before) => { const s = [...document.querySelectorAll('.widget-html-content')]
                              .map(e => e.textContent).find(t => t.includes('line(s)'));
                             return s && s !== before; }""", arg=status_before, timeout=30_000)
    except playwright_sync.TimeoutError:
        pytest.fail(f"explore: changing the term to 'cut corners' changed nothing in 30 s (still {status_before!r})")
    page.wait_for_timeout(1500)
    after = _kwic_text(page)
    assert after != before, "explore: changing the term did not change the KWIC table"
    assert "cut corners" in after.lower() or "cutting corners" in after.lower(), after[:500]
    try:
        page.wait_for_function("(sel) => /corner/i.test((document.querySelector(sel) || {}).innerText || '')",
                               arg=CELL_TABLES, timeout=15_000)
    except playwright_sync.TimeoutError:
        pytest.fail("explore: the KWIC table in its own cell did not follow the term picker")
    assert page.locator(CELL_TABLES).count() == 4, "explore: a table in its own cell is no longer interactive after the change"
    mark = page.locator(".presslens-article mark").first.inner_text().lower()
    assert "corner" in mark, f"explore: the article shows {mark!r} marked, not the new term"
    page.screenshot(path=str(shots / "explore-after-picker.png"), full_page=True)


@pytest.fixture(scope="session")
def run_reports(tmp_path_factory):
    """A full ``presslens run`` into a temporary reports and figures root: the story's reports folder."""
    root = tmp_path_factory.mktemp("run")
    r = subprocess.run([str(Path(sys.executable).parent / "presslens"), "run", "--reports", str(root / "reports"),
                        "--figures", str(root / "figures")], cwd=paths.REPO_ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    return next((root / "reports").iterdir())


def _offline_page(browser, errors: list[str], outside: list[str]):
    page = _page(browser, errors)
    page.on("request", lambda req: outside.append(req.url)
            if not req.url.startswith(("file:", "data:", "blob:", "about:")) else None)
    return page


def test_report_index(browser, run_reports, shots):
    errors, outside = [], []
    page = _offline_page(browser, errors, outside)
    try:
        manifest = json.loads((run_reports / "manifest.json").read_text())
        page.goto((run_reports / "index.html").as_uri(), wait_until="load")
        page.screenshot(path=str(shots / "report-index.png"), full_page=True)
        assert manifest["title"] in page.locator("h1").inner_text()
        assert manifest["question"] in page.locator(".question").inner_text()
        pngs = [f for f in manifest["figures"] if f.endswith(".png")]
        n, ok = _loaded_images(page, "figure")
        assert n == len(pngs) and ok == n, f"index: {ok} of {n} images loaded, the run made {len(pngs)}"
        for link in page.locator("figcaption a[href$='.csv']").all():
            assert (run_reports / link.get_attribute("href")).resolve().is_file(), link.get_attribute("href")
        assert page.locator("figcaption b").count() == len(pngs)
        for nb in manifest["notebooks"]:
            assert page.locator(f"a[href='{Path(nb).stem}.html']").count() >= 1, f"index: no link to {nb}'s report"
            # the key findings come first, each notebook's linking to its report's findings
            assert page.locator(f"section.key a[href='{Path(nb).stem}.html#findings']").count() >= 1, nb
        assert page.locator("section.key li").count() >= len(manifest["notebooks"])
        assert not outside, f"the index fetched from elsewhere: {outside}"
        assert not errors, errors
    finally:
        page.close()


def test_every_html_report_reads_without_code(browser, run_reports, shots):
    """Every report: no code visible by default (one click shows it), the parameters once, the findings
    as a list, no NaN, the interactive tables drawn (issue 27)."""
    manifest = json.loads((run_reports / "manifest.json").read_text())
    for nb in manifest["notebooks"]:
        errors, outside = [], []
        page = _offline_page(browser, errors, outside)
        try:
            page.goto((run_reports / f"{Path(nb).stem}.html").as_uri(), wait_until="load")
            page.wait_for_timeout(500)
            visible_code = page.evaluate("""() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-editor')]
                .filter(e => e.offsetParent !== null).length""")
            assert visible_code == 0, f"{nb}: {visible_code} code cell(s) visible by default"
            assert page.locator(".pl-params").count() == 1, f"{nb}: the parameters table is not there once"
            assert page.locator("#findings li").count() > 0, f"{nb}: no findings list"
            assert "NaN" not in page.locator("main").inner_text(), f"{nb}: NaN shown"
            if page.locator("table.dataTable").count():
                assert page.locator("div.dt-container").count() > 0, f"{nb}: interactive table not drawn"
            page.locator("label[for='pl-show-code']").click()
            shown = page.evaluate("""() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-editor')]
                .filter(e => e.offsetParent !== null).length""")
            assert shown > 0, f"{nb}: the switch does not show the code"
            assert not outside and not errors, (outside, errors)
        finally:
            page.close()


def test_html_report_tables(browser, run_reports, shots):
    errors, outside = [], []
    page = _offline_page(browser, errors, outside)
    try:
        page.goto((run_reports / "01-word-choice.html").as_uri(), wait_until="load")
        page.wait_for_selector("table.dataTable", timeout=30_000)
        n, ok = _loaded_images(page, ".jp-OutputArea-output")
        assert n > 0 and ok == n, f"report: {ok} of {n} images loaded"
        wrapper = page.locator("div.dt-container").first
        table = wrapper.locator("table.dataTable")
        first_rows = table.locator("tbody tr").all_inner_texts()
        assert len(first_rows) > 1
        info = wrapper.locator(".dt-info").inner_text()
        # sort by the 'match' column (descending after two clicks on its sort button): the first rows change
        header = table.locator("thead th", has_text="match").first
        header.locator(".dt-column-order").click()
        header.locator(".dt-column-order").click()
        page.wait_for_timeout(300)
        assert header.get_attribute("aria-sort") == "descending", header.get_attribute("aria-sort")
        sorted_rows = table.locator("tbody tr").all_inner_texts()
        assert sorted_rows != first_rows, "report: clicking a column header did not sort the table"
        wrapper.locator(".dt-search input").fill("secretly")
        page.wait_for_timeout(500)
        rows = table.locator("tbody tr").all_inner_texts()
        assert rows and all("secretly" in r.lower() for r in rows), rows[:3]
        assert wrapper.locator(".dt-info").inner_text() != info, "report: searching did not filter the table"
        page.screenshot(path=str(shots / "report-01-word-choice.png"), full_page=False)
        assert not outside, f"the report fetched from elsewhere: {outside}"
        assert not errors, errors
    finally:
        page.close()
