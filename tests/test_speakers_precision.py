"""Who speaks, when a careful reader would rather leave the speaker unknown than guess (issue 24,
precision first): a pronoun after a quote that names the person it would point to, a participle
opening a sentence whose name is its object, a colon line opened by a preposition, a short quote
in the sentence after its speaker's, and reported clauses that are no reported speech (first-person
words without their marks, a clause with its own source before "according to", a possessive noun,
unnamed "reports", a request). Crafted sentences of a harbour town (Acme, Globex, Ana Ruiz, Ben
Okafor, Mary Jones), each expectation checked by hand against data/eval/GUIDE.md; nothing here
comes from an evaluation story."""
import pytest

from presslens.analyses.quotes import extract
from presslens.story.model import Actor

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story(Actor("Port Authority", "agency", ("Port Authority",)), Actor("Ana Ruiz", "person", ("Ana Ruiz", "Ruiz")))


def rows(story, *paragraphs):
    return extract.extract_article("a", "Daily", list(paragraphs), story)


def speakers(rs, kind="direct"):
    return {r["quote"]: r["speaker"] for r in rs if r["kind"] == kind}


# ----------------------------------------------------------------------------------------------
# direct quotes


@pytest.mark.parametrize("paragraphs, quote, expected", [
    # "he" would point back to Okafor, but the quote speaks of Okafor in the third person: not his words
    (["Ben Okafor was named acting harbour master on Monday.",
      "“Okafor will run the port until the election, and the board will meet within 50 days,” he said."],
     "Okafor will run the port until the election, and the board will meet within 50 days,", None),
    # a quote naming someone else: "he" still points back
    (["Ben Okafor was named acting harbour master on Monday.",
      "“Ana Ruiz will stay on the board until the election,” he said."],
     "Ana Ruiz will stay on the board until the election,", "Ben Okafor"),
    # the answer to a question, opening the next paragraph, is not the asker's
    (["Ana Ruiz spoke to Tom Reed on Harbour Radio.", "“Are you going to resign over the quay?” Reed asked.",
      "“Yes, because I cannot finish the work.”"], "Yes, because I cannot finish the work.", None),
    # a rhetorical question goes on in the speaker's own paragraph
    (["Harbour master Tom Reed spoke on Monday.",
      "“Why would we close the quay?” Reed asked. “We have every reason to keep it open for the ferries.”"],
     "We have every reason to keep it open for the ferries.", "Tom Reed"),
])
def test_who_speaks_when_a_pronoun_or_a_question_is_in_the_way(story, paragraphs, quote, expected):
    assert speakers(rows(story, *paragraphs))[quote] == expected


def test_the_object_of_an_opening_participle_is_nobody_who_speaks(story):
    # "Calling Okafor ..., he": "he" is not Okafor (the participle's object) and "Calling Okafor" is no name
    rs = rows(story, "Harbour master Ben Okafor retired on Friday. Port chief Tom Reed spoke at the ceremony.",
              "Calling Okafor a “tireless worker”, he recalled the night the quay flooded.")
    assert speakers(rs).get("tireless worker") in (None, "Tom Reed")


def test_a_colon_line_opened_by_a_preposition_names_no_speaker(story):
    rs = rows(story, "Via Harbour Lingo: “The quay is closed. Nobody can enter the harbour tonight.”")
    assert speakers(rs)["The quay is closed. Nobody can enter the harbour tonight."] is None


def test_a_short_quote_in_the_next_sentence_is_not_the_last_speakers(story):
    # the first quote ends its sentence inside the marks: the second is the writer's, in a new sentence
    rs = rows(story, "A port official told The Courier that the crews are “at risk.” The ferry was due to make an "
                     "“emergency stop” at the outer quay.")
    assert speakers(rs).get("emergency stop") is None


def test_a_speaker_after_the_verb_with_a_description_after_the_name(story):
    rs = rows(story, "“We are so relieved!” said Okafor, who has worked at the port for thirty years.",
              "Ben Okafor spoke to reporters.")
    assert speakers(rs)["We are so relieved!"] is not None and "Okafor" in speakers(rs)["We are so relieved!"]


