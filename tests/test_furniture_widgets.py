"""Furniture of kinds the first six development stories lacked (issue 25, three new development
stories): an embedded post's text above its signature, a language switcher, a link's "opens new tab"
label glued into prose, headings announcing other articles or videos, photo credits of other shapes.
Each case is a small crafted page (hand-checked, not copied from any capture), with the prose next to
it that must stay."""
from __future__ import annotations

import pytest

from presslens.text import credits, widgets

from .test_furniture_v7 import P1, P2, P3, run  # the same prose around each case, cleaned the same way


def assert_goes(line: str, *rule_ids: str) -> None:
    """``line`` between paragraphs of prose goes, by one of ``rule_ids``; the prose stays."""
    kept, rules = run([P1, P2, line, P3])
    assert kept == [P1, P2, P3]
    assert rules[line] in rule_ids


# ---------------------------------------------------------------------------------------------- embeds

def test_an_embedded_posts_text_above_its_signature_goes():
    post = "The east pier is closed until further notice. Ferries leave from the west quay. https://t.co/abc123"
    sig = "— Harbour Authority (@harbourauth) May 3, 2031"
    kept, rules = run([P1, P2, post, sig, P3])
    assert kept == [P1, P2, P3]
    assert rules[post] == "embed-text" and rules[sig] == "social-embed"


def test_the_article_introducing_a_post_and_prose_above_a_text_embed_stay():
    intro = "The harbour authority wrote on X on Friday:"
    sig = "— Harbour Authority (@harbourauth) May 3, 2031"
    kept, _ = run([P1, intro, sig, P2, P3])     # the post's text lost: the intro above its signature stays
    assert kept == [P1, intro, P2, P3]
    # a signature glued to the post's text on one line: that line goes, the paragraph above it stays
    glued = "Ferries leave from the west quay until the pier reopens. — Harbour Authority (@harbourauth) May 3, 2031"
    kept, rules = run([P1, P2, glued, P3])
    assert kept == [P1, P2, P3] and rules[glued] == "embed-signed-tail"
    # no signature: a line like a post's text stays
    kept, _ = run([P1, "The east pier is closed until further notice.", P2, P3])
    assert "The east pier is closed until further notice." in kept


def test_a_long_paragraph_above_a_signature_stays():
    long = " ".join([P1, P2, P3, P1, P2])   # longer than any post
    kept, _ = run([P1, long, "— Harbour Authority (@harbourauth) May 3, 2031", P2])
    assert long in kept


# ---------------------------------------------------------------------------------------------- languages

@pytest.mark.parametrize("menu", [
    "EnglishFrançaisDeutschEspañol日本語",
    "English | Français | Deutsch",
    "Global EditionASIA 中文雙語Fran?ais",
    "Русский языкTürkçeEnglish",
])
def test_a_language_switcher_goes(menu):
    assert_goes(menu, "language-menu", "breadcrumb")


def test_lines_naming_languages_in_prose_stay():
    for line in ["The ferry timetable is printed in English and Français at every quay.",
                 "English", "English Channel crossings", "Deutsch Bank shares fell 3% on the news of the delay"]:
        assert widgets.language_menu([line], {}) == [], line


# ---------------------------------------------------------------------------------------------- links

def test_opens_new_tab_labels_are_cut_at_every_link():
    line = ("Harbour Lines (HBL.N), opens new tab, Coast Ferries (CFE.L), opens new tab and Bay Cargo (BYC.O), "
            "opens new tab said on Friday they would resume sailings.")
    kept, rules = run([P1, line, P2])
    assert kept[1] == ("Harbour Lines (HBL.N), Coast Ferries (CFE.L) and Bay Cargo (BYC.O) said on Friday they "
                       "would resume sailings.")
    assert rules[", opens new tab"] == "opens-new-tab"
    # prose about tabs stays
    tabs = "The new app opens a tab for each ferry, the operator said."
    assert run([P1, tabs, P2])[0][1] == tabs


LONG = ("Engineers from the port authority and two private firms spent Saturday checking the foundations of the "
        "east pier, and their first report, due on Wednesday, will decide whether it can reopen before the summer.")


