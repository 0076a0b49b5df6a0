"""Furniture rules from the sixth furniture development set of real pages (issue 25, session 17,
data/eval/furniture-pages-dev6, scored unseen first) and from the earlier sets' leftovers; and prose that must
stay (a headline with a time range, a sentence said twice, a dated sentence telling what someone said, a table
the last paragraph introduces). Each case is a small crafted page (hand-checked, invented text: a 'Harbour'
story), with the prose next to it that must stay."""
from __future__ import annotations

from .furniture_cases import P1, P2, P3, run

HEAD = "Harbour Council approves the pier repairs"


# ------------------------------------------------------------------------------ station-bar, doubled-line

def test_a_time_range_alone_above_the_story_is_no_bar_but_a_schedule_of_slots_is():
    head = "Ferry strike from 6am-9pm in Port Selby"
    kept, rules = run([head, "Unions say the stoppage holds for a day", "", P1, "", P2, "", P3])
    assert head in kept, rules
    slots = ["Morning Quay 6:00am - 10:00am", "Harbour Drive 4pm-7pm"]
    kept, rules = run(slots + [HEAD, "The standfirst of the story", "", P1, "", P2, "", P3])
    assert not set(slots) & set(kept) and HEAD in kept, rules


def test_a_sentence_said_twice_stays_but_a_copy_glued_to_itself_goes():
    said = "The pier will stand. The pier will stand."
    kept, rules = run([P1, "", said, "", P2, "", P3])
    assert said in kept, rules
    glued = "Crews at the pier on Friday,.Crews at the pier on Friday,."
    kept, rules = run([P1, "", glued, "", P2, "", P3])
    assert glued not in kept and rules[glued] == "doubled-line", rules


# ------------------------------------------------------------------------------ caption, link-list

def test_a_dated_sentence_that_tells_what_someone_said_is_no_caption():
    told = "Inspector Ana Lund narrated that the fire started on the evening of Friday, June 6, 2031."
    kept, rules = run([HEAD, "", P1, "", "The fire", "", told, "", P2, "", P3])
    assert told in kept, rules
    caption = "Crews clear the wrecked pier in Port Selby, Harbourland, June 6, 2031."
    kept, rules = run([HEAD, "", P1, "", caption, "", P2, "", P3])
    assert caption not in kept and rules[caption] == "caption", rules


def test_a_table_the_last_paragraph_introduces_stays():
    intro = "The harbour board published the latest berth counts on Friday. Here are the figures:"
    table = ["Pier Berths Open", "North 12 9", "South 8 8", "East 4 1"]
    kept, rules = run([HEAD, "", P1, "", P2, "", intro, "", *table])
    assert all(t in kept for t in table), rules


# ------------------------------------------------------------------------------ listed rules (furniture.yaml v16)

def _goes(line: str, rule: str, where: str = "end") -> None:
    lines = [HEAD, "", P1, "", P2, "", P3, "", line] if where == "end" else [line, "", HEAD, "", P1, "", P2, "", P3]
    kept, rules = run(lines)
    assert line not in kept and rules.get(line) == rule, (line, rules)
    assert [P1, P2, P3] == [k for k in kept if k in (P1, P2, P3)], rules


def test_player_comment_and_support_lines_go():
    _goes("This browser does not support the Video element.", "player-message", "top")
    _goes("Play button", "player-message")
    _goes("Add yours", "comments-line")
    _goes("Would you like to comment on this article?", "comments-line")
    _goes("Please read our Comment Policy before commenting.", "comments-line")
    _goes("There’s never been a more important time to support independent media.", "support-prompt")
    _goes("For just R50 you can become a premium member and support a paper that has served Port Selby for a century.",
          "support-prompt")
    _goes("Questions or problems? Email help@harbour.example or call 0800 123 456.", "help-desk-line")


def test_credits_dates_and_archive_heads_go():
    _goes("\ufffd 2031 Harbour Wire Services Ltd or its Licensors.", "copyright-line")
    _goes("By Ana Lund (ana.lund@harbour.example)", "byline-email")
    _goes("Ana Lund reported this story on Monday, May 5, 2031 12:46:00", "story-credit")
    _goes("Recently in Harbour News Category", "archive-heading", "top")
    _goes("Home Blog Page 12", "archive-heading", "top")
    _goes("среда, 29 февраля 2031 г.", "date-line-ru", "top")


def test_a_picture_file_name_glued_to_the_lede_is_cut():
    lede = "pier-storm.jpgHarbour officials closed the port on Friday after the storm."
    kept, rules = run([HEAD, "", lede, "", P2, "", P3])
    assert "Harbour officials closed the port on Friday after the storm." in kept, rules
    assert rules.get("pier-storm.jpg") == "glued-image-file", rules


