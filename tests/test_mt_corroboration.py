"""Signals English copy written by people shows too (issue 26, pass 26f): a word profile, a glued sentence, a
foreign word, the outlet's other articles, a capitalised noun, a formula marked ``english: true`` in
mt_phrases.yaml. They add to the score but never found a verdict alone: a verdict needs one *tell*, unless the
corroboration reaches CORROBORATED_SCORE from CORROBORATED_RULES distinct rules."""
import pandas as pd
import pytest

from presslens.analyses.naming import translation
from presslens.errors import StoryError
from presslens.text import mtsignals

from .test_translation import _story

COLS = translation.COLUMNS


def _row(aid, kind, weight, rule, langs=""):
    return (aid, "Desk " + aid, kind, rule, weight, langs, False, 0, "a sentence", rule, "mqm")


def _verdicts(rows):
    return translation.likely_translations(None, pd.DataFrame(rows, columns=COLS)).set_index("article_id")


def test_a_human_article_with_three_kinds_of_corroboration_is_not_called_a_translation(tmp_path):
    # a harbour report as an English-language newsroom of the source country writes it: its own time zone, a
    # missing space after a full stop, a capitalised noun; three rules, score 3 (a verdict before 26f)
    human = ("Harbour Council opened the new pier at 10:00 Beijing time on the quay.The mayor cut the ribbon. "
             "Officials said they Welcome more ships next year.")
    # the same page with one tell, a German press formula: a verdict (the tell carries it alone, weight 3)
    mt = human + " The pier cost less than planned, according to its own information."
    st = _story(tmp_path, "  - {name: Harbour Council, aliases: [Harbour Council]}\n", [("Quay", human), ("Mt", mt)])
    v = translation.likely_translations(st).set_index("outlet")
    assert v.loc["Quay", "kinds"] == "MT phrase 1, MT grammar 1, glued sentences 1", v.loc["Quay", "kinds"]
    assert v.loc["Quay", "score"] == 3 and v.loc["Quay", "n_rules"] == 3
    assert v.loc["Quay", "verdict"] == "isolated signals"
    assert v.loc["Mt", "verdict"] == "likely undeclared translation" and v.loc["Mt", "source_language"] == "de"


def test_corroboration_adds_to_a_tell_and_alone_needs_four_points_from_three_rules():
    v = _verdicts([
        _row("p1", "translationese", 2, "translationese profile"),
        _row("p1", "glued sentences", 1, "glued sentences"),                       # 3 from 2 rules, no tell
        _row("p2", "translationese", 2, "translationese profile"),
        _row("p2", "MT phrase", 1, "formula 北京时间", "zh"),                        # marked english: true
        _row("p3", "translationese", 2, "translationese profile"),
        _row("p3", "MT grammar", 1, "capitalised common noun", "de"),
        _row("t1", "translationese", 2, "translationese profile"),
        _row("t1", "MT phrase", 1, "formula some tell", "es"),                      # one tell of weight 1: enough
        _row("c1", "translationese", 2, "translationese profile"),
        _row("c1", "glued sentences", 1, "glued sentences"),
        _row("c1", "rare word", 1, "rare word", "es"),                              # 4 from 3 rules: a verdict
    ])
    for aid in ("p1", "p2", "p3"):
        assert v.loc[aid, "score"] == 3 and v.loc[aid, "verdict"] == "isolated signals", aid
    assert v.loc["t1", "verdict"] == "likely undeclared translation" and v.loc["t1", "source_language"] == "es"
    assert v.loc["c1", "score"] == 4 and v.loc["c1", "verdict"] == "likely undeclared translation"


def test_the_list_marks_formulas_english_copy_uses_and_checks_the_field(tmp_path):
    assert "formula 北京时间" in mtsignals.english_formulas()
    assert translation.corroborates("MT phrase", "formula 北京时间")
    assert not translation.corroborates("MT phrase", "formula nach Regierungsangaben / nach Polizeiangaben")
    assert translation.corroborates("translationese", "translationese profile")
    bad = tmp_path / "mt.yaml"
    bad.write_text("version: 1\nsources:\n  - {id: s, citation: c}\nphrases:\n"
                   "  - {pattern: 'x', lang: zh, formula: x, weight: 1, source: s, english: 'yes'}\n", encoding="utf-8")
    with pytest.raises(StoryError, match="english"):
        mtsignals.load_mt_phrases(str(bad))


def test_needs_says_how_far_an_article_stands_from_a_verdict():
    def rows(*r):
        return pd.DataFrame(list(r), columns=COLS)

    # a profile alone: one tell of weight 1 makes a verdict; no single corroborating signal does
    assert translation.needs(rows(_row("a", "translationese", 2, "translationese profile"))) == (1, None)
    # nothing: a tell of weight 3 (it carries alone); corroboration never
    assert translation.needs(rows()) == (3, None)
    # two corroborating rules worth 3: a tell of 1, or a third corroborating rule (4 from 3)
    assert translation.needs(rows(_row("a", "translationese", 2, "translationese profile"),
                                  _row("a", "glued sentences", 1, "glued sentences"))) == (1, 1)
    assert translation.needs(rows(_row("a", "MT phrase", 3, "formula strong"))) == (0, 0)


def test_a_name_in_its_own_script_or_respelt_only_corroborates(tmp_path):
    # an English desk quotes names in their script and varies its romanisations: with a glued sentence that was
    # 3 points from 2 rules, a verdict before pass 26f
    human = ("Harbour Council of Kestrel City opened the pier under the banner 港の未来 on Monday.The mayor spoke. "
             "Residents of the old port were invited with the slogan 共に進む by the council, it said.")
    st = _story(tmp_path, "  - {name: Harbour Council, aliases: [Harbour Council]}\n", [("Quay", human)])
    v = translation.likely_translations(st).set_index("outlet")
    assert v.loc["Quay", "kinds"] == "untranslated script 2, glued sentences 1", v.loc["Quay", "kinds"]
    assert v.loc["Quay", "score"] == 3 and v.loc["Quay", "verdict"] == "isolated signals"
    t = _verdicts([_row("r1", "transliteration", 2, "respelt names ru uk", "ru uk"),
                   _row("r1", "glued sentences", 1, "glued sentences")])
    assert t.loc["r1", "score"] == 3 and t.loc["r1", "verdict"] == "isolated signals"
