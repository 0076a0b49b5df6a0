"""Who speaks, the hard cases (issue 24): the source after the words (cataphora), collective sources,
groups, nested quotes, quotes running over paragraphs or named in the next sentence, and reported
speech that must abstain. Crafted sentences of a harbour town (Acme, Globex, the Port Authority, Ana
Ruiz, Acme's spokesperson Mary Jones), each expectation checked by hand against the labelling guide
(data/eval/GUIDE.md): nothing here comes from an evaluation story."""
import pytest

from presslens.analyses.quotes import extract
from presslens.story.model import Actor

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story(Actor("Port Authority", "agency", ("Port Authority",)), Actor("Ana Ruiz", "person", ("Ana Ruiz", "Ruiz")))


def one(story, *paragraphs):
    return extract.extract_article("a", "Daily", list(paragraphs), story)


def reported(rows):
    return [(r["quote"], r["speaker"], r["verb"]) for r in rows if r["kind"] == "indirect"]


def direct(rows):
    return [(r["quote"], r["speaker"]) for r in rows if r["kind"] == "direct"]


# ----------------------------------------------------------------------------------------------
# the source after the reported words


@pytest.mark.parametrize("sentence, clause, speaker, verb", [
    ("The harbour wall collapsed overnight after three days of rain, the Port Authority said.",
     "The harbour wall collapsed overnight after three days of rain", "Port Authority", "said"),
    ("The ferry will resume service on Friday, Globex said in a statement on Tuesday.",
     "The ferry will resume service on Friday", "Globex", "said"),
    ("The ferry will resume service on Friday, said Mary Jones, Acme's spokesperson.",
     "The ferry will resume service on Friday", "Mary Jones", "said"),
    ("Two cranes were damaged in the storm, Acme told The Courier.", "Two cranes were damaged in the storm", "Acme", "told"),
    ("The quay will reopen next week, according to Globex.", "The quay will reopen next week", "Globex", "according to"),
    ("Repairs will cost about $4 million, according to Mary Jones, who leads the works.",
     "Repairs will cost about $4 million", "Mary Jones", "according to"),
    ("The wall was built too low for a storm of this size, Jones added.",
     "The wall was built too low for a storm of this size", "Mary Jones", "added"),
    # a title in apposition before the name belongs to the source, not to the words
    ("The storm has killed 12 people and left 30 missing, Governor of Harbour State, Ana Ruiz, said Wednesday.",
     "The storm has killed 12 people and left 30 missing", "Ana Ruiz", "said"),
    # "the governor of X" is the governor, never the place X
    ("The storm has killed 12 people in the region, the governor of Harbour State said on Sunday as the rain eased.",
     "The storm has killed 12 people in the region", "the governor of Harbour State", "said"),
    ("Most of the boats in the marina were insured, Harbour Daily reported.",
     "Most of the boats in the marina were insured", "Harbour Daily", "reported"),
    ("The fishermen had refused to leave their boats, their sister said.",
     "The fishermen had refused to leave their boats", "their sister", "said"),
    # "Gov." and "U.S." end no sentence: the source is still read to the end
    ("At least 46 people are dead and 58 missing, Harbour State Gov. Ana Ruiz said Wednesday.",
     "At least 46 people are dead and 58 missing", "Ana Ruiz", "said"),
])
def test_the_source_after_the_words(story, sentence, clause, speaker, verb):
    assert reported(one(story, sentence)) == [(clause, speaker, verb)]


@pytest.mark.parametrize("sentence, clause, speaker", [
    # a description in apposition that holds a title, without "the" or "a"
    ("Jane Doe, chief engineer of the Port Authority, said the new wall would be two metres higher.",
     "the new wall would be two metres higher", "Jane Doe"),
    # a dateline before the subject is nobody's name
    ("HARBOUR TOWN (Wire) — Officials in Harbour State said Monday that three ferries were lost in the storm.",
     "three ferries were lost in the storm", "Officials in Harbour State"),
    # a long subject: a title and then the name
    ("Harbour State Regional Director for Ports Ana Ruiz said the quay would reopen in May.",
     "the quay would reopen in May", "Ana Ruiz"),
    # "announced" takes a bare clause when a pronoun and its verb open it
    ("The Port Authority's director announced Wednesday he was closing the quay until the spring.",
     "he was closing the quay until the spring", "the Port Authority's director"),
])
def test_the_source_before_the_words_in_harder_frames(story, sentence, clause, speaker):
    assert [(q, s) for q, s, _ in reported(one(story, sentence))] == [(clause, speaker)]


