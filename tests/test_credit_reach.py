"""A credit's reach (issue 23): a credit written into one sentence ("according to X", "X reported") is the
source of that fact, not of a whole text another article shares; a byline, a dateline, a sign-off or a
credit line credits the whole article. Crafted stories, hand-checked verdicts."""
import pytest

from presslens.analyses import verdicts, wires

from .test_reuse import OTHER, SOURCE, write_story
from .test_verdicts import pair

# one fact credited to a wire, in a paragraph of the original that the copy does not carry
FACT = "Port officials said on Tuesday that the ferry would run again in June, Reuters reported."


@pytest.mark.parametrize("text, reach", [
    ("The ferry will run again in June, Reuters reported.", "sentence"),
    ("The ferry will run again in June, according to AFP.", "sentence"),
    ("The ferry will run again in June, according to the Harbour Times.", "sentence"),
    ("LONDON (Reuters) - The ferry will run again in June.", "article"),
    ("The ferry will run again in June. (AFP)", "article"),
    ("By The Associated Press\nThe ferry will run again in June.", "article"),
    ("The ferry will run again in June.\nThis story was originally published on Harbour Times.", "article"),
])
def test_a_credits_reach(text, reach):
    rows = wires.article_sources("Copy Daily", None, (), None, text, {"harbourtimes": "Harbour Times"})
    assert [r["reach"] for r in rows if r["kind"] == "credit"] == [reach]


def test_derived_from_takes_the_reach_of_the_texts_credit():
    fact = wires.article_sources("Copy Daily", None, ("Reuters",), None, FACT, {})
    assert [(r["source"], r["reach"], r["at"]) for r in fact] == [("Reuters", "sentence", ("Reuters reported",))]
    # a source the text names nowhere: the front matter's word, for the whole article
    whole = wires.article_sources("Copy Daily", None, ("Reuters",), None, "The ferry will run again in June.", {})
    assert [(r["source"], r["reach"]) for r in whole] == [("Reuters", "article")]


def _story(tmp_path, first_line: str = "", fact: str = FACT, copy=None, last=True):
    rest = OTHER[:2] + [fact] if last else [fact] + OTHER[:2]
    a = "\n".join(([first_line + SOURCE[0]] if first_line else SOURCE[:1]) + SOURCE[1:] + rest)
    arts = {"a": {"outlet": "Harbour Times", "text": a, "published": "2024-05-06"},
            "b": {"outlet": "Copy Daily", "text": "\n".join(copy or SOURCE), "published": "2024-05-07"}}
    return pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")


def test_a_wire_credited_for_one_fact_is_no_source_of_the_text_copied(tmp_path):
    # b carries a's five paragraphs word for word; a credits Reuters only for a fact b does not carry
    v = _story(tmp_path)
    assert v["relation"] == "copy" and v["credited"] == "no" and v["source"] != "Reuters"
    assert "credits Reuters for one fact only" in v["evidence"]
    # a wire is still in sight: no accusation, the candidates said
    assert not v["accusation"] and v["verdict"].startswith("undetermined")


def test_a_dateline_credits_the_whole_article(tmp_path):
    v = _story(tmp_path, first_line="LONDON (Reuters) - ")
    assert v["relation"] == "common_wire" and v["source"] == "Reuters" and v["credited"] == "partial"
    assert "for one fact only" not in v["evidence"]


def test_a_fact_credit_inside_the_shared_passage_explains_it(tmp_path):
    # what the two share is the credited fact and the sentence next to it: the credit sits on it
    fact = "Engineers said that heavy lorries had crossed the bridge for years despite the weight limit, Reuters reported."
    v = _story(tmp_path, fact=fact, copy=SOURCE[4:] + [fact] + OTHER[2:], last=False)
    assert v["relation"] == "common_wire" and v["source"] == "Reuters"
    assert "for one fact only" not in v["evidence"]


# ----------------------------------------------------------------------------------------------
# direction from dates: a day apart is within the noise (time zones span 26 hours; a capture's date line)


@pytest.mark.parametrize("b_day, direction", [("2024-05-07", "unknown"), ("2024-05-08", "b_from_a"),
                                              ("2024-05-07T09:00+00:00", "b_from_a")])
def test_dates_a_day_apart_do_not_order_a_copy(tmp_path, b_day, direction):
    a_day = "2024-05-06T23:00+00:00" if "T" in b_day else "2024-05-06"
    arts = {"a": {"outlet": "Harbour Times", "text": "\n".join(SOURCE), "published": a_day},
            "b": {"outlet": "Copy Daily", "text": "\n".join(SOURCE), "published": b_day}}
    v = pair(verdicts.verdicts(write_story(tmp_path / "s", arts)), "a", "b")
    assert v["accusation"] and v["credited"] == "no" and v["direction"] == direction
    if direction == "unknown":
        assert v["verdict"].startswith(verdicts.UNKNOWN_DIRECTION) and "a day apart" in v["verdict"]


def test_a_fact_credits_name_is_found_as_a_word_not_inside_another(tmp_path):
    # a credits the (made-up) agency AT for one fact, in a sentence the copy does not carry; the letters 'at' inside
    # "that", "estate" and "data" of the shared sentences are no mention of it: the credit is set aside, no source
    v = _story(tmp_path, fact="The ferry will run again in June, according to the news agency AT.")
    assert v["relation"] == "copy" and v["credited"] == "no" and v["source"] != "AT"
    assert "credits AT for one fact only" in v["evidence"]
    assert not v["accusation"]  # a source is still in sight
