"""Who speaks, in kinds of text the development stories barely hold (issue 24, helper 24g): a headline in
title case (its capitals name nobody), an organisation whose name holds "and" (one name, never a person
made of its first half), a live blog whose entries run newest first (a "he" at an entry's head has no
antecedent in the entry above). Crafted sentences of the harbour town of the other speaker tests (Ana
Ruiz, Tom Berg, Sam Cole, Acme, Globex), each expectation checked by hand against the labelling guide
(data/eval/GUIDE.md): a quote given no speaker is better than a wrong one. Nothing here comes from an
evaluation story."""
import pytest

from presslens.analyses.quotes import extract
from presslens.analyses.quotes.liveblog import entry_starts
from presslens.analyses.quotes.wordclasses import title_cased

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story()


def rows(story, *paragraphs):
    return extract.extract_article("a", "Daily", list(paragraphs), story)


def direct(story, *paragraphs):
    return [r["speaker"] for r in rows(story, *paragraphs) if r["kind"] == "direct"]


def reported(story, *paragraphs):
    return [(r["quote"], r["speaker"]) for r in rows(story, *paragraphs) if r["kind"] == "indirect"]


# ----------------------------------------------------------------------------------------------
# a headline in title case: its capitals are style, not names


@pytest.mark.parametrize("line, expected", [
    ("Quay Closes After Storm Hits Selby Harbour", True),
    ("Harbour Mayor Slams Port Owners As Quay Closes", True),
    ("Storm Chaos: Harbour Town Devastated, Mayor Says", True),
    ("Tom Berg quits as harbour master after the storm", False),   # sentence case
    ("Ana Ruiz, Tom Berg and Lena Hart Visited Selby.", False),     # a sentence: it ends in a full stop
    ("Selby Harbour", False),                                       # too short to tell
    ("Quay Will Reopen “within days,” Mayor Ana Ruiz Says", True),  # a quote keeps its speaker's case
])
def test_a_headline_in_title_case_is_told_from_a_sentence(line, expected):
    assert title_cased(line) is expected


@pytest.mark.parametrize("headline, quote", [
    ("Quay Closes After Storm Hits Selby Harbour", "“We lost everything,” he told reporters."),
    ("Harbour Mayor Slams Port Owners As Quay Closes", "“It is a disgrace,” she said on Monday."),
    ("Fisherman Tells Of Night The Quay Fell", "“The water came so fast,” he said."),
    ("Tom Berg Quits As Harbour Master", "“It is time,” he said on Monday."),
])
def test_a_pronoun_after_a_title_case_headline_finds_nobody_in_it(story, headline, quote):
    """Before: "Storm Hits Selby Harbour", "Quay Closes", "Quay Fell", "Harbour Master" were people."""
    assert direct(story, headline, quote) == [None]


def test_a_person_named_in_the_body_after_such_a_headline_still_speaks(story):
    assert direct(story, "Quay Closes After Storm Hits Selby Harbour",
                  "Tom Berg, the harbour master, closed the gates on Monday.",
                  "“We lost everything,” he told reporters.") == ["Tom Berg"]


# ----------------------------------------------------------------------------------------------
# an organisation's name with "and" in it


@pytest.mark.parametrize("paragraph, speaker", [
    ("“The quay is safe,” said a spokesman for the Selby Ports and Harbours Agency.",
     "a spokesman for the Selby Ports and Harbours Agency"),
    ("“The quay is safe,” a spokesman for the Selby Ports and Harbours Agency said.",
     "a spokesman for the Selby Ports and Harbours Agency"),
    ("“The quay is safe,” said the Harbour Safety and Rescue Board.", "the Harbour Safety and Rescue Board"),
    ("“The quay is safe,” the Selby Maritime and Port Authority said in a statement.",
     "the Selby Maritime and Port Authority"),
    # two people, and a person with the organisation after "of": as before
    ("“The quay is safe,” said Ana Ruiz and Tom Berg.", None),
    ("“The quay is safe,” said Tom Berg of the Selby Ports and Harbours Agency.", "Tom Berg"),
])
def test_an_organisation_name_with_and_is_one_speaker(story, paragraph, speaker):
    """Before: "Selby Ports" (a person made of half the name) or nobody (read as two speakers)."""
    assert direct(story, paragraph) == [speaker]


