"""Boundary tests for the evidence behind provenance verdicts and findings that no test file named before
(issue 20, session 14, helper 20x): pair_evidence.Evidence's wire_group, wire_near, publisher_page and holders,
paraphrased.retellers, blindspots' passage rows, keyness's sides, the responses finding. The Evidence is built
bare (its tables set by hand) so each threshold (EVIDENCE_WORDS = 30, CHAIN = 4, HOLDS = 0.5) is met exactly."""
from collections import defaultdict

import pandas as pd
import pytest

from presslens.analyses import blindspots, keyness, paraphrased
from presslens.analyses.findings import voices
from presslens.analyses.pair_evidence import EVIDENCE_WORDS, HOLDS, Evidence
from presslens.errors import ParameterError


def _ev(**kw) -> Evidence:
    e = object.__new__(Evidence)
    e.named = defaultdict(lambda: defaultdict(set))
    e.is_wire, e.nb, e.wire_nb, e.group_note, e.twins = {"AP": True}, {}, {}, {}, {}
    e.outlet = {"x": "Post", "y": "Mail", "z": "Kite", "w": "Sun"}
    for k, v in kw.items():
        setattr(e, k, v)
    return e


def test_constants_the_tests_below_rest_on():
    assert (EVIDENCE_WORDS, HOLDS, paraphrased.CHAIN) == (30, 0.5, 4)


def test_wire_group_needs_thirty_words_with_each():
    e = _ev(nb={"x": {"z": 40}, "y": {"z": 30}, "z": {"x": 40, "y": 30}}, wire_nb={"x": ["z"]})
    e.named["z"]["credit"].add("AP")
    assert Evidence.wire_group(e, "x", "y") == "AP"
    assert e.group_note[("x", "y")] == "wire group: Kite (z) carries AP and shares 40 and 30 words of narration with them"
    e.nb["y"]["z"] = 29
    assert Evidence.wire_group(e, "x", "y") is None
    e.nb["y"]["z"] = 30
    e.named["x"]["tell"].add("AP")                      # x names the wire itself: no group
    assert Evidence.wire_group(e, "x", "y") is None
    e = _ev(nb={"x": {"y": 90}, "y": {"y": 90}}, wire_nb={"x": ["y"]})
    e.named["y"]["credit"].add("AP")
    assert Evidence.wire_group(e, "x", "y") is None     # the pair's own article is no third text


def test_wire_near_a_third_text_naming_a_wire_thirty_words_each_way():
    e = _ev(nb={"x": {"z": 30, "ref:1": 50}, "y": {"z": 30, "ref:1": 50}})
    e.named["z"]["tell"].add("AP")
    e.named["ref:1"]["credit"].add("AP")
    assert Evidence.wire_near(e, "x", "y") == ("z", "AP")
    e.nb["x"]["z"] = 29
    assert Evidence.wire_near(e, "x", "y") is None      # and a reference never counts
    e.nb["x"]["z"] = 30
    e.twins = {"y": {"z"}}                              # a page captured twice counts once
    assert Evidence.wire_near(e, "x", "y") is None


def test_publisher_page_same_page_name_on_related_hosts():
    e = _ev(slug={"x": "pier-fire-123", "y": "pier-fire-123"}, brand={"x": "har", "y": "harbourpost"},
            host={"x": "har.example", "y": "harbourpost.example"}, site={"x": "har.example", "y": "harbourpost.example"})
    assert Evidence.publisher_page(e, "x", "y") == "the same page (pier-fire-123) on har.example and harbourpost.example"
    e.brand = {"x": "ha", "y": "harbourpost"}           # two letters begin too many names
    assert Evidence.publisher_page(e, "x", "y") is None
    e.site = {"x": "selby.example", "y": "selby.example"}
    assert Evidence.publisher_page(e, "x", "y") == \
        "the same page (pier-fire-123) on two hosts of selby.example: har.example and harbourpost.example"
    e.slug = {"x": "pier-fire-123", "y": "pier-fire-124"}
    assert Evidence.publisher_page(e, "x", "y") is None
    e.slug = {"x": "", "y": ""}
    assert Evidence.publisher_page(e, "x", "y") is None


def test_holders_hold_half_of_what_the_pair_shares_with_each():
    e = _ev(nb={"x": {"y": 40, "z": 20, "w": 19}, "y": {"x": 40, "z": 20, "w": 30}})
    e.by_weight = {"x": [(40, "y"), (20, "z"), (19, "w")]}
    assert Evidence.holders(e, "x", "y", 40) == ["z"]           # 20 = 0.5 * 40 with each; w holds 19 of x's
    assert Evidence.holders(e, "x", "y", 41) == []
    e.twins = {"x": {"z"}}
    assert Evidence.holders(e, "x", "y", 40) == []


