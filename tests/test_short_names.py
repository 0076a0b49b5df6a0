"""A person named by one word of the name (the family name alone, a title and one name word), and the
guards that keep the proposals precise: hand-made stories of the general shape, no evaluation text."""
from presslens.analyses.naming import discovery
from presslens.analyses.naming.romanise import pinyin_count
from presslens.analyses.naming.shortnames import family_first, surname_of

from .conftest import write_story


def _found(story):
    d = discovery.discover(story)
    return sorted(zip(d["candidate"], d["actor"], d["rule"]))


PEOPLE = ("  - {name: Lina Okafor, kind: person, aliases: [Lina Okafor]}\n"
          "  - {name: Wang Lifen, kind: person, aliases: [Wang Lifen]}\n"
          "  - {name: Tom Baker, kind: person, aliases: [Tom Baker]}\n")


def test_family_name_after_the_full_name_but_not_a_title_with_one_name_word(tmp_path):
    st = write_story(tmp_path, PEOPLE, [
        ("Daily", "Lina Okafor arrived in the capital on Monday. Okafor said the talks had failed. "
                  "Dr Lina thanked the hosts. Tom Baker stayed home. Baker said nothing."),
        ("Post", "Wang Lifen opened the meeting. Wang said the plan would hold. Lifen then left the room. "
                 "President Okafor did not attend.")])
    # never "Lifen" (a given name), nor "Baker" (a word); a title with one name word ("Dr Lina",
    # "President Okafor") is not proposed since issue 26 (its held-out precision was below the other rules')
    assert _found(st) == [("Okafor", "Lina Okafor", "surname"), ("Wang", "Wang Lifen", "surname")]


def test_a_bare_word_before_any_full_name_and_a_title_before_the_full_name_are_not_proposed(tmp_path):
    st = write_story(tmp_path, PEOPLE, [
        ("Daily", "Okafor was absent from the vote. Later that day Lina Okafor wrote to the committee."),
        ("Post", "President Lina Okafor spoke first. Mayor Okafor-Diaz spoke next. "
                 "President Lina Amara Okafor spoke last.")])  # "President Lina": the start of a longer name
    assert _found(st) == []


def test_a_spelling_of_the_whole_name_around_a_known_part_is_proposed_a_known_name_with_words_is_not(tmp_path):
    st = write_story(tmp_path, "  - {name: Ebrahim Lenkovar, kind: person, aliases: [Ebrahim Lenkovar, Lenkovar]}\n"
                               "  - {name: Corvex, kind: company, aliases: [Corvex, Corvex Lab]}\n", [
        ("Daily", "Ibrahim Lenkovar was elected in 2021. Corvex Law sued the company on Friday.")])
    assert _found(st) == [("Ibrahim Lenkovar", "Ebrahim Lenkovar", "spelling: edits")]  # not "Corvex Law"


def test_two_known_forms_side_by_side_are_not_a_longer_name(tmp_path):
    st = write_story(tmp_path, "  - {name: Lina Okafor, kind: person, aliases: [Lina Okafor, Grand Mufti]}\n", [
        ("Daily", "Grand Mufti Lina Okafor spoke at the mosque. Lina Okafor Diaz was there too.")])
    assert _found(st) == [("Lina Okafor Diaz", "Lina Okafor", "long form")]


def test_family_name_first_only_for_pinyin_names():
    assert [pinyin_count(w) for w in ("Wang", "Lifen", "Okafor", "Ali")] == [1, 2, 0, 2]
    assert family_first(["Wang", "Lifen"]) and family_first(["Gao", "Ye"])
    assert not family_first(["Ali", "Rezaei"]) and not family_first(["Lina", "Okafor"])
    assert surname_of(["Wang", "Lifen"]) == "Wang" and surname_of(["Lina", "Okafor"]) == "Okafor"


def test_a_hyphenated_family_name_written_solid_is_a_spelling_not_two_glued_words(tmp_path):
    # "Amirdorsan" is "Amir" and "Dorsan" run together, the shape of a glue ("Anamaria"), but the known
    # form writes them with a hyphen: the solid word is how many outlets spell that family name
    st = write_story(tmp_path, "  - {name: Karim Amir-Dorsan, kind: person, aliases: [Karim Amir-Dorsan]}\n", [
        ("Daily", "Foreign Minister Karim Amirdorsan landed in the capital on Monday."),
        ("Post", "Karim Amir-Dorsan met the envoy. Officials said the talks went well.")])
    assert _found(st) == [("Karim Amirdorsan", "Karim Amir-Dorsan", "spelling: spacing")]


def test_a_name_after_dear_is_the_name_not_a_fragment_of_a_longer_one(tmp_path):
    # "Palazzo Velascon" and "Jenna Velascon": the word is a piece of an unknown longer name; "Dear" is a form
    # of address, like a title, so "Velascon" in "Dear Velascon" is the person's name spelt one letter off
    people = "  - {name: Marta Velasco, kind: person, aliases: [Marta Velasco, Velasco]}\n"
    st = write_story(tmp_path, people, [("Daily", "“Dear Velascon never rested,” the leader wrote on Monday.")])
    assert _found(st) == [("Velascon", "Marta Velasco", "spelling: edits")]
    st = write_story(tmp_path / "b", people, [("Daily", "Officials met at Palazzo Velascon on Monday.")])
    assert _found(st) == []


def test_a_family_name_in_the_headline_is_explained_by_the_full_name_in_the_body(tmp_path):
    from presslens import load_story

    d = tmp_path / "h"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nactors:\n" + PEOPLE, encoding="utf-8")
    for i, (title, body) in enumerate([
            ("Foreign Minister Okafor resigns after the vote",
             "Foreign Minister Lina Okafor resigned on Monday after losing the vote in parliament."),
            ("Baker resigns after the vote", "The minister resigned on Monday after the vote.")]):
        (d / "articles" / f"a{i}.md").write_text(
            f"---\noutlet: Desk {i}\ntitle: {title}\nurl: https://example.org/{i}\npublished: 2024-01-0{i + 1}\n"
            f"language: en\n---\n{body}\n", encoding="utf-8")
    # the headline's "Okafor" (after the title "Foreign Minister") is the body's Lina Okafor; the second
    # article never names anyone in full, so its headline's word stays unexplained
    assert _found(load_story(d)) == [("Okafor", "Lina Okafor", "surname")]