@pytest.mark.parametrize("paragraph, speaker", [
    ("The Selby Maritime and Port Authority said the quay would reopen on Friday.",
     "the Selby Maritime and Port Authority"),
    ("A spokeswoman for the Harbour Safety and Rescue Board said the quay would reopen on Friday.",
     "a spokeswoman for the Harbour Safety and Rescue Board"),
])
def test_reported_speech_of_an_organisation_named_with_and(story, paragraph, speaker):
    assert reported(story, paragraph) == [("the quay would reopen on Friday", speaker)]


@pytest.mark.parametrize("paragraph", [
    "The Harbour Council and Port Authority said the quay would reopen on Friday.",  # two bodies
    "Acme and Globex Bank said the quay would reopen on Friday.",  # no one "the" over both: two
])
def test_two_organisations_joined_by_and_are_not_one_speaker(story, paragraph):
    assert reported(story, paragraph) == []


# ----------------------------------------------------------------------------------------------
# a live blog: entries newest first


def test_entries_start_at_time_lines_only_in_a_live_blog():
    assert entry_starts(["Live: storm", "14:20 GMT: Berg spoke.", "More.", "14:05", "Quote."]) == [0, 1, 1, 3, 3]
    assert entry_starts(["Berg spoke.", "Updated 14:05 GMT", "Quote."]) is None  # one time line: no live blog


@pytest.mark.parametrize("paragraphs", [
    ("Harbour storm live: quay closed",
     "14:20 GMT: Tom Berg, the harbour master, said the gates were shut.",
     "14:05 GMT: “We have never seen the water this high,” he said.",
     "13:50 GMT: Sam Cole, a fisherman, reached the quay."),
    ("Harbour storm live: quay closed", "2:20 p.m.", "Tom Berg, the harbour master, said the gates were shut.",
     "2:05 p.m.", "“We have never seen the water this high,” he said."),
])
def test_a_pronoun_heading_a_live_blog_entry_is_left_unknown(story, paragraphs):
    """Before: Tom Berg, named in the entry above (written later, about something else)."""
    assert direct(story, *paragraphs) == [None]


@pytest.mark.parametrize("paragraphs", [
    # the antecedent in the same entry
    ("Harbour storm live: quay closed",
     "14:20 GMT: Tom Berg, the harbour master, said the gates were shut.",
     "“We have never seen the water this high,” he said.",
     "14:05 GMT: Sam Cole, a fisherman, reached the quay."),
    # one "Updated" line: no live blog
    ("Tom Berg, the harbour master, said the gates were shut.", "Updated 14:05 GMT",
     "“We have never seen the water this high,” he said."),
])
def test_a_pronoun_with_its_antecedent_in_its_entry_still_resolves(story, paragraphs):
    assert direct(story, *paragraphs) == ["Tom Berg"]


def test_reported_speech_heading_a_live_blog_entry_keeps_its_words_without_a_speaker(story):
    """The words are still reported speech (a reader sees "assures that"); only who said them is unknown."""
    got = reported(story, "Harbour storm live: quay closed",
                   "14:20 GMT: Tom Berg, the harbour master, said the gates were shut.",
                   "14:05 GMT: He assures that the sea wall will hold.",
                   "13:50 GMT: Sam Cole, a fisherman, reached the quay.")
    assert got == [("the gates were shut", "Tom Berg"), ("the sea wall will hold", None)]


# ----------------------------------------------------------------------------------------------
# a name with a lower-case particle joined by a hyphen ("Omar al-Rashid")


@pytest.mark.parametrize("paragraphs, speakers", [
    (("“This is a historic package,” Omar al-Rashid said.", "Later, al-Rashid added: “We delivered.”"),
     ["Omar al-Rashid", "Omar al-Rashid"]),
    (("Harbour summit president Omar al-Rashid opened the talks on Monday.", "“This is a historic package,” he said."),
     ["Omar al-Rashid"]),
    (("Summit President Omar al-Rashid opened the talks.", "“We delivered,” al-Rashid told delegates."),
     ["Omar al-Rashid"]),
])
def test_a_name_with_a_hyphenated_particle_is_a_person(story, paragraphs, speakers):
    """Before: nobody ("al-Rashid" was no name's word, so "Omar al-Rashid" was one word, no person)."""
    assert direct(story, *paragraphs) == speakers


# ----------------------------------------------------------------------------------------------
# "X quoted Y as saying": Y speaks, the outlet only passes the words on


