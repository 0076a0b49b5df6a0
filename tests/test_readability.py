"""Readability: the formulas on presslens's own sentences (by hand, and cross-checked against textstat), MTLD by
hand, sentence lengths, caveats."""
import math

import nltk
import numpy as np
import pytest
import textstat

from presslens import load_story, load_story as load
from presslens.analyses import readability as analyses_readability
from presslens.analyses.readability import longest_sentences
from presslens.engine import tables
from presslens.text import readability, segment

from .conftest import BUNDLED

HT = "002_1f89a694b1e51476"
FIVEITER = "004_c71f33db5504d825"


@pytest.fixture(scope="module")
def story():
    return load_story(BUNDLED)


@pytest.fixture(scope="module")
def table(story):
    return analyses_readability.readability(story).set_index("article_id")


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
    factors, n = readability.mtld_pass(toks, 0.72)
    assert factors == 1 and n == 25
    # just under it, a factor too: 7 types in 10 tokens (.70) closes one, nothing partial is left
    assert readability.mtld_pass(list("abcdefgabc"), 0.72) == (1.0, 10)
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


def test_formulas_by_hand():
    # 2 sentences, 10 words, 15 syllables, 2 complex, 3 difficult, 45 letters
    c = {"sentences": 2, "words": 10, "syllables": 15, "complex": 2, "difficult": 3, "letters": 45}
    f = readability.formulas(c)
    assert f["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 5 - 84.6 * 1.5)  # 74.86
    assert f["flesch_kincaid_grade"] == pytest.approx(0.39 * 5 + 11.8 * 1.5 - 15.59)  # 4.06
    assert f["gunning_fog"] == pytest.approx(0.4 * (5 + 20))  # 10.0
    assert f["smog_index"] == pytest.approx(1.0430 * math.sqrt(30 * 2 / 2) + 3.1291)
    assert f["coleman_liau_index"] == pytest.approx(0.0588 * 450 - 0.296 * 20 - 15.8)  # 4.74
    assert f["dale_chall"] == pytest.approx(0.1579 * 30 + 0.0496 * 5 + 3.6365)  # difficult 30% > 5%
    grades = sorted([f["flesch_kincaid_grade"], f["gunning_fog"], f["smog_index"], f["coleman_liau_index"]])
    assert f["consensus_grade"] == pytest.approx((grades[1] + grades[2]) / 2)
    assert math.isnan(readability.formulas({**c, "words": 0})["flesch_reading_ease"])


def test_counts_use_the_cmu_dictionary_and_the_easy_word_list():
    c = readability.counts([["the", "area", "is", "beautiful"], ["cat"]])
    # the 1, area 3 (AE1 R IY0 AH0), is 1, beautiful 3, cat 1; complex: area is on the Dale-Chall easy list? no
    assert c["sentences"] == 2 and c["words"] == 5 and c["letters"] == 3 + 4 + 2 + 9 + 3
    assert c["syllables"] == 1 + 3 + 1 + 3 + 1
    assert c["difficult"] == sum(textstat.is_difficult_word(w) for w in ["the", "area", "is", "beautiful", "cat"])


def test_formulas_agree_with_textstat_where_the_sentences_agree():
    sents = ["The cat sat on the mat.", "It was a very comfortable mat for a cat.", "Nobody disagreed with that."]
    toks = [[t for t, _, _ in segment.tokenize(s)] for s in sents]
    f = readability.formulas(readability.counts(toks))
    body = " ".join(sents)
    assert f["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(body), abs=0.01)
    assert f["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(body), abs=0.01)


def test_the_formulas_count_presslens_sentences_not_textstats(story, table):
    # textstat splits Hindustan Times into 14 sentences; presslens's quote-aware split gives 13, and
    # the formulas use those 13 (the defect was that textstat re-split the text its own way)
    clean = tables.process(story).clean_text
    assert textstat.sentence_count(clean[HT]) == 14
    r = table.loc[HT]
    assert r["n_sentences"] == 13
    wps, spw = r["n_words"] / 13, r["syllables"] / r["n_words"]
    assert r["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * wps - 84.6 * spw)


def test_a_sentence_that_lost_its_punctuation_is_left_out_of_the_formulas(mini):

    p = mini / "articles" / "wire.md"
    p.write_text(p.read_text() + "\n" + " ".join(["word"] * 400) + "\n")
    r = analyses_readability.readability(load(mini)).set_index("article_id").loc["wire"]
    assert r["long_sentences_left_out"] == 2  # 400 words with no end: two 200-word windows (segment), both over 80
    assert "2 sentence(s) over 80 words left out of the formulas" in r["caveat"]
    assert -50 < r["flesch_reading_ease"] < 130  # not -4991


def test_title_is_excluded_and_sentence_lengths_use_presslens_sentences(story, table):
    p = tables.process(story)
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
    assert not others["caveat"].str.contains("translated").any()
    # New York Post has exactly 30 sentences: no caveat; the shorter ones are told SMOG needs 30
    assert others["caveat"].to_dict() == {HT: "13 sentences: SMOG is defined for 30 or more",
                                          "000_c5df8febf7aeb489": "15 sentences: SMOG is defined for 30 or more",
                                          "003_6fceba0e397cf62d": "",
                                          "001_ad42528713e05e1b": "16 sentences: SMOG is defined for 30 or more"}
    assert analyses_readability.caveat_label("en.5iter.com", story) == "en.5iter.com †"
    assert analyses_readability.caveat_label("New York Post", story) == "New York Post"
    assert analyses_readability.translated_outlets(story) == {"en.5iter.com": "zh"}


def test_readability_never_downloads(story, monkeypatch):
    def no_download(*a, **k):
        raise AssertionError("textstat tried to download cmudict")

    monkeypatch.setattr(nltk, "download", no_download)
    out = analyses_readability.readability(story)
    assert out["flesch_reading_ease"].notna().all()
    assert np.isfinite(out["mtld"]).all()


def test_longest_sentences_drill_down():
    from .conftest import BUNDLED

    top = longest_sentences(load_story(BUNDLED), n=2)
    # New York Post, the sentence about ties to the Chinese government: 45 words, then Frank Shaw's quote: 44
    assert top["n_words"].tolist() == [45, 44] and set(top["outlet"]) == {"New York Post"}
    assert top["text"].iloc[0].startswith("ByteDance, whose ties to the Chinese government")
