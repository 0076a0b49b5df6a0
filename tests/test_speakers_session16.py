"""Who speaks, by general mechanisms rather than by strings of the development stories (issue 24, helper
24k): the parenthetical frame reads every finite form of the project's reporting verbs; a subject is read
past an unclosed apposition, a time adverb, a middle initial and "Jr."; a glued full stop after a name
ends its sentence; a quote inside a reported clause no longer drops the clause; a list of names with an
Oxford comma is nobody alone; "Tom Berg, Jr." is one person. Crafted
sentences of the harbour town of the other speaker tests, each expectation checked by hand; nothing here
comes from an evaluation story."""
import pytest

from presslens.analyses.quotes import extract, frames
from presslens.story.model import Actor
from presslens.text import segment

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story(Actor("Ana Lund", "person", ("Ana Lund",)))


def said(story, *paragraphs, kind="direct"):
    rows = extract.extract_article("a", "Daily", list(paragraphs), story)
    return [(r["quote"][:12], r["speaker"]) for r in rows if r["kind"] == kind]


# ----------------------------------------------------------------------------------------------
# the parenthetical frame from the verb data


def test_the_parenthetical_frame_takes_its_verbs_from_the_verb_data():
    forms = frames.finite_reporting_forms()
    assert {"said", "says", "told", "apologized", "cautioned", "pointed out", "testified"} <= set(forms)
    # no base form ("the harbour post"), no participle, no adverb from the inflection table, no partial-only verb
    assert not {"say", "post", "saying", "expressly", "called", "urged"} & set(forms)
    assert forms == sorted(forms, key=lambda f: (-len(f), f))  # "pointed out" before "pointed"


@pytest.mark.parametrize("sentence, spk, verb", [
    ("The delay, she pointed out, was caused by the storm in the bay.", "she", "pointed out"),
    ("The cost, the agency estimated, was far higher than the council planned.", "the agency", "estimated"),
    ("The quay, Ana Lund cautioned, would not reopen before the spring.", "Ana Lund", "cautioned"),
])
def test_a_parenthetical_source_with_any_reporting_verb(sentence, spk, verb):
    m = frames.parenthetical(sentence)
    assert m is not None and (m["spk"], m["verb"]) == (spk, verb)


def test_a_base_form_noun_is_no_parenthetical_verb():
    assert frames.parenthetical("The quay, the harbour post, was shut for the night by the council.") is None


def test_a_parenthetical_with_a_new_verb_gives_the_clause_to_its_source(story):
    got = said(story, "The storm, Ana Lund cautioned, would keep the ferries in port until Friday.", kind="indirect")
    assert got == [("would keep t", "Ana Lund")]


# ----------------------------------------------------------------------------------------------
# subjects of reported speech


def test_an_unclosed_apposition_leaves_the_name_the_speaker(story):
    # the comma that should close "the head of the harbour firm Globex" is missing: a reader still reads Tom Berg
    got = said(story, "Tom Berg, the head of the harbour firm Globex said the quay was not damaged by the storm.",
               kind="indirect")
    assert got == [("the quay was", "Tom Berg")]


def test_an_unclosed_apposition_with_a_title_and_no_determiner(story):
    got = said(story, "Tom Berg, CEO of Globex told Harbour Radio that the quay was not damaged.", kind="indirect")
    assert got == [("the quay was", "Tom Berg")]


def test_an_unclosed_apposition_holding_a_clause_is_not_read_away(story):
    # "the man who found the boat" has a verb of its own: no apposition to read past, no speaker guessed
    got = said(story, "Tom Berg, the man who found the boat said the crew had left the quay.", kind="indirect")
    assert ("the crew had", "Tom Berg") not in got


def test_a_time_adverb_before_the_verb_is_no_part_of_the_subject(story):
    got = said(story, "The Harbour Consulate earlier said in a statement that officials had not confirmed the names.",
               kind="indirect")
    assert got == [("officials ha", "The Harbour Consulate")]


def test_a_long_title_before_a_name_is_one_subject(story):
    got = said(story, "The former head of the Harbour Safety Board Tom Berg told Harbour Radio that the quay "
                      "appeared to be sinking.", kind="indirect")
    assert len(got) == 1 and got[0][0] == "the quay app" and got[0][1].endswith("Tom Berg")


def test_a_middle_initial_and_jr_are_words_of_the_name(story):
    got = said(story, "Col. Tom R. Berg Jr., superintendent for the Harbour Police, announced that the search was "
                      "over for the night.", kind="indirect")
    assert got == [("the search w", "Tom R. Berg Jr.")]


