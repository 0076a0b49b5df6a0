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


# ----------------------------------------------------------------------------------------------
# a quote inside its clause: the subject of the verb nearest before it


@pytest.mark.parametrize("sentence, quote, speaker", [
    # a name after a title with an abbreviation, and the verb right after it (the person is a subject)
    ("U.S. harbour engineer Ana Ruiz tweeted that she was “appalled” by the decision.", "appalled", "Ana Ruiz"),
    # the negation belongs to the first clause, not to "claimed"
    ("Jones said during a meeting that she would not resign and claimed she was the victim of “false critics.”",
     "false critics.", "Mary Jones"),
    # the subject of a subordinate clause
    ("The announcement came after Globex apologised for the “enormous harm” caused.", "enormous harm", "Globex"),
    ("The workers rejected the plan on Monday, when Jones stated that the port “was never at risk” at all.",
     "was never at risk", "Mary Jones"),
    # an infinitive's subject
    ("Dock workers walked out, leading the mayor to resign and Globex to denounce the “reckless strike”.",
     "reckless strike", "Globex"),
    # back over a relative clause to its head, for a long quote after "said ... that"
    ("Port official Ana Ruiz, who was fined last year, said in a statement that the union would “defend our "
     "interests and speak for us.”", "defend our interests and speak for us.", "Ana Ruiz"),
    # "as" frames the speaker's word
    ("The mayor was criticised by Globex, which defined the closure as “unacceptable” in a letter.", "unacceptable",
     "Globex"),
])
def test_the_subject_of_the_nearest_reporting_verb_speaks(story, sentence, quote, speaker):
    rows = [r for r in one(story, sentence, indirect=False) if r["quote"] == quote]
    assert [(r["kind"], r["speaker"]) for r in rows] == [("direct", speaker)], rows


@pytest.mark.parametrize("sentence", [
    "Acme and Globex described the ruling as “a disaster” for the sector.",
    "Globex, not Acme, described the fine as “unfair” on Monday.",
    "The mayor was described by nobody as “a hero” that week.",
    "Acme never described the fine as “a scam” in public.",
])
def test_no_single_subject_no_speaker(story, sentence):
    assert [r["speaker"] for r in one(story, sentence, indirect=False)] == [None]


def test_a_name_followed_by_its_reporting_verb_is_a_subject(story):
    # "The town’s harbour engineer" is no subject prefix: only the verb after the name says she is one
    from presslens.analyses.quotes import attribution
    from presslens.analyses.quotes.people import People

    par = "The town’s harbour engineer Ana Ruiz wrote that the quay was safe. Later the mayor met Lee Park."
    people = People(story, [par], attribution.verbs()["rx"])
    got = {m[3].name: m[4] for m in people.mentions}
    assert got == {"Ana Ruiz": True, "Lee Park": False}


# ----------------------------------------------------------------------------------------------
# pronouns and definite descriptions


def test_it_and_the_agency_go_to_the_organisation_named_before(story):
    rows = one(story, "The city’s port authority closed the quay on Monday.", "“Ships will wait,” the authority said.",
               indirect=False)
    assert [(r["speaker"], r["actor"]) for r in rows] == [("Port Authority", "Port Authority")]
    # a possessive is not the subject: "Acme's plant" leaves Globex as what "it" refers to
    rows = one(story, "Globex bought Acme's plant last year.", "“We will keep every job,” it said.", indirect=False)
    assert [(r["speaker"], r["actor"]) for r in rows] == [("Globex", "Globex")]
    # a storm or a place says nothing: "the storm" is no organisation even when an actor is named so
    rows = one(story, "Storm Globex hit the coast.", "“It was terrible,” the storm said.", indirect=False)
    assert rows[0]["actor"] != "Globex"


def test_she_after_a_name_whose_next_pronoun_is_someone_elses(story):
    rows = one(story, "Her father’s boat sank. Running out of options, Ana Felipe Ruiz asked where her father was, "
                      "and whether his crew had seen him.", "“No one is looking for him,” she told them.", indirect=False)
    assert [r["speaker"] for r in rows] == ["Ana Felipe Ruiz"]
