"""Boundary tests for analyses/ and engine/ functions no test file named before (issue 20, session 14, helper
20x): content words, CJK stretches, the not-English guard, single-voice findings, "he"/"the company"
resolution, organisation names over "and", pre-modified names, the cache-apart check. Crafted Harbour values."""
import dataclasses

import pandas as pd
import pytest

from presslens.analyses.facts import features
from presslens.analyses.findings import common, voices
from presslens.analyses.naming import cjknames
from presslens.analyses.quotes import resolve
from presslens.engine import store
from presslens.errors import StoryError
from presslens.story.model import Speaker

from .conftest import acme_story


def test_content_words_drop_stop_words_and_short_words_but_keep_numbers():
    # "The", "of", "a" stop words; "UN" and "ox" two letters; "sea" three letters kept; "3" a digit kept;
    # "ports" folded to "port"; "1,500" one figure, its thousands separator dropped (issue 29: a figure is one word)
    assert features.content("The 12 ports of Selby, a UN body, ox sea 3 fund 1,500") == \
        ["12", "port", "selby", "body", "sea", "3", "fund", "1500"]
    assert features.content("") == []
    assert features.content("of the a") == []


def test_stretches_two_characters_or_more_and_numbered_names():
    pre = frozenset({"gang", "gangkou", "kou", "koucheng"})
    # single characters are no stretch; gangkoucheng is no known prefix, so the walk stops at two
    assert list(cjknames._stretches("港口城", ("gang", "kou", "cheng"), pre)) == [(0, 2, "gangkou"), (1, 3, "koucheng")]
    assert list(cjknames._stretches("港", ("gang",), pre)) == []
    # 号 after a number in characters: each start before the number, with the number in digits
    assert list(cjknames._stretches("神舟十八号", ("shen", "zhou", "shi", "ba", "hao"), frozenset({"shen", "shenzhou"}))) == [
        (0, 2, "shenzhou"), (2, 5, "shi8"), (1, 5, "zhoushi8"), (0, 5, "shenzhoushi8"), (1, 5, "zhou18"), (0, 5, "shenzhou18")]


def test_not_english_the_first_table_that_says_another_language():
    fr, en = pd.DataFrame({"a": [1]}), pd.DataFrame({"a": [1]})
    fr.attrs["language"], en.attrs["language"] = "fr", "en"
    assert common.not_english(None, pd.DataFrame(), en, fr) == "fr"
    assert common.not_english(en) is None
    assert common.not_english(pd.DataFrame()) is None       # a table that does not say
    assert common.not_english() is None


QUOTES = pd.DataFrame({"outlet": ["Post", "Post", "Mail", "Mail", "Kite", "Kite"],
                       "kind": ["direct", "indirect", "direct", "indirect", "direct", "cited"],
                       "actor": ["Council", "Council", "Council", None, None, None],
                       "speaker": [None, None, None, "Ana Ruiz", "Tom Berg", "Lena Hart"]})


def test_single_voices_said_only_when_reported_speech_and_unattributed_words_agree():
    assert voices._single_voices(["Post", "Mail", "Kite"], QUOTES, set()) == [
        "Post and Kite quote a single voice, directly and in reported speech, every quote attributed (table: voice share, speakers).",
        "Mail quotes one voice directly, and reports Ana Ruiz in reported speech (table: voice share, speakers)."]
    assert voices._single_voices(["Post"], QUOTES, set()) == [   # one outlet: "quotes", singular
        "Post quotes a single voice, directly and in reported speech, every quote attributed (table: voice share, speakers)."]
    assert voices._single_voices(["Post", "Kite"], QUOTES, {"Kite"})[1] == (
        "Kite quotes one voice directly; some of its quoted words have no speaker found, so it may quote more "
        "(table: voice share, speakers).")   # a cited term is no voice: Kite's "Lena Hart" does not count
    assert voices._single_voices([], QUOTES, set()) == []


