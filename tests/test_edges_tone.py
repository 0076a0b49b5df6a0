"""Boundaries of tone's summaries and readability's formulas pinned on both sides (issue 20): VADER's
thresholds at exactly ±0.05, ten sentences no small sample (nine are), Dale-Chall's step above 5%
difficult words, one sentence's standard deviation. Crafted scores and counts, checked by hand."""
import math

import numpy as np
import pandas as pd
import pytest

from presslens.analyses import tone
from presslens.errors import ParameterError
from presslens.text import readability as rd


def test_shares_count_exactly_the_thresholds_and_small_is_under_ten():
    v = np.array([-0.05, -0.04, 0.0, 0.04, 0.05, np.nan])
    s = tone._summary(v, 50, np.random.default_rng(0))
    assert s["n_sentences"] == 5  # NaN left out
    assert s["share_negative"] == pytest.approx(0.2) and s["share_positive"] == pytest.approx(0.2)
    assert s["small_sample"] and s["median"] == 0.0
    assert not tone._summary(np.zeros(10), 50, None)["small_sample"]  # ten: enough
    assert tone._summary(np.zeros(9), 50, None)["small_sample"]
    empty = tone._summary(np.array([]), 50, None)
    assert empty["n_sentences"] == 0 and math.isnan(empty["mean"]) and math.isnan(empty["share_negative"])


def test_voices_and_parts_are_checked():
    assert tone._column("quote") == "quote_compound"
    with pytest.raises(ParameterError):
        tone._column("headline")
    df = pd.DataFrame({"part": ["title", "lede", "body"]})
    assert tone._select_parts(df, "lede")["part"].tolist() == ["lede"]
    assert tone._select_parts(df, None) is df
    with pytest.raises(ParameterError):
        tone._select_parts(df, ["title", "caption"])


def _c(difficult, words=100, sentences=5):
    return {"words": words, "sentences": sentences, "syllables": 150, "complex": 10, "difficult": difficult,
            "letters": 450}


def test_dale_chall_steps_up_above_five_percent_difficult_words():
    at5, above = rd.formulas(_c(5)), rd.formulas(_c(6))
    assert at5["dale_chall"] == pytest.approx(0.1579 * 5 + 0.0496 * 20)  # exactly 5%: no step
    assert above["dale_chall"] == pytest.approx(0.1579 * 6 + 0.0496 * 20 + 3.6365)
    none = rd.formulas(_c(0, words=0))
    assert all(math.isnan(x) for x in none.values())
    assert math.isnan(rd.formulas(_c(0, sentences=0))["flesch_reading_ease"])
    # the consensus is the median of the four grades
    g = rd.formulas(_c(5))
    assert g["consensus_grade"] == pytest.approx(float(np.median([g[k] for k in rd.GRADES])))


def test_sentence_length_stats_one_sentence_has_no_spread():
    one = rd.sentence_length_stats([12])
    assert one["n_sentences"] == 1 and math.isnan(one["sentence_len_std"]) and one["sentence_len_min"] == 12
    two = rd.sentence_length_stats([10, 14])
    assert two["sentence_len_std"] == pytest.approx(math.sqrt(8)) and two["sentence_len_max"] == 14
    assert rd.sentence_length_stats([])["n_sentences"] == 0


def test_counts_skip_empty_sentences():
    c = rd.counts([["Harbour", "council"], [], ["met"]])
    assert c["sentences"] == 2 and c["words"] == 3 and c["letters"] == 17
