"""Readability: textstat on the cleaned body, presslens sentence lengths, MTLD by hand, caveats."""
import math

import nltk
import numpy as np
import pytest
import textstat

from presslens import load_story, readability, text

from .conftest import BUNDLED

HT = "002_1f89a694b1e51476"
FIVEITER = "004_c71f33db5504d825"


@pytest.fixture(scope="module")
def story():
    return load_story(BUNDLED)


@pytest.fixture(scope="module")
def table(story):
    return readability.readability(story).set_index("article_id")


# ----------------------------------------------------------------------------------------------
# MTLD, by hand


def test_mtld_forward_backward_by_hand():
    toks = "a a b c d".split()
    # forward: a(1/1) a(1/2=.5 <= .72: factor 1, reset) b c d (TTR 1: partial (1-1)/.28 = 0) -> 5/1 = 5
    assert readability.mtld_directional(toks) == pytest.approx(5.0)
    # backward: d c b a (4/4) a (4/5 = .8): no full factor; partial (1-.8)/.28 = 0.714285.. -> 5/0.714285.. = 7
    assert readability.mtld_directional(toks[::-1]) == pytest.approx(7.0)
    assert readability.mtld(toks) == pytest.approx(6.0)


def test_mtld_partial_factor_and_edge_cases():
    # a b c a: TTR 1, 1, 1, .75 -> one partial factor (1 - .75)/(1 - .72) = .892857; 4 / .892857 = 4.48
    assert readability.mtld("a b c a".split()) == pytest.approx(4 / (0.25 / 0.28))
    # a b a b: a b a (2/3 = .667: factor) b (partial 0) -> 4 / 1 both ways
    assert readability.mtld("a b a b".split()) == pytest.approx(4.0)
    # TTR exactly at the threshold completes a factor: 18 types in 25 tokens (18/25 = .72)
    toks = [f"w{i}" for i in range(18)] + ["w0"] * 7
    factors, n = readability._mtld_pass(toks, 0.72)
    assert factors == 1 and n == 25
    # every token distinct: no factor forms, MTLD is undefined
    assert math.isnan(readability.mtld("a b c d".split()))
    assert math.isnan(readability.mtld([]))


def test_sentence_length_stats_by_hand():
    s = readability.sentence_length_stats([10, 20, 30])
    assert s == {"n_sentences": 3, "sentence_len_mean": 20.0, "sentence_len_std": 10.0,
                 "sentence_len_min": 10.0, "sentence_len_max": 30.0}
    assert math.isnan(readability.sentence_length_stats([7])["sentence_len_std"])


# ----------------------------------------------------------------------------------------------
# the bundled story


def test_numbers_equal_textstats_own_output_on_the_cleaned_text(story, table):
    clean = text.process(story).clean_text
    assert list(table.index) == list(story.articles["id"])
    for aid, r in table.iterrows():
        body = clean[aid]
        assert r["flesch_reading_ease"] == textstat.flesch_reading_ease(body)
        assert r["flesch_kincaid_grade"] == textstat.flesch_kincaid_grade(body)
        assert r["gunning_fog"] == textstat.gunning_fog(body)
        assert r["smog_index"] == textstat.smog_index(body)
        assert r["coleman_liau_index"] == textstat.coleman_liau_index(body)
        assert r["dale_chall"] == textstat.dale_chall_readability_score(body)
        assert r["consensus_grade"] == textstat.text_standard(body, float_output=True)
        assert r["textstat_sentences"] == textstat.sentence_count(body)


def test_title_is_excluded_and_sentence_lengths_use_presslens_sentences(story, table):
    p = text.process(story)
    title = story.articles.set_index("id").loc[HT, "title"]
    assert title not in p.clean_text[HT]
    s = p.sentences[(p.sentences["article_id"] == HT) & (p.sentences["part"] != "title")]
    r = table.loc[HT]
    assert r["n_sentences"] == len(s) == 13
    assert r["sentence_len_mean"] == pytest.approx(s["n_words"].mean())
    assert r["sentence_len_std"] == pytest.approx(s["n_words"].std(ddof=1))
    assert (r["sentence_len_min"], r["sentence_len_max"]) == (s["n_words"].min(), s["n_words"].max())
    toks = p.tokens[(p.tokens["article_id"] == HT) & (p.tokens["part"] != "title")]["token"].tolist()
    assert r["n_words"] == len(toks)
    assert r["mtld"] == pytest.approx(readability.mtld(toks))
    assert 20 < r["mtld"] < 300  # news prose: tens to low hundreds


def test_translated_article_carries_a_caveat(story, table):
    assert table.loc[FIVEITER, "translated_from"] == "zh"
    assert "translated from zh" in table.loc[FIVEITER, "caveat"]
    others = table.drop(index=FIVEITER)
    assert (others["caveat"] == "").all()  # every other article is long enough and untranslated
    assert readability.caveat_label("en.5iter.com", story) == "en.5iter.com †"
    assert readability.caveat_label("New York Post", story) == "New York Post"
    assert readability.translated_outlets(story) == {"en.5iter.com": "zh"}


def test_readability_never_downloads(story, monkeypatch):
    def no_download(*a, **k):
        raise AssertionError("textstat tried to download cmudict")

    monkeypatch.setattr(nltk, "download", no_download)
    out = readability.readability(story)
    assert out["flesch_reading_ease"].notna().all()
    assert np.isfinite(out["mtld"]).all()


def test_longest_sentences_drill_down():
    from presslens import load_story
    from presslens.readability import longest_sentences
    from .conftest import BUNDLED

    top = longest_sentences(load_story(BUNDLED), n=2)
    # New York Post, the sentence about ties to the Chinese government: 45 words, then Frank Shaw's quote: 44
    assert top["n_words"].tolist() == [45, 44] and set(top["outlet"]) == {"New York Post"}
    assert top["text"].iloc[0].startswith("ByteDance, whose ties to the Chinese government")
