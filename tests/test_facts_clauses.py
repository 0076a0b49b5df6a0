"""Fact discovery on a subject cut from its verb (issue 29): a crafted story about an invented airline.

"Harbour Air confirmed that Flight 2041, bound for Port Selby, had a cracked cabin window ..." was cut at
its commas into "Harbour Air confirmed that Flight 2041", a clause of names, a label and a reporting verb,
which states nothing; such a clause linked with every sentence naming the airline and the flight and
became the label of the story's widest fact. Sentences that share only who (the airline, the flight) stay
apart; two wordings of one statement join.
"""
import pandas as pd

from presslens.analyses.facts import features, grouping

STATEMENT = [
    "Harbour Air confirmed that Flight 2041, bound for Port Selby, had a cracked cabin window shortly after takeoff.",
    "Harbour Air said that Flight 2041, bound for Port Selby, had a cracked cabin window soon after takeoff.",
    "Harbour Air confirmed that Flight 2041, headed for Port Selby, had a cracked cabin window shortly after it took off.",
    "Flight 2041 to Port Selby had a cracked cabin window shortly after takeoff, Harbour Air said.",
]
ELSEWHERE = [
    "The jet that flew Flight 2041 was delivered to Harbour Air on March 3.",
    "At Harbour Air, safety is our first value and the thing we focus on every day.",
    "Nine crew members and 140 passengers were on board Flight 2041, Harbour Air said.",
    "Harbour Air has cancelled dozens of flights in the days since Flight 2041.",
]


def _story() -> pd.DataFrame:
    rows = []
    for a in range(8):
        rows.append({"article_id": f"a{a}", "text": STATEMENT[a % len(STATEMENT)]})
        rows.append({"article_id": f"a{a}", "text": ELSEWHERE[a % len(ELSEWHERE)]})
        rows.append({"article_id": f"a{a}", "text": "Kelby Airport reopened its second runway on Sunday morning."})
    return pd.DataFrame(rows)


def test_a_subject_keeps_its_verb_across_an_apposition():
    for t in STATEMENT[:3]:
        got = features.clauses(t)
        assert not any(c.rstrip(" ,").endswith("Flight 2041") for c in got), got
    # an apposition after an ordinary subject is cut as before
    assert len(features.clauses("The harbour ferry, an old wooden boat with two decks, sank near the quay on Friday "
                                "after a storm.")) >= 2


def test_sentences_sharing_only_the_airline_and_the_flight_stay_apart():
    d = grouping.discover(_story())
    facts_of = d.groupby("text")["fact"].agg(set).to_dict()
    # the wordings of the statement share a fact
    assert set.intersection(*(facts_of[t] for t in STATEMENT)), facts_of
    # no fact holds the statement and a sentence that shares only the airline and the flight with it
    said = set.union(*(facts_of[t] for t in STATEMENT))
    for t in ELSEWHERE:
        assert not facts_of.get(t, set()) & said, (t, facts_of)
    # no fact is labelled by a fragment ending in "that <Name>"
    assert not d[d.centre].clause.str.contains(r"that Flight 2041,?$").any()