def test_person_before_one_named_speaker_else_the_last_one_who_spoke():
    st = dataclasses.replace(acme_story(), speakers=[Speaker("Mary Jones", "Acme", "spokesperson", ("Jones",)),
                                                     Speaker("Tom Berg", None, "coach", ())])
    assert resolve.person_before(st, "Jones said the pier was safe.", "Tom Berg") == "Mary Jones"   # an alias
    assert resolve.person_before(st, "Jones and Tom Berg met.", "Tom Berg") is None                 # two: not guessed
    assert resolve.person_before(st, "Nobody was named.", "Tom Berg") == "Tom Berg"
    assert resolve.person_before(st, "Jonesy said so.", None) is None                               # whole words only


def test_definite_speaker_the_one_actor_of_its_kind_in_the_nearest_sentence():
    st = acme_story()
    assert resolve.definite_speaker(st, "the company", "Acme opened a plant. Globex sued.", None) == ("Globex", "role", "Globex")
    assert resolve.definite_speaker(st, "the company", "Acme opened a plant. Globex sued Acme.", None) is None   # two
    # the nearest sentence names only a news site: back one more sentence
    assert resolve.definite_speaker(st, "the company", "Acme opened a plant. The Courier wrote.", None) == ("Acme", "role", "Acme")
    assert resolve.definite_speaker(st, "the company", "Acme's plant opened.", None) is None      # a possessive
    assert resolve.definite_speaker(st, "the website", "Acme opened a plant, The Courier reported.", None) == \
        ("The Courier", "role", "The Courier")
    assert resolve.definite_speaker(st, "the spokesperson", "Acme.", ("Mary Jones", "named", "Acme")) == ("Mary Jones", "named", "Acme")
    assert resolve.definite_speaker(st, "the mayor", "Acme.", None) is None


def test_without_name_ands_blanks_only_an_and_inside_one_organisations_name():
    assert resolve.without_name_ands("the Harbour Safety and Rescue Board said") == "the Harbour Safety     Rescue Board said"
    assert resolve.without_name_ands("the Harbour Council and Port Authority said") == "the Harbour Council and Port Authority said"
    assert resolve.without_name_ands("Acme and Globex Bank") == "Acme and Globex Bank"     # no "the"
    assert resolve.without_name_ands("") == ""


def test_premodified_name_one_to_three_role_words_between_capitals_and_the_name():
    def name(s):
        m = resolve._premodified_name(s)
        return m and m.group(0)
    assert name("Selby Rowers coach Tom Berg") == "Tom Berg"
    assert name("Harbour Ports chief executive Ana Ruiz") == "Ana Ruiz"
    assert name("Selby Rowers assistant deputy coach Tom Berg") == "Tom Berg"        # three role words
    assert name("Selby Rowers head assistant deputy coach Tom Berg") is None         # four
    assert name("coach Tom Berg") is None                                            # one run of capitals
    assert name("Selby Rowers coach of Tom Berg") is None                            # a preposition between
    assert name("Selby Rowers coach Tom Berg, who") is None                          # words after the name


def test_check_cache_apart(tmp_path, monkeypatch):
    story, other = tmp_path / "story", tmp_path / "out"
    story.mkdir(); other.mkdir()
    monkeypatch.setenv("PRESSLENS_CACHE", str(story))
    with pytest.raises(StoryError, match="is the story folder"):
        store.check_cache_apart(story, "story")
    monkeypatch.setenv("PRESSLENS_CACHE", str(story / "cache"))
    with pytest.raises(StoryError, match="is inside the story folder"):
        store.check_cache_apart(story, "story")
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path))
    store.check_cache_apart(story, "story")                    # a cache holding the story folder: allowed
    with pytest.raises(StoryError, match="holds the export folder"):
        store.check_cache_apart(other, "export")
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "elsewhere"))
    store.check_cache_apart(story, "story")
    store.check_cache_apart(other, "export")
    monkeypatch.delenv("PRESSLENS_CACHE")
    store.check_cache_apart(story, "story")


