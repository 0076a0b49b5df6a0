"""Boundaries of engine/sanity's warnings pinned on both sides (issue 20): the earliest plausible date,
tomorrow, a claim matching more than half of at least ten sentences. Crafted values on the fixture story."""
import pandas as pd

from presslens import load_story
from presslens.engine import sanity
from tests.conftest import MINI


def test_implausible_dates_at_both_ends():
    today = pd.Timestamp("2024-05-06")
    assert not sanity._implausible(sanity.EARLIEST, today)  # 1800-01-01 itself is plausible
    assert sanity._implausible(sanity.EARLIEST - pd.Timedelta(days=1), today)
    assert not sanity._implausible(today + pd.Timedelta(days=1), today)  # tomorrow: a zone ahead
    assert sanity._implausible(today + pd.Timedelta(days=2), today)
    assert not sanity._implausible(None, today) and not sanity._implausible(pd.NaT, today)


def _claims(n):
    return pd.DataFrame({"claim": ["fined", "amount"], "n_sentences": [n, 0]})


def test_a_claim_is_suspect_over_half_of_ten_sentences_or_more():
    st = load_story(MINI)
    said = lambda hits, n: [p for p in sanity.warnings(st, hits, n) if p.field.startswith("claims[")]
    assert said(_claims(5), 10) == []  # exactly half: not "most"
    got = said(_claims(6), 10)
    assert len(got) == 1 and got[0].field == "claims[0].patterns" and "matches 6 of the story's 10" in got[0].message
    assert said(_claims(9), 9) == []  # under MIN_SENTENCES: too few sentences to say
    assert said(_claims(6), None) == [] and said(_claims(0).iloc[:0], 10) == []


def test_english_and_its_caveat():
    assert sanity.english(None) and sanity.english("en-GB") and sanity.english("EN") and sanity.english("  ")  # blank: the default
    assert not sanity.english("de") and not sanity.english("eng")
    st = load_story(MINI)
    assert sanity.english_caveat(st) is None
    import dataclasses
    de = dataclasses.replace(st, language="de-AT")
    assert "'de-AT'" in sanity.english_caveat(de)
