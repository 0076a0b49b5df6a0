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


# ----------------------------------------------------------------------------------------------
# what is no subject of a verb of saying: a relative clause's pronoun ("a firm that said": its subject is
# the antecedent), the complementiser after an inverted verb (", stated that Globex"), a run with a verb
# in it; and a second verb after "and" speaks for the nearest subject before it


@pytest.mark.parametrize("sentence", [
    "The storm hit Selby on Friday, a record-breaking storm that has claimed at least 27 lives and left thousands without water.",
    "The storm hit Selby on Friday, Storm Ada, a record-breaking storm that has claimed at least 27 lives and left "
    "thousands without water.",
])
def test_a_relative_pronoun_is_no_speaker(story, sentence):
    assert all(not (spk or "").endswith("that") for _, spk in reported(story, sentence))
    assert reported(story, sentence) == []


def test_a_relative_clause_of_saying_speaks_for_the_name_it_describes(story):
    # "a harbour firm that said": the firm is Globex, named before its description
    assert reported(story, "At the heart of the disruption is Globex, a harbour firm that said the problem occurred "
                           "when it deployed a faulty update.") == \
        [("the problem occurred when it deployed a faulty update", "Globex")]


def test_the_complementiser_after_an_inverted_verb_is_no_source(story):
    # the comma after the aside hides the subject: the words after "stated that" are Tom Berg's, never "that Globex"'s
    assert reported(story, "Ferry pilot Tom Berg, in his statement on the subject, stated that Globex, which runs the "
                           "quay, stopped answering calls.") == \
        [("Globex, which runs the quay, stopped answering calls", "Tom Berg")]


def test_a_participle_speaks_for_a_subject_without_a_verb_in_it(story):
    # "floods" is no verb: the residents, not "Residents in Selby began reporting", are the source
    got = [(r["quote"], r["speaker_text"]) for r in rows(
        story, "Residents in Selby began reporting floods early on Friday, stating they had been cut off from the town.")
        if r["kind"] == "indirect"]
    assert got == [("they had been cut off from the town", "Residents in Selby")]


@pytest.mark.parametrize("sentence, clause, speaker", [
    # a second subject after the comma: the second verb is hers
    ("Tom Berg then apologised on Monday, however, Ruiz refused repeated requests to appear in the video and "
     "later confirmed that she would sue the council.", "she would sue the council", "Ana Ruiz"),
    # the same subject, through a verb phrase and a list of acts ("thanked them" has no subject of its own)
    ("In a statement, Acme also apologized for the delay, thanked them for their patience and said its team is "
     "working to fix the quay.", "its team is working to fix the quay", "Acme"),
    ("Officials have not named the divers, but said they were all volunteers.", "they were all volunteers", "Officials"),
    ("Ruiz said that the quay, which was closed, would reopen and added that the ferry would run.",
     "the quay, which was closed, would reopen", "Ana Ruiz"),
])
def test_a_second_verb_speaks_for_the_nearest_subject(story, sentence, clause, speaker):
    assert reported(story, sentence)[0] == (clause, speaker)
    assert all(spk == speaker for _, spk in reported(story, sentence))


def test_the_who_is_an_organisation_not_a_relative_pronoun(story):
    assert reported(story, "The quay will reopen in May, according to the WHO.") == \
        [("The quay will reopen in May", "the WHO")]


# ----------------------------------------------------------------------------------------------
# documents as sources: a text whose author is named speaks as written ("a report by ..."), a figure or
# a document nobody is named for is content; a document is never its signer's voice


@pytest.mark.parametrize("sentence, clause, speaker", [
    ("According to a report by The Courier, the harbour wall did not really suffer so much.",
     "the harbour wall did not really suffer so much", "a report by The Courier"),
    ("The quay sank by a metre, according to a report from the Port Authority.", "The quay sank by a metre",
     "a report from the Port Authority"),
    # whom the report cites opens the words it gives, and is no part of them
    ("According to a report by The Courier, citing harbour analysis company Globex, the storm not only flooded "
     "the quay but also closed the ferry.", "the storm not only flooded the quay but also closed the ferry",
     "a report by The Courier"),
    # the statement speaks, not the person who signed it
    ("The statement, signed by Ruiz, said the quay would stay closed.", "the quay would stay closed", "the statement"),
])
def test_a_text_with_its_author_named_speaks_as_written(story, sentence, clause, speaker):
    assert [(q, r) for q, r in ((r["quote"], r["speaker"]) for r in rows(story, sentence)
                                if r["kind"] == "indirect")] == [(clause, speaker)]


@pytest.mark.parametrize("sentence", [
    "According to figures compiled by Acme, the harbour lost 300 jobs.",
    "According to documents seen by the Courier, the harbour lost 300 jobs.",
    "According to reports, the harbour lost 300 jobs.",
])
def test_figures_and_unattributed_documents_are_no_voice(story, sentence):
    assert reported(story, sentence) == []


# ----------------------------------------------------------------------------------------------
# a short quote inside a participle phrase that opens its sentence is the main clause subject's


def direct(story, *paragraphs):
    return [(r["quote"], r["speaker"], r["verb"]) for r in rows(story, *paragraphs) if r["kind"] == "direct"]


