"""Reported speech a reader finds and presslens missed (issue 24, helper 24e): shapes grouped by what a
reader uses to decide, each a crafted sentence of the harbour town of the other speaker tests (Ana Ruiz,
Tom Berg, Acme, Globex, The Courier), checked by hand against the labelling guide (data/eval/GUIDE.md);
nothing here comes from an evaluation story."""
import pytest

from presslens.analyses.quotes import extract
from presslens.story.model import Actor

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story(Actor("Port Authority", "agency", ("Port Authority",)), Actor("Ana Ruiz", "person", ("Ana Ruiz", "Ruiz")))


def reported(story, *paragraphs):
    rows = extract.extract_article("a", "Daily", list(paragraphs), story)
    return [(r["quote"], r["speaker"]) for r in rows if r["kind"] == "indirect"]


# ----------------------------------------------------------------------------------------------
# the source after the words: "state" before a noun is the noun's modifier, not a verb of saying


@pytest.mark.parametrize("sentence, clause, speaker", [
    ("The harbour wall collapsed shortly after midnight, state media reported.",
     "The harbour wall collapsed shortly after midnight", "state media"),
    ("The harbour wall collapsed shortly after midnight, according to the state broadcaster.",
     "The harbour wall collapsed shortly after midnight", "the state broadcaster"),
])
def test_state_media_after_the_words_is_the_source(story, sentence, clause, speaker):
    assert reported(story, sentence) == [(clause, speaker)]


# ----------------------------------------------------------------------------------------------
# a source nobody listed, read from the frame: a newsroom (acronym, web name, wire agency, "X news
# agency", a single name that reports) or a description as written


@pytest.mark.parametrize("sentence, clause, speaker", [
    ("The quay will stay closed until Friday, HTV reported.", "The quay will stay closed until Friday", "HTV"),
    ("The quay will stay closed until Friday, according to the HBC.", "The quay will stay closed until Friday", "the HBC"),
    ("The quay will stay closed until Friday, Harbourline.net reported.", "The quay will stay closed until Friday",
     "Harbourline.net"),
    ("The quay will stay closed until Friday, Reuters reported.", "The quay will stay closed until Friday", "Reuters"),
    ("The quay will stay closed until Friday, Selby news agency reported.", "The quay will stay closed until Friday",
     "Selby news agency"),
    ("The quay will stay closed until Friday, as reported by Harbourwire.", "The quay will stay closed until Friday",
     "Harbourwire"),
    ("The young man said the water rose faster than anyone expected.", "the water rose faster than anyone expected",
     "the young man"),
    ("Selby's mayor says the city can pay for the new wall.", "the city can pay for the new wall", "Selby's mayor"),
])
def test_a_source_nobody_listed_is_read_from_the_frame(story, sentence, clause, speaker):
    assert reported(story, sentence) == [(clause, speaker)]


@pytest.mark.parametrize("sentence", [
    # a single capitalised word with "said" is no newsroom (it may be anyone, or a place): not guessed
    "The quay will stay closed until Friday, Harbourwire said.",
    # a day is nobody
    "The quay will stay closed until the storm passes, Friday reported.",
])
def test_a_single_name_that_does_not_report_is_not_guessed(story, sentence):
    assert reported(story, sentence) == []


def test_the_nearer_of_two_sources_spoke_the_words(story):
    # the newsroom reports what Acme said: the words are Acme's
    assert reported(story, "The quay will stay closed until Friday, Acme said in a post on Saturday, HTV reported.") == \
        [("The quay will stay closed until Friday", "Acme")]


# ----------------------------------------------------------------------------------------------
# the sentence's subject, read past what stands between it and the verb of saying: a description in
# commas, a first verb phrase ("... and said"), or a participle after the first verb (", saying ...")


@pytest.mark.parametrize("sentence, clause, speaker", [
    # a description in commas, a relative clause in commas, an aside ("however")
    ("Tom Berg, the harbour master of Selby since 2019, announced that the quay would reopen in May.",
     "the quay would reopen in May", "Tom Berg"),
    ("Residents, who had waited for hours at the gate, said the water had reached the second floor.",
     "the water had reached the second floor", "Residents"),
    # an opening phrase, then a title with its name in commas
    ("In the evening, the port's director, Tom Berg, explained that the crane had failed twice.",
     "the crane had failed twice", "Tom Berg"),
    # a first verb phrase of the same subject, then "and" or "but" and the verb of saying
    ("Ruiz called the collapse “a disgrace” and said the builders would be held to account.",
     "the builders would be held to account", "Ana Ruiz"),
    ("Acme apologised for the delay, thanked its customers and said its team was working on a fix.",
     "its team was working on a fix", "Acme"),
    ("Officials have not named the victims but said they were all from Selby.", "they were all from Selby", "Officials"),
])
def test_the_subject_read_past_a_description_or_a_first_verb(story, sentence, clause, speaker):
    assert reported(story, sentence) == [(clause, speaker)]


