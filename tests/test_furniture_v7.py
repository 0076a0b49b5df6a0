"""Furniture version 7 (issue 25, generalisation): repetition at full strength (a template line's shape
with digit runs and date words folded; a line printed three times or more), a sentence that its links
broke across lines kept as prose, engagement counters, a credit in brackets with a slash. Each case is a
small crafted page (hand-checked, not copied from any capture), with the prose next to it that must stay."""
from __future__ import annotations

import pytest

from presslens.text import shape

from .furniture_cases import P1, P2, P3, run  # the same prose around each case, cleaned the same way


# ---------------------------------------------------------------------------------------------- repetition

def test_a_template_shape_folds_digit_runs_and_date_words():
    assert shape.line_key("4388 views 40 reactions") == shape.line_key("12 views 3 reactions")
    assert shape.line_key("Updated: May 3, 2024 Friday 10:21") == shape.line_key("Updated: June 12, 2023 Monday 9:05")
    assert shape.line_key("May I help you") != shape.line_key("June I help you")   # no number: words stay words


def test_a_dated_line_of_one_sites_template_recurs_across_its_pages():
    a = "\n".join(["Jane Roe", "25 August 2023 Friday 10:21", P1, P2])
    b = "\n".join(["Li Wei", "3 September 2023 Sunday 8:02", P3, "The ferry line said it would add a night crossing to clear the backlog."])
    keys = shape.template_keys([("a", "harbour.example", a), ("b", "harbour.example", b)])
    assert shape.line_key("25 August 2023 Friday 10:21") in keys["a"] and keys["a"] == keys["b"]


def test_a_line_printed_three_times_goes_a_headline_printed_twice_stays():
    cap = "Rescue boats in the harbour at dawn - Harbour Agency"
    kept, removed = run(["Storm closes the port for a week", cap, cap, P1, cap, P2, P3])
    assert kept == ["Storm closes the port for a week", P1, P2, P3] and removed[cap] == "repeated-line"
    head = "Storm closes the port for a week"
    kept, _ = run([head, P1, head, P2, P3])
    assert kept == [head, P1, head, P2, P3]
    # the article's first line printed three times is its headline (the page's title, heading and teaser)
    kept, _ = run([head, P1, head, P2, head, P3])
    assert kept == [head, P1, head, P2, head, P3]


# ---------------------------------------------------------------------------------------------- split sentence

def test_a_sentence_its_links_broke_across_lines_stays():
    lines = ["Storm closes the port", "PORT TOWN: In the first", "damage report", "on", "Harbourland",
             "'s northern coast the", "fuel depot", ", officials said on Friday that two piers had collapsed into the bay.",
             P2, P3]
    kept, removed = run(lines)
    assert kept == lines and not removed


def test_a_tag_after_a_sentences_end_is_no_continuation():
    kept, removed = run([P1, "storm", P2, P3])
    assert kept == [P1, P2, P3] and removed["storm"] == "short-line"
    kept, removed = run([P1, P2, P3, "ePaper - Harbour Times"])
    assert kept == [P1, P2, P3]


# ---------------------------------------------------------------------------------------------- counters, runs

@pytest.mark.parametrize("line", ["2417 views 35 reactions 0 comment(s)", "Views: 8120", "12 Reads", "1.2K views | 30 comments"])
def test_a_line_of_counters_goes(line):
    kept, removed = run(["Storm closes the port", line, P1, P2, P3])
    assert kept == ["Storm closes the port", P1, P2, P3] and removed[line] in ("engagement-line", "share-prompt")


def test_counters_in_a_sentence_stay():
    line = "Its video of the flooded quay drew 40,000 views in a day, the council said."
    kept, _ = run([P1, line, P2])
    assert kept == [P1, line, P2]


def test_a_line_the_listed_rules_removed_still_counts_in_a_run_below_the_story():
    # below the story: a counter (listed), a comment notice without a full stop, a form's limit
    notice = "(In the comments, readers should keep to the subject and avoid insults, as well as links to other sites)"
    kept, removed = run([P1, P2, P3, "Read: 424", "Leave a comment", notice, "You can enter 512 characters"])
    assert kept == [P1, P2, P3] and removed[notice] == "link-list"
    # a long paragraph without a full stop stays though a removed line follows it
    long = ("The port authority expects the new shuttle trains to carry twice the freight next year, and it plans two "
            "more sidings by the spring along with a new crane at the container quay for the larger ships that now call "
            "at the harbour twice a week from the southern ports (jr)")
    kept, _ = run([P1, long, "Harbour freight at a record", "https://harbourtimes.com/news/freight"])
    assert long in kept


def test_a_sentence_ending_with_an_emoji_is_a_sentence():
    last = "With this, the harbour can look to the future and reach for the stars. 🌟"
    kept, _ = run([P1, P2, last, "Reference(s):", "Harbour town opens a new ferry terminal", "harbourtimes.com"])
    assert kept == [P1, P2, last]


def test_a_line_of_code_printed_three_times_stays():
    code = "CMD gunicorn serve harbour:app"
    lines = ["Ship the harbour app in a container", P1, code, P2, code, P3, code]
    kept, _ = run(lines)
    assert kept == lines
