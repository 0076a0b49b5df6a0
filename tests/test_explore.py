"""presslens.explore (the explore notebook's logic), presslens.tables and the report index, on the fixture story."""
import pandas as pd
import pytest

from presslens.errors import ParameterError
from presslens import load_story, paths
from presslens.analyses.wordchoice import lexicon, matching
from presslens.notebook import explore, tables
from presslens.run import report_index
from presslens.story.model import StoryError

from .conftest import BUNDLED, MINI


@pytest.fixture(scope="module")
def st():
    return load_story(BUNDLED)


def test_kwic_lines_term_regex_and_bad_input(st):
    k = explore.kwic_lines(st, "secret*")
    assert len(k) > 0 and k["match"].str.lower().str.startswith("secret").all()
    r = explore.kwic_lines(st, r"secret\w*", regex=True)
    assert set(r["sent_id"]) >= set(k["sent_id"])
    for bad, rx in (("", False), ("  ", False), ("(unclosed", True)):
        with pytest.raises(ValueError):
            explore.kwic_lines(st, bad, regex=rx)


def test_hits_by_outlet_counts_the_kwic_lines(st):
    k = explore.kwic_lines(st, "secret*")
    h = explore.hits_by_outlet(st, k)
    assert list(h["outlet"]) == st.outlets
    assert h["matches"].sum() == len(k) and h["sentences"].sum() == k["sent_id"].nunique()
    assert (h.loc[h["matches"] > 0, "per_1000_words"] > 0).all()
    # the framing-lexicon hits counted are those inside the matching sentences
    hits = matching.match(st, lexicon.lexicon_for(st))
    assert h["lexicon_hits"].sum() == hits["sent_id"].isin(set(k["sent_id"])).sum()
    empty = explore.hits_by_outlet(st, k.iloc[0:0])
    assert empty["matches"].sum() == 0 and empty["lexicon_hits"].sum() == 0


def test_tone_of_matching_sentences(st):
    k = explore.kwic_lines(st, "secret*")
    t = explore.matching_tone(st, k)
    assert set(t["sent_id"]) == set(k["sent_id"]) and t["sent_id"].is_unique
    assert t["compound"].between(-1, 1).all()
    s = explore.tone_by_outlet(st, t)
    assert s["sentences"].sum() == len(t)
    assert set(s["outlet"]) == set(t["outlet"])


def test_article_html_marks_the_match_and_escapes(st):
    k = explore.kwic_lines(st, "secret*")
    row = k.iloc[0]
    page = explore.article_html(st, row["article_id"], int(row["sent_id"]), row["match"])
    assert f"<mark>{row['match']}</mark>" in page and page.count("class='hit'") == 1
    assert explore.mark_match("a <b> & secret", "secret") == "a &lt;b&gt; &amp; <mark>secret</mark>"
    with pytest.raises(ParameterError):
        explore.article_html(st, "no-such-article")


def test_explorer_pickers_drive_the_tables():
    ui = explore.Explorer(str(MINI), term="secret*")
    assert ui.story_picker.value.endswith("mini-story")
    first = ui.kwic.copy()
    ui.term_picker.value = "says"
    assert not ui.kwic.equals(first) and not ui.error
    assert ui.hits["matches"].sum() == len(ui.kwic)
    assert "line(s)" in ui.status.value
    # choosing a line shows its article, the match marked
    if len(ui.kwic) > 1:
        ui.line_picker.value = 1
        assert ui.kwic.iloc[1]["article_id"] in ui.article.value and "<mark>" in ui.article.value
    # an outlet subset
    one = ui.story.outlets[0]
    ui.outlet_picker.value = (one,)
    assert set(ui.kwic["outlet"]) <= {one} and list(ui.hits["outlet"]) == [one]
    # a bad regular expression is said, not raised
    ui.regex_picker.value = True
    ui.term_picker.value = "(unclosed"
    assert ui.error and ui.kwic.empty and "not a valid regular expression" in repr(ui)
    assert "color:#b00" in ui.status.value
    bundle = ui._repr_mimebundle_()
    assert bundle["text/plain"] == repr(ui) and "application/vnd.jupyter.widget-view+json" in bundle


def test_explorer_checks_its_parameters():
    with pytest.raises(StoryError):
        explore.Explorer(str(MINI), outlets=["No Such Outlet"])


def test_stories_lists_the_bundled_story():
    assert "data/stories/bytedance-openai-2023" in explore.stories()


def test_table_plain_text_is_pandas_and_html_is_stable_and_offline():
    df = pd.DataFrame({"outlet": ["a", "b"], "text": ["x <y>", "z"]})
    t = tables.show(df)
    b = t._repr_mimebundle_()
    assert b["text/plain"] == repr(df)  # what nbval compares: unchanged by the interactive view
    assert b["text/html"] == tables.show(df.copy())._repr_mimebundle_()["text/html"]  # same bytes on a re-run
    assert tables.table_id(df) in b["text/html"] and tables.table_id(df) != tables.table_id(df.iloc[:1])
    assert "&lt;y&gt;" in b["text/html"]
    for html in (b["text/html"], tables.init_html()):
        assert "<script src=" not in html and "unpkg" not in html and "cdn." not in html
    assert tables.show(df, caption="Cap")._repr_mimebundle_()["text/plain"].startswith("Cap\n")