def test_retellers_a_chain_of_four_or_thirty_words_with_each():
    e = _ev(nb={"x": {"z": 30, "w": 29}, "y": {"z": 30, "w": 40}})
    links = {"x": {"w": 4, "v": 3}, "y": {"w": 1, "v": 4}}
    # z: 30 words with each; w: a chain of 4 with x and 40 words with y; v: a chain of 3 with x only
    assert paraphrased.retellers(e, links, "x", "y") == ["w", "z"]
    e.nb["y"]["w"] = 29
    assert paraphrased.retellers(e, links, "x", "y") == ["z"]
    e.twins = {"x": {"z"}}
    assert paraphrased.retellers(e, links, "x", "y") == []
    assert paraphrased.retellers(_ev(), {}, "x", "y") == []


def test_passage_rows_one_row_per_side_keyed_by_eighty_characters():
    text = "The  Harbour Council said the pier would reopen " + "after repairs " * 5
    p = pd.DataFrame({"text_a": [text], "text_b": ["the harbour council said"], "article_a": ["a1"], "outlet_a": ["Post"],
                      "article_b": ["b1"], "outlet_b": ["Mail"]})
    rows = blindspots._passage_rows(p)
    key = " ".join(text.lower().split())
    assert len(key) > 80
    assert [(r["article_id"], r["outlet"], r["item"], r["text"], r["sentence"]) for r in rows] == [
        ("a1", "Post", key[:80], key, text), ("b1", "Mail", key[:80], key, "the harbour council said")]
    assert len(rows[0]["item"]) == 80
    assert blindspots._passage_rows(None) == [] and blindspots._passage_rows(p.iloc[:0]) == []


def test_side_one_group_or_a_list_and_the_unknown_named():
    groups = pd.Series(["Post", "Mail", "Post", "Kite"], index=["a1", "a2", "a3", "a4"])
    assert keyness._side(groups, "Post", "a", None) == {"a1", "a3"}
    assert keyness._side(groups, ["Mail", "Kite"], "b", None) == {"a2", "a4"}
    with pytest.raises(ParameterError, match="'Sun' is not an outlet of the story"):
        keyness._side(groups, ["Mail", "Sun", "Moon"], "b", None)
    with pytest.raises(ParameterError, match="'Sun' is not a value of 'kind'"):
        keyness._side(groups, "Sun", "b", "kind")
    with pytest.raises(ParameterError, match="is not a group or a list of groups"):
        keyness._side(groups, [], "b", None)
    with pytest.raises(ParameterError, match="is not a group or a list of groups"):
        keyness._side(groups, 3, "b", None)


RESP = pd.DataFrame({"outlet": ["Post", "Mail", "Kite"], "carried": [True, True, False],
                     "channels": ["direct quote", "reported speech", ""], "checked": ["quotes, reported speech"] * 3,
                     "n_unattributed": [0, 0, 2]})


def test_balance_says_where_a_party_speaks_and_what_was_not_checked():
    assert voices._balance("accused", "Harbour Council", RESP) == (
        "Harbour Council (the accused) speaks in 2 of 3 outlets (Mail in reported speech only); nothing attributable "
        "to Harbour Council was found in Kite (checked: quotes, reported speech); not checked: a statement whose "
        "speaker or reporting frame the rules cannot read (2 direct quotes there have no readable speaker) "
        "(table: responses).")
    assert voices._balance("accuser", "Ana Ruiz", RESP[["outlet", "carried"]]) == (
        "Ana Ruiz (an accuser) speaks in 2 of 3 outlets; nothing attributable to Ana Ruiz was found in Kite; not "
        "checked: a statement whose speaker or reporting frame the rules cannot read (table: responses).")
    assert voices._balance("accused", "Harbour Council", RESP[RESP["carried"]]) == (
        "Harbour Council (the accused) speaks in 2 of 2 outlets (Mail in reported speech only) (table: responses).")
    # text the rules do not read: where nothing was found is unknown, not an absence
    assert voices._balance("accuser", "Ana Ruiz", RESP, "fr").startswith(
        "Ana Ruiz (an accuser) speaks in Mail and Post; whether Ana Ruiz (an accuser) speaks in Kite is unknown: ")
    assert voices._balance("accuser", "Ana Ruiz", RESP[~RESP["carried"]], "fr").startswith(
        "Whether Ana Ruiz (an accuser) speaks in Kite is unknown: ")
