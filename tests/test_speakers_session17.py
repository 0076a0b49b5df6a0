"""Who speaks, session 17 (issue 24, helper 24p): a name with lower-case particles before an unclosed
apposition speaks; a trailing "NAME said." after a short quoted term ending the sentence reports the whole
clause, not the term alone; a participle of saying after a quoted word ('“...,” saying in a statement ...')
reports its clause. Each rule's limits are tested too (precision first): a quoted term after a phrase of the
writer's, a clause that is mostly the quote, a participle whose words are a quotation. Crafted sentences of
the harbour town of the other speaker tests, each expectation checked by hand; nothing here comes from an
evaluation story."""
import pytest

from presslens.analyses.quotes import extract, frames
from presslens.analyses.quotes.trailing import trailing
from presslens.analyses.quotes.wordclasses import TITLES
from presslens.story.model import Actor

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story(Actor("Ana Lund", "person", ("Ana Lund",)))


def rows(story, *paragraphs, kind="indirect"):
    got = extract.extract_article("a", "Daily", list(paragraphs), story)
    return [(r["quote"], r["speaker"]) for r in got if r["kind"] == kind]


@pytest.mark.parametrize("sent, name", [
    ("Jan van der Berg, a harbour pilot said the piers would reopen.", "Jan van der Berg"),
    ("Omar bin Said, the head of the port said the piers would reopen.", "Omar bin Said"),
    ("Maria de la Cruz, the head of the Harbour Guard said the piers would reopen.", "Maria de la Cruz"),
])
def test_a_name_with_particles_reads_past_its_unclosed_apposition(sent, name):
    assert frames.open_apposition(sent, TITLES) == f"{name} said the piers would reopen."


def test_a_particle_alone_is_no_name():
    # "de la" between two descriptions joins no name: the first word must be capitalised, the last too
    assert frames.open_apposition("de la Cruz, the head of the port said the piers would reopen.", TITLES) is None


def test_a_short_term_before_a_trailing_source_ends_the_clause():
    got = trailing("The panel was found in the garden of a teacher identified only as “Tom,” the harbour chief said.")
    assert got == [("The panel was found in the garden of a teacher identified only as “Tom,”", "the harbour chief",
                    "said")]


@pytest.mark.parametrize("sent", [
    # the quoted term sits in a phrase of the writer's after a comma: the source said the term, not the sentence
    "The quay braced for the storm on Monday, with the potential to cause “severe damage,” the agency said.",
    # the clause is mostly the quote: a direct quote, listed as such
    "The patient “has received care,” the harbour chief said.",
    # a long quotation before the source is the speaker's words, not a reported clause
    "Crews said it was “the worst storm we have seen on this coast in forty years,” the harbour chief said.",
])
def test_a_quoted_term_reports_no_clause_when_it_is_not_the_clause_end(sent):
    assert trailing(sent) == []


def test_a_participle_after_a_quoted_word_reports_its_clause(story):
    got = rows(story, "Ana Lund called the closure “precautionary,” saying in a statement the 12 ferries will "
                      "return to service next week.")
    assert ("the 12 ferries will return to service next week", "Ana Lund") in got


def test_a_participle_said_in_a_statement_reports_its_clause(story):
    got = rows(story, "Ana Lund closed the quay, saying in a statement that the ferries will return next week.")
    assert ("the ferries will return next week", "Ana Lund") in got


def test_a_participle_whose_words_are_quoted_reports_no_clause(story):
    got = rows(story, "Ana Lund told the radio that \"crews are on their way to the pier, but it may take time,\" "
                      "adding that \"operations are under control.\"")
    assert not any("operations" in q for q, _ in got), got


