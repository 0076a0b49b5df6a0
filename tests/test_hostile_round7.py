"""Hostile input, seventh round (issue 21): what the round-7 tester found (cases named in each test).

Each test ends with a clear message or the right result, never a traceback, a quietly wrong table or
a file written where it should not be.
"""
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import MINI


def _as_a_terminal_job() -> None:
    for sig in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


SCRIPT = Path(sys.executable).parent / "presslens"  # the console script, when this interpreter's venv has it


@pytest.mark.parametrize("how", ["-m", "script"])
@pytest.mark.parametrize("delay", [0.2, 0.5, 1.0, 2.0])
def test_s07_ctrl_c_while_the_command_starts_is_one_line(delay, how, tmp_path):
    """s07-s09: Ctrl-C in the first seconds (modules still loading) printed a ~40-line traceback."""
    if how == "script" and not SCRIPT.is_file():
        pytest.skip("no presslens console script beside this interpreter")
    cmd = [sys.executable, "-m", "presslens.cli"] if how == "-m" else [str(SCRIPT)]
    proc = subprocess.Popen(cmd + ["check", str(MINI)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_as_a_terminal_job, cwd=tmp_path)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:  # finished before the signal: nothing to see
        return
    assert "Traceback" not in err, err
    assert proc.returncode == 130, (proc.returncode, err)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("presslens: interrupted"), err


def test_s07_ctrl_c_after_the_command_returned_changes_nothing(tmp_path):
    """s07 at 2 s: the Ctrl-C came as the command returned; the interpreter's shutdown had reset Python's
    handler, so the process died by the signal (exit -2, no word) after its work was done and said."""
    code = ("import os, signal, sys; sys.argv[0] = 'presslens'\n"
            "from presslens.cli.main import main\n"
            f"rc = main(['check', {str(MINI)!r}])\n"
            "os.kill(os.getpid(), signal.SIGINT)\n"
            "print('after the signal', rc)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          preexec_fn=_as_a_terminal_job, timeout=120)
    assert proc.returncode == 0, (proc.returncode, proc.stderr)
    assert proc.stdout.splitlines()[-1] == "after the signal 0", proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr


def _one_outlet(src, dst, keep=None):
    """A copy of the fixture story whose articles all come from one outlet (x02), or of one article (x01)."""
    import shutil
    shutil.copytree(src, dst)
    for p in sorted((dst / "articles").glob("*.md")):
        if keep is not None and p.name != keep:
            p.unlink()
            continue
        text = p.read_text(encoding="utf-8")
        p.write_text("\n".join("outlet: Only Outlet" if ln.startswith("outlet:") else ln for ln in text.split("\n")),
                     encoding="utf-8")
    return dst


@pytest.mark.parametrize("keep", [None, "daily.md"])
def test_x01_x02_one_outlet_exports_every_other_table(keep, tmp_path):
    """x01/x02: a story of one outlet passed check, then export failed whole on keyness and wrote nothing."""
    import json
    from presslens.run import export as export_mod, export_tables
    st = _one_outlet(MINI, tmp_path / "one", keep)
    said = []
    folder = export_mod.export(st, tmp_path / "out", log=said.append)
    written = {p.stem for p in folder.glob("*.parquet")}
    every = {t.name for t in export_tables.TABLES}
    assert written == (every - {"keyness"}) | {export_mod.DICTIONARY}
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert list(meta["tables_not_written"]) == ["keyness"]
    assert "needs two outlets" in meta["tables_not_written"]["keyness"]
    assert any(line.startswith("keyness: not written: needs two outlets") for line in said), said
    assert "1 not written" in said[-1]


def _dated(tmp_path, published: dict):
    import shutil
    dst = tmp_path / "tz"
    shutil.copytree(MINI, dst)
    for name, value in published.items():
        p = dst / "articles" / name
        p.write_text("\n".join(f"published: {value}" if ln.startswith("published:") else ln
                               for ln in p.read_text(encoding="utf-8").split("\n")), encoding="utf-8")
    return dst


def test_q06_claim_spread_orders_zoned_times_by_their_instant(tmp_path):
    """q06: 23:30 in New York on the 15th (04:30 UTC on the 16th) was ranked before 01:00 UTC on the 16th,
    while `first` named the other: the rows, day_rank, time_rank and first must agree, by the instant."""
    from presslens import load_story
    from presslens.analyses import claims, spread
    st = load_story(_dated(tmp_path, {"daily.md": "2024-03-05T23:30-05:00", "gazette.md": "2024-03-06T01:00Z",
                                      "wire.md": "null"}))
    s = spread.claim_spread(st, claims.hits(st))
    outlet = {"daily.md": "The Daily Ledger", "gazette.md": "La Gazette (English edition)"}
    for claim, g in s.groupby("claim", sort=False):
        dated = g[g["published"].notna()]
        if set(dated["outlet"]) != set(outlet.values()):
            continue
        assert list(dated["outlet"])[:2] == [outlet["gazette.md"], outlet["daily.md"]], (claim, dated)
        assert list(dated["day_rank"]) == [1, 1] and list(dated["time_rank"]) == [1, 2], dated
        assert list(dated["first"]) == [True, False], dated
        assert set(dated["order"]) == {"by time of day"}
        break
    else:
        raise AssertionError(f"no claim carried by both dated outlets:\n{s}")


def test_q06_a_date_alone_and_a_zoned_time_on_its_utc_day_are_unordered():
    """A date alone and a time with its zone on the same (UTC) day: same day, no order invented."""
    from presslens.story import when
    ny, _ = when.parse("2024-03-05T23:30-05:00")  # 04:30 UTC on the 6th
    utc, _ = when.parse("2024-03-06T01:00Z")
    day6, _ = when.parse("2024-03-06")
    day5, _ = when.parse("2024-03-05")
    assert when.order(utc, ny)[0] == -1
    assert when.order(ny, day6)[0] is None and when.order(day6, ny)[0] is None
    assert when.order(day5, ny) == (-1, "by date")


def test_q06_facts_first_appearance_by_the_instant():
    """The discovered facts' first article: by the instant when both give time and zone."""
    import pandas as pd
    from presslens.analyses.facts import in_time_order
    g = pd.DataFrame({"article_id": ["a", "b", "c"],
                      "published": pd.to_datetime(["2024-03-05", "2024-03-06", "2024-03-06"]),
                      "published_utc": pd.to_datetime(["2024-03-06T04:30Z", "2024-03-06T01:00Z", None], utc=True)})
    assert list(in_time_order(g)["article_id"]) == ["b", "a", "c"]


@pytest.mark.parametrize("name", ["../../escape", "a/b", "..", "x/../../y", "/tmp/abs"])
def test_p07_run_name_from_the_environment_must_be_a_plain_name(name, tmp_path, monkeypatch):
    """p07: PRESSLENS_RUN_NAME=../../escape put a papermill run's figures two levels above figures_dir."""
    from presslens.errors import ParameterError
    from presslens.notebook import setup
    monkeypatch.setenv(setup.RUN_NAME_ENV, name)
    with pytest.raises(ParameterError) as err:
        setup.setup(str(MINI), figures_dir=str(tmp_path / "fig"))
    assert setup.RUN_NAME_ENV in str(err.value) and "unset" in str(err.value)
    assert not any(tmp_path.parent.glob("escape*")) and not (tmp_path / "fig").exists()


def test_p07_a_plain_run_name_still_names_the_folder(tmp_path, monkeypatch):
    from presslens.notebook import setup
    monkeypatch.setenv(setup.RUN_NAME_ENV, "mini--outlets-wire-service")
    ctx = setup.setup(str(MINI), figures_dir=str(tmp_path / "fig"))
    assert ctx.figures == (tmp_path / "fig" / "mini--outlets-wire-service").resolve()


TEASER = ("Regulators in the harbour city opened an inquiry on Monday into how the port authority awarded its "
          "dredging contract, after two bidders complained that the rules changed late in the process. The "
          "authority said it had followed every procedure and would cooperate fully with the inquiry.")
PROMPT = "Subscribe to continue reading. Already a subscriber? Log in."


def _with_article(tmp_path, name: str, outlet: str, body: str):
    import shutil
    dst = tmp_path / "s"
    shutil.copytree(MINI, dst)
    (dst / "articles" / name).write_text(
        f"---\noutlet: {outlet}\ntitle: Port inquiry\nurl: null\npublished: 2024-03-06\nlanguage: en\n"
        f"translated_from: null\nderived_from: []\nbyline: null\nnotes: null\n---\n{body}\n", encoding="utf-8")
    return dst


@pytest.mark.parametrize("prompt", [PROMPT, "Cet article est réservé aux abonnés. Déjà abonné ? Se connecter",
                                    "Jetzt abonnieren und weiterlesen. Bereits Abonnent? Anmelden",
                                    "Para seguir leyendo, suscríbete.", "続きを読むには会員登録が必要です。"])
def test_paywall_prompt_after_a_teaser_in_several_languages(prompt):
    from presslens.story import capture
    assert capture.paywall_prompt(TEASER + "\n\n" + prompt)
    assert capture.paywall_prompt(TEASER + "\n\n" + prompt + "\n") is not None


def test_paywall_prompt_needs_a_short_text_and_the_end():
    from presslens.story import capture
    long = " ".join([TEASER] * 8)  # 360 words: an article that happens to end with a subscription box
    assert capture.paywall_prompt(long + "\n\n" + PROMPT) is None
    assert capture.paywall_prompt(PROMPT + "\n\n" + TEASER + " " + TEASER) is None  # not at the end
    assert capture.paywall_prompt(TEASER + "\n\nSubscribe to our newsletter for the week's news.") is None


def test_i32_paywalled_teaser_is_warned_and_kept_out_of_omissions(tmp_path):
    """i32: a 59-word teaser ending 'Subscribe to continue reading' passed check with no warning, and
    notebook 07 counted every claim it lacks as left out by its outlet."""
    from presslens.analyses import claims
    from presslens.notebook.gate import check_story
    st, sc = check_story(_with_article(tmp_path, "teaser.md", "Teaser Times", TEASER + "\n\n" + PROMPT))
    said = [w for w in sc.warnings if "paywall" in w.message]
    assert len(said) == 1 and said[0].file.endswith("articles/teaser.md"), sc.warnings
    assert "import it again" in said[0].fix
    om = claims.omissions(st)
    assert "Teaser Times" not in set(om["outlet"]) and "The Daily Ledger" in set(om["outlet"])
    assert "Teaser Times (articles/teaser.md)" in om.attrs["note"]


def test_i32_facts_left_out_skips_a_paywalled_outlet():
    import pandas as pd
    from presslens.analyses import facts
    m = pd.DataFrame({"fact": [0, 0, 0], "article_id": ["a", "b", "c"], "outlet": ["A", "B", "C"],
                      "published": pd.NaT, "published_utc": pd.NaT, "sent_idx": 0, "part": "body",
                      "position": 0.5, "voice": "own voice", "fact_score": 1.0, "centre": True,
                      "clause": ["The port fined the firm"] * 3, "text": ["The port fined the firm."] * 3})
    found = pd.DataFrame({"fact": [0], "label": ["The port fined the firm"]})
    outlets = ["A", "B", "C", "D", "E"]
    assert set(facts.left_out(m, found, outlets)["outlet"]) == {"D", "E"}
    left = facts.left_out(m, found, outlets, cut_short={"E": ["articles/e.md"]})
    assert set(left["outlet"]) == {"D"} and "E (articles/e.md)" in left.attrs["note"]


def test_i32_import_warns_at_a_paywall(tmp_path):
    from presslens.story.importer import write
    from presslens.story.scaffold import new_story
    st = new_story("port-inquiry", root=tmp_path)
    (st / "articles" / "example.md").unlink()
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "teaser.html").write_text(
        "<!doctype html><html lang=en><head><title>Port inquiry</title>"
        '<meta property="og:site_name" content="Teaser Times"></head><body><article><h1>Port inquiry</h1>'
        f"<p>{TEASER}</p><div class=paywall><p>Subscribe to continue reading.</p>"
        "<p>Already a subscriber? Log in.</p></div></article></body></html>", encoding="utf-8")
    said = []
    results = write.import_pages(st, [str(pages)], log=said.append)
    assert [r.status for r in results] == ["imported"], results
    assert any("ends at a paywall" in w for w in results[0].warnings), results[0].warnings


def test_t03_html_source_as_an_article_is_refused(tmp_path):
    """t03: a saved page's HTML source pasted as an article's text passed check."""
    from presslens.notebook.gate import check_story
    from presslens.story.model import StoryError
    page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Port inquiry</title>"
            "<link rel=\"stylesheet\" href=\"/s.css\"><script>window.dataLayer=[];function g(){dataLayer.push(arguments)}"
            "</script></head><body><nav class=\"menu\"><a href=\"/\">Home</a><a href=\"/news\">News</a></nav>"
            f"<main><article><h1 class=\"headline\">Port inquiry</h1><p class=\"lede\">{TEASER}</p></article></main>"
            "<footer><a href=\"/about\">About</a></footer></body></html>")
    with pytest.raises(StoryError) as err:
        check_story(_with_article(tmp_path, "html.md", "Source Daily", page))
    text = str(err.value)
    assert "articles/html.md" in text and "HTML source" in text and "presslens import" in text


def test_t03_an_article_quoting_a_little_markup_passes(tmp_path):
    from presslens.notebook.gate import check_story
    body = TEASER + " The attackers hid a <script> tag in the form, the researchers said, and a <div> around it."
    check_story(_with_article(tmp_path, "code.md", "Code Weekly", body))


@pytest.mark.parametrize("doc", ["README.md", "docs/usage.md"])
def test_p01_docs_say_papermill_prints_its_own_traceback(doc):
    """p01-p08: papermill's own click traceback surrounds presslens's clear message; the documented
    batch command is `presslens run`, and where the docs show papermill they say what it prints."""
    from presslens import paths
    text = (paths.REPO_ROOT / doc).read_text(encoding="utf-8")
    flat = " ".join(text.split())
    assert "papermill notebooks/" in text
    assert text.index("presslens run") < text.index("papermill notebooks/")
    assert "`presslens run` is the batch command" in flat
    assert "prints its own traceback frames first" in flat or "prints its own traceback frames (" in flat
    assert "are presslens's message" in flat
