"""Who speaks, in shapes of news writing that no development story holds (issue 24, session 9): asides in
brackets inside the attribution, lists of speakers, a passive "was asked", a line that starts with the
"'s" of a name a link broke off, live-blog time lines between two quotes, and a pronoun after a paragraph
that names two people. Crafted sentences of the harbour town of the other speaker tests (Ana Ruiz, Tom
Berg, Acme, Globex, The Courier), each expectation checked by hand against the labelling guide
(data/eval/GUIDE.md); nothing here comes from an evaluation story. The last group pins shapes that were
already right (participle openers, "told" an outlet, nested and mixed quotation marks)."""
import pytest

from presslens.analyses.quotes import extract
from presslens.story.model import Actor
from presslens.text import segment

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story(Actor("Port Authority", "agency", ("Port Authority",)), Actor("Ana Ruiz", "person", ("Ana Ruiz", "Ruiz")))


def direct(story, *paragraphs):
    rows = extract.extract_article("a", "Daily", list(paragraphs), story)
    return [(r["quote"], r["speaker"]) for r in rows if r["kind"] == "direct"]


# ----------------------------------------------------------------------------------------------
# an aside in brackets is read around, never taken for the speaker or the verb


@pytest.mark.parametrize("paragraph, speaker", [
    ("“We have no comment on the plan,” a Globex spokesperson (who asked not to be named) said.", "a Globex spokesperson"),
    ("“We will rebuild the quay before the summer,” Ruiz (who took office in May) said.", "Ana Ruiz"),
    ("“We will rebuild the quay before the summer,” said Tom Berg (pictured), the harbour master.", "Tom Berg"),
    ("Tom Berg (Globex) said: “We have no comment on the mayor's plan at this stage.”", "Tom Berg"),
])
def test_an_aside_in_brackets_is_read_around(story, paragraph, speaker):
    [(_, got)] = direct(story, paragraph)
    assert got == speaker


# ----------------------------------------------------------------------------------------------
# a list of speakers: nobody alone says it (the convention of test_speakers_hard: not guessed)


@pytest.mark.parametrize("paragraph", [
    "“We will rebuild the quay before the summer,” Ana Ruiz, Tom Berg and Mary Jones said in a joint statement.",
    "“We will rebuild the quay,” Ruiz, Berg and Jones said.",
    "Both Ruiz and Berg said: “We will rebuild the quay before the summer.”",
    "“We will rebuild the quay,” both Ruiz and Jones said.",
])
def test_a_list_of_speakers_is_nobody_alone(story, paragraph):
    [(_, got)] = direct(story, paragraph)
    assert got is None


def test_a_name_with_and_inside_an_organisation_is_one_speaker(story):
    # "Strategic and Harbour Studies" is one institute's name, not a second person
    [(_, got)] = direct(story, "Tom Berg of the Institute for Strategic and Harbour Studies said, “The timing of the "
                               "plan is political, whatever the mayor says about the budget.”")
    assert got == "Tom Berg"


def test_an_apposition_is_still_read(story):
    # the list rule must not take away a description after the name
    [(_, got)] = direct(story, "“We will rebuild the quay,” Tom Berg, the harbour master, said.")
    assert got == "Tom Berg"


# ----------------------------------------------------------------------------------------------
# a description first, then the name in apposition: the name speaks; a headline's speaker


@pytest.mark.parametrize("paragraph, speaker", [
    ("“The quay will reopen in May,” said Ruiz's deputy, Tom Berg.", "Tom Berg"),
    ("“We are not to blame,” Globex's lawyer, Sara Kim, told reporters.", "Sara Kim"),
    ("“We are not to blame,” the company's lawyer, Sara Kim, said on Monday.", "Sara Kim"),
    # a name first keeps its description out ("a nurse" is no name)
    ("“We are not to blame,” Sara Kim, a lawyer for Globex, said.", "Sara Kim"),
])
def test_the_name_after_a_description_speaks(story, paragraph, speaker):
    [(_, got)] = direct(story, paragraph)
    assert got == speaker


@pytest.mark.parametrize("title", ["‘We will rebuild’: Ruiz vows to restore the quay",
                                   "‘We will rebuild,’ says Ruiz as the quay reopens"])
def test_a_headline_quote_and_its_speaker(story, title):
    rows = extract.extract_article("a", "Daily", [title, "The mayor spoke on Monday."], story)
    assert [(r["kind"], r["speaker"], r["speaker_text"]) for r in rows if r["kind"] != "indirect"] == \
        [("direct", "Ana Ruiz", "Ruiz")]


