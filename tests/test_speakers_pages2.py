"""Who speaks, in shapes of ordinary news the second quotes development set showed (issue 24, helper 24i):
a described name in commas ("Tom Berg, a local resident, said") is one person, so the "he added" after
it is his; a person named inside what someone said is no rival for the "he" that goes on with the one
who said it; a quote left open at a paragraph's end goes on in the next paragraph, even after a question
and however short; "Ruiz says “...” Berg says “...”" gives each quote the name before it. Crafted
sentences of the harbour town of the other speaker tests, each expectation checked by hand against the
labelling guide (data/eval/GUIDE.md). Nothing here comes from an evaluation story."""
import pytest

from presslens.analyses.quotes import extract

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story()


def rows(story, *paragraphs):
    return extract.extract_article("a", "Daily", list(paragraphs), story)


def said(story, *paragraphs, kind="direct"):
    return [(r["quote"][:12], r["speaker"]) for r in rows(story, *paragraphs) if r["kind"] == kind]


# ----------------------------------------------------------------------------------------------
# "Tom Berg, a local resident, said": the description in commas is Berg, not a second person


def test_he_after_a_name_described_in_commas_is_that_person(story):
    got = said(story,
               "“The quay is shut until Friday,” harbour master Ana Ruiz told reporters.",
               "Waiting at the gate, Tom Berg, a local resident, said he had heard the crash from his kitchen. "
               "“I ran down and the boats were already sinking,” he added.")
    assert got == [("The quay is ", "Ana Ruiz"), ("I ran down a", "Tom Berg")]


def test_two_people_joined_by_and_still_leave_he_to_nobody_alone(story):
    # the apposition rule must not turn a real pair into one person
    got = said(story, "Tom Berg and Sam Cole, a local resident, said the quay was unsafe. "
                      "“We warned them for years,” he added.")
    assert got == [("We warned th", None)]


# ----------------------------------------------------------------------------------------------
# "Price said Berg had lied. He said ...": Berg is what Price said, not a second candidate for "he"


def test_a_man_named_in_what_another_said_is_no_rival_for_he(story):
    got = said(story,
               "Mr Tom Price said Mr Sam Cole had not been charged because of the radio logs alone.",
               "“This case is a puzzle for adults,” he said.")
    assert got == [("This case is", "Tom Price")]


def test_two_men_as_subjects_of_one_sentence_still_rival(story):
    # without a reporting verb after the first, the sentence names two men as its actors: left unknown
    got = said(story, "Mr Tom Price met Mr Sam Cole at the quay on Monday.",
               "“The meeting went well,” he said.")
    assert got == [("The meeting ", None)]


# ----------------------------------------------------------------------------------------------
# a quote left open at the end of a paragraph goes on in the next one


def test_an_open_question_goes_on_in_the_next_paragraph(story):
    got = said(story, "Harbour master Ana Ruiz said the council had ignored the warnings.",
               "“Why did nobody listen to the pilots?",
               "“We are about to lose the whole fleet, and nobody is doing anything.”")
    assert got == [("Why did nobo", "Ana Ruiz"), ("We are about", "Ana Ruiz")]


def test_a_closed_question_is_still_answered_by_someone_else(story):
    # the question's closing mark hands the floor over (an interview): the answer is not the asker's
    got = said(story, "Harbour master Ana Ruiz said the council had ignored the warnings.",
               "“Why did nobody listen to the pilots?”",
               "“We are about to lose the whole fleet, and nobody is doing anything.”")
    assert got[-1] == ("We are about", None)


def test_a_short_paragraph_goes_on_after_an_open_one(story):
    got = said(story, "“This case is a puzzle for adults,” harbour master Ana Ruiz said.",
               "“The pieces are small and there are many of them.",
               "“It takes patience.”")
    assert got == [("This case is", "Ana Ruiz"), ("The pieces a", "Ana Ruiz"), ("It takes pat", "Ana Ruiz")]


def test_a_short_closed_paragraph_does_not_go_on(story):
    # the paragraph before closed its quote: a short quote alone is not carried over by the open-quote rule
    got = said(story, "“This case is a puzzle for adults,” harbour master Ana Ruiz said on Monday evening.",
               "“It takes patience.”")
    assert got[-1] == ("It takes pat", None)


# ----------------------------------------------------------------------------------------------
# "Ruiz says “...” Berg says “...”": the words between two quotes lead into the second


def test_name_says_before_each_quote_gives_each_its_own_speaker(story):
    got = said(story, "Ana Ruiz says “The pilots need a say before the vote.” "
                      "Tom Berg says “The council and the port do not work well together.”")
    assert got == [("The pilots n", "Ana Ruiz"), ("The council ", "Tom Berg")]


def test_a_quote_with_no_lead_in_keeps_the_name_after_it(story):
    # nothing leads into the first quote: "Ruiz says" after it is still its attribution
    got = said(story, "“The pilots need a say before the vote,” Ana Ruiz says. “We will keep asking.”")
    assert got == [("The pilots n", "Ana Ruiz"), ("We will keep", "Ana Ruiz")]


# ----------------------------------------------------------------------------------------------
# 'A: "..."' lines of a transcript: the answerer the introduction names


def test_answer_lines_go_to_the_one_the_introduction_names(story):
    got = said(story, "Below are some of the exchanges between reporters and the harbour master at Monday's briefing.",
               "Tom Berg (Selby Radio): “Will the quay open before the regatta?”",
               "A: “We will open it when the divers have finished, and not a day before.”",
               "Lena Hart (Harbour Daily): “Who pays for the repairs?”",
               "A: “The council has set money aside for exactly this kind of damage.”")
    assert got == [("Will the qua", "Tom Berg"), ("We will open", "the harbour master"),
                   ("Who pays for", "Lena Hart"), ("The council ", "the harbour master")]


def test_answer_lines_of_an_interview_with_a_named_person(story):
    got = said(story, "This is an edited transcript of an interview with Ana Ruiz.",
               "Q: “Will the quay open soon?”",
               "A: “Not before the divers have finished their work on the piers.”")
    assert got[-1] == ("Not before t", "Ana Ruiz")


def test_answer_lines_without_an_introduction_name_nobody(story):
    got = said(story, "The harbour reopened on Monday after a week of repairs.",
               "Q: “Will the quay open soon?”",
               "A: “Not before the divers have finished their work on the piers.”")
    assert got[-1] == ("Not before t", None)


# ----------------------------------------------------------------------------------------------
# "Mr Price KC": the letters after a name are no part of it, so the short form is the same person


def test_post_nominal_letters_leave_one_person(story):
    got = said(story, "Tom Price KC told the jury the radio logs were clear.",
               "Mr Price KC said the pilot had ignored three warnings.",
               "“This case is a puzzle for adults,” he said.")
    assert got == [("This case is", "Tom Price")]