def test_claim_hits_count_sentences_once_each_and_read_the_voice(tmp_path):
    from presslens.analyses import claims

    from .conftest import write_story
    st = write_story(tmp_path, "  []\nclaims:\n  - {id: closed, text: The pier was closed., patterns: "
                     "['\\bpier (?:was|is) closed\\b', '\\bclosed the pier\\b']}\n",
                     [("Post", "The pier was closed on Monday after the storm hit the harbour.\n\n"
                               "Officials closed the pier again on Tuesday, and the pier is closed today."),
                      ("Mail", "The harbour council met on Monday to discuss the storm damage.\n\n"
                               "\"The pier is closed,\" the mayor said on Tuesday."),
                      ("Kite", "Ferries ran as usual on Monday in Port Selby.")])
    h = claims.hits(st)
    # Post: two sentences (the second matches both patterns: counted once); Mail: one, inside a quotation
    assert h[["article_id", "outlet", "n_sentences", "voice", "match", "part"]].values.tolist() == [
        ["a0", "Post", 2, "narration", "pier was closed", "lede"], ["a1", "Mail", 1, "quote", "pier is closed", "body"]]


def test_own_rows_an_outlet_found_to_be_an_agency_and_no_listed_wire():
    from presslens.analyses import agencies, wires
    found = {agencies.key("Harbour Press Agency"): "Harbour Press Agency", agencies.key("Reuters"): "Reuters"}
    rows = wires.own_rows({"a1": "Harbour Press Agency", "a2": "Selby Mail", "a3": "Reuters"}, found)
    assert rows["a2"] == [] and rows["a3"] == []          # a listed wire is credited by its own rules
    assert [(r["outlet"], r["source"], r["kind"], r["where"]) for r in rows["a1"]] == \
        [("Harbour Press Agency", "Harbour Press Agency", "own text", "outlet")]
    assert wires.own_rows({}, found) == {}


def test_carried_over_a_paragraph_that_only_ends_an_open_quote():
    from presslens.analyses.quotes import transcript
    assert transcript.carried_over('It was a great day for the town."', '"We played well.') == (0, 32)
    assert transcript.carried_over('  It was a great day."', '"We played well.') == (2, 21)    # leading spaces skipped
    assert transcript.carried_over('It was a great day."', '"We played well."') is None        # nothing left open
    assert transcript.carried_over('He said "it was a great day."', '"We played well.') is None   # a quote of its own
    assert transcript.carried_over("It was a great day.", '"We played well.') is None          # no closing mark
    assert transcript.carried_over("", '"We played well.') is None


def test_introduced_name_a_person_word_ending_the_description_before_its_preposition():
    from presslens.analyses.quotes import subject
    assert subject.introduced_name("Ruiz, a nurse at the clinic, said so.") == "Ruiz"     # "a nurse", not "the clinic"
    assert subject.introduced_name("Berg, a 52-year-old fisherman, said so.") == "Berg"
    assert subject.introduced_name("Ruiz, a visitor and friend, said it.") == "Ruiz"
    assert subject.introduced_name("Ruiz, a friend and visitor, said it.") is None       # "a friend"
    assert subject.introduced_name("Harbourwire, a news site, said so.") is None
    assert subject.introduced_name("Ruiz, 34, said the pier was safe.") is None
    assert subject.introduced_name("Ruiz, a resident, Said so.") is None                  # lower case must follow


def test_participle_statement_reads_past_two_opening_phrases():
    from presslens.analyses.quotes import subject
    def who(s):
        r = subject.participle_statement(s)
        return r and r[1]
    assert who("Ruiz thanked the crews, saying the pier was safe.") == "Ruiz"
    assert who('"We are safe," the young man said, confirming that the pier was closed.') == "the young man"
    assert who("The crews came, with some saying the pier was safe.") is None           # the participle's own subject
    assert subject._participle_subject("Later, Ruiz sent a message,") == "Ruiz"
    assert subject._participle_subject("In the evening, in a statement, Ruiz, the mayor, sent a message,") == "Ruiz"
    assert subject._participle_subject("In the evening, in a statement, later, Ruiz sent a message,") is None   # three
