"""Issue 20: what a sentence's own words say about its reported speech is read once per process
(:mod:`presslens.analyses.quotes.readings`, ``reported._reading``), and a candidate with no verb of saying
among its words is not matched against the verbs' alternation at all. Crafted harbour-town sentences."""
import re

import pytest

from presslens.analyses.quotes import readings
from presslens.analyses.quotes import reported as reported_mod
from presslens.analyses.quotes.attribution import indirect_rx, indirect_rx_lazy

from .test_reported_frames import reported, rows, story  # noqa: F401 - the fixture is used by name


@pytest.fixture
def fresh():
    reported_mod.clear_readings()
    yield
    reported_mod.clear_readings()


class Counting:
    def __init__(self, real, calls):
        self.real, self.calls = real, calls

    def match(self, text):
        self.calls.append(text)
        return self.real.match(text)


def test_a_candidate_without_a_verb_of_saying_is_not_matched(monkeypatch, fresh):
    calls = []
    monkeypatch.setattr(readings, "indirect_rx_lazy", lambda: Counting(indirect_rx_lazy(), calls))
    monkeypatch.setattr(readings, "indirect_rx", lambda: Counting(indirect_rx(), calls))
    assert readings.subject_verbs("The north quay in Harbour will reopen in May after the repairs.") == ()
    assert readings.subject_verbs("Ana Ruiz SAID nothing about the quay") == ()  # the verbs are matched in lower case
    assert not indirect_rx().flags & re.IGNORECASE and not indirect_rx_lazy().flags & re.IGNORECASE
    assert calls == []
    got = readings.subject_verbs("Ana Ruiz said the north quay will reopen in May.")
    assert calls == ["Ana Ruiz said the north quay will reopen in May."] * 2  # both readings tried
    assert [(m.group("spk"), m.group("verb"), m.group("clause"), subj) for m, subj in got] == \
        [("Ana Ruiz", "said", "the north quay will reopen in May.", "Ana Ruiz")] * 2
    calls.clear()
    assert len(readings.subject_verbs("Ana Ruiz pointed out the quay will reopen in May.")) == 2  # a phrasal verb
    assert "pointed" in readings.verbs()["heads"] and "out" not in readings.verbs()["heads"]


def test_a_repeated_sentence_is_read_once_and_gives_the_same_rows(monkeypatch, story, fresh):
    """Two articles carrying one paragraph (a wire's copy): the second is read from what the first left,
    with the same rows; the sentence's trailing sources are read once."""
    calls = []
    real = readings.trailing
    monkeypatch.setattr(readings, "trailing", lambda s: calls.append(s) or real(s))
    par = "The quay will reopen in May, Ruiz said. Meanwhile, the Port Authority said the ferry was fixed."
    first = reported(story, par)
    assert first == [("The quay will reopen in May", "Ana Ruiz"), ("the ferry was fixed", "Port Authority")]
    assert reported(story, par) == first
    assert sorted(calls) == sorted(set(calls)) and "The quay will reopen in May, Ruiz said." in calls
    assert readings.sentences.cache_info().hits >= 1 and reported_mod._reading.cache_info().hits >= 2


def test_a_quote_repeated_is_attributed_once(monkeypatch, story, fresh):
    """The same quoted paragraph in two articles: the attribution in the text around the quote is read
    once, and both articles give the quote to its speaker."""
    calls = []
    real = readings.find_attribution
    monkeypatch.setattr(readings, "find_attribution", lambda *a: calls.append(a) or real(*a))
    par = "“The quay will reopen in May,” Ruiz said on Monday."
    first = [(r["quote"], r["speaker"], r["verb"]) for r in rows(story, par)]
    assert first == [("The quay will reopen in May,", "Ana Ruiz", "said")]
    assert [(r["quote"], r["speaker"], r["verb"]) for r in rows(story, par)] == first
    assert calls == [("", " Ruiz said on Monday.", 6, "The quay will reopen in May,")]
