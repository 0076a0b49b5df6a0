"""Boundaries of presslens.words and presslens.stats helpers pinned on both sides (issue 20): the longest
word kept, the CJK share of a text, grouping codes. Crafted strings, counted by hand."""
import numpy as np

from presslens import stats, words


def test_long_words_from_one_past_max_word():
    m = words.MAX_WORD  # 300
    assert words.long_words("a" * m) == []  # exactly MAX_WORD: a word
    assert words.long_words("a" * (m + 1)) == [m + 1]
    assert words.long_words("Harbour " + "b" * (m + 5) + " Council") == [m + 5]
    assert words.long_words("b" * m + " " + "c" * (m + 1)) == [m + 1]  # scanned: the 300-letter one stays a word
    assert words.without_long_words("a" * m) == "a" * m
    assert words.without_long_words("x " + "a" * (m + 1) + " y") == "x  y"
    assert words.long_words("") == [] and words.without_long_words("") == ""


def test_is_cjk_above_three_tenths_of_the_letters():
    # 3 CJK characters among 10 letters: exactly 0.3, not above
    assert not words.is_cjk("市长说 abcdefg")
    assert words.is_cjk("市长说 abcdef")  # 3 of 9
    assert not words.is_cjk("Harbour Council") and not words.is_cjk("") and not words.is_cjk("123")
    assert words.is_cjk("市长")


def test_count_and_reading_words_mixed_stretches():
    assert words.count("Harbour Council met") == 3
    assert words.count("市长说 Harbour") == 4  # three characters, then one word
    assert words.count("市长Harbour会议") == 5  # 2 characters + one run of letters + 2 characters
    assert words.count("") == 0 and words.count(None) == 0
    assert words.reading_words("首页") == 1 and words.reading_words("首页头") == 2
    assert words.reading_words("Home > Headlines") == 2
    assert words.describe("Harbour Council") == "2 words"
    assert words.describe("市长说") == "3 words (Chinese/Japanese: each character counted as a word)"


def test_codes_in_order_of_first_appearance():
    codes, labels = stats._codes(["b", "a", "b", "c", "a"])
    assert codes.tolist() == [0, 1, 0, 2, 1] and labels == ["b", "a", "c"]
    codes, labels = stats._codes([])
    assert codes.tolist() == [] and labels == []


def test_columns_one_dimension_is_one_column():
    H, W = stats._columns([1, 2, 3], [4, 5, 6])
    assert H.shape == (3, 1) and W.shape == (3, 1) and H.dtype == float
    H, W = stats._columns(np.ones((3, 2)), np.ones((3, 2)))
    assert H.shape == (3, 2)


def test_group_rng_depends_on_seed_and_every_key():
    draw = lambda *a: stats.group_rng(*a).integers(0, 10**9)
    assert draw(1, "Harbour Times") == draw(1, "Harbour Times")
    assert draw(1, "Harbour Times") != draw(2, "Harbour Times")
    assert draw(1, "Harbour Times", "Council") != draw(1, "Harbour Times", "Mayor")
    assert draw(1, "Harbour Times") != draw(1, "Bay Courier")
