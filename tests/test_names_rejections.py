"""What a reader uses to reject a name proposal (issue 26, pass 26j): a given name alone taken for the family
name, one word shared with an organisation beside words of another entity, a mistyped title before a full
name, a known name with a generic word in front taken for its words reordered, and the last word of a teaser
cut at an ellipsis. Invented stories (a "Harbour Council" town), no evaluation text."""
from presslens.analyses.naming import discovery
from presslens.analyses.naming.persons import title_typo
from presslens.analyses.naming.shortnames import family_first, surname_of

from .test_translation import _story


def _found(st):
    d = discovery.discover(st)
    return sorted(zip(d["candidate"], d["actor"], d["rule"]))


def test_a_hyphenated_east_asian_given_name_is_never_taken_for_the_family_name(tmp_path):
    assert family_first(["Tsao", "Ming-hua"]) and surname_of(["Tsao", "Ming-hua"]) == "Tsao"
    assert not family_first(["Lina", "Okafor-Diaz"]) and surname_of(["Lina", "Okafor-Diaz"]) == "Okafor-Diaz"
    assert not family_first(["Karim", "Amir-Dorsan"])  # a Western double-barrelled family name capitalises both
    actors = ("  - {name: Tsao Ming-hua, kind: person, aliases: [Tsao Ming-hua]}\n"
              "  - {name: Harbour Council, kind: government, aliases: [Harbour Council]}\n")
    st = _story(tmp_path, actors, [
        ("Daily", "Tsao Ming-hua won the Harbour Council vote on Saturday. Ming-hua said the island would stay calm."),
        ("Post", "Tsao Ming-hua spoke first at the Harbour Council. Tsao later left the hall.")])
    assert _found(st) == [("Tsao", "Tsao Ming-hua", "surname")]  # the family name, never "Ming-hua"


def test_one_word_shared_with_an_organisation_beside_foreign_name_words_is_another_entity(tmp_path):
    actors = ("  - {name: Tanvel News Agency, kind: media, aliases: [Tanvel News Agency]}\n"
              "  - {name: Harbour Council of Velmora, kind: government, aliases: [Harbour Council of Velmora]}\n"
              "  - {name: Marta Bello, kind: person, aliases: [Marta Bello]}\n")
    mt = ("The newspaper Tanvel Xiaobo reported this Monday (12) that Velmora Akiro Tanvel met the Tanvel "
          "Press Agency and Marta Beautiful.")
    st = _story(tmp_path, actors, [("Mt", mt), ("Plain", "Tanvel News Agency said Marta Bello met the "
                                                         "Harbour Council of Velmora on Tuesday.")])
    got = {c: (a, r) for c, a, r in _found(st)}
    assert "Tanvel Xiaobo" not in got and "Velmora Akiro Tanvel" not in got, got  # a paper, a person
    assert got.get("Tanvel Press Agency") == ("Tanvel News Agency", "translation: shared part")  # English words
    assert got.get("Marta Beautiful") == ("Marta Bello", "translation: shared part")  # a person's name, rendered


def test_a_person_sharing_only_the_given_name_is_another_person_unless_the_rest_spells_the_name(tmp_path):
    actors = "  - {name: Tomasz Wendarikov, kind: person, aliases: [Tomasz Wendarikov]}\n"
    mt = "Tomasz Kowalczyk and Tomasz Vendarykof met the Harbour Council this Monday (12) at noon."
    st = _story(tmp_path, actors, [("Mt", mt), ("Plain", "Tomasz Wendarikov met the Harbour Council on Tuesday.")])
    got = {c: r for c, _, r in _found(st)}
    assert "Tomasz Kowalczyk" not in got, got  # another Tomasz
    assert got.get("Tomasz Vendarykof") == "translation: shared part"  # three letters off the family name


def test_a_mistyped_title_before_a_full_name_is_no_longer_name(tmp_path):
    assert title_typo("Minster") and title_typo("Presdent") and title_typo("Govenor")
    assert not title_typo("Germain") and not title_typo("Mayer") and not title_typo("Okafor")
    actors = "  - {name: Lina Okafor, kind: person, aliases: [Lina Okafor]}\n"
    st = _story(tmp_path, actors, [("Daily", "Harbour Minster Lina Okafor opened the pier. Amara Lina Okafor spoke.")])
    assert _found(st) == [("Amara Lina Okafor", "Lina Okafor", "long form")]


def test_a_known_name_with_a_generic_word_before_it_is_not_its_words_reordered(tmp_path):
    actors = ("  - {name: Corvex, kind: company, aliases: [Corvex, Corvex AI]}\n"
              "  - {name: Harbour Council, kind: government, aliases: [Harbour Council]}\n")
    st = _story(tmp_path, actors, [("Daily", "The Velmora AI Corvex said on Monday that Council Harbour staff "
                                             "would test its model. Corvex AI shares fell.")])
    assert _found(st) == [("Council Harbour", "Harbour Council", "word order")]  # not "AI Corvex"


def test_the_last_word_of_a_teaser_cut_at_an_ellipsis_is_no_name(tmp_path):
    actors = "  - {name: Zyrna Qoratz, kind: person, aliases: [Zyrna Qoratz]}\n"
    st = _story(tmp_path, actors, [("Post", "Residents thanked the mayor, Zyrna Qorat… Read more on Monday."),
                                   ("Daily", "Zyrna Qoratz opened the pier of the Harbour Council.")])
    assert _found(st) == []
    st2 = _story(tmp_path / "b", actors, [("Post", "Residents thanked the mayor, Zyrna Qorat, on Monday.")])
    assert _found(st2) == [("Zyrna Qorat", "Zyrna Qoratz", "spelling: edits")]


def test_a_common_word_capitalised_only_to_open_a_sentence_is_no_part_of_the_name(tmp_path):
    from presslens.analyses.naming.candidates import sentence_openers

    texts = ["Meanwhile Velmora Press Agency said the pier was safe.", "The council met meanwhile in the hall.",
             "Eastern Velmora voted.", "Rain fell on eastern Velmora.", "Analysts said so.", "Two analysts left."]
    assert sentence_openers(texts) == frozenset({"meanwhile", "analysts"})  # an adjective may open a name
    actors = "  - {name: Velmora News Agency, kind: media, aliases: [Velmora News Agency]}\n"
    mt = "Meanwhile Velmora Press Agency reported this Monday (12) that the pier had meanwhile reopened."
    st = _story(tmp_path, actors, [("Mt", mt), ("Plain", "Velmora News Agency said the pier reopened on Tuesday.")])
    assert _found(st) == [("Velmora Press Agency", "Velmora News Agency", "translation: shared part")]
