"""Paraphrase the 5-gram and reworded-sentence indexes miss: sentences retold in the same order (issue 23).

A wire story rewritten word by word keeps no run of ten words and no sentence at 80% similarity, yet the
same facts come sentence after sentence in the same order: ``reuse.paraphrase`` finds that chain, and
``analyses.paraphrased`` weighs it (a wire in sight: common source; a credit: credited; else undetermined,
never an accusation)."""
import pytest

from presslens.analyses import reuse, verdicts
from presslens.analyses.reuse.paraphrase import CHAIN, chain

from .test_reuse import write_story
from .test_verdicts import pair

WIRE = [  # a wire's story of a council vote, six sentences
    "Harbour Council voted on Tuesday to close the old north quay for eighteen months while engineers replace its "
    "rotting timber piles.",
    "The repairs will cost 14 million pounds, most of it borrowed from the regional development fund, the council's "
    "finance office said.",
    "Fishing crews who land their catch at the north quay will move to a temporary pontoon beside the ferry terminal "
    "from March.",
    "Skipper associations warned that the pontoon has no ice plant and that smaller boats could lose a week of trade "
    "each month.",
    "The council promised a shuttle lorry carrying ice from the market hall twice a day until the quay reopens in "
    "autumn next year.",
    "Opposition councillors called the timetable optimistic and asked for monthly progress reports to be published "
    "online.",
]
SPUN_A = [  # the same story retold word by word, in the same order
    "On Tuesday, councillors in Harbour decided the ageing north quay must shut for a year and a half so its decaying "
    "timber piles can be swapped out.",
    "Finance officers put the bill for the work at 14 million pounds, much of it a loan drawn from the regional "
    "development pot.",
    "From March, crews who fish from the north quay are to be relocated onto a makeshift pontoon next to the ferry "
    "terminal.",
    "Groups representing skippers cautioned that the pontoon lacks an ice plant, so smaller vessels might forfeit a "
    "week of business every month.",
    "Councillors have pledged a lorry shuttling ice from the market hall two times daily until the quay opens again "
    "next autumn.",
    "Members of the opposition described the schedule as optimistic and demanded progress reports each month, posted "
    "online.",
]
SPUN_B = [  # retold again, by another site
    "The north quay will close for eighteen months after Harbour Council approved a plan on Tuesday to renew its "
    "rotten timber supports.",
    "The 14 million pound scheme is mostly paid for with money taken out as a loan from the regional development "
    "fund, officials explained.",
    "Starting in March, fishing boats that use the north quay will unload at a temporary pontoon alongside the ferry "
    "terminal instead.",
    "Associations of skippers noted the pontoon had no ice plant, warning small boats may lose a week of trading per "
    "month.",
    "Until repairs finish next autumn, a shuttle truck will ferry ice over from the market hall twice every day, the "
    "council pledged.",
    "Rival councillors dismissed the timetable as optimistic and want monthly updates on progress put online.",
]
SAME_EVENT = [  # another report of the same meeting: five of the same facts, in its own order, and its own
    "Opposition members at the meeting called the plan optimistic and asked for reports on progress every month "
    "online.",
    "Harbour Council met on Tuesday evening in the old market hall, where a crowd of fishing crews waited outside in "
    "the rain.",
    "Skippers said the pontoon lacks an ice plant and smaller vessels could lose a week of business each month.",
    "The north quay will shut for a year and a half so that its decaying timber piles can be replaced, councillors "
    "decided.",
    "The north quay, built in 1888, has been propped up with steel beams since a winter storm cracked two of its "
    "piles.",
    "Ice will be trucked in from the market hall on a lorry twice daily until the quay opens again, the council "
    "pledged.",
    "The work will cost 14 million pounds, much of it a loan from the regional development fund.",
    "A decision on a new library was postponed until the council's next meeting in June.",
]


def _story(tmp_path, **texts):
    outlets = {"a": "Coast Gazette", "b": "Bay Courier", "c": "Metro Online", "d": "Island Post"}
    return write_story(tmp_path / "s", {k: {"outlet": outlets[k], "text": t, "published": None,
                                            "url": f"https://{k}.example/quay"} for k, t in texts.items()})


def test_the_longest_chain_rises_in_both_texts():
    assert chain([(0, 0), (1, 5), (2, 1), (3, 2), (4, 3), (2, 4)]) == [(0, 0), (2, 1), (3, 2), (4, 3)]
    assert chain([(0, 3), (0, 1), (1, 2)]) == [(0, 1), (1, 2)]  # one sentence used once
    assert chain([]) == []


def test_the_rewrites_share_no_text_the_word_indexes_see(tmp_path):
    # the premise of the tests below: no passage of ten words, no reworded sentence, no shared quotation
    r = reuse.analyse(_story(tmp_path, a=" ".join(SPUN_A), b=" ".join(SPUN_B)))
    assert r.passages.empty and r.reworded.empty and r.pairs.empty
    p = r.paraphrased
    assert len(p) == 1 and p["sentences"].iat[0] == len(SPUN_A) >= CHAIN
    assert p["sentences_a"].iat[0] == list(range(6)) and p["sentences_b"].iat[0] == list(range(6))


