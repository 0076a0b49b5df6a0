"""Who speaks, in shapes of ordinary news the second quotes development set and session 14's hostile review
showed (issue 24, helper 24j): a dotted abbreviation is one word of a name ("The U.K. Harbour Agency", "J.R.
Berg"); titles before a story's person leave that person the speaker ("Rear Adm. Ana Lund of the First
District"); a description before "says" leads into its own quote. Crafted sentences of the harbour town of
the other speaker tests, each expectation checked by hand against the labelling guide (data/eval/GUIDE.md).
Nothing here comes from an evaluation story."""
import pytest

from presslens.analyses.quotes import extract
from presslens.story.model import Actor

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story(Actor("Ana Lund", "person", ("Ana Lund",)))


def rows(story, *paragraphs):
    return extract.extract_article("a", "Daily", list(paragraphs), story)


def said(story, *paragraphs, kind="direct"):
    return [(r["quote"][:12], r["speaker"]) for r in rows(story, *paragraphs) if r["kind"] == kind]


# ----------------------------------------------------------------------------------------------
# dotted abbreviations inside names and titles


def test_a_dotted_abbreviation_is_one_word_of_an_organisations_name(story):
    got = said(story, "The U.K. Harbour Agency said the boat sank in the night.", kind="indirect")
    assert got == [("the boat san", "the U.K. Harbour Agency")]


def test_initials_with_dots_are_one_word_of_a_persons_name(story):
    got = said(story, "J.R. Berg said the boat sank in the night.", kind="indirect")
    assert got == [("the boat san", "J.R. Berg")]


def test_titles_before_a_storys_person_leave_them_the_speaker(story):
    got = said(story, "“It sank in a minute,” said Lt. Gen. Ana Lund of the Harbour Guard.")
    assert got == [("It sank in a", "Ana Lund")]


def test_whose_lawyer_still_speaks_for_the_person(story):
    # the post-modifier rule is for titles only: "the lawyer of Ana Lund" is the lawyer, as written
    got = said(story, "“It sank in a minute,” said the lawyer of Ana Lund.")
    assert got == [("It sank in a", "the lawyer of Ana Lund")]


# ----------------------------------------------------------------------------------------------
# frames of reported speech: the source inside a parenthesis, as a passive's agent, after "as per" or
# before "as reported by", described by a relative clause


HARBOUR_MASTER = "Tom Berg is the harbour master of the north quay."


def test_a_parenthetical_he_said_gives_him_the_rest_of_the_sentence(story):
    got = said(story, HARBOUR_MASTER + " This, he said, would put the crews at a disadvantage when the quay closes.",
               kind="indirect")
    assert got == [("would put th", "Tom Berg")]


def test_a_parenthetical_source_then_a_conjunction_is_a_trailing_source(story):
    # "The quay was shut, Berg said, and the crews left": his words are before him; the rest is the writer's
    got = [r["quote"] for r in rows(story, "The quay was shut for a week, Tom Berg said, and the crews left the town.")
           if r["kind"] == "indirect"]
    assert got == ["The quay was shut for a week"]


def test_the_agent_of_a_passive_told_speaks(story):
    got = said(story, "The jury was told by prosecutor Tom Berg that the boat had sunk in the night.", kind="indirect")
    assert got == [("the boat had", "Tom Berg")]


def test_as_per_is_according_to(story):
    got = said(story, "As per witnesses, the boat sank when the crew were away from the harbour.", kind="indirect")
    assert got == [("the boat san", "witnesses")]


def test_the_one_who_said_it_speaks_not_the_one_who_reported_it(story):
    got = said(story, "The council will close the north quay for a year, said Mr Tom Berg as reported by local media.",
               kind="indirect")
    assert got == [("The council ", "Tom Berg")]


def test_according_to_people_described_by_a_relative_clause(story):
    got = said(story, "The boat sank in the night and the crew were lost, according to divers who searched the harbour.",
               kind="indirect")
    assert got == [("The boat san", "divers")]


def test_according_to_then_a_second_source_after_the_words_gives_neither(story):
    got = said(story, "According to the Courier, the quay was not shut during the storm, stated the harbour police.",
               kind="indirect")
    assert got == []


# ----------------------------------------------------------------------------------------------
# a name after a noun and its preposition says where or what the noun is, not who speaks


def test_a_journals_name_after_a_study_in_is_no_speaker(story):
    got = [(r["quote"], r["speaker"]) for r in rows(
        story, "The study in Harbour Letters is the latest to highlight the “quay crisis” where results fail to hold.")
        if r["kind"] in ("direct", "cited")]
    assert got == [("quay crisis", None)]


def test_a_spokesman_for_a_person_still_speaks_for_them(story):
    assert said(story, "“It sank in a minute,” said a spokesman for Tom Berg.") == [("It sank in a", "Tom Berg")]
