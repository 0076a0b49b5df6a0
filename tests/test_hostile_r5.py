"""Hostile round 5, the leftovers (issue 21): syndicated copies, CJK pages, concurrent runs, a user's
file among the figures, date sources named right, repeated errors grouped, a huge one-line article,
truth files checked. Each case is a class of input, not one file; no user file is changed or lost.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from presslens.story.importer import dates, write
from presslens.story.importer.guard import read_page
from presslens.story.scaffold import new_story
from presslens.story.yamlio import split_front_matter

from presslens import StoryError, load_story, ownership
from presslens.errors import RunError
from presslens.run import runner

from .conftest import MINI
from .test_hostile import SLUG, cli_run, earlier, hashes, outputs  # noqa: F401  (fixtures)

PAGES = Path(__file__).parent / "fixtures" / "pages"
HERALD = PAGES / "harbour-herald-vexa-fine.html"


@pytest.fixture
def story(tmp_path) -> Path:
    d = new_story("vexa-fine", root=tmp_path)
    (d / "articles" / "example.md").unlink()
    return d


def _import(story, *sources, **kw):
    lines: list[str] = []
    return write.import_pages(story, [str(s) for s in sources], log=lines.append, **kw), lines


def _front(path: Path) -> dict:
    return yaml.safe_load(split_front_matter(path.read_text(encoding="utf-8"))[0])


def _syndicated(src: str, host: str, name: str) -> str:
    """The same article text as another outlet's page: its own site name, URL and canonical link."""
    return (src.replace("www.harbourherald.co.uk", host).replace("The Harbour Herald", name))


# ----------------------------------------------------------------------------------------------
# 1. syndicated copy is imported; only the same page saved twice is skipped


class TestSyndicatedCopy:
    def test_another_outlets_page_with_the_same_text_is_its_own_article(self, story, tmp_path):
        src = HERALD.read_text(encoding="utf-8")
        pages = tmp_path / "saved"
        pages.mkdir()
        (pages / "a-herald.html").write_text(src, encoding="utf-8")
        (pages / "b-gazette.html").write_text(_syndicated(src, "www.coastgazette.example", "The Coast Gazette"),
                                              encoding="utf-8")
        (pages / "c-wire.html").write_text(_syndicated(src, "news.wire.example", "Wire Service"), encoding="utf-8")
        before = hashes(pages)
        results, lines = _import(story, pages)
        assert [r.status for r in results] == ["imported"] * 3, lines
        assert [_front(r.article)["outlet"] for r in results] == ["The Harbour Herald", "The Coast Gazette",
                                                                   "Wire Service"]
        # the report names the twin(s): one for the second page, two for the third
        assert not any("same text as" in w for w in results[0].warnings)
        assert [w for w in results[1].warnings if "same text as articles/a-herald.md" in w]
        assert sum("same text as" in w for w in results[2].warnings) == 2
        assert "same text as articles/a-herald.md (The Harbour Herald" in lines[1]
        assert hashes(pages) == before                       # the saved pages are never touched
        # importing the folder again: every page already there, nothing written twice
        again, _ = _import(story, pages)
        assert [r.status for r in again] == ["skipped"] * 3
        assert len(list((story / "articles").glob("*.md"))) == 3

    @pytest.mark.parametrize("how", ["copied file", "same outlet and URL, other markup"])
    def test_the_same_page_saved_twice_is_skipped_saying_so(self, story, tmp_path, how):
        _import(story, HERALD)
        twin = tmp_path / "saved-again.html"
        if how == "copied file":
            shutil.copy(HERALD, twin)
        else:
            twin.write_text(HERALD.read_text(encoding="utf-8").replace("<style>", "<style>.x{}"), encoding="utf-8")
        results, lines = _import(story, twin)
        assert results[0].status == "skipped", lines
        assert "same page as articles/harbour-herald-vexa-fine.md" in results[0].reason
        assert "saved twice" in results[0].reason and results[0].fix
        assert not (story / "articles" / "saved-again.md").exists()

    def test_the_same_text_without_urls_from_two_outlets_is_imported(self, story, tmp_path):
        src = HERALD.read_text(encoding="utf-8")
        for tag in ('<link rel="canonical" href="https://www.harbourherald.co.uk/business/vexa-mobility-fined-location-data">',
                    '<meta property="og:url" content="https://www.harbourherald.co.uk/business/vexa-mobility-fined-location-data">'):
            src = src.replace(tag, "")
        (tmp_path / "one.html").write_text(src, encoding="utf-8")
        (tmp_path / "two.html").write_text(src.replace("The Harbour Herald", "Bay Courier"), encoding="utf-8")
        results, _ = _import(story, tmp_path / "one.html", tmp_path / "two.html")
        assert [r.status for r in results] == ["imported", "imported"]
        assert _front(results[1].article)["outlet"] == "Bay Courier"


# ----------------------------------------------------------------------------------------------
# 5. each date source is named for what it declares


