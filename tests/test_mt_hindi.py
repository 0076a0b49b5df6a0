"""Hindi news formulas (mt_phrases.yaml v11, issue 26, session 19): a background sentence opened by telling the
reader ("Let us tell you that", आपको बता दें कि) is a tell; "It is noteworthy that" (गौरतलब है कि) only corroborates,
because English copy written by people uses it too. Every sentence here is made up."""
import pytest

from presslens.analyses.naming import translation
from presslens.text import mtsignals

from .test_translation import _story


def _rules(sentence):
    return {(s.rule, s.languages, s.weight) for s in mtsignals.sentence_signals(sentence)}


@pytest.mark.parametrize("sentence", [
    "Let us tell you that the Harbour pier was opened in 1998.",
    "And let us tell you, the ferry had been late twice this week.",
])
def test_telling_the_reader_is_a_hindi_formula(sentence):
    assert ("formula आपको बता दें कि", ("hi",), 2) in _rules(sentence)


@pytest.mark.parametrize("sentence", [
    '"Let me tell you that we will rebuild the pier," the mayor said.',  # a speaker's words
    "The mayor said: let us be clear about the pier.",                     # not telling the reader a fact
    "They did not tell you that the pier was cracked, residents said.",
])
def test_english_copy_does_not_carry_the_telling_formula(sentence):
    assert not any(r == "formula आपको बता दें कि" for r, _, _ in _rules(sentence))


def test_noteworthy_corroborates_and_the_telling_formula_with_it_makes_a_verdict(tmp_path):
    base = "Harbour Council closed the old pier on Monday after divers found cracks in two of its piles. "
    only = base + "It is noteworthy that the pier was last repaired in 2009."
    both = only + " Let us tell you that the council had warned of the cracks in March."
    st = _story(tmp_path, "  - {name: Harbour Council, aliases: [Harbour Council]}\n", [("Quay", only), ("Desk", both)])
    v = translation.likely_translations(st).set_index("outlet")
    assert v.loc["Quay", "verdict"] == "isolated signals"            # corroboration alone founds nothing
    assert v.loc["Desk", "verdict"] == "likely undeclared translation"
    assert v.loc["Desk", "source_language"] == "hi"
