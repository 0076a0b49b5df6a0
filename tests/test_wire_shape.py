"""Two pickups of one wire story with no wire credited (issue 23): a reader still sees the wire by its shape, a
dateline naming no one opening the text ("PORT SELBY, May 6 —"), the house style of wire copy (and of many
newspapers' own reports). A dateline alone makes the pair "undetermined", naming both candidates, never "copied
without credit"; with a wire named under a picture or by a third text carrying the passage it is "common source
likely: wire copy, no credit visible"; the same pair without those shapes is still accused. Every text here is made up; the wires are ones no
evaluation story names."""
import pytest

from presslens.analyses import verdicts, wires
from presslens.analyses.agencies import dateline_opening

from .test_reuse import OTHER, SOURCE, write_story
from .test_verdicts import pair


@pytest.mark.parametrize("text,line", [
    ("PORT SELBY — The city council voted", "PORT SELBY —"),
    ("PORT SELBY, Harbourshire - The city council voted", "PORT SELBY, Harbourshire -"),
    ("Port Selby, May 6 — The city council voted", "Port Selby, May 6 —"),
    ("date 2024-05-06 port selby, May 6\n\nThe city council voted", "port selby, May 6"),
    ("Port Selby – The city council voted", "Port Selby –"),
])
def test_a_dateline_naming_no_one_is_read(text, line):
    assert dateline_opening(text) == line


@pytest.mark.parametrize("text", [
    "UPDATE — The city council voted on Monday",
    "Meanwhile – The city council voted on Monday",
    "Tuesday, May 6, 2024 - The city council voted",
    "The city council voted on Monday — to close the bridge",
    "Engineers said the bridge, built in 1931 - was unsafe",
])
def test_a_label_a_weekday_or_a_sentence_is_no_dateline(text):
    assert dateline_opening(text) is None


def test_a_wire_picture_credit_in_capitals_is_read():
    assert {(r["source"], r["kind"]) for r in wires.scan("Harbour Times", None, [], None,
                                                          "The bridge at dawn. Yonhap PHOTO/FILE\n\nThe council met.")} \
        >= {("Yonhap", "photo")}


def _pickups(tmp_path, a_text, b_text, name="s"):
    # the same text, the same day, two outlets far apart, neither crediting anyone: dated alike, nothing orders them
    return write_story(tmp_path / name, {
        "a": {"outlet": "Harbour Times", "text": a_text, "published": "2024-05-06", "url": "https://a.example/bridge"},
        "b": {"outlet": "Valley Echo", "text": b_text, "published": "2024-05-06", "url": "https://b.example/bridge"}})


BODY = "\n\n".join(SOURCE + OTHER[:1])


def test_two_uncredited_copies_without_a_wire_shape_are_still_accused(tmp_path):
    v = pair(verdicts.verdicts(_pickups(tmp_path, BODY, BODY)), "a", "b")
    assert v["accusation"] and v["verdict"].startswith(verdicts.UNKNOWN_DIRECTION)


def test_a_dateline_naming_no_one_blocks_the_accusation_but_decides_nothing(tmp_path):
    # a dateline is wire style, and the style of many newspapers' own reports, which a scraper copying one keeps:
    # no accusation, no common source either; both candidates named
    dated = "PORT SELBY, May 6 — " + BODY
    v = pair(verdicts.verdicts(_pickups(tmp_path, dated, BODY)), "a", "b")
    assert not v["accusation"], v["verdict"]
    assert v["verdict"] == ("undetermined (a wire's copy with its credit dropped, or one copied the other: Harbour Times "
                            "opens with a dateline (PORT SELBY, May 6 —))")
    assert v["relation"] != "common_wire" and v["credited"] == "no" and v["direction"] == "unknown"
    assert v["candidates"].startswith("a wire's story both carry (Harbour Times opens with a dateline")


def test_a_wire_named_under_a_picture_is_no_wire_copy_alone_but_names_the_likely_wire(tmp_path):
    # a newspaper's own story runs a wire's pictures too: the picture credit alone clears no one
    pictured = "The harbour bridge at dawn on Monday.\n\nYonhap PHOTO/FILE\n\n" + BODY
    v = pair(verdicts.verdicts(_pickups(tmp_path, BODY, pictured)), "a", "b")
    assert v["accusation"], v["verdict"]
    # with a dateline as well, the wire under the picture is the likeliest source, credited in part
    w = pair(verdicts.verdicts(_pickups(tmp_path, "PORT SELBY — " + BODY, pictured, "t")), "a", "b")
    assert not w["accusation"] and w["relation"] == "common_wire", w["verdict"]
    assert w["source"] == "Yonhap" and w["credited"] == "partial"


def test_a_copy_days_after_a_datelined_story_is_still_a_copy(tmp_path):
    # the dates two weeks apart order them: the later one "copied without credit", dateline or not (a paper's own
    # staff story opens with its correspondent's dateline too; a wire's pickups run the same day). Was cleared as
    # wire copy in 23j; attack15 (a blog copying a newspaper's story two weeks later)
    arts = {"a": {"outlet": "Harbour Times", "text": "PORT SELBY — " + BODY, "published": "2024-05-06",
                  "url": "https://a.example/bridge"},
            "b": {"outlet": "Valley Echo", "text": BODY, "published": "2024-05-20", "url": "https://b.example/bridge"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["accusation"] and v["verdict"] == verdicts.UNCREDITED and v["direction"] == "b_from_a", v["verdict"]
    arts["a"]["text"] = BODY
    w = pair(verdicts.verdicts(write_story(tmp_path / "t", arts)), "a", "b")
    assert w["accusation"] and w["verdict"] == verdicts.UNCREDITED and w["direction"] == "b_from_a"


def test_a_dateline_on_a_line_of_its_own_is_read_from_the_page_as_captured(tmp_path):
    # "port selby, May 6" alone on the page's first line, as a wire's client prints it; the cleaner may drop the line
    page = "port selby, May 6\n\n" + BODY
    v = pair(verdicts.verdicts(_pickups(tmp_path, page, BODY)), "a", "b")
    assert not v["accusation"] and v["verdict"].startswith("undetermined (a wire's copy"), v["verdict"]
    assert "(port selby, May 6)" in v["verdict"]


def test_a_dateline_takes_no_credit_away(tmp_path):
    # one of the two says where its whole text comes from (a broadcaster outside the corpus, no wire): still
    # undetermined, but credited in part, as when no dateline opens either text (issue 23, session 16: the dateline
    # branch said "credited no" where the same pair without the dateline said "partial")
    arts = {"a": {"outlet": "Harbour Times", "text": "PORT SELBY — " + BODY, "published": None,
                  "url": "https://a.example/bridge", "derived_from": "[Coast Radio]"},
            "b": {"outlet": "Valley Echo", "text": BODY, "published": None, "url": "https://b.example/bridge"}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert not v["accusation"] and v["verdict"].startswith("undetermined (a wire's copy"), v["verdict"]
    assert v["credited"] == "partial" and "credited for the whole text: Harbour Times credits Coast Radio" in v["evidence"]
    arts["a"]["text"] = BODY  # the same pair without the dateline: credited in part too
    w = pair(verdicts.verdicts(write_story(tmp_path / "t", arts)), "a", "b")
    assert not w["accusation"] and w["credited"] == "partial", w["verdict"]