def test_a_group_named_by_one_member_with_a_long_title(story):
    got = said(story, "The harbour ministry's spokesman Tom Berg and his deputy said the quay would reopen next week.",
               kind="indirect")
    assert len(got) == 1 and got[0][0] == "the quay wou" and "Tom Berg" in got[0][1]


def test_the_last_member_of_a_list_does_not_speak_for_the_list(story):
    assert said(story, "Acme, Globex, and the Courier said the quay would reopen in May.", kind="indirect") == []
    # a second clause with its own subject still speaks
    got = said(story, "The storm hit the quay on Monday, and the Courier said the quay would reopen in May.",
               kind="indirect")
    assert got == [("the quay wou", "The Courier")]


def test_a_list_with_an_oxford_comma_is_nobody_alone(story):
    got = said(story, "Ana Lund, Tom Berg, and Sam Cole told Harbour Radio: “We will rebuild the quay by the end "
                      "of the year.”")
    assert got == [("We will rebu", None)]


def test_a_quote_inside_the_clause_leaves_the_words_before_it_to_their_subject(story):
    par = ("Globex said it had rolled out a fix for the problem, and its chief, Tom Berg, told Harbour Radio he "
           "wanted to “personally apologize to every person who was hurt.”")
    assert said(story, par, kind="indirect") == [("it had rolle", "Globex")]  # never "Globex said ..." as Berg's
    assert said(story, par) == [("personally a", "Tom Berg")]


# ----------------------------------------------------------------------------------------------
# sentence boundaries glued to a name


def test_a_full_stop_glued_to_a_name_ends_its_sentence():
    par = "The men were Tom Berg and Ana Lund.The court said that both had admitted their guilt.Reporters waited."
    assert [par[a:b] for a, b in segment.split_sentences(par)] == [
        "The men were Tom Berg and Ana Lund.", "The court said that both had admitted their guilt.", "Reporters waited."]


@pytest.mark.parametrize("par", ["He uses Node.js daily at the quay.", "See Harbour.Com for the timetable.",
                                 "The model 01.AI was shown."])
def test_dotted_names_are_no_glued_boundary(par):
    assert len(segment.split_sentences(par)) == 1


def test_a_glued_sentence_after_a_name_gives_its_reported_speech(story):
    got = said(story, "The boat sank near the home of Tom Berg.The court said that the two men had admitted their "
                      "guilt.", kind="indirect")
    assert got == [("the two men ", "the court")]


# ----------------------------------------------------------------------------------------------
# direct quotes: who "he" is, and quotes that go on


GALE = "Rear Admiral Sasha Gale, the commander of the Harbour Guard, said his crews had searched all night."


def test_jr_after_a_comma_is_no_second_person():
    # a listed "Robin Cole Jr.": without the rule, "Jr" was a second person joined to Cole, Cole no antecedent,
    # and "he" went back to Gale, a wrong speaker
    st = acme_story(Actor("Robin Cole Jr.", "person", ("Robin Cole", "Cole")),
                    Actor("Sasha Gale", "person", ("Sasha Gale", "Gale")))
    got = said(st, GALE, "“The guard is not going away,” he said.",
               "Colonel Robin Cole, Jr., the head of the Harbour Police, echoed his statements.",
               "“The changing conditions have made it dangerous for the divers,” he said.")
    assert got == [("The guard is", "Sasha Gale"), ("The changing", "Robin Cole Jr.")]


def test_a_quote_paragraph_opening_with_low_marks_goes_on_with_the_speaker(story):
    got = said(story, "„I heard noises from the second floor,“ Ana Lund said.",
               "„Then people started fleeing from the stairs in all directions. I started the evacuation at once.“")
    assert got == [("I heard nois", "Ana Lund"), ("Then people ", "Ana Lund")]


# ----------------------------------------------------------------------------------------------
# partial quotes and participles of saying: whose clause the quote is in


def test_a_description_naming_another_person_leaves_the_name_the_speaker(story):
    got = said(story, 'Tom Berg, a harbour pilot and adviser to Mayor Ana Lund, called the storm "the worst in a '
                      'century," referring to the damage.')
    assert got == [("the worst in", "Tom Berg")]


def test_adding_after_an_inverted_attribution_is_the_same_speaker(story):
    got = said(story, '"The boat has been found. Now, we are moving toward it," said Harbour Guard chief Tom Berg, '
                      'adding "the situation is not good", as quoted by Harbour Radio.')
    assert got == [("The boat has", "Tom Berg"), ("the situatio", "Tom Berg")]


