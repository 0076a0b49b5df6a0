"""Reworded reuse the exact-passage index misses (issue 23, session 21): a rewrite that merges the other text's
sentences and rewords them keeps no run of ten words, no sentence at 80% and no chain of four sentences retold one
by one, yet it keeps the other's wording, word pair after word pair, in the same order. ``reuse.wordorder`` scores
that against the story's other texts (a pair many of them carry is the topic, not evidence) and the pair verdicts
read it as reuse with the same credit and wire steps as a paraphrase, never as an accusation."""
import dataclasses

import pandas as pd

from presslens.analyses import paraphrased, reuse, verdicts, wires
from presslens.analyses.reuse.align import Doc
from presslens.analyses.reuse.wordorder import IN_ORDER_COLS, in_order, order_score, word_pairs

from .test_reuse import write_story
from .test_verdicts import pair
from .test_verdicts_paraphrase import SAME_EVENT, SPUN_A, WIRE

# the wire story's six sentences merged two by two and reworded: three sentences, so no chain of four
MERGED = [SPUN_A[0].rstrip(".") + ", and " + SPUN_A[1][0].lower() + SPUN_A[1][1:],
          SPUN_A[2].rstrip(".") + ", while " + SPUN_A[3][0].lower() + SPUN_A[3][1:],
          SPUN_A[4].rstrip(".") + ", but " + SPUN_A[5][0].lower() + SPUN_A[5][1:]]
OTHER = [  # other Harbour stories of the same week: the story's baseline, none about the quay
    "The Harbour library will open on Sundays from June after volunteers offered to staff the reading room.",
    "A new bus route will link the hospital with the station every twenty minutes, the transport office said.",
    "The summer regatta drew four thousand visitors, and the lifeboat crew raised money for a new engine.",
    "Police closed the coast road for an hour after a lorry shed its load of gravel near the lighthouse.",
    "The primary school on Mill Lane won a national award for its garden and its beekeeping club.",
]
NEIGHBOUR = ("Two swans nesting by the boating lake have hatched six cygnets, and the park keepers fenced off the "
             "reeds until the end of July.")


def _docs(*seqs: list[str]) -> list[Doc]:
    """Docs of one sentence each, words as given (no quotation)."""
    return [Doc(f"d{i}", f"Outlet {i}", list(w), [False] * len(w), [0] * len(w), [(0, len(w), i)], [" ".join(w)])
            for i, w in enumerate(seqs)]


def test_word_pairs_are_consecutive_content_words_of_narration():
    d = _docs(["the", "north", "quay", "will", "close", "for", "18", "months"])[0]
    assert word_pairs(d) == ["north quay", "quay close", "close 18", "18 months"]
    d.quoted = [True] * len(d.words)  # a quoted sentence is the speaker's words: no wording of the text's own
    assert word_pairs(d) == []


def test_the_order_score_counts_the_units_kept_in_the_same_order():
    a, b = ["north quay", "timber piles", "14 million", "ferry terminal"], ["timber piles", "north quay", "14 million",
                                                                          "ferry terminal", "market hall"]
    assert order_score(a, b) == (3, ["north quay", "14 million", "ferry terminal"])  # "timber piles" moved
    assert order_score(a, ["market hall"]) == (0, [])


def test_too_few_texts_give_no_baseline_and_are_not_scored():
    # two reports of one meeting share the meeting's names and phrases; with no other text of the story there is no
    # telling them from wording kept: fewer than eight texts are never scored (hand count: 13 pairs in order)
    words = [w.strip(".,").lower() for w in " ".join(WIRE).split()]
    assert in_order(_docs(words, words, *[["x"]] * 5), floor=1) == []  # 7 texts
    assert len(in_order(_docs(words, words, *[[f"y{i}", f"z{i}"] for i in range(6)]), floor=1)) == 1  # 8 texts


def _story(tmp_path, texts: dict, **meta):
    return write_story(tmp_path / "s", {k: {"outlet": f"Site {k.upper()}", "text": t, "published": None,
                                            "url": f"https://{k}.example/news", **meta.get(k, {})}
                                        for k, t in texts.items()})


def _texts(**extra):
    texts = {"a": " ".join(WIRE), "b": " ".join(MERGED)}
    texts.update({k: t for k, t in zip("cdefg", OTHER)})
    texts.update(extra)
    return texts


def test_a_merged_rewrite_is_seen_by_its_wording_in_order(tmp_path):
    r = reuse.analyse(_story(tmp_path, _texts(h=NEIGHBOUR)))
    # the premise: the word indexes and the chain see nothing
    assert r.passages.empty and r.reworded.empty and r.paraphrased.empty
    got = r.in_order.set_index(["article_a", "article_b"])
    assert list(r.in_order.columns) == IN_ORDER_COLS
    row = got.loc[("a", "b")]
    # hand-checked: 13 word pairs in the wire's order ("north quay", "timber piles", "14 million", "million pounds",
    # "regional development", "ferry terminal", "ice plant", ..., "progress reports"), each in these two texts only
    assert row["in_order"] == 13 >= paraphrased.IN_ORDER
    kept = set(row["sample"])
    assert {"north quay", "timber piles", "million pounds", "ferry terminal", "ice plant", "market hall"} <= kept


