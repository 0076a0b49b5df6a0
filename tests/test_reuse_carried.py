"""A text carried by more articles than ``max_df`` (a wire story republished by hundreds of sites) groups
its articles as one common source instead of vanishing from reuse and provenance (issue 23)."""
import pytest

from presslens.analyses import findings, provenance, reuse, verdicts
from presslens.analyses.reuse.carried import CARRIED_OUTLETS, CARRIED_WORDS

from .test_reuse import REWORDED, SOURCE, write_story

WIRE = " ".join(SOURCE[:3])  # 62 words of narration, about three sentences


def own(i: int, n: int = 30) -> str:
    """Text of article i's own, shared with no other article (words no other article uses)."""
    return " ".join(f"w{i}x{k}" for k in range(n)) + "."


def doc(i: int, text: str, outlet: str | None = None, quoted: tuple[int, int] | None = None) -> reuse.Doc:
    """One article as the index reads it: one sentence; ``quoted``: the word span inside quotation marks."""
    words = text.replace(".", " ").replace(",", " ").split()
    q = [bool(quoted and quoted[0] <= k < quoted[1]) for k in range(len(words))]
    offsets, at = [], 0
    for w in words:
        at = text.index(w, at)
        offsets.append((at, at + len(w)))
        at += len(w)
    return reuse.Doc(f"a{i:02d}", outlet or f"Outlet {i}", words, q, [0] * len(words), [(0, len(words), 0)], [text], offsets)


def carried(docs, max_df):
    pairs, common, texts = reuse.candidate_pairs(docs, min_words=10, max_df=max_df, carried=True)
    return pairs, common, texts


def test_a_wire_text_in_more_than_max_df_articles_is_one_carried_text_not_nothing():
    docs = [doc(i, f"{own(i)} {WIRE} {own(i + 100)}") for i in range(8)]
    pairs, common, texts = carried(docs, max_df=5)
    assert pairs == {} and common > 0  # as before: no pair is aligned on a text in more than max_df articles
    assert list(texts["text_id"].unique()) == [1]  # ... but the articles carrying it are grouped
    assert sorted(texts["article_id"]) == [f"a{i:02d}" for i in range(8)]
    row = texts.iloc[0]
    assert (row.articles, row.outlets) == (8, 8)
    assert row.narration >= CARRIED_WORDS and row["sample"].startswith("The city council voted on Monday")
    _, _, texts = carried(docs, max_df=8)  # in at most max_df articles: aligned pair by pair, nothing carried
    assert texts.empty


def test_a_stock_phrase_in_every_article_is_not_a_carried_text():
    stock = "the ministry said in a statement on Monday that it was studying the report"  # 15 words
    docs = [doc(i, f"{own(i)} {stock} {own(i + 100)}") for i in range(8)]
    pairs, common, texts = carried(docs, max_df=5)
    assert common > 0 and texts.empty


def test_a_statement_every_article_quotes_is_not_a_carried_text():
    """Quotation is each outlet quoting one speaker, not a text sent to many."""
    n = len(own(0).split())
    docs = [doc(i, f"{own(i)} {WIRE} {own(i + 100)}", quoted=(n, n + len(WIRE.split()))) for i in range(8)]
    _, _, texts = carried(docs, max_df=5)
    assert texts.empty


def test_one_outlets_boilerplate_is_not_a_carried_text():
    outlets = ["Harbour Times", "Harbour Times", "Port Daily"]
    docs = [doc(i, f"{own(i)} {WIRE} {own(i + 100)}", outlet=outlets[i % (CARRIED_OUTLETS - 1)]) for i in range(8)]
    _, _, texts = carried(docs, max_df=5)
    assert texts.empty  # articles of two outlets only: not one story sent to many


