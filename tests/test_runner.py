"""The batch runner and the command line, on the fixture story (real papermill runs)."""
import json
import logging
import os
import shutil
import subprocess
import sys

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from presslens import load_story, ownership, paths
from presslens.cli import main
from presslens.cli.args import command
from presslens.figures import style
from presslens.run import execute, manifest as run_manifest, outputs as run_outputs, runner
from presslens.story.model import StoryError

from .conftest import MINI

NOTEBOOKS = [p.name for p in runner.notebook_list()]
# every figure each notebook must write (PNG + SVG + the CSV of its data)
EXPECTED_FIGURES = {"corpus-overview", "corpus-timeline", "wordchoice-categories", "wordchoice-keyness", "tone-by-outlet", "tone-by-actor",
                    "tone-arc", "readability", "naming-ledger",
                    "sources-voice-share", "reuse-matrix", "reuse-provenance", "claims-by-outlet", "profiles",
                    "profiles-similarity"}


KERNEL_NOISE = ["Kernel is running over TCP", "KeyboardInterrupt", "IPKernelApp", "[jupyter_client", "[traitlets",
                "[papermill", "[nbclient"]


def figure_bytes(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def figure_names(folder):
    """The figure files in a figures folder: its marker (.presslens) is not a figure."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def rel(p):
    """How the runner records a path: relative to the repo root."""
    return os.path.relpath(p, paths.REPO_ROOT)


def manifest(reports):
    return json.loads((reports / "mini-story" / "manifest.json").read_text())


def assert_only_presslens_lines(out, err):
    """The terminal got presslens's progress lines and summary, nothing from kernels or libraries."""
    for noise in KERNEL_NOISE:
        assert noise not in out + err, noise
    assert err == ""
    for line in out.splitlines():
        assert line.startswith(("presslens: ", "  [")), line


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    lines = []
    res = runner.run(MINI, figures=out / "figures", reports=out / "reports", log=lines.append)
    return out, res, lines


def test_every_notebook_runs_and_writes_its_figures(first_run):
    out, res, lines = first_run
    rep = out / "reports" / "mini-story"
    for nb in NOTEBOOKS:
        assert (rep / nb).is_file() and (rep / nb).with_suffix(".html").is_file()
    figs = out / "figures" / "mini-story"
    assert {p.split(".")[0] for p in figure_names(figs)} == EXPECTED_FIGURES
    marker = json.loads((figs / run_outputs.MARKER).read_text())  # presslens wrote this folder, and these files
    assert marker["kind"] == "figures" and set(marker["files"]) == set(figure_names(figs))
    for name in EXPECTED_FIGURES:
        for ext in ("png", "svg", "csv"):
            assert (figs / f"{name}.{ext}").stat().st_size > 0, f"{name}.{ext}"
    # a progress line per notebook and a final summary
    assert sum(" ok " in line for line in lines) == len(NOTEBOOKS)
    assert lines[-1].startswith(f"presslens: wrote {len(NOTEBOOKS)} executed notebook(s)")
    assert not list((out / "reports").glob(".staging-*"))


def test_manifest_records_parameters_versions_hashes_durations(first_run):
    out, res, _ = first_run
    m = json.loads((out / "reports" / "mini-story" / "manifest.json").read_text())
    assert m["story"] == "mini-story" and m["notebooks"] == NOTEBOOKS
    assert set(m["durations_s"]) == set(NOTEBOOKS)
    assert m["inputs_sha256"] == load_story(MINI).input_hashes()
    assert {"pandas", "papermill", "textstat", "vaderSentiment"} <= set(m["versions"])
    # what the user asked for, relative to the repo root (the figures folder outside it: ../..)
    assert m["parameters"] == {"story": "tests/fixtures/mini-story", "figures_dir": rel(out / "figures")}
    assert m["parameters"]["figures_dir"].startswith("../")
    assert (paths.resolve(m["parameters"]["figures_dir"]).resolve() / "mini-story") == res.figures.resolve()
    assert m["figures"] == figure_names(out / "figures" / "mini-story") and run_outputs.MARKER not in m["figures"]
    assert m["run"] == {"notebooks": NOTEBOOKS, "complete": True} and "note" not in m
    # a record per notebook; each knows the figures it wrote
    assert list(m["reports"]) == NOTEBOOKS
    for nb, record in m["reports"].items():
        assert record["parameters"] == m["parameters"] and record["duration_s"] == m["durations_s"][nb]
        assert record["stale"] is False and record["versions"] == m["versions"]
        assert record["inputs_fingerprint"] == run_manifest.inputs_fingerprint(m["inputs_sha256"])
    assert m["reports"]["00-corpus.ipynb"]["figures"] == [f"{n}.{ext}" for n in ("corpus-overview", "corpus-timeline") for ext in ("csv", "png", "svg")]
    assert sorted(f for r in m["reports"].values() for f in r["figures"]) == m["figures"]


def test_no_machine_path_in_manifest_notebooks_or_html(first_run, tmp_path_factory):
    out, _, _ = first_run
    base = str(tmp_path_factory.getbasetemp())
    rep = out / "reports" / "mini-story"
    checked = 0
    for f in sorted(rep.iterdir()):
        if f.is_dir():  # figures/: the run's figures, shared with the reports
            continue
        text = f.read_text(encoding="utf-8")
        assert str(paths.REPO_ROOT) not in text, f.name
        assert ".staging-" not in text, f.name  # the staging folder is gone after the run
        # the figures and reports folders given under tmp may appear only as paths relative to the repo root
        assert base not in text.replace(rel(base), "REL"), f.name
        checked += 1
    assert checked == 2 * len(NOTEBOOKS) + 3  # each notebook and its HTML, the manifest, the index, the marker
    nb = json.loads((rep / "00-corpus.ipynb").read_text())
    assert nb["metadata"]["papermill"]["input_path"] == "notebooks/00-corpus.ipynb"
    assert nb["metadata"]["papermill"]["output_path"] == rel(rep / "00-corpus.ipynb")
    assert nb["metadata"]["papermill"]["parameters"] == {"story": "tests/fixtures/mini-story",
                                                         "figures_dir": rel(out / "figures")}


def test_executed_notebook_got_the_story_parameter(first_run):
    out, _, _ = first_run
    nb = json.loads((out / "reports" / "mini-story" / "00-corpus.ipynb").read_text())
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert injected and "".join(injected[0]["source"]) == (
        f'# Parameters\nstory = "tests/fixtures/mini-story"\nfigures_dir = "{rel(out / "figures")}"\n')
    outputs = json.dumps(nb)
    assert "La Gazette (English edition)" in outputs and "ByteDance" not in outputs


def test_second_run_writes_byte_identical_figures(first_run, tmp_path):
    out, _, _ = first_run
    runner.run(MINI, figures=tmp_path / "figures", reports=tmp_path / "reports", log=lambda s: None)
    assert figure_bytes(tmp_path / "figures" / "mini-story") == figure_bytes(out / "figures" / "mini-story")


def test_bad_parameter_stops_the_run_before_any_notebook(first_run, tmp_path):
    figs, reps = tmp_path / "figures", tmp_path / "reports"
    runner.run(MINI, figures=figs, reports=reps, log=lambda s: None, notebooks=["00"])
    before_f, before_r = figure_bytes(figs / "mini-story"), figure_bytes(reps / "mini-story")
    lines = []
    with pytest.raises(StoryError) as exc:
        runner.run(MINI, figures=figs, reports=reps, log=lines.append, notebooks=["00"], params={"outlets": 5})
    assert "parameter outlets" in str(exc.value) and "5 is not a list of" in str(exc.value)
    assert lines == []  # checked once, before any notebook started
    assert figure_bytes(figs / "mini-story") == before_f and figure_bytes(reps / "mini-story") == before_r


def test_failing_notebook_is_named_and_earlier_outputs_stay(first_run, tmp_path, capfd, monkeypatch):
    import nbformat

    figs, reps = tmp_path / "figures", tmp_path / "reports"
    runner.run(MINI, figures=figs, reports=reps, log=lambda s: None, notebooks=["00"])
    before_f, before_r = figure_bytes(figs / "mini-story"), figure_bytes(reps / "mini-story")
    broken = tmp_path / "nbs" / "00-corpus.ipynb"
    broken.parent.mkdir()
    nb = nbformat.read(runner.notebook_list(["00"])[0], as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell('raise ValueError("boom in a cell")'))
    nbformat.write(nb, broken)
    monkeypatch.setattr(runner, "notebook_list", lambda names=None, folder=None: [broken])
    with pytest.raises(run_outputs.RunError) as exc:
        runner.run(MINI, figures=figs, reports=reps, log=lambda s: None, notebooks=["00"])
    msg = str(exc.value)
    assert "00-corpus.ipynb: cell" in msg and "ValueError: boom in a cell" in msg
    assert "kernel's log" not in msg  # the log holds nothing the error does not already say
    assert figure_bytes(figs / "mini-story") == before_f and figure_bytes(reps / "mini-story") == before_r
    assert not list(reps.glob(".staging-*"))
    assert_only_presslens_lines(*capfd.readouterr())


def test_one_notebook_run_keeps_the_other_reports_in_the_manifest(first_run, tmp_path, capfd):
    out, _, _ = first_run
    shutil.copytree(out / "reports", tmp_path / "reports")
    shutil.copytree(out / "figures", tmp_path / "figures")
    before = manifest(tmp_path / "reports")
    res = runner.run(MINI, figures=tmp_path / "figures", reports=tmp_path / "reports", notebooks=["00"])
    assert_only_presslens_lines(*capfd.readouterr())  # log=print: the progress lines went to the terminal
    m = manifest(tmp_path / "reports")
    assert res.notebooks == ["00-corpus.ipynb"] and m["run"] == {"notebooks": ["00-corpus.ipynb"], "complete": False}
    assert m["notebooks"] == NOTEBOOKS and set(m["durations_s"]) == set(NOTEBOOKS)
    assert m["figures"] == figure_names(tmp_path / "figures" / "mini-story")
    assert m["reports"]["00-corpus.ipynb"]["finished_at"] > before["reports"]["00-corpus.ipynb"]["finished_at"]
    assert m["parameters"]["figures_dir"] == rel(tmp_path / "figures")
    for nb in NOTEBOOKS[1:]:  # the earlier records, unchanged: same inputs, so not stale
        assert m["reports"][nb] == before["reports"][nb]
    assert not any(r["stale"] for r in m["reports"].values()) and "note" not in m


def test_reports_from_other_inputs_are_marked_stale(first_run, mini, tmp_path):
    out, _, _ = first_run
    shutil.copytree(out / "reports", tmp_path / "reports")
    shutil.copytree(out / "figures", tmp_path / "figures")
    wire = mini / "articles" / "wire.md"
    wire.write_text(wire.read_text() + "\nA late paragraph added by the wire service.\n")
    runner.run(mini, figures=tmp_path / "figures", reports=tmp_path / "reports", notebooks=["00"], log=lambda s: None)
    m = manifest(tmp_path / "reports")
    assert m["notebooks"] == NOTEBOOKS
    assert m["reports"]["00-corpus.ipynb"]["stale"] is False
    assert m["reports"]["00-corpus.ipynb"]["parameters"]["story"] == rel(mini)  # outside the repo: ../../
    assert [nb for nb in NOTEBOOKS if m["reports"][nb]["stale"]] == NOTEBOOKS[1:]
    assert "stale" in m["note"] and "01-word-choice.ipynb" in m["note"]
    # the stale records still say what they were made from
    assert m["reports"]["02-tone.ipynb"]["parameters"]["story"] == "tests/fixtures/mini-story"


def test_unreadable_earlier_manifest_lists_only_this_run(first_run, tmp_path):
    out, _, _ = first_run
    shutil.copytree(out / "reports", tmp_path / "reports")
    bad = tmp_path / "reports" / "mini-story" / "manifest.json"
    bad.write_text("{not json")  # as if an older presslens had written it (a user's edit would be refused)
    ownership.record(bad.parent, "reports", {bad.name: ownership.sha256_file(bad)})
    runner.run(MINI, figures=tmp_path / "figures", reports=tmp_path / "reports", notebooks=["00"], log=lambda s: None)
    m = manifest(tmp_path / "reports")
    assert m["notebooks"] == ["00-corpus.ipynb"] and list(m["reports"]) == ["00-corpus.ipynb"]
    assert "could not be read" in m["note"] and all(nb in m["note"] for nb in NOTEBOOKS[1:])


def test_staged_figures_go_where_the_runner_says(monkeypatch, tmp_path):
    monkeypatch.delenv("PRESSLENS_FIGURES_STAGING", raising=False)
    assert style.figures_dir("figures", "x") == paths.REPO_ROOT / "figures" / "x"
    assert style.figures_dir("../elsewhere", "x") == paths.REPO_ROOT / "../elsewhere" / "x"
    monkeypatch.setenv("PRESSLENS_FIGURES_STAGING", str(tmp_path))
    assert style.figures_dir("figures", "x") == tmp_path / "x"


def test_kernel_death_quotes_the_log_and_leaves_the_terminal_alone(tmp_path, capfd):
    nb = new_notebook(cells=[new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                             new_code_cell("import os\nos._exit(3)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "crash.ipynb")
    levels = {n: logging.getLogger(n).level for n in execute.QUIET_LOGGERS}
    name, _, err = execute.execute_one(str(tmp_path / "crash.ipynb"), str(tmp_path), {"x": 2}, str(tmp_path),
                                       str(tmp_path / "figs"), str(tmp_path / "crash.log"), "reports/crash.ipynb")
    assert name == "crash.ipynb" and err.startswith("crash.ipynb: DeadKernelError")
    assert "last lines of the kernel's log" in err and "Kernel died" in err
    assert "Kernel is running over TCP" not in err  # known noise: kept in the log, not quoted
    assert "Kernel is running over TCP" in (tmp_path / "crash.log").read_text()
    # everything is as it was: file descriptors, environment, loggers
    print("after")
    out, errout = capfd.readouterr()
    assert out == "after\n" and errout == ""
    assert "PRESSLENS_FIGURES_STAGING" not in os.environ
    assert {n: logging.getLogger(n).level for n in execute.QUIET_LOGGERS} == levels



def test_a_real_kernel_on_a_taken_port_is_what_port_collision_recognises(tmp_path):
    """The words execute.port_collision waits for are those of this machine's jupyter_client and kernel: a kernel
    told to bind a port another socket holds dies at start, the client raising, the kernel's log saying why."""
    import socket

    from jupyter_client.manager import KernelManager

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    km = KernelManager(kernel_name="python3", cache_ports=False)
    km.shell_port = holder.getsockname()[1]
    log = tmp_path / "kernel.log"
    try:
        with execute.output_to(log):
            km.start_kernel()
            kc = km.client()
            kc.start_channels()
            try:
                with pytest.raises(RuntimeError) as died:
                    kc.wait_for_ready(timeout=60)
            finally:
                kc.stop_channels()
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        holder.close()
    assert execute.port_collision(died.value, log.read_text())

def test_broken_story_stops_before_anything_is_written(mini, tmp_path):
    (mini / "articles" / "wire.md").write_text("no front matter\n")
    with pytest.raises(StoryError, match="wire.md"):
        runner.run(mini, figures=tmp_path / "figures", reports=tmp_path / "reports", log=lambda s: None)
    assert not (tmp_path / "figures").exists()


def test_unknown_notebook_or_outlet_is_a_clear_error(tmp_path):
    with pytest.raises(StoryError, match="no notebook '99'"):
        runner.run(MINI, notebooks=["99"], figures=tmp_path, reports=tmp_path, log=lambda s: None)
    with pytest.raises(StoryError, match="unknown outlet 'Wire'"):
        runner.run(MINI, outlets=["Wire"], figures=tmp_path, reports=tmp_path, log=lambda s: None)


def test_cli_new_scaffolds_a_story_that_loads(tmp_path, capsys):
    assert main(["new", "acme-fine-2024", "--root", str(tmp_path)]) == 0
    st = load_story(tmp_path / "acme-fine-2024")
    assert list(st.articles["outlet"]) == ["Example News"] and st.claims[0].id == "fined"
    out = capsys.readouterr().out
    assert f"  {command()} run {tmp_path / 'acme-fine-2024'}" in out and f"  {command()} check " in out
    assert main(["new", "acme-fine-2024", "--root", str(tmp_path)]) == 2  # never overwrites
    assert main(["new", "Bad Name", "--root", str(tmp_path)]) == 2


def test_next_steps_name_the_command_this_user_runs(tmp_path, monkeypatch):
    """`presslens` when that name on the PATH is this presslens; else the script as run, or python -m."""
    monkeypatch.chdir(tmp_path)
    venv = tmp_path / ".venv" / "bin"
    venv.mkdir(parents=True)
    script = venv / "presslens"
    script.write_text(f"#!{sys.executable}\nimport sys\n")
    other = tmp_path / "elsewhere" / "presslens"
    other.parent.mkdir()
    other.write_text("#!/opt/another/python3\nimport sys\n")
    python = sys.executable  # outside the working directory: shown whole
    assert command(".venv/bin/presslens", which=lambda name: None) == ".venv/bin/presslens"  # run by its path
    assert command(str(script), which=lambda name: str(script)) == "presslens"  # the PATH's is this one
    assert command(".venv/bin/presslens", which=lambda name: str(other)) == ".venv/bin/presslens"  # another install
    main_py = "/site-packages/presslens/cli/__main__.py"  # python -m presslens.cli
    assert command(main_py, which=lambda name: None) == f"{python} -m presslens.cli"
    assert command(main_py, which=lambda name: str(script)) == "presslens"  # a script running this Python
    assert command(main_py, which=lambda name: str(other)) == f"{python} -m presslens.cli"
    (tmp_path / "my dir").mkdir()
    assert command(str(tmp_path / "my dir" / "presslens"), which=lambda name: None) == "'my dir/presslens'"


def test_cli_check_reports_problems_with_exit_code_2(mini, capsys):
    assert main(["check", str(mini)]) == 0
    (mini / "articles" / "wire.md").write_text("---\noutlet: Wire\npublished: soon\n---\nText.\n")
    assert main(["check", str(mini)]) == 2
    assert "mini-story/articles/wire.md [published]" in capsys.readouterr().err


def test_console_script_run_with_papermill_style_parameter(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "presslens.cli", "run", str(MINI), "-n", "00",
                           "--figures", str(tmp_path / "f"), "--reports", str(tmp_path / "r"),
                           "-p", "outlets", "['Wire Service']"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert_only_presslens_lines(proc.stdout, proc.stderr)
    assert proc.stdout.count("\n") == 3  # start, one notebook, summary
    # an outlet subset is a run of its own: its folders are named after it, the full story's are not touched
    assert "r/mini-story--outlets-wire-service/" in proc.stdout and not (tmp_path / "f" / "mini-story").exists()
    data = pd.read_csv(tmp_path / "f" / "mini-story--outlets-wire-service" / "corpus-overview.csv")
    assert data["outlet"].tolist() == ["Wire Service"]
    m = json.loads((tmp_path / "r" / "mini-story--outlets-wire-service" / "manifest.json").read_text())
    assert m["parameters"]["outlets"] == ["Wire Service"]


def test_notebook_with_other_parameters_writes_its_own_figures_folder(tmp_path, capsys, monkeypatch):
    """In JupyterLab or papermill (no batch run): set-up names the folder after the parameters and says so."""
    from presslens.notebook import setup as nb

    monkeypatch.delenv(execute.STAGING_ENV, raising=False)
    monkeypatch.delenv(nb.RUN_NAME_ENV, raising=False)
    ctx = nb.setup(str(MINI), str(tmp_path), ["Wire Service"], max_outlets=2)
    assert ctx.figures == tmp_path / "mini-story--outlets-wire-service--max_outlets-2"
    said = capsys.readouterr().out
    assert "mini-story--outlets-wire-service--max_outlets-2/" in said and "mini-story/ are left as they are" in said
    ctx = nb.setup(str(MINI), str(tmp_path), None, max_outlets=25)  # the defaults: the story's own folder
    assert ctx.figures == tmp_path / "mini-story" and capsys.readouterr().out == ""
    monkeypatch.setenv(nb.RUN_NAME_ENV, "mini-story--n_boot-500")  # a batch run names it for every notebook
    assert nb.setup(str(MINI), str(tmp_path), None).figures == tmp_path / "mini-story--n_boot-500"


def test_run_writes_a_report_index_offline(first_run):
    """reports/SLUG/index.html: title, question, every figure with its caption and CSV, every report; no CDN."""
    out, res, _ = first_run
    rep = out / "reports" / "mini-story"
    m = manifest(out / "reports")
    page = (rep / "index.html").read_text(encoding="utf-8")
    story = load_story(MINI)
    assert m["question"] == story.question
    assert f"<h1>{story.title}</h1>" in page.replace("&#x27;", "'").replace("&amp;", "&")
    for nb in NOTEBOOKS:
        assert f"href='{nb[:-6]}.html'" in page
    for name in EXPECTED_FIGURES:  # the reports folder holds the figures: it can be shared as one unit
        assert f"'figures/{name}.png'" in page and f"'figures/{name}.csv'" in page and "../" not in page
        assert (rep / "figures" / f"{name}.png").read_bytes() == (out / "figures" / "mini-story" / f"{name}.png").read_bytes()
        assert f"id='fig-{name}'" in page
    # the key findings of every notebook come first, each linking to its report's findings
    key = page[page.index("<h2>Key findings</h2>"):page.index("<h2>Notebook reports</h2>")]
    for nb in NOTEBOOKS:
        assert f"href='{nb[:-6]}.html#findings'" in key
        assert "id='findings'" in (rep / f"{nb[:-6]}.html").read_text(encoding="utf-8").replace('"', "'")
    assert key.count("<li>") >= 2 * len(NOTEBOOKS)
    assert page.count("<figcaption>") == len(EXPECTED_FIGURES)
    assert "<b>wordchoice-categories</b>" not in page  # captions come from the notebooks' headings
    assert "http://" not in page and "https://" not in page
    for html_report in rep.glob("*.html"):
        assert "<script src=\"http" not in html_report.read_text(encoding="utf-8"), html_report.name


def test_explore_is_committed_and_refreshed_but_not_run():
    names = [p.name for p in runner.committed_notebooks()]
    assert names == NOTEBOOKS + ["explore.ipynb"]
    assert "explore.ipynb" not in NOTEBOOKS
    assert [p.name for p in runner.committed_notebooks(["explore", "01"])] == ["01-word-choice.ipynb", "explore.ipynb"]
