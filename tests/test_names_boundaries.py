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


def test_a_full_name_after_a_known_title_form_is_read_as_a_spelling_of_the_name(tmp_path):
    actors = "  - {name: Park Min Joon, kind: person, aliases: [Park Min Joon, President Park]}\n"
    st = _story(tmp_path, actors, [
        ("Daily", "Park Min Joon closed the Harbour pier on Tuesday."),
        ("Post", "Harbour residents cheered when President Park Min-jun arrived on Wednesday.")])
    got = _found(st)
    assert any(c == "Park Min-jun" and a == "Park Min Joon" for c, a, _ in got), got  # "President Park" holds no "Min-jun"


def test_the_name_of_a_known_title_form_alone_is_that_form_and_no_new_surname(tmp_path):
    actors = "  - {name: Abelina Vance, kind: person, aliases: [Abelina Vance, Ms Vance]}\n"
    st = _story(tmp_path, actors, [
        ("Daily", "Abelina Vance closed the Harbour pier on Tuesday. The storm was the worst in years, Ms Vance said."),
        ("Post", "Abelina Vance spoke on Wednesday.")])
    assert not any(c == "Vance" for c, _, _ in _found(st)), _found(st)  # only ever inside "Ms Vance"


def test_a_title_of_two_words_is_left_out_of_the_known_form_too(tmp_path):
    actors = "  - {name: Kim Yong-soo, kind: person, aliases: [Kim Yong-soo, Harbour Minister Kim]}\n"
    st = _story(tmp_path, actors, [
        ("Daily", "Kim Yong-soo closed the Harbour pier on Tuesday."),
        ("Post", "The protest was aimed at Harbour Minister Kim Yong-suo on Wednesday.")])
    assert any(c == "Kim Yong-suo" and a == "Kim Yong-soo" for c, a, _ in _found(st)), _found(st)


def test_a_given_name_s_last_syllable_in_lower_case_is_read_with_the_name(tmp_path):
    from presslens.analyses.naming.candidates import _continues_name

    assert _continues_name("Lee Jae", "myung") and _continues_name("Park Min", "joon")
    assert not _continues_name("Harbour Council", "and") and not _continues_name("Mara Vance", "met")
    assert not _continues_name("Jae", "myung")  # one capitalised word: no name syllable before it is known
    actors = "  - {name: Park Min-joon, kind: person, aliases: [Park Min-joon]}\n"
    st = _story(tmp_path, actors, [
        ("Daily", "Park Min-joon closed the Harbour pier on Tuesday."),
        ("Post", "Harbour leader Park Min joon called the residents to the quay.")])
    assert ("Park Min joon", "Park Min-joon", "spelling: spacing") in _found(st)

