"""An article whose outlet publishes another translation of the story (issue 26): one more weak signal,
'outlet translates', that never carries a verdict alone and comes only from a sibling judged by its own signals."""
import pandas as pd

from presslens.analyses.naming import translation

COLS = translation.COLUMNS


def _row(aid, outlet, kind, weight, rule, langs=""):
    return (aid, outlet, kind, rule, weight, langs, False, 0, "a sentence", rule, "mqm")


def _verdicts(rows):
    return translation.likely_translations(None, pd.DataFrame(rows, columns=COLS)).set_index("article_id")


def test_a_sibling_translation_adds_one_point_to_an_article_of_its_outlet():
    v = _verdicts([
        _row("x1", "Farm", "MT phrase", 3, "formula strong", "es"),        # a translation by its own signals
        _row("x2", "Farm", "MT grammar", 2, "grammar two"),                 # weight 2 alone: isolated, + 1 -> 3
        _row("x3", "Farm", "glued sentences", 1, "glued sentences"),         # weight 1 + 1 = 2: still isolated
        _row("x4", "Farm", "translationese", 2, "translationese profile"),   # 2 + 1 = 3, but corroboration only
        _row("y1", "Desk", "MT grammar", 2, "grammar two"),                 # same tell, no sibling: isolated
    ])
    assert v.loc["x1", "verdict"] == "likely undeclared translation" and "outlet" not in v.loc["x1", "kinds"]
    assert v.loc["x2", "verdict"] == "likely undeclared translation"
    assert v.loc["x2", "kinds"] == "MT grammar 2, outlet translates 1" and v.loc["x2", "score"] == 3
    assert "Farm publishes x1 judged a translation" in v.loc["x2", "evidence"]
    assert pd.isna(v.loc["x2", "source_language"])  # the sibling's language is not passed on
    assert v.loc["x3", "verdict"] == "isolated signals" and v.loc["x3", "score"] == 2
    # a word profile and the outlet's other articles are how a non-native newsroom's own English reads too (26f)
    assert v.loc["x4", "verdict"] == "isolated signals" and v.loc["x4", "score"] == 3
    assert v.loc["y1", "verdict"] == "isolated signals" and v.loc["y1", "kinds"] == "MT grammar 2"


def test_a_declared_sibling_counts_and_two_isolated_articles_of_one_outlet_do_not_lift_each_other():
    v = _verdicts([
        ("d1", "Edition", "declared", "translated_from: sr", 0, "sr", False, -1, "translated_from: sr", "declared", ""),
        _row("d2", "Edition", "MT grammar", 2, "grammar two"),   # 2 + 1 from d1 -> a verdict
        _row("d3", "Edition", "rare word", 1, "rare word"),      # 1 + 1 (the outlet signal counts once): isolated
        _row("e1", "Other", "MT grammar", 2, "grammar two"),
        _row("e2", "Other", "translationese", 2, "translationese profile"),  # neither is a translation alone
    ])
    assert v.loc["d2", "verdict"] == "likely undeclared translation"
    assert v.loc["d3", "verdict"] == "isolated signals"
    assert v.loc["e1", "verdict"] == "isolated signals" and v.loc["e2", "verdict"] == "isolated signals"