def test_stating_after_a_clause_that_opens_with_its_verb_is_the_subjects(story):
    got = said(story, 'Tom Berg, co-founder of Globex, commented to Harbour Radio, stating that the quay "performs as '
                      'well as, and in some cases better than, the old quays, but with a fraction of the cost."')
    assert got == [("performs as ", "Tom Berg")]


def test_adding_after_the_subjects_own_verb_phrase_stays_with_the_subject(story):
    got = said(story, 'Tom Berg posted on social media, adding that the quay was "a national disgrace".')
    assert got == [("a national d", "Tom Berg")]


def test_an_aside_of_what_the_subject_was_doing_is_no_part_of_it(story):
    got = said(story, "Acme, in summarizing the measures, recognizes “the disruption this issue has caused to "
                      "businesses. Our goal is to help customers.”")
    assert got == [("the disrupti", "Acme")]


# ----------------------------------------------------------------------------------------------
# headlines that end with their source


@pytest.mark.parametrize("headline", [
    "Harbour Storm a 'Wake-Up Call' for Port Firms, Tom Berg Says, After Record Losses",
    "Harbour storm a ‘wake-up call’ for port firms, Tom Berg says",
])
def test_a_headline_that_ends_with_its_source(story, headline):
    got = said(story, headline, "Tom Berg spoke on Monday.")
    assert [g[1] for g in got] == ["Tom Berg"]


def test_a_headline_source_with_a_one_word_object_and_a_dash(story):
    rows = extract.extract_article("a", "Daily", ["‘Failures’ in harbour planning may have hurt trust in the port, "
                                                  "Tom Berg tells inquiry – as it happened", "Tom Berg spoke on Monday."],
                                   story)
    assert [(r["kind"], r["quote"], r["speaker"]) for r in rows] == [("direct", "Failures", "Tom Berg")]
    # never "inquiry – as it happened" as a reported clause


def test_a_headline_without_a_verb_of_saying_cites(story):
    got = said(story, "Quay Reopens After ‘Hard Week’, Harbour Pilots Return", "The quay reopened.", kind="cited")
    assert got == [("Hard Week", None)]


# ----------------------------------------------------------------------------------------------
# asides between a subject and its verb; a quote in a second clause


def test_a_participle_aside_between_subject_and_verb(story):
    got = said(story, "Harbour pilots of the publication, citing anonymous sources, report that nine boats were detained "
                      "this week.", kind="indirect")
    assert got == [("nine boats w", "Harbour pilots of the publication")]


def test_an_adverb_aside_between_subject_and_verb(story):
    got = said(story, "Tom Berg, passionately and publicly declares that the path to the quay is unimpeded.",
               kind="indirect")
    assert got == [("the path to ", "Tom Berg")]


def test_a_quote_in_a_second_clause_leaves_the_first_clause_reported(story):
    par = 'Tom Berg said 133 bodies had been recovered from the water and doctors were "fighting for the lives of 107 people".'
    assert said(story, par, kind="indirect") == [("133 bodies h", "Tom Berg")]
    assert said(story, par) == [("fighting for", "Tom Berg")]
    # no second clause with a verb of its own before the quote: the clause goes on into the quote that ends it, reported
    # the marks and all (session 20, the evaluation guide's reading; before, the quote alone)
    assert said(story, 'Tom Berg said the quay and the pier were "fighting for the lives of 107 people".',
                kind="indirect") == [("the quay and", "Tom Berg")]


def test_and_with_a_verb_but_no_subject_keeps_the_clause_whole(story):
    # "and felt" goes on with the same subject: no second clause to cut at; the clause, quote and all, is reported
    # (session 20: a quote that ends the clause it goes on with is part of it) and the quote is her direct words
    par = 'Ana Lund said she did not consent to the move and felt "vulnerable and the victim of an aggression".'
    assert said(story, par, kind="indirect") == [("she did not ", "Ana Lund")]
    assert said(story, par) == [("vulnerable a", "Ana Lund")]


@pytest.mark.parametrize("sentence", [
    "Tom Berg told the council it would reopen the quay next week.",
    "Tom Berg told the jury yesterday it would reopen the quay next week.",
])
def test_the_one_told_is_no_part_of_the_clause(story, sentence):
    assert said(story, sentence, kind="indirect") == [("it would reo", "Tom Berg")]
