"""Furniture rules from the fourth furniture development set of real pages (issue 25, session 15,
data/eval/furniture-pages-dev4): a release wrapped at a fixed width (its short lines are prose), a comment
thread counted "Comments (2)" with readers' names over their comments, short commands about the page
anywhere in the text ("Load more updates", "Return to top"). Each case is a small crafted page
(hand-checked, invented text: a 'Harbour Council' story), with the prose next to it that must stay."""
from __future__ import annotations

from .furniture_cases import P1, P2, P3, run

HEAD = "Harbour Council approves the pier repairs"


# ------------------------------------------------------------------------------ a release wrapped at a fixed width

WRAPPED = ["Harbour Police appeal after pier road crash",
           "Harbour Police are",
           "appealing for information from the public after",
           "a",
           "collision on the pier road late last",
           "night.",
           "The",
           "driver of the second car left the",
           "scene before officers arrived and is still outstanding.",
           "Officers closed the pier road for three hours while",
           "the",
           "wreckage was cleared by the harbour crews.",
           "The",
           "harbour master asked drivers to take the coast road until Monday."]


def test_short_lines_of_a_release_wrapped_at_a_fixed_width_are_prose():
    # each run of lines, joined, is a paragraph: "Harbour Police are" / "a" / "The" / "the" are its words
    kept, rules = run(WRAPPED)
    assert kept == WRAPPED, rules
    # a short line printed twice and standing alone is still a widget
    kept, rules = run([HEAD, P1, "Hide Ad", P2, "Hide Ad", P3])
    assert "Hide Ad" not in kept and P2 in kept


# ------------------------------------------------------------------------------ a comment thread (comment-tail)

def test_a_comment_thread_counted_in_brackets_with_readers_names_goes():
    comment = "If this is true to form, the council will blame the weather again and nobody will pay for the piers."
    reply = "Sadly you are right. The same thing happened with the sea wall two winters ago."
    page = [HEAD, P1, P2, P3, "Comments (2)", "Trackback URL | Comments RSS Feed", "  1. harbourfan says:",
            "    " + comment, "    • Old Salt says:", "      " + reply]
    kept, rules = run(page)
    assert kept == [HEAD, P1, P2, P3], rules
    assert rules[comment] == "comment-tail" and rules[reply] == "comment-tail"
    # a story's own "The mayor says:" above a quotation is no comment thread
    quote = "We will rebuild both piers before the summer, and the council will find the money."
    page = [HEAD, P1, "Harbour mayor Jane Roe says:", quote, P2, P3]
    kept, _ = run(page)
    assert "Harbour mayor Jane Roe says:" in kept and quote in kept


# ------------------------------------------------------------------------------ commands about the page (page-prompt)

def test_short_commands_about_the_page_go_anywhere_in_the_text():
    prompts = ["Load more updates", "Return to top", "Show key events only", "Watch more of our videos on Harbour TV!",
               ">>See footage of the rescue in the media player above.", "Discover more from Harbour Weekly",
               "You’re reading a preview, subscribe to read more."]
    for p in prompts:
        kept, rules = run([HEAD, P1, p, P2, P3])
        assert kept == [HEAD, P1, P2, P3], (p, rules)
        assert rules[p] == "page-prompt", (p, rules)
    # a prompt's broken tail goes with it
    kept, rules = run([HEAD, P1, "Watch more of our videos on Harbour TV!", "and live on channel 276", P2, P3])
    assert kept == [HEAD, P1, P2, P3], rules
    # switched off, the prompts stay (the rule is what removes them)
    kept, _ = run([HEAD, P1, "Load more updates", P2, P3], disable=("page-prompt",))
    assert "Load more updates" in kept


def test_subheads_and_sentences_in_the_imperative_stay():
    for line in ("Follow the money", "Visit the harbour at dawn.", "Read between the lines",
                 "Watch this space, the harbour master told reporters", "“Return to the pier now,” officers shouted."):
        kept, rules = run([HEAD, P1, line, P2, P3])
        assert line in kept, (line, rules)


# ------------------------------------------------------------------------------ cards under a related heading (teaser-card)

def test_cards_under_a_related_heading_go_to_the_end_even_when_a_blurb_reports():
    t1, b1 = "Ferry route to reopen after the storm", "The ferry between Port Selby and the islands will sail again on Thursday, the operator said."
    t2, b2 = "New pier plans go on show at the library", "Residents can see the designs for the two new piers from Monday at the"
    page = [HEAD, P1, P2, P3, "More from Harbour Weekly", "Harbour Weekly 4 min read", t1, b1, "Harbour Weekly 6 min read", t2, b2]
    kept, rules = run(page)
    assert kept == [HEAD, P1, P2, P3], rules
    assert rules[b1] == "teaser-card"      # the prose guard does not hold under the heading
    # one card is no list
    kept, _ = run([HEAD, P1, P2, P3, "More from Harbour Weekly", t1, b1])
    assert b1 in kept
    # a story going on under a mid-text "Related" link: paragraphs in a row stay
    kept, _ = run([HEAD, P1, "Related", "Who pays", P2, P3, "What comes next", b1])
    assert P2 in kept and P3 in kept and b1 in kept


# ------------------------------------------------------------------------------ a disclaimer's paragraph, a "File photo." caption

def test_the_paragraph_under_a_disclaimer_heading_goes_wrapped_lines_and_all():
    wrapped = ["Harbour Wire provides the", "information “as is” without warranty of any kind. We accept no",
               "responsibility for the accuracy of this article. For complaints, contact the provider above."]
    page = [HEAD, P1, P2, P3, "Legal Disclaimer:"] + wrapped
    kept, rules = run(page)
    assert kept == [HEAD, P1, P2, P3], rules
    # the story's next paragraph after a blank line stays
    kept, _ = run([HEAD, P1, "Disclaimer:", "The writer owns no shares in Harbour Freight Lines.", "", P2, P3])
    assert P2 in kept and P3 in kept and "The writer owns no shares in Harbour Freight Lines." not in kept


def test_a_caption_closed_by_file_photo_goes_even_when_it_reports():
    cap = "Harbour police found the car abandoned near the pier at 10.40am on Friday. File photo. Harbour Post/Jane Roe"
    cap2 = "The crash is said to have happened on the coast road near Selby. File image: Harbour Maps."
    for c in (cap, cap2):
        kept, rules = run([HEAD, P1, c, P2, P3])
        assert kept == [HEAD, P1, P2, P3], (c, rules)
    # a paragraph of prose mentioning a file photo stays
    prose = "The council published a file photo of the pier on Friday. It shows the damage the storm did to the quay."
    kept, _ = run([HEAD, P1, prose, P2, P3])
    assert prose in kept