def test_a_long_subject_without_a_name_at_its_end_is_not_read(story):
    assert reported(one(story, "The storm that hit the harbour town last week said to be the worst in decades.")) == []


def test_an_announcement_of_a_thing_is_no_reported_clause(story):
    assert reported(one(story, "Acme announced Wednesday a new ferry for the harbour and two new cranes.")) == []


# ----------------------------------------------------------------------------------------------
# collective sources: as the text says, never a person made of their modifiers


@pytest.mark.parametrize("sentence, speaker, kind", [
    ("Three trawlers sank at their moorings, local authorities said.", "local authorities", "role"),
    ("Three trawlers sank at their moorings, Harbour State officials said late on Monday.", "Harbour State officials", "role"),
    ("Two men were arrested near the quay, police said.", "police", "role"),
    ("Police said two men had been arrested near the quay.", "Police", "role"),
    ("Rescuers said the water was still rising in the lower town.", "Rescuers", "role"),
    ("The works will take at least two years, experts say.", "experts", "anonymous"),
    ("The harbour wall collapsed overnight after three days of rain, sources say.", "sources", "anonymous"),
    ("The wall will be rebuilt before winter, the ministry said in a statement.", "the ministry", "role"),
    ("Mexican authorities said the storm was the strongest on record.", "Mexican authorities", "role"),
    ("The harbour wall collapsed overnight, and residents said the water rose in minutes.", "residents", "anonymous"),
    ("The quake damaged more than 300 homes along the coast, seismologists said.", "seismologists", "anonymous"),
    ("The draft text was weakened overnight, negotiators said on Saturday.", "negotiators", "role"),
    ("Two more bodies were found under the rubble, firefighters told reporters.", "firefighters", "role"),
    ("The ruling on the harbour wall will be appealed, his lawyers said.", "his lawyers", "anonymous"),
    ("Turnout was higher than in the last election, the election commission said.", "the election commission", "role"),
    ("Voters said the economy was their main worry.", "Voters", "anonymous"),
])
def test_collective_sources_speak_as_the_text_names_them(story, sentence, speaker, kind):
    rows = [r for r in one(story, sentence) if r["kind"] == "indirect"]
    assert [(r["speaker"], r["speaker_kind"]) for r in rows] == [(speaker, kind)]


@pytest.mark.parametrize("par, speaker", [
    ("“We will rebuild,” officials said.", "officials"),
    ("“We will rebuild,” Mexican authorities said.", "Mexican authorities"),
    ("“We will rebuild,” Acme officials said.", "Acme officials"),
])
def test_a_collective_source_of_a_direct_quote(story, par, speaker):
    assert direct(one(story, par)) == [("We will rebuild,", speaker)]


# ----------------------------------------------------------------------------------------------
# groups: the group speaks, not its first member; two named people together are not guessed


@pytest.mark.parametrize("paragraphs, expected", [
    (["Ruiz and her deputies said the wall would be rebuilt before winter."],
     [("the wall would be rebuilt before winter", "Ruiz and her deputies", "said")]),
    (["The wall will be rebuilt before winter, Ruiz and her deputies said."],
     [("The wall will be rebuilt before winter", "Ruiz and her deputies", "said")]),
    (["Ruiz and Jones said the wall would be rebuilt before winter."], []),
    (["The wall will be rebuilt before winter, Ruiz and Jones said."], []),
    (["The wall will be rebuilt before winter, officials and residents said."], []),
])
def test_a_group_speaks_as_one_and_two_people_are_not_guessed(story, paragraphs, expected):
    assert reported(one(story, *paragraphs)) == expected


def test_a_group_speaks_a_direct_quote(story):
    assert direct(one(story, "“The wall will be rebuilt,” Ruiz and her deputies said.")) == \
        [("The wall will be rebuilt,", "Ruiz and her deputies")]


