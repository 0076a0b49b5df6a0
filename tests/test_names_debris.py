"""Name discovery proposes no punctuation debris and no plural of a common noun (issue 26, pass 26f): a run
broken by a dash typed as two hyphens, a known form whose final full stop the sentence took, and the plural
of a form the story writes in lower case are not other ways of writing a name."""
from presslens.analyses.naming import discovery

from .test_translation import _story


def _found(st):
    d = discovery.discover(st)
    return {c: r for c, r in zip(d["candidate"], d["rule"])}


def test_a_double_hyphen_splits_two_runs(tmp_path):
    actors = "  - {name: Ria Kestrel, kind: person, aliases: [Ria Kestrel]}\n"
    st = _story(tmp_path, actors, [("Quay", "Harbour Council met Ria Kestrel on Monday."),
                                   ("Pier", "Reporters at the quay met Ria-- Kestrel said the pier was safe."),
                                   ("Dock", "Reporters met RiaKestrel at the dock on Friday.")])
    got = _found(st)
    assert "Ria-- Kestrel" not in got, got
    assert got.get("RiaKestrel") == "spelling: spacing"  # a real spacing variant is still proposed


def test_a_known_form_whose_full_stop_ended_the_sentence_is_that_form(tmp_path):
    actors = "  - {name: Roald Marsh Jr., kind: person, aliases: [Roald Marsh Jr.]}\n"
    st = _story(tmp_path, actors, [("Quay", "The new pier of Harbour Council was opened by Roald Marsh Jr."),
                                   ("Pier", "Harbour Council thanked Roald Marsh Jr. on Monday.")])
    assert "Roald Marsh Jr" not in _found(st)


def test_the_plural_of_a_form_written_in_lower_case_is_no_name(tmp_path):
    actors = "  - {name: Kestrel Bloom, aliases: [Kestrel Bloom, algae bloom]}\n"
    st = _story(tmp_path, actors, [("Quay", "Harbour Council said the algae bloom was spreading."),
                                   ("Pier", "Two Algae Blooms were seen near the pier of Harbour Council."),
                                   ("Dock", "Kestrel Blooms closed the dock, Harbour Council said.")])
    got = _found(st)
    assert "Algae Blooms" not in got, got
    assert got.get("Kestrel Blooms") == "spelling: inflection"  # the plural of a name written as one stays
