"""Machine translation from any language (issue 26, nine development stories): the formulas of mt_phrases.yaml
v7 and the caption line of presslens.text.mtpage. Every sentence and page here is made up."""
import pytest

from presslens.text import mtpage, mtsignals


@pytest.mark.parametrize("sentence, langs, weight, rule", [
    ("In the early morning of the 14th local time, the dam gave way after heavy rain.", ("ja", "zh"), 1,
     "formula 1日、… / 13日，…"),
    ("Police said on the evening of the 3rd, local time, that two men were held.", ("ja", "zh"), 1,
     "formula 1日、… / 13日，…"),
    ("The picture shows rescuers at the collapsed warehouse.", ("zh",), 2, "formula 图为…"),
    ("We are talking about three men detained near the border.", ("ru", "uk"), 1, "formula Речь идёт о / Йдеться про"),
    ("What is known about the dam collapse", ("ru", "uk"), 2, "formula Что известно о / Що відомо про"),
    ("What is known so far about the suspects", ("ru", "uk"), 2, "formula Что известно о / Що відомо про"),
])
def test_formulas_of_version_7(sentence, langs, weight, rule):
    got = [(s.languages, s.weight, s.rule) for s in mtsignals.sentence_signals(sentence)]
    assert (langs, weight, rule) in got


@pytest.mark.parametrize("sentence", [
    "The 14th-century church survived the flood, local officials said.",  # a century, not a day of the month
    "Voting closes at 8 p.m. local time on the 14th of May.",  # the month named
    '"We are talking about three men," the prosecutor said.',  # a speaker's own words, in quotation marks
    "The photo, shared widely on Monday, shows rescuers at the warehouse.",  # English names the photo, then what it shows
    "A picture shows rescuers at the warehouse.",
    "What we know about the dam collapse",  # the English explainer heading
    "Here is what is known about the suspects so far.",  # English narration, not the heading formula
    '"What is known about them is very little," the officer said.',  # a speaker's words
])
def test_english_sentences_carry_none_of_the_v7_rules(sentence):
    rules = {s.rule for s in mtsignals.sentence_signals(sentence)}
    assert not rules & {"formula 1日、… / 13日，…", "formula 图为…", "formula Речь идёт о / Йдеться про",
                        "formula Что известно о / Що відомо про"}


def test_a_caption_line_opened_as_chinese_captions_are():
    lines = ["Dam gives way after rain", "The picture shows rescuers at the dam on the 14th.", "Text of the report."]
    (s,) = mtpage.caption_signals(lines)
    assert s.kind == "MT phrase" and s.languages == ("zh",) and s.weight == 2
    (t,) = [x for x in mtsignals.sentence_signals("The picture shows rescuers at the dam.") if x.rule == s.rule]
    assert t.weight == s.weight  # one rule: the caption line and the sentence are one piece of evidence
    assert mtpage.caption_signals(["Photo: Reuters", "Rescuers at the dam on Tuesday. (Picture: AP)"]) == []
    assert s in mtpage.page_signals("\n".join(lines))
