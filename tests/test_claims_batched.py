"""Issue 20: the claims' patterns searched pattern by pattern over a batch of sentences
(``patterns.search_each``), with the budget's clock read once per batch, give what a search of each
sentence by each pattern gave: the first pattern that matches a sentence decides its match."""
from __future__ import annotations

import pytest

from presslens import patterns
from presslens.analyses import claims

from .test_claims import _story

HARBOUR = ["The Harbour Council closed the north quay on Monday.",
           "Nothing was said about the ferry.",
           "Harbour master Ana Ruiz said the quay would reopen in May.",
           "The council's quay plan was approved."]


def test_search_each_gives_each_texts_search():
    rx = patterns.compile(r"quay\w*|ferry", patterns.IGNORECASE)
    got = patterns.search_each(rx, HARBOUR, "story.yaml claims[q].patterns")
    assert [m and m.span() for m in got] == [(37, 41), (27, 32), (33, 37), (14, 18)]
    assert patterns.search_each(patterns.compile("storm"), HARBOUR) == [None] * 4
    assert patterns.search_each(rx, []) == []


def test_search_each_reads_the_budget_clock_once_per_batch(monkeypatch):
    """200 searches in a budget: 4 batches of at most 64, two clock readings each (a search per
    sentence read it 400 times), and every search's time is charged to the pattern."""
    readings = []
    real = patterns._cpu
    monkeypatch.setattr(patterns, "_cpu", lambda: readings.append(1) or real())
    rx = patterns.compile("quay")
    with patterns.budget(100.0) as b:
        got = patterns.search_each(rx, HARBOUR * 50, "story.yaml claims[q].patterns")
    assert sum(m is not None for m in got) == 150
    assert len(readings) == 8
    assert list(b.by_pattern) == [("quay", "story.yaml claims[q].patterns")]
    readings.clear()
    patterns.search_each(rx, HARBOUR * 50, "story.yaml claims[q].patterns")  # no budget open: no reading
    assert readings == []


def test_search_each_keeps_the_limits():
    slow = patterns.compile("a.*a.*a.*Z")
    with pytest.raises(patterns.PatternBudgetExceeded, match=r"'a\.\*a\.\*a\.\*Z' \(story.yaml claims\[s\]"):
        with patterns.budget(0.2):
            patterns.search_each(slow, ["a" * 300 + " word."] * 2000, "story.yaml claims[s].patterns")


def test_search_each_names_a_pattern_past_its_time(monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT", 0.0001)
    slow = patterns.compile("a.*a.*a.*a.*Z")
    with pytest.raises(patterns.PatternTimeout, match=r"claims\[s\]"):
        patterns.search_each(slow, ["short", "a" * 3000 + " word."], "story.yaml claims[s].patterns")


def test_the_first_pattern_that_matches_a_sentence_gives_its_match():
    """'north quay' comes first: the first sentence's match is it, not 'quay' (which also matches
    there); the sentences only a later pattern matches still count, and the article's first sentence
    with any match leads."""
    st = _story(*HARBOUR, claim_patterns={"quay": ["north quay", "quay", "ferry"], "none": ["storm"]})
    h = claims.hits(st)
    assert h["claim"].tolist() == ["quay"]
    row = h.iloc[0]
    assert (row["n_sentences"], row["match"], row["sentence"]) == (4, "north quay", HARBOUR[0])


def test_a_sentence_repeated_is_searched_once_and_counted_each_time(monkeypatch):
    """A text repeated (a wire's paragraph twice over) is searched once by each pattern, but each sentence
    carrying it still counts: 'north quay' twice, 'ferry' once, 'quay' twice = 5 sentences."""
    searched = []
    real = patterns.search_each
    monkeypatch.setattr(patterns, "search_each", lambda rx, texts, where="": searched.append(list(texts)) or
                        real(rx, texts, where))
    st = _story(*HARBOUR, HARBOUR[0], claim_patterns={"quay": ["north quay", "quay", "ferry"]})
    row = claims.hits(st).iloc[0]
    assert (row["n_sentences"], row["match"], row["sentence"]) == (5, "north quay", HARBOUR[0])
    assert searched and all(len(texts) == len(set(texts)) for texts in searched)
    assert searched[0].count(HARBOUR[0]) == 1