def test_prose_like_the_new_listed_rules_stays():
    for line in ["Ana Lund reported this story on Monday for the Harbour Times.",
                 "Questions remain about who pays for the repairs.",
                 "The council said it would add yours and mine to the list of names.",
                 "Readers can become members of the harbour trust for a small fee."]:
        kept, rules = run([HEAD, "", P1, "", line, "", P2, "", P3])
        assert line in kept, (line, rules)


# ------------------------------------------------------------------------------ link-list under a related heading

def test_numbered_titles_that_report_and_a_title_with_a_nickname_go_under_most_read():
    items = ["1. Lund tells the council to wait Politics", "2. Quay ferry returns on Monday News",
             "3. Harbour Rovers sign a new keeper Sport"]
    tail = ["Most read", *items, "", "Latest Videos", "Ana “Gull” Lund laid to rest"]
    kept, rules = run([HEAD, "", P1, "", P2, "", P3, "", *tail])
    assert kept == [HEAD, P1, P2, P3], rules


def test_back_links_addresses_and_a_byline_with_its_date_glued_go():
    _goes("Back to the Harbour Newsfeed", "back-link", "top")
    _goes("Indirizzo: Via del Porto 6, Port Selby, 10090", "address-line", "top")
    _goes("PO Box 1372 | 4 Quay Road", "address-line", "top")
    _goes("The Bulletin by Ana Lund19-Sep-2031", "byline-date-glued", "top")
    for line in ["Back to work on the pier", "Address: the mayor spoke to the council for an hour."]:
        kept, rules = run([HEAD, "", P1, "", line, "", P2, "", P3])
        assert line in kept, (line, rules)


def test_a_caption_glued_to_its_agency_by_a_bullet_goes():
    cap = "Crews clear the wrecked pier•AFP"
    kept, rules = run([HEAD, "", P1, "", cap, "", P2, "", P3])
    assert cap not in kept and rules[cap] == "caption", rules


# ------------------------------------------------------------------------------ cut-headline

def test_headlines_cut_with_an_ellipsis_closing_the_text_go():
    tail = ["Port board sacks two pilots over the collision, drawing…",
            "Quay traders say the new fees will “kill the market” unless the council…",
            "Harbour Rovers sign a keeper from Port Selby",
            "Ferry firm apologises for a late sailing featuring a fau"]
    last = "The council will vote on the plan next week. (Harbour Wire)"
    kept, rules = run([HEAD, "", P1, "", P2, "", last, *tail])
    assert kept == [HEAD, P1, P2, "The council will vote on the plan next week."], rules
    assert rules[tail[0]] == rules[tail[1]] == "cut-headline", rules


def test_a_story_ending_on_a_quotation_that_trails_off_stays():
    lines = [HEAD, "", P1, "", P2, "",
             "“We will rebuild the pier, and then…” Lund said, and stopped.",
             "“The quay, the market, the ferry…”", "The rest was lost in the wind…"]
    kept, rules = run(lines)
    assert "“We will rebuild the pier, and then…” Lund said, and stopped." in kept, rules


def test_a_link_to_the_writers_other_articles_goes():
    _goes("More by this Author", "author-link", "top")
    kept, rules = run([HEAD, "", P1, "", "More by the harbour master", "", P2, "", P3])
    assert "More by the harbour master" in kept, rules


def test_a_transcripts_speaker_labels_stay_and_its_links_go():
    lines = [HEAD, "", P1, "", "• Ana Lund:", "", P2, "", "• Man:", "", "We lost the boat and the nets in one night.",
             "", "• Ana Lund:", "", P3, "", "• Man:", "", "The council has not called us back since the storm.", "",
             "What do you think? Leave a respectful comment.", "", "Read the Full Transcript"]
    kept, rules = run(lines)
    assert kept.count("• Ana Lund:") == 2 and kept.count("• Man:") == 2, rules
    assert rules.get("Read the Full Transcript") == "player-message", rules
    assert rules.get("What do you think? Leave a respectful comment.") == "comments-line", rules


def test_a_byline_with_role_and_paper_goes():
    _goes("Ana Lund Politics editor: Harbour Times", "byline-name-role", "top")
    kept, rules = run([HEAD, "", P1, "", "Harbour Rovers coach Ana Lund: Quay City", "", P2, "", P3])
    assert "Harbour Rovers coach Ana Lund: Quay City" in kept, rules
