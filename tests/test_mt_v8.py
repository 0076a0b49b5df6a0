"""Machine translation from any language (issue 26, pass 26e): the formulas of mt_phrases.yaml v8. Every
sentence here is made up."""
import pytest

from presslens.text import mtsignals

PRESENT_CREDIT = "formula пишет газета X / сообщает X (со ссылкой на источники)"


@pytest.mark.parametrize("sentence", [
    "Two men were held near the dam, KP reports.",
    "Trains cannot leave the station, the Daily Courier newspaper writes, citing a railway official.",
    "Telegram channel Baza reports with reference to sources.",
    "The bridge will stay shut until May, Izvestia writes.",
])
def test_a_present_tense_closing_credit_is_the_russian_formula(sentence):
    (s,) = [x for x in mtsignals.sentence_signals(sentence) if x.rule == PRESENT_CREDIT]
    assert s.languages == ("ru", "uk") and s.weight == 1 and s.kind == "MT phrase"


@pytest.mark.parametrize("sentence", [
    "Two men were held near the dam, KP reported.",  # English closes in the past tense
    "Two men were held near the dam, according to KP.",
    "The dam gave way, Caliber.Az reports citing the ministry.",  # a present 'reports citing': an English house style
    "Two men were held near the dam, he reports.",  # a pronoun, not an outlet
    "The company reports.",
    "KP reports that two men were held.",  # a report introduced, not a closing credit
    "In her column, she writes about the dam.",
])
def test_english_credits_are_not_the_formula(sentence):
    assert PRESENT_CREDIT not in {x.rule for x in mtsignals.sentence_signals(sentence)}
