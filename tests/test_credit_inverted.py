"""The inverted one-sentence credit "..., reported the local X." (issue 23c): a credit for the fact of
its sentence, not for a text the article shares elsewhere (its reach is the sentence, even when the
source is also in derived_from)."""
import pytest

from presslens.analyses import verdicts, wires

from .test_reuse import OTHER, SOURCE, write_story
from .test_verdicts import pair


@pytest.mark.parametrize("text, source", [
    ("The pier was closed at noon, reported the news agency AFP.", "AFP"),
    ("The toll rose to nine, reported Reuters.", "Reuters"),
    ("The toll rose to nine, reported AFP on Monday.", "AFP"),
    ("The ferry sank at dawn, reported the public Kyodo news agency.", "Kyodo"),
    ("Troops were sent to the port; reported the local Harbour Times on Monday.", "Harbour Times"),  # an outlet of the story
])
def test_an_inverted_credit_credits_its_sentence(text, source):
    rows = wires.resolve(wires.scan("Copy Daily", None, (), None, text), "Copy Daily", {"harbourtimes": "Harbour Times"})
    assert [(r["source"], r["kind"], r["reach"]) for r in rows] == [(source, "credit", wires.SENTENCE)]


@pytest.mark.parametrize("text", [
    "Officials reported the first case in the harbour town.",  # no comma: "reported" is the clause's own verb
    "The agency reported Reuters figures on the toll.",
    "The toll rose to nine, reported by many outlets.",
])
def test_no_inverted_credit_without_its_shape(text):
    assert wires.resolve(wires.scan("Copy Daily", None, (), None, text), "Copy Daily", {}) == []


def test_a_derived_from_source_credited_only_in_one_far_sentence_does_not_explain_the_shared_text(tmp_path):
    """a lists AFP in derived_from, but its text credits AFP for one fact only, far from what it shares with
    b: AFP is no common source of the shared text (nor a credit for it), yet still blocks an accusation."""
    fact = OTHER[0].rstrip(".") + ", reported the news agency AFP."
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join([fact] + OTHER[1:] + SOURCE), "published": None,
                  "derived_from": "[AFP]"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE), "published": None}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["source"] != "AFP" and v["credited"] == "no" and not v["accusation"]
    assert "credits AFP for one fact only" in v["evidence"]
