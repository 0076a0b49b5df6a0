"""Name discovery reads names with an Arabic article or particle inside them (issue 26, pass 26n): "Abu
Hamid al-Rashidi" is one name as "Ludwig van Beethoven" is, so its variants are whole candidates; and a
short run that only ever stands inside a longer proposal of the same actor is a piece of it, no form of
its own. Invented Harbour-town names."""
from presslens.analyses.naming import discovery
from presslens.analyses.naming.candidates import candidates

from .test_translation import _story


def _found(st):
    d = discovery.discover(st)
    return {c: r for c, r in zip(d["candidate"], d["rule"])}


ACTORS = ("  - {name: Abu Hamid al-Rashidi, kind: person, aliases: [Abu Hamid al-Rashidi, Rashidi]}\n"
          "  - {name: Harbat Tahrun al-Kestrel, kind: organisation, aliases: [Harbat Tahrun al-Kestrel, HLF]}\n")


def test_an_arabic_article_joins_the_run_of_a_name(tmp_path):
    st = _story(tmp_path, ACTORS, [("Quay", "Rebel leader Abu Hamed al-Rashidi spoke at the quay on Monday."),
                                   ("Pier", "Khalid bin Walid met the mayor at the pier on Friday.")])
    runs = set(candidates(st)["candidate"])
    assert "Abu Hamed al-Rashidi" in runs and "Khalid bin Walid" in runs, runs
    assert _found(st).get("Abu Hamed al-Rashidi") == "spelling: edits"  # the whole name, one letter apart


def test_a_run_only_ever_inside_a_longer_proposal_is_a_piece_of_it(tmp_path):
    st = _story(tmp_path, ACTORS, [("Quay", "The Harbat Tahrun al-Kestrel took the quay on Monday."),
                                   ("Pier", "Fighters of the Harb’at Tahrun al-Kestrel held the pier."),
                                   ("Dock", "Mara's Harb’at Tahrun al-Kestrel left the dock.")])
    got = _found(st)
    assert got.get("Harb’at Tahrun al-Kestrel") == "spelling: spacing", got
    assert "Tahrun al-Kestrel" not in got, got  # a short form of the known name, but never written on its own


def test_a_short_form_written_on_its_own_is_still_proposed(tmp_path):
    st = _story(tmp_path, ACTORS, [("Quay", "The Harbat Tahrun al-Kestrel took the quay on Monday."),
                                   ("Pier", "Fighters of the Harb’at Tahrun al-Kestrel held the pier."),
                                   ("Dock", "Tahrun al-Kestrel left the dock.")])
    got = _found(st)
    assert got.get("Tahrun al-Kestrel") == "short form", got


def test_another_given_name_before_the_family_name_is_another_person_of_the_family(tmp_path):
    from .test_names_rejections import _found as found_rows
    actors = "  - {name: Tomasz Wendarikov, kind: person, aliases: [Tomasz Wendarikov]}\n"
    mt = "Grace Wendarikov and Tomasch Wendarikov met the Harbour Council this Monday (12) at noon."
    st = _story(tmp_path, actors, [("Mt", mt), ("Plain", "Tomasz Wendarikov met the Harbour Council on Tuesday.")])
    got = {c: r for c, _, r in found_rows(st)}
    assert "Grace Wendarikov" not in got, got  # his sister, say: a given name that spells none of his
    assert "Tomasch Wendarikov" in got, got  # his given name respelt: him
