"""A figure is one word, and one quantity worded apart is one fact (issue 29): features.WORD reads
"4,700", "1,935.3", "4.7", "12%" and "$1.2bn" whole; normalise.quantities reads the figures that count or
measure (not a date, a year, a bare number or a label after a name); join.by_quantity joins facts whose
centres give one quantity and share two more words. Invented 'Harbour Agency' / 'Bellmark' text; no
evaluation capture."""
from __future__ import annotations

import pandas as pd

from presslens.analyses.facts import features, grouping, join, normalise, predicate


def test_a_figure_is_one_word_whatever_separates_its_digits():
    assert features.WORD.findall("It carried 4,700 containers, 1,935.3 grams, 4.7 million, 12% and $1.2bn.") == [
        "It", "carried", "4,700", "containers", "1,935.3", "grams", "4.7", "million", "12%", "and", "1.2bn"]
    # a no-break (or narrow no-break) space before three digits separates thousands; a plain space does not
    assert features.content("Some 4\u202f700 people and 4\u00a0900 more") == ["4700", "people", "4900"]
    assert features.content("In 2023 700 people") == ["2023", "700", "people"]
    # a name with a number stays one word ("H800"); a number after a hyphen is a word of its own
    assert features.WORD.findall("H800 chips, Covid-19") == ["H800", "chips", "Covid", "19"]
    assert features.marks("The H800 chips cost 4,700 dollars")["numbers"] == ["4700"]


def test_differing_figures_are_different_words_everywhere_facts_compare():
    a, b = "The grain barge was carrying 4,700 containers.", "The grain barge was carrying 4,900 containers."
    assert "4700" in normalise.fact_words(a) and "4900" in normalise.fact_words(b)
    assert predicate.predicates(a) == {("carry", "4700")} and predicate.predicates(b) == {("carry", "4900")}
    assert normalise.disagree(normalise.figures(a), normalise.figures(b))
    # a decimal comma is read as a point by the amounts and measures: 4,7 kg = 4.7 kilograms
    assert normalise.fact_words("a 4,7 kg load") == normalise.fact_words("a 4.7 kilograms load")
    assert normalise.fact_words("Harbour dues rose 3,5%") == normalise.fact_words("Harbour dues rose 4 percent")


def test_quantities_are_counts_and_measures_not_dates_years_or_labels():
    assert normalise.quantities("Harbour Agency shares fell 17% on June 2, 2024, and 600 jobs went") == {
        ("pct", "17"), ("jobs", "600")}
    assert normalise.quantities("Category 5 Storm Alba struck the harbour") == frozenset()     # a label after a name
    assert normalise.quantities("Flight 370 vanished with 239 people aboard") == {("people", "239")}
    assert normalise.quantities("The vote is 3 to 1") == frozenset()                            # bare numbers


SAME = {0: "Harbour Agency shares plunged 17% on Monday",
        1: "Bellmark Port fell 17.4% in the same session",                  # another actor: the verb alone shared
        2: "the Harbour Agency stock tumbled nearly 17 percent, its worst day",
        3: "Harbour Agency shares did not fall 17% after all",               # a denial
        4: "Category 5 Storm Alba struck the Harbour Agency quay",
        5: "Category 5 Storm Alba weakened before it struck the Harbour Agency quay",
        6: "Storm Alba grew from a summer squall to a force 12 gale",
        7: "Storm Alba hit Marbury as a force 12 gale",                     # a subject and a figure, another verb
        8: "Storm Alba hit Marbury, a force 12 gale by then"}


def test_one_quantity_worded_apart_joins_its_fact_and_nothing_else():
    assert join.by_quantity(SAME, 2) == {2: 0, 8: 7}
    # one shared word besides the figure is not enough (the verb alone: "Bellmark fell 17.4%" is another statement)
    assert 1 not in join.by_quantity(SAME, 2)
    assert join.by_quantity(SAME, 0).get(1) == 0     # what the two words guard against
    # a figure that disagrees with the earlier fact's keeps them apart, however many words they share
    assert join.by_quantity({0: "Harbour Agency shares fell 17% and 600 jobs went",
                             1: "Harbour Agency shares fell 17% and 800 jobs went"}, 2) == {}


def test_discovery_joins_two_wordings_of_one_quantity(monkeypatch):
    a = "Harbour Agency shares plunged 17% on Monday after regulators cancelled its ferry contract."
    b = "Traders fled the Harbour Agency, whose stock tumbled nearly 17 percent, erasing a year of gains in one session."
    c = "Bellmark Port fell 17.4% as dockers walked out over unpaid wages."
    rows = [("a1", a), ("a2", a), ("a3", a), ("b1", b), ("b2", b), ("b3", b), ("c1", c), ("c2", c)]
    sent = pd.DataFrame([{"article_id": a, "text": t} for a, t in rows])

    def facts_of(d):
        return {a: set(d.loc[d["article_id"] == a, "fact"]) for a, _ in rows}

    monkeypatch.setattr(grouping, "QUANTITY_JOIN", 0)
    apart = facts_of(grouping.discover(sent, use_embedding=False, by_clause=False))
    monkeypatch.setattr(grouping, "QUANTITY_JOIN", 2)
    joined = facts_of(grouping.discover(sent, use_embedding=False, by_clause=False))
    assert not apart["a1"] & apart["b1"], "worded apart, the two are two facts without the join"
    assert joined["a1"] & joined["b1"], "one quantity (17%), one actor and one verb: one fact"
    assert not joined["c1"] & (joined["a1"] | joined["b1"]), "another port's 17.4% fall stays apart"
