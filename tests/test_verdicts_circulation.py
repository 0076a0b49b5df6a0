"""A passage in circulation (issue 23): two undated texts sharing a passage that a third outlet's text carries part
of are no evidence that one copied the other (two pickups of one wire story, a third running part of it): the pair
is undetermined with that candidate named, never accused. Crafted Harbour stories, hand-checked verdicts."""
from presslens.analyses import verdicts

from .test_reuse import OTHER, SOURCE, write_story
from .test_verdicts import pair


def _arts(third: list[str] | None, third_outlet: str = "Bay Courier", third_day=None):
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE + OTHER[:1]), "published": None},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE + OTHER[1:2]), "published": None}}
    if third is not None:
        arts["c"] = {"outlet": third_outlet, "text": "\n".join(third), "published": third_day}
    return arts


def test_two_undated_copies_of_one_text_are_accused_when_nobody_else_carries_it(tmp_path):
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", _arts(None))), "a", "b")
    assert v["accusation"] and v["verdict"].startswith(verdicts.UNKNOWN_DIRECTION)


def test_a_third_outlet_carrying_part_of_the_passage_blocks_the_accusation(tmp_path):
    # Bay Courier runs the first two paragraphs (about 40 words: less than half of what a and b share, so no holder of
    # it, but two sentences' worth with each): the text was going round; who took it from whom nothing says
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", _arts(SOURCE[:2] + OTHER[2:]))), "a", "b")
    assert not v["accusation"] and v["verdict"].startswith("undetermined") and v["credited"] == "no"
    assert "part of the passage is in circulation: Bay Courier (c)" in v["evidence"]
    assert v["candidates"].startswith("a common source: Bay Courier (c) carries part of the passage too")


def test_a_third_text_of_one_of_the_two_outlets_or_sharing_one_sentence_does_not(tmp_path):
    own = pair(verdicts.verdicts(write_story(tmp_path / "s", _arts(SOURCE[:2] + OTHER[2:], "Copy Daily"))), "a", "b")
    assert own["accusation"]  # Copy Daily's own other article is no third outlet
    one = pair(verdicts.verdicts(write_story(tmp_path / "t", _arts(SOURCE[:1] + OTHER[2:]))), "a", "b")
    assert one["accusation"]  # one sentence shared, under EVIDENCE_WORDS, is too little to say the passage circulates


def test_dates_days_apart_do_not_accuse_when_a_third_outlet_ran_part_of_it_first(tmp_path):
    # a on the 6th, b on the 9th with a's whole text; Bay Courier on the 6th runs two of its paragraphs: the passage was
    # going round before b (three pickups of one wire story on different days), so the dates alone accuse no one
    arts = _arts(SOURCE[:2] + OTHER[2:], third_day="2024-05-06")
    arts["a"]["published"], arts["b"]["published"] = "2024-05-06", "2024-05-09"
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert not v["accusation"] and v["verdict"] == "undetermined (other texts carry the passage too)"
    assert "part of the passage is in circulation: Bay Courier (c)" in v["evidence"]
    arts["c"]["published"] = "2024-05-10"  # Bay Courier ran it after both: a later copy, b's copy of a stands
    w = pair(verdicts.verdicts(write_story(tmp_path / "t", arts)), "a", "b")
    assert w["accusation"] and w["verdict"] == "copied without credit" and w["direction"] == "b_from_a"
