"""The cleaning rules' screen (presslens.text.screen, issue 20): one alternation says whether any of a
run of built-in patterns can match a line, and cleaning with it removes exactly what it removed
pattern by pattern."""
from __future__ import annotations

import re

from presslens.text import clean as clean_mod
from presslens.text import furniture, screen


def test_branches_split_at_top_level_bars_only():
    assert screen.branches(r"^a|b(c|d)") == ["^a", "b(c|d)"]
    assert screen.branches(r"^[|]x|^y") == ["^[|]x", "^y"]          # a bar in a class is a character
    assert screen.branches(r"^[]|]x|^y") == ["^[]|]x", "^y"]        # so is a ']' first in a class
    assert screen.branches(r"^\|x|^y") == [r"^\|x", "^y"]           # and an escaped bar
    assert screen.branches(r"^(?:a|b)") == ["^(?:a|b)"]
    assert screen.branches("") == [""]


def test_joinable_needs_anchors_and_no_numbered_or_global_constructs():
    assert screen.joinable(r"^\s*ads?\s*$", re.IGNORECASE)
    assert screen.joinable(r"^(?=.{0,80}$)a|^b", 0)
    assert not screen.joinable(r"^a|b", 0)                 # the second alternative floats
    assert not screen.joinable(r",\s*opens new tab", 0)
    assert not screen.joinable(r"^(a)\1", 0)               # a back-reference: group numbers shift when joined
    assert not screen.joinable(r"^(?P<x>a)(?P=x)", 0)
    assert not screen.joinable(r"^(?i)a", 0)               # a global flag would reach every pattern
    assert not screen.joinable(r"^?a", 0)                  # an optional anchor anchors nothing
    assert not screen.joinable(r"^a", re.MULTILINE)        # only no flag or IGNORECASE
    assert screen.joinable(r"^(?-i:[A-Z])x", re.IGNORECASE)  # a scoped flag stays inside its group


def test_screen_says_no_only_when_no_member_matches():
    s = screen.Screen(((r"^\s*advertisement\s*$", re.IGNORECASE), (r"^(?=.{0,20}$)Share\b.*$", 0)))
    assert s.may_match("  ADVERTISEMENT ")                 # the first, case-blind
    assert s.may_match("Share this")                       # the second
    assert not s.may_match("share this")                   # the second is case-sensitive
    assert not s.may_match("Share this article with everyone you know")   # over 20 characters
    assert not s.may_match("The port reopened on Monday.")
    assert s.may_match("ADVERTISEMENT")                    # asked again: the kept answer


def test_plan_groups_runs_of_built_in_anchored_patterns():
    rules = [("^a", 0, "story.yaml boilerplate[0].pattern"),   # the story's own: alone (its budget)
             ("^b", 2, ""), ("^c", 2, ""), ("^d", 2, ""),
             ("e", 2, ""),                                      # floating: alone
             ("^f", 2, ""), ("^g", 2, "")]                      # a run of two: too short to pay
    got = screen.plan(rules)
    assert list(got) == [1]
    end, s = got[1]
    assert end == 4 and [p for p, _ in s.members] == ["^b", "^c", "^d"]


def _clean_one_by_one(text, rules):
    """clean() with the screen switched off: every pattern searched alone, as before issue 20's screen."""
    saved = clean_mod._COMPILED.copy()
    real = screen.plan
    try:
        clean_mod._COMPILED.clear()
        screen.plan = lambda *a, **k: {}
        return clean_mod.clean(text, None, rules)
    finally:
        screen.plan = real
        clean_mod._COMPILED.clear()
        clean_mod._COMPILED.update(saved)


def test_cleaning_with_the_screen_removes_what_each_pattern_removes():
    rules = [{"pattern": r"^Harbour Daily\s*$", "note": "site name", "field": "story.yaml boilerplate[0].pattern"}]
    rules += furniture.rules_for(None)
    text = ("Harbour Daily\nAdvertisement\nThe port reopened on Monday, the Harbour Agency said.\n"
            "Share this article\nFollow us on Twitter\n\nAna Lund, the harbour master, said the quay was safe.\n"
            "Photo: Ana Lund\nSkip to content")
    with_screen = clean_mod.clean(text, None, rules)
    assert with_screen == _clean_one_by_one(text, rules)
    body, removed = with_screen
    assert body.splitlines()[0] == "The port reopened on Monday, the Harbour Agency said."
    # the site's name, the advertisement, the share and follow prompts, the photo credit, the skip link
    assert {r["line"] for r in removed} == {1, 2, 4, 5, 8, 9}
    assert "Ana Lund, the harbour master, said the quay was safe." in body
