"""Who speaks, by the grammar a reader uses (issue 24, session 9, second helper, on the three development
stories added this morning): a participle after a quote is no inverted verb ('"a farce," saying the port
had been sold'), abbreviated titles before a name end no sentence ("Rear Adm. Tom Berg said"), a place's
region in apposition is no person ("in Lagos, Harbour Oblast."), and the object of "of" described in
commas is not the subject of the verb after the description. Crafted sentences of the harbour town of the
other speaker tests (Ana Ruiz, Tom Berg, Acme, Globex), each expectation checked by hand against the
labelling guide (data/eval/GUIDE.md); nothing here comes from an evaluation story."""
import pytest

from presslens.analyses.quotes import extract
from presslens.text import segment

from .test_speakers_shapes import direct, story  # noqa: F401 (the harbour story fixture and its reader)


# ----------------------------------------------------------------------------------------------
# one quote, one speaker, by grammar: a participle after a quote does not invert its subject (what follows
# it is a clause; the speaker is the subject before the quote); an abbreviated title (the AP list) is not
# part of the name and its full stop ends no sentence


@pytest.mark.parametrize("paragraph, speaker", [
    ("Mayor Ana Ruiz has vowed to punish those behind the “reckless attack”, saying two crew members of Globex had "
     "been arrested.", "Ana Ruiz"),
    ("Tom Berg condemned the “shameful decision,” adding three more Globex ships would leave the port.", "Tom Berg"),
    ("“We will rebuild the quay before the summer,” said Tom Berg, the harbour master.", "Tom Berg"),  # finite: inverted
    ("“We do not expect to find anyone else on the quay tonight,” Rear Adm. Tom Berg said.", "Tom Berg"),
    ("“We do not expect to find anyone else on the quay tonight,” Det. Sgt. Tom Berg added.", "Tom Berg"),
    ("“We do not expect to find anyone else on the quay tonight,” said Maj. Gen. Tom Berg.", "Tom Berg"),
    ("Brig. Gen. Tom Berg told reporters: “We do not expect to find anyone else on the quay tonight.”", "Tom Berg"),
])
def test_one_quote_one_speaker_by_grammar(story, paragraph, speaker):  # noqa: F811
    assert [who for _, who in direct(story, paragraph)] == [speaker]


def test_an_abbreviated_title_ends_no_sentence():
    par = "The search was called off at dusk, Rear Adm. Tom Berg said. Divers will return on Monday."
    assert [par[a:b].strip() for a, b in segment.split_sentences(par)] == [
        "The search was called off at dusk, Rear Adm. Tom Berg said.", "Divers will return on Monday."]


# ----------------------------------------------------------------------------------------------
# "he" after a place's region in apposition: the region is no person


def test_a_region_in_apposition_is_no_antecedent(story):  # noqa: F811
    got = direct(story,
                 "Tom Berg, 15, a cloakroom worker, led a hundred people out of the hall.",
                 "Five people were hurt on Friday when the roof fell in at the Acme Hall in Portby, Lower Harbour.",
                 "“I heard a noise from the first floor and told everyone to run towards the exit,” he said.")
    assert got == [("I heard a noise from the first floor and told everyone to run towards the exit,", "Tom Berg")]


def test_a_person_after_a_place_and_a_comma_who_speaks_is_still_a_person(story):  # noqa: F811
    got = direct(story, "In Portby, Tom Berg said the quay would reopen.",
                 "“We will rebuild it before the summer,” he said.")
    assert got == [("We will rebuild it before the summer,", "Tom Berg")]


# ----------------------------------------------------------------------------------------------
# the object of "of" or "for", described in commas, is not the subject of the verb after the description


def test_the_object_of_a_preposition_described_in_commas_is_no_subject(story):  # noqa: F811
    got = direct(story, "The quay is the busiest on the coast, Tom Berg, chief executive of the Alliance for Harbour "
                        "Shipping, a group of ship owners, told the radio. The cost is a “key question,” he added.")
    assert got == [("key question,", "Tom Berg")]


def test_a_name_after_a_title_with_for_still_speaks(story):  # noqa: F811
    # "Director for Harbour Mary Jones said": the title ends with its portfolio, the name after it speaks
    got = direct(story, "Acme Regional Director for Harbour Mary Jones said the work was under way.",
                 "“We are scaling up our work on the quay,” she said.")
    [(_, who)] = got
    assert who.endswith("Mary Jones")  # (the portfolio word stays on the name: "Harbour Mary Jones", a known gap)


# ----------------------------------------------------------------------------------------------
# a speaker the story never names, described in the attribution after the quote: as the text words it;
# the anonymity formula ("who asked not to be named") is read around, as an aside in brackets is


@pytest.mark.parametrize("paragraph, speaker, kind", [
    ("“The water rose faster than anyone expected,” the teen said, adding that he left last.", "the teen", "role"),
    ("“The court grants the request of the prosecutor,” a judge said.", "a judge", "anonymous"),
    ("“Four workers of the crew are still missing tonight,” the consulate said in a statement.", "the consulate", "role"),
    ("“I ran to the exit with everyone I could find,” the young cloakroom attendant told the radio.",
     "the young cloakroom attendant", "role"),
    ("“There were loud bangs behind us, then smoke,” one witness, who asked not to be identified by name, told the radio.",
     "one witness", "anonymous"),
    ("“There were loud bangs behind us, then smoke,” one witness who asked not to be named told the radio.",
     "one witness", "anonymous"),
    ("“There were loud bangs behind us, then smoke,” a dock worker, who spoke on condition of anonymity, said.",
     "a dock worker", "anonymous"),
])
def test_a_described_speaker_after_the_quote_as_written(story, paragraph, speaker, kind):  # noqa: F811
    rows = [r for r in extract.extract_article("a", "Daily", [paragraph], story) if r["kind"] == "direct"]
    assert [(r["speaker"], r["speaker_kind"]) for r in rows] == [(speaker, kind)]