def test_a_carried_text_groups_its_articles_in_provenance_and_accuses_none(tmp_path):
    arts = {f"a{i:02d}": {"outlet": f"Outlet {i}", "text": f"{own(i)}\n{WIRE}\n{own(i + 100)}",
                          "published": f"2024-05-{1 + 3 * i:02d}",
                          "derived_from": "[Reuters]" if i == 0 else "[]"} for i in range(8)}
    st = write_story(tmp_path / "s", arts)
    r = reuse.analyse(st, max_df=5)
    assert r.pairs.empty and r.stats["carried_texts"] == 1 and r.stats["carried_articles"] == 8
    prov = provenance.provenance(st, max_df=5)
    grouped = prov[prov["status"] == provenance.CARRIED]
    assert sorted(grouped["article"]) == sorted(arts)
    assert not prov["status"].str.startswith(verdicts.UNCREDITED).any()
    assert grouped.set_index("article").loc["a00", "credited"] and not grouped.set_index("article").loc["a01", "credited"]
    assert set(grouped["source_outlet"]) == {"carried text 1 (8 articles, 8 outlets)"}
    said = " ".join(findings.reuse(r, prov, provenance.from_references(st, max_df=5)))
    assert "1 text of two sentences or more is carried by more than 5 articles (8 articles in all)" in said
    # with max_df above the number of articles the same story is aligned pair by pair, as before: nothing carried
    r = reuse.analyse(st)
    assert len(r.pairs) == 28 and r.carried.empty and "carried_texts" not in r.stats
    prov = provenance.provenance(st)
    assert not (prov["status"] == provenance.CARRIED).any()


def test_two_articles_that_both_carry_a_text_sent_to_many_are_not_accused_of_copying_what_else_they_share(tmp_path):
    """a and b both ran the wire story eight outlets carry, and share a paragraph more, b dated three days after
    a, neither crediting anything: below max_df that paragraph would make b a copy of a; with the wire story in
    sight it may be the story's fuller version: undetermined, the candidate named, no accusation."""
    extra = " ".join(SOURCE[3:]) + " " + own(999, 60)
    arts = {f"a{i:02d}": {"outlet": f"Outlet {i}", "text": f"{own(i)}\n{WIRE}\n{own(i + 100)}",
                          "published": f"2024-05-{1 + i:02d}"} for i in range(2, 8)}
    arts["a00"] = {"outlet": "Outlet 0", "text": f"{WIRE}\n{extra}", "published": "2024-05-01"}
    arts["a01"] = {"outlet": "Outlet 1", "text": f"{WIRE}\n{extra}", "published": "2024-05-04"}
    st = write_story(tmp_path / "s", arts)
    v = verdicts.verdicts(st, max_df=5)
    row = v[(v["article_a"] == "a00") & (v["article_b"] == "a01")].iloc[0]
    assert not row["accusation"] and row["verdict"] == "undetermined (both carry a text sent to many)"
    assert "a fuller version of a text both carry (carried text 1 (8 articles of 8 outlets))" in row["candidates"]
    assert "both carry a text sent to many: carried text 1" in row["evidence"]
    # the same pair without the wire story around it (max_df above the articles): b copied a, as before
    v = verdicts.verdicts(st)
    row = v[(v["article_a"] == "a00") & (v["article_b"] == "a01")].iloc[0]
    assert row["accusation"] and row["verdict"] == verdicts.UNCREDITED


def test_two_wordings_carried_by_more_than_max_df_articles_are_not_compared_article_by_article():
    """The reworded-sentence index is bounded as the shingle index is: a wire sentence and its updated wording,
    each carried by many articles, would pair every article of one with every article of the other (the square
    of their number); past ``max_df`` articles together they are text sent to many, not evidence."""
    from presslens.analyses.reuse.sentences import reworded_sentences

    first, second = SOURCE[0], REWORDED[0]  # one sentence, one word swapped and one reworded: 80+ similar
    docs = [doc(i, first if i % 2 else second) for i in range(60)]  # 30 articles carry each wording
    assert len(reworded_sentences(docs, max_df=100)) == 30 * 30  # 60 articles together: compared pair by pair
    assert reworded_sentences(docs, max_df=59) == []  # more than max_df together: not compared at all
    # a lone rewording of a sentence 30 articles carry: 31 together, within max_df=59: compared with each
    lone = [doc(i, first) for i in range(30)] + [doc(30, second)]
    got = reworded_sentences(lone, max_df=59)
    assert len(got) == 30 and {r["b"] for r in got} == {30}
