"""Who copied whom when a date is missing: what a third text holding the passage says, and what it cannot."""
from presslens.analyses import verdicts

from .test_reuse import OTHER, SOURCE, write_story
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