class TestDateSourceLabels:
    def test_a_publication_time_is_never_called_the_modification_time(self):
        # the page's article:published_time equals its article:modified_time (a CMS stamping revisions);
        # dateCreated differs: the note names each declaration for what it is
        when, day, note = dates.publication([("article:published_time", "2024-03-06T09:00:00+01:00"),
                                             ("datecreated", "2024-03-03T08:00:00+01:00")],
                                            [("article:modified_time", "2024-03-06T09:00:00+01:00")], "")
        assert str(day) == "2024-03-03"
        assert "article:published_time (a publication time) equals the page's modification time declared in " \
               "article:modified_time (a modification time)" in note
        assert "passed over for dateCreated (a creation time)" in note
        assert "is the page's modification time" not in note

    @pytest.mark.parametrize("modified", ['<meta property="article:modified_time" content="2024-03-13T16:05:00+00:00">',
                                          ""])
    def test_no_note_when_no_revision_stamp_was_passed_over(self, tmp_path, modified):
        head = ('<meta name="date" content="2024-03-13T16:05:00+00:00">'
                '<meta property="article:published_time" content="2024-03-12T09:30:00+01:00">' + modified)
        page = tmp_path / "p.html"
        page.write_text(f"<html><head>{head}<meta property='og:site_name' content='Ledger'></head><body><article>"
                        + "<p>" + "The council voted on the budget after a long debate about the harbour. " * 6
                        + "</p></article></body></html>", encoding="utf-8")
        got = read_page(page)
        assert got["fields"]["published"] == "2024-03-12T09:30+01:00"
        assert not any("modification" in n for n in got["notes"]), got["notes"]

    def test_labels(self):
        assert dates.source_label("datepublished") == "datePublished (a publication time)"
        assert dates.source_label("og:updated_time") == "og:updated_time (a modification time)"
        assert "generic date" in dates.source_label("sailthru.date")


# ----------------------------------------------------------------------------------------------
# 3. one run at a time into one reports folder; 4. a user's file inside the report's figures/


HOLD = ("import sys; from pathlib import Path; from presslens.run.lock import RunLock; "
        "lock = RunLock.acquire(Path(sys.argv[1]), log=lambda s: None); print('held', flush=True); "
        "sys.stdin.read(); lock.release()")


