"""Who copied whom when a date is missing: what a third text holding the passage says, and what it cannot."""
from presslens.analyses import verdicts

from .test_reuse import OTHER, QUOTE, SOURCE, write_story
from .test_verdicts import FRESH, pair


def _story(tmp_path, c_published):
    # a (undated) and b (dated) carry one text word for word, crediting nothing; c carries it too, with its own
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE + FRESH[:1]), "published": None},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE + OTHER[:1]), "published": "2024-05-10"},
            "c": {"outlet": "Bay Courier", "text": "\n".join(SOURCE + OTHER[2:3]), "published": c_published}}
    return verdicts.verdicts(write_story(tmp_path, arts))


def test_a_third_text_dated_after_one_of_the_two_is_no_common_source(tmp_path):
    # c is dated ten days after b: whatever b took, it did not take it from c; nothing else explains the text
    v = pair(_story(tmp_path / "s", "2024-05-20"), "a", "b")
    assert v["accusation"] and v["verdict"] == "copied without credit, direction unknown (a date is missing)"
    assert "dated after one of the two, so no source of both: Bay Courier (c, 2024-05-20, after Copy Daily)" in v["evidence"]


def test_a_third_text_that_may_be_earlier_than_both_keeps_a_common_source_open(tmp_path):
    # c dated before b (or undated): it may be what both took: undetermined, no accusation
    for i, day in enumerate(("2024-05-01", None)):
        v = pair(_story(tmp_path / str(i), day), "a", "b")
        assert not v["accusation"] and v["verdict"].startswith("undetermined"), day


SPUN = [  # a short blurb and its synonym-spun twin (a word swapped every few words: no run of ten left)
    ("The airline cancelled hundreds of morning flights on Friday after a faulty update froze the computers that "
     "check in passengers and print their boarding passes at every large airport.",
     "The airline scrapped hundreds of morning flights on Friday after a defective update froze the machines that "
     "check in passengers and print their boarding cards at every major airport."),
    ("Banks and hospitals reported the same blue screens, and engineers worked through the night to restore the "
     "systems by hand one machine at a time.",
     "Banks and clinics reported the same blue screens, and technicians worked through the night to repair the "
     "systems manually one machine at a time."),
]


def test_two_short_texts_each_the_other_reworded_are_a_copy_without_a_date(tmp_path):
    # undated, crediting nothing, each mostly the other spun: two sentences reworded are enough evidence
    arts = {"a": {"outlet": "Deal Blog", "text": "\n".join(s for s, _ in SPUN), "published": None},
            "b": {"outlet": "Spin Blog", "text": "\n".join(t for _, t in SPUN), "published": None}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["relation"] == "reworded_copy" and v["shared_narration"] < verdicts.SURE_WORDS
    assert v["accusation"] and v["verdict"] == "copied without credit, direction unknown (a date is missing)"


def test_a_short_text_word_for_word_without_a_date_is_no_accusation(tmp_path):
    # the same two sentences word for word: a wire's pickups keep its words, so too little to accuse without a date
    text = "\n".join(s for s, _ in SPUN)
    arts = {"a": {"outlet": "Deal Blog", "text": text, "published": None},
            "b": {"outlet": "Spin Blog", "text": text, "published": None}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["shared_narration"] < verdicts.SURE_WORDS and not v["accusation"]


FAMILY = [  # one blurb's two sentences as four sites reworded them (no run of ten words in common)
    SPUN[0][0], SPUN[1][0], SPUN[0][1], SPUN[1][1],
    "The airline axed hundreds of morning flights on Friday after a flawed update froze the computers which check in "
    "passengers and issue their boarding passes at every big airport.",
    "Banks and hospitals saw the same blue screens, and engineers toiled through the night to mend the systems by hand "
    "one device at a time.",
    "The airline called off hundreds of morning flights on Friday after a buggy update froze the terminals that check "
    "in passengers and hand out their boarding passes at every large airport.",
    "Lenders and hospitals reported the same blue screens, and staff worked through the night to restore the networks "
    "by hand one machine at a time.",
]


def test_two_members_of_a_rewrite_family_are_accused_on_two_sentences(tmp_path):
    # four undated sites, none naming a source, each carrying the same two sentences reworded beside its own text:
    # what a and d share (under SURE_WORDS, most of d, under half of a) is the family's rewording, held by b and c too
    arts = {"a": {"outlet": "Deal Blog", "text": "\n".join(FAMILY[0:2] + FRESH), "published": None},
            "b": {"outlet": "Spin Blog", "text": "\n".join(FAMILY[2:4] + SOURCE[:2] + SOURCE[4:]), "published": None},
            "c": {"outlet": "Auto News", "text": "\n".join(FAMILY[4:6] + SOURCE[2:4]), "published": None},
            "d": {"outlet": "Feed Site", "text": "\n".join(FAMILY[6:8] + OTHER[:1]), "published": None}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "d")
    assert v["shared_narration"] < verdicts.SURE_WORDS
    assert v["accusation"] and v["verdict"] == "copied without credit, direction unknown (a date is missing)"
    assert "a rewrite family" in v["candidates"]


def _scrapes(tmp_path, derived_from):
    # a and b (undated, crediting nothing) carry one text word for word; c carries it too and credits an outlet for it
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE + FRESH[:1]), "published": None},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE + OTHER[:1]), "published": None},
            "c": {"outlet": "Bay Courier", "text": "\n".join(SOURCE + OTHER[2:3]), "published": None,
                  "derived_from": derived_from}}
    return verdicts.verdicts(write_story(tmp_path, arts))