@pytest.mark.parametrize("head", ["Recommended Videos", "People are also reading…", ">> Read more trending news",
                                  "You may also like"])
def test_headings_announcing_other_articles_go_between_paragraphs(head):
    kept, rules = run([P1, P2, head, LONG, P3])
    assert kept == [P1, P2, LONG, P3]
    assert rules[head] in ("related-heading", "menu-word")


def test_a_subhead_opening_with_the_same_words_is_no_heading():
    from presslens.data import builtin
    import re

    rule = next(r for r in builtin()["rules"] if r["id"] == "related-heading")
    for line in ["People are also reading the council's report on the storm damage", "Recommended videos of the storm",
                 "Read more about the storm"]:
        assert not re.search(rule["pattern"], line, re.I), line


# ---------------------------------------------------------------------------------------------- credits

@pytest.mark.parametrize("caption", [
    "Boats lie on their side in the harbour on Saturday. Harbour TV/north2south news",
    "The harbour master speaks in Portsmouth, Saturday, May 3, 2031. (Jane Roe, Harbour Pool Photo/AP Photo)",
    "Smoke rises over the fuel depot © Jane Roe; Harbour News",
    "A view of the wrecked pier in Portsmouth, May 3, 2031. [Photo/Agencies]",
    "Ferries wait outside the harbour as the storm passes. (Jane Roe, Harbour Wire/HNS)",
    "A tug pulls the ferry off the rocks near the west quay AFP",
    "Jane Roe/Getty Images; Stockfoto",
    "Image via Getty/Jane Roe/Stringer",
    "via Harbour Police/X",
])
def test_captions_and_credit_lines_of_other_shapes_go(caption):
    assert_goes(caption, "credit-caption", "unended-line")   # an unended caption may go by its shape first


def test_a_reporting_caption_keeps_its_sentence_and_loses_its_credit():
    line = "Jane Roe said she is still shocked by what she saw.Harbour TV/north2south news"
    kept, rules = run([P1, P2, line, P3])
    assert "Jane Roe said she is still shocked by what she saw." in kept
    assert rules["Harbour TV/north2south news"] == "glued-credit"


@pytest.mark.parametrize("prose", [
    "Israel/Gaza",                                          # a subhead with a slash
    "He said it was fine. The AP/NORC poll found support",  # a capture cut mid-sentence
    "The port reopened on Monday. Officials said trade would resume/recover soon.",
    "Shipping resumed on Monday, and the first tanker docked at noon, officials at the AFP",  # 'at the AFP': cut prose
    "The council approved the plan (Smith, Jones) on Monday.",
    "Set the folder (change ./demo to something else, like ./local or ./CA)",  # a bracket with a slash, no credit
    "1. Pharmacy/Retail",                                   # a list's item
])
def test_prose_with_slashes_brackets_or_agencies_stays(prose):
    found, cuts = credits.credited([prose], {})
    assert not found and not cuts, prose


# ---------------------------------------------------------------------------------------------- notices

@pytest.mark.parametrize("line, rule", [
    ("For the best experience, please enable JavaScript in your browser settings.", "javascript-notice"),
    ("This breaking news story is being updated and more details will be published shortly.", "update-note"),
    ("We’ve paused today’s live coverage, but there’s more below.", "update-note"),
    ("Current:Home > MarketsStorm closes the harbour, officials say -Harbour Wire", "breadcrumb-home"),
    ("Home » World » Storm closes the harbour", "breadcrumb-home"),
])
def test_notices_to_the_reader_go(line, rule):
    assert_goes(line, rule)


def test_prose_about_updates_scripts_or_links_stays():
    for prose in ("The council said the story would be updated in its next report, due on Friday.",
                  "Officials told residents to enable JavaScript alerts on the council's website.",
                  "This story has been updated to add the council's statement.",   # an editor's note is prose
                  "Home owners > renters in the new survey, the council said on Monday."):
        assert prose in run([P1, P2, prose, P3])[0], prose
