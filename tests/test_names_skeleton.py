"""The rule ``transliteration`` (issue 26, pass 26n): two romanisations of one name from another script
share a key (consonant classes, vowels and glides as one), word for word; a key shared by chance, a
common word, a title, a different person of the same family name and a place named after the person are
not renderings. Invented Harbour-town names, each expectation worked out by hand."""
from presslens.analyses.naming import discovery
from presslens.analyses.naming.skeleton import key, match, word_key

from .test_translation import _story


def test_the_key_takes_out_what_romanisations_disagree_on():
    assert word_key("Jarwami") == word_key("Garwami") == word_key("al-Jurami") == "kVrVmV"
    assert word_key("Qasim") == word_key("Kassem") == "kVsVm"
    assert word_key("Bedora") == word_key("Baydura") == "pVtVrV"
    assert word_key("Tovan") == word_key("Dovan") == "tVvVn"  # Wade-Giles t, pinyin d
    assert key("Abu Hamid bin Rashidi") == ("VpV", "hVmVt", "rVsVtV")  # a particle alone is no word of the key


def test_match_is_word_for_word_and_needs_three_consonants():
    assert match("Kestrel Jarwami", "Kestrel Garwami", person=True)
    assert match("Kestrel Yarwami", "Kestrel Garwami", person=True) is None  # y is a glide, not the j/g class
    assert match("Pak Gyun", "Pak Geon", person=True)
    assert match("Pak Gun", "Pak Geon", person=True) is None  # 'Gun' is an English word, not a rendering
    assert match("Pak Kyun seo", "Pak Geon-so", person=True)  # the syllables of the given name spaced
    assert match("Pak Kyun seo", "Lim Geon-so", person=True) is None  # not when the first word differs
    assert match("Pak Kyun so", "Pak Geon-so", person=True) is None  # 'so' is an English word
    assert match("Yon", "Yeun", person=True) is None  # one consonant: too many names share it
    assert match("President Yan", "President Yeun", person=True) is None  # the title is no part of the key
    assert match("Mikhail Garwami", "Evan Garwami", person=True) is None  # another person of the family
    assert match("Garwami Square", "Garwami", person=False) is None  # a place named after the person
    assert match("Al-Garwami", "Garwami", person=True) is None  # the known name with its article
    assert key("Jayrami") == key("Gurimi") and match("Jayrami", "Gurimi", person=True) is None  # letters too far apart
    assert key("Tepan") == key("Dobin") and match("Tepan", "Dobin", person=True) is None  # a key shared by chance


def test_a_person_shortened_and_romanised_otherwise(tmp_path):
    assert match("Kasim Lenko", "Kassem Ghazi al-Lenko", person=True)
    assert match("Kasim Lenko", "Kassem Ghazi al-Lenko", person=False) is None  # persons only


def test_discovery_proposes_the_respelt_names(tmp_path):
    actors = ("  - {name: Abu Tarek al-Garwami, kind: person, aliases: [Abu Tarek al-Garwami, Garwami]}\n"
              "  - {name: Pak Geon-so, kind: person, aliases: [Pak Geon-so]}\n")
    st = _story(tmp_path, actors, [("Quay", "Abu Tarek al-Garwami spoke at the quay on Monday."),
                                   ("Pier", "Rebel leader Abu Tariq al-Jarwami met Jurwemi's men at the pier."),
                                   ("Dock", "Pak Kyun-soo visited the dock on Friday.")])
    d = discovery.discover(st)
    got = dict(zip(d["candidate"], d["rule"]))
    assert got.get("Abu Tariq al-Jarwami") == "transliteration", got
    assert got.get("Jurwemi") == "transliteration", got
    assert got.get("Pak Kyun-soo") == "transliteration", got
