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


QUOTED_NAME = 'formula المسبار "X" / зонд «X»'


@pytest.mark.parametrize("sentence", [
    'Police stormed the building "Grand Plaza" at dawn.',
    'The show at the renowned concert hall "Olympia Hall" was cancelled.',
    'Tickets for a concert of the band "Nightjar" were refunded.',
    'A software supplier, US network security company "Bluefin", issued a fix.',
    'The spacecraft "Tianwen-9" landed.',  # the category alone, as before version 8
])
def test_a_quoted_name_after_its_category(sentence):
    (s,) = [x for x in mtsignals.sentence_signals(sentence) if x.rule == QUOTED_NAME]
    assert s.languages == ("ar", "ru") and s.weight == 1


@pytest.mark.parametrize("sentence", [
    'The company "deeply regrets" the delay, a spokesman said.',  # a scare quote, not a name
    'She saw the film "Oppenheimer" twice.',  # a title after its category is English
    'The band played "Yesterday" twice.',
    'Police stormed the Grand Plaza building at dawn.',
])
def test_english_quotations_after_a_noun_are_not_it(sentence):
    assert QUOTED_NAME not in {x.rule for x in mtsignals.sentence_signals(sentence)}