def test_two_uncredited_scrapes_of_a_report_a_third_page_credits_took_it_from_that_outlet(tmp_path):
    # a reader: c says the text is Harbour Radio's; a and b carry it word for word and name no one: both took
    # Harbour Radio's report without credit (a copy of an outlet's story, not a wire's), no accusation of each other
    v = pair(_scrapes(tmp_path / "s", ["Harbour Radio"]), "a", "b")
    assert v["verdict"] == ("common source likely: Harbour Radio, credited by Bay Courier, which carries the passage "
                            "too; neither of the two credits it")
    assert (v["relation"], v["credited"], v["source"], bool(v["accusation"])) == ("copy", "no", "Harbour Radio", False)
    assert "Bay Courier (c) carries the passage too and credits Harbour Radio" in v["evidence"]


def test_a_third_page_crediting_nothing_or_a_wire_names_no_outlet_source(tmp_path):
    # c credits nothing: undetermined as before; c credits a wire: the wire's group, never an outlet's story copied
    v = pair(_scrapes(tmp_path / "n", []), "a", "b")
    assert v["verdict"].startswith("undetermined") and not v["accusation"]
    w = pair(_scrapes(tmp_path / "w", ["Reuters"]), "a", "b")
    assert w["relation"] == "common_wire" and w["source"] == "Reuters" and not w["accusation"]


def _rewrite(tmp_path, credit):
    # w credits a wire for its story; p runs part of it uncredited and shares two sentences of its own with r, a
    # rewrite that kept only the story's quote word for word: r and w share the quote alone
    extra = OTHER[:2]
    arts = {"w": {"outlet": "Harbour Post", "text": "\n".join(SOURCE + [QUOTE]), "published": None, "derived_from": credit},
            "p": {"outlet": "Bay Courier", "text": "\n".join(SOURCE[:2] + extra + [QUOTE]), "published": None},
            "r": {"outlet": "Quay Blog", "text": "\n".join(extra + [QUOTE] + FRESH[:2]), "published": None}}
    return verdicts.verdicts(write_story(tmp_path, arts))


def test_a_rewrite_keeping_only_the_wires_quote_is_in_the_wires_family(tmp_path):
    # r shares narration with p, p with w, and w credits Reuters: r took Reuters' story too; the quote they share is
    # the wire's, so r / w is common wire (w credits it: partial), not "quotation only"
    v = pair(_rewrite(tmp_path / "s", ["Reuters"]), "r", "w")
    assert v["kind"].startswith("shared quotation")
    assert (v["relation"], v["source"], v["credited"], bool(v["accusation"])) == ("common_wire", "Reuters", "partial", False)
    assert "wire family: Quay Blog and Harbour Post share narration, through other texts, with Harbour Post (w)" in v["evidence"]


def test_a_shared_quote_with_no_wire_among_the_linked_texts_stays_quotation_only(tmp_path):
    v = pair(_rewrite(tmp_path / "s", []), "r", "w")
    assert v["relation"] == "shared_quote_only" and v["verdict"] == "quotation only: no evidence of copying"