@pytest.mark.parametrize("title, speaker", [
    ("Port union boss: ‘I’m not going to quit’", "Port union boss"),
    ("Harbour master Tom Berg: “We will rebuild the quay before the summer.”", "Tom Berg"),
    # a kicker or a label before the colon is nobody
    ("Breaking news: “We will rebuild the quay before the summer.”", None),
    ("Key points: “We will rebuild the quay before the summer.”", None),
    ("The statement read: “We will rebuild the quay before the summer.”", None),
])
def test_a_headline_speaker_by_description(story, title, speaker):
    [(_, got)] = direct(story, title)
    assert got == speaker


# ----------------------------------------------------------------------------------------------
# a passive verb of asking: its subject is asked, and answers in the next quote


def test_the_one_asked_is_not_the_one_asking(story):
    rows = direct(story, "Ruiz was asked: “Will you resign over the collapse of the quay wall?”",
                  "“No, I will not resign,” she said.")
    assert rows == [("Will you resign over the collapse of the quay wall?", None), ("No, I will not resign,", "Ana Ruiz")]


def test_the_one_quoted_as_saying_is_the_speaker(story):
    # passive, but the subject speaks: "was quoted as saying:" then the quote as a paragraph of its own
    rows = direct(story, "A Port Authority official was quoted as saying:",
                  "“We do not believe the quay wall can be saved before the summer.”")
    assert rows == [("We do not believe the quay wall can be saved before the summer.", "a Port Authority official")]


# ----------------------------------------------------------------------------------------------
# a line that starts with the "'s" of a name a link broke off is narration, not an opening quote


@pytest.mark.parametrize("par", [
    "'s report on the storm damage was published on Monday and it said the quay was unsafe.",
    "’s chief executive told staff the quay would close for a month.",
])
def test_a_broken_off_possessive_opens_no_quote(story, par):
    assert segment.quote_spans(par).spans == []
    assert direct(story, "Jones told reporters the wall would hold.", par) == []


def test_a_quote_in_single_marks_still_opens(story):
    assert segment.quote_spans("Ruiz said: 'We will rebuild the quay before the summer.'").spans == [(12, 55)]


# ----------------------------------------------------------------------------------------------
# a live blog's time line opens a new entry: a bare quote after it does not go on with the last speaker


@pytest.mark.parametrize("line", ["10:42 GMT", "Updated 11:20 a.m.", "11:20 GMT — Globex responds", "Monday, 12 May 2024"])
def test_a_time_line_ends_the_chain(story, line):
    rows = direct(story, "“We will rebuild the quay before the summer,” Ruiz said.", line,
                  "“We have no comment on the mayor's plan at this stage of the talks.”")
    assert rows == [("We will rebuild the quay before the summer,", "Ana Ruiz"),
                    ("We have no comment on the mayor's plan at this stage of the talks.", None)]


def test_a_subhead_without_a_time_keeps_the_chain(story):
    # unchanged: a subhead or caption between two quotes of one speaker does not end the chain
    rows = direct(story, "“We will rebuild the quay before the summer,” Ruiz said.", "Reaction from the harbour",
                  "“The money is there and the workers are ready to start.”")
    assert [s for _, s in rows] == ["Ana Ruiz", "Ana Ruiz"]


# ----------------------------------------------------------------------------------------------
# a pronoun after a paragraph that names two people


def test_a_she_read_as_one_person_leaves_he_to_the_other(story):
    rows = direct(story, "Ana Ruiz met Tom Berg on Monday. She said the quay was safe.",
                  "“We have no comment on the plan,” he said.")
    assert rows == [("We have no comment on the plan,", "Tom Berg")]


# ----------------------------------------------------------------------------------------------
# shapes that were right already


@pytest.mark.parametrize("paragraphs, expected", [
    (["Calling the plan “a disgrace”, Ana Ruiz said the port would sue."], [("a disgrace", "Ana Ruiz")]),
    (["“We will not accept this,” Ruiz said, calling the plan a disgrace."], [("We will not accept this,", "Ana Ruiz")]),
    (["“We will rebuild the quay before the summer,” Ruiz told The Courier."],
     [("We will rebuild the quay before the summer,", "Ana Ruiz")]),
    (["“We have no comment on the plan,” Acme said in a statement to The Courier."],
     [("We have no comment on the plan,", "Acme")]),
    (["“They told us ‘the quay is safe’ and then it fell,” said Tom Berg, a fisherman."],
     [("They told us ‘the quay is safe’ and then it fell,", "Tom Berg"), ("the quay is safe", None)]),  # theirs, listed apart
    (["“We will rebuild the quay before the summer,\" Ruiz said."], [("We will rebuild the quay before the summer,", "Ana Ruiz")]),
    (["Asked whether Ruiz would resign, Berg said: “That is for her to decide, not me.”"],
     [("That is for her to decide, not me.", "Berg")]),
])
def test_shapes_already_read_right(story, paragraphs, expected):
    assert direct(story, *paragraphs) == expected


