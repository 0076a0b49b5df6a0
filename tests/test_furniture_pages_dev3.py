"""Furniture rules from the third furniture development set of real pages (issue 25, session 14,
data/eval/furniture-pages-dev3): related cards whose blurbs are sentences, a ticker of other headlines
above the story's own, a site's notice opening the capture, the site in the third person, a comment
form's rules, a time written with a dot beside its zone. Each case is a small crafted page
(hand-checked, invented text: a 'Harbour Council' story), with the prose next to it that must stay."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from presslens.evaluation.score_text import score_furniture
from presslens.evaluation.truth import Truth
from presslens.text import cards
from presslens.text.datelines import is_timestamp

from .furniture_cases import P1, P2, P3, run

HEAD = "Harbour Council approves the pier repairs"


# ------------------------------------------------------------------------------ related cards (teaser-card)

CARD_A = "Ferry route to reopen after the storm"
BLURB_A = "The ferry between Port Selby and the islands will sail again on Thursday. Repairs to the slipway took a week and..."
CARD_B = "New pier plans go on show at the library"
BLURB_B = "Residents can see the designs for the two new piers from Monday. The drawings show a wider walkway and new..."
CARD_C = "Harbour fuel depot to move inland"
BLURB_C = "The depot that burned in the storm will be rebuilt two miles from the quay. Work starts in the spring."
BLURB_GUARDED = "The harbour master said the fuel depot would be rebuilt two miles from the quay, and work would start..."


def test_two_cards_of_a_title_over_a_cut_blurb_are_a_related_list():
    page = [HEAD, P1, P2, P3, "Harbour Wire", CARD_A, BLURB_A, "Harbour Wire", CARD_B, BLURB_B, CARD_C, BLURB_C,
            "Coast road shut again by high tides near Selby Bri"]
    kept, rules = run(page)
    assert kept == [HEAD, P1, P2, P3]
    for line in (CARD_A, BLURB_A, CARD_B, BLURB_B, CARD_C, BLURB_C):
        assert rules.get(line) in ("teaser-card", "link-list"), line
    assert rules[BLURB_A] == "teaser-card"
    # the card after the last cut one (a blurb of whole sentences) and the last title the capture cut go too
    assert rules[BLURB_C] == "teaser-card"
    assert rules["Coast road shut again by high tides near Selby Bri"] == "teaser-card"
    # switched off, the cut blurbs stay (the rule is what removes them)
    kept, _ = run(page, disable=("teaser-card",))
    assert BLURB_A in kept


def test_a_guarded_blurb_stays_and_one_card_is_no_list():
    # the prose guard holds inside a list of cards: a blurb that reports stays
    kept, rules = run([HEAD, P1, P2, P3, CARD_A, BLURB_A, CARD_C, BLURB_GUARDED])
    assert BLURB_GUARDED in kept and BLURB_A not in kept
    # one title over one paragraph that trails off is the article's subhead and paragraph
    trails = "Whether the council can pay for both piers this year is another matter, and..."
    page = [HEAD, P1, P2, "Who pays", trails, P3]
    kept, _ = run(page)
    assert trails in kept and P3 in kept


def test_cards_above_the_first_cut_one_go_while_titles_and_blurbs_alternate_not_into_the_story():
    card_d = "Lifeboat crew honoured for storm rescue"
    blurb_d = "The volunteers pulled four people from the water on the night of the storm."
    page = [HEAD, P1, P2, P3, card_d, blurb_d, CARD_A, BLURB_A, CARD_B, BLURB_B]
    kept, rules = run(page)
    assert kept == [HEAD, P1, P2, P3]
    assert rules[blurb_d] == "teaser-card"
    # a story written under subheads, each over its paragraphs, above the cards keeps every paragraph
    page = [HEAD, P1, "Who pays", P2, P3, CARD_A, BLURB_A, CARD_B, BLURB_B]
    kept, _ = run(page)
    assert kept[:5] == [HEAD, P1, "Who pays", P2, P3]


# ------------------------------------------------------------------------------ a ticker above the headline

def test_a_ticker_of_other_headlines_above_the_story_headline_goes():
    ticker = ["Ferry route to reopen after the storm", "New pier plans go on show at the library",
              "Harbour fuel depot to move inland", "Lifeboat crew honoured for storm rescue"]
    page = ["LATEST", *ticker, "", HEAD, "", "The repairs will take most of the winter", "", P1, P2, P3]
    kept, rules = run(page)
    assert kept == [HEAD, "The repairs will take most of the winter", P1, P2, P3]
    assert all(rules[t] == "link-list" for t in ticker)
    # a headline, standfirst and byline in a row, with no other headline below them, are the story's own
    page = [HEAD, "The repairs will take most of the winter", "Works start on the north pier next week", P1, P2, P3]
    kept, _ = run(page)
    assert kept == page


# ------------------------------------------------------------------------------ a notice opening the capture

def test_a_notice_opening_the_capture_leaves_the_menu_and_headline_above_the_story():
    notice = ["Sorry.", "Our website is not available in your region at the moment.", "We are working to bring it back soon."]
    stand = "The repairs will take most of the winter"
    page = [*notice, "COOKIES", "Home", HEAD, stand, P1, P2, P3]
    kept, rules = run(page)
    # the headline and the standfirst stay: they stand above the story, not in a run of titles in mid-text
    assert HEAD in kept and stand in kept
    assert "COOKIES" not in kept and "Home" not in kept
    assert rules["Our website is not available in your region at the moment."] == "site-voice"
    # the whole notice goes with it: its other lines stand above the menu, before the story's start
    assert not any(x in kept for x in notice)
    # a lede in the third person above two subheads is the story's start: the subheads' run is a list in mid-text
    lede = "Harbour officials closed the port on Friday."
    kept, _ = run([HEAD, lede, "COOKIES", "Home", "Storm hits the coast road again", P1, P2, P3])
    assert lede in kept


# ------------------------------------------------------------------------------ the site in the third person

def test_the_site_in_the_third_person_speaks_to_the_reader():
    cookies = ("Comments are switched off because they need cookies and you have turned cookies off on this site. "
               "To join the conversation, change your cookie settings.")
    source = "The Harbour Post is your go-to place for the best local stories, pictures and videos."
    kept, rules = run([HEAD, P1, P2, P3, cookies, source])
    assert kept == [HEAD, P1, P2, P3]
    assert rules[cookies] == rules[source] == "site-voice"
    # "this site" of a building, and a council that is "your" contact, are the story's
    site = "If you saw the fire on this site, please call the council on Monday."
    council = "Harbour Council is your first point of contact for bin collections after the storm."
    kept, _ = run([HEAD, P1, site, P2, council, P3])
    assert site in kept and council in kept


# ------------------------------------------------------------------------------ a comment form's rules

def test_a_comment_forms_rules_below_a_short_story_go():
    rules_lines = ["Tell us what you think.", "Be polite. Keep to the subject of the story.",
                   "No ads. Posts selling things will be removed.", "Be honest. Say what you saw and where.",
                   "Add your comment"]
    page = [HEAD, P1, P2, "(2) comments", *rules_lines]
    kept, rules = run(page)
    assert kept == [HEAD, P1, P2]
    # readers' comments of some length below a short story are kept by the count of words (one sign only)
    long_comment = ("I walked past the north pier on Saturday and the damage is far worse than the pictures show, "
                    "with whole planks missing and the railings bent into the water along most of its length.")
    kept, _ = run([HEAD, P1, "Tell us what you think.", long_comment, P2])
    assert long_comment in kept


# ------------------------------------------------------------------------------ stamps and the scorer

def test_a_time_with_a_dot_reads_as_a_time_beside_its_zone():
    assert is_timestamp("Updated at 15.12 EST")
    assert is_timestamp("Posted 9.45 AEST")
    assert not is_timestamp("Updated 15.12")     # a number: no zone, no "am"/"pm"
    assert not is_timestamp("The vote closed at 15.12 EST and the count went on late into the night.")
    kept, rules = run([HEAD, P1, "Updated at 15.12 EST", P2, P3])
    assert rules.get("Updated at 15.12 EST") == "timestamp-line"


def test_a_cut_from_a_furniture_line_is_no_glued_miss():
    # the capture's date glued to a line that is furniture anyway: the line is labelled whole; cutting only the
    # date leaves the line kept (a miss among lines), never a glued cut "from a line labelled prose"
    text = " date 2031-05-03 Harbour News since 1887\n" + P1
    truth = Truth(slug="harbour", split="dev", labeller="test", path=Path("truth.yaml"), articles={"a1": {"furniture": [" date 2031-05-03 Harbour News since 1887"],
                                                                "glued_furniture": []}})
    arts = pd.DataFrame({"id": ["a1"], "text": [text]})
    removed = pd.DataFrame({"article_id": ["a1"], "line": [1], "removed": ["date 2031-05-03"], "rule": ["furniture (date): x"]})
    sents = pd.DataFrame({"article_id": ["a1"], "text": [P1]})
    out = score_furniture(arts, removed, sents, truth)
    glued = out[out["measure"] == "glued furniture cut"]
    lines = out[out["measure"] == "furniture lines removed"]
    assert glued.empty
    assert list(lines["outcome"]) == ["fn"]


# ------------------------------------------------------------------------------ a subhead over the cut last paragraph

def test_an_entry_heading_above_the_capture_s_cut_last_paragraph_stays():
    # a live page: the capture stops inside the last entry's paragraph, which reports; its heading stays
    heading = "Council to vote on pier repairs Thursday after week of delays"
    cut = "The council will vote on the repairs on Thursday, the mayor's office said, after a"
    page = [HEAD, P1, P2, "Share", "Updated at 15.07 EST", heading, cut]
    kept, rules = run(page)
    assert heading in kept and cut in kept
    # a caption closing on its credit above that paragraph still goes; so does a link below a whole story
    kept, rules = run([HEAD, P1, P2, P3, "Ferry route to reopen after the storm on Monday"])
    assert kept == [HEAD, P1, P2, P3]


def test_teaser_cards_of_a_page_with_no_line_of_text():
    """A page whose lines are all blank or short furniture has no cards (was an IndexError from the first
    paragraph's default: tests/test_gate.py's punctuation-only and all-boilerplate articles failed in the
    fresh-clone check)."""
    assert cards.teaser_cards([], {}) == []
    assert cards.teaser_cards(["", "   "], {}) == []
    assert cards.teaser_cards(["Share", ""], {0: "share-bar"}) == []
