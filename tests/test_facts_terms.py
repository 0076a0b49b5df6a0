"""A short phrase several articles quote is one reported statement (presslens.analyses.facts.terms),
on hand-checked synthetic sentences."""
from __future__ import annotations

import pandas as pd

from presslens.analyses.facts import grouping, names, terms

ROWS = [("a1", "The operator said the ferry carrying the Corvane delegation had a “technical hitch” near the border."),
        ("a2", "Officials first spoke of a \"technical hitch\" in thick fog, before tugs reached the drifting vessel."),
        ("a3", "The minister said the crossing was delayed by a technical hitch because of the weather."),
        ("a4", "Coastguards searched the bay through the night in freezing rain."),
        ("a5", "A local official said it was not a technical hitch but sabotage."),
        ("a6", "The “Corvane-7” airliner was grounded; the “Corvane-7” fleet is old; engineers checked the “Corvane-7”."),
        ("a7", "Engineers inspected the “Corvane-7” on Monday."),
        ("a8", "The “Corvane-7” flew again on Tuesday.")]


def discover(rows):
    sent = pd.DataFrame([{"article_id": a, "text": t} for a, t in rows])
    d = grouping.discover(sent, use_embedding=False)
    return {a: set(d.loc[d.article_id == a, "fact"]) for a, _ in rows}, d


def test_a_phrase_quoted_by_several_articles_is_one_fact():
    of, d = discover(ROWS)
    term = of["a1"] & of["a2"] & of["a3"]
    assert len(term) == 1, "two articles quote it, a third uses it: one statement"
    f = term.pop()
    assert f not in of["a4"] and f not in of["a5"], "another sentence, and one denying the phrase, are not in it"
    centre = d[(d.fact == f) & d.centre]
    assert centre["article_id"].tolist() == ["a1"]      # the first sentence that quotes it
    # a quoted name (and its number) states nothing: no fact of the three articles that quote it
    assert not (of["a6"] & of["a7"] & of["a8"])


def test_a_quoted_phrase_needs_two_articles_quoting_it_and_three_using_it():
    texts = [t for _, t in ROWS]
    arts = [a for a, _ in ROWS]
    assert terms.quoted_terms(texts, arts, names.name_words(texts)) == {("technical", "hitch"): [0, 1, 2, 4]}
    assert ("corvane", "7") in terms.quoted_terms(texts, arts)             # a name only once it is known as one
    assert terms.quoted_terms(texts[1:5], arts[1:5]) == {}                    # quoted by one article only
    assert terms.quoted_terms(texts[:2], arts[:2]) == {}                      # used by two articles only


def test_a_phrase_a_discovered_fact_already_holds_adds_nothing():
    texts = [t for _, t in ROWS[:5]]
    arts = [a for a, _ in ROWS[:5]]
    held = pd.DataFrame({"_row": [0, 1, 2, 4], "fact": [7, 7, 7, 7]})
    assert terms.facts(texts, arts, held).empty
    new = terms.facts(texts, arts, pd.DataFrame({"_row": [0, 3], "fact": [7, 9]}))
    assert new["fact"].unique().tolist() == [10] and new["_row"].tolist() == [0, 1, 2]


def test_an_apostrophe_inside_a_quotation_does_not_end_it():
    said = ["The mayor called it “the port’s darkest day” on Monday.",
            "Critics dubbed the closure ‘the port’s darkest day’ in a statement.",
            "Residents described the port's darkest day in letters to the council."]
    assert terms.QUOTED.findall(said[0] + " ‘I won’t go’, he said.") == ["the port’s darkest day", "I won’t go"]
    assert terms.quoted_terms(said, ["a", "b", "c"]) == {("port", "darkest", "day"): [0, 1, 2]}
