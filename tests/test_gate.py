"""`check` is the gate: bad input is an error naming the file or field and the fix, never a traceback
or a hang, and whatever passes runs. Also the quietly-wrong inputs that now warn."""
import os
import subprocess
import sys
import time

import pytest

from presslens import load_story
from presslens.analyses import tone
from presslens.figures import tone as figures_tone
from presslens.notebook.gate import check_story
from presslens.run import runner
from presslens.story.model import StoryError

from .conftest import MINI, slack


def problems_of(path, fn=load_story):
    with pytest.raises(StoryError) as exc:
        fn(path)
    return exc.value.problems, str(exc.value)


def write(story, name, front, body="Some text that is long enough. More text."):
    (story / "articles" / name).write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")


def notices(path):
    return [str(n) for n in load_story(path).notices]


def test_impossible_date_is_a_problem_not_a_traceback(mini):
    write(mini, "wire.md", "outlet: Wire Service\npublished: 2023-02-30")
    probs, msg = problems_of(mini)
    assert [(p.file, p.field) for p in probs] == [("mini-story/articles/wire.md", "published")]
    assert "'2023-02-30' is not a date" in msg and "YYYY-MM-DD" in msg


def test_date_with_time_is_accepted(mini):
    write(mini, "wire.md", "outlet: Wire Service\npublished: 2024-03-05T10:15:00Z")
    st = load_story(mini)
    assert str(st.articles.set_index("id").loc["wire", "published"].date()) == "2024-03-05"


def test_repeated_front_matter_key_is_an_error(mini):
    write(mini, "wire.md", "outlet: Wire Service\ntitle: One\ntitle: Two")
    probs, msg = problems_of(mini)
    assert probs[0].file == "mini-story/articles/wire.md"
    assert "at line 4 (duplicate key 'title' (first given at line 3" in msg  # the file's lines, both


def test_repeated_story_yaml_key_is_an_error(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text() + "\ntitle: Another title\n")
    probs, msg = problems_of(mini)
    assert probs[0].file == "mini-story/story.yaml" and "duplicate key 'title'" in msg


def test_folder_named_like_an_article_and_other_files_are_listed_as_ignored(mini):
    (mini / "articles" / "x.md").mkdir()
    (mini / "articles" / "LOUD.MD").write_text((mini / "articles" / "wire.md").read_text())
    (mini / "articles" / "notes.txt").write_text("not an article")
    st = load_story(mini)
    assert sorted(st.articles["id"]) == ["daily", "gazette", "wire"]
    got = "\n".join(str(n) for n in st.notices)
    assert "mini-story/articles/x.md: ignored: only regular .md files are articles (this is a folder)" in got
    assert "mini-story/articles/LOUD.MD: ignored" in got and "rename it to .md to include it" in got
    assert "mini-story/articles/notes.txt: ignored" in got


