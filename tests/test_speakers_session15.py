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
