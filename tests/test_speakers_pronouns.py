"""Who "he" and "she" are (issue 24): the person a pronoun points back to, as a reader decides it.
Crafted sentences of a harbour town (Acme, Globex, Ana Ruiz, Tom Berg), each expectation checked by
hand against the labelling guide (data/eval/GUIDE.md): nothing here comes from an evaluation story."""
import pytest

from presslens.analyses.quotes import extract
from presslens.analyses.quotes.attribution import verbs
from presslens.analyses.quotes.people import People
from presslens.story.model import Actor

from .conftest import acme_story


@pytest.fixture(scope="module")
def story():
    # Ana Ruiz is an actor of the story (kind person) but no listed speaker; her name has accents in
    # some outlets and not in story.yaml's canonical form
    return acme_story(Actor("Ana Ruiz", "person", ("Ana Ruiz", "Ruiz", "Ána Ruíz")),
                      Actor("Harbour State", "place", ("Harbour State",)))


def direct(story, *paragraphs):
    rows = extract.extract_article("a", "Daily", list(paragraphs), story)
    return [(r["quote"], r["speaker"]) for r in rows if r["kind"] == "direct"]


@pytest.mark.parametrize("paragraphs, speaker", [
    # a person who is a story actor (not a listed speaker) is one of the article's people: "she" is her,
    # not the place named after her
    (("Governor Ána Ruíz urged residents to leave the coast.",
      "“Leave the quay before the tide turns,” she said."), "Ana Ruiz"),
    (("President Ana Ruiz of Harbour State asked sailors to stay ashore.",
      "She said “every family will get its boat back.”"), "Ana Ruiz"),
    # the object of a preposition ("the Institute of Port Studies") hides nobody named before it
    (("Ambassador Tom Berg opened the new wing of the museum on Monday.",
      "The wing was designed by the Institute of Port Studies over two years.",
      "“The wing shows what our crews can build,” he said."), "Tom Berg"),
    (("Ambassador Tom Berg opened the new wing of the museum on Monday.",
      "Its first exhibition came by ferry from Cove Harbour.",
      "“The wing shows what our crews can build,” he said."), "Tom Berg"),
    # a one-word place or organisation of the story ends no name: "Ambassador to Globex Tom Berg" is Tom Berg
    (("Acme Ambassador to Globex Tom Berg praised the crews.",
      "“The wing shows what our crews can build,” he said."), "Tom Berg"),
    # a paragraph that ends with a colon introduces the quote that opens the next one, whatever its verb
    (("Ana Ruiz left the crews with these words:",
      "“To everyone who worked through the gale: thank you, the town owes you its harbour.”"), "Ana Ruiz"),
    (("The gale closed the port for a week. Tom Berg, who studies tides at Globex, put it this way:",
      "“Nobody expected the wall to give way so fast. The design must be checked again.”"), "Tom Berg"),
])
def test_a_pronoun_reaches_the_person_a_reader_would(story, paragraphs, speaker):
    got = direct(story, *paragraphs)
    assert got and got[-1][1] == speaker


def test_the_pronoun_after_an_object_says_nothing_of_its_gender(story):
    """'Tom Berg thanked Ana Ruiz, and he later left': "he" is Berg (the subject), so Ruiz is not
    made a man, and a later "she" still reaches her."""
    pars = ["Mr Tom Berg thanked Ana Ruiz after the regatta, and he later left.",
            "Ruiz issued a statement on Friday. Tom Berg was not at the meeting."]
    people = People(story, pars, verbs()["rx"])
    assert people.find("Ana Ruiz").gender != "m"
    assert people.find("Tom Berg").gender == "m"


# ----------------------------------------------------------------------------------------------
# a source at the end of the sentence that holds a short quote


@pytest.mark.parametrize("paragraph, speaker", [
    # "state" after a possessive is a noun ("the port's state radio"), not the verb "to state": the
    # source is the "according to" phrase that ends the sentence
    ("The ferry had a “rough docking” at the quay on Sunday, according to Globex. Crews were sent.", "Globex"),
    ("The ferry had a “rough docking” at the quay on Sunday, according to Acme’s state radio.", "Acme’s state radio"),  # the broadcaster, as written
    # a possessive before a real verb still leaves the verb ("the company's report said")
    ("The ferry had a “rough docking” at the quay, Acme's spokesperson Mary Jones said.", "Mary Jones"),
])
def test_a_short_quote_takes_the_source_that_ends_its_sentence(story, paragraph, speaker):
    got = direct(story, paragraph)
    assert got == [("rough docking", speaker)]


def test_a_noun_after_a_possessive_is_no_reporting_verb():
    from presslens.analyses.quotes.attribution import find_attribution

    got = find_attribution("The ferry had a ", " at the quay, according to the town’s state radio.", 2, "rough docking")
    assert got == ("the town’s state radio", "according to", "sentence end")



@pytest.mark.parametrize("paragraph, speaker", [
    # the negation is the first verb's; the verb that carries the quote is not negated
    ("Although many expected him to quit, Tom Berg said during a meeting of the council last Friday "
     "that he would not go and claimed that he was the target of a campaign by “bad neighbours.”", "Tom Berg"),
    # a negation that governs the verb of the quote still takes the words away from the subject
    ("After the gale, Tom Berg said on Friday that he would stay but never called the closure “a blunder.”", None),
])
def test_a_negation_takes_away_only_the_verb_it_governs(story, paragraph, speaker):
    rows = extract.extract_article("a", "Daily", ["Tom Berg runs the harbour for Acme.", paragraph], story)
    quoted = [r for r in rows if r["kind"] in ("direct", "cited")]
    assert quoted and quoted[-1]["speaker"] == speaker


def test_she_never_falls_back_to_a_man(story):
    """When no woman is named nearby, "she said" is left unattributed rather than given to the last
    person quoted, a man by the text's own words ("Mr", "he")."""
    rows = extract.extract_article("a", "Daily", [
        "Mr Tom Berg opened the quay on Monday, and he thanked the crews.",
        "“We built it in a year,” Berg said.",
        "The ferry company was not at the ceremony. The weather was fine all day, and many boats came.",
        "The ferry will start in May. The first boats are already in the harbour. Tickets are cheap.",
        "The town has waited for this quay for ten years. Its old wall fell in a gale.",
        "“It is the best day the harbour has had,” she said."], story)
    said = {r["quote"]: r["speaker"] for r in rows if r["kind"] == "direct"}
    assert said["We built it in a year,"] == "Tom Berg"
    assert said["It is the best day the harbour has had,"] is None