def test_one_outlets_two_texts_are_not_scored(tmp_path):
    # an outlet's two reports share its house wording: no reuse between outlets (and "same outlet" anyway)
    st = _story(tmp_path, _texts(h=NEIGHBOUR), b={"outlet": "Site A"})
    assert reuse.analyse(st).in_order.empty


def test_an_own_report_of_the_same_meeting_stays_under_the_threshold(tmp_path):
    # an own report of the meeting (its facts in its own order) names the quay, the piles, the fund, the market hall:
    # in three texts of eight those are the story's phrases, no longer distinctive, so the rewrite (b) keeps too
    # few of the wire's (a) to be listed, and the own report keeps 8 of b's in order ("quay shut", "decaying timber",
    # "quay opens": hand count), under the verdicts' 10
    r = reuse.analyse(_story(tmp_path, _texts(h=" ".join(SAME_EVENT))))
    got = {(x, y): n for x, y, n in zip(r.in_order["article_a"], r.in_order["article_b"], r.in_order["in_order"])}
    assert got == {("b", "h"): 8}
    v = verdicts.verdicts(_story(tmp_path / "v", _texts(h=" ".join(SAME_EVENT))))
    assert not ((v["article_a"] == "a") & (v["article_b"] == "h")).any()


def test_reworded_reuse_alone_is_undetermined_never_an_accusation(tmp_path):
    v = pair(verdicts.verdicts(_story(tmp_path, _texts(h=NEIGHBOUR))), "a", "b")
    assert v["kind"] == paraphrased.WORDS_KIND and v["relation"] == "reworded_copy"
    assert v["verdict"].startswith("undetermined (reworded reuse") and not v["accusation"]
    assert v["credited"] == "no" and v["direction"] == "unknown"
    assert "of the story's distinctive word pairs kept in the same order" in v["evidence"]
    assert "'north quay'" in v["evidence"]


def test_a_wire_both_credit_makes_it_the_wires_credited(tmp_path):
    texts = _texts(h=NEIGHBOUR)
    texts["a"] = "HARBOUR, May 6 (Reuters) - " + texts["a"]
    texts["b"] = texts["b"] + " (Reporting by Reuters)"
    v = pair(verdicts.verdicts(_story(tmp_path, texts)), "a", "b")
    assert v["relation"] == "common_wire" and v["source"] == "Reuters" and v["credited"] == "yes"
    assert not v["accusation"]


def test_one_carrying_a_wire_is_that_wires_story_never_copied(tmp_path):
    texts = _texts(h=NEIGHBOUR)
    texts["a"] = "HARBOUR, May 6 (Reuters) - " + texts["a"]
    st = _story(tmp_path, texts, a={"published": "2024-05-06"}, b={"published": "2024-05-09"})
    v = pair(verdicts.verdicts(st), "a", "b")  # dated three days apart: still no accusation on rewording alone
    assert v["relation"] == "common_wire" and v["source"] == "Reuters" and not v["accusation"]
    assert v["credited"] == "partial"


def test_a_rewrite_that_credits_the_other_took_it_from_that_outlet(tmp_path):
    texts = _texts(h=NEIGHBOUR)
    texts["b"] += " Site A first reported the council's decision."
    v = pair(verdicts.verdicts(_story(tmp_path, texts)), "a", "b")
    assert v["relation"] == "reworded_copy" and v["credited"] == "yes" and v["source_article"] == "a"
    assert not v["accusation"]


def test_the_threshold_is_read_by_the_verdicts(tmp_path, monkeypatch):
    st = _story(tmp_path, _texts(h=NEIGHBOUR))
    score = int(reuse.analyse(st).in_order.set_index(["article_a", "article_b"]).loc[("a", "b"), "in_order"])
    monkeypatch.setattr(paraphrased, "IN_ORDER", score + 1)
    r = reuse.analyse(st)
    v = verdicts.decide(st, r, wires.sources(st))
    assert not ((v["article_a"] == "a") & (v["article_b"] == "b")).any()
    monkeypatch.setattr(paraphrased, "IN_ORDER", score)
    v = verdicts.decide(st, r, wires.sources(st))
    assert pair(v, "a", "b")["kind"] == paraphrased.WORDS_KIND


def test_provenance_lists_reworded_reuse_without_an_accusation(tmp_path):
    from presslens.analyses import provenance
    p = provenance.provenance(_story(tmp_path, _texts(h=NEIGHBOUR)))
    rows = p[p["article"].isin(["a", "b"]) & p["source_article"].isin(["a", "b"])]
    assert len(rows) == 2 and set(rows["status"]) == {"undetermined (a paraphrase)"}
    assert not p["status"].str.startswith("copied").any()


def test_an_empty_table_changes_nothing(tmp_path):
    st = _story(tmp_path, _texts(h=NEIGHBOUR))
    r = dataclasses.replace(reuse.analyse(st), in_order=pd.DataFrame(columns=IN_ORDER_COLS))
    assert verdicts.decide(st, r, wires.sources(st)).empty