# ----------------------------------------------------------------------------------------------
# reported speech that is not


@pytest.mark.parametrize("sentence", [
    # first person: the speaker's own words without their marks, not reported speech
    "We also have pumps ready in every district of the harbour, says Ana Ruiz.",
    "I will not close the quay before the season ends, Ana Ruiz said.",
    # the clause reports somebody already: "according to" gives where the writer read it
    "Ana Ruiz has announced three days of mourning for the crews, according to The Courier.",
    # a possessive makes "claim" a noun; bare "reports" name nobody
    "The fall stems largely from Globex's claim that it rebuilt the quay for a fraction of the cost.",
    "Reports suggest the harbour board had been hiding the damage from the insurers for years.",
    # a verb with an object after the source reports an act, not the clause before the comma
    "Ferry prices fell this week after Globex, a shipping group founded in 2020, announced its new summer timetable.",
])
def test_clauses_that_are_no_reported_speech(story, sentence):
    assert [r for r in rows(story, sentence) if r["kind"] == "indirect"] == []


def test_a_request_is_no_second_statement(story):
    rs = rows(story, "Ana Ruiz told the council that the quay had been rebuilt on time, and she asked the board for "
                     "more money.")
    got = [r["quote"] for r in rs if r["kind"] == "indirect"]
    assert got == ["the quay had been rebuilt on time"]


@pytest.mark.parametrize("sentence, clause", [
    # a passive verb of saying inside the clause is no source of its own
    ("The first case has been confirmed in the northern district, according to the Port Authority.",
     "The first case has been confirmed in the northern district"),
    # "Clade I", "World War I": a capital I inside a name is no first person
    ("Storms of Category I have previously been observed only in the south, according to Globex.",
     "Storms of Category I have previously been observed only in the south"),
])
def test_reported_clauses_still_read(story, sentence, clause):
    got = [r["quote"] for r in rows(story, sentence) if r["kind"] == "indirect"]
    assert got == [clause]


def test_a_verb_with_a_possessive_object_reports_an_act():
    # ", Globex announced its new timetable": the verb has an object, so the words before the comma are not what
    # Globex said (the same as "announced a new timetable")
    from presslens.analyses.quotes import trailing

    assert trailing.trailing("Ferry prices fell this week after Globex, a shipping group founded in 2020, announced "
                             "its new summer timetable.") == []


def test_a_whole_quoted_sentence_does_not_take_the_next_sentences_speaker(story):
    # "Meanwhile, producer Tom Reed revealed ..." is a sentence of its own after a whole quoted sentence
    rs = rows(story, "Harbour reporter Ana Ruiz was thrilled by the plan: “We are testing the quay for bigger ships.” "
                     "Meanwhile, producer Tom Reed revealed how the crew filmed the works.")
    r = [x for x in rs if x["quote"].startswith("We are testing")][0]
    assert r["speaker"] == "Ana Ruiz"


def test_escaped_quotation_marks_of_a_capture_are_read_as_marks(story):
    # a page captured with its JSON escapes: the backslash before the mark is no text of the colon lead-in
    rs = rows(story, 'Harbour reporter Tom Reed was thrilled by the plan: \\"We are testing the quay for bigger ships.\\"')
    got = {r["quote"]: r["speaker"] for r in rs if r["kind"] == "direct"}
    assert got == {"We are testing the quay for bigger ships.": "Tom Reed"}


def test_a_headline_role_noun_before_the_colon_is_no_verb(story):
    # "boss" before the colon is a noun (the person who speaks), not a verb whose subject is the Port Authority
    rs = rows(story, "Port Authority boss: ‘I will not resign over the flooded quay’")
    assert speakers(rs)["I will not resign over the flooded quay"] != "Port Authority"


def test_a_noun_after_a_second_verb_is_no_second_statement(story):
    rs = rows(story, "Ana Ruiz said she still expected the quay to reopen in May, but she acknowledged the damage caused "
                     "by the storm.")
    got = [r["quote"] for r in rs if r["kind"] == "indirect"]
    assert got == ["she still expected the quay to reopen in May"]
