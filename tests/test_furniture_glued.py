"""Furniture glued to prose or shaped as a caption, as a reader tells it (issue 25, round 5 on the three
new development stories): a wire picture's slug opening a caption, a news agency's "Photo taken on ...
shows" caption, a share button or a media label left after a line's text, an agency's name signed after
a dash. Each case is a small crafted page (hand-checked, not copied from any capture), with the prose
next to it that must stay."""
from __future__ import annotations

import pytest

from .furniture_cases import P1, P2, P3, run


@pytest.mark.parametrize("cap", [
    "HARBOUR-STORM/PIERS A crane lifts a wrecked boat from the water in Port Selby.",
    "SHIPPING-PORTS/SELBY Dock workers clear debris from the north pier after the storm",
    "Photo taken on May 3, 2031 shows rescuers searching the rubble of the pier in Port Selby.",
    "Aerial photo taken on May 3, 2031 shows the wrecked fuel depot of Port Selby.",
])
def test_a_wire_caption_goes(cap):
    kept, rules = run([P1, P2, cap, P3])
    assert kept == [P1, P2, P3] and rules[cap] == "caption"


@pytest.mark.parametrize("prose", [
    "AI/ML Engineers were hired by the port authority to model the next surge.",      # no wire slug: no hyphen
    "COVID-19/flu clinics reopened in Port Selby on Monday, the health board said.",  # lower case after the slash
    "Photos taken on the pier show the damage was worse than first thought.",          # plural, prose
])
def test_prose_like_a_wire_caption_stays(prose):
    kept, _ = run([P1, P2, prose, P3])
    assert kept == [P1, P2, prose, P3]


@pytest.mark.parametrize("line, cut, rest", [
    ("Fishermen said the storm was the worst in living memory. Share", "Share",
     "Fishermen said the storm was the worst in living memory."),
    ("The ferries will sail again on Monday. Share Tweet Email", "Share Tweet Email", "The ferries will sail again on Monday."),
    ("Storm wrecks two piers of Port Selby PHOTO", "PHOTO", "Storm wrecks two piers of Port Selby"),
    ("Storm wrecks two piers of Port Selby (VIDEO)", "(VIDEO)", "Storm wrecks two piers of Port Selby"),
])
def test_a_button_or_media_label_after_a_line_is_cut(line, cut, rest):
    kept, rules = run([P1, line, P2, P3])
    assert kept == [P1, rest, P2, P3] and rules[cut] == "glued-mark"


@pytest.mark.parametrize("prose", [
    "STORM WRECKS TWO PIERS OF PORT SELBY VIDEO",                  # a line in capitals: the label is its last word
    "Residents were asked to Share",                               # no sentence end before the word
    "The port authority has asked everyone to share.",             # the word inside the sentence
])
def test_prose_ending_like_a_button_keeps_its_words(prose):
    _, rules = run([P1, prose, P2, P3])
    assert "glued-mark" not in rules.values()


def test_an_agency_signed_after_a_dash_is_cut():
    line = "The ferry company will resume sailings from the west quay on Monday. – Harbourwire"
    kept, rules = run([P1, P2, line, P3])
    assert kept == [P1, P2, "The ferry company will resume sailings from the west quay on Monday.", P3]
    assert rules["– Harbourwire"] == "glued-credit"


@pytest.mark.parametrize("prose", [
    "“We will rebuild the piers,” the mayor said. “The port is our life.” — Mayor",   # a quotation's speaker
    "The harbour master named the three ships that sank. — Part one of two",          # more than a name
])
def test_a_dash_after_a_quotation_or_before_words_stays(prose):
    kept, _ = run([P1, P2, prose, P3])
    assert prose in kept


# ------------------------------------------------------------------------------ listed rules (furniture.yaml)

@pytest.mark.parametrize("line, rule", [
    ("Any use of materials is allowed only if there is a hyperlink to Harbour.example", "reuse-hyperlink"),
    ("Reproduction of the site's materials is permitted only with an active link to the source.", "reuse-hyperlink"),
    ("При использовании материалов активная гиперссылка на сайт обязательна.", "reuse-hyperlink"),
    ("WHAT ARE YOU LOOKING FOR ?", "search-prompt"),
    ("Type to search", "search-prompt"),
    ("Photo @harbourcourt 1/2", "gallery-counter"),
    ("Pictures 3 of 12", "gallery-counter"),
    ("Harbour.example © 2031. .", "site-copyright"),
    ("Pier collapses after the storm in Port Selby 02:27", "video-card-time"),
])
def test_a_listed_furniture_line_goes(line, rule):
    kept, rules = run([P1, P2, line, P3])
    assert kept == [P1, P2, P3] and rules[line] == rule