def test_two_rewrites_alone_are_reworded_copy_undetermined_never_an_accusation(tmp_path):
    v = pair(verdicts.verdicts(_story(tmp_path, a=" ".join(SPUN_A), b=" ".join(SPUN_B))), "a", "b")
    assert v["relation"] == "reworded_copy" and v["kind"] == "paraphrase"
    assert v["verdict"].startswith("undetermined (a paraphrase") and not v["accusation"]
    assert v["credited"] == "no" and v["direction"] == "unknown"
    assert "6 sentences retold in the same order" in v["evidence"]


def test_a_rewritten_wire_story_two_outlets_carry_is_the_wires(tmp_path):
    # a third text retells the same chain and carries the wire (its dateline credit): both took the wire's story
    st = _story(tmp_path, a=" ".join(SPUN_A), b=" ".join(SPUN_B),
                c="HARBOUR, May 6 (Reuters) - " + " ".join(WIRE))
    v = pair(verdicts.verdicts(st), "a", "b")
    assert v["relation"] == "common_wire" and v["source"] == "Reuters" and not v["accusation"]
    assert v["credited"] == "no"  # neither of the two credits it
    assert "wire group: Metro Online (c) retells it too and carries Reuters" in v["evidence"]
    w = pair(verdicts.verdicts(st), "a", "c")  # the wire's pickup and a rewrite of it: the wire, credited in part
    assert w["relation"] == "common_wire" and w["credited"] == "partial"


def test_an_unrelated_report_of_the_same_event_is_no_paraphrase(tmp_path):
    # five of the same facts, each loosely matching a sentence of a, but in its own order (a chain of two), beside
    # its own: two reports of one meeting, not one text retold
    st = _story(tmp_path, a=" ".join(SPUN_A), d=" ".join(SAME_EVENT))
    r = reuse.analyse(st)
    assert r.paraphrased.empty and r.passages.empty and r.reworded.empty
    assert verdicts.verdicts(st).empty


def test_a_rewrite_that_credits_the_other_took_it_from_that_outlet(tmp_path):
    st = _story(tmp_path, a=" ".join(SPUN_A),
                b=" ".join(SPUN_B) + " Coast Gazette first reported the council's decision.")
    v = pair(verdicts.verdicts(st), "a", "b")
    took = "a_from_b" if v["article_a"] == "b" else "b_from_a"  # b took from a, however the row orders them
    assert v["relation"] == "reworded_copy" and v["credited"] == "yes" and v["direction"] == took
    assert v["source_article"] == "a"
    assert v["verdict"] == "Bay Courier retold the text of Coast Gazette (names it: credit)" and not v["accusation"]


def test_a_short_wire_story_retold_in_four_sentences_is_a_paraphrase(tmp_path):
    # a wire's first story is short (a bulletin of four or five paragraphs): its rewrite retells four sentences in
    # order, all it has. Four are a chain (paraphrase_loso: no labelled pair without reuse reaches four)
    st = _story(tmp_path, a=" ".join(SPUN_A[:4]), b=" ".join(SPUN_B[:4]))
    r = reuse.analyse(st)
    assert r.passages.empty and r.reworded.empty
    assert len(r.paraphrased) == 1 and r.paraphrased["sentences"].iat[0] == 4
    v = pair(verdicts.verdicts(st), "a", "b")
    assert v["relation"] == "reworded_copy" and v["kind"] == "paraphrase" and not v["accusation"]


@pytest.mark.parametrize("n", [CHAIN - 1])
def test_fewer_sentences_in_order_than_a_chain_are_no_paraphrase(tmp_path, n):
    # three sentences retold (then each text its own): two texts on one event share a few facts, in any order
    st = _story(tmp_path, a=" ".join(SPUN_A[:n] + SAME_EVENT[1:2]), b=" ".join(SPUN_B[:n] + SAME_EVENT[5:6]))
    assert reuse.analyse(st).paraphrased.empty


# ---- provenance lists a paraphrased pair: its verdict, no shared words, never an accusation -------------------


def _prov(st):
    from presslens.analyses import provenance
    p = provenance.provenance(st)
    return p, {(r.article, r.source_article): r for r in p.itertuples(index=False)}


def test_provenance_lists_two_rewrites_both_ways_undetermined(tmp_path):
    p, rows = _prov(_story(tmp_path, a=" ".join(SPUN_A), b=" ".join(SPUN_B)))
    assert set(rows) == {("a", "b"), ("b", "a")}  # neither date orders them: each is the other's possible source
    for r in rows.values():
        assert r.status == "undetermined (a paraphrase)" and r.shared_narration == 0 and not r.likeliest
        assert "6 sentences retold in the same order" in r.evidence
    assert not p["status"].str.startswith("copied").any()
    from presslens.analyses import provenance
    assert provenance.outlet_edges(p).empty  # the graph draws shared words only


def test_provenance_of_a_credited_rewrite_names_its_source_once(tmp_path):
    # b credits Coast Gazette (a's outlet) and retells a: one row, b from a, credited; no "credited but not copied"
    st = write_story(tmp_path / "s", {
        "a": {"outlet": "Coast Gazette", "text": " ".join(SPUN_A), "published": None, "url": "https://a.example/quay"},
        "b": {"outlet": "Bay Courier", "text": " ".join(SPUN_B) + " Coast Gazette first reported the council's decision.",
              "published": None, "url": "https://b.example/quay", "derived_from": "[Coast Gazette]"}})
    p, rows = _prov(st)
    assert set(rows) == {("b", "a")}
    assert rows[("b", "a")].status == "retold, credited (a paraphrase)" and rows[("b", "a")].credited
    assert not p["status"].str.startswith("credited but not copied").any()
