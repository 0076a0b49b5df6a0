"""Boundary tests for the naming rules' small functions (presslens.analyses.naming: cjknames, demonyms,
pairs, persons, shortnames, romanise, candidates, names, translation): letter counts at their exact
limits, ties, empty input and order, on crafted Harbour names. Expected values worked out by hand."""
from __future__ import annotations

import sys
from types import SimpleNamespace as NS

import pandas as pd

import presslens.analyses.naming.candidates
from presslens.analyses.naming import (brackets, cjknames, demonyms, names, pairs, persons, renderings, romanise, shortnames,
                                      translation, variants)
from presslens.analyses.naming import discovery
from presslens.story.model import Actor, Speaker

candidates = sys.modules["presslens.analyses.naming.candidates"]


def test_numeral_one_or_two_digits_in_characters():
    assert [cjknames.numeral(x) for x in ["", "六", "十", "十八", "二十", "二十一"]] == [None, 6, 10, 18, 20, 21]
    assert cjknames.numeral("六七") is None          # two digits without 十: not one number
    assert cjknames.numeral("一百") is None
    assert cjknames.numeral("百十") is None          # a head that is no digit


def test_country_key_moves_of_country_to_the_front_only_after_a_head():
    assert demonyms.country_key(("agency", "of", "france")) == ("france", "agency")
    assert demonyms.country_key(("the", "agency", "of", "the", "united", "kingdom")) == ("united", "kingdom", "agency")
    assert demonyms.country_key(("of", "france")) == ("of", "france")   # nothing before "of": no head to move
    assert demonyms.country_key(("french", "weather", "agency")) == ("france", "weather", "agency")
    assert demonyms.country_key(("eastern", "france")) == ("east", "france")
    assert demonyms.country_key(("the", "weather", "agency", "of", "kestrel")) == ("weather", "agency", "of", "kestrel")
    assert demonyms.country_key(()) == ()


def test_number_anchor_reads_grouping_and_decimal_marks():
    assert pairs._number("1.000", ".") == "1000"
    assert pairs._number("1,000", ",") == "1000"
    assert pairs._number("1.000,5", ".") == "1000.5"      # decimals after the other mark
    assert pairs._number("1,000.25", ",") == "1000.25"
    assert pairs._number("3,5", None) == "3.5"
    assert pairs._number("12", None) == "12"              # two digits: an anchor
    assert pairs._number("7", None) is None               # one digit: none


def test_anchors_skip_the_first_word_calendar_words_and_inside_links():
    got = pairs.anchors("On Monday the Harbour Council sold 1,200 tonnes of Steel at https://harbour.example/sale "
                        "to Quayside Ltd.")
    assert got == ["harbour", "council", "#1200", "steel", "https://harbour.example/sale", "quayside", "ltd"]
    assert pairs.anchors("") == []


def test_lcs_of_anchor_sequences():
    assert pairs._lcs(list("abcbdab"), list("bdcaba")) == ["b", "c", "b", "a"]
    assert pairs._lcs([], ["a"]) == [] and pairs._lcs(["a"], []) == []
    assert pairs._lcs(["a"], ["a"]) == ["a"]
    assert pairs._lcs(["a", "b"], ["b", "a"]) == ["a"]       # a tie: the first sequence's first anchor
    assert pairs._lcs(["x", "y"], ["z"]) == []


def test_pair_findings_without_foreign_articles_and_without_pairs():
    empty = pd.DataFrame(columns=pairs.COLUMNS)
    assert pairs.findings(empty, 0)[0].startswith("No article of the story is in another language")
    assert pairs.findings(empty, 2)[0].startswith("None of the 2 article(s) in another language")


