"""Who speaks, session 18 (issue 24, helper 24q): "According to him / her" continues the person who spoke last;
a site's label before the frame ("Details: According to ...") is layout; a clause after "According to X," is
not taken for X's description; a plural agent noun is a collective source ("Officers said ..."); a pair of
dashes around a noun phrase is an aside inside the reported clause; a dateline in brackets ("(HARBOUR TOWN,
Selby) —") is nobody's words. Each rule's limits are tested too (precision first). Crafted sentences of the
harbour town of the other speaker tests, each expectation checked by hand; nothing here comes from an
evaluation story."""
import dataclasses

import pytest

from presslens.analyses.quotes import extract, frames

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    # no actors, no speakers: as an evaluation set's story.yaml is, the text alone names who speaks
    return dataclasses.replace(acme_story(), actors=[], speakers=[])


def reported(story, *paragraphs):
    got = extract.extract_article("a", "Daily", list(paragraphs), story)
    return [(r["quote"], r["speaker"]) for r in got if r["kind"] == "indirect"]


# ----------------------------------------------------------------------------------------------
# "According to him / her": the person who spoke last


def test_according_to_him_continues_the_last_speaker(story):
    got = reported(story, "The governor of the Harbour Bank, Omar Lund, said the rates would stay high for a year.",
                   "Lund spoke on Friday during his visit to the Selby docks.",
                   "According to him, the measures of the bank have started yielding results.")
    assert ("the measures of the bank have started yielding results", "Omar Lund") in got


def test_according_to_her_names_nobody_when_another_spoke_last(story):
    # the name nearest the verb is the speaker (Ana Ruiz); the skipper is only mentioned: "her" is not guessed
    # as the skipper, whatever the pronoun resolver would say
    got = reported(story, "The spokeswoman for skipper Omar Lund, writer Ana Ruiz, said on Saturday that his boat was "
                          "gone. According to her, the crew went to the quay to ask for the boat, but it was not there.")
    assert all(spk != "Omar Lund" for q, spk in got if q.startswith("the crew went"))


def test_according_to_a_pronoun_with_nobody_speaking_before_is_nothing(story):
    got = reported(story, "The port of Selby reopened on Monday.",
                   "According to him, the quay is safe again for the ferries.")
    assert got == []


def test_a_label_before_the_frame_is_layout():
    assert frames.as_according("Details: According to Ruiz, the quay is shut.") == "According to Ruiz, the quay is shut."
    assert frames.as_according("Background: As per the mayor, the quay is shut.") == "According to the mayor, the quay is shut."
    # a colon later in the sentence is no label
    assert frames.as_according("According to Ruiz: the quay is shut.") == "According to Ruiz: the quay is shut."


def test_a_labelled_according_to_reports_its_clause(story):
    got = reported(story, "Ana Ruiz spoke to the crews. Details: According to Ruiz, the agency is doing every "
                          "inspection, so no special order is needed here.")
    assert ("the agency is doing every inspection, so no special order is needed here", "Ana Ruiz") in got


# ----------------------------------------------------------------------------------------------
# "According to X, the ... is ...": a clause, not X's description


def test_a_clause_after_according_to_is_not_a_description(story):
    got = reported(story, "According to Ana Ruiz, the agency is doing every inspection, so no order is needed.")
    assert ("the agency is doing every inspection, so no order is needed", "Ana Ruiz") in got


def test_a_description_after_according_to_is_still_the_sources(story):
    got = reported(story, "According to Tom Berg, the head of the port, the quay will reopen next week.")
    assert got == [("the quay will reopen next week", "Tom Berg")]
    got = reported(story, "According to divers, who searched the quay, the wreck is broken in two.")
    assert got == [("the wreck is broken in two", "divers")]


# ----------------------------------------------------------------------------------------------
# a plural agent noun speaks as a collective source


