"""Chinese names read syllable by syllable (issue 26, pass 26u): the transliteration key counts vowels as one,
right for Arabic or Persian names, wrong for names in pinyin or Wade-Giles, whose vowels tell two people apart.
Invented names."""
from presslens.analyses.naming import discovery
from presslens.analyses.naming.skeleton import match
from presslens.analyses.naming.syllables import chinese, readings, same_syllables

from .test_translation import _story


def test_a_word_is_read_as_pinyin_or_wade_giles_syllables():
    assert "jingguo" in readings("Ching-kuo") and "jingguo" in readings("Jingguo")
    assert readings("Hsiao") == {"xiao"}
    assert not readings("Hamid") and not readings("Okafor")
    assert not readings("Yoon")  # 'yo' + 'on': a syllable opening on a vowel comes first, or after a hyphen
    assert chinese(["Chen", "Chien-jen"]) and not chinese(["Hamid", "Rashidi"])


def test_two_chinese_words_are_one_name_only_when_they_can_stand_for_the_same_syllables():
    assert same_syllables("Ching-kuo", "Jingguo") and same_syllables("Chiang", "Jiang")
    assert not same_syllables("Chun-jen", "Chien-jen") and not same_syllables("Liang", "Leung")


def test_the_key_no_longer_joins_two_chinese_names_that_differ_in_their_vowels():
    assert match("Chen Chun-ming", "Chen Chien-ming", True) is None  # another man of the Chen family
    assert match("Jiang Jingguo", "Chiang Ching-kuo", True)  # pinyin and Wade-Giles: one man
    assert match("Abu Qasim al-Jarwami", "Abu Kassem al-Garwami", True)  # no Chinese name: the key decides


def test_discovery_leaves_the_other_chen_out(tmp_path):
    actors = "  - {name: Chen Chien-ming, kind: person, aliases: [Chen Chien-ming]}\n"
    st = _story(tmp_path, actors, [("Daily", "Chen Chien-ming opened the Harbour pier on Monday."),
                                   ("Post", "Chen Chun-ming, the harbour's deputy, spoke on Tuesday."),
                                   ("Wire", "Jiang Jingguo met the Harbour Council.")])
    d = discovery.discover(st)
    assert "Chen Chun-ming" not in set(d["candidate"]), d[["candidate", "rule"]]


def test_a_chinese_name_a_syllable_off_is_another_name_for_the_edits_rule_too():
    from presslens.analyses.naming.syllables import other_chinese_name
    from presslens.analyses.naming.variants import Known, score

    assert other_chinese_name("Chen Chun-ming", "Chen Chien-ming")
    assert not other_chinese_name("Jiang Jingguo", "Chiang Ching-kuo") and not other_chinese_name("Lina Okafr", "Lina Okafor")
    assert not other_chinese_name("Tuanbao", "Toubao")  # one word: a misspelling as any other (a transposition)
    known = [Known("Chen Chien-ming", "Chen Chien-ming"), Known("Lina Okafor", "Lina Okafor")]
    assert score("Chen Chun-ming", known) == []
    assert [h["rule"] for h in score("Lina Okafr", known)] == ["spelling: edits"]  # any other name: as before
