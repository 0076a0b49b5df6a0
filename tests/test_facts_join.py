"""Pieces of one statement join (:mod:`presslens.analyses.facts.join`): facts whose whole cores are the
same words are one fact, unless one denies or their figures differ. Invented 'Harbour Council' text;
no evaluation capture."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from presslens.analyses.facts import grouping, join, normalise

sys.path.insert(0, str(Path(__file__).parent))
from test_facts_bounds import _story  # noqa: E402

CLOSED = "The Harbour Council closed the old pier after divers found cracks in its pilings."
SHUT = "Divers found cracks in the pilings, so the Harbour Council shut the old pier."
NOT_CLOSED = "The Harbour Council did not close the old pier although divers found cracks in its pilings."
COST_2M = "Repairs to the pier will cost 2 million pounds, the Harbour Council said."
COST_5M = "Repairs to the pier will cost 5 million pounds, the Harbour Council said."
COST_2M_AGAIN = "The Harbour Council said pier repairs will cost 2 million pounds."


def _found(cores: list[list[int]]) -> list:
    """:func:`grouping.cores`-shaped entries, fact i with core ``cores[i]`` (rarest first)."""
    return [(i, None, np.array(c[:2]), np.array(c)) for i, c in enumerate(cores)]


def test_paraphrased_pieces_with_one_core_join_the_first():
    texts = [CLOSED, SHUT, CLOSED]
    fig = [normalise.figures(t) for t in texts]
    into = join.pieces(_found([[7, 9, 3], [9, 7, 3], [7, 9, 3]]), np.zeros(3, dtype=bool), np.arange(3), fig)
    assert into == {1: 0, 2: 0}


def test_a_denial_stays_apart():
    texts = [CLOSED, NOT_CLOSED]
    neg = np.array([False, True])
    assert join.pieces(_found([[7, 9, 3], [7, 9, 3]]), neg, np.arange(2), [normalise.figures(t) for t in texts]) == {}


def test_a_changed_figure_stays_apart_and_the_same_figure_joins():
    texts = [COST_2M, COST_5M, COST_2M_AGAIN]
    fig = [normalise.figures(t) for t in texts]
    assert normalise.disagree(fig[0], fig[1])
    into = join.pieces(_found([[4, 5, 6]] * 3), np.zeros(3, dtype=bool), np.arange(3), fig)
    assert into == {2: 0}


def test_a_core_of_two_words_names_a_subject_and_joins_nothing():
    into = join.pieces(_found([[7, 9], [7, 9]]), np.zeros(2, dtype=bool), np.arange(2), [{}, {}])
    assert into == {}


def test_apply_moves_rows_and_keeps_one_row_per_version():
    vv = np.array([0, 1, 2, 1, 3])
    ff = np.array([0, 0, 1, 1, 2])
    ss = np.array([1.0, 0.6, 1.0, 0.9, 1.0])
    v, f, s = join.apply(vv, ff, ss, {1: 0})
    # version 1 was in facts 0 (0.6) and 1 (0.9): one row in fact 0, the better score
    assert list(zip(v.tolist(), f.tolist(), s.tolist())) == [(0, 0, 1.0), (2, 0, 1.0), (1, 0, 0.9), (3, 2, 1.0)]


def test_a_story_of_ten_statements_has_fewer_pieces(monkeypatch):
    # three draws of the 'Marbury' story (10 statements, 200 articles, 9 in 10 sentences reworded):
    # without joining 9,985 member rows in 97 facts, with it 7,546 in 68
    def count(j):
        monkeypatch.setattr(grouping, "JOIN", j)
        ms = [grouping.discover(_story(200, seed)) for seed in range(3)]
        return sum(len(m) for m in ms), sum(m["fact"].nunique() for m in ms)

    rows0, facts0 = count(0)
    rows1, facts1 = count(1)
    assert rows1 <= 0.8 * rows0 and facts1 <= 0.8 * facts0, (rows0, rows1, facts0, facts1)