def test_broken_symlink_is_a_problem(mini):
    os.symlink(mini / "articles" / "nowhere.md", mini / "articles" / "link.md")
    probs, msg = problems_of(mini)
    assert [(p.file, p.message) for p in probs] == [("mini-story/articles/link.md", "is a broken link (its target does not exist)")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_unreadable_article_is_a_problem(mini):
    f = mini / "articles" / "wire.md"
    f.chmod(0)
    try:
        probs, msg = problems_of(mini)
    finally:
        f.chmod(0o644)
    assert probs[0].file == "mini-story/articles/wire.md" and "cannot be read" in msg


def test_comma_separated_sources_warn(mini):
    write(mini, "wire.md", "outlet: Wire Service\nderived_from: The Verge, SCMP")
    got = notices(mini)
    assert any("'The Verge, SCMP' is one text, read as one source" in n and "[The Verge, SCMP]" in n for n in got)


def test_outlet_names_differing_only_in_case_warn(mini):
    write(mini, "wire.md", "outlet: THE DAILY LEDGER")
    got = notices(mini)
    assert any("differ only in case or spacing" in n and "'THE DAILY LEDGER'" in n and "'The Daily Ledger'" in n for n in got)


def test_malformed_speaker_aliases_are_an_error_like_an_actors(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text().replace("    aliases: [Jones]", "    aliases: {bad: 1}"))
    probs, msg = problems_of(mini)
    assert [(p.field, p.message) for p in probs] == [("speakers[0].aliases", "must be a list of strings")]


def test_intended_duplicates_name_real_articles(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text() + "intended_duplicates: [[wire, wyre], [daily, daily], [gazette]]\n")
    probs, msg = problems_of(mini)
    got = {(p.field, p.message) for p in probs}
    assert ("intended_duplicates[1]", "pairs 'daily' with itself") in got
    assert ("intended_duplicates[2]", "['gazette'] is not a pair of article ids") in got


def test_intended_duplicates_unknown_id_suggests_the_real_one(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text() + "intended_duplicates: [[wire, dialy]]\n")
    probs, msg = problems_of(mini)
    assert [(p.field, p.message) for p in probs] == [("intended_duplicates", "no article 'dialy'")]
    assert "did you mean 'daily'?" in msg


def test_language_tags_ignore_case(mini):
    write(mini, "wire.md", "outlet: Wire Service\nlanguage: EN-gb")
    assert load_story(mini).articles.set_index("id").loc["wire", "language"] == "en-GB"  # BCP 47's case (issue 21)


# ----------------------------------------------------------------------------------------------
# the gate: check_story


def test_catastrophic_boilerplate_pattern_finishes_quickly(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text() + "  - pattern: '^(\\w+\\s?)+$'\n    note: greedy\n")
    write(mini, "wire.md", "outlet: Wire Service", body=("word " * 3000) + "!\nA second line, with a comma.")
    t0 = time.monotonic()
    try:
        check_story(mini)
    except StoryError as exc:  # either it runs, or it is refused naming the field: never a hang
        assert "boilerplate[2]" in str(exc)
    assert time.monotonic() - t0 < slack(20)


def test_boilerplate_that_removes_everything_fails_check(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text() + "  - pattern: '(?s).*'\n    note: everything\n")
    probs, msg = problems_of(mini, check_story)
    assert {p.file for p in probs} == {"mini-story/articles/daily.md", "mini-story/articles/gazette.md",
                                       "mini-story/articles/wire.md"}
    assert "no words are left after cleaning (removed by: everything" in msg and "narrow the story's boilerplate" in msg


def test_punctuation_only_article_fails_check(mini):
    write(mini, "wire.md", "outlet: Wire Service", body="... !!! ---- ***")
    probs, msg = problems_of(mini, check_story)
    assert [p.file for p in probs] == ["mini-story/articles/wire.md"]
    assert "no words" in msg


def test_bad_lexicon_override_fails_check_not_a_notebook(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text() + "lexicon:\n  secrecy_concealment: {add: ['(bad']}\n")
    probs, msg = problems_of(mini, check_story)
    assert probs and all(p.file == "mini-story/story.yaml" for p in probs)


def test_check_command_exits_2_with_one_error_line_per_problem(mini):
    write(mini, "wire.md", "outlet: Wire Service\npublished: 2023-02-30")
    r = subprocess.run([sys.executable, "-m", "presslens.cli", "check", str(mini)], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "mini-story/articles/wire.md [published]: '2023-02-30' is not a date" in r.stderr


def test_one_outlet_story_runs_every_notebook(mini, tmp_path):
    for name in ("daily.md", "gazette.md"):
        (mini / "articles" / name).unlink()
    res = runner.run(mini, figures=tmp_path / "figures", reports=tmp_path / "reports", log=lambda s: None)
    assert len(res.notebooks) == len(runner.notebook_list())  # every numbered notebook
    figs = {p.stem for p in (tmp_path / "figures" / "mini-story").glob("*.png")}
    assert "wordchoice-keyness" not in figs and "readability" in figs  # keyness needs two outlets: a note instead
    nb = (tmp_path / "reports" / "mini-story" / "01-word-choice.ipynb").read_text()
    assert "Keyness compares each outlet with the rest of the corpus; this selection has one outlet" in nb


def test_story_without_actors_gets_an_empty_actor_table_and_a_note(mini):
    import matplotlib.pyplot as plt


    y = mini / "story.yaml"
    text_ = y.read_text()
    start, end = text_.index("actors:"), text_.index("speakers:")
    y.write_text(text_[:start] + "actors: []\n" + text_[end:].replace("    affiliation: Acme\n", "").replace(
        "    affiliation: Data Regulator\n", ""))
    st, _ = check_story(mini)
    t = tone.actor_tone(st, n_boot=100)
    assert t.empty and "n_sentences" in t.columns
    fig, data = figures_tone.tone_by_actor(st, t)
    assert "No sentence mentions an actor" in fig.axes[0].texts[0].get_text()
    plt.close(fig)


def test_run_checks_focus_terms_before_any_notebook(mini, tmp_path):
    lines = []
    with pytest.raises(StoryError) as exc:
        runner.run(mini, figures=tmp_path / "f", reports=tmp_path / "r", params={"focus_terms": "['*']"},
                   log=lines.append)
    assert "parameter focus_terms" in str(exc.value) and "a lone '*' matches everything" in str(exc.value)
    assert lines == [] and not (tmp_path / "r").exists()


def test_outlet_that_is_not_text_says_so(mini):
    write(mini, "wire.md", "outlet: 123")
    probs, msg = problems_of(mini)
    assert [(p.field, p.message) for p in probs] == [("outlet", "must be text, got a number 123")]


def test_unparsable_story_yaml_is_reported_once(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text() + "\ntitle: again\n")
    probs, _ = problems_of(mini)
    assert len([p for p in probs if p.file == "mini-story/story.yaml"]) == 1


def test_parties_name_actors_of_the_story(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text() + "parties:\n  accused: [Acme, Acme Inc]\n  accusers: Data Regulator\n  victims: [x]\n")
    probs, msg = problems_of(mini)
    got = [(p.field, p.message) for p in probs]
    assert got == [("parties.accused", "'Acme Inc' is not one of the story's actors"),
                   ("parties.victims", "unknown field")]
    assert "use an actor's name: ['Acme', 'Data Regulator']" in msg and "accused, accusers" in msg
    y.write_text(y.read_text().replace(", Acme Inc]", "]").replace("  victims: [x]\n", ""))
    assert load_story(mini).parties == {"accused": ("Acme",), "accusers": ("Data Regulator",)}


@pytest.mark.parametrize("parties, field, message", [
    ("{accused: []}", "parties.accused", "names no actor"),
    ("{accused: [Acme], accusers: [Acme]}", "parties", "Acme is both accused and accuser"),
    ("[Acme]", "parties", "must be a mapping of accused / accusers to actor names"),
])
def test_parties_that_cannot_be_measured_are_an_error(mini, parties, field, message):
    y = mini / "story.yaml"
    y.write_text(y.read_text() + f"parties: {parties}\n")
    probs, msg = problems_of(mini)
    assert [(p.field, p.message) for p in probs] == [(field, message)]
    assert "ByteDance" not in msg


def test_a_claim_pattern_that_matches_empty_text_is_an_error(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text().replace("patterns: ['\\bfine[ds]?\\b']", "patterns: ['\\b']"))
    probs, msg = problems_of(mini)
    assert [(p.field, p.message) for p in probs] == [
        ("claims[0].patterns[0]", "'\\\\b' matches empty text, so every sentence would carry the claim")]


def test_check_runs_every_claim_pattern_on_the_text(mini):
    y = mini / "story.yaml"
    y.write_text(y.read_text().replace("patterns: ['\\bfine[ds]?\\b']", "patterns: ['(a|aa)+b']"))
    art = sorted((mini / "articles").glob("*.md"))[0]
    art.write_text(art.read_text() + "\n\nThe alarm went " + "a" * 40 + " all night, the regulator said.\n")
    with pytest.raises(StoryError) as e:
        check_story(mini)
    assert [p.field for p in e.value.problems] == ["claims[fined].patterns"]
