"""Who speaks, session 19 (issue 24, helper 24r): the fixes of the classes the attribution battery
(tests/test_speakers_battery.py) found failing, one mechanism each, each with its limits (precision first).
Crafted sentences of the harbour town of the other speaker tests, each expectation checked by hand; nothing
here comes from an evaluation story."""
import dataclasses

import pytest

from presslens.analyses.quotes import extract
from presslens.analyses.quotes.resolve import described_speaker, resolve_speaker

from .conftest import acme_story


STORY0 = dataclasses.replace(acme_story(), actors=[], speakers=[])


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
# a description with capitals: "the Harbour delegation", "the Palace"


def test_a_description_may_have_capitalised_modifiers():
    assert described_speaker("the Harbour delegation") == ("the Harbour delegation", "role", None)
    assert described_speaker("A Selby fire brigade officer") == ("a Selby fire brigade officer", "anonymous", None)


def test_the_and_one_capitalised_word_is_an_institution_by_its_seat():
    assert described_speaker("the Palace") == ("the Palace", "role", None)
    assert described_speaker("the Senate") == ("the Senate", "role", None)


def test_a_nationality_a_day_or_a_pointer_is_no_seat():
    for phrase in ("the French", "the Japanese", "the Ukrainians", "the Monday", "the Other", "the May"):
        assert described_speaker(phrase) is None, phrase


def test_the_palace_and_a_delegation_speak_after_a_quote(story):
    assert direct(story, "“The king is resting,” the Palace said in a statement.") == [("The king is resting,", "the Palace")]
    assert direct(story, "“We came for a deal,” the Harbour delegation said.") == [("We came for a deal,", "the Harbour delegation")]


def test_a_name_after_the_is_still_a_name(story):
    # two capitalised words are a name, not a seat: the resolver's reading is kept
    assert direct(story, "“The king is resting,” the Harbour Palace said.") == [("The king is resting,", "Harbour Palace")]


# ----------------------------------------------------------------------------------------------
# a colon lead-in with no verb of saying: 'Ana Ruiz put it simply: "..."', 'The fire brigade was blunt: "..."'


def test_a_name_and_a_predicate_before_a_colon_speak(story):
    assert direct(story, "Ana Ruiz put it simply: “We are tired and we want to go home.”") == \
        [("We are tired and we want to go home.", "Ana Ruiz")]


def test_a_speaking_description_before_a_colon_speaks(story):
    assert direct(story, "The fire brigade was blunt: “Nobody should go near the quay tonight.”") == \
        [("Nobody should go near the quay tonight.", "the fire brigade")]


def test_a_thing_before_a_colon_speaks_not(story):
    # the head is a thing: nobody is named, whatever the quote (precision first)
    assert direct(story, "The answer was simple: “Nobody should go near the quay tonight.”") == \
        [("Nobody should go near the quay tonight.", None)]
    assert direct(story, "The water was rising fast: “Nobody should go near the quay tonight.”") == \
        [("Nobody should go near the quay tonight.", None)]


def test_a_kicker_is_still_no_speaker(story):
    # a capitalised label alone before the colon, or a name and one word of a label: no sentence, nobody speaks
    assert direct(story, "Selby Storm: “Nobody should go near the quay tonight.”") == \
        [("Nobody should go near the quay tonight.", None)]


# ----------------------------------------------------------------------------------------------
# a one-word possessor: "Ruiz's lawyer said"; its single given name in apposition: "Lund's daughter, Mia, told"


def test_a_one_word_possessors_lawyer_or_kin_speaks_for_them():
    assert resolve_speaker("Ruiz’s lawyer", STORY0, None) == ("Ruiz’s lawyer", "role", "Ruiz")
    assert resolve_speaker("Berg's younger brother", STORY0, None) == ("Berg's younger brother", "role", "Berg")


def test_a_one_word_possessors_thing_speaks_not():
    assert resolve_speaker("Ruiz’s house", STORY0, None) == (None, None, None)


def test_a_single_given_name_after_kin_is_who_speaks(story):
    assert direct(story, "“My father loved the sea,” Lund’s daughter, Mia, told reporters.") == \
        [("My father loved the sea,", "Mia")]


def test_a_place_in_apposition_is_no_speaker(story):
    assert direct(story, "“The sea is higher,” said a fisherman in the north, Selby.") == \
        [("The sea is higher,", "a fisherman in the north")]


# ----------------------------------------------------------------------------------------------
# an organisation by its initials after "the": "the HPP said"


def test_initials_after_the_are_a_seat():
    assert described_speaker("the HPP") == ("the HPP", "role", None)
    assert described_speaker("the I") is None


def test_the_party_by_its_initials_speaks_after_a_quote(story):
    assert direct(story, "“We accept the result,” the HPP said in a statement.") == [("We accept the result,", "the HPP")]


# ----------------------------------------------------------------------------------------------
# a short reported clause: a subject pronoun, an auxiliary and a word ("said she would resign")


def test_a_short_pronoun_clause_is_reported(story):
    assert reported(story, "Ana Ruiz, the defence lawyer, spoke after the hearing.", "Ruiz said she would resign.") == \
        [("she would resign", "Ana Ruiz")]
    assert reported(story, "Ana Ruiz said it was over.") == [("it was over", "Ana Ruiz")]


def test_a_short_phrase_that_is_no_clause_is_still_nothing(story):
    assert reported(story, "Ana Ruiz said in a statement.") == []
    assert reported(story, "Ana Ruiz said on Monday.") == []
    assert reported(story, "Ana Ruiz said she would.") == []


# ----------------------------------------------------------------------------------------------
# "X was quoted (by Y) as saying (that) ...": X speaks, Y only carries it


def test_was_quoted_as_saying_is_the_quoted_ones_statement(story):
    assert reported(story, "Ana Ruiz was quoted by Harbour Radio as saying the bridge would hold.") == \
        [("the bridge would hold", "Ana Ruiz")]
    assert reported(story, "Ana Ruiz was quoted as saying that the bridge would hold.") == \
        [("the bridge would hold", "Ana Ruiz")]


def test_quoted_without_saying_reports_nothing(story):
    assert reported(story, "Ana Ruiz was quoted in the report of the harbour board.") == []


# ----------------------------------------------------------------------------------------------
# verbs that attribute only right after a quote: '“...,” Lund continued.', '“...,” the court ruled.'


def test_continued_after_a_quote_goes_on_with_its_speaker(story):
    assert direct(story, "“The wall was weak,” said Omar Lund.", "“It is a scandal,” Lund continued.")[1] == \
        ("It is a scandal,", "Omar Lund")


def test_ruled_after_a_quote_is_the_courts(story):
    assert direct(story, "“The ban is lawful,” the court ruled on Friday.") == [("The ban is lawful,", "the court")]


def test_continued_or_ruled_elsewhere_is_no_verb_of_saying(story):
    # before a quote, or with an object: the sentence's own verb of saying decides, or nobody speaks
    assert direct(story, "The union continued the statement by adding: “The crews will not go back to sea.”") == \
        [("The crews will not go back to sea.", "the union")]
    assert reported(story, "Rescuers continued the search through the night.") == []
    assert reported(story, "The Supreme Court ruled the country's ports for a decade.") == []
    assert direct(story, "“We will sue the builder,” Omar Lund said as the rain continued.") == \
        [("We will sue the builder,", "Omar Lund")]
