"""Boundaries of story/outlets checks pinned on both sides (issue 20): one shared outlet named by an
entry is fine and two are a problem, look-alike names folded. Invented outlets (Harbour Herald, Bay Courier)."""
from presslens.story import outlets


def _e(name, *aliases, where="outlets[0]"):
    return {"name": name, "aliases": list(aliases), "where": where}


def test_an_entry_naming_two_shared_outlets_is_a_problem_one_is_not():
    shared = [_e("Harbour Herald", "HH"), _e("Bay Courier", "BC")]
    problems = []
    outlets._two_shared(shared, [_e("Harbour Herald", "HH", "The HH")], "s/outlets.yaml", "shared.yaml", problems)
    assert problems == []  # one outlet, by two of its names
    outlets._two_shared(shared, [_e("Harbour Herald", "BC")], "s/outlets.yaml", "shared.yaml", problems)
    assert len(problems) == 1 and "names 2 outlets of the shared file shared.yaml" in problems[0].message
    assert "'Harbour Herald' (by 'Harbour Herald'); 'Bay Courier' (by 'BC')" in problems[0].message


def test_lookalike_keys_fold_width_case_punctuation_and_cyrillic():
    assert outlets.lookalike_key("Ｈａｒｂｏｕｒ Herald.") == outlets.lookalike_key("harbour herald")
    assert outlets.lookalike_key("H.H.") == "hh"
    assert outlets.lookalike_key("Hаrbour") == outlets.lookalike_key("Harbour")  # a Cyrillic а
    assert outlets.lookalike_letters("Hаrbour") and outlets.lookalike_letters("Harbour") == []
    assert outlets.lookalike_key("Bay Courier") != outlets.lookalike_key("Bay Courier 2")
