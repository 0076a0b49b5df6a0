"""Name discovery and the Arabic article (issue 26, pass 26r): the article and the connective that stands for it
in Urdu and Bengali names ("ul", "ud", "ur", "uz") written apart is part of the name's run ("Farid uz Marvan" is
"Farid-Uz-Marvan" spaced); a known name of two words or more with its article left out is the same name
("Rashid Kestrelli" for "Rashid al-Kestrelli"); a two-word name written family name first *and* romanised
otherwise is the same person ("Hashimov Dalerbek" for "Dalerbek Hoshimov"). Invented Harbour-town names, each
expectation worked out by hand."""
from presslens.analyses.naming import discovery
from presslens.analyses.naming.candidates import candidates
from presslens.analyses.naming.skeleton import match
from presslens.analyses.naming.variants import without_article

from .test_translation import _story


def _found(st):
    d = discovery.discover(st)
    return {c: r for c, r in zip(d["candidate"], d["rule"])}


def test_a_spaced_connective_joins_the_run_of_a_name(tmp_path):
    actors = "  - {name: Farid-Uz-Marvan, kind: person, aliases: [Farid-Uz-Marvan]}\n"
    st = _story(tmp_path, actors, [("Quay", "Harbour army chief Farid uz Marvan spoke at the quay on Monday."),
                                   ("Pier", "Farid-Uz-Marvan met the mayor at the pier on Friday.")])
    assert "Farid uz Marvan" in set(candidates(st)["candidate"])
    assert _found(st).get("Farid uz Marvan") == "spelling: spacing"  # the same letters, spaced


def test_english_words_never_join_two_capitalised_words(tmp_path):
    actors = "  - {name: Harbour Council, kind: organisation, aliases: [Harbour Council]}\n"
    st = _story(tmp_path, actors, [("Quay", "Please join us Friday, Kestrel as Mayor said, at Harbour an Quay.")])
    runs = set(candidates(st)["candidate"])
    assert not {"Kestrel as Mayor", "Harbour an Quay"} & runs, runs  # "as", "an", "us": English, no article


def test_without_article():
    assert without_article("Rashid al-Kestrelli") == "rashidkestrelli"
    assert without_article("Farid uz Marvan") == "faridmarvan"
    assert without_article("Rashid Kestrelli") is None  # no article
    assert without_article("al-Kestrelli") is None  # one word left: the surname, not a name of two words
    assert without_article("Alma Kestrel") is None  # "Al" starting a word is no article


def test_a_known_name_with_its_article_left_out_is_the_same_name(tmp_path):
    actors = "  - {name: Rashid al-Kestrelli, kind: person, aliases: [Rashid al-Kestrelli]}\n"
    st = _story(tmp_path, actors, [("Quay", "Prime minister Rashid Kestrelli spoke at the quay on Monday."),
                                   ("Pier", "Rashid al-Kestrelli met the mayor at the pier on Friday.")])
    assert _found(st).get("Rashid Kestrelli") == "spelling: spacing"


def test_the_family_name_first_and_romanised_otherwise_is_the_same_person(tmp_path):
    assert match("Hashimov Dalerbek", "Dalerbek Hoshimov", person=True)  # key hVsVmVv of both surnames
    assert match("Hashimov Dalerbek", "Dalerbek Hoshimov", person=False) is None  # a person's name only
    assert match("Hashimov Petrov", "Dalerbek Hoshimov", person=True) is None  # another given name
    actors = "  - {name: Dalerbek Hoshimov, kind: person, aliases: [Dalerbek Hoshimov, Hoshimov]}\n"
    st = _story(tmp_path, actors, [("Court", '"The court ordered the detention of Hashimov Dalerbek," a judge said.'),
                                   ("Pier", "Dalerbek Hoshimov was seen at the pier on Friday.")])
    got = _found(st)
    assert got.get("Hashimov Dalerbek") == "transliteration", got
    assert "Hashimov" not in got, got  # a piece of the proposal, never written on its own


def test_a_contracted_given_name_is_a_short_form(tmp_path):
    from presslens.analyses.naming.persons import contraction
    assert contraction("Md", "Muhammad") and contraction("Mohd", "Mohammed") and contraction("Wm", "William")
    assert contraction("Muhd", "Muhammad")
    assert not contraction("Dan", "Dean")  # half the name or more: another name
    assert not contraction("Mo", "Muhammad")  # the last letter is not kept: a nickname, not a contraction
    assert not contraction("Mohammad", "Muhammad")  # a spelling, not a contraction
    assert not contraction("Maud", "Muhammad")  # two vowels: a name of its own
    actors = "  - {name: Muhammad Kerin, kind: person, aliases: [Muhammad Kerin, Kerin]}\n"
    st = _story(tmp_path, actors, [("Quay", "Adviser Md Kerin spoke at the quay on Monday."),
                                   ("Pier", "Muhammad Kerin met the mayor. Mr Kerin left at noon.")])
    got = _found(st)
    assert got.get("Md Kerin") == "short form", got
    assert "Mr Kerin" not in got, got  # a title, not a contracted given name


def test_an_honorific_of_another_language_is_no_longer_name(tmp_path):
    actors = "  - {name: Rukhsana Kerin, kind: person, aliases: [Rukhsana Kerin, Kerin]}\n"
    st = _story(tmp_path, actors, [("Quay", "Begum Rukhsana Kerin was freed on Monday, the party said."),
                                   ("Pier", "Amara Rukhsana Kerin spoke at the pier on Friday.")])
    got = _found(st)
    assert "Begum Rukhsana Kerin" not in got, got  # an honorific before the known name, as "Mrs" would be
    assert got.get("Amara Rukhsana Kerin") == "long form", got  # a name word before it is still a longer name