def test_a_skip_link_before_a_heading_is_cut_and_the_heading_kept():
    kept, rules = run([P1, "Skip next section Ferries return to the west quay", P2, P3])
    assert kept == [P1, "Ferries return to the west quay", P2, P3] and rules["Skip next section"] == "skip-section"


@pytest.mark.parametrize("prose", [
    "The use of materials salvaged from the piers was approved by the council on Monday.",   # no link
    "Fishermen asked what the council was looking for in a new harbour master.",
    "Photos of the wreck were shared 12,000 times in a day.",
    "Ferries will leave Port Selby at 10:30",             # a time of day after "at": a schedule, not a running time
    "The council meets on Monday. The vote is due 18:30", # a sentence end inside: prose
    "The harbour reopens on 3 May after the repairs.",
])
def test_prose_near_the_listed_rules_stays(prose):
    kept, _ = run([P1, P2, prose, P3])
    assert prose in kept


# ------------------------------------------------------------------------------ short lines that are prose

HEAD = "Storm wrecks the piers of Port Selby"


@pytest.mark.parametrize("dateline", ["PORT SELBY", "HARBOURLAND", "ST. SELBY"])
def test_a_dateline_alone_above_the_lede_stays(dateline):
    kept, _ = run([HEAD, dateline, P1, P2, P3])
    assert kept == [HEAD, dateline, P1, P2, P3]


@pytest.mark.parametrize("label", ["WORLD", "WORLD NEWS", "ARTICLE AD BOX", "Port Selby"])
def test_a_page_label_above_the_lede_still_goes(label):
    kept, rules = run([HEAD, label, P1, P2, P3])
    assert kept == [HEAD, P1, P2, P3] and rules[label] == "short-line"


def test_a_line_introducing_a_quoted_report_stays():
    intro, other = "The Harbour Post reports:", "The Selby Gazette writes:"
    kept, _ = run([intro, P1, P2, other, P3])
    assert kept == [intro, P1, P2, other, P3]
    kept, rules = run(["Related Topics:", P1, P2, P3])      # a label with a colon still goes
    assert kept == [P1, P2, P3] and rules["Related Topics:"] == "short-line"


# ------------------------------------------------------------------------------ labels run into a title, stray code

def test_a_link_label_run_into_its_title_goes_below_the_lede_and_is_cut_from_the_headline():
    top = "Harbour Guild:Piers reopen in Port Selby after the storm repairs"
    card = "Port Selby Storm:Ferries return to the west quay after two weeks"
    kept, rules = run([top, P1, P2, card, P3])
    assert kept == ["Piers reopen in Port Selby after the storm repairs", P1, P2, P3]
    assert rules["Harbour Guild:"] == "glued-mark" and rules[card] == "link-card"


@pytest.mark.parametrize("prose", ["Note:The council meets on Monday", "The vote is at 10:30 on Monday",
                                   "Harbour Guild: Piers reopen in Port Selby after the storm repairs"])
def test_a_colon_in_prose_or_a_spaced_label_is_no_glued_link(prose):
    _, rules = run([P1, P2, prose, P3])
    assert rules.get(prose) != "link-card" and "glued-mark" not in rules.values()


def test_an_obsolete_html_tag_line_and_lost_characters_go():
    tags = '<tt id="x1"><pre id="x1"></pre></tt>'
    lost = "????????The ferries return on Monday to the west quay of Port Selby."
    kept, rules = run([P1, P2, tags, lost, P3])
    assert kept == [P1, P2, "The ferries return on Monday to the west quay of Port Selby.", P3]
    assert tags in rules and rules["????????"] == "lost-characters"



# ------------------------------------------------------------------------------ unended lines that are prose

def test_a_subhead_asked_as_a_question_without_its_mark_stays():
    sub = "What is known about the closure of the west quay of the harbour"
    kept, _ = run([P1, sub, P2, P3])
    assert kept == [P1, sub, P2, P3]


def test_a_last_line_cut_inside_a_word_stays_and_a_caption_still_goes():
    cut = "Divers search the water below the north pier of the harbour for the missing wreckag"
    kept, _ = run([P1, P2, P3, cut])
    assert kept == [P1, P2, P3, cut]
    cap = "Divers search the water below the north pier of the harbour for the missing boats"
    kept, rules = run([P1, P2, P3, cap])
    assert kept == [P1, P2, P3] and rules[cap] == "unended-line"
