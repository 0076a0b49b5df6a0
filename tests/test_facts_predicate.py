"""A fact's core of the subject alone ("grain barge") takes in a sentence only with the centre's predicate
and its object (presslens.analyses.facts.predicate), in both places a core takes in: clauses
(grouping._expand) and whole sentences (window.expand). Invented 'Marbury harbour' text; no evaluation text."""
from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.analyses.facts import grouping, normalise, predicate, window

CENTRE = "The grain barge lost power and drifted into the harbour wall."
OTHERS = ["Late last year the grain barge hit a mooring post at the marina.",       # the subject only: apart
          "Engineers said the grain barge lost power shortly after leaving the quay.",  # its predicate and object
          "The grain barge lost its anchor and hit a mooring post.",               # the verb, another object: apart
          "The grain barge has not lost power, the owners said."]                    # a denial: apart (as before)


def test_predicates_are_verbs_with_the_head_after_them():
    assert predicate.predicates(CENTRE) == {("lose", "power"), ("drift", "harbour")}
    # a reporting verb is the attribution; "including" is a preposition here; "ships" is a noun too
    assert predicate.predicates("The council said ferries including the night boat were cancelled.") == {("cancell",)}   # the light stem of "cancelled"
    assert predicate.predicates("Two ships and a barge") == frozenset()
    # the object's head as fact discovery writes it: an amount is one word ("$2 million" = "2m")
    assert predicate.predicates("The ferry company lost $2 million last year.") == {("lose", "2m")}


def test_a_core_is_the_subject_alone_when_written_before_the_first_predicate():
    assert predicate.subject_only(("grain", "barge"), CENTRE)
    assert not predicate.subject_only(("grain", "barge", "lose", "power"), CENTRE)      # holds the predicate
    assert not predicate.subject_only(("harbour", "wall"), CENTRE)                      # the object's words
    assert not predicate.subject_only(("grain", "barge"), "The grain barge at the harbour wall")   # no predicate
    assert predicate.needed(("grain", "barge"), CENTRE) == {("lose", "power"), ("drift", "harbour")}
    assert predicate.needed(("lose", "power"), CENTRE) == frozenset()


def _versions():
    toks = [list(normalise.fact_words(t)) for t in [CENTRE] + OTHERS]
    m, idf, _rarest, vocab = grouping._matrix(toks)
    return toks, m, idf, vocab


def test_a_subject_core_takes_in_a_clause_only_with_the_centres_predicate_and_object():
    toks, m, idf, vocab = _versions()
    core = grouping._ids(vocab, ["grain", "barge"])
    found = [(0, np.array([0]), core, core)]
    vv, ff, ss = np.array([0]), np.array([0]), np.array([1.0])
    neg = np.array([False, False, False, False, True])
    fig = [{} for _ in toks]
    need = {0: [grouping._ids(vocab, p) for p in predicate.needed(("grain", "barge"), CENTRE)]}
    before = grouping._expand(vv, ff, ss, m, found, idf, neg, np.array([0]), fig)
    after = grouping._expand(vv, ff, ss, m, found, idf, neg, np.array([0]), fig, need)
    assert sorted(before[0].tolist()) == [0, 1, 2, 3]     # every clause naming the barge (the denial aside)
    assert sorted(after[0].tolist()) == [0, 2]            # only the one that says it lost power


def test_a_subject_core_takes_in_a_whole_sentence_only_with_the_centres_predicate_and_object():
    sent = pd.DataFrame({"article_id": [f"m{i}" for i in range(5)], "sent_idx": 0, "text": [CENTRE] + OTHERS})
    need = predicate.needed(("grain", "barge"), CENTRE)
    core = window.Core(0, ("grain", "barge"), ("grain", "barge"), np.array([3.0, 3.0], dtype=np.float32), {}, need)
    got = window.expand(sent, [core], {0: CENTRE}, 0.5, pairs=False, known={0: np.array([0])})
    assert got["_row"].tolist() == [2]
    plain = window.expand(sent, [core._replace(need=frozenset())], {0: CENTRE}, 0.5, pairs=False, known={0: np.array([0])})
    assert plain["_row"].tolist() == [1, 2, 3]


def test_a_core_holding_the_predicate_takes_in_as_before():
    toks, m, idf, vocab = _versions()
    core = grouping._ids(vocab, ["lose", "grain", "barge"])
    found = [(0, np.array([0]), core[:2], core)]
    need = {f: [grouping._ids(vocab, p) for p in predicate.needed(("lose", "grain", "barge"), CENTRE)] for f in (0,)}
    assert need == {0: []}                               # nothing more needed: the core says what happened
    got = grouping._expand(np.array([0]), np.array([0]), np.array([1.0]), m, found, idf,
                           np.array([False, False, False, False, True]), np.array([0]), [{} for _ in toks], {})
    assert sorted(got[0].tolist()) == [0, 2, 3]
