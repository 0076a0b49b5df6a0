"""Boundary pass (issue 20, session 13, 20w): wordchoice concordance (context window, zero-width regex
matches, quote voice) and the capped-figure note; crafted Harbour text, hand-checked values."""
from __future__ import annotations

import numpy as np

from presslens.analyses.wordchoice import concordance
from presslens.figures.style import cap_note


def _ctx(sentence, a, b, window):
    spans = [(m.start(), m.end()) for m in __import__("re").finditer(r"\S+", sentence)]
    starts, ends = np.array([s for s, _ in spans]), np.array([e for _, e in spans])
    return concordance._context(sentence, starts, ends, a, b, window)


def test_context_window_exactly_the_words_there_are():
    s = "one two three PIER four five six"
    a, b = s.index("PIER"), s.index("PIER") + 4
    assert _ctx(s, a, b, 3) == ("one two three", "four five six")  # three each side: the whole sentence
    assert _ctx(s, a, b, 2) == ("two three", "four five")
    assert _ctx(s, a, b, 1) == ("three", "four")
    assert _ctx(s, a, b, 0) == ("", "")
    assert _ctx("PIER", 0, 4, 2) == ("", "")


def test_context_token_glued_to_the_match():
    # tokens a | b | ( | PIER | ) | c: "(" ends where the match starts, ")" starts where it ends
    s = "a b (PIER) c"
    starts, ends = np.array([0, 2, 4, 5, 9, 11]), np.array([1, 3, 5, 9, 10, 12])
    assert concordance._context(s, starts, ends, 5, 9, 1) == ("(", ")")
    assert concordance._context(s, starts, ends, 5, 9, 2) == ("b (", ") c")


def test_kwic_regex_zero_width_matches_are_no_lines_and_quote_voice(tmp_path):
    from .conftest import write_story
    st = write_story(tmp_path, "  - name: Harbour Council\n    kind: organisation\n",
                     [("Tide", 'The council shut the pier. "The pier is unsafe," the council said.')])
    assert len(concordance.kwic(st, r"(?=pier)", regex=True)) == 0  # a lookahead alone matches nothing visible
    k = concordance.kwic(st, r"pier", regex=True)
    assert list(k["match"]) == ["pier", "pier"]
    assert list(k["voice"]) == ["narration", "quote"]


def test_cap_note_empty_when_every_outlet_drawn_and_names_six():
    every = [f"Outlet {c}" for c in "ABCDEFGHIJ"]
    assert cap_note(every, every) == ""
    assert cap_note(every[:3], every[:3]) == ""
    note = cap_note(every[:9], every)
    assert note == ("Showing the 9 of 10 outlets with most articles (max_outlets). Left out: Outlet J. "
                    "Every outlet is in the CSV.")
    left6 = cap_note(every[:4], every)  # six left out: all named
    assert "Left out: Outlet E, Outlet F, Outlet G, Outlet H, Outlet I, Outlet J." in left6 and "more" not in left6
    left7 = cap_note(every[:3], every)  # seven: six named and one more
    assert "Outlet I and 1 more." in left7 and "Outlet J" not in left7
