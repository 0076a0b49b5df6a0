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
