"""Statements restated (presslens.analyses.facts.normalise): amounts, percentages, rounding words
and reporting synonyms written one way before grouping, on hand-checked synthetic sentences."""
from __future__ import annotations

import pandas as pd

from presslens.analyses.facts import features, grouping, normalise


def test_amounts_in_any_form_are_one_token():
    a = normalise.fact_words("Bellmark lost $600 billion of market value")
    b = normalise.fact_words("Bellmark shed 600bn dollars of market value")
    assert a == b == ("bellmark", "lose", "600bn", "market", "value")
    assert "1p5tn" in normalise.fact_words("The fund raised US$1.5 trillion last year")
    assert "12m" in normalise.fact_words("The app has 12m users") == normalise.fact_words("The app has 12 million users")
    assert "5m" not in normalise.fact_words("The wall is 5 m high")    # a unit letter after a space is no scale


def test_percentages_are_rounded_and_rounding_words_left_out():
    a = normalise.fact_words("Bellmark shares fell 16.86% on the day")
    b = normalise.fact_words("Bellmark stock dropped nearly 17 percent on the day")
    assert a == b == ("bellmark", "share", "fall", "17pct", "day")
    assert normalise.fact_words("The index fell 3.1 per cent") == normalise.fact_words("The index fell about 3%")
    # a different figure stays a different word (a disagreement drift shows, not a restatement)
    assert "12pct" in normalise.fact_words("Bellmark shares fell 12% on the day")
    assert "17pct" not in normalise.fact_words("Bellmark shares fell 12% on the day")


def test_reporting_synonyms_meet():
    assert normalise.fact_words("Four miners died in the collapse") == normalise.fact_words(
        "Four miners were killed in the collapse")
    assert normalise.fact_words("Prices rose sharply") == normalise.fact_words("Prices surged sharply")


def test_the_scorer_words_are_unchanged():
    # features.content is what the evaluation compares a claim's words with: it keeps the words as written
    assert features.content("Bellmark shares fell 16.86% on the day") == ["bellmark", "shar", "fell", "16", "86", "day"]


def test_restated_figures_group_into_one_fact():
    rows = [("a1", "Bellmark shares fell 16.86% in Tuesday trading, its worst day since the listing."),
            ("a2", "Bellmark stock dropped nearly 17 percent in Tuesday trading, the worst day since its listing."),
            ("a3", "Bellmark lost $80 billion of market value in Tuesday trading."),
            ("a4", "Bellmark shed 80bn dollars of market value in Tuesday trading."),
            ("a5", "The harbour commission met the families of the crew on Thursday evening.")]
    sent = pd.DataFrame([{"article_id": a, "text": t} for a, t in rows])
    d = grouping.discover(sent, use_embedding=False, by_clause=False)
    fact = {(r.article_id, r.fact) for r in d.itertuples()}
    of = {a: {f for x, f in fact if x == a} for a, _ in rows}
    assert of["a1"] & of["a2"], "a percentage restated (16.86% = nearly 17 percent) is one fact"
    assert of["a3"] & of["a4"], "an amount restated ($80 billion = 80bn dollars) is one fact"
    assert not (of["a1"] & of["a3"]) and not (of["a5"] & (of["a1"] | of["a3"]))
