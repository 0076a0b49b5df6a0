"""Hostile input, eighth round, part A (issue 21): c077, c032, c203, c156, c182 of the round-8 report.

Each test ends with a clear message or the right result, never a hang, a quietly wrong table or an
article overwritten.
"""
import shutil
import time

import pytest

from presslens import load_story
from presslens.cli.main import main as cli_main
from presslens.story.model import StoryError

from .conftest import MINI, slack

PROSE = ("Acme was fined on Tuesday by the regulator for selling data, a spokesperson said. "
         "The company said it would appeal the decision within the month.")


def _story(tmp_path, name="s"):
    d = tmp_path / name
    shutil.copytree(MINI, d)
    return d


# c077 ----------------------------------------------------------------------------------------------


def _longword_sentence(n: int) -> str:
    return "OpenAI suspended ByteDance on Friday. " + "a" * n + " end."


def test_c077_the_rare_word_signal_is_bounded_in_a_long_word():
    """c077: one 30,000-letter "word" made export run past 900 s: the rare-word signal tried every
    split of it against wordfreq (30,000 look-ups of 15,000 letters each; 3,000 letters 1.5 s, 10,000
    17 s). A token over MAX_WORD characters is not a word: no split is tried."""
    from presslens.text import mtsignals
    took = {}
    for n in (3_000, 12_000):
        t0 = time.process_time()
        assert mtsignals.rare_word_signals(_longword_sentence(n)) == []
        took[n] = time.process_time() - t0
    assert took[12_000] < slack(1.0), took


def test_c077_a_long_word_is_not_a_token_nor_embedded():
    from presslens import words
    from presslens.analyses.facts import features
    from presslens.text.segment import tokenize
    s = _longword_sentence(30_000)
    toks = [t for t, _, _ in tokenize(s)]
    assert toks == ["openai", "suspended", "bytedance", "on", "friday", "end"]
    assert [t for t, _, _ in tokenize("x" * words.MAX_WORD + " y")] == ["x" * words.MAX_WORD, "y"]  # the limit itself is a word
    # the embedding model pads a batch to its longest text (300,000 letters: 11 GB): the run is left out
    got = features.embed([s, "Acme was fined."])
    if got is not None:
        want = features.embed([s.replace("a" * 30_000, ""), "Acme was fined."])
        assert abs(got - want).max() < 1e-5


def test_c077_export_time_grows_linearly_with_the_word(tmp_path):
    """The per-story stages (readability, facts, translation signals) on a 3,000- and a 12,000-letter
    word: the second costs about the first (the word is left out), not 16 times it."""
    from presslens.engine import tables
    from presslens.analyses import readability
    from presslens.text import mtsignals
    took = {}
    for n in (3_000, 12_000):
        d = _story(tmp_path, f"s{n}")
        (d / "articles" / "longword.md").write_text(
            f"---\noutlet: Longword Post\npublished: 2024-03-06\n---\n{PROSE} {'a' * n} end.\n", encoding="utf-8")
        st = load_story(d)
        t0 = time.process_time()
        p = tables.process(st)
        readability.readability(st)
        for text in p.sentences["text"]:
            mtsignals.rare_word_signals(text)
        took[n] = time.process_time() - t0
    assert took[12_000] < slack(2.0 * took[3_000] + 2.0), took


def test_c077_check_names_the_file_with_the_long_word(tmp_path):
    from presslens.engine.screening import screen
    d = _story(tmp_path)
    (d / "articles" / "longword.md").write_text(
        f"---\noutlet: Longword Post\npublished: 2024-03-06\n---\n{PROSE} {'a' * 30_000} end.\n", encoding="utf-8")
    said = [w for w in screen(load_story(d)).warnings if "longword.md" in w.file and "characters" in w.message]
    assert len(said) == 1, said
    assert 'a "word" of 30,000 characters' in said[0].message and "left out of the measures" in said[0].message
    assert "delete the run" in said[0].fix
    assert not [w for w in screen(load_story(MINI)).warnings if "characters" in w.message]  # ordinary text: no word


