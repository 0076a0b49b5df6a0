"""Hostile round 10 (report /tmp/h10/hostile10-report.md): eval given one story twice, eval's errors for
a story without usable labels, an --out that is a file, a truth claim story.yaml does not define, and
an empty outlet selection."""
import codecs
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from presslens.cli.main import main as cli_main
from presslens.evaluation import scoreboard as sb
from presslens.evaluation.score_story import score_facts
from presslens.evaluation.truth import Truth

from .conftest import FIXTURES

EVAL_MINI = FIXTURES / "eval-mini"


@pytest.fixture
def labelled(tmp_path) -> Path:
    d = tmp_path / "eval-mini"
    shutil.copytree(EVAL_MINI, d)
    return d


def _counts(out: Path) -> pd.DataFrame:
    csv = pd.read_csv(out / "scoreboard.csv")
    return csv[csv["scope"] == "all"].set_index(["analysis", "measure"])[["units", "items", "tp", "fp", "fn", "yes", "no"]]


def test_a_story_given_twice_is_scored_once(labelled, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli_main(["eval", str(labelled), "--out", str(tmp_path / "once")]) == 0
    assert cli_main(["eval", str(labelled), "eval-mini", "./eval-mini/", "--out", str(tmp_path / "twice")]) == 0
    err = capsys.readouterr().err
    assert "eval-mini given more than once: scored once" in err
    assert err.count("scoring eval-mini") == 2  # once per command, not three times in the second
    pd.testing.assert_frame_equal(_counts(tmp_path / "once"), _counts(tmp_path / "twice"))


def test_own_story_without_truth_says_to_add_it(labelled, capsys):
    (labelled / "truth.yaml").unlink()
    assert cli_main(["eval", str(labelled)]) == 2
    err = capsys.readouterr().err
    assert "is a story, but has no truth.yaml" in err and "add " in err and "eval-mini/truth.yaml" in err
    assert "data/eval/FORMAT.md" in err and "give a folder of data/eval" not in err


def test_truth_yaml_that_is_a_folder_or_a_pipe_is_named_as_such(labelled, capsys):
    (labelled / "truth.yaml").unlink()
    (labelled / "truth.yaml").mkdir()
    assert cli_main(["eval", str(labelled)]) == 2
    assert "truth.yaml [STORY]: is a folder, not a file" in capsys.readouterr().err
    (labelled / "truth.yaml").rmdir()
    os.mkfifo(labelled / "truth.yaml")
    assert cli_main(["eval", str(labelled)]) == 2  # at once: a pipe is never opened
    assert "is a named pipe (FIFO), not a file" in capsys.readouterr().err


def test_utf16_truth_with_a_bom_is_read_like_an_article(labelled, tmp_path):
    text = (labelled / "truth.yaml").read_text(encoding="utf-8")
    (labelled / "truth.yaml").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert cli_main(["eval", str(labelled), "--out", str(tmp_path / "ev")]) == 0
    assert (tmp_path / "ev" / "scoreboard.csv").is_file()


def test_utf16_truth_without_a_bom_says_save_it_as_utf8(labelled, capsys):
    text = (labelled / "truth.yaml").read_text(encoding="utf-8")
    (labelled / "truth.yaml").write_bytes(text.encode("utf-16-le"))
    assert cli_main(["eval", str(labelled)]) == 2
    err = capsys.readouterr().err
    assert "without a byte-order mark" in err and "re-save it as UTF-8" in err
    assert "correct the YAML" not in err


def test_out_that_is_a_file_is_refused_before_scoring(labelled, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n", encoding="utf-8")
    assert cli_main(["eval", str(labelled), "--out", str(notes)]) == 2
    captured = capsys.readouterr()
    assert "scoring" not in captured.err  # refused up front, nothing scored
    assert "--out" in captured.err and "is a file, not a folder" in captured.err and "must be a folder" in captured.err
    assert notes.read_text(encoding="utf-8") == "mine\n"
    assert cli_main(["eval", str(labelled), "--out", str(notes / "sub")]) == 2
    assert "which is a file, not a folder" in capsys.readouterr().err


def test_a_truth_claim_no_story_yaml_claim_defines_is_not_scored_as_matched():
    """Fact 0 (a1, a2) would match claim zz9's labelled articles at F1 1.0; but story.yaml defines no
    claim with zz9's id or text (a labelling slip), so it is left out, not counted as matched."""
    members = pd.DataFrame({"fact": [0, 0], "article_id": ["a1", "a2"], "clause": ["Bananas are yellow"] * 2,
                            "centre": [True, False]})
    t = Truth(slug="s", split="dev", labeller="", path=Path("."), articles={"a1": {}, "a2": {}},
              claims=[{"id": "zz9", "text": "Bananas are yellow", "articles": ["a1", "a2"]},
                      {"id": "c1", "text": "The storm hit", "articles": ["a1", "a2"]}])
    scored = score_facts(members, t, ["a1", "a2"], defined={"c1": "The storm hit"})
    assert set(scored["unit"]) == {"c1"}
    assert set(score_facts(members, t, ["a1", "a2"])["unit"]) == {"zz9", "c1"}  # no story.yaml given: all scored


def test_the_undefined_claim_is_noted_and_left_out_of_the_scoreboard(labelled, tmp_path):
    truth = (labelled / "truth.yaml").read_text(encoding="utf-8")
    truth = truth.replace("claims:\n", "claims:\n  - id: zz9\n    text: \"Bananas are yellow\"\n"
                                       "    articles: [001-harbourwire.example, 002-copysite.example]\n", 1)
    (labelled / "truth.yaml").write_text(truth, encoding="utf-8")
    _, o = sb.score_story(labelled)
    facts = o[o["analysis"] == "facts"]
    assert not facts["item"].str.startswith("zz9").any()
    claims = o[(o["analysis"] == "claims") & o["item"].str.startswith("zz9")]
    assert len(claims) and claims["detail"].str.contains("not scored for facts either").all()


def test_an_empty_outlet_list_is_refused(tmp_path, capsys):
    from presslens.errors import ParameterError
    from presslens.notebook import setup

    story = FIXTURES / "mini-story"
    with pytest.raises(ParameterError) as exc:
        setup.check_params(setup.check_story(story)[0], outlets="[]")
    assert "is an empty list: it selects nothing" in str(exc.value) and "leave outlets out (None)" in str(exc.value)
    assert setup.check_params(setup.check_story(story)[0], outlets=None)[0] is None
    assert setup.check_params(setup.check_story(story)[0], outlets_pin="[]")[1]["outlets_pin"] == []  # no pins: fine
    rc = cli_main(["run", str(story), "-n", "00", "-p", "outlets", "[]", "--figures", str(tmp_path / "f"),
                   "--reports", str(tmp_path / "r")])
    assert rc == 2 and "empty list" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_a_cache_inside_the_story_folder_is_refused_before_it_is_written(tmp_path, monkeypatch, capsys):
    story = tmp_path / "s"
    shutil.copytree(FIXTURES / "mini-story", story)
    before = sorted(p.relative_to(story) for p in story.rglob("*"))
    monkeypatch.setenv("PRESSLENS_CACHE", str(story / "articles"))
    assert cli_main(["export", str(story), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "PRESSLENS_CACHE" in err and "is inside the story folder" in err and "point PRESSLENS_CACHE at a folder" in err
    assert sorted(p.relative_to(story) for p in story.rglob("*")) == before  # nothing written among the user's files
    assert not (tmp_path / "out").exists()
    assert cli_main(["check", str(story)]) == 2  # every command that reads the story refuses it
    monkeypatch.setenv("PRESSLENS_CACHE", str(story))
    assert cli_main(["check", str(story)]) == 2 and "is the story folder" in capsys.readouterr().err


def test_a_cache_that_is_exports_out_folder_is_named_as_the_cause(tmp_path, monkeypatch, capsys):
    story = tmp_path / "s"
    shutil.copytree(FIXTURES / "mini-story", story)
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "out"))
    assert cli_main(["export", str(story), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "PRESSLENS_CACHE" in err and "is the --out folder" in err
    assert not (tmp_path / "out").exists()  # refused before the cache filled it
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))  # apart from both: fine
    assert cli_main(["export", str(story), "--out", str(tmp_path / "out")]) == 0


def test_check_warns_on_a_date_years_away_from_the_others(tmp_path, capsys):
    import re

    story = tmp_path / "s"
    shutil.copytree(FIXTURES / "mini-story", story)
    first = sorted((story / "articles").glob("*.md"))[0]
    text = first.read_text(encoding="utf-8")
    assert re.search(r"(?m)^published: ", text)
    first.write_text(re.sub(r"(?m)^published: .*$", "published: 1899-01-01", text, count=1), encoding="utf-8")
    assert cli_main(["check", str(story)]) == 0  # two dated articles: the pair is named
    said = "".join(capsys.readouterr())
    assert first.name in said and "1899-01-01 is 125 years from the other dated article's (articles/gazette.md" in said
    wire = story / "articles" / "wire.md"
    wire.write_text(wire.read_text(encoding="utf-8").replace("published: null", "published: 2024-03-04"), encoding="utf-8")
    assert cli_main(["check", str(story)]) == 0  # a warning, not a refusal
    out = capsys.readouterr()
    said = out.out + out.err
    assert first.name in said and "1899-01-01 is 125 years from the story's other dates (their median: 2024-03-05)" in said
    first.write_text(text, encoding="utf-8")
    assert cli_main(["check", str(story)]) == 0
    assert "years from the story's other dates" not in "".join(capsys.readouterr())
