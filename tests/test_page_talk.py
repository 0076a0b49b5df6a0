"""The shape rule page-talk (issue 25, session 21): a short line most of whose words are the web page's own
vocabulary (article, site, click, scroll, subscribe, app, video, read, translation ...) is about the page, not
the news. Crafted 'Harbour' pages (hand-checked, invented text); the prose next to each case must stay."""
from __future__ import annotations

import pytest

from presslens.text.prompts import page_talk

from .furniture_cases import P1, P2, P3, run

HEAD = "Harbour Council approves the pier repairs"


@pytest.mark.parametrize("line", [
    "Notice - Scroll down to the full article",               # 2 page words of 7, no sentence end
    "Automated translation of this page",                    # 3 of 5
    "Your comments on this story are welcome.",             # a sentence, but to the reader ("your")
    "Harbour Times video player: loading content",           # 4 of 6
])
def test_a_line_about_the_page_goes(line):
    kept, rules = run([HEAD, P1, line, P2, P3])
    assert line not in kept and rules[line] == "page-talk", rules
    assert kept == [HEAD, P1, P2, P3]


@pytest.mark.parametrize("line", [
    "Residents used a free app to share videos of the flooded quay.",   # a sentence narrating: no "you", no "this article"
    "The harbour app crashed on Monday, the council said.",             # guarded (reporting verb); 1 page word
    "Harbour site reopens",                                             # one page word
    "Read the harbour story and the council report on the pier repairs at the harbour office before Monday.",  # 3 of 19
])
def test_prose_that_mentions_the_web_stays(line):
    kept, rules = run([HEAD, P1, line, P2, P3])
    assert line in kept, rules
    assert page_talk([HEAD, P1, line, P2], {}) == []


def test_never_the_first_line():
    # a headline about an app is the story's ("Free app streams the pier repairs" : 2 page words of 6)
    lines = ["Free app streams the pier repairs", P1, P2]
    assert page_talk(lines, {}) == []
    assert page_talk([P1] + lines, {}) == [1]


def test_lines_already_found_are_left_alone_and_the_counts_hold():
    lines = [HEAD, "Automated translation of this page", P1]
    assert page_talk(lines, {}) == [1]
    assert page_talk(lines, {1: "caption"}) == []
    # two different page words are needed: "video video" is one
    assert page_talk([HEAD, "Harbour video, video", P1], {}) == []
    assert page_talk([HEAD, "Harbour video player", P1], {}) == [1]


def test_switched_off_per_story():
    line = "Automated translation of this page"
    kept, _ = run([HEAD, P1, line, P2], disable=("page-talk",))
    assert line in kept
