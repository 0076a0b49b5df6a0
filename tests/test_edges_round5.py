"""Tests for the survivors of the fifth seeded-bug round (docs/seeded-bugs.md, "Fifth round"), each checked
in a scratch copy to fail on its round-5 mutant and pass on the real code. Crafted Harbour values."""
from __future__ import annotations

from types import SimpleNamespace

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

from presslens.figures import naming as naming_fig

matplotlib.use("Agg")


def test_ledger_panels_titled_only_when_the_outlets_need_more_than_one_row():
    """009 (`figures/naming._ledger_figure`, `len(outlets) >= per`): exactly ``per`` outlets fill one row, which
    needs no "outlets 1-2 of 2" title; three outlets at two per row do."""
    story = SimpleNamespace(color_order=["Tide", "Quay", "Reef"], translations=set())
    grid = pd.DataFrame({"Tide": {"Harbour Council": "Harbour Council"}, "Quay": {"Harbour Council": "the council"},
                         "Reef": {"Harbour Council": ""}})
    top = {("Tide", "Harbour Council"): "name", ("Quay", "Harbour Council"): "name"}
    two = ["Tide", "Quay"]
    fig = naming_fig._ledger_figure(story, [two], two, two, ["Harbour Council"], grid, top, 2, 0, (1, 1))
    try:
        assert [ax.get_title(loc="left") for ax in fig.axes[:1]] == [""]
    finally:
        plt.close(fig)
    three = ["Tide", "Quay", "Reef"]
    fig = naming_fig._ledger_figure(story, [two, ["Reef"]], three, three, ["Harbour Council"], grid, top, 2, 0, (1, 1))
    try:
        assert [ax.get_title(loc="left") for ax in fig.axes[:2]] == ["outlets 1-2 of 3", "outlets 3-3 of 3"]
    finally:
        plt.close(fig)


def test_a_literal_term_wins_over_a_wildcard_at_one_place(tmp_path):
    """017 (`wordchoice/matching._Matcher.__init__`, `kind != "word"`): of two terms of one category matching
    one word, the one written as the word ("covered") wins over a wildcard ("cover*") listed before it;
    the wildcard still takes the words only it matches."""
    from presslens.analyses.wordchoice import lexicon, matching
    from .conftest import write_story
    st = write_story(tmp_path, "  - name: Harbour Council\n    kind: organisation\n",
                     [("Tide", "The council covered the leak at the pier. Crews covered it again. Coverage was thin.")])
    h = matching.match(st, lexicon.term_lexicon(["cover*", "covered"]))
    assert list(zip(h["term"], h["matched"])) == [("covered", "covered"), ("covered", "covered"), ("cover*", "Coverage")]  # as written


def test_a_lower_case_nationality_counts_only_in_a_sentence_with_capitals():
    """022 (`text/mtsignals.grammar_signals`, `_GRAMMAR[-2]` for `_GRAMMAR[-1]`): the lower-case nationality
    rule (the last) needs a capital elsewhere in the sentence; a line written all in lower case is no sign."""
    from presslens.text import mtsignals
    rules = lambda s: [x.rule for x in mtsignals.grammar_signals(s)]  # noqa: E731
    assert rules("the team of the chinese giant won the cup") == []
    assert rules("The team of the chinese giant won the Harbour Cup") == [
        "a nationality adjective in lower case (el gigante asiático, le géant asiatique)"]
    assert rules("The Kestrel Basin (Kestrel Basin) flooded") == ["a name glossed by itself in brackets"]


def test_names_loso_outcomes_one_row_per_proposal_and_miss():
    """026 (`evaluation/names_loso.outcomes`, `!=` for `==`): only the "name variants proposed" rows are read
    (one per distinct proposal, tp or fp, then one per labelled variant missed); a form story.yaml lists
    already is no miss."""
    from types import SimpleNamespace as NS

    from presslens.evaluation import names_loso
    names = pd.DataFrame({"candidate": ["Harbor Board", "Pier Trust", "Harbor Board"], "actor": ["Harbour Board"] * 3,
                          "rule": ["spelling: edits", "word order", "spelling: edits"]})
    truth = NS(names=[{"form": "Harbor Board", "actor": "Harbour Board", "kind": "misspelling"},
                      {"form": "HB Board", "actor": "Harbour Board", "kind": "alias"},
                      {"form": "Harbour Board", "actor": "Harbour Board", "kind": "alias"}])
    got = names_loso.outcomes("harbour", names, {"harbour board": "Harbour Board"}, truth)
    assert got["story"].tolist() == ["harbour"] * 3
    assert got["rule"].tolist()[:2] == ["spelling: edits", "word order"] and pd.isna(got["rule"].iloc[2])
    assert got["outcome"].tolist() == ["tp", "fp", "fn"]
    assert got["item"].tolist() == ["Harbor Board -> Harbour Board", "Pier Trust -> Harbour Board",
                                    "HB Board -> Harbour Board (alias)"]
