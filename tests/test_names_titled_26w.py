"""A title is no spelling of a name (issue 26, pass 26w): a person's name with a title, honorific, role or
nationality first ("Dr Lina Okafor", "Dr. Lina Okafor", "Mr Okafor") is the name after it, never proposed as a
variant of the person (two edits from "Lina Okafor" by letters). Found when the development stories' story.yaml
were cut to one name per actor, as a new user writes them. Invented names."""
from presslens.analyses.naming import discovery
from presslens.analyses.naming.discovery import titled_person

from .test_translation import _story


def test_a_title_before_a_persons_name_makes_it_no_variant():
    people = {"Lina Okafor"}
    assert titled_person("Dr Lina Okafor", "Lina Okafor", people)
    assert titled_person("Dr. Lina Okafor", "Lina Okafor", people)
    assert titled_person("Mr Okafor", "Lina Okafor", people)
    assert not titled_person("Lina Okafr", "Lina Okafor", people)          # a misspelling: the rules judge it
    assert not titled_person("Okafor", "Lina Okafor", people)              # one word: the surname rule's
    assert not titled_person("General Harbour Works", "General Harbour Board", people)  # a body, not a person


def test_discovery_proposes_the_misspelt_name_and_not_the_titled_one(tmp_path):
    # "Dr Lina Amara Okafor" holds the known "Dr Lina" and "Okafor" of the person and a name word ("Amara"),
    # and is two edits from "Lina Amara Okafor"; "Mr Tembarundi" two edits from "S Tembarundi"
    actors = ("  - {name: Lina Amara Okafor, kind: person, aliases: [Lina Amara Okafor, Dr Lina, Okafor]}\n"
              "  - {name: S Tembarundi, kind: person}\n"
              "  - {name: Harbour Board, kind: organisation}\n")
    st = _story(tmp_path, actors, [
        ("Daily", "Lina Amara Okafor opened the Harbour Board pier on Monday."),
        ("Post", "Dr Lina Amara Okafor, the board's chair, spoke on Tuesday."),
        ("Wire", "Mr Tembarundi said the pier would open in May, as S Tembarundi wrote."),
        ("Gazette", "Lina Amara Okafr met the Harbour Board on Wednesday.")])
    d = discovery.discover(st)
    got = set(zip(d["candidate"], d["rule"]))
    assert ("Lina Amara Okafr", "spelling: edits") in got, d[["candidate", "rule"]]
    assert not any(c.startswith(("Dr", "Mr")) for c, _ in got), d[["candidate", "rule"]]