@pytest.mark.parametrize("sentence, clause, speaker", [
    ("Ruiz sent a message to the crews, saying the wall would be rebuilt within a year.",
     "the wall would be rebuilt within a year", "Ana Ruiz"),
    ("Ruiz has vowed to rebuild the quay, saying four cranes had been ordered already.",
     "four cranes had been ordered already", "Ana Ruiz"),
    ("Tom Berg, the harbour master, thanked the crews, stating that nobody had been hurt in the night.",
     "nobody had been hurt in the night", "Tom Berg"),
    ("Ruiz, however, struck a hopeful note, suggesting Selby could be rebuilt by the summer.",
     "Selby could be rebuilt by the summer", "Ana Ruiz"),
    ("“We did what we could,” the young man said, confirming that he was the last to leave the quay.",
     "he was the last to leave the quay", "the young man"),
])
def test_a_participle_of_saying_speaks_for_the_sentences_subject(story, sentence, clause, speaker):
    assert [r for r in reported(story, sentence) if r[0] == clause] == [(clause, speaker)]


@pytest.mark.parametrize("sentence", [
    # a noun after the participle, not a clause
    "Ruiz has called for help from the capital, announcing a relief fund that will pay for the new wall.",
    # a document described, not quoted
    "The declaration calls for a swift response from every port, emphasizing that Selby cannot wait any longer.",
    # the words after "and said" are the speaker's own, in single marks
    "Ruiz thanked the crews and said ‘It was not an attack. It was the storm.’",
    # a second verb with a noun: no clause ("the town's continued growth": "continued" is no verb here)
    "Ruiz praised the crews and maintained the town's continued growth as her aim.",
    # "told X" after the words: X is the one told, not the teller
    "Tom Berg, the harbour master, told HTV.",
    # a thing is no speaker, whatever the verb
    "The storm claimed the lives of nine people in the harbour town.",
])
def test_what_reads_as_no_statement_stays_out(story, sentence):
    assert reported(story, sentence) == []


@pytest.mark.parametrize("sentence, clause", [
    ("Ruiz said the wall could fall again within a year, the report added.", "the wall could fall again within a year"),
    ("Ruiz said the quay had been cleared, claiming to have seen it herself.", "the quay had been cleared"),
])
def test_a_source_or_a_participle_of_the_writer_ends_the_words(story, sentence, clause):
    assert reported(story, sentence) == [(clause, "Ana Ruiz")]


def test_a_subject_that_reports_inside_an_outer_source_keeps_the_words(story):
    # the newsroom reports what Ruiz announced: Ruiz speaks
    assert reported(story, "Ruiz announced on Tuesday that the quay will reopen in May, HTV reported.") == \
        [("the quay will reopen in May", "Ana Ruiz")]


@pytest.mark.parametrize("sentence, clause", [
    # "as" with a new subject after a comma: the writer's own circumstance
    ("Ruiz said the quay would close for the weekend, as the harbour police said they were adding patrols.",
     "the quay would close for the weekend"),
])
def test_the_writers_circumstance_ends_the_words(story, sentence, clause):
    assert reported(story, sentence)[0] == (clause, "Ana Ruiz")


@pytest.mark.parametrize("sentence, clause, speaker", [
    ("The quay reopened shortly after Acme said it had repaired the crane.", "it had repaired the crane", "Acme"),
    ("The fees rose after the Port Authority announced that the dredging would cost more than planned.",
     "the dredging would cost more than planned", "Port Authority"),
])
def test_a_statement_inside_a_clause_of_time(story, sentence, clause, speaker):
    assert reported(story, sentence) == [(clause, speaker)]


@pytest.mark.parametrize("sentence, clause, speaker", [
    # a live blog's time line is when, not who
    ("08:42.- Ruiz assures that the quay will reopen before the summer.", "the quay will reopen before the summer",
     "Ana Ruiz"),
    ("14:05 GMT - Acme said it had repaired the crane overnight.", "it had repaired the crane overnight", "Acme"),
    # "believe" and "assure", assertives of the published lists (reporting_verbs.yaml, version 5)
    ("Scientists believe the wall can be rebuilt within a year.", "the wall can be rebuilt within a year", "Scientists"),
])
def test_a_time_line_and_the_assertive_verbs(story, sentence, clause, speaker):
    assert reported(story, sentence) == [(clause, speaker)]


@pytest.mark.parametrize("sentence, expected", [
    # a second clause with its own subject after "and"
    ("Crews worked through the night and the Port Authority said the quay would reopen on Monday.",
     [("the quay would reopen on Monday", "Port Authority")]),
    # two subjects of one verb: neither alone said it (not "the Port Authority" alone)
    ("The harbour police and the Port Authority said the quay would reopen on Monday.", []),
    # "told her" after the words: the teller is before the verb
    ("The water was rising fast, the harbour master told her.", [("The water was rising fast", "the harbour master")]),
    # "at least" opens the words, not an occasion ("said at a press conference")
    ("Acme said at least 20 cranes had been damaged by the storm.", [("at least 20 cranes had been damaged by the storm", "Acme")]),
])
def test_a_second_subject_a_pronoun_listener_and_at_least(story, sentence, expected):
    assert reported(story, sentence) == expected


@pytest.mark.parametrize("sentence, clause", [
    # "but the ...", "but they ..." go on with the same report
    ("Ruiz said four cranes had been repaired, but the storm had damaged two more.",
     "four cranes had been repaired, but the storm had damaged two more"),
    ("Ruiz said the crews were searching the harbour, but they had not found the boat yet.",
     "the crews were searching the harbour, but they had not found the boat yet"),
])
def test_but_the_and_but_they_go_on_with_the_report(story, sentence, clause):
    assert reported(story, sentence) == [(clause, "Ana Ruiz")]