# ----------------------------------------------------------------------------------------------
# spans: one mark shape for both ends (”...”, as Swedish and Finnish print it), over paragraphs too


@pytest.mark.parametrize("par, inside", [
    ("”We will rebuild the quay,” Ruiz said.", ["We will rebuild the quay,"]),
    ("Ruiz said: ”We will rebuild the quay.” Then she left.", ["We will rebuild the quay."]),
    # a closing mark glued to the next word while a quote is open still closes it
    ("Ruiz said: “I will defend myself in court, ”she said then.", ["I will defend myself in court, "]),
])
def test_a_closing_shape_that_opens(par, inside):
    assert [par[a:b] for a, b in segment.quote_spans(par).spans] == inside


def test_a_quote_in_one_mark_shape_runs_over_paragraphs(story):
    rows = direct(story, "”We will rebuild the quay before the summer,” Ruiz said. ”The money is there.",
                  "”The workers are ready to start on Monday and we will not wait.”")
    assert rows == [("We will rebuild the quay before the summer,", "Ana Ruiz"), ("The money is there.", "Ana Ruiz"),
                    ("The workers are ready to start on Monday and we will not wait.", "Ana Ruiz")]


# ----------------------------------------------------------------------------------------------
# reported speech: a request is no statement; the listener of "told" is not part of what was told


def reported(story, *paragraphs):
    rows = extract.extract_article("a", "Daily", list(paragraphs), story)
    return [(r["quote"], r["speaker"]) for r in rows if r["kind"] == "indirect"]


@pytest.mark.parametrize("sentence", [
    "Ruiz urged residents to stay inside until the storm passed.",
    "Ruiz asked the council to approve the plan on Monday.",
    "Ruiz told reporters to expect delays at the quay in May.",
])
def test_a_request_is_no_statement(story, sentence):
    assert reported(story, sentence) == []


def test_a_request_after_a_statement_is_dropped_but_the_statement_kept(story):
    assert reported(story, "Acme said in a post that the port was closing, and it warned residents in the area to "
                           "remain calm until the storm passed.") == [("the port was closing", "Acme")]


@pytest.mark.parametrize("sentence, clause", [
    ("Ruiz warned the storm was going to hit the quay on Monday.", "the storm was going to hit the quay on Monday"),
    ("Ruiz said the plan to rebuild the quay was dead.", "the plan to rebuild the quay was dead"),
    ("Ruiz told reporters the quay would reopen in May.", "the quay would reopen in May"),
    ("Ruiz told him she would not resign over the collapse.", "she would not resign over the collapse"),
])
def test_a_statement_keeps_its_words(story, sentence, clause):
    assert reported(story, sentence) == [(clause, "Ana Ruiz")]


def test_a_that_clause_after_a_directive_verb_is_a_statement(story):
    # "to" inside the clause told ("requires customers to be approved") asks nobody to act
    assert reported(story, "A Globex spokesperson told The Courier that the company requires all customers to be "
                           "approved for access.") == [("the company requires all customers to be approved for access",
                                                        "a Globex spokesperson")]


@pytest.mark.parametrize("sentence, clause", [
    # where the writer names the source of the sentence, the reported words have ended
    ("Ruiz said the wall could fall again within a year, according to The Courier.",
     "the wall could fall again within a year"),
    # the listener of "told" with a title and its dot is not part of what was told
    ("Ruiz told Dr. Berg the wall could fall again within a year.", "the wall could fall again within a year"),
])
def test_the_reported_words_end_where_the_writer_takes_over(story, sentence, clause):
    assert reported(story, sentence) == [(clause, "Ana Ruiz")]


@pytest.mark.parametrize("sentence, expected", [
    # an object relative: the subject of the reporting verb is after "that"; a reflexive is no part of the name
    ("A compromise that Ruiz herself said on Monday that the council would back.",
     [("the council would back", "Ana Ruiz")]),
    # a relative clause with a verb of its own: its head stays the subject (not "Globex published")
    ("The report that Globex published said the wall was too low.",
     [("the wall was too low", "the report that Globex published")]),
])
def test_the_subject_after_an_object_relative(story, sentence, expected):
    assert reported(story, sentence) == expected
