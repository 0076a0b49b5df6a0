"""Boundary tests for quotes/ambiguity functions no test file named before (issue 20, session 14, helper 20x):
who "it" is after a report, who "he replied" is after a question, and whether someone else spoke between two
quotes. Crafted Harbour sentences with the quote tests' actors (conftest.acme_story); checked by hand."""
import pytest

from presslens.analyses.quotes import ambiguity
from presslens.analyses.quotes.attribution import verbs
from presslens.analyses.quotes.people import People

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    return acme_story()


def test_reporter_before_the_subject_of_the_sentence_just_before():
    pars = ["Harbour Daily reported that the pier was closed. It said the crews were safe.",
            "Harbour Daily later reported a second closure.", "It added that ferries would run."]
    assert ambiguity.reporter_before(pars, 0, pars[0].index("It said")) == "Harbour Daily"
    # at a paragraph's start: the last sentence of the paragraph before
    assert ambiguity.reporter_before(pars, 2, 0) == "Harbour Daily"
    assert ambiguity.reporter_before(pars, 0, 0) is None                  # nothing before the first sentence
    assert ambiguity.reporter_before(["The pier was closed. It said so."], 0, 21) is None   # no reporting subject


def _people(story, pars):
    return People(story, pars, verbs()["rx"])


def test_reply_to_question_the_one_asked_in_the_sentence_before(story):
    pars = ["Ana Ruiz asked Tom Berg whether the pier was safe. He replied that it was."]
    pos = pars[0].index("He replied")
    assert ambiguity.reply_to_question(_people(story, pars), pars, 0, pos, "m", "replied").name == "Tom Berg"
    assert ambiguity.reply_to_question(_people(story, pars), pars, 0, pos, "m", "said") is None     # no reply verb
    assert ambiguity.reply_to_question(_people(story, pars), pars, 0, pos, "m", None) is None
    # the question closes the paragraph before
    pars = ["Ana Ruiz asked Tom Berg whether the pier was safe.", "He replied that it was."]
    assert ambiguity.reply_to_question(_people(story, pars), pars, 1, 0, "m", "replied").name == "Tom Berg"
    assert ambiguity.reply_to_question(_people(story, pars), ["", pars[1]], 1, 0, "m", "replied") is None
    assert ambiguity.reply_to_question(_people(story, pars[1:]), pars[1:], 0, 0, "m", "replied") is None  # nothing before
    # two people asked: not guessed
    pars = ["Ana Ruiz asked Tom Berg and Sam Cole whether the pier was safe. He replied that it was."]
    assert ambiguity.reply_to_question(_people(story, pars), pars, 0, pars[0].index("He replied"), "m", "replied") is None


@pytest.mark.parametrize("between, other", [
    ("Ana Ruiz disagreed.", True),               # another person, as a subject
    ("The crowd cheered.", False),
    ("Tom Berg smiled.", False),                 # the speaker himself
    ("The crowd cheered for Ana Ruiz.", False),  # named, but not as a subject
])
def test_someone_else_between_two_quotes(story, between, other):
    p = [f'"We are ready," Tom Berg said. {between} "We are not."']
    people = _people(story, p)
    assert ambiguity.someone_else_between(people, p, (0, p[0].index("Tom")), (0, p[0].rindex('"We')), "Tom Berg") is other


def _intro(story, par):
    from presslens.analyses.quotes import lead_in
    pars = [par, '"We are ready."']
    return lead_in.introducer(_people(story, pars), story, pars, 0, par, None)


