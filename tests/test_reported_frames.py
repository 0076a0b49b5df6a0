"""Frames of reported speech a reader reads as one verb of saying (issue 24, helper 24f): a phrasal verb
("pointed out"), a statement issued by its subject ("issued a statement saying"), and the guards that keep
a subject from being read across a second clause. Crafted sentences of the harbour town of the other
speaker tests (Ana Ruiz, Tom Berg, Acme, Globex, the Port Authority), checked by hand against the labelling
guide (data/eval/GUIDE.md); nothing here comes from an evaluation story."""
import pytest

from presslens.analyses.quotes import extract
from presslens.analyses.quotes.attribution import verb_class, verbs
from presslens.story.model import Actor

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story(Actor("Port Authority", "agency", ("Port Authority",)), Actor("Ana Ruiz", "person", ("Ana Ruiz", "Ruiz")))


def rows(story, *paragraphs):
    return extract.extract_article("a", "Daily", list(paragraphs), story)


def reported(story, *paragraphs):
    return [(r["quote"], r["speaker"]) for r in rows(story, *paragraphs) if r["kind"] == "indirect"]


# ----------------------------------------------------------------------------------------------
# a phrasal verb of saying: the verb inflected, its particle kept (reporting_verbs.yaml `phrasal`)


def test_a_phrasal_verb_is_one_reporting_verb():
    assert {"point out", "pointed out", "points out", "pointing out"} <= set(verbs()["form_class"])
    assert verb_class("pointed out") == "neutral"
    assert "pointed" not in verbs()["form_class"]  # the verb alone reports nothing ("pointed at the wall")


@pytest.mark.parametrize("sentence, clause", [
    ("Ruiz pointed out that the quay will reopen in May after the repairs.",
     "the quay will reopen in May after the repairs"),
    ("Ruiz points out that the ferry has never missed a crossing in winter.",
     "the ferry has never missed a crossing in winter"),
])
def test_pointed_out_that_reports_a_clause(story, sentence, clause):
    assert reported(story, sentence) == [(clause, "Ana Ruiz")]


def test_pointed_out_after_a_quote_names_its_speaker(story):
    got = [(r["quote"], r["speaker"], r["verb"]) for r in rows(story, "“The quay will reopen in May,” Ruiz pointed out.")]
    assert got == [("The quay will reopen in May,", "Ana Ruiz", "pointed out")]


@pytest.mark.parametrize("sentence", [
    "Ruiz pointed out the damage to the visitors on the quay.",  # a thing pointed at, not a statement
    "Ruiz pointed at the harbour wall and walked away.",
])
def test_pointing_at_a_thing_is_no_statement(story, sentence):
    assert reported(story, sentence) == []


# ----------------------------------------------------------------------------------------------
# a statement its subject issued: "issued a statement saying ..." is the subject's own statement; the
# description that issued it speaks as written, never a fragment of its capitals


@pytest.mark.parametrize("sentence, clause, speaker", [
    ("The Norwegian consulate in Selby issued a statement confirming that two of the missing sailors were citizens.",
     "two of the missing sailors were citizens", "the Norwegian consulate in Selby"),
    ("The Port Authority also issued a statement saying that it will keep in touch with the coast guard.",
     "it will keep in touch with the coast guard", "Port Authority"),
    ("Acme released a short statement on Friday saying it would rebuild the quay.", "it would rebuild the quay", "Acme"),
])
def test_a_statement_issued_by_the_subject_is_its_words(story, sentence, clause, speaker):
    assert reported(story, sentence) == [(clause, speaker)]


@pytest.mark.parametrize("sentence", [
    "Ruiz issued a statement on the ferry crossing.",                     # no words reported
    "The statement, issued by Acme on Friday, said the quay would reopen.",  # a document speaks, not its issuer
])
def test_a_statement_without_its_words_or_its_issuer_as_subject_is_not_read(story, sentence):
    assert all(spk not in ("Ana Ruiz", "Acme") for _, spk in reported(story, sentence))


def test_capitals_before_a_noun_are_no_person(story):
    # "The Norwegian" is no one: the consulate speaks
    assert reported(story, "The Norwegian consulate in Selby said that two of the missing sailors were citizens.") == \
        [("two of the missing sailors were citizens", "the Norwegian consulate in Selby")]
