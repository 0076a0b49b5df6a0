"""Boundary pass (issue 20, session 13, 20w): evaluation/outcomes context, same_name and fold; crafted
Harbour text, hand-checked values."""
from __future__ import annotations

from presslens.evaluation.outcomes import context, fold, same_name


def test_context_finds_the_needle_at_the_start_of_a_line():
    text = "Harbour Council met.\nPier closed  by the\tcouncil today.\nLast line."
    assert context(text, "Pier closed") == "Pier closed by the council today."  # at 0 of its line
    assert context(text, "closed by the council") == "Pier closed by the council today."  # white space loosened
    assert context(text, "Harbour") == "Harbour Council met."  # the first line, at 0
    assert context(text, "ferry") == ""
    assert context(None, "Pier") == "" and context(text, "") == ""


def test_context_cut_to_width_around_the_needle():
    line = "".join(f"w{i:02d} " for i in range(40)).strip()  # 'w00 w01 ... w39': 159 characters
    assert len(line) == 159
    at = line.index("w20")  # 80
    got = context(line, "w20", width=30)
    assert got == line[70:100] and len(got) == 30  # a third of the width before it (80 - 10)
    assert context(line, "w00", width=30) == line[:30]  # no room before: from the start
    assert context(line, "w39", width=30) == line[-30:]  # no room after: the last 30
    assert context(line, "w20", width=159) == line  # as wide as the line: all of it
    assert at == 80


def test_same_name_words_of_one_in_the_other():
    assert same_name("Ruiz", "Ana Ruiz Soto") and same_name("Ana Ruiz Soto", "ruiz soto")
    assert same_name("The Harbour Council", "Harbour Council")  # articles aside
    assert not same_name("Harbour Board", "Harbour Council")
    assert not same_name("the", "The Harbour") and not same_name(None, "Harbour") and not same_name("", "")
    assert fold("Ána-María  RUIZ!") == "ana maria ruiz" and fold(None) == ""


def test_scored_on_one_story_and_many():
    from types import SimpleNamespace as NS
    from presslens.evaluation.command import scored_on
    one = [NS(split="dev", articles={"a1": {}, "a2": {}})]
    assert scored_on(one) == "Scored on 1 story (1 development, 0 test) and 2 articles."
    two = one + [NS(split="test", articles={"b1": {}})]
    assert scored_on(two) == "Scored on 2 stories (1 development, 1 test) and 3 articles."
    assert scored_on([]) == "Scored on 0 stories (0 development, 0 test) and 0 articles."
