"""Issue 20: reported speech reads the comma before "that" ("she declared, that ...") only in a sentence
that holds a comma, white space and "that": the verbs' alternation is not tried at every word of the
others. Crafted harbour-town sentences (the speakers of tests/test_reported_frames.py)."""
import pytest

from presslens.analyses.quotes import reported as reported_mod

from .test_reported_frames import reported, rows, story  # noqa: F401 - the fixture is used by name


@pytest.fixture
def comma_that_searches(monkeypatch):
    calls = []
    real = reported_mod._COMMA_THAT()

    class Counting:
        def search(self, text):
            calls.append(text)
            return real.search(text)

        def sub(self, *args, **kwargs):
            return real.sub(*args, **kwargs)

    monkeypatch.setattr(reported_mod, "_COMMA_THAT", lambda: Counting())
    reported_mod.clear_readings()  # a sentence read before (kept, issue 20) would not be searched again
    yield calls
    reported_mod.clear_readings()


def test_a_sentence_without_a_comma_before_that_is_not_searched_for_one(story, comma_that_searches):
    got = reported(story, "Ruiz said that the quay will reopen in May.",
                   "Meanwhile, the Port Authority said the ferry was fixed, and that it sails.")
    assert got == [("the quay will reopen in May", "Ana Ruiz"), ("the ferry was fixed, and that it sails", "Port Authority")]
    assert comma_that_searches == []


@pytest.mark.parametrize("sentence, clause", [
    ("Furthermore, Ruiz also declared, that the update contained a fault in it.", "the update contained a fault in it"),
    ("Ruiz warned,\tthat it will take a while to get the ferry back.", "it will take a while to get the ferry back"),
])
def test_a_comma_before_that_is_still_read(story, comma_that_searches, sentence, clause):
    assert reported(story, sentence) == [(clause, "Ana Ruiz")]
    assert comma_that_searches  # searched: the sentence holds ", that"
