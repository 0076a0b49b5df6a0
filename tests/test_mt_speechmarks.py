"""Direct speech marked the way another language marks it (issue 26, pass 26g): guillemets, a dialogue dash, or a
speaker's first-person words with no quotation marks, read from any source language (presslens.text.speechmarks)."""
import pytest

from presslens import load_story
from presslens.analyses.naming import translation
from presslens.text import mtsignals, speechmarks


@pytest.mark.parametrize("sentence, form", [
    ("The harbour master called the flood « a test for the whole town » on Tuesday.", "guillemets"),
    ("» Harbour Master Olena Kovalenko now advises every skipper to check the moorings twice.", "guillemets"),
    ("We are ready for the storm season, — said Harbour Master Olena Kovalenko.", "dash"),
    ("– We will keep the sluice gates shut until Friday, says Kovalenko.", "dash"),
    ("We have sandbags in readiness, says Olena Kovalenko.", "unmarked"),
    ("We are following the water level closely, she says.", "unmarked"),
    ("Our crews will stay on the quay tonight, says Kovalenko, the harbour master of Eastport.", "unmarked"),
])
def test_each_form_of_speech_marked_the_source_s_way(sentence, form):
    assert speechmarks.form(sentence) == form


@pytest.mark.parametrize("sentence", [
    "“We have sandbags in readiness,” says Olena Kovalenko.",     # English marks
    "'We have sandbags in readiness,' says Olena Kovalenko.",
    "The council has sandbags in readiness, says Olena Kovalenko.",  # reported speech: no first person
    "The mayor wrote « nous sommes prêts pour la saison des tempêtes » on Tuesday.",  # a French quotation
    "HARBOUR CITY (AP) — The council declared an emergency on Tuesday.",  # an em dash dateline
    "The flood — the worst in decades — said little about the sluice gates.",
    "We said so on Tuesday.",
])
def test_english_speech_and_foreign_quotations_are_not_marked(sentence):
    assert speechmarks.form(sentence) is None


def test_one_sentence_weighs_two_and_two_sentences_three():
    one = speechmarks.speech_signals([(1, "The tide rose at dawn."), (2, "We have sandbags in readiness, says Kovalenko.")])
    assert [(sid, s.weight, s.rule, s.kind) for sid, _, s in one] == [(2, 2, speechmarks.UNMARKED_RULE, "locale format")]
    assert one[0][2].languages == ("sv", "no", "da", "fi")
    two = speechmarks.speech_signals([(1, "We have sandbags in readiness, says Kovalenko."),
                                      (2, "The tide rose at dawn."),
                                      (3, "We are ready for the storm season, — said Harbour Master Olena Kovalenko.")])
    assert len(two) == 1 and two[0][2].weight == 3 and two[0][0] == 1
    assert "(unmarked, dash) in 2 sentences" in two[0][2].detail and "ru" in two[0][2].languages
    assert speechmarks.speech_signals([(1, "“We have sandbags,” says Kovalenko.")]) == []


def test_unmarked_speech_alone_corroborates_and_never_weighs_three():
    # a British live blog reports a speaker's words with "he says" and no marks: however many sentences, weight 2
    blog = [(1, "11:35 Ruiz begins her statement. Until we fix the quay, she says, we cannot reopen the market."),
            (2, "11:41 The whole affair raises questions about our harbour police, says Ruiz."),
            (3, "11:44 We will publish the report of the inspectors in full, she says.")]
    got = speechmarks.speech_signals(blog)
    assert [(sid, s.weight) for sid, _, s in got] == [(1, 2)] and "(unmarked) in 3 sentences" in got[0][2].detail
    dashes = speechmarks.speech_signals([(1, "We are ready for the storm season, — said Harbour Master Olena Kovalenko."),
                                         (2, "The quay will stay shut until May, — said Kovalenko.")])
    assert [s.weight for _, _, s in dashes] == [3]


def test_guillemets_are_listed_never_counted():
    """An English desk of a French- or Russian-speaking newsroom keeps « »: shown with weight 0, beside a counted form
    too, and never raise a score."""
    got = speechmarks.speech_signals([(1, "The harbour master called it « a test for the whole town »."),
                                      (2, "» Kovalenko now advises every skipper to check the moorings twice.")])
    assert [(sid, s.weight, s.rule) for sid, _, s in got] == [(1, 0, speechmarks.GUILLEMET_RULE)]
    assert "in 2 sentences" in got[0][2].detail
    both = speechmarks.speech_signals([(1, "The harbour master called it « a test for the whole town »."),
                                       (2, "We have sandbags in readiness, says Kovalenko.")])
    assert [(sid, s.weight, s.rule) for sid, _, s in both] == [(2, 2, speechmarks.UNMARKED_RULE), (1, 0, speechmarks.GUILLEMET_RULE)]


def test_the_nordic_formula_is_no_longer_a_sentence_formula():
    """mt_phrases.yaml v10: the unmarked form lives in speechmarks only, so one sentence is not counted twice."""
    assert [s for s in mtsignals.sentence_signals("We have sandbags in readiness, says Olena Kovalenko.")
            if s.weight > 0] == []


HUMAN = ("Floodwater reached the quay of Eastport on Tuesday, the Harbour Council said.\n\n"
         "“We have sandbags in readiness,” said Olena Kovalenko, the harbour master.\n\n"
         "The council said the sluice gates would stay shut until Friday, and that crews would check the moorings.")
TRANSLATED = ("Floodwater reached the quay of Eastport on Tuesday, the Harbour Council said.\n\n"
              "We have sandbags in readiness and we are following the water level closely, says Olena Kovalenko.\n\n"
              "The sluice gates will stay shut until Friday.\n\n– Our crews will stay on the quay tonight, says Kovalenko.")


def test_an_article_marking_speech_the_source_s_way_reads_as_a_translation(tmp_path):
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nactors:\n  - name: Harbour Council\n"
                                  "    kind: institution\n", encoding="utf-8")
    for i, (outlet, body) in enumerate((("Eastport Gazette", HUMAN), ("Harbour Wire", TRANSLATED))):
        (d / "articles" / f"a{i}.md").write_text(
            f"---\noutlet: {outlet}\ntitle: Story {i}\nurl: https://example.org/{i}\npublished: 2024-01-0{i + 1}\n"
            f"language: en\n---\n{body}\n", encoding="utf-8")
    st = load_story(d)
    ind = translation.translation_indicators(st)
    mine = ind[ind["rule"] == speechmarks.RULE]
    assert mine["article_id"].tolist() == ["a1"] and mine["weight"].tolist() == [3]
    v = translation.likely_translations(st).set_index("article_id")
    assert v.loc["a1", "verdict"] == "likely undeclared translation"
    assert "a0" not in v.index or v.loc["a0", "verdict"] == "isolated signals"


def test_unmarked_speech_alone_gives_no_verdict(tmp_path):
    # the same article with no dash: a British live blog's "..., says X" reads the same way, so weight 2, no verdict
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\n", encoding="utf-8")
    body = TRANSLATED.replace("– Our crews", "Our crews")
    (d / "articles" / "a1.md").write_text("---\noutlet: Harbour Wire\ntitle: Story\nurl: https://example.org/1\n"
                                          f"published: 2024-01-02\nlanguage: en\n---\n{body}\n", encoding="utf-8")
    st = load_story(d)
    ind = translation.translation_indicators(st)
    assert ind[ind["rule"] == speechmarks.UNMARKED_RULE]["weight"].tolist() == [2]
    v = translation.likely_translations(st).set_index("article_id")
    assert v.loc["a1", "verdict"] != "likely undeclared translation"
