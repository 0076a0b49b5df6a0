"""Boundary tests for reuse alignment, CLI options, outlet attribute values and the per-article fan-out that no
test file named before (issue 20, session 14, helper 20x). Crafted Harbour words; thresholds met exactly
(MIN_WORDS-style minimum of ten words = six shingles of five; MIN_SENTENCE = 8 words; QUOTED = 0.5)."""
import argparse

import pandas as pd
import pytest

from presslens.analyses.reuse.align import MIN_SENTENCE, QUOTED, SHINGLE, Doc, passages_of
from presslens.analyses.reuse.sentences import sentence_variants
from presslens.cli.args import StoreOnce
from presslens.engine import perarticle
from presslens.story import outlets

W = "the harbour council said on tuesday the pier would reopen after repairs to its northern end were done".split()


def _doc(i, quoted=None, words=W):
    n = len(words)
    return Doc(i, "Post" if i == "a" else "Mail", list(words), quoted or [False] * n, [0] * 8 + [1] * (n - 8),
               [(0, 8, 0), (8, n, 1)])


def test_constants_the_tests_below_rest_on():
    assert (SHINGLE, MIN_SENTENCE, QUOTED, len(W)) == (5, 8, 0.5, 18)


def test_passages_of_a_run_of_min_words_and_not_one_shorter():
    a, b = _doc("a"), _doc("b")
    rows = passages_of(a, b, [(k, k) for k in range(6)], 10)     # six shingles of five: ten words
    assert [(r["words"], r["start_a"], r["end_a"], r["sentence_a"], r["voice"], r["text_a"]) for r in rows] == [
        (10, 0, 10, 0, "narration", "the harbour council said on tuesday the pier would reopen")]
    assert rows[0]["at_b"] == 0.0 and rows[0]["reference"] is False
    assert passages_of(a, b, [(k, k) for k in range(5)], 10) == []          # nine words
    assert passages_of(a, b, [], 10) == []
    # half of a's words quoted: quoted on a's side
    rows = passages_of(_doc("a", [True] * 5 + [False] * 13), b, [(k, k) for k in range(6)], 10)
    assert (rows[0]["quoted_a"], rows[0]["quoted_b"], rows[0]["voice"]) == (0.5, 0.0, "quote on one side")


def test_sentence_variants_eight_words_and_under_half_quoted():
    first, second = tuple(W[:8]), tuple(W[8:])
    assert sentence_variants([_doc("a"), _doc("b")]) == {first: [(0, 0), (1, 0)], second: [(0, 1), (1, 1)]}
    # four of eight words quoted is half: left out; three is under half: kept
    got = sentence_variants([_doc("a", [True] * 4 + [False] * 14), _doc("b", [True] * 3 + [False] * 15)])
    assert got == {first: [(1, 0)], second: [(0, 1), (1, 1)]}
    assert sentence_variants([_doc("a", words=W[:15])]) == {first: [(0, 0)]}    # seven words: too short
    assert sentence_variants([]) == {}


def _parser():
    p = argparse.ArgumentParser(prog="presslens export")
    p.add_argument("--group-by", action=StoreOnce)
    p.add_argument("--out", action=StoreOnce)
    return p


def test_store_once_refuses_two_values_and_allows_the_same_one_twice(capsys):
    ns = _parser().parse_args(["--group-by", "kind", "--group-by", "kind", "--out", "x"])
    assert (ns.group_by, ns.out) == ("kind", "x")
    with pytest.raises(SystemExit):
        _parser().parse_args(["--group-by", "country", "--group-by", "kind"])
    err = capsys.readouterr().err
    assert ("--group-by given twice ('country', then --group-by 'kind'): it takes one value and the last would "
            "silently win. Fix: give --group-by once (export once per grouping, each with its own --out)") in err
    with pytest.raises(SystemExit):
        _parser().parse_args(["--out", "a", "--out", "b"])
    assert capsys.readouterr().err.rstrip().endswith("Fix: give --out once")   # no grouping advice for --out


@pytest.mark.parametrize("value, problem", [
    ("unknown", "is spelled like 'unknown'"), (" Unknown ", "is spelled like 'unknown'"), ("", "is empty"),
    ("  ", "is empty"), (True, "is true/false"), (float("nan"), "is not a finite number"),
    (float("inf"), "is not a finite number"), ([1], "is a list"), ({"a": 1}, "is a nested mapping"),
    (None, None), (3, None), (2.5, None), ("state-owned", None)])
def test_value_problem(value, problem):
    got = outlets._value_problem(value)
    assert (got is None) if problem is None else got[0].startswith(problem)


def test_fan_out_table_concatenates_the_non_empty_parts_in_order(monkeypatch):
    empty = pd.DataFrame({"id": pd.Series([], dtype=object)})
    one = pd.DataFrame({"id": ["a2"]}, index=[7])
    two = pd.DataFrame({"id": ["a3", "a4"]})
    monkeypatch.setattr(perarticle, "_in_workers", lambda compute, ids: [empty, one, empty, two])
    got = perarticle.fan_out_table(None, ["a1"])
    assert got["id"].tolist() == ["a2", "a3", "a4"] and got.index.tolist() == [0, 1, 2]
    monkeypatch.setattr(perarticle, "_in_workers", lambda compute, ids: [empty, one])
    assert perarticle.fan_out_table(None, ["a1"]) is one                     # one part: itself, its index kept
    monkeypatch.setattr(perarticle, "_in_workers", lambda compute, ids: [empty, empty])
    assert perarticle.fan_out_table(None, ["a1"]) is empty
    monkeypatch.setattr(perarticle, "_in_workers", lambda compute, ids: None)   # no workers: computed here
    assert perarticle.fan_out_table(lambda ids: pd.DataFrame({"id": ids}), ["a1", "a2"])["id"].tolist() == ["a1", "a2"]