def test_match_long_and_short_forms_of_a_person():
    assert persons._match(["Lina", "Okafor"], ["Lina", "Ada", "Okafor"], set())[0] == "short form"
    assert persons._match(["Lina", "Okafor", "Jr"], ["Lina", "Okafor"], set())[0] == "long form"
    assert persons._match(["Lina", "Okafor"], ["Lina", "Okafor"], set()) is None       # the same words
    assert persons._match(["Okafor"], ["Lina", "Okafor"], set()) is None               # one word is no short form
    # a given name that starts the other: "Jenn" has MIN_PREFIX = 4 letters, "Jen" three
    rule, how = persons._match(["Jennifer", "Okafor"], ["Jenn", "Okafor"], set())
    assert rule == "long form" and "'Jennifer' for 'Jenn'" in how
    assert persons._match(["Jen", "Okafor"], ["Jennifer", "Okafor"], set()) is None
    assert persons._match(["Lina", "Jennifer"], ["Lina", "Jenn"], set()) is None       # the family name differs


def test_is_surname_at_its_letter_counts():
    assert shortnames._is_surname("Oka", "Oka") is None                  # under four letters
    assert shortnames._is_surname("Okaf", "Okaf") == "the family name of {form}"
    assert shortnames._is_surname("Vale", "Marsh-Vale") is None          # a part needs five letters
    assert shortnames._is_surname("Marsh", "Marsh-Vale").startswith("one part of the family name")
    # one edit from a family name of SURNAME_EDIT_FROM = 7 letters, the word six letters or more
    assert shortnames._is_surname("Kestral", "Kestrel").startswith("one edit from")
    assert shortnames._is_surname("Kestre", "Kestrel").startswith("one edit from")
    assert shortnames._is_surname("Kestr", "Kestrel") is None
    assert shortnames._is_surname("Kestrl", "Kestre") is None           # a six-letter family name


def test_pinyin_count_fewest_syllables():
    assert [romanise.pinyin_count(w) for w in ["Wang", "Lifen", "Li-Fen", "Zhuangyu", "Okafor", ""]] == [1, 2, 2, 2, 0, 0]


def test_glued_name_and_function_word():
    words = frozenset({"tovar", "ana", "maria", "harbour"})
    assert candidates.glued("Tovarin", words)            # tovar + in
    assert candidates.glued("Anain", words)              # a three-letter head + a two-letter function word
    assert candidates.glued("Anamaria", words)           # two known words, the second in lower case
    assert not candidates.glued("AnaMaria", words)       # a capital inside: written as two names
    assert not candidates.glued("Tovar", words)
    assert not candidates.glued("Harbourx", words)
    assert not candidates.glued("T", words)


def test_names_grid_and_cell_kinds():
    led = pd.DataFrame({"outlet": ["Tide", "Tide", "Tide", "Tide", "Quay"], "actor": ["Port Authority"] * 5,
                        "form": ["Port Authority", "Harbour Bureau", "the authority", "PA", "Port Authority"],
                        "kind": ["name", "rendering: calque", "alias", "alias", "name"]})
    story = NS(outlets=["Tide", "Quay", "Reef"], actors=[NS(name="Port Authority"), NS(name="Nobody")])
    grid = names.names_grid(story, led)
    assert grid.to_dict() == {"Tide": {"Port Authority": "Port Authority / Harbour Bureau +2"},
                              "Quay": {"Port Authority": "Port Authority"}, "Reef": {"Port Authority": ""}}
    assert names.cell_kinds(led) == {("Tide", "Port Authority"): "rendering: calque", ("Quay", "Port Authority"): "name"}
    assert names.cell_kinds(led.iloc[:0]) == {}


def test_sentence_spans_found_in_order_from_the_start():
    clean = "Harbour opens. Title x. Tugs wait."
    got = translation._sentence_spans(clean, [(0, "Harbour opens."), (1, "Missing one."), (2, "Tugs   wait.")])
    assert got == [(0, 14, 0), (24, 34, 2)]                 # at offset 0 found; whitespace collapsed
    assert translation._sentence_spans("", [(0, "")]) == []


def _signals(kinds, weights, langs):
    n = len(kinds)
    return pd.DataFrame({"article_id": ["a"] * n, "outlet": ["Tide"] * n, "kind": kinds, "detail": [""] * n,
                         "weight": weights, "languages": langs, "weak": [False] * n, "sent_id": [-1] * n,
                         "sentence": [""] * n, "rule": [f"r{i}" for i in range(n)], "source": [""] * n})


