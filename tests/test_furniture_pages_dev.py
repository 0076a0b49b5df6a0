"""Furniture of kinds the development stories barely had, found on the furniture development set of
real pages (issue 25, data/eval/furniture-pages-dev): a comment section below the story, a list of
other articles below a heading the listed rules leave, bylines and page labels of other shapes.
Each case is a small crafted page (hand-checked, invented text: a 'Harbour Council' story), with the
prose next to it that must stay."""
from __future__ import annotations

import pytest

from presslens.text import comments

from .furniture_cases import P1, P2, P3, run

P4 = "Residents can comment on the plans at the town hall until the end of the month, the council said."


# ---------------------------------------------------------------------------------------------- comments

def test_a_comment_section_below_the_story_goes_to_the_end():
    page = [P1, P2, P3, "Leave a Reply", "Your email address will not be published. Required fields are marked *",
            "Comment", "Name *", "Save my name, email, and website in this browser for the next time I comment."]
    kept, rules = run(page)
    assert kept == [P1, P2, P3]
    assert rules["Save my name, email, and website in this browser for the next time I comment."] == "comment-tail"


def test_readers_comments_and_a_headed_count_go_though_they_quote():
    count = "2 Comments on “Harbour Council approves the pier repairs”"
    page = [P1, P2, P3, count, "  1. Marina Hale says:", "    “About time,” my neighbour said when she read this.",
            "Leave a Reply", "Fill in your details below or click an icon to log in:"]
    kept, rules = run(page)
    assert kept == [P1, P2, P3]
    assert rules[count] == "comment-tail"


def test_a_closing_request_for_comments_opens_the_section():
    ask = "What do you think of the new pier? Drop your comments below."
    kept, rules = run([P1, P2, P3, ask, "Follow Us On: Facebook | Twitter | Instagram", "0/Post a Comment/Comments",
                       "Previous Post Next"])
    assert kept == [P1, P2, P3]
    assert rules[ask] == "comment-tail"


def test_a_comment_button_above_the_story_and_a_story_about_comments_stay():
    # printed under the headline: most of the story stands below it, so nothing below is taken by this rule
    kept, rules = run(["Harbour Council approves the pier repairs", P1, "Leave a comment", P2, P3, P4])
    assert [P2, P3, P4] == kept[-3:]
    assert "comment-tail" not in rules.values()
    # the prose asking for comments in a reported sentence stays (the prose guard), and so does the story
    said = "Residents should leave their comments below the notice at the town hall, the mayor said."
    kept, rules = run([P1, P2, said, P3])
    assert kept == [P1, P2, said, P3]


def test_a_lone_comment_widget_between_paragraphs_keeps_the_paragraph_below():
    for widget in ("Join the conversation", "Leave a comment", "Add new comment"):
        kept, rules = run([P1, P2, widget, P3])
        assert [x for x in kept if x != widget] == [P1, P2, P3] and "comment-tail" not in rules.values()


def test_without_the_rule_the_comment_section_stays():
    ask = "What do you think of the new pier? Drop your comments below."
    kept, _ = run([P1, P2, P3, ask], disable=("comment-tail",))
    assert ask in kept


def test_opens_comments():
    assert comments.opens_comments("Leave a Reply")
    assert comments.opens_comments("0/Post a Comment/Comments")
    assert comments.opens_comments("Please enter your comment!")
    assert comments.opens_comments("There are no comments - be the first to comment")
    assert not comments.opens_comments("Leave a reply to the council by Friday if you object to the plans.")
    assert not comments.opens_comments("Comments from residents were mostly positive.")


# ---------------------------------------------------------------------------------------------- lists

MOST_READ = ["Most Read Stories", "- Harbour Council votes to sell the old ferry terminal",
             "- Why the tide tables were wrong all summer? A reader asks",
             "- Fishing fleet returns early as the storm season begins"]


def test_a_heading_the_listed_rules_leave_over_bulleted_titles_goes_with_them():
    kept, rules = run([P1, P2, P3] + MOST_READ)
    assert kept == [P1, P2, P3]
    assert all(rules[x] == "link-list" for x in MOST_READ)


