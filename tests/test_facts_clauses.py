"""Fact discovery on a subject cut from its verb (issue 29): a crafted story about an invented airline.

"Harbour Air confirmed that Flight 2041, bound for Port Selby, had a cracked cabin window ..." was cut at
its commas into "Harbour Air confirmed that Flight 2041", a clause of names, a label and a reporting verb,
which states nothing; such a clause linked with every sentence naming the airline and the flight and
became the label of the story's widest fact. Sentences that share only who (the airline, the flight) stay
apart; two wordings of one statement join.
"""
import pandas as pd
import pytest

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


def _facts_of(d: pd.DataFrame) -> dict:
    return d.groupby("text")["fact"].agg(set).to_dict()


def test_wordings_of_one_statement_join_under_a_full_label():
    d = grouping.discover(_story())
    facts_of = _facts_of(d)
    assert set.intersection(*(facts_of[t] for t in STATEMENT)), facts_of
    # no fact is labelled by a fragment ending in "that <Name>"
    assert not d[d.centre].clause.str.contains(r"that Flight 2041,?$").any()


def _apart(d: pd.DataFrame) -> None:
    facts_of = _facts_of(d)
    assert set.intersection(*(facts_of[t] for t in STATEMENT)), facts_of     # the wordings still join
    said = set.union(*(facts_of[t] for t in STATEMENT))
    for t in ELSEWHERE:   # no fact holds the statement and a sentence sharing only the airline and the flight with it
        assert not facts_of.get(t, set()) & said, (t, facts_of)
    # nor two sentences that share only who: "delivered to Harbour Air" and "cancelled dozens of flights"
    assert not facts_of[ELSEWHERE[0]] & facts_of[ELSEWHERE[3]], facts_of


def test_sentences_sharing_only_who_stay_apart_when_a_pair_must_share_what_is_said(monkeypatch):
    monkeypatch.setattr(grouping, "WHAT", 1)
    _apart(grouping.discover(_story()))


# the default (WHAT = 0): "after takeoff, Harbour Air said." (a clause of the statement's last wording) links with
# "Nine crew members ... on board Flight 2041, Harbour Air said." (0.49: both name the airline and say "said"), and
# "delivered to Harbour Air" with "cancelled dozens of flights since Flight 2041" (0.38, a second fact); WHAT = 1
# keeps them apart but cut paraphrases whose predicate differs by a synonym the table lacks ("confirmed dead" /
# "killed") on a development story: 79 -> 76 claims matched (issue 29m).
@pytest.mark.xfail(strict=True, reason="facts.grouping: a pair sharing only who still links (WHAT off)")
def test_sentences_sharing_only_the_airline_and_the_flight_stay_apart():
    _apart(grouping.discover(_story()))