@pytest.mark.parametrize("paragraphs, speaker", [
    (("The Harbour Daily quoted Tom Berg as saying: “We are not leaving.”",), "Tom Berg"),
    (("“We are not leaving,” the Harbour Daily quoted Berg as saying.",), "Berg"),
    (("Tom Berg, the harbour master, spoke on Monday. The Harbour Daily quoted him as saying: “We are not leaving.”",),
     "Tom Berg"),
])
def test_the_one_quoted_as_saying_speaks(story, paragraphs, speaker):
    """Before: "the Harbour Daily quoted Tom Berg as" was the speaker phrase."""
    assert direct(story, *paragraphs) == [speaker]


def test_reported_speech_quoted_as_saying_is_the_quoted_ones(story):
    got = reported(story, "Ana Ruiz, the mayor, spoke on Monday. Harbourwire quoted her as saying the quay was closed.")
    assert got == [("the quay was closed", "Ana Ruiz")]


# ----------------------------------------------------------------------------------------------
# a headline's label before a colon: a speaker when the article knows them, else a kicker


@pytest.mark.parametrize("paragraphs, speaker", [
    (("Selby Storm: “The water came so fast”", "The storm hit the harbour on Monday."), None),
    (("Harbour Daily Exclusive: “The water came so fast”", "The storm hit the harbour on Monday."), None),
    (("Harbour Storm Latest: “we have had no power for days”", "The storm hit the harbour on Monday."), None),
    # a title, a person named again in the body, a listed speaker: a speaker as before
    (("Mayor Ana Ruiz: “The water came so fast”", "The storm hit the harbour on Monday."), "Ana Ruiz"),
    (("Tom Berg: “The water came so fast”", "The harbour master Tom Berg closed the gates on Monday."), "Tom Berg"),
    (("Mary Jones: “The water came so fast”", "The storm hit the harbour on Monday."), "Mary Jones"),
])
def test_a_headline_label_named_nowhere_else_is_a_kicker(story, paragraphs, speaker):
    """Before: "Selby Storm", "Harbour Daily Exclusive", "Harbour Storm Latest" spoke."""
    assert direct(story, *paragraphs) == [speaker]


@pytest.mark.parametrize("headline, speaker", [
    ("Quay Will Reopen “within days,” Mayor Ana Ruiz Says", "Mayor Ana Ruiz"),
    ("Quay Will Reopen ‘Within Days’, Harbour Master Tom Berg Warns", "Harbour Master Tom Berg"),
    ("Storm A ‘Wake-Up Call’ For Harbour Towns, Mayor Ana Ruiz Says", "Mayor Ana Ruiz"),  # words between
])
def test_a_title_case_headline_ending_with_its_source_and_verb(story, headline, speaker):
    """Before: a cited term (the title-case "Says" was no verb of saying)."""
    assert direct(story, headline, "The storm hit the harbour on Monday.") == [speaker]


# ----------------------------------------------------------------------------------------------
# someone who speaks for a person: the family, the lawyer


@pytest.mark.parametrize("paragraph, speaker", [
    ("“We are heartbroken,” the family of Sam Cole said in a statement.", "the family of Sam Cole"),
    ("“We are heartbroken,” Sam Cole's family said.", "Sam Cole's family"),
    ("“He is innocent,” a lawyer for Tom Berg told the court.", "a lawyer for Tom Berg"),
    ("“We are heartbroken,” Sam Cole said.", "Sam Cole"),  # the person himself, as before
])
def test_kin_and_counsel_speak_for_the_person_not_as_them(story, paragraph, speaker):
    """Before: "Sam Cole" (the family's words given to him) and "Sam Cole's" ("family" cut as an adverb in -ly)."""
    assert direct(story, paragraph) == [speaker]


# ----------------------------------------------------------------------------------------------
# two people joined by "and", each with a description in commas: neither alone


@pytest.mark.parametrize("paragraphs", [
    ("Lena Hart, the editor of the Harbour Daily, and Sam Cole, its publisher, said in a joint statement: "
     "“The verdict is a sham.”",),
    ("Tom Berg, the harbour master, and Sam Cole met the council on Monday.", "“The verdict is a sham,” he said."),
])
def test_two_described_people_joined_by_and_are_not_one_speaker(story, paragraphs):
    """Before: Lena Hart alone spoke the joint statement; "he" was the first of two men."""
    assert direct(story, *paragraphs) == [None]