def test_a_group_speaks_its_partial_quotes(story):
    # "deputies" after "her" is a noun, not the sentence's verb: the group is the subject of both verbs
    rows = one(story, 'Ruiz and her deputies called for "a wall that will hold for a hundred years" and said they '
                      'would not wait for "the next storm".')
    assert direct(rows) == [("a wall that will hold for a hundred years", "Ruiz and her deputies"),
                            ("the next storm", "Ruiz and her deputies")]


# ----------------------------------------------------------------------------------------------
# nested quotes: the words belong to whoever the nearest verb reports


@pytest.mark.parametrize("par, quote, speaker", [
    ("Ruiz said the inspector had told her that “the wall will not hold another storm.”",
     "the wall will not hold another storm.", "the inspector"),
    ("Jones said Ruiz had told the council: “The wall will not hold another storm.”",
     "The wall will not hold another storm.", "Ana Ruiz"),
    # a quote inside a quote is part of the outer speaker's words
    ("“The inspector told me, ‘the wall will not hold another storm,’ and I believed him,” Ruiz said.",
     "The inspector told me, ‘the wall will not hold another storm,’ and I believed him,", "Ana Ruiz"),
])
def test_nested_attribution(story, par, quote, speaker):
    assert (quote, speaker) in direct(one(story, par))


def test_reported_speech_inside_a_quote_reports_nobody(story):
    rows = one(story, "“Acme said the quay would reopen in May, and it did not,” Ruiz said.")
    assert reported(rows) == [] and direct(rows)[0][1] == "Ana Ruiz"


# ----------------------------------------------------------------------------------------------
# quotes over paragraphs, and the speaker named after the quote


def test_a_quote_continued_over_paragraphs_takes_the_speaker_named_at_its_end(story):
    rows = one(story, "“We will rebuild the harbour wall before winter.", "“The money is already there.",
               "“The work starts in May,” Ruiz said.")
    assert [s for _, s in direct(rows)] == ["Ana Ruiz"] * 3


def test_a_closed_quote_does_not_take_the_next_paragraphs_speaker(story):
    rows = one(story, "“We will rebuild the harbour wall before winter.”", "“The work starts in May,” Ruiz said.")
    assert direct(rows) == [("We will rebuild the harbour wall before winter.", None), ("The work starts in May,", "Ana Ruiz")]


@pytest.mark.parametrize("paragraphs, speaker", [
    (["“We will rebuild the harbour wall before winter.”", "Ana Ruiz said this at the council on Monday."], "Ana Ruiz"),
    (["“We will rebuild the harbour wall before winter.” That was how Ruiz put it on Monday."], "Ana Ruiz"),
    (["“We will rebuild the harbour wall before winter.” Those were the words of Mary Jones."], "Mary Jones"),
    # a new statement about the quote is no attribution of it
    (["“We will rebuild the harbour wall before winter.” The council said this was too late."], None),
    (["“We will rebuild the harbour wall before winter.” The council said the plan came too late."], None),
])
def test_the_speaker_named_in_the_next_sentence(story, paragraphs, speaker):
    assert direct(one(story, *paragraphs))[0] == ("We will rebuild the harbour wall before winter.", speaker)


# ----------------------------------------------------------------------------------------------
# reported speech abstains when a reader could not say who speaks, or whether anyone does


@pytest.mark.parametrize("sentence", [
    "If the wall fails again, the town will sue, the mayor said.",  # a condition, not a statement
    "Did the harbour wall fail because it was built too low, residents asked.",  # a question
    "After the storm passed over the harbour town, officials said.",  # an opening phrase, not a clause
    "The wall failed, although engineers had warned for years that it was too low.",  # the writer's concession
    "The storm damaged two cranes and a warehouse, prompting Acme to close the quay.",  # an act, not words
    "The harbour wall collapsed overnight after three days of rain, a report by the Port Authority found.",
    "The harbour wall collapsed overnight after three days of rain, according to figures from the Port Authority.",
    "The harbour wall collapsed overnight after three days of rain, he said.",  # nobody for "he" to point to
    "The harbour wall collapsed overnight after three days of rain, they said.",
    "The harbour wall collapsed overnight after three days of rain, the Courier's live blog showed.",
    "Port workers said nothing about the collapse of the harbour wall.",
    "Jones declined to say whether the harbour wall would be rebuilt.",
    "Residents reported a smell near the plant for weeks after the storm.",  # a fact reported, not words
    "Harbour wall collapses after three days of rain, Acme says",  # a headline: no sentence read to its end
])
def test_reported_speech_abstains(story, sentence):
    assert reported(one(story, sentence)) == []


