"""Statements restated (presslens.analyses.facts.normalise): amounts, percentages, rounding words
and reporting synonyms written one way before grouping, on hand-checked synthetic sentences."""
from __future__ import annotations

import pandas as pd

from presslens.analyses.facts import features, grouping, normalise


def facts_of(rows: list[tuple[str, str]]) -> dict[str, set]:
    """(article_id, sentence) rows, one sentence per article -> each article's facts (lexical, whole sentences)."""
    d = grouping.discover(pd.DataFrame([{"article_id": a, "text": t} for a, t in rows]), use_embedding=False,
                          by_clause=False)
    return {a: set(d.loc[d.article_id == a, "fact"]) for a, _ in rows}


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
    # features.content is what the evaluation compares a claim's words with: it keeps the words as written,
    # a figure whole (its thousands separators and percent sign dropped, its decimal point kept)
    assert features.content("Bellmark shares fell 16.86% on the day") == ["bellmark", "shar", "fell", "16.86", "day"]
    assert features.content("Bellmark shed 4,700 jobs, 1,935.3 tonnes and $1.2bn") == [
        "bellmark", "shed", "4700", "jobs", "1935.3", "tonn", "1.2bn"]


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


def test_declining_is_a_fall_not_a_refusal():
    # "declined to <verb>" denies (Karttunen); "declined 4%", "a decline of 4%", "declined to $118" report a fall
    assert features.negated("The minister declined to comment on the Corvane audit.")
    assert not features.negated("The Corvane index declined by more than 4% on Tuesday.")
    assert not features.negated("a decline of over 4% for the Corvane index")
    assert not features.negated("Corvane shares declined to $118 by the close.")
    assert normalise.fact_words("The Corvane index declined by more than 4% on Tuesday") == normalise.fact_words(
        "The Corvane index fell 4.2% on Tuesday")


def test_a_fall_told_as_a_decline_groups_with_the_fall():
    rows = [("a1", "The Corvane index fell 4.2% on Tuesday after the export ban."),
            ("a2", "The Corvane index declined by more than 4% on Tuesday after the export ban."),
            ("a3", "The Corvane index fell 9% on Tuesday after the export ban."),
            ("a4", "The Corvane board declined to comment on Tuesday after the export ban.")]
    of = facts_of(rows)
    assert of["a1"] & of["a2"], "a fall told as a decline is the same fall"
    assert not (of["a1"] & of["a3"]), "a different figure stays apart"
    assert not (of["a4"] & (of["a1"] | of["a2"])), "declining to comment is no fall"


def test_figures_by_the_kind_a_reader_reads():
    f = normalise.figures("The storm killed 27 people in Marbury on June 25, 2023, at 2:07 p.m.")
    assert f == {"people": {"27"}, "date": {"25"}, "year": {"2023"}}      # a clock time is no figure
    assert normalise.figures("The Corvane-9 probe used H800 chips") == {}  # numbers inside names
    assert normalise.figures("Bellmark lost $600 billion, 16.86% of its value") == {"bn": {"600"}, "pct": {"17"}}
    a, b = normalise.figures("27 people died"), normalise.figures("43 people died")
    assert normalise.disagree(a, b) and not normalise.disagree(a, normalise.figures("27 people died on May 2"))
    assert not normalise.disagree(a, normalise.figures("Many people died"))


def test_measures_in_other_units_meet():
    # a reader calls these the same figure: one token, metric, two significant figures
    assert normalise.fact_words("The lander collected 1,935.3 grams of rock") == normalise.fact_words(
        "The lander collected more than 1.9 kilograms of rock") == ("lander", "collect", "1p9kg", "rock")
    assert "270kmh" in normalise.fact_words("Gusts reached 165 mph near Marbury")
    assert "270kmh" in normalise.fact_words("Gusts reached 270 km/h near Marbury")
    assert normalise.figures("The convoy drove 130 miles (209 km)") == {"km": {"210"}}   # both given: one figure
    assert normalise.figures("It was 104°F in Marbury") == normalise.figures("It was 40°C in Marbury")
    # different measures stay apart, and a bare letter is no unit ("5G", "a 5 m wall" is no million either)
    assert normalise.disagree(normalise.figures("a 9.5 km tunnel"), normalise.figures("a 13 km tunnel"))
    assert not any(w.endswith("kg") for w in normalise.fact_words("the 5 g network"))


def test_a_synonym_phrase_reads_as_its_rows_word():
    # "stepped down", "quit" and "resigned" report one event; a phrase is matched in any case and spacing,
    # and only as whole words ("stepped downstairs" is no resignation)
    resigned = normalise.fact_words("The Corvane chairman resigned on Friday")
    assert normalise.fact_words("The Corvane chairman stepped down on Friday") == resigned
    assert normalise.fact_words("The Corvane chairman Stepped  Down on Friday") == resigned
    assert normalise.fact_words("The Corvane chairman quit on Friday") == resigned
    assert normalise.fact_words("the Corvane chairman's resignation on Friday") == resigned
    assert "resign" not in normalise.fact_words("The Corvane chairman stepped downstairs on Friday")
    assert normalise.fact_words("The chairman refused to step down") == normalise.fact_words("The chairman refused to resign")


def test_refusing_to_step_down_groups_with_refusing_to_resign_not_with_resigning():
    rows = [("a1", "The Corvane chairman refused to resign at the shareholders' meeting on Friday."),
            ("a2", "At the shareholders' meeting on Friday the Corvane chairman refused to step down."),
            ("a3", "The Corvane chairman resigned at the shareholders' meeting on Friday."),
            ("a4", "The Corvane chairman stepped down at the shareholders' meeting on Friday.")]
    of = facts_of(rows)
    assert of["a1"] & of["a2"], "refusing to step down is refusing to resign"
    assert of["a3"] & of["a4"], "stepping down is resigning"
    assert not ((of["a1"] | of["a2"]) & (of["a3"] | of["a4"])), "a refusal never joins the resignation"


def test_a_figure_in_common_is_no_disagreement_even_beside_another():
    # "27 people" in both: one of them also gives "4 people" (the injured): a figure of that kind shared
    # means the statements can be one fact; only figures of a kind with none in common disagree
    a = normalise.figures("27 people died and 4 people were hurt")
    b = normalise.figures("27 people died in Marbury")
    assert a == {"people": {"27", "4"}} and b == {"people": {"27"}}
    assert not normalise.disagree(a, b) and not normalise.disagree(b, a)
    assert normalise.disagree(a, normalise.figures("43 people died"))
