"""Who speaks (issue 24): reported speech that abstains when its evidence is weak, partial quotes
in their clause, pronouns and definites, and the balance of the parties. Crafted sentences only
(a harbour town, Acme and Globex): nothing here names an evaluation story."""
import pytest

from presslens.analyses.quotes import extract
from presslens.story.model import Actor

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story(Actor("Port Authority", "agency", ("Port Authority",)))


def one(story, *paragraphs, indirect=True):
    return extract.extract_article("a", "Daily", list(paragraphs), story, indirect=indirect)


def reported(rows):
    return [(r["quote"], r["speaker"], r["verb"]) for r in rows if r["kind"] == "indirect"]


# ----------------------------------------------------------------------------------------------
# reported speech: the clause, and abstaining


@pytest.mark.parametrize("sentence, clause", [
    # a time before the clause, and a relative "that" further on that is the clause's own
    ("Acme said on Thursday it had closed a second plant, a site that makes parts.",
     "it had closed a second plant, a site that makes parts"),
    ("Acme said on Thursday that it had closed a second plant.", "it had closed a second plant"),
    # a concession, a time or a consequence after a comma: the writer's words again
    ("Acme said the plant was safe, although residents reported a smell for weeks.", "the plant was safe"),
    ("Acme said the plant would reopen, after regulators lifted the order on Monday.", "the plant would reopen"),
    ("Acme said the spill was small – a claim residents dispute.", "the spill was small"),
    ("Acme claimed the spill was small, which she denied.", "the spill was small"),
    # ", which ..." with no subject of its own goes on with the speaker's content
    ("Acme said the spill was small, which is typical for the site.", "the spill was small, which is typical for the site"),
])
def test_the_reported_clause_ends_where_the_writer_takes_over(story, sentence, clause):
    assert reported(one(story, sentence)) == [(clause, "Acme", sentence.split()[1])]


def test_a_participle_of_saying_starts_a_second_statement(story):
    rows = one(story, "Acme said the plant was safe, adding that inspectors had found nothing wrong.")
    assert reported(rows) == [("the plant was safe", "Acme", "said"),
                              ("inspectors had found nothing wrong", "Acme", "adding")]
    rows = one(story, "Acme said in a post that the port was closing, and it warned residents to stay inside.")
    assert reported(rows)[0] == ("the port was closing", "Acme", "said")


@pytest.mark.parametrize("sentence", [
    "Acme emphasized the complexities of landing ships in a storm and the importance of good radios.",
    "Acme promised support for the nearly 900 residents of the harbour, although many said help was slow.",
    "Acme acknowledged the emergency but asked residents to stay calm.",
    "Dock workers and the Globex state inspector Ana Ruiz said on Sunday that the quay had been cleared.",
])
def test_a_verb_with_a_noun_is_no_reported_clause(story, sentence):
    assert not [r for r in reported(one(story, sentence)) if r[1] in ("Acme", "Globex")]


def test_according_to_a_source_with_its_description(story):
    rows = one(story, "According to Mary Jones, the company's spokesperson, the plant had been closed since May.")
    assert reported(rows) == [("the plant had been closed since May", "Mary Jones", "according to")]
    rows = one(story, "According to Jones, a manager told the council that the plant had been closed since May.")
    assert reported(rows) == [("the plant had been closed since May", "Mary Jones", "according to")]


def test_figures_and_documents_are_nobody_speaking(story):
    rows = one(story, "According to figures compiled by the Port Authority, about 4,000 ships docked in May and June.")
    assert reported(rows) == []


def test_reported_speech_inside_a_quote_is_the_speakers_own_words(story):
    rows = one(story, "“He said it was a joke and we all laughed. Then Acme said the plant was safe,” Jones said.")
    assert reported(rows) == []