def test_a_subhead_over_the_storys_bullets_stays():
    # a heading word ("Latest") over the article's own bullets, which end as sentences: the article's
    bullets = ["Latest developments", "- The east pier reopens on Monday.", "- The ferry runs every hour from Tuesday.",
               "- Repairs to the fuel depot start next week."]
    kept, _ = run([P1, P2, P3] + bullets)
    assert kept == [P1, P2, P3] + bullets
    # a subhead over more of the story stays too
    kept, _ = run([P1, "More repairs ahead", P2, P3])
    assert kept == [P1, "More repairs ahead", P2, P3]


# ---------------------------------------------------------------------------------------------- furniture.yaml v11

@pytest.mark.parametrize("line, rule", [
    ("Article written by", "byline-empty"),
    ("Posted by:", "byline-empty"),
    ("From Harbour Wire Reports", "reports-byline"),
    ("From staff and wire reports", "reports-byline"),
    ("May 1st, 2031 by Jane Roe in Local - Breaking News", "dated-byline"),
    ("3 May 2031 by Harbour Post Staff", "dated-byline"),
    ("EDITION: Harbourland | Coast & World", "labelled-menu"),
    ("By clicking submit, you agree to our terms of service and acknowledge we may use your information to send "
     "you emails. You can opt out anytime.", "consent-line"),
    ("See also  A new lighthouse, the tallest on the coast, opens in Port Selby", "read-more-link"),
])
def test_version_11_lines_go(line, rule):
    kept, rules = run([P1, P2, line, P3])
    assert kept == [P1, P2, P3] and rules[line] == rule


@pytest.mark.parametrize("line", [
    "Written by hand, the letters reached the council a week after the storm.",
    "From the harbour wall, residents watched the ferry come in.",
    "Update: the ferry is running again after the repairs to the east pier.",
    "By clicking through the council's plans, residents can see where the new pier will stand.",
    "See also the council's report on the storm, published on Monday.",
])
def test_version_11_leaves_prose(line):
    kept, _ = run([P1, P2, line, P3])
    assert kept == [P1, P2, line, P3]


def test_the_scorer_counts_a_line_dropped_after_its_tags_were_taken_out():
    from presslens.evaluation.score_text import _dropped

    line = 'By clicking submit, you agree to our <a href="https://harbour.example/terms">terms</a> of service.'
    cuts = ['<a href="https://harbour.example/terms"> </a>', "By clicking submit, you agree to our terms of service."]
    assert _dropped(line, cuts)
    assert not _dropped(line, cuts[:1])


# ---------------------------------------------------------------------------------------------- captions, read more

def test_a_wire_caption_with_the_date_before_the_place_goes():
    cap = "A boat lies on its side after the storm, Thursday, May 1, 2031, in Port Selby, Harbourland."
    kept, rules = run([P1, P2, cap, P3])
    assert kept == [P1, P2, P3] and rules[cap] == "caption"
    # narration dates an event with "on": prose
    said = "The council declared an emergency on Thursday, May 1, 2031, in Port Selby, Harbourland."
    assert run([P1, P2, said, P3])[0] == [P1, P2, said, P3]


def test_a_read_more_link_after_the_last_sentence_is_cut_off():
    for tail in ("(read more)", "Read more at the Harbour Post."):
        para = "Two piers were lost and the depot flooded for a week. " + tail
        kept, rules = run([P1, para, P3])
        assert kept == [P1, "Two piers were lost and the depot flooded for a week.", P3]
        assert rules[tail] == "glued-mark"
    # a sentence of the story telling readers where to read more stays
    advice = "Residents can read more about the plans on the council's website, officials said."
    assert run([P1, advice, P3])[0] == [P1, advice, P3]


# ---------------------------------------------------------------------------------------------- a paragraph cut short

def test_a_last_paragraph_cut_inside_a_word_and_the_subhead_above_it_stay():
    cut = "As of 8:52 a.m. ET Tuesday, the harbour h"
    page = [P1, P2, "Ferries cancel another 600 crossings", cut]
    kept, _ = run(page)
    assert kept == page
    # a related list's title cut short is still a title, and a timestamp still goes
    kept, rules = run([P1, P2, P3, "Related", "- Harbour Council votes on the ferry terminal", "- Storm season opens with a gale at b"])
    assert kept == [P1, P2, P3]
    kept, rules = run([P1, P2, P3, "Updated 8:52 a.m. ET Tuesday"])
    assert kept == [P1, P2, P3]