# c032 / c203 -----------------------------------------------------------------------------------------


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old,new,field,fix", [
    ("aliases: [Acme, Acme Corp., Acme Corp]", "aliases: Acme, Acme Corp", "actors[0].aliases",
     "aliases: [Acme, Acme Corp]"),
    ("aliases: [Jones]", "aliases: Jones; M. Jones", "speakers[0].aliases", "aliases: [Jones, M. Jones]"),
    ("      - form: Akme\n        kind: transliteration\n        note: spelling in the translated article\n",
     "    renderings: Akme, Akmé\n", "actors[0].renderings", "renderings: [Akme, Akmé]"),
])
def test_c032_a_list_of_names_written_as_one_text_is_refused(tmp_path, old, new, field, fix):
    """c032: ``aliases: ByteDance, Bytedance`` loaded as ONE alias holding a comma, without a word."""
    d = _story(tmp_path)
    y = d / "story.yaml"
    if field.endswith("renderings"):
        _edit(y, "    renderings:\n" + old, new)
    else:
        _edit(y, old, new)
    with pytest.raises(StoryError) as err:
        load_story(d)
    text = str(err.value)
    assert "story.yaml" in text and f"[{field}]" in text and "ONE name" in text and fix in text, text


def test_c032_one_name_as_text_stays_one_alias(tmp_path):
    d = _story(tmp_path)
    _edit(d / "story.yaml", "aliases: [Jones]", "aliases: Jones")
    assert load_story(d).speakers[0].aliases == ("Jones",)


def test_c203_outlet_aliases_written_as_one_text_are_refused(tmp_path):
    """c203: outlets.yaml ``aliases: "NY Post, nypost.com"`` was one alias: the outlet split in two."""
    d = _story(tmp_path)
    (d / "outlets.yaml").write_text('outlets:\n  The Daily Ledger:\n    aliases: "Ledger, ledger.example"\n'
                                    "    country: US\n", encoding="utf-8")
    with pytest.raises(StoryError) as err:
        load_story(d)
    text = str(err.value)
    assert "outlets.yaml" in text and "[outlets.The Daily Ledger.aliases]" in text
    assert "aliases: [Ledger, ledger.example]" in text, text
    (d / "outlets.yaml").write_text("outlets:\n  The Daily Ledger:\n    aliases: [Ledger, ledger.example]\n"
                                    "    country: US\n", encoding="utf-8")
    load_story(d)


# c156 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("argv,option", [
    (["export", str(MINI), "--group-by", "country", "--group-by", "kind"], "--group-by"),
    (["names", str(MINI), "--max-edits", "1", "--max-edits", "2"], "--max-edits"),
    (["run", str(MINI), "-j", "1", "--jobs", "2"], "-j"),
    (["import", str(MINI), "x.html", "--outlet", "A", "--outlet", "B"], "--outlet"),
])
def test_c156_a_single_valued_option_given_twice_is_refused(tmp_path, capsys, argv, option):
    """c156: ``export --group-by country --group-by kind`` wrote kind's tables only, dropping country."""
    # where the command would write if it ran (it must not): a folder of the test's own
    argv = argv + {"export": ["--out", str(tmp_path / "out")],
                   "run": ["--figures", str(tmp_path / "out"), "--reports", str(tmp_path / "out")]}.get(argv[0], [])
    with pytest.raises(SystemExit) as ex:
        cli_main(argv)
    assert ex.value.code == 2
    err = capsys.readouterr().err
    assert f"{option} given twice" in err and f"Fix: give {option} once" in err, err
    assert not (tmp_path / "out").exists()


def test_c156_the_same_value_twice_is_no_conflict(capsys):
    assert cli_main(["names", str(MINI), "--max-edits", "1", "--max-edits", "1"]) == 0


# c182 ------------------------------------------------------------------------------------------------

PAGE = ('<!doctype html><html><head><meta charset="utf-8"><title>Collision</title><meta property="og:site_name" '
        'content="Collide Post"></head><body><article><h1>Collision</h1><p>{p}</p><p>{p}</p></article></body></html>')


@pytest.mark.parametrize("force", [False, True])
def test_c182_a_page_named_like_another_outlets_article_gets_a_free_name(tmp_path, force):
    """c182: the page was skipped with "Fix: --force to replace", which would overwrite the unrelated
    article of another outlet. It is imported under the next free name; the article stays as it was."""
    from presslens.story.importer import write
    d = _story(tmp_path)
    before = (d / "articles" / "wire.md").read_bytes()
    pages = tmp_path / "p"
    pages.mkdir()
    (pages / "wire.html").write_text(PAGE.format(p=PROSE), encoding="utf-8")
    results = write.import_pages(d, [str(pages)], log=lambda _: None, force=force)
    assert [(r.status, r.id) for r in results] == [("imported", "wire-2")], results
    assert (d / "articles" / "wire.md").read_bytes() == before
    assert "outlet: Collide Post" in (d / "articles" / "wire-2.md").read_text(encoding="utf-8")
    again = write.import_pages(d, [str(pages)], log=lambda _: None)  # the same page again: its own article
    assert [(r.status, r.id, r.fix) for r in again] == [("skipped", "wire-2", "--force to replace")], again
    assert (d / "articles" / "wire.md").read_bytes() == before