def _holder(folder: Path):
    """Another process holding the run lock on ``folder`` until its stdin closes."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    assert proc.stdout.readline().strip() == "held"
    return proc


class TestOneRunAtATime:
    def test_a_second_run_refuses_while_another_holds_the_folder(self, outputs, tmp_path, capsys):
        reports, figures = outputs
        proc = _holder(reports / SLUG)
        try:
            before = hashes(tmp_path)
            rc, _, err = cli_run(capsys, "run", MINI, "--reports", reports, "--figures", figures, "-n", "00")
            assert rc == 1
            assert "another presslens run is writing" in err and f"pid {proc.pid}" in err
            assert f"{SLUG}/.presslens-run.lock" in err and "wait for that run to finish" in err
            assert "delete that lock file" in err and "Traceback" not in err
            assert hashes(tmp_path) == before                         # nothing written, the holder's lock kept
        finally:
            proc.communicate("")
        assert not (reports / SLUG / ".presslens-run.lock").exists()  # the holder released it

    def test_two_processes_racing_for_the_lock_one_wins(self, tmp_path):
        race = ("import sys, time; from pathlib import Path; from presslens.run.lock import RunLock; "
                "from presslens.errors import RunError\n"
                "time.sleep(max(0, float(sys.argv[2]) - time.time()))\n"
                "try:\n    RunLock.acquire(Path(sys.argv[1]), log=print); print('won', flush=True); time.sleep(2)\n"
                "except RunError as e:\n    print('refused:', e, flush=True)\n")
        at = str(time.time() + 3)
        procs = [subprocess.Popen([sys.executable, "-c", race, str(tmp_path / "reports" / SLUG), at],
                                  stdout=subprocess.PIPE, text=True,
                                  env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}) for _ in range(2)]
        outs = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
        assert outs[1] == "won" and outs[0].startswith("refused: another presslens run"), outs

    def test_a_dead_runs_lock_is_taken_over_with_a_note(self, outputs, tmp_path):
        reports, figures = outputs
        proc = _holder(reports / SLUG)
        proc.kill()                                     # a run killed without cleaning up: its lock stays
        proc.wait()
        assert (reports / SLUG / ".presslens-run.lock").exists()
        (reports / SLUG / "my-notes.txt").write_text("mine\n")
        logged: list[str] = []
        runner.run(MINI, figures=figures, reports=reports, notebooks=["00"], log=logged.append)
        note = [line for line in logged if "took over the lock" in line]
        assert note and f"pid {proc.pid}" in note[0] and "that process is gone" in note[0]
        assert not (reports / SLUG / ".presslens-run.lock").exists()   # released when the run ended
        assert (reports / SLUG / "my-notes.txt").read_text() == "mine\n"
        marker = ownership.read_marker(reports / SLUG, "reports")
        assert ".presslens-run.lock" not in marker["files"]
        assert json.loads((reports / SLUG / "manifest.json").read_text())["notebooks"]


class TestUserFileInTheReportsFigures:
    def test_the_error_names_the_files_not_the_folder(self, outputs, tmp_path):
        reports, figures = outputs
        inner = reports / SLUG / "figures"
        (inner / "my-chart.png").write_bytes(os.urandom(512))
        (inner / "drafts").mkdir()
        (inner / "drafts" / "notes.txt").write_text("draft\n")
        before = hashes(tmp_path)
        with pytest.raises(RunError) as exc:
            runner.run(MINI, figures=figures, reports=reports, notebooks=["00"], log=lambda s: None)
        msg = str(exc.value)
        assert f"{SLUG}/figures/my-chart.png" in msg and f"{SLUG}/figures/drafts/notes.txt" in msg
        assert "2 file(s)" in msg and "move or rename them" in msg and "delete them" in msg
        assert f"{SLUG}/figures," not in msg and f"{SLUG}/figures;" not in msg   # not the folder alone
        assert hashes(tmp_path) == before
        assert not (reports / SLUG / ".presslens-run.lock").exists()


# ----------------------------------------------------------------------------------------------
# 6. errors repeated over many files are grouped like warnings; --all lists every one


class TestRepeatedErrorsGrouped:
    def _broken(self, mini, n):
        src = (mini / "articles" / "daily.md").read_text(encoding="utf-8")
        for i in range(n):
            (mini / "articles" / f"bad-{i:03}.md").write_text(
                src.replace("published: 2024-03-05", "published: yesterday")
                   .replace("acme-fine", f"acme-fine-{i}").replace("Ann Lee", f"Writer {i}"), encoding="utf-8")
        return mini

    def test_check_groups_a_repeated_error_and_all_lists_every_one(self, mini, capsys):
        story = self._broken(mini, 120)
        before = hashes(story)
        rc, out, err = cli_run(capsys, "check", story)
        assert rc == 2
        lines = err.splitlines()
        assert "120 problem(s)" in lines[0]
        grouped = [ln for ln in lines if "120 files [published]" in ln]
        assert len(grouped) == 1, err
        assert "articles/bad-000.md, mini-story/articles/bad-001.md, mini-story/articles/bad-002.md, and 117 more" in grouped[0]
        assert "Fix:" in grouped[0] and "--all" in lines[-1] and len(lines) < 6
        rc, out, err = cli_run(capsys, "check", story, "--all")
        assert rc == 2
        assert sum("[published]" in ln for ln in err.splitlines()) == 120
        assert hashes(story) == before

    def test_a_few_errors_stay_one_per_line(self, mini):
        story = self._broken(mini, 3)
        with pytest.raises(StoryError) as exc:
            load_story(story)
        assert str(exc.value).count("[published]") == 3 and "--all" not in str(exc.value)
        assert len(exc.value.problems) == 3

    def test_a_run_groups_them_too(self, mini, tmp_path, capsys):
        story = self._broken(mini, 9)
        rc, out, err = cli_run(capsys, "run", story, "--reports", tmp_path / "r", "--figures", tmp_path / "f",
                               "-n", "00")
        assert rc == 2 and "9 files [published]" in err and err.count("\n") < 6
        assert not (tmp_path / "r").exists() or not any((tmp_path / "r").iterdir())


# ----------------------------------------------------------------------------------------------
# 8. `presslens check` on an evaluation story checks its truth.yaml; mt without a language is refused

EVAL_MINI = Path(__file__).parent / "fixtures" / "eval-mini"


class TestCheckValidatesTruth:
    @pytest.fixture
    def eval_story(self, tmp_path):
        dest = tmp_path / "eval-mini"
        shutil.copytree(EVAL_MINI, dest)
        return dest

    def _label(self, story, **fields):
        data = yaml.safe_load((story / "truth.yaml").read_text(encoding="utf-8"))
        first = next(iter(data["articles"]))
        data["articles"][first].update(fields)
        (story / "truth.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return first

    def test_a_valid_truth_file_passes(self, eval_story, capsys):
        rc, out, _ = cli_run(capsys, "check", eval_story)
        assert rc == 0 and "eval-mini: ok" in out

    def test_a_bad_label_fails_check_naming_file_and_field(self, eval_story, capsys):
        aid = self._label(eval_story, mt="maybe")
        rc, _, err = cli_run(capsys, "check", eval_story)
        assert rc == 2 and "eval-mini/truth.yaml" in err and f"articles.{aid}.mt" in err and "Fix:" in err

    def test_machine_translation_without_a_source_language_is_refused(self, eval_story, capsys):
        aid = self._label(eval_story, mt=True, source_language=None)
        before = hashes(eval_story)
        rc, _, err = cli_run(capsys, "check", eval_story)
        assert rc == 2
        assert f"eval-mini/truth.yaml [articles.{aid}.source_language]: is null but mt is true" in err
        assert "ISO 639-1 code" in err and "unsure: true" in err
        assert hashes(eval_story) == before

    def test_unsure_when_the_language_cannot_be_told(self, eval_story, capsys):
        self._label(eval_story, mt=True, source_language=None, unsure=True, note="round trip, language unknown")
        rc, _, _ = cli_run(capsys, "check", eval_story)
        assert rc == 0
