"""Boundaries of the importer's field rules pinned on both sides (issue 20): a headline of 400
characters (401 is a paragraph), an h1 of two words sharing three tenths of its words with the page's
titles, a byline of 300 characters, site suffixes after short section names. An invented Harbour Herald."""
from presslens.story.importer import fields as f

HOST = "harbourherald.example"


def test_cut_site_suffix_and_the_short_sections_before_it():
    assert f.cut_site_suffix("Pier shut | Harbour Herald", "Harbour Herald", None) == "Pier shut"
    assert f.cut_site_suffix("Pier shut | Local News | Harbour Herald", "Harbour Herald", None) == "Pier shut"  # two words: a section
    assert f.cut_site_suffix("Pier shut | Council votes on the levy | Harbour Herald", "Harbour Herald", None) == \
        "Pier shut | Council votes on the levy"  # five words: part of the title
    assert f.cut_site_suffix("Harbour Herald | Pier shut", "Harbour Herald", None) == "Harbour Herald | Pier shut"  # the first segment stays
    assert f.cut_site_suffix("Pier shut", "Harbour Herald", None) == "Pier shut"
    assert f.cut_site_suffix("Pier shut - harbourherald", None, HOST) == "Pier shut"
    assert f.is_site_name("Harbour Herald", "The Harbour Herald", None) and f.is_site_name("Harbour-Herald", None, HOST)
    assert not f.is_site_name("", "Harbour Herald", HOST) and not f.is_site_name("example", None, HOST)


def test_headline_lengths_and_shared_words():
    ok = "Pier " + "x" * 395  # 400 characters, two words
    assert f.headline([ok], [], None, None, None) == (ok, "h1")
    assert f.headline([ok + "x"], [], None, None, None) == (None, "metadata")  # 401
    assert f.headline(["Pier"], ["Pier"], None, None, None) == ("Pier", "metadata")  # one word: no h1
    # ten words, three shared with the titles: exactly three tenths, the h1
    h1 = "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
    assert f.headline([h1], ["alpha bravo charlie news"], None, None, None) == (h1, "h1")
    assert f.headline([h1], ["alpha bravo news"], None, None, None) == ("alpha bravo news", "metadata")
    assert f.headline([], ["Harbour Herald", "Pier shut | Harbour Herald"], None, "Harbour Herald", None) == ("Pier shut", "metadata")
    assert f.headline([], [], "Pier shut", None, None) == ("Pier shut", "metadata")


def test_byline_lengths_and_what_is_no_name():
    assert f.clean_byline("By Mara Quirke", None, None) == "Mara Quirke"
    long = "Mara Quirke " + "a" * (f.MAX_BYLINE - 12)  # exactly 300 characters
    assert len(long) == 300 and f.clean_byline(long, None, None) == long
    assert f.clean_byline(long + "a", None, None) is None
    assert f.clean_byline("Mara Quirke and Harbour Herald", "Harbour Herald", None) == "Mara Quirke"
    assert f.clean_byline("Harbour Herald", "Harbour Herald", None) is None
    assert f.clean_byline("Room 101", None, None) is None and f.clean_byline("", None, None) is None


def test_a_title_of_exactly_400_characters_still_vouches_for_the_h1():
    h1 = "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
    title = "alpha bravo charlie " + "x" * 380  # exactly 400 characters: a title, its words known
    assert len(title) == f.MAX_HEADLINE
    assert f.headline([h1], ["Harbour news today", title], None, None, None) == (h1, "h1")  # seeded round 3, pick 014
    # 401 characters: not a title, so only "harbour news today" is known and the h1 shares none of it
    assert f.headline([h1], ["Harbour news today", title + "x"], None, None, None) == ("Harbour news today", "metadata")
