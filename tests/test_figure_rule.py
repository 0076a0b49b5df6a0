"""Which outlets a capped figure shows is a stated rule (max_outlets, outlets_rule, outlets_pin), and
the figure says which rule and what it left out."""
import dataclasses

import pandas as pd
import pytest

from presslens import load_story
from presslens.figures import style
from presslens.notebook import setup
from presslens.story.model import StoryError

from .conftest import MINI


@pytest.fixture(scope="module")
def story():
    """The mini story with a second Wire Service article: Wire has most articles (2, 60 words), The
    Daily Ledger most words (1 article, 68 words), La Gazette 1 article of 39 words."""
    st = load_story(MINI)
    a = st.articles
    extra = a[a["outlet"] == "Wire Service"].assign(id="wire-2", file="articles/wire-2.md")
    return dataclasses.replace(st, articles=pd.concat([a, extra], ignore_index=True))


def test_rule_most_articles_most_words_and_pins(story):
    every = story.outlets
    assert story.figure_outlets(every) == every and story.figure_outlets(every).rule == ""  # no cap: all
    by_articles = dataclasses.replace(story, max_outlets=1).figure_outlets(every)
    assert by_articles == ["Wire Service"]
    assert by_articles.left_out == ["The Daily Ledger", "La Gazette (English edition)"]  # tie: first published
    by_words = dataclasses.replace(story, max_outlets=1, outlets_rule="words").figure_outlets(every)
    assert by_words == ["The Daily Ledger"] and "most words" in by_words.rule
    pinned = dataclasses.replace(story, max_outlets=2, outlets_pin=("La Gazette (English edition)",))
    shown = pinned.figure_outlets(every)
    assert shown == ["La Gazette (English edition)", "Wire Service"]  # story order kept
    assert shown.left_out == ["The Daily Ledger"]
    assert "pinned (La Gazette (English edition)), then those with most articles" in shown.rule


def test_cap_note_names_the_rule_and_what_was_left_out(story):
    every = story.outlets
    shown = dataclasses.replace(story, max_outlets=1).figure_outlets(every)
    note = style.cap_note(shown, every)
    assert note.startswith("Showing the 1 of 3 outlets with most articles (max_outlets = 1")
    assert "Left out: The Daily Ledger, La Gazette (English edition). Every outlet is in the CSV." in note
    assert style.cap_note(every, every) == ""
    many = [f"O{i}" for i in range(30)]
    assert "Left out: O2, O3, O4, O5, O6, O7 and 22 more." in style.cap_note(many[:2], many)


def test_pin_and_rule_parameters_are_checked(tmp_path):
    with pytest.raises(StoryError, match="did you mean 'Wire Service'"):
        setup.setup(str(MINI), str(tmp_path), outlets_pin=["Wire Servce"])
    with pytest.raises(StoryError, match="outlets_rule"):
        setup.setup(str(MINI), str(tmp_path), outlets_rule="longest")
    ctx = setup.setup(str(MINI), str(tmp_path), max_outlets=1, outlets_pin="Wire Service", outlets_rule="words")
    assert ctx.story.figure_outlets(ctx.story.outlets) == ["Wire Service"]
    assert ctx.figures.name == "mini-story--max_outlets-1--outlets_pin-wire-service--outlets_rule-words"


def test_tone_arc_only_for_outlets_with_enough_articles(story):
    from presslens.analyses import tone
    from presslens.figures import tone as tone_fig

    fig, data = tone_fig.tone_arc(story, tone.tone_arc(story, bins=3, n_boot=100))  # at most 2 articles each
    text = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))).replace("\n", " ")
    assert "No tone arc: it needs at least 3 articles per outlet" in text and not fig.axes[0].lines
    assert set(data["outlet"]) == set(story.outlets)  # the CSV keeps every outlet
    a = story.articles
    third = a[a["outlet"] == "Wire Service"].head(1).assign(id="wire-3", file="articles/wire-3.md")
    more = dataclasses.replace(story, articles=pd.concat([a, third], ignore_index=True))
    fig, _ = tone_fig.tone_arc(more, tone.tone_arc(more, bins=3, n_boot=100))
    ax = fig.axes[0]
    assert [ln.get_label() for ln in ax.lines if not ln.get_label().startswith("_")] == ["Wire Service"]
    assert len(ax.collections) == 1  # its interval band
    assert any("Not drawn, fewer than 3 articles: 2 outlet(s)" in t.get_text().replace("\n", " ") for t in fig.texts)
