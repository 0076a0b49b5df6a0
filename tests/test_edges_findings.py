"""Boundaries of small findings and reuse helpers pinned on both sides (issue 20): one article or two,
one tied pair or four, an outlet of exactly FEW_WORDS words, word swaps at a text's two ends.
Crafted outlets (Harbour Times, Bay Courier), each figure checked by hand."""
import pandas as pd

from presslens.analyses.findings import outlets as fo
from presslens.analyses.reuse import sentences


def test_over_only_for_an_outlet_of_two_articles_or_more():
    assert fo._over({"n_articles": 1}) == ""
    assert fo._over({"n_articles": 2}) == ", over its 2 articles"
    assert fo._over({"n_articles": None}) == "" and fo._over({}) == ""


def test_pairs_one_named_then_a_count_and_three():
    rows = lambda n: pd.DataFrame({"outlet_a": [f"A{i}" for i in range(n)], "outlet_b": [f"B{i}" for i in range(n)]})
    assert fo._pairs(rows(1)) == "A0 and B0"
    assert fo._pairs(rows(3)) == "3 pairs (tied): A0 and B0; A1 and B1; A2 and B2"  # three: no ellipsis
    assert fo._pairs(rows(4)) == "4 pairs (tied): A0 and B0; A1 and B1; A2 and B2; …"


def test_few_words_under_three_hundred_in_all_articles():
    t = pd.DataFrame({"outlet": ["Harbour Times", "Bay Courier", "Cove Post"],
                      "words_per_article": [300, 299, 150], "n_articles": [1, 1, 2]})
    assert fo._few(t, {"Harbour Times"}) == ""  # exactly 300: enough
    assert fo._few(t, {"Cove Post"}) == ""  # 150 a piece over two articles: 300 in all
    assert fo._few(t, {"Bay Courier", "Harbour Times"}) == "; few words behind (Bay Courier: under 300 words): weak evidence"
    t2 = t.assign(words_per_article=[299, 299, 149])
    got = fo._few(t2, {"Bay Courier", "Harbour Times", "Cove Post"})
    assert "under 300 words each" in got and "Bay Courier" in got and "Cove Post" in got and "Harbour Times" in got
    assert fo._few(t.drop(columns="words_per_article"), {"Bay Courier"}) == ""
    assert fo._few(t.drop(columns="n_articles"), {"Cove Post"}) != ""  # without counts: per article is all


def test_word_swaps_at_both_ends_and_merged():
    a = "the harbour council approved the plan".split()
    assert sentences.word_swaps(a, a) == []
    got = sentences.word_swaps(a, "a harbour council approved the plan".split())
    assert [(g["change"], g["from"], g["to"]) for g in got] == [("swapped", "the", "a")]
    got = sentences.word_swaps(a, a + ["today"])  # an insertion at the end
    assert [(g["change"], g["from"], g["to"]) for g in got] == [("inserted", "", "today")]
    got = sentences.word_swaps(a, a[1:])  # a deletion at the start
    assert [(g["change"], g["from"], g["to"]) for g in got] == [("deleted", "the", "")]
    got = sentences.word_swaps("council approved another plan".split(), "council approved one more plan".split())
    assert [(g["change"], g["from"], g["to"]) for g in got] == [("swapped", "another", "one more")]


def test_context_one_content_word_before_two_after():
    w = "the harbour council approved large new plans".split()
    assert sentences._context(w, 0, 1) == "the harbour council"  # at the start: nothing before
    assert sentences._context(w, 2, 3) == "harbour council approved large"  # two after
    assert sentences._context(w, 6, 7) == "new plans"  # at the end: nothing after
    assert sentences._context("in the harbour".split(), 2, 3) == "harbour"  # a stop word before is not taken
