"""Boundaries of small wire and page helpers pinned on both sides (issue 20): a slug of twelve characters
(eleven names no page) or six digits, windows that touch merge, whole words at a text's two ends, an
excerpt's ellipses. Invented addresses and text."""
import re

from presslens.analyses import pair_evidence as pe
from presslens.analyses import wires


def test_slug_of_twelve_characters_or_six_digits():
    assert pe.slug_of("https://h.example/news/pier-shut-ab") == "pier-shut-ab"  # twelve
    assert pe.slug_of("https://h.example/news/pier-shut-a") == ""  # eleven
    assert pe.slug_of("https://h.example/news/123456") == "123456"  # six digits
    assert pe.slug_of("https://h.example/news/12345") == ""
    assert pe.slug_of("https://h.example/") == "" and pe.slug_of(None) == ""
    assert pe.site_of("news.harbour.co.uk/x") == "harbour.co.uk" and pe.site_of("") == ""


def test_windows_merge_when_they_touch():
    w = wires.WINDOW
    text = "x" * (10 * w)
    # two hits whose windows end and start at the same character: merged into one
    a = (w, w + 1)
    b = (3 * w + 1, 3 * w + 2)  # its window starts at 2w + 1 = the first window's end
    assert len(wires._windows(text, [a, b])) == 1
    c = (3 * w + 2, 3 * w + 3)  # one further: two windows
    assert len(wires._windows(text, [a, c])) == 2
    assert wires._windows("abc", [(1, 2)]) == ["abc"]  # cut at the text's ends


def test_find_all_whole_words_at_both_ends():
    assert wires._find_all("AP said AP", ["AP"], True) == [(0, 2), (8, 10)]
    assert wires._find_all("APT said", ["AP"], True) == [] and wires._find_all("xAP", ["AP"], True) == []
    assert wires._find_all("APT said", ["AP"], False) == [(0, 2)]
    assert wires.host_of("https://www.Harbour.example/x") == "harbour.example" and wires.host_of("") == ""


def test_excerpt_marks_what_is_cut():
    text = "a" * 10 + "PIER" + "b" * 10
    m = re.search("PIER", text)
    assert wires._excerpt(text, m, width=10) == "a" * 10 + "PIER" + "b" * 10  # all of it: no ellipsis
    assert wires._excerpt(text, m, width=9) == "…" + "a" * 9 + "PIER" + "b" * 9 + "…"
