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

import pandas as pd
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


# ----------------------------------------------------------------------------------------------
# 2. Chinese-only and Japanese-only pages: imported, sentences split at 。！？．, words counted by character

CJK = Path(__file__).parent / "fixtures" / "cjk"


def _han_kana(text: str) -> int:
    """Chinese and Japanese characters, counted one by one (an independent count for the tests)."""
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3040" <= ch <= "\u30ff")


class TestChineseAndJapanese:
    def test_cjk_only_pages_import_with_a_character_count_said_as_such(self, story):
        before = hashes(CJK)
        results, lines = _import(story, CJK)
        assert [r.status for r in results] == ["imported", "imported"], lines
        ja, zh = results
        assert _front(zh.article)["outlet"] == "海湾日报" and _front(ja.article)["outlet"] == "湾岸新聞"
        assert _front(zh.article)["language"] == "zh" and _front(ja.article)["language"] == "ja"
        text = split_front_matter(zh.article.read_text(encoding="utf-8"))[1]
        assert "市长安娜·鲁伊斯在现场对记者说" in text and "首页" not in text and "版权所有" not in text
        # the hand-written article: 262 characters (title, byline and four paragraphs), no Latin words
        assert zh.words == _han_kana(text) == 262
        assert "(262 words (Chinese/Japanese: each character counted as a word))" in lines[1]
        assert not zh.warnings                       # not "only N words: a paywall?"
        assert hashes(CJK) == before

    @pytest.mark.parametrize("par, expected", [
        ("据初步统计，风暴造成的直接经济损失超过两千万元！所幸没有人员伤亡。渔民协会负责人说，重建工作刻不容缓。",
         ["据初步统计，风暴造成的直接经济损失超过两千万元！", "所幸没有人员伤亡。", "渔民协会负责人说，重建工作刻不容缓。"]),
        ("气象专家指出，极端天气的频率明显上升？他们呼吁加强防灾。",
         ["气象专家指出，极端天气的频率明显上升？", "他们呼吁加强防灾。"]),
        ("市长说：“我们一定会重建港口。”她表示将申请资金。",
         ["市长说：“我们一定会重建港口。”", "她表示将申请资金。"]),
        ("「港は必ず再建する。」と市長は述べた。幸いけが人はいなかった。",
         ["「港は必ず再建する。」", "と市長は述べた。", "幸いけが人はいなかった。"]),
        ("価格は３．５％上昇した．市場は落ち着いている．", ["価格は３．５％上昇した．", "市場は落ち着いている．"]),
    ])
    def test_full_width_marks_end_sentences(self, par, expected):
        from presslens.text import segment
        assert [par[a:b] for a, b in segment.split_sentences(par)] == expected

    def test_english_sentences_and_counts_are_unchanged(self):
        from presslens import words
        from presslens.text import segment
        par = "Mr. Smith said the U.S. ban was lifted. “It ends,” he said. Prices rose 3.5 percent!"
        assert [par[a:b] for a, b in segment.split_sentences(par)] == [
            "Mr. Smith said the U.S. ban was lifted.", "“It ends,” he said.", "Prices rose 3.5 percent!"]
        assert words.count(par) == len(par.split()) == 16
        assert [t for t, _, _ in segment.tokenize("The co-op's U.S. deal")] == ["the", "co-op", "u.s", "deal"]

    def test_every_count_reads_characters_and_the_formulas_step_aside(self, story, tmp_path):
        from presslens import load_story, words
        from presslens.analyses import corpus, readability
        from presslens.engine import sanity, tables
        from presslens.text import repeats
        _import(story, CJK, HERALD)
        st = load_story(story)
        p = tables.process(st)
        body = p.sentences[(p.sentences["article_id"] == "zh-harbour") & (p.sentences["part"] != "title")]
        # every sentence's word count is its characters: never one "word" per clause
        assert all(n == _han_kana(t) for n, t in zip(body["n_words"], body["text"]))
        assert len(body) == 10                               # the byline line and 9 sentences, split at 。！？
        table = corpus.article_table(st).set_index("article_id")
        assert table.loc["zh-harbour", "words"] == body["n_words"].sum() == 242   # 262 less the 20 of the title
        assert table.loc["harbour-herald-vexa-fine", "words"] > 200
        # furniture shape: a Chinese paragraph is prose, a menu line is not
        assert repeats.is_paragraph("所幸没有人员伤亡。渔民协会负责人说，重建工作刻不容缓。")
        assert not repeats.is_paragraph("首页 新闻 关于我们")
        assert p.removed[p.removed["article_id"] == "zh-harbour"]["rule"].tolist() == ["repeated headline"]
        r = readability.readability(st).set_index("article_id")
        assert r.loc["zh-harbour", "n_words"] == 242 and r.loc["ja-harbour", "n_words"] == 216
        assert pd.isna(r.loc["zh-harbour", "flesch_reading_ease"]) and pd.isna(r.loc["ja-harbour", "gunning_fog"])
        assert "do not apply" in r.loc["zh-harbour", "caveat"] and "SMOG is defined" not in r.loc["zh-harbour", "caveat"]
        assert r.loc["harbour-herald-vexa-fine", "flesch_reading_ease"] > 0       # English: unchanged
        said = [w for w in sanity.warnings(st) if w.field == "text"]
        assert sorted(w.file.rsplit("/", 1)[1] for w in said) == ["ja-harbour.md", "zh-harbour.md"]
        assert words.describe("首页 新闻") == "4 words (Chinese/Japanese: each character counted as a word)"

    @pytest.mark.parametrize("line, n", [("首页 >  头条", 2), ("首页 新闻 关于我们", 4), ("Home > Headlines", 2),
                                         ("所幸没有人员伤亡。", 4), ("The co-op's U.S. deal", 4)])
    def test_line_shape_rules_read_two_characters_as_a_word(self, line, n):
        from presslens.text import repeats
        assert repeats.n_words(line) == n            # a breadcrumb is as short in Chinese as in English


# ----------------------------------------------------------------------------------------------
# 7. a huge one-line article: the sentence splitter is linear in the paragraph


class TestHugeOneLineArticle:
    def _par(self, n_sentences: int) -> str:
        parts = [f"The council met on day {i} and Mr. Lee said the U.S. plan was fine. “We agree,” he said. "
                 for i in range(n_sentences)]
        return "".join(parts).strip()

    def test_sentences_of_a_4_mb_paragraph_in_a_few_seconds(self):
        from presslens.text import segment
        small, big = self._par(200), self._par(45_000)               # 4.1 MB, one line
        assert len(big) > 4_000_000
        got = [small[a:b] for a, b in segment.split_sentences(small)]
        assert got[:3] == ["The council met on day 0 and Mr. Lee said the U.S. plan was fine.", "“We agree,” he said.",
                           "The council met on day 1 and Mr. Lee said the U.S. plan was fine."]
        t = time.process_time()
        spans = segment.split_sentences(big)
        took = time.process_time() - t
        assert len(spans) == 90_000
        assert took < 5, f"{took:.1f} s of processor time: quadratic again?"   # 43 s for a tenth of it before
