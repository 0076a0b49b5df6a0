"""Furniture rules from the fifth furniture development set of real pages (issue 25, session 16,
data/eval/furniture-pages-dev5, scored unseen first): a broadcaster's bars and programme taglines above the
headline, a caption printed twice (on one line, or on both sides of its credit), a site's tagline printed
twice, a source link before another page's title, contact lines, a request to readers for information, a
poster's stamp, a share count, a terms-of-use notice; and prose that must stay (a release wrapped at a fixed
width whose lines start in capitals, a paragraph closed by an agency's sign-off, a live page's "Summary").
Each case is a small crafted page (hand-checked, invented text: a 'Harbour' story), with the prose next to it
that must stay."""
from __future__ import annotations

from presslens.text import bars
from presslens.text.joins import is_sentence_line, split_sentence

from .furniture_cases import P1, P2, P3, run

HEAD = "Harbour Council approves the pier repairs"


# ------------------------------------------------------------------------------ station-bar

def test_a_broadcasters_bars_and_taglines_above_the_headline_go():
    bars_ = ["On Air Now Ana Lund 6:00am - 10:00am Email", "Now Playing Harbour Lights The Gulls Download",
             "Join Ana on Saturdays 10-2 on Harbour FM", "Catch the Quay Show weekdays 10:30-11 on 98.4FM"]
    kept, rules = run(bars_ + ["", HEAD, "", P1, P2, P3])
    assert kept == [HEAD, P1, P2, P3], rules
    # link-list takes a run of three unended lines too; each bar alone is station-bar's
    for b in bars_:
        kept, rules = run([b, "", HEAD, "", P1, P2, P3])
        assert kept == [HEAD, P1, P2, P3] and rules[b] == "station-bar", (b, rules)
    # a run of bars: the last one, just above the lede, is still a bar (the line kept above it is one too)
    run_of = ["Join Ana Lund on Saturdays 10-2 on Harbour FM", "Join Li Wei 5-9 in the morning on 98.4 FM"]
    kept, rules = run(run_of + [P1, P2, P3])
    assert kept == [P1, P2, P3], rules


def test_headlines_with_a_score_or_a_time_stay():
    # no broadcaster's sign: a score is no programme's slot, and a day alone is no schedule
    for head in ["Harbour Rovers beat Quay City 3-1 on Saturday", "Ferry times change from 10-2 next week",
                 "Pier reopens at 6 after the storm repairs"]:
        kept, rules = run([head, "", P1, P2, P3])
        assert kept == [head, P1, P2, P3], (head, rules)
    # the headline just above the lede stays even with a slot in it; below the first paragraph nothing is a bar
    head = "Night ferry runs 9pm - 11pm all summer"
    kept, rules = run(["Harbour News", head, P1, "Listen live on 98.4 FM", P2, P3])
    assert head in kept and rules.get("Listen live on 98.4 FM") != "station-bar", rules
    assert bars.broadcast_sign("Now playing: The Gulls") and not bars.broadcast_sign("Storm hits 3-1 harbour")


# ------------------------------------------------------------------------------ doubled-line

def test_a_caption_printed_twice_goes():
    cap = "Harbour master Ana Lund and deputy Li Wei at the pier"
    kept, rules = run([HEAD, "", "By Jane Roe", cap, "Harbour FM", cap, "", P1, P2, P3])
    assert kept == [HEAD, P1, P2, P3], rules
    assert rules[cap] == "doubled-line"
    # a caption doubled on one line ("A,.A,.") and its single copy below it
    half = "Crews clear the wrecked pier at Harbourtown last month,."
    kept, rules = run([HEAD, P1, half + half, half, P2, P3])
    assert kept == [HEAD, P1, P2, P3], rules


def test_a_headline_printed_twice_at_the_top_stays():
    # the page's title, the site's name, the heading: the headline (prose) stays
    kept, _ = run([HEAD, "Harbour News", HEAD, "", P1, P2, P3])
    assert kept.count(HEAD) >= 1 and P1 in kept
    kept, _ = run([HEAD, "", HEAD, "", P1, P2, P3])
    assert HEAD in kept
    # a subhead printed again far below is no caption
    sub = "What the council decided on Monday"
    kept, _ = run([HEAD, P1, sub, P2, P3, sub])
    assert sub in kept


def test_a_sites_tagline_printed_twice_on_the_first_lines_goes():
    tag = "Harbour Digest brings the whole coast to your screen."
    kept, rules = run([tag, tag, "", HEAD, "", P1, P2, P3])
    assert kept == [HEAD, P1, P2, P3], rules
    # a standfirst printed twice that says nothing to the reader keeps a copy
    kept, _ = run([P1, P1, P2, P3])
    assert P1 in kept


# ------------------------------------------------------------------------------ listed rules

