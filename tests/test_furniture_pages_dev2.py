"""Furniture rules from the second furniture development set of real pages (issue 25, session 13,
data/eval/furniture-pages-dev2), and the precision fixes found beside them on the development stories.
Each case is a small crafted page (hand-checked, invented text: a 'Harbour Council' story), with the
prose next to it that must stay."""
from __future__ import annotations

from .furniture_cases import P1, P2, P3, run


# ---------------------------------------------------------------------------------------------- precision

def test_a_quotation_mark_alone_on_a_line_is_prose_not_code():
    # a quotation its links broke across lines: the closing guillemet stands alone, and belongs to it
    page = [P1, "« We will rebuild the piers before the winter,", "»", P2, "“", "Nobody expected the storm to be so strong.", "”", P3]
    kept, rules = run(page)
    assert "»" in kept and "“" in kept and "”" in kept
    # a line of other symbols only is still stray code
    kept, rules = run([P1, P2, "}}", P3])
    assert rules.get("}}") == "stray-code"


def test_a_line_ending_in_a_comma_goes_on_into_the_paragraph_below():
    # a run-in dateline ended by a comma, set on its own line above the paragraph it opens, after two widgets
    page = ["Harbour Council approves the pier repairs", P1, "Advertisement", "Read more", "From our correspondent in Port Selby,",
            "“Keep off the piers until they are safe” is the message that went round the dock workers' chat groups.", P2, P3]
    kept, rules = run(page)
    assert "From our correspondent in Port Selby," in kept
    # a related headline list below the story, its titles without commas, still goes
    kept, rules = run([P1, P2, P3, "Storm closes the ferry route", "New pier plans go on show", "Harbour fuel depot to reopen"])
    assert kept == [P1, P2, P3]


def test_a_last_line_stopping_on_and_is_a_paragraph_the_capture_cut():
    # crossheads naming who spoke, each above its paragraph; the capture stops inside the last paragraph
    cut = "The port authority conveyed its “deepest thanks to the dock workers, the crews and"
    page = [P1, "Harbour Guild", "“We will help rebuild,” the guild's chair said in a statement.", "Port Authority", cut]
    kept, rules = run(page)
    assert kept == page
    # a related list's titles below the story still go: none stops on such a word
    kept, rules = run([P1, P2, P3, "Storm closes the ferry route", "New pier plans go on show", "Harbour fuel depot and"])
    assert kept == [P1, P2, P3]


def test_a_table_of_contents_run_together_is_no_cut_paragraph():
    toc = "Harbour Storm: What HappenedKey Facts:Why The Piers FailedWho Pays For The Repairs?How can I claim for my"
    kept, rules = run(["Harbour Council approves the pier repairs", P1, P2, P3, "Contents", toc])
    assert "Contents" not in kept


# ---------------------------------------------------------------------------------------------- site-voice

def test_the_site_speaking_to_the_reader_about_itself_goes_anywhere():
    welcome = ("Welcome to the Harbour Post, your home for the port's news. We bring you every ferry change and "
               "council vote as it happens.")
    consent = ("This page holds a map from another site. We ask for your permission before it is loaded, as it may "
               "set cookies.")
    invite = ("Stay in the know with the port's daily bulletin. Explore our archive of storm stories that matter to "
              "you. Visit the harbour desk any weekday. Don't miss a sailing!")
    page = ["Harbour Council approves the pier repairs", welcome, invite, P1, P2, consent, P3]
    kept, rules = run(page)
    assert kept == ["Harbour Council approves the pier repairs", P1, P2, P3]
    assert rules[welcome] == rules[consent] == rules[invite] == "site-voice"


def test_we_and_you_in_a_quotation_a_transcript_or_narration_stay():
    quoted = "“We will get you back on the water by May,” the harbour master told the ferry crews."
    turn = "JANE ROE: We turn now to the harbour master. Thank you for joining us this morning."
    narration = "The council says we will know by May whether the piers can reopen, and so will the ferry crews."
    page = [P1, quoted, P2, turn, narration, P3]
    kept, rules = run(page)
    assert kept == page


# ---------------------------------------------------------------------------------------------- captions

def test_a_caption_closing_in_this_photo_taken_by_goes_with_its_copy():
    cap = ("Waves crash over the sea wall in Port Selby, Harbourland, on May 3, 2031, in this photo taken by "
           "the Harbour Post.")
    page = ["Storm lashes the harbour", cap, cap, P1, P2, P3]
    kept, rules = run(page)
    assert kept == ["Storm lashes the harbour", P1, P2, P3]
    # a paragraph of narration that mentions a photo stays
    told = "Dock workers shared a photo taken by a ferry captain, in which the pier is already under water."
    kept, rules = run([P1, told, P2, P3])
    assert told in kept