def test_introducer_a_subject_of_six_words_at_most_in_the_last_three_sentences(story):
    assert _intro(story, "Jones explained the plan.") == ("Mary Jones", "named", "Acme", "Jones", None)
    assert _intro(story, "Mary Jones of Acme in Selby explained the plan.")[3] == "Mary Jones of Acme in Selby"   # six words
    assert _intro(story, "Mary Jones of Acme in Port Selby explained the plan.") is None                       # seven
    assert _intro(story, "Jones explained the plan. The crowd cheered. The boats left.")[0] == "Mary Jones"   # third from last
    assert _intro(story, "Jones explained the plan. The crowd cheered. The boats left. The sun set.") is None  # fourth
    assert _intro(story, "Mary Jones opened the plant.") is None                 # no word of speech
    assert _intro(story, "A witness gave comments.") is None                     # anonymous: not an introducer
    # a sentence ending in a colon, whatever its verb
    assert _intro(story, "Mary Jones sent the crews the following message:") == ("Mary Jones", "named", "Acme", "Mary Jones", ":")
    assert _intro(story, "Mary Jones:") == ("Mary Jones", "named", "Acme", "Mary Jones", ":")
    assert _intro(story, "Selby Storm:") is None                                 # a kicker, not a speaker


def test_add_indirect_eight_characters_at_least_and_found_from_its_sentence():
    from presslens.analyses.quotes import reported
    par = "Ruiz said the pier is safe. Berg said the pier is safe."
    rows = []
    reported._add_indirect(rows, "a1", "Post", 2, par, "the pier is safe.", "Berg", ("Tom Berg", "named", None), "said",
                           near=par.index("Berg"))
    assert [(r["start"], r["end"], r["quote"], r["speaker"], r["speaker_text"], r["para_idx"], r["kind"]) for r in rows] == [
        (38, 55, "the pier is safe", "Tom Berg", "Berg", 2, "indirect")]   # 28 + len("Berg said ")
    reported._add_indirect(rows, "a1", "Post", 2, par, "the pier is safe.", "Ruiz", ("Ana Ruiz", "named", None), "said")
    assert rows[-1]["start"] == 10
    reported._add_indirect(rows, "a1", "Post", 2, par, "the pier is safe.", "Ruiz", ("Ana Ruiz", "named", None), "said",
                           near=len(par))                   # not found after near: the first place instead
    assert rows[-1]["start"] == 10
    n = len(rows)
    reported._add_indirect(rows, "a1", "Post", 2, "Berg said it is safe.", " is safe ", "Berg", ("Tom Berg", "named", None), "said")
    assert len(rows) == n                                    # "is safe": seven characters, too short
    reported._add_indirect(rows, "a1", "Post", 2, "Berg said it's safe.", "it's safe", "Berg", ("Tom Berg", "named", None), "said")
    assert len(rows) == n + 1                                # eight


def test_people_add_indexes_words_of_two_letters_or_more_never_initials(story):
    from presslens.analyses.quotes.people import Person
    people = _people(story, ["Ana Ruiz said the pier was safe."])
    p = Person("T. J. Berg")
    people._add(p, ("T. Berg", "Berg-Lund"))
    assert sorted(p.tokens) == ["berg", "berg-lund"]
    assert sorted(k for k, v in people._by_token.items() if p in v) == ["berg", "berg-lund"]
    assert people.find("Berg") is p
    assert people.find("T.") is None and people.find("J") is None


def test_article_speaker_reads_the_subject_after_an_opening_clause_and_an_apposition(story):
    from presslens.analyses.quotes import in_article
    pars = ["The pier was closed on Monday."]
    people = _people(story, pars)
    def who(spk):
        return in_article.article_speaker(spk, story, people, pars, 0, 10, None)
    assert who("In a video during the celebrations, Jones") == ("Mary Jones", "named", "Acme")   # the clause's subject
    assert who("In a video, the Acme spokesperson") == ("the Acme spokesperson", "role", "Acme")
    assert who("Jones, the Acme spokesperson") == ("Mary Jones", "named", "Acme")               # a name and its description
    assert who("Jones, speaking after the vote") == ("Mary Jones", "named", "Acme")
    assert who("she later") == (None, None, None)          # a pronoun with nobody before it
    assert who("In a video,") == (None, None, None)