def test_a_source_link_before_a_title_and_a_labelled_link_go():
    lines = ["Link to original content: https://harbour.example/news/live/123",
             "https://harbour.example/news/4411.pier-repairs/?ref=rss Harbour Council approves the pier repairs"]
    kept, rules = run([lines[0], HEAD, P1, P2, P3, lines[1]])
    assert kept == [HEAD, P1, P2, P3], rules
    assert rules[lines[0]] == "source-url" and rules[lines[1]] == "source-url"
    # a paragraph with a link inside stays
    para = "Readers can see the plans at https://harbour.example/plans before the meeting on Monday."
    kept, _ = run([HEAD, P1, para, P2])
    assert para in kept


def test_contact_lines_and_a_request_for_information_go():
    contact = ["News Tips & Press Releases: news@harbour.example", "General Inquiries: info@harbour.example",
               "Office: (555) 123-4567 | Studio: (555) 765-4321"]
    ask = "Do you know more? Email ana.lund@harbour.example"
    kept, rules = run([HEAD, P1, ask, P2, P3] + contact)
    assert kept == [HEAD, P1, P2, P3], rules
    assert rules[ask] == "reader-call" and rules[contact[0]] == "contact-line"
    # the story's own appeal stays
    appeal = "Anyone with information is asked to call Harbour Police on 555 0101, quoting incident 77."
    kept, _ = run([HEAD, P1, appeal, P2])
    assert appeal in kept


def test_a_posters_stamp_a_share_count_and_a_terms_notice_go():
    stamp = "Written By Ana Lund on Rabu, 30 Januari 2013 | 23.26"
    share = "12 SHARES Share Tweet"
    notice = ("This archived story is available only for your personal, non-commercial use. Reading it in its "
              "archived form does not constitute a republication of the story.")
    kept, rules = run([HEAD, stamp, share, notice, P1, P2, P3, "Estimated read time: Less than a minute",
                       "Keep on reading: Piers reopen after the storm"])
    assert kept == [HEAD, P1, P2, P3], rules
    assert rules[stamp] == "posted-byline" and rules[share] == "share-row" and rules[notice] == "personal-use-notice"
    # narration about a post stays
    told = "The video was posted by Ana Lund on Monday and shared by the council."
    kept, _ = run([HEAD, P1, told, P2])
    assert told in kept


def test_a_caption_credited_with_bars_goes():
    cap = "Harbour crews at the pier on November 23, 2017. PHOTO | ANA LUND | HARBOUR MEDIA GROUP"
    kept, rules = run([HEAD, cap, P1, P2, P3])
    assert kept == [HEAD, P1, P2, P3], rules


# ------------------------------------------------------------------------------ prose that stays

def test_a_release_wrapped_at_a_fixed_width_with_capitals_keeps_its_lines():
    wrapped = ["A total of 1,200 families were affected by the storm, the harbour office said.",
               "Captain Ana Lund, spokesman of the Harbour Coast Guard and of the",
               "Northern Pier Command (NPC) said Gull Island is currently without",
               "power and five houses in the harbour district have been totally",
               "damaged. Roads from the town of Quay to Selby remain passable.",
               "No comments:", "Post a Comment"]
    kept, rules = run([HEAD] + wrapped)
    assert kept == [HEAD] + wrapped[:5], rules
    assert split_sentence([HEAD] + wrapped) == {2, 3, 4, 5}     # the four wrapped lines, one sentence run


def test_a_paragraph_closed_by_an_agencys_sign_off_and_a_summary_head_stay():
    signed = "The harbour master asked crews to finish the repairs before the spring tides.  -HNA"
    assert is_sentence_line(signed)
    kept, rules = run([HEAD, P1, P2, signed, "Show More", "Related Articles"])
    assert kept == [HEAD, P1, P2, signed], rules
    # a live page's "Summary" above its key points is the page's subhead (prose)
    kept, rules = run(["Summary", "", "  • Two piers wrecked", "", "  • Port closed until Tuesday", "", P1, P2, P3])
    assert "Summary" in kept, rules


def test_a_photo_credit_run_into_the_dateline_is_cut_off():
    for credit in ["Harbour-TV", "iStock/Thinkstock", "@analund/Instagram"]:
        line = credit + "(PORT SELBY) -- A crane toppled onto the quay on Tuesday morning, officials said."
        kept, rules = run([HEAD, line, P2, P3])
        assert "(PORT SELBY) -- A crane toppled onto the quay on Tuesday morning, officials said." in kept, (credit, kept)
        assert rules[credit] == "dateline-credit"
    # a wire dateline with its agency in brackets is the lede's own (prose)
    lede = "PORT SELBY (AP) — A crane toppled onto the quay on Tuesday morning, officials said."
    kept, _ = run([HEAD, lede, P2, P3])
    assert lede in kept


def test_a_text_repeated_over_and_over_on_one_line_is_no_doubled_caption():
    """Two copies of a caption on one line are furniture; the same words run four or eight times (a
    scraper's loop, a hostile file) are not a caption printed twice, and stay for the other checks."""
    from presslens.text import bars

    cap = "Harbour cranes at dawn in Marbury "
    lines = ["Storm Alba hits Marbury", cap * 2, cap * 4, cap * 8, "word " * 400]
    assert bars.doubled_lines(lines, {}) == [1]