# a verb that frames a quoted term is the subject's only in the active: a passive speaks for nobody
@pytest.mark.parametrize("sent", [
    "Tom Berg was called a “hero” by the council.",
    "Tom Berg was accused of “gross misconduct” by the council.",
    "Ana Lund has been accused by the council of “gross misconduct” over the quay.",
    "Residents accused of “looting” were freed on Monday.",
])
def test_a_passive_frame_gives_its_subject_no_words(story, sent):
    got = extract.extract_article("a", "Daily", [sent], story)
    assert all(not isinstance(r["speaker"], str) for r in got), [(r["quote"], r["speaker"]) for r in got]


def test_an_accusation_frames_the_accusers_word(story):
    got = rows(story, "Acme accused the council of making “wild claims” about the quay.", kind="direct")
    assert got == [("wild claims", "Acme")]


# a body named by a place's possessive and its noun speaks as written, and "it" points back to it
def test_a_possessed_body_speaks_as_written(story):
    got = rows(story, "Harbour's foreign ministry said the quay was closed after the storm.")
    assert got == [("the quay was closed after the storm", "Harbour's foreign ministry")]


def test_it_points_back_to_a_described_body(story):
    got = rows(story, "Harbour's interior ministry accused the council of making “wild claims” about the quay. "
                      "“The storm is always a tragedy,” it said.", kind="direct")
    assert got == [("wild claims", "Harbour's interior ministry"),
                   ("The storm is always a tragedy,", "Harbour's interior ministry")]


@pytest.mark.parametrize("name, body", [
    ("the foreign ministry", True), ("Harbour's prison service", True), ("the Harbour Agency", True),
    ("Selby Harbour Rescue Group", True), ("the teen", False), ("Harbour's mayor", False), ("the north", False),
])
def test_what_it_may_point_back_to(name, body):
    from presslens.analyses.quotes.wordclasses import organisation_name
    assert organisation_name(name) is body


# a person named inside the subject's relative clause is no other speaker between the subject and its verb
def test_a_relative_clause_of_the_subject_hides_no_speaker(story):
    got = rows(story, "Ana Lund, whose town took in Tom Berg in 2020 after he was hurt in a storm, praised the crews "
                      "and said the flood makes clear “what kind of defences we need.”", kind="direct")
    assert got == [("what kind of defences we need.", "Ana Lund")]



# a verb's word after a possessive is a noun: "the agency's reports" gives no speaker "despite the agency's"
def test_a_possessive_makes_the_verbs_word_a_noun(story):
    got = rows(story, "At the same time, Berg's team emphasises that, despite the agency's reports of the damage, "
                      "\"there is no evidence of this yet.\"", kind="direct")
    assert got == [("there is no evidence of this yet.", "Berg's team")]


# "It said" after a sentence whose subject is a body described by its noun: that body
@pytest.mark.parametrize("first, body", [
    ("Harbour's prison agency said on Friday that Berg had died after a walk.", "Harbour's prison agency"),
    ("The agency said on Friday that Berg had died after a walk.", "the agency"),
])
def test_it_after_a_body_that_reported_is_that_body(story, first, body):
    got = rows(story, first, "It said that medical staff had been called to the quay.")
    assert ("medical staff had been called to the quay", body) in got, got


def test_it_after_a_sentence_of_no_reporter_is_nobody(story):
    got = rows(story, "The storm hit the quay on Friday.", "It said that medical staff had been called to the quay.")
    assert not any(isinstance(s, str) for _, s in got), got


# a label that names whose words follow: 'Quote from Ruiz: "..."' (a house style of some outlets)
def test_a_quote_from_label_names_the_speaker(story):
    got = rows(story, "Ana Lund has responded to the reports, saying that the divers should investigate.",
               "Quote from Lund: \"The agency takes all the steps that need to be taken in such a situation.\"",
               kind="direct")
    assert got == [("The agency takes all the steps that need to be taken in such a situation.", "Ana Lund")]


def test_a_quote_from_a_document_names_nobody(story):
    got = rows(story, "Quote from the report: \"The agency takes all the steps that need to be taken in such a "
                      "situation.\"", kind="direct")
    assert not any(isinstance(s, str) for _, s in got), got