@pytest.mark.parametrize("sent, spk", [
    ("Officers said the caller had warned them because the gunman was waiting.", "officers"),
    ("The relationship is not known, but officers confirmed that the three men knew each other.", "officers"),
    ("Inspectors said the crane had been checked in May.", "inspectors"),
])
def test_a_plural_agent_noun_is_a_collective_source(story, sent, spk):
    got = reported(story, sent)
    assert len(got) == 1 and got[0][1].lower() == spk


def test_others_is_no_source(story):
    assert reported(story, "Others said the port would reopen next week.") == []


def test_a_function_word_before_an_agent_noun_is_a_clause_start_not_a_source(story):
    # "although engineers had warned ...": the writer's concession, not a source named "although engineers"
    assert reported(story, "The quay wall failed, although engineers had warned for years that it was too low.") == []


# ----------------------------------------------------------------------------------------------
# a pair of dashes around a noun phrase: an aside inside the words


def test_a_noun_phrase_between_two_dashes_stays_in_the_clause(story):
    got = reported(story, "Ana Ruiz said the three men — the two pilots and the suspected smuggler — knew each other.")
    assert got == [("the three men — the two pilots and the suspected smuggler — knew each other", "Ana Ruiz")]


def test_a_clause_between_two_dashes_is_the_writers(story):
    got = reported(story, "Ana Ruiz said the port would reopen — the union disagreed — and left for the capital.")
    assert got == [("the port would reopen", "Ana Ruiz")]


def test_one_dash_still_ends_the_words(story):
    got = reported(story, "Ana Ruiz said the port would reopen — a claim the union disputes.")
    assert got == [("the port would reopen", "Ana Ruiz")]


# ----------------------------------------------------------------------------------------------
# a dateline in brackets


def test_a_bracketed_dateline_is_nobodys_words(story):
    got = reported(story, "(HARBOUR TOWN, Selby) — Two people were hurt and a boat sank on Saturday night in "
                          "Harbour Town, police said.")
    assert got == [("Two people were hurt and a boat sank on Saturday night in Harbour Town", "police")]


# ----------------------------------------------------------------------------------------------
# a quote right after a sentence that reports someone's words goes on with them


def direct(story, *paragraphs):
    got = extract.extract_article("a", "Daily", list(paragraphs), story)
    return [(r["quote"], r["speaker"]) for r in got if r["kind"] == "direct"]


def test_a_quote_after_a_reported_sentence_is_the_same_speakers(story):
    got = direct(story, 'Ana Ruiz also said that every crew is patrolling the harbour round the clock. '
                        '"They are also working in plain clothes."')
    assert got == [("They are also working in plain clothes.", "Ana Ruiz")]


def test_a_sentence_between_the_report_and_the_quote_breaks_the_chain(story):
    got = direct(story, 'Ana Ruiz said the quay was shut. Tom Berg disagreed with the order. "It is open."')
    assert got == [("It is open.", None)]


def test_a_quote_with_its_own_source_keeps_it(story):
    got = direct(story, 'Ana Ruiz said the quay was shut. "It is open again," Tom Berg said.')
    assert got == [("It is open again,", "Tom Berg")]


# ----------------------------------------------------------------------------------------------
# a name and where the person is from: the name is the subject, however long the body's name


@pytest.mark.parametrize("sent, spk", [
    ("Sgt. Tom Berg of Harbour City police said during a briefing that the three officers were not badly hurt.",
     "Tom Berg"),
    ("Deputy port master Ana Ruiz from the Selby County port office said the quay would reopen on Monday.", "Ana Ruiz"),
])
def test_a_name_then_its_body_is_the_subject(story, sent, spk):
    got = reported(story, sent)
    assert len(got) == 1 and got[0][1] == spk


def test_a_long_subject_without_a_name_before_of_is_no_name(story):
    # no person is named; since session 20 the description speaks as written, by its head before "of" (a title:
    # news_source.HEADED), a role with no actor, as the evaluation guide labels a description
    got = reported(story, "The president of the Harbour Fishing Association of Selby said the quay would reopen.")
    assert [(q, s) for q, s, *_ in got] == [("the quay would reopen", "the president of the Harbour Fishing Association of Selby")]