@pytest.mark.parametrize("sentence, quote, speaker", [
    ('Calling Ruiz an "outstanding mayor" for serving her town, Tom Berg said that she made an invaluable '
     'contribution to the harbour.', "outstanding mayor", "Tom Berg"),
    ('Describing the storm as “the worst in a century” in a post on Sunday, the Port Authority said the quay '
     'would stay shut.', "the worst in a century", "Port Authority"),
])
def test_an_opening_participle_speaks_for_the_main_subject(story, sentence, quote, speaker):
    assert [(q, spk) for q, spk, _ in direct(story, sentence)] == [(quote, speaker)]


def test_an_opening_participle_with_an_unnamed_subject_is_not_guessed(story):
    # "a resident" is anonymous: the quote is not given to the last person named
    got = direct(story, "Ruiz visited the quay.", 'Calling the storm "a monster" in a post, a resident said the quay '
                                                  'would stay shut.')
    assert all(spk != "Ana Ruiz" for _, spk, _ in got)


# ----------------------------------------------------------------------------------------------
# nested sources of a direct quote: a subject with its verb of saying nearer the words than "according to X"


@pytest.mark.parametrize("sentence, quote, speaker", [
    ("Ruiz called the storm “a great loss to the harbour and the town”, according to the Courier.",
     "a great loss to the harbour and the town", "Ana Ruiz"),
    ("According to the skipper, Acme told its crews that “the gates will stay shut until Monday”.",
     "the gates will stay shut until Monday", "Acme"),
    # no nearer source: "according to" gives it
    ("“The gates will stay shut until Monday”, according to the Courier.", "The gates will stay shut until Monday",
     "The Courier"),
])
def test_the_nearer_source_of_a_direct_quote_speaks(story, sentence, quote, speaker):
    assert [(q, spk) for q, spk, _ in direct(story, sentence)] == [(quote, speaker)]


# ----------------------------------------------------------------------------------------------
# a verb of saying with a bare noun after it and no verb: an act, not a clause


@pytest.mark.parametrize("sentence", [
    "Globex claimed responsibility for the fire on the north quay.",
    "Acme claimed victory in the long dispute over the harbour.",
])
def test_a_bare_noun_after_a_verb_of_saying_is_no_clause(story, sentence):
    assert reported(story, sentence) == []


@pytest.mark.parametrize("sentence, clause", [
    ("Ruiz said crews would work through the night.", "crews would work through the night"),
    ("Ruiz claimed the crews ignored the warnings.", "the crews ignored the warnings"),
    ("Ruiz said Selby doesn't rely on the ferry for its daily supplies.", "Selby doesn't rely on the ferry for its daily supplies"),
])
def test_a_clause_with_its_verb_is_still_read(story, sentence, clause):
    assert reported(story, sentence) == [(clause, "Ana Ruiz")]


# ----------------------------------------------------------------------------------------------
# a comma between the verb and "that" (translated text) changes nothing a reader reads


@pytest.mark.parametrize("paragraphs, clause", [
    (["Ruiz met the crews.", "Furthermore, she also declared, that the update contained a fault in it."],
     "the update contained a fault in it"),
    (["However, Ruiz also warned, that it will take a while to get the ferry back on its track."],
     "it will take a while to get the ferry back on its track"),
])
def test_a_comma_before_that_keeps_the_statement(story, paragraphs, clause):
    assert reported(story, *paragraphs) == [(clause, "Ana Ruiz")]


def test_that_is_after_a_comma_is_no_clause(story):
    assert reported(story, "Ruiz said, that is, the council said, nothing.") == []


# ----------------------------------------------------------------------------------------------
# a participle after a quote and its source speaks for that source, whatever the verb of saying


def test_a_participle_after_a_quote_speaks_for_the_quotes_source(story):
    got = reported(story, "“A mayor can give a hug, but she must act in a more diplomatic way”, Ruiz commented, "
                          "explaining that she was ready to defend her own record.")
    assert got == [("she was ready to defend her own record", "Ana Ruiz")]


# ----------------------------------------------------------------------------------------------
# a first name alone, introduced in its sentence as a person, is the source of its reported speech


@pytest.mark.parametrize("sentence, clause, speaker", [
    ("Jeff, a 65-year-old Canadian in Selby, said he was worrying about the water.", "he was worrying about the water",
     "Jeff"),
    ("Maria, a nurse at the harbour clinic, said the ward had run out of beds.", "the ward had run out of beds", "Maria"),
    ("Tom, a retired fisherman, said the quay had never flooded before.", "the quay had never flooded before", "Tom"),
])
def test_a_first_name_introduced_as_a_person_speaks(story, sentence, clause, speaker):
    assert reported(story, sentence) == [(clause, speaker)]


@pytest.mark.parametrize("sentence", [
    "Harbourwire, a news site in Selby, said the ward had run out of beds.",  # no person
    "Selby, a town of 5,000 residents, said the ward had run out of beds.",   # a place, whatever it holds
])
def test_a_single_name_described_as_no_person_is_not_guessed(story, sentence):
    assert reported(story, sentence) == []


# ----------------------------------------------------------------------------------------------
# where and when before "that" ("wrote in a paper last month that"): the "that" opens the words, for every verb


@pytest.mark.parametrize("paragraphs, clause, speaker", [
    (["Gate news", "Researchers from Acme wrote in a paper last month that the new gate used cheaper steel."],
     "the new gate used cheaper steel", "Researchers from Acme"),
    (["Gate news", "Acme said in a statement last month that the new gate used cheaper steel."],
     "the new gate used cheaper steel", "Acme"),
])
def test_that_after_where_and_when_opens_the_words(story, paragraphs, clause, speaker):
    assert reported(story, *paragraphs) == [(clause, speaker)]
