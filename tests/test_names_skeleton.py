"""The rule ``transliteration`` (issue 26, pass 26n): two romanisations of one name from another script
share a key (consonant classes, vowels and glides as one), word for word; a key shared by chance, a
common word, a title, a different person of the same family name and a place named after the person are
not renderings. Invented Harbour-town names, each expectation worked out by hand."""
from presslens.analyses.naming import discovery
from presslens.analyses.naming.skeleton import key, match, word_key

from .test_translation import _story


def test_the_key_takes_out_what_romanisations_disagree_on():
    assert word_key("Jawlani") == word_key("Golani") == word_key("al-Julani") == "kVlVnV"
    assert word_key("Muhammad") == word_key("Mohammed") == "mVhVmVd"
    assert word_key("Sednaya") == word_key("Saydnaya") == "sVdnV"
    assert word_key("Peten") != word_key("Biden")  # voiced and voiceless consonants stay apart
    assert key("Abu Hamid bin Rashidi") == ("VbV", "hVmVd", "rVsVdV")  # a particle alone is no word of the key


def test_match_is_word_for_word_and_needs_three_consonants():
    assert match("Kestrel Jawlani", "Kestrel Golani", person=True)
    assert match("Kestrel Yawlani", "Kestrel Golani", person=True) is None  # y is a glide, not the j/g class
    assert match("Kim Gyun", "Kim Keon", person=True)
    assert match("Kim Gun", "Kim Keon", person=True) is None  # 'Gun' is an English word, not a rendering
    assert match("Yun", "Yoon", person=True) is None  # one consonant: too many names share it
    assert match("President Yin", "President Yoon", person=True) is None  # the title is no part of the key
    assert match("Mikhail Golani", "Evan Golani", person=True) is None  # another person of the family
    assert match("Golani Square", "Golani", person=False) is None  # a place named after the person
    assert match("Al-Golani", "Golani", person=True) is None  # the known name with its article
    assert key("Jaylani") == key("Gulini") and match("Jaylani", "Gulini", person=True) is None  # letters too far apart


def test_a_person_shortened_and_romanised_otherwise(tmp_path):
    assert match("Mohamad Lenko", "Mohammed Ghazi al-Lenko", person=True)
    assert match("Mohamad Lenko", "Mohammed Ghazi al-Lenko", person=False) is None  # persons only


def test_discovery_proposes_the_respelt_names(tmp_path):
    actors = ("  - {name: Abu Tarek al-Golani, kind: person, aliases: [Abu Tarek al-Golani, Golani]}\n"
              "  - {name: Kim Keon-hee, kind: person, aliases: [Kim Keon-hee]}\n")
    st = _story(tmp_path, actors, [("Quay", "Abu Tarek al-Golani spoke at the quay on Monday."),
                                   ("Pier", "Rebel leader Abu Tariq al-Jawlani met Jawlani's men at the pier."),
                                   ("Dock", "Kim Gun-hee visited the dock on Friday.")])
    d = discovery.discover(st)
    got = dict(zip(d["candidate"], d["rule"]))
    assert got.get("Abu Tariq al-Jawlani") == "transliteration", got
    assert got.get("Jawlani") == "transliteration", got
    assert got.get("Kim Gun-hee") == "transliteration", got
