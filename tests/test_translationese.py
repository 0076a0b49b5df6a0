"""The translationese profile (issue 26): a statistical measure of how much an English article's word
profile reads as a translation, from any source language, and how the translation score uses it."""
import pytest

from presslens.analyses.naming import translation
from presslens.text import mtsignals, translationese

from .test_translation import _story

# hand-written: English news copy (content words, "said"), and the same facts as a word-for-word
# translation renders them (articles before every noun phrase, "stated", "indicated", "pointed out")
NATIVE = ("Flooding forced thousands from their homes across northern Valdria on Tuesday, officials said. "
          "Rescue crews used boats to reach stranded families, and power cuts hit hospitals, schools and farms. "
          "Forecasters said more heavy rain would fall overnight. Prime Minister Olen Marsk told reporters "
          "emergency funds were ready. Insurers expect claims worth millions, analysts said.")
TRANSLATED = ("The floods of the north of Valdria forced the evacuation of the thousands of the families on the "
              "Tuesday, as was indicated by the authorities. The crews of the rescue used the boats to reach the "
              "families that were in the zone, and the cuts of the electricity affected the hospitals and the "
              "schools. The forecasters stated that the rain will be more heavy in the night. For Olen Marsk, the Prime "
              "Minister, as he pointed out, the funds of the emergency are ready. The insurers expect that the "
              "claims will be of the millions, affirmed the analysts.")


def test_the_profile_of_english_news_and_of_a_word_for_word_translation():
    native, translated = translationese.profile([NATIVE]), translationese.profile([TRANSLATED])
    assert native.z < 1 and translated.z >= translation.TRANSLATIONESE_Z
    assert translated.density < native.density and translated.the > native.the
    # four reporting verbs other than said, none "said": (4 + 0.5) / (0 + 4 + 1)
    assert translated.reporting == pytest.approx(4.5 / 5)
    assert native.reporting == pytest.approx(0.5 / 5)  # four "said"/"told", no other verb
    assert "lexical density" in translated.describe() and "English news 0.64" in translated.describe()
    # English stacks content words ("rescue crews", "power cuts"); the translation unfolds them with "of the"
    assert translated.stacked < 0.1 < 0.3 < native.stacked and "content words side by side" in translated.describe()
    assert translationese.profile(["Too short to measure, the text said."]) is None


def test_the_profile_is_a_signal_that_turns_one_weak_signal_into_a_verdict_but_never_carries_one_alone(tmp_path):
    st = _story(tmp_path, "  - {name: Olen Marsk, aliases: [Olen Marsk]}\n", [
        ("Native", NATIVE),
        ("Profile", TRANSLATED),
        # one weak signal (a locale format, weight 1) with the profile: a verdict
        ("ProfilePlus", TRANSLATED + " The damage of the floods reached the 1.000 houses, indicated the mayor."),
        # the same weak signal in English news copy: isolated
        ("NativePlus", NATIVE + " The damage reached 1.000 houses, the mayor said."),
    ])
    ind = translation.translation_indicators(st)
    assert set(ind.loc[ind["kind"] == "translationese", "outlet"]) == {"Profile", "ProfilePlus"}
    row = ind[(ind["kind"] == "translationese") & (ind["outlet"] == "Profile")].iloc[0]
    assert row["weight"] == 2 and row["languages"] == "" and row["source"] in {
        s["id"] for s in mtsignals.load_mt_phrases()["sources"]}
    v = translation.likely_translations(st, ind).set_index("outlet")
    assert "Native" not in v.index
    assert v.loc["Profile", "verdict"] == "isolated signals" and v.loc["Profile", "kinds"] == "translationese 2"
    assert v.loc["ProfilePlus", "verdict"] == "likely undeclared translation"
    assert v.loc["ProfilePlus", "score"] == 3 and v.loc["ProfilePlus", "n_rules"] == 2
    assert v.loc["NativePlus", "verdict"] == "isolated signals"