def test_a_wire_caption_of_two_sentences_goes_though_its_second_sentence_reports():
    cap = ("Rescuers search a flooded warehouse in Port Selby, Harbourland, May 3, 2031. The storm destroyed 40 "
           "buildings, according to the latest figures from the council. (AP Photo/Jane Roe)")
    page = ["Storm lashes the harbour", cap, "", cap, P1, P2, P3]
    kept, rules = run(page)
    assert kept == ["Storm lashes the harbour", P1, P2, P3]
    # the photographer's credit in brackets after the agency's name
    cap2 = cap.replace("(AP Photo/Jane Roe)", "(Harbour Wire/Jane Roe)")
    kept, rules = run(["Storm lashes the harbour", cap2, P1, P2, P3])
    assert kept == ["Storm lashes the harbour", P1, P2, P3]
    # a paragraph whose first sentence closes on a date, with no credit, stays
    para = ("The storm reached Port Selby, Harbourland, on May 3, 2031. It destroyed 40 buildings, according to "
            "the latest figures from the council.")
    kept, rules = run([P1, para, P2, P3])
    assert para in kept


# ---------------------------------------------------------------------------------------------- timestamps

def test_a_live_entry_time_with_a_dot_and_metadata_lines_of_other_shapes_go():
    stamp = "9.10 am (BST)"
    meta = "2031-05-03 13:16Harbour Wire Editor: Li Wei"
    video = "Video Credit: Harbour TV - Duration: 00:55s - Published"
    kept, rules = run(["Storm lashes the harbour", meta, P1, stamp, P2, video, P3])
    assert kept == ["Storm lashes the harbour", P1, P2, P3]
    assert rules[stamp] == rules[meta] == rules[video] == "timestamp-line"
    # a headline in title case with its date after a dash, and prose naming a time, stay
    head = "Storm Hits Harbour - May 3, 2031"
    timed = "The ferries left at 9.10 am, and the last of them was back before noon on Friday."
    kept, rules = run([head, P1, timed, P2, P3])
    assert kept == [head, P1, timed, P2, P3]


# ---------------------------------------------------------------------------------------------- related cards

def test_related_videos_with_blurbs_cut_short_go():
    page = [P1, P2, "Ferry timetable changes after the storm [Video]",
            "Night crossings to the islands are suspended until the piers are safe, and morning boats...",
            "Harbour Guild opens a relief fund",
            "Members of the guild raised money for dock workers who lost their tools in the flood..",
            "Pier lights back on in Port Selby",
            "Engineers restored power to the north pier after three days, and work on the south pier...",
            "Fishing fleet counts its losses", P3]
    kept, rules = run(page)
    assert kept == [P1, P2, P3]
    # a paragraph of the story ending in an ellipsis, between paragraphs, stays
    trail = "The harbour master waited for the last boat, and waited, and waited..."
    kept, rules = run([P1, trail, P2, P3])
    assert trail in kept


def test_a_related_card_between_paragraphs_with_its_picture_caption_goes():
    cap = ("In this photo released by the coast guard, a crew member is lifted from a cargo ship off Port Selby, "
           "Harbourland, May 2, 2031.")
    page = [P1, P2, cap, "Cargo ship sinks off the harbour", "Search goes on for two crew after one rescued in the storm", P3]
    kept, rules = run(page)
    assert kept == [P1, P2, P3]
    # a caption above one crosshead of the story: the crosshead stays
    kept, rules = run([P1, P2, cap, "Cargo ship sinks off the harbour", P3])
    assert "Cargo ship sinks off the harbour" in kept


def test_a_navigation_trail_after_a_label_goes():
    trail = "You are here: Harbour > Port News > Storms"
    kept, rules = run([trail, "Storm lashes the harbour", P1, P2, P3])
    assert kept == ["Storm lashes the harbour", P1, P2, P3] and rules[trail] == "breadcrumb"
    # prose comparing with ">" stays
    prose = "Wave heights > 6 m were recorded at the pier on Friday, the coast guard said."
    kept, rules = run([P1, prose, P2, P3])
    assert prose in kept


def test_a_blog_or_about_page_speaking_we_to_you_of_something_else_stays():
    hope = "We hope you enjoy the new ferry timetable!"
    about = "With our photos we would like to show you the harbour we live by. We also take you along the coast."
    page = [P1, P2, P3, about, hope]
    kept, rules = run(page)
    assert about in kept and hope in kept