def test_score_article_caps_each_kind_and_skips_declared():
    rows = _signals(["MT phrase"] * 5 + ["declared", "rare word", "rare word", "calque"], [2] * 5 + [5, 1, 1, 0],
                    ["es"] * 9)
    # MT phrase: 5 x 2 = 10, capped at 9; rare word: capped at 1; declared and a weight of 0 add nothing
    assert translation.score_article(rows) == (10, {"MT phrase": 9, "rare word": 1}, "es")
    assert translation.score_article(_signals([], [], [])) == (0, {}, None)


def test_needs_the_weight_of_one_more_signal():
    assert translation.needs(_signals([], [], [])) == (3, None)                 # STRONG_WEIGHT alone
    assert translation.needs(_signals(["rare word"], [1], [""])) == (2, None)   # 1 + 2 reaches LIKELY_SCORE 3
    assert translation.needs(_signals(["MT phrase"], [3], ["es"])) == (0, 0)    # already a likely translation


def test_inside_unknown_name_only_after_a_capitalised_word():
    assert renderings._inside_unknown_name("Velascon", {"Jenna Velascon"}, set())
    assert not renderings._inside_unknown_name("Velascon", {"Velascon said"}, set())   # opens the run
    assert not renderings._inside_unknown_name("Velascon", {"Mayor Velascon"}, set())  # after a title
    assert not renderings._inside_unknown_name("Velascon", {"Jenna Velascon", "the Velascon"}, set())
    assert not renderings._inside_unknown_name("Velascon", {"Jenna Velascon"}, {"jenna"})   # the actor's own word
    assert not renderings._inside_unknown_name("Lina Velascon", {"Jenna Velascon"}, set())  # two words


def test_bracket_abbreviations_of_two_word_forms_claimed_once():
    s = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": ["Tide", "Quay"], "sent_id": [0, 0],
                      "text": ["The Harbour Board (HB) voted.", "Harbour Bank (HB) lent."]})
    board, bank = variants.Known("Harbour Board", "Harbour Board"), variants.Known("Harbour Bank", "Harbour Bank")
    got = brackets.bracket_abbreviations(s.iloc[:1], [board], set(), set())
    assert [(r["candidate"], r["actor"], r["where"][0][0]) for r in got] == [("HB", "Harbour Board", "a1")]
    assert brackets.bracket_abbreviations(s, [board, bank], set(), set()) == []       # HB claimed by two actors
    assert brackets.bracket_abbreviations(s.iloc[:1], [board], set(), {"hb"}) == []     # already known
    assert brackets.bracket_abbreviations(s.iloc[:1], [board], {"Harbour Board"}, set()) == []   # a person's form
    assert brackets.bracket_abbreviations(s.iloc[:1], [variants.Known("Harbour Board", "Board")], set(), set()) == []


def test_snippet_aliases_or_renderings():
    a = Actor("Harbour Board", "organisation", ("HB",))
    assert discovery._snippet(a, "H. Board", "short form", "x") == (
        "# story.yaml, actor Harbour Board: replace its aliases line with\naliases: [HB, H. Board]")
    assert discovery._snippet(a, "Gangban", "calque", "a calque") == (
        "# story.yaml, actor Harbour Board: add a renderings list holding\n- form: Gangban\n  kind: calque\n"
        "  note: 'found by presslens names: a calque'")
    with_r = Actor("Harbour Board", "organisation", ("HB",), ({"form": "Port Board", "kind": "calque"},))
    assert discovery._snippet(with_r, "Gangban", "calque", "a calque").startswith(
        "# story.yaml, actor Harbour Board: add under its renderings\n")
    sp = Speaker("Lina Okafor", None, None, ("Okafor",))           # a speaker has no renderings: its aliases
    assert discovery._snippet(sp, "L. Okafor", "calque", "e") == (
        "# story.yaml, speaker Lina Okafor: replace its aliases line with\naliases: [Okafor, L. Okafor]")