def test_stacked_content_words_count_adjacent_lower_case_content_words_only():
    # "crews reached", "reached flooded", "flooded villages", "north near": four (a capitalised word, "the",
    # "of" and words under three letters break a run)
    assert translationese._stacked_pairs("Rescue crews reached flooded villages of the north near Valdria Bay.") == 4
    assert translationese._stacked_pairs("The crews of the rescue reached the villages of the north.") == 1
    assert translationese._stacked_pairs("Prime Minister Olen Marsk met aid groups in Valdria.") == 2  # met aid, aid groups


def test_unfolding_the_stacked_nouns_alone_moves_the_profile_towards_translation():
    stacked = ("Rescue crews reached flooded farm villages on Tuesday. Power cuts closed rural schools, regional "
               "officials said. Relief agencies sent emergency food parcels and drinking water. Forecasters expect "
               "heavy rain overnight, and river levels could rise again, they said. Insurance claims will reach "
               "record levels, industry analysts said.")
    unfolded = ("Crews of rescue reached villages of farms that were flooded on Tuesday. Cuts of power closed schools "
                "in the countryside, officials of the region said. Agencies of relief sent parcels of food for emergency "
                "and water to drink. Forecasters expect rain that is heavy overnight, and levels of the river could "
                "rise again, they said. Claims of insurance will reach levels of record, analysts of the industry said.")
    a, b = translationese.profile([stacked]), translationese.profile([unfolded])
    assert b.stacked < a.stacked and b.z > a.z
    ref = translationese.REFERENCE
    three = sum(sign * (getattr(b, k) - getattr(a, k)) / sd for k, (_, sd, sign) in ref.items() if k != "stacked")
    assert b.z - a.z > three + 3  # the unfolded noun phrases alone add more than three standard deviations
    assert a.reporting == b.reporting  # the same reporting verbs: the move is the word order and "of"


def test_a_milder_profile_weighs_1_and_needs_a_signal_of_weight_2(tmp_path):
    first_three = " ".join(TRANSLATED.split(". ")[:3]) + "."
    mild = first_three + " " + NATIVE
    assert translation.TRANSLATIONESE_WEAK_Z <= translationese.profile([mild]).z < translation.TRANSLATIONESE_Z
    hours = " The crews reached the last village at 16:45 hours."  # a formula of weight 2 (es)
    st = _story(tmp_path, "  - {name: Olen Marsk, aliases: [Olen Marsk]}\n", [
        ("Mild", mild), ("MildPlus", mild + hours), ("NativePlus", NATIVE + hours)])
    v = translation.likely_translations(st).set_index("outlet")
    assert v.loc["Mild", "kinds"] == "translationese 1" and v.loc["Mild", "verdict"] == "isolated signals"
    assert v.loc["MildPlus", "kinds"] == "MT phrase 2, translationese 1"
    assert v.loc["MildPlus", "verdict"] == "likely undeclared translation"
    assert v.loc["MildPlus", "source_language"] == "es"  # the profile points to no language
    assert v.loc["NativePlus", "verdict"] == "isolated signals"


def test_profile_sums_its_sentences_and_reads_a_repeated_one_once(monkeypatch):
    """The profile's counts are the sum of its sentences' (no word spans two sentences); a sentence repeated
    across articles or within one (a wire's paragraph) is read once per process."""
    monkeypatch.setattr(translationese, "_MEMO", {})
    calls = []
    real = translationese._counts
    monkeypatch.setattr(translationese, "_counts", lambda s: calls.append(s) or real(s))
    s = "Rescue crews reached flooded villages near Harbour Bay on Monday."
    p = translationese.profile([s] * 4)
    assert calls == [s]
    # 10 words a sentence; content: all but 'on' (9); no 'the'; stacked: crews reached, reached flooded,
    # flooded villages, villages near (Rescue and Harbour are capitalised): 4 a sentence
    assert (p.words, p.density, p.the, p.stacked) == (40, 0.9, 0.0, 0.4)
    assert translationese.profile([s] * 4) == p and calls == [s]  # another article: read from the memo
