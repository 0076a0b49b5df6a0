"""The batch runner and the command line, on the fixture story (real papermill runs)."""
import json
import subprocess
import sys

import pandas as pd
import pytest

from presslens import cli, load_story, runner
from presslens.corpus import StoryError

from .conftest import MINI

NOTEBOOKS = [p.name for p in runner.notebook_list()]
# every figure each notebook must write (PNG + SVG + the CSV of its data)
EXPECTED_FIGURES = {"corpus-overview", "wordchoice-categories", "wordchoice-keyness", "tone-by-outlet", "tone-by-actor",
                    "tone-arc", "readability"}


def figure_bytes(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


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
    assert {p.stem for p in figs.iterdir()} == EXPECTED_FIGURES
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
    assert m["parameters"]["story"] == "tests/fixtures/mini-story"  # inside the repo: no machine path


def test_executed_notebook_got_the_story_parameter(first_run):
    out, _, _ = first_run
    nb = json.loads((out / "reports" / "mini-story" / "00-corpus.ipynb").read_text())
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert injected and "mini-story" in "".join(injected[0]["source"])
    outputs = json.dumps(nb)
    assert "La Gazette (English edition)" in outputs and "ByteDance" not in outputs


def test_second_run_writes_byte_identical_figures(first_run, tmp_path):
    out, _, _ = first_run
    runner.run(MINI, figures=tmp_path / "figures", reports=tmp_path / "reports", log=lambda s: None)
    assert figure_bytes(tmp_path / "figures" / "mini-story") == figure_bytes(out / "figures" / "mini-story")


def test_failing_notebook_is_named_and_earlier_outputs_stay(first_run, tmp_path):
    out, _, _ = first_run
    figs, reps = tmp_path / "figures", tmp_path / "reports"
    runner.run(MINI, figures=figs, reports=reps, log=lambda s: None, notebooks=["00"])
    before_f, before_r = figure_bytes(figs / "mini-story"), figure_bytes(reps / "mini-story")
    with pytest.raises(runner.RunError) as exc:  # a wrong parameter makes the set-up cell (3rd: after papermill's injected one) fail
        runner.run(MINI, figures=figs, reports=reps, log=lambda s: None, notebooks=["00"], params={"outlets": 5})
    msg = str(exc.value)
    assert "00-corpus.ipynb: cell 3 failed" in msg and "StoryError" in msg and "is not a list of outlet names" in msg
    assert figure_bytes(figs / "mini-story") == before_f and figure_bytes(reps / "mini-story") == before_r
    assert not list(reps.glob(".staging-*"))


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
    assert cli.main(["new", "acme-fine-2024", "--root", str(tmp_path)]) == 0
    st = load_story(tmp_path / "acme-fine-2024")
    assert list(st.articles["outlet"]) == ["Example News"] and st.claims[0].id == "fined"
    assert "presslens run" in capsys.readouterr().out
    assert cli.main(["new", "acme-fine-2024", "--root", str(tmp_path)]) == 2  # never overwrites
    assert cli.main(["new", "Bad Name", "--root", str(tmp_path)]) == 2


def test_cli_check_reports_problems_with_exit_code_2(mini, capsys):
    assert cli.main(["check", str(mini)]) == 0
    (mini / "articles" / "wire.md").write_text("---\noutlet: Wire\npublished: soon\n---\nText.\n")
    assert cli.main(["check", str(mini)]) == 2
    assert "mini-story/articles/wire.md [published]" in capsys.readouterr().err


def test_console_script_run_with_papermill_style_parameter(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "presslens.cli", "run", str(MINI), "-n", "00",
                           "--figures", str(tmp_path / "f"), "--reports", str(tmp_path / "r"),
                           "-p", "outlets", "['Wire Service']"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    data = pd.read_csv(tmp_path / "f" / "mini-story" / "corpus-overview.csv")
    assert data["outlet"].tolist() == ["Wire Service"]
