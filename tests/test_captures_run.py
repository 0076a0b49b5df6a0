"""Notebooks on real-capture stories, run as a user runs them (papermill), checked through their outputs."""
import io
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from presslens import load_story, paths
from presslens.run import runner

from .conftest import BUNDLED, FIXTURES, MINI

WEB = FIXTURES / "web-captures"


def outputs_text(nb_path):
    nb = json.loads(nb_path.read_text())
    out = []
    for c in nb["cells"]:
        for o in c.get("outputs", []):
            t = o.get("text") or o.get("data", {}).get("text/plain") or ""
            out.append("".join(t))
    return "\n".join(out)


@pytest.fixture(scope="module")
def web_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("webrun")
    runner.run(WEB, notebooks=["01", "02", "03", "04", "05", "06", "07", "08"], figures=out / "figures", reports=out / "reports",
               log=lambda s: None)
    return out


@pytest.mark.parametrize("nb", ["01-word-choice.ipynb", "02-tone.ipynb", "03-readability.ipynb", "04-naming.ipynb",
                                "05-sources.ipynb", "06-reuse.ipynb", "07-claims.ipynb",
                                "08-profiles.ipynb"])
def test_measures_list_what_they_left_out(web_run, nb):
    txt = outputs_text(web_run / "reports" / "web-captures" / nb)
    assert "Measured: 4 of 6 articles. Left out (2), and why:" in txt
    assert "articles/le-quotidien.md (Le Quotidien): not in the story's language (en): detected as fr" in txt
    assert "articles/courier-a-recapture.md (The Courier): duplicate capture of articles/courier-a.md" in txt


def test_left_out_articles_are_absent_from_every_figure_csv(web_run):
    figs = web_run / "figures" / "web-captures"
    csvs = sorted(figs.glob("*.csv"))
    assert {p.stem for p in csvs} == {"wordchoice-categories", "wordchoice-keyness", "tone-by-outlet", "tone-by-actor",
                                      "tone-arc", "readability", "naming-ledger",
                                      "sources-voice-share", "reuse-matrix", "reuse-provenance",
                                      "claims-by-outlet", "profiles", "profiles-similarity"}
    for p in csvs:
        raw = p.read_text()
        assert "Le Quotidien" not in raw and "le-quotidien" not in raw, p.name
        assert "courier-a-recapture" not in raw, p.name
    r = pd.read_csv(figs / "readability.csv")
    assert sorted(r["article_id"]) == ["courier-a", "courier-b", "metro-post", "wire-daily"]
    assert r["label"].is_unique


def papermill(nb, out, *args):
    return subprocess.run([sys.executable, "-m", "papermill", str(paths.NOTEBOOKS_DIR / nb), str(out), "--cwd",
                           str(paths.NOTEBOOKS_DIR), *args], capture_output=True, text=True)


def test_papermill_list_parameters_as_strings(tmp_path):
    out = tmp_path / "00.ipynb"
    r = papermill("00-corpus.ipynb", out, "-p", "outlets", "['New York Post']", "-p", "figures_dir", str(tmp_path))
    assert r.returncode == 0, r.stderr[-2000:]
    # an outlet subset writes to a folder of its own, never the full story's (issue 27)
    assert not (tmp_path / BUNDLED.name).exists()
    csv = pd.read_csv(tmp_path / f"{BUNDLED.name}--outlets-new-york-post" / "corpus-overview.csv")
    assert csv["outlet"].tolist() == ["New York Post"]
    out = tmp_path / "01.ipynb"
    r = papermill("01-word-choice.ipynb", out, "-p", "focus_terms", '["Beanbao", "desensitization"]',
                  "-p", "figures_dir", str(tmp_path))
    assert r.returncode == 0, r.stderr[-2000:]
    nb = json.loads(out.read_text())
    kwic = [c for c in nb["cells"] if "kwic_terms" in "".join(c["source"])][0]
    # the interactive table's static preview (itables' fallback; its first header carries an info mark)
    found = pd.read_html(io.StringIO("".join(kwic["outputs"][0]["data"]["text/html"])))
    table = next(t for t in found if any(str(c).endswith("term") for c in t.columns))
    assert set(table[[c for c in table.columns if str(c).endswith("term")][0]]) == {"Beanbao", "desensitization"}



def test_no_output_on_another_story_mentions_the_bundled_story(tmp_path):
    """Run on the fixture story (Acme and a regulator), no executed output names the bundled story's
    outlets, actors or speakers: every sentence a notebook prints is written from the data."""

    bundled = load_story(paths.DEFAULT_STORY)
    names = set(bundled.outlets) | {a.name for a in bundled.actors} | {s.name for s in bundled.speakers}
    runner.run(MINI, figures=tmp_path / "figures", reports=tmp_path / "reports", log=lambda s: None)
    executed = sorted((tmp_path / "reports" / "mini-story").glob("*.ipynb"))
    assert len(executed) == len(runner.notebook_list())
    for nb in executed:
        txt = outputs_text(nb)
        assert txt.strip(), nb.name
        found = sorted(n for n in names if re.search(rf"(?<![\\w.]){re.escape(n)}(?![\\w])", txt))
        assert not found, f"{nb.name} mentions {found}"
