"""Where a name proposal's words come from (issue 26, pass 26p): the rest of a known full name read on its own
because a shorter known form ("President Mara") took its first word, and a number after a possessive or before
a hyphened word ("Mara's 6-hour curfew") taken for a name's number. Invented stories (a "Harbour" town), no
evaluation text."""
from presslens.analyses.naming import discovery
from presslens.analyses.naming.candidates import CAP_RUN

from .test_translation import _story


def _found(st):
    d = discovery.discover(st)
    return sorted(zip(d["candidate"], d["actor"], d["rule"]))


def test_the_rest_of_a_known_full_name_after_a_known_title_form_is_no_short_form(tmp_path):
    actors = "  - {name: Mara Lenko Vance, kind: person, aliases: [Mara Lenko Vance, President Mara]}\n"
    st = _story(tmp_path, actors, [
        ("Daily", "President Mara Lenko Vance closed the Harbour pier on Tuesday."),
        ("Post", "Harbour residents met President Mara Lenko Vance on Wednesday."),
        ("Star", "Mara Lenko Vance spoke first.")])
    got = _found(st)
    assert not any(c == "Lenko Vance" for c, _, _ in got), got  # inside "Mara Lenko Vance" every time


def test_a_name_standing_alone_is_still_read_where_a_title_form_overlaps_elsewhere(tmp_path):
    actors = "  - {name: Mara Lenko Vance, kind: person, aliases: [Mara Lenko Vance, President Mara]}\n"
    st = _story(tmp_path, actors, [
        ("Daily", "President Mara Lenko Vance closed the Harbour pier on Tuesday."),
        ("Post", "Mara Lenko Wance spoke to the Harbour crowd on Wednesday.")])
    assert ("Mara Lenko Wance", "Mara Lenko Vance", "spelling: edits") in _found(st)


def test_a_number_after_a_possessive_or_before_a_hyphened_word_ends_no_name():
    runs = lambda t: [m.group(0) for m in CAP_RUN.finditer(t)]  # noqa: E731
    assert runs("The Harbour Post called it Mara Vance's 6-hour curfew.") == ["The Harbour Post", "Mara Vance's"]
    assert runs("Harbour Ferries sold Mara Vance's 6 boats.") == ["Harbour Ferries", "Mara Vance's"]
    assert runs("The Harbour Council 12-member board met.") == ["The Harbour Council"]
    assert runs("Pier 9 reopened and the Harbour Line 2 ferry sailed.") == ["Pier 9", "Harbour Line 2"]