def test_report_index_captions_from_the_notebook(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    nb = new_notebook(cells=[new_markdown_cell("## Tone *per* outlet\n\nmore"),
                             new_code_cell("x", outputs=[new_output("stream", text="saved tone-a.png, tone-a.svg and tone-a.csv")]),
                             new_markdown_cell("Plain words first:\n\nmore"),
                             new_code_cell("y", outputs=[new_output("stream", text="saved b.png, b.svg")])])
    nbformat.write(nb, tmp_path / "02-x.ipynb")
    assert report_index.captions(tmp_path / "02-x.ipynb") == {"tone-a": "Tone per outlet", "b": "Plain words first"}
    m = {"story": "s", "title": "T <1>", "question": "Q?", "notebooks": ["02-x.ipynb"],
         "reports": {"02-x.ipynb": {"figures": ["b.csv", "b.png", "b.svg", "tone-a.png"], "stale": True}},
         "run": {"complete": False}}
    page = report_index.render(m, tmp_path / "reports" / "s", tmp_path / "figures" / "s", {"02-x.ipynb": tmp_path / "02-x.ipynb"})
    assert "<h1>T &lt;1&gt;</h1>" in page and "Q?" in page and "stale" in page
    assert "src='../../figures/s/b.png'" in page and "href='../../figures/s/tone-a.csv'" in page
    assert "<b>Tone per outlet</b>" in page and "href='02-x.html'" in page


def test_explore_notebook_runs_under_papermill_with_parameters(tmp_path):
    """explore.ipynb top to bottom under papermill, its pickers' first state set by parameters."""
    import json
    import subprocess
    import sys


    out = tmp_path / "explore.ipynb"
    r = subprocess.run([sys.executable, "-m", "papermill", str(paths.NOTEBOOKS_DIR / "explore.ipynb"), str(out),
                        "--cwd", str(paths.NOTEBOOKS_DIR), "-p", "term", "cut corners", "-p", "outlets",
                        "['New York Post', 'ticker.tv']"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    nb = json.loads(out.read_text())
    texts = ["".join(o.get("data", {}).get("text/plain", "")) for c in nb["cells"] if c["cell_type"] == "code"
             for o in c.get("outputs", [])]
    assert any(t.startswith("Explorer: ") and "'cut corners'" in t and "ticker.tv" in t for t in texts), texts
    widgets = [o for c in nb["cells"] for o in c.get("outputs", []) if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert widgets, "the pickers were not displayed"


def test_tables_in_cells_of_their_own_follow_the_pickers(monkeypatch):
    """show_table displays a table with a display handle; a change of picker updates that handle with the
    new state's table (issue 27: the tables under the pickers followed nothing)."""
    import IPython.display

    class Handle:
        def __init__(self, obj):
            self.shown = [obj]

        def update(self, obj):
            self.shown.append(obj)

    handles = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, display_id=None: handles.append(Handle(obj)) or handles[-1])
    ui = explore.Explorer(str(MINI), term="secret*")
    for name in explore.TABLES:
        ui.show_table(name)
    assert len(handles) == 4
    first = [h.shown[-1].df.copy() for h in handles]
    assert first[0].equals(ui.kwic[explore.KWIC_SHOWN]) and first[1].equals(ui.hits)
    ui.term_picker.value = "says"
    assert all(len(h.shown) == 2 for h in handles), "a picker change did not redraw the tables in their cells"
    assert handles[0].shown[-1].df.equals(ui.kwic[explore.KWIC_SHOWN]) and not handles[0].shown[-1].df.equals(first[0])
    assert handles[3].shown[-1].df.equals(ui.tone[explore.TONE_SHOWN])
    assert "text/html" in handles[0].shown[-1]._repr_mimebundle_()
    with pytest.raises(ParameterError, match="use one of kwic"):
        ui.table("quotes")


def test_setup_cell_opens_without_the_trust_alarm_and_nbval_sees_the_same_library():
    """The set-up cell's output (tables.init) says nothing alarming where its script cannot run (a notebook
    opened before it is run or trusted); the library itself is itables' own. nbval's sanitize file makes a
    notebook executed before this change compare equal to one executed after."""
    import json
    import re

    h = tables.init_html()
    assert "is your notebook" not in h and "should not see" not in h
    assert tables.NOSCRIPT in h and h.count("<noscript>") == 1
    assert "window._itables_" in h and "set_or_remove_dark_class" in h  # the library and the look, untouched
    from itables import javascript as js
    from itables import options as opt

    raw = js.generate_init_offline_itables_html(opt.dt_bundle)
    assert "is your notebook" in raw  # itables' own text, which quiet() replaces
    assert tables.quiet(raw).replace(tables.NOSCRIPT, "") == re.sub(r"<noscript>[\s\S]*?</noscript>", "", raw)
    assert tables.quiet("<p>no block</p>") == "<p>no block</p>"
    cfg = (paths.REPO_ROOT / "tests" / "nbval_sanitize.cfg").read_text()
    pats = re.findall("^regex: (.*)$\n^replace: (.*)$", cfg, flags=re.MULTILINE)

    def sanitize(s):
        for rx, rep in pats:
            s = re.sub(rx, rep, s)
        return s

    assert sanitize(tables.quiet(raw)) == sanitize(raw)
    nb = json.loads((paths.NOTEBOOKS_DIR / "explore.ipynb").read_text(encoding="utf-8"))
    setup_out = ["".join(o["data"]["text/html"]) for c in nb["cells"] if c["cell_type"] == "code"
                 for o in c.get("outputs", []) if "injectCSS" in "".join(o.get("data", {}).get("text/html", ""))]
    assert len(setup_out) == 1 and "is your notebook" not in setup_out[0], "explore.ipynb: re-execute it"
