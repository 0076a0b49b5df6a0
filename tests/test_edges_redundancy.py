"""Boundaries of quotes/redundancy pinned on both sides (issue 20): a statement of six words (five is too
common), two articles to make a group, a majority of two voters at least, a tie, a quote cut at 80
characters. Invented quotes of a Harbour Council story."""
import pandas as pd

from presslens.analyses.quotes import redundancy as rd

SIX = "we will rebuild the north pier"
FIVE = "we will rebuild the pier"


def row(article, quote, speaker=None, kind="direct", attribution="before", outlet=None):
    return {"article_id": article, "outlet": outlet or f"Outlet {article}", "quote": quote, "kind": kind,
            "speaker": speaker, "attribution": attribution, "speaker_kind": "named", "actor": None}


def test_a_statement_needs_six_words_and_two_articles():
    assert rd.MIN_WORDS == 6
    assert rd._groups([row("a", SIX), row("b", SIX)]) == [[0, 1]]
    assert rd._groups([row("a", FIVE), row("b", FIVE)]) == []  # five words: too common to be one statement
    assert rd._groups([row("a", SIX), row("a", SIX)]) == []  # one article twice: no group
    assert rd._groups([row("a", SIX), row("b", SIX, kind="indirect")]) == []
    assert rd._groups([row("a", SIX), row("b", SIX.upper() + "!")]) == [[0, 1]]  # case and punctuation aside


def test_propagate_gives_the_majority_speaker_only_with_two_votes_over_half():
    rows = [row("a", SIX, "Mara Quirke"), row("b", SIX, "Mara Quirke"), row("c", SIX, "Tom Brun"), row("d", SIX)]
    rd.propagate(rows)
    assert rows[3]["speaker"] == "Mara Quirke" and rows[3]["attribution"] == "other outlets"
    one = [row("a", SIX, "Mara Quirke"), row("b", SIX)]
    rd.propagate(one)
    assert one[1]["speaker"] is None  # one vote: no majority
    tie = [row("a", SIX, "Mara Quirke"), row("b", SIX, "Mara Quirke"), row("c", SIX, "Tom Brun"),
           row("d", SIX, "Tom Brun"), row("e", SIX)]
    rd.propagate(tie)
    assert tie[4]["speaker"] is None  # two against two


def test_disagreements_name_the_odd_speaker_and_cut_the_quote_at_eighty():
    q = pd.DataFrame([row("a", SIX, "Mara Quirke"), row("b", SIX, "Mara Quirke"), row("c", SIX, "Tom Brun")])
    t = rd.disagreements(q)
    assert t[["article_id", "speaker", "majority_speaker", "n_majority", "n_attributed"]].values.tolist() == \
        [["c", "Tom Brun", "Mara Quirke", 2, 3]]
    assert t["outlets_majority"].tolist() == ["Outlet a, Outlet b"]
    assert rd.disagreement_sentences(t) == [f"Outlet c gives “{SIX}” to Tom Brun; 2 outlets to Mara Quirke."]
    long = t.assign(quote=["x" * 80])
    assert "“" + "x" * 80 + "”" in rd.disagreement_sentences(long)[0]  # exactly 80: whole
    longer = t.assign(quote=["x" * 81])
    assert "“" + "x" * 80 + "…”" in rd.disagreement_sentences(longer)[0]