def test_a_concession_after_the_clause_is_not_a_second_source(story):
    assert reported(one(story, "Acme said the plant was safe, although residents reported a smell for weeks.")) == \
        [("the plant was safe", "Acme", "said")]


# ----------------------------------------------------------------------------------------------
# a statement through a participle: the sentence's subject speaks


@pytest.mark.parametrize("sentence, expected", [
    ("Ruiz thanked the crews on Monday, saying the wall would be rebuilt before winter.",
     [("the wall would be rebuilt before winter", "Ana Ruiz", "saying")]),
    ("Jones downplayed the damage, telling reporters there was nothing to worry about.",
     [("there was nothing to worry about", "Mary Jones", "telling")]),
    ("Acme closed the quay, stating that the cranes had been damaged in the storm.",
     [("the cranes had been damaged in the storm", "Acme", "stating")]),
    # the participle has a subject of its own, or takes no clause
    ("Many families left the town, with some saying they had lost everything.", []),
    ("Ruiz visited the quay, saying goodbye to the crews.", []),
])
def test_a_statement_through_a_participle(story, sentence, expected):
    assert reported(one(story, sentence)) == expected


# ----------------------------------------------------------------------------------------------
# where the reported clause ends: the writer's account of the act and the occasion is not the words


@pytest.mark.parametrize("sentence, clause", [
    ("Ruiz said the quay would reopen in May during a press conference at the town hall.", "the quay would reopen in May"),
    ("Ruiz said the quay would reopen in May before abruptly leaving the meeting.", "the quay would reopen in May"),
    ("Ruiz said the quay would reopen in May, a claim the dock workers strongly denied.", "the quay would reopen in May"),
    ("Ruiz said the quay would stay closed, but has now announced that it will reopen in May.", "the quay would stay closed"),
    ("Ruiz told the council, that the quay would reopen in May.", "the quay would reopen in May"),
])
def test_the_clause_ends_where_the_writer_takes_over(story, sentence, clause):
    assert reported(one(story, sentence))[0][:2] == (clause, "Ana Ruiz")


def test_opening_phrases_alone_are_no_reported_clause(story):
    rows = one(story, "Later, in a statement from her lawyer, she again insisted on her account of the storm.")
    assert reported(rows) == []


# ----------------------------------------------------------------------------------------------
# direct quotes: unnamed and described speakers


@pytest.mark.parametrize("par, speaker", [
    ("“We have lost everything,” a retired fisherman told reporters.", "a retired fisherman"),
    ("“The verdict is a sham,” the court's press service quoted the judge as saying.", "the judge"),
    ("“We will respect the result,” the party's chairman told supporters at a rally in the capital.", "the party's chairman"),
    ("“We have lost everything,” said one resident, who asked not to be named.", "one resident"),
    ("“The verdict is a sham,” his lawyer said in a statement.", "his lawyer"),
])
def test_a_described_speaker_as_the_text_gives_it(story, par, speaker):
    assert [s for _, s in direct(one(story, par))] == [speaker]


def test_a_whole_short_sentence_in_quotation_marks_is_words_not_a_term(story):
    rows = one(story, "Ruiz was blunt. “The deal is historic.”")
    assert [(r["kind"], r["speaker"]) for r in rows] == [("direct", None)]  # unattributed, never guessed


@pytest.mark.parametrize("paragraphs, expected", [
    # a participle in apposition describes the speaker
    (["Ruiz, speaking after the vote, said: “The deal is historic.”"], [("The deal is historic.", "Ana Ruiz")]),
    # ", adding that" goes on with the subject of the verb before it, not with where it was said
    (["“The deal is historic,” Ruiz posted on social media, adding that “the work starts now.”"],
     [("The deal is historic,", "Ana Ruiz"), ("the work starts now.", "Ana Ruiz")]),
    # two people named together: neither alone, not guessed
    (["“This is not the end,” Ruiz and Jones said in a joint statement."], [("This is not the end,", None)]),
])
def test_participles_and_pairs_of_speakers(story, paragraphs, expected):
    assert direct(one(story, *paragraphs)) == expected
