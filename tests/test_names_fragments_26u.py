"""A piece of a name is no variant of it (issue 26, pass 26u): a run opened by the Arabic article in lower case
is the name as written ("al-Rasheedi", not "Rasheedi"); a stretch of Chinese characters that is the first part
of a longer dictionary word is no name of its own (大学 in 大学生); and a name sharing with an organisation only
its country's name or adjective is another body of that country. Invented stories, no evaluation text."""
from presslens.analyses.naming import discovery
from presslens.analyses.naming.candidates import CAP_RUN
from presslens.analyses.naming.cjknames import word_goes_on
from presslens.analyses.naming.variants import dictionary_words

from .test_translation import _story


def _found(st):
    d = discovery.discover(st)
    return {c: (a, r) for c, a, r in zip(d["candidate"], d["actor"], d["rule"])}


def test_a_run_may_open_on_the_arabic_article_in_lower_case():
    runs = lambda t: [m.group(0) for m in CAP_RUN.finditer(t)]  # noqa: E731
    assert runs("Harbour board to stay until the vote, al-Rasheedi says") == ["Harbour", "al-Rasheedi"]
    assert runs("Abu Hamid al-Rashidi spoke") == ["Abu Hamid al-Rashidi"]
    assert runs("a pro-Harbour crowd and a real-Time feed") == ["Harbour", "Time"]  # no article: as before
    assert runs("the normal-Rashidi link") == ["Rashidi"]  # "-al" ending another word is no article


def test_the_name_with_its_article_is_proposed_not_the_bare_word(tmp_path):
    actors = "  - {name: Hamid al-Rashidi, kind: person, aliases: [Hamid al-Rashidi, al-Rashidi]}\n"
    st = _story(tmp_path, actors, [
        ("Daily", "Hamid al-Rashidi met the Harbour Council on Monday. al-Rashidi said the port would reopen."),
        ("Post", "Harbour board to stay until the vote, al-Rasheedi says.")])
    got = _found(st)
    assert "Rasheedi" not in got, got
    assert got.get("al-Rasheedi", ("", ""))[0] == "Hamid al-Rashidi", got


def test_the_first_part_of_a_longer_dictionary_word_is_no_name():
    words = dictionary_words(glossed=False)
    assert word_goes_on("他们是大学生", 3, 5, words)  # 大学 of 大学生 (a student)
    assert not word_goes_on("大学说不", 0, 2, words)  # 大学 then 说: the word ends there
    assert not word_goes_on("大学", 0, 2, words)
    assert "大学生" in words and "大学" in words  # every headword, whatever the length of its gloss


def test_a_stretch_inside_a_longer_word_is_not_proposed(tmp_path):
    actors = "  - {name: Daxue, kind: organisation, aliases: [Daxue]}\n"
    st = _story(tmp_path, actors, [("Daily", "Daxue opened the Harbour pier on Monday."),
                                   ("Wire", "许多大学生参加了活动。")])
    assert "大学" not in _found(st)  # 大学 stands inside 大学生 there
    st = _story(tmp_path / "b", actors, [("Daily", "Daxue opened the Harbour pier on Monday."),
                                         ("Wire", "港口的大学说，码头周一开放。")])
    assert _found(st).get("大学") == ("Daxue", "romanisation")  # the word on its own


def test_a_name_sharing_only_the_country_is_another_body_of_it(tmp_path):
    actors = ("  - {name: Norwegian Coast Watch, kind: government, aliases: [Norwegian Coast Watch]}\n"
              "  - {name: Marta Bello, kind: person, aliases: [Marta Bello]}\n")
    mt = ("The newspaper said this Monday (12) that Norwegian Parliament, the Norwegian Coast Guard and Marta "
          "Beautiful met at the Harbour.")
    st = _story(tmp_path, actors, [("Mt", mt), ("Plain", "Norwegian Coast Watch said Marta Bello met the "
                                                         "Harbour Council on Tuesday.")])
    got = _found(st)
    assert got.get("Marta Beautiful") == ("Marta Bello", "translation: shared part"), got  # the text reads as MT
    assert "Norwegian Parliament" not in got, got  # only 'norwegian' shared: another body of Norway
    assert got.get("Norwegian Coast Guard") == ("Norwegian Coast Watch", "translation: shared part")  # two words


def test_a_family_name_written_solid_after_the_full_name_written_solid_is_the_surname(tmp_path):
    from presslens.analyses.naming.shortnames import _word_pattern
    import re

    assert all(re.fullmatch(_word_pattern("Amir-Dorsan"), t, re.I) for t in ("Amir-Dorsan", "Amirdorsan", "Amir Dorsan"))
    actors = "  - {name: Karim Amir-Dorsan, kind: person, aliases: [Karim Amir-Dorsan]}\n"
    st = _story(tmp_path, actors, [
        ("Daily", "Karim Amir-Dorsan opened the Harbour pier on Monday."),
        ("Post", "Karim Amirdorsan met the Harbour Council on Tuesday. Amirdorsan said the pier was safe.")])
    got = _found(st)
    assert got.get("Karim Amirdorsan") == ("Karim Amir-Dorsan", "spelling: spacing"), got
    assert got.get("Amirdorsan") == ("Karim Amir-Dorsan", "surname"), got  # named in full (written solid) before
    st = _story(tmp_path / "b", actors, [("Daily", "Karim Amir-Dorsan opened the Harbour pier on Monday."),
                                         ("Post", "Amirdorsan said the pier was safe.")])
    assert "Amirdorsan" not in _found(st)  # no full name in that article: who the bare word is stays open
