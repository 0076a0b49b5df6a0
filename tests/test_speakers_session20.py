"""Who speaks, session 20 (issue 24, helper 24u): reported clauses that hold a quoted stretch, and where a
reported clause ends. Crafted sentences of the harbour town of the other speaker tests, each expectation checked
by hand; nothing here comes from an evaluation story."""
import dataclasses

import pytest

from presslens.analyses.quotes import extract

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return dataclasses.replace(acme_story(), actors=[], speakers=[])


def reported(story, *paragraphs):
    got = extract.extract_article("a", "Daily", ["Harbour counts the cost", *paragraphs], story)
    return [(r["quote"], r["speaker"]) for r in got if r["kind"] == "indirect"]


def direct(story, *paragraphs):
    got = extract.extract_article("a", "Daily", ["Harbour counts the cost", *paragraphs], story)
    return [(r["quote"], r["speaker"]) for r in got if r["kind"] == "direct"]


# ----------------------------------------------------------------------------------------------
# a reported clause that ends in a quoted stretch: the clause is reported speech, the marks and all, and
# the quoted stretch is also the speaker's direct quote


@pytest.mark.parametrize("par, clause, speaker", [
    ("Mayor Ana Ruiz said the council is set to pass a motion “condemning the closure of the old pier by the port "
     "company”.", "the council is set to pass a motion “condemning the closure of the old pier by the port company”",
     "Ana Ruiz"),
    ('Ana Ruiz said she did not agree with the plan and felt "betrayed by the whole of the council board".',
     'she did not agree with the plan and felt "betrayed by the whole of the council board"', "Ana Ruiz"),
    ("Ana Ruiz told reporters the crews had “worked through the night to save the pier.” She thanked them.",
     "the crews had “worked through the night to save the pier.”", "Ana Ruiz"),
])
def test_a_reported_clause_may_end_in_a_quoted_stretch(story, par, clause, speaker):
    assert (clause, speaker) in reported(story, par)
    quoted = clause[clause.index(next(m for m in "“\"" if m in clause)) + 1:].rstrip("”\".")
    assert any(q.rstrip(".") == quoted.rstrip(".") and s == speaker for q, s in direct(story, par))


@pytest.mark.parametrize("par", [
    # the quote opens the clause: the direct quote only ("said:" / "said that" introduce it)
    "Ana Ruiz said: “We will reopen the pier next spring.”",
    "Ana Ruiz said that “we will reopen the pier next spring.”",
    # the quote has its own source after it
    "Ana Ruiz said the pier was shut and “we will reopen it next spring,” Tom Berg added.",
    # in the first person: the speaker's own words, not reported
    "Ana Ruiz said her agent would “defend my interests and speak for me.”",
    # the quote runs on past the sentence
    "Ana Ruiz said that it was a “fault found in one update for the pier. The crane is not hit.”",
    # words after the quote: the writer's as often as the speaker's
    "Ana Ruiz said the pier “will reopen in the spring of next year” as crews returned.",
])
def test_a_quoted_stretch_that_is_not_the_end_of_a_reported_clause_reports_nothing(story, par):
    assert reported(story, par) == []


# ----------------------------------------------------------------------------------------------
# where a reported clause ends: "after" and a participle with no comma goes on with the speaker's account (the
# same subject's act, "the boat sank after hitting the pier"); "before" and a participle is the speaker's next act
# ("said ... before leaving the meeting"), and after a comma either is the writer's


def test_after_and_a_participle_is_part_of_the_reported_clause(story):
    assert reported(story, "Tom Berg said the crane operator fell ill after finishing his shift at the pier.") == [
        ("the crane operator fell ill after finishing his shift at the pier", "Tom Berg")]


def test_a_comma_then_before_and_a_participle_is_the_writer_s(story):
    assert reported(story, "Tom Berg said the ferry would run again, before hailing the crews as heroes.") == [
        ("the ferry would run again", "Tom Berg")]


def test_before_and_a_participle_is_the_speaker_s_next_act(story):
    assert reported(story, "Tom Berg said the ferry would run again before abruptly leaving the meeting.") == [
        ("the ferry would run again", "Tom Berg")]


# ----------------------------------------------------------------------------------------------
# a long description whose head comes before "of", "in", "for" or "at" speaks when its head can speak (a title,
# an organisation word, a person noun); the last word ("terminal", "town") is where or whose, not who


@pytest.mark.parametrize("par, clause, speaker", [
    ("The operator of the Harbour gas terminal said its operations were not impacted.",
     "its operations were not impacted", "the operator of the Harbour gas terminal"),
    ("The largest ferry company in the town said it has six weeks of fuel in stock.",
     "it has six weeks of fuel in stock", "the largest ferry company in the town"),
    ("The chief of the Harbour Safety Board (HSB) declared that the rise in cases constitutes an emergency.",
     "the rise in cases constitutes an emergency", "the chief of the Harbour Safety Board (HSB)"),
])
def test_a_long_description_speaks_by_the_head_before_its_preposition(story, par, clause, speaker):
    assert reported(story, par) == [(clause, speaker)]


@pytest.mark.parametrize("par", [
    "The collapse of the old harbour wall in the storm said nothing good about the town.",  # no head that speaks
    "The number of dead in the harbour town said it all.",
    "The price of fuel at the old harbour pumps told its own story of the storm.",
])
def test_a_long_description_whose_head_is_a_thing_reports_nothing(story, par):
    assert reported(story, par) == []
