"""Boundaries of story/capture pinned on both sides (issue 20): a teaser of 250 words before the prompt
(251 is an article), the prompt within 400 characters of the end, ten tags and three tenths markup,
three files named then an ellipsis. Invented Harbour text."""
import pandas as pd

from presslens.story import capture

PROMPT = "Subscribe to continue reading."


def test_a_teaser_has_at_most_250_words_before_the_prompt():
    assert capture.TEASER_WORDS == 250
    words = lambda n: " ".join(["pier"] * n)
    assert capture.paywall_prompt(words(250) + "\n" + PROMPT) == PROMPT
    assert capture.paywall_prompt(words(251) + "\n" + PROMPT) is None
    assert capture.paywall_prompt("") is None and capture.paywall_prompt(None) is None


def test_the_prompt_must_start_within_400_characters_of_the_end():
    body = "The pier shut.\n" + PROMPT
    tail = "x" * (capture.TAIL_CHARS - len(PROMPT))  # the prompt starts exactly 400 characters from the end
    assert capture.paywall_prompt(body + tail) is not None
    assert capture.paywall_prompt(body + tail + "x") is None  # 401
    got = capture.paywall_prompt("The pier shut.\nFirst line. " + PROMPT + " " + "y" * 200)
    assert got.startswith("First line. Subscribe") and len(got) == 160  # its line, cut at 160


def test_markup_needs_ten_tags_and_three_tenths_of_the_characters():
    assert capture.MIN_TAGS == 10 and capture.MARKUP_SHARE == 0.3
    nine = "<p>" * 9 + "x" * 10
    assert capture.markup(nine) is None  # nine tags
    ten = "<p>" * 10  # 30 characters, all markup
    share, shown = capture.markup(ten + "x" * 70)  # exactly 30 of 100
    assert abs(share - 0.3) < 1e-9 and shown == ["<p>"]
    assert capture.markup(ten + "x" * 71) is None  # 30 of 101
    assert capture.markup("no markup here") is None
    many = "".join(f"<t{i}>" for i in range(10))
    assert capture.markup(many)[1] == ["<t0>", "<t1>", "<t2>", "<t3>"]  # the first four


def test_cut_short_lists_an_outlet_only_when_every_article_stops():
    arts = pd.DataFrame({"outlet": ["Harbour Times", "Harbour Times", "Bay Courier", "Bay Courier"],
                         "file": ["a.md", "b.md", "c.md", "d.md"],
                         "text": ["Pier.\n" + PROMPT, "Levy.\n" + PROMPT, "Pier.\n" + PROMPT, "The council met."]})
    assert capture.cut_short(arts) == {"Harbour Times": ["a.md", "b.md"]}
    assert capture.cut_short_note({}) is None
    three = capture.cut_short_note({"Harbour Times": ["a", "b", "c"]})
    assert "Harbour Times (a, b, c)" in three and "..." not in three.split(":")[1]
    four = capture.cut_short_note({"Harbour Times": ["a", "b", "c", "d"]})
    assert "Harbour Times (a, b, c ...)" in four
