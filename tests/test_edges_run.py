"""Boundaries of run/ (issue 20 boundary pass): a lock file younger than 2 s is being written (2.0 s is
not young); a findings block's head, wrapped lines and blank lines; a finding's ``(table: NAME)`` pointer;
parameter cells' one-name assignments with their comments; the reports and figures folders overlapping
(equal, one inside the other, either way) refused, siblings and a shared prefix allowed. Crafted values."""
import os

import pytest

from presslens.errors import OutputError
from presslens.run import lock, outputs, report_html


def test_young_lock_under_two_seconds(tmp_path, monkeypatch):
    p = tmp_path / "harbour.lock"
    p.write_text("", encoding="utf-8")
    t = 1_700_000_000.0
    os.utime(p, (t, t))
    for now, young in ((t + 1.99, True), (t + 2.0, False), (t + 2.01, False), (t, True)):
        monkeypatch.setattr(lock.time, "time", lambda now=now: now)
        assert lock._young(p) is young, now - t
    assert lock._young(tmp_path / "gone.lock") is False


@pytest.mark.parametrize("text, items", [
    ("Findings:\n  - One.\n  - Two\n    wrapped.\n", ["One.", "Two wrapped."]),
    ("Findings for Harbour:\n  first without a dash\n  - Second.\n\n", ["first without a dash", "Second."]),
    ("Findings:\n", []),
    ("Findings:\n  - \n  - Real.\n", ["Real."]),  # an empty bullet is no finding "-"
    ("Findings:\n  - Real.\n  - \n", ["Real."]),  # nor glued to the one before it
    ("Findings:\n\n  - After a blank head line.\n", ["After a blank head line."]),  # no empty item
    ("Findings:\n  - Kept.\n\n  - After a blank line.\n", ["Kept.", "After a blank line."]),
    (" Findings:\n  - Not a block: the head must open the text.\n", None),
    ("findings:\n  - lower case is not the head\n", None),
    ("", None), ("\n", None),
    ("Notes:\nFindings:\n  - a second line is no head\n", None),
])
def test_findings_items(text, items):
    assert report_html.findings_items(text) == items


@pytest.mark.parametrize("sentence, html", [
    ("Two outlets quote the mayor (table: quotes).", "Two outlets quote the mayor. <span class='pl-table'>(table: quotes)</span>"),
    ("Two outlets (tables quotes, voices)", "Two outlets. <span class='pl-table'>(tables quotes, voices)</span>"),
    ("The pier (old) reopened.", "The pier (old) reopened."),
    ("Harbour & Pier <b>", "Harbour &amp; Pier &lt;b&gt;"),
])
def test_finding_html_pointer(sentence, html):
    assert report_html.finding_html(sentence) == html


def test_parameter_defaults():
    src = ("STORY = 'data/stories/harbour'  # the story folder\nOUTLETS = None\nA = B = 1  # two names: left out\n"
           "x.y = 2\nMAX = 20  # cap\n")
    assert report_html.parameter_defaults(src) == [("STORY", "'data/stories/harbour'", "the story folder"),
                                                   ("OUTLETS", "None", ""), ("MAX", "20", "cap")]
    assert report_html.parameter_defaults("STORY = (\n") == []
    assert report_html._shown(None) == "None (all)" and report_html._shown([]) == "(none)"
    assert report_html._shown(["Harbour", "Pier"]) == "Harbour, Pier" and report_html._shown(3) == "3"


@pytest.mark.parametrize("reports, figures, overlap", [
    ("out/harbour", "out/harbour", True), ("out/harbour", "out/harbour/figs", True),
    ("out/harbour/reps", "out/harbour", True), ("reports/harbour", "figures/harbour", False),
    ("out/harbour", "out/harbour-figs", False),  # a shared prefix is no overlap
])
def test_check_targets_overlap(tmp_path, reports, figures, overlap):
    story = tmp_path / "stories" / "harbour"
    (story / "articles").mkdir(parents=True)
    (story / "story.yaml").write_text("title: T\n", encoding="utf-8")
    if overlap:
        with pytest.raises(OutputError, match="overlap: give --reports and --figures different roots"):
            outputs.check_targets(story, tmp_path / reports, tmp_path / figures)
    else:
        outputs.check_targets(story, tmp_path / reports, tmp_path / figures)


def test_manifest_files_and_earlier_records(tmp_path):
    import json

    from presslens.run import manifest
    d = tmp_path / "figs"
    assert manifest.files_in(d) == set()  # no folder: nothing
    d.mkdir()
    for n in ("harbour.png", "harbour.csv", ".harbour.png.tmp"):
        (d / n).write_text("x", encoding="utf-8")
    (d / "sub.png").mkdir()
    assert manifest.files_in(d) == {"harbour.png", "harbour.csv"} and manifest.files_in(d, "*.png") == {"harbour.png"}
    assert manifest.inputs_fingerprint({"b": "2", "a": "1"}) == manifest.inputs_fingerprint({"a": "1", "b": "2"})
    assert manifest.inputs_fingerprint({"a": "1"}) != manifest.inputs_fingerprint({"a": "2"})
    m = tmp_path / "manifest.json"
    assert manifest._earlier_records(m) == (None, "no earlier manifest.json")
    m.write_text(json.dumps({"reports": {"01.ipynb": {"stale": False}, "02.ipynb": "not a record"}}), encoding="utf-8")
    assert manifest._earlier_records(m) == ({"01.ipynb": {"stale": False}}, "")
    m.write_text("{", encoding="utf-8")
    rec, why = manifest._earlier_records(m)
    assert rec is None and why.startswith("the earlier manifest.json could not be read (JSONDecodeError")
    m.write_text(json.dumps({"notebooks": ["01.ipynb"], "inputs_sha256": {"a": "1"}, "finished_at": "t",
                             "durations_s": {"01.ipynb": 3.5}, "parameters": {"figures_dir": "f", "outlets": None}}),
                 encoding="utf-8")
    rec, why = manifest._earlier_records(m)  # an old manifest: one run describes each notebook
    assert why == "" and rec == {"01.ipynb": {"finished_at": "t", "duration_s": 3.5, "parameters": {"outlets": None},
                                              "inputs_fingerprint": manifest.inputs_fingerprint({"a": "1"}),
                                              "versions": None}}
