"""Speakers read off a dependency parse (issue 24, helper 24w; presslens.analyses.quotes.parsed): the variants
measured beside the rules (the opt-in wiring is tested in test_parse_fill_24x.py). spaCy and the model package of
``parsed.MODEL`` are presslens dependencies (issue 24x): a missing one fails these tests, never skips them. Crafted sentences of the harbour town of the other speaker tests, each expectation checked by hand;
nothing here comes from an evaluation story."""
import dataclasses
import sys

import pytest

from presslens.analyses.quotes import extract, parsed

from .conftest import acme_story


# ----------------------------------------------------------------------------------------------
# without spaCy: the variants, and presslens running without the parser

def test_load_says_none_when_spacy_is_absent(monkeypatch):
    parsed.load.cache_clear()
    monkeypatch.setitem(sys.modules, "spacy", None)   # import spacy raises ImportError
    try:
        assert parsed.load() is None
    finally:
        parsed.load.cache_clear()


ROW = {"kind": "direct", "speaker": "Ana Ruiz", "speaker_text": "Ruiz", "speaker_kind": "named", "actor": None}
GOT = {"speaker": "Tom Berg", "speaker_text": "Tom Berg", "speaker_kind": "named", "actor": None, "verb": "said",
       "rules_weak": False}


def test_combine_rules_and_parser_alone():
    assert parsed.combine(ROW, GOT, "rules")["speaker"] == "Ana Ruiz"
    assert parsed.combine(ROW, GOT, "parser")["speaker"] == "Tom Berg"
    assert parsed.combine(ROW, None, "parser")["speaker"] is None   # the parse names nobody: no speaker


def test_fill_keeps_a_rules_speaker_and_takes_the_parse_where_the_rules_are_weak():
    assert parsed.combine(ROW, GOT, "fill")["speaker"] == "Ana Ruiz"
    assert parsed.combine(ROW, {**GOT, "rules_weak": True}, "fill")["speaker"] == "Tom Berg"
    assert parsed.combine(ROW, None, "fill")["speaker"] == "Ana Ruiz"


def test_parser_first_wins_where_it_names_someone():
    assert parsed.combine(ROW, GOT, "parser-first")["speaker"] == "Tom Berg"
    assert parsed.combine(ROW, None, "parser-first")["speaker"] == "Ana Ruiz"


def test_cited_terms_keep_their_row_and_an_unknown_mode_is_refused():
    assert parsed.combine({**ROW, "kind": "cited"}, GOT, "parser")["speaker"] == "Ana Ruiz"
    with pytest.raises(ValueError, match="unknown mode"):  # a ParameterError is a ValueError
        parsed.combine(ROW, GOT, "vote")


# ----------------------------------------------------------------------------------------------
# with spaCy and the model

@pytest.fixture(scope="module")
def nlp():
    got = parsed.load()
    if got is None:
        pytest.fail(f"spaCy or {parsed.MODEL} not installed: run make install")
    return got


def who(nlp, sentence, words):
    at = sentence.index(words)
    got = parsed.speaker_phrase(nlp(sentence), at, at + len(words))
    return got and got[0]


@pytest.mark.parametrize("sentence, words, speaker", [
    # the subject of the verb the quote hangs from; a description with a name in apposition is that name
    ('"We will rebuild the quay," the harbour master, Ana Ruiz, told reporters.', "We will rebuild the quay,",
     "Ana Ruiz"),
    ('Tom Berg, a fisherman, said: "The water came in fast."', "The water came in fast.", "Tom Berg"),
    # a title stays with the name, the body after "of" does not
    ('"It was a long night," said Mayor Ana Ruiz of Harbour Town.', "It was a long night,", "Mayor Ana Ruiz"),
    # "according to": its object
    ("According to the Harbour Agency, the quay will stay shut until May.", "the quay will stay shut until May",
     "Harbour Agency"),
    # a common noun keeps its "for" name
    ("A spokesperson for Harbour Rescue said the crews had left.", "the crews had left",
     "A spokesperson for Harbour Rescue"),
    # a verb joined to the subject's first verb, and the agent of a passive
    ('Ruiz paused and said that "nothing is lost."', "nothing is lost.", "Ruiz"),
    ("The council was told by Tom Berg that the quay was safe.", "the quay was safe", "Tom Berg"),
])
def test_the_speaker_is_the_subject_of_the_verb_of_saying(nlp, sentence, words, speaker):
    assert who(nlp, sentence, words) == speaker


def test_no_verb_of_saying_no_speaker(nlp):
    # "built" reports nothing: the parse abstains rather than take the sentence's subject
    assert who(nlp, 'Tom Berg built the "floating quay" in May.', "floating quay") is None


def test_a_pronoun_goes_through_the_rules_resolver():
    story = dataclasses.replace(acme_story(), actors=[], speakers=[])
    nlp = parsed.load()
    if nlp is None:
        pytest.fail(f"spaCy or {parsed.MODEL} not installed: run make install")
    pars = ["Harbour ferry sinks", "Tom Berg, the skipper, was on the quay when the ferry sank.",
            '"It went down in a minute," he said.']
    rows = [r for r in extract.extract_article("a", "Daily", pars, story) if r["kind"] == "direct"]
    got = parsed.attribute(nlp, story, pars, rows)
    assert got[0]["speaker"] == "Tom Berg" and got[0]["speaker_text"] == "he"


def test_a_weak_rules_speaker_is_a_pronoun_a_fragment_or_none(nlp):
    doc = nlp("The tech news site Harbourline said the quay was shut.")
    assert parsed.weak({"speaker": None}, doc) and parsed.weak({"speaker": "he"}, doc)
    assert parsed.weak({"speaker": "The"}, doc)            # a determiner, no noun
    assert not parsed.weak({"speaker": "Harbourline"}, doc)
    assert not parsed.weak({"speaker": "Ana Ruiz"}, doc)    # two words: kept


def test_only_weak_parses_only_rows_whose_rules_speaker_may_be_weak():
    story = dataclasses.replace(acme_story(), actors=[], speakers=[])
    nlp = parsed.load()
    if nlp is None:
        pytest.fail(f"spaCy or {parsed.MODEL} not installed: run make install")
    pars = ["Harbour ferry sinks", '"It went down in a minute," Tom Berg told reporters.']
    rows = [r for r in extract.extract_article("a", "Daily", pars, story) if r["kind"] == "direct"]
    assert rows[0]["speaker"] == "Tom Berg"                       # two words: the rules' speaker stands
    assert parsed.attribute(nlp, story, pars, rows, only_weak=True) == [None]
    got = parsed.attribute(nlp, story, pars, [{**rows[0], "speaker": None}], only_weak=True)
    assert got[0]["speaker"] == "Tom Berg" and got[0]["rules_weak"]   # none: parsed, and weak
    assert parsed.maybe_weak({"speaker": "Acme"}) and not parsed.maybe_weak({"speaker": "Tom Berg"})
    assert not parsed.maybe_weak({"speaker": "Acme", "actor": "Acme"})   # a story actor is no fragment
