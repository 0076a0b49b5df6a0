"""Boundary tests for ownership, limits, run/outputs and notebook/setup functions no test file named before
(issue 20, session 14, helper 20x): who owns a folder, what a dead link is, which user files a swap would
overwrite, where figures may go. Crafted folders under tmp_path."""
import json
import os
from types import SimpleNamespace

import pytest

from presslens import limits, ownership as ow
from presslens.errors import ParameterError
from presslens.notebook import setup
from presslens.run import outputs


def test_why_not_owned_empty_unmarked_marked_changed_and_copied(tmp_path):
    d = tmp_path / "reports"
    assert ow.why_not_owned(d, "reports") is None                 # missing: may be made
    d.mkdir()
    assert ow.why_not_owned(d, "reports") is None                 # empty
    (d / "a.html").write_text("A")
    assert ow.why_not_owned(d, "reports") == "no valid presslens marker .presslens in it"
    ow.write_marker(d, "reports", {"a.html": ow.sha256_file(d / "a.html")}, {"by": "test"})
    assert ow.why_not_owned(d, "reports") is None
    (d / "a.html").write_text("B")                                # the only listed file changed
    assert "lists none of the files in it" in ow.why_not_owned(d, "reports")
    (d / "b.html").write_text("A")                                # same bytes under another name: not listed
    assert "lists none of the files in it" in ow.why_not_owned(d, "reports")
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "x").write_text("x")
    (copy / ow.MARKER).write_text(json.dumps({"slug": "reports"}))
    assert "names another folder ('reports')" in ow.why_not_owned(copy, "reports")
    (copy / ow.MARKER).write_text(json.dumps({"slug": "copy"}))   # its own name but no valid marker
    assert ow.why_not_owned(copy, "reports") == "no valid presslens marker .presslens in it"


def test_discard_deletes_only_unchanged_listed_files(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    (d / "a.html").write_text("A")
    (d / "c.html").write_text("C")
    ow.write_marker(d, "reports", {n: ow.sha256_file(d / n) for n in ("a.html", "c.html")}, {"by": "test"})
    (d / "c.html").write_text("changed by the user")
    (d / "b.html").write_text("user")
    assert ow.discard(d, "reports", ["a.html", "b.html", "c.html", "missing.html"]) == ["a.html"]
    assert sorted(os.listdir(d)) == [".presslens", "b.html", "c.html"]
    assert list(json.loads((d / ow.MARKER).read_text())["files"]) == ["c.html"]
    assert ow.discard(tmp_path / "nowhere", "reports", ["a.html"]) == []
    assert ow.discard(d, "reports", []) == []


def _manifest(folder, size_to=None, **over):
    m = {"story": "harbour", "inputs_sha256": {}, "notebooks": ["01-overview.ipynb", "notes.ipynb"], **over}
    text = json.dumps(m)
    if size_to:
        text += " " * (size_to - len(text))
    (folder / "manifest.json").write_text(text, encoding="utf-8")


def test_legacy_reports_lists_the_files_an_old_manifest_describes(tmp_path):
    for n in ("index.html", "01-overview.ipynb", "01-overview.html", "notes.ipynb", "user.txt"):
        (tmp_path / n).write_text(n)
    _manifest(tmp_path)
    got = ow._legacy_reports(tmp_path)
    # "notes.ipynb" has no two-digit number: not one of presslens's notebooks
    assert sorted(got["files"]) == ["01-overview.html", "01-overview.ipynb", "index.html", "manifest.json"]
    assert got["legacy"] is True and got["slug"] == tmp_path.name
    _manifest(tmp_path, size_to=ow.MAX_MARKER)
    assert ow._legacy_reports(tmp_path) is not None               # at the limit
    _manifest(tmp_path, size_to=ow.MAX_MARKER + 1)
    assert ow._legacy_reports(tmp_path) is None                   # one byte past it
    _manifest(tmp_path, notebooks="01-overview.ipynb")
    assert ow._legacy_reports(tmp_path) is None                   # not a list
    (tmp_path / "manifest.json").unlink()
    assert ow._legacy_reports(tmp_path) is None


def test_dangling_names_a_broken_link_and_a_loop(tmp_path):
    os.symlink(tmp_path / "nowhere", tmp_path / "broken")
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    (tmp_path / "file").write_text("x")
    os.symlink(tmp_path / "file", tmp_path / "good")
    assert limits.dangling(tmp_path / "broken") == "a broken link (its target does not exist)"
    assert limits.dangling(tmp_path / "loop") == "a link loop (a link that leads, through links, back to itself)"
    assert limits.dangling(tmp_path / "good") is None
    assert limits.dangling(tmp_path / "file") is None
    assert limits.dangling(tmp_path / "missing") is None


def test_not_ours_inside_files_neither_staged_nor_a_known_figure(tmp_path):
    final, staged = tmp_path / "final", tmp_path / "staged"
    (final / "sub").mkdir(parents=True)
    staged.mkdir()
    (final / "same.png").write_text("S"); (staged / "same.png").write_text("S")
    (final / "fig.png").write_text("F")
    (final / "sub" / "mine.txt").write_text("user")
    known = {"fig.png": ow.sha256_file(final / "fig.png")}
    assert outputs._not_ours_inside(final, staged, known) == ["sub/mine.txt"]
    assert outputs._not_ours_inside(final, staged, {}) == ["fig.png", "sub/mine.txt"]
    assert outputs._not_ours_inside(final, tmp_path / "no-staged", known) == []
    os.symlink(final, tmp_path / "link")
    assert outputs._not_ours_inside(tmp_path / "link", staged, known) == []


def test_conflicts_names_the_users_files_a_swap_would_overwrite(tmp_path):
    final, staged = tmp_path / "reports", tmp_path / ".staged"
    final.mkdir(); staged.mkdir()
    for n in ("index.html", "notes.html", "kept.html"):
        (final / n).write_text("old " + n)
    ow.write_marker(final, "reports", {"index.html": ow.sha256_file(final / "index.html")}, {"by": "test"})
    (staged / "index.html").write_text("new")
    (staged / "notes.html").write_text("new")
    got = outputs.conflicts([(staged, final, False, "reports")])
    assert len(got) == 1 and got[0].endswith("reports/notes.html")     # kept.html is not overwritten
    assert outputs.conflicts([(staged, tmp_path / "absent", False, "reports")]) == []


def test_figures_folder_refuses_the_story_folder_and_a_file(tmp_path):
    story = SimpleNamespace(path=tmp_path / "harbour", slug="harbour")
    story.path.mkdir()
    assert setup._figures_folder(tmp_path / "figs", story) == tmp_path / "figs" / "harbour"
    assert setup._figures_folder(tmp_path / "figs", story, "harbour-v2") == tmp_path / "figs" / "harbour-v2"
    with pytest.raises(ParameterError, match="into the story folder"):
        setup._figures_folder(tmp_path, SimpleNamespace(path=tmp_path / "harbour", slug="harbour"))   # the story itself
    with pytest.raises(ParameterError, match="into the story folder"):
        setup._figures_folder(story.path / "figs", story)                                         # inside it
    (tmp_path / "plain").write_text("x")
    with pytest.raises(ParameterError, match="is a file"):
        setup._figures_folder(tmp_path / "plain", story)
