"""Outlet profiles and framing similarity (presslens.profiles)."""
from __future__ import annotations

import itertools

import pandas as pd
import pytest

from presslens import load_story
from presslens.analyses import profiles
from presslens.notebook import setup
from presslens.story.model import StoryError

BUNDLED = "data/stories/bytedance-openai-2023"


def test_bundled_profiles_bring_the_analyses_together():
    p = profiles.profiles(load_story(BUNDLED)).set_index("outlet")
    # hand-checked against notebooks 05 and 07: New York Post quotes five voices, two of them anonymous
    # sources, and carries 15 of the 16 claims; tech360.tv quotes nobody directly; Hindustan Times gives
    # 96% of its quoted words to OpenAI; only en.5iter.com is a declared translation
    assert (p.loc["New York Post", "n_voices"], p.loc["New York Post", "anonymous_sources"]) == (5, 2)
    assert p.loc["New York Post", "claims_carried"] == "15 of 16"
    assert p.loc["tech360.tv", "n_voices"] == 0 and p.loc["tech360.tv", "top_voice"] == ""
    assert p.loc["Hindustan Times", "top_voice"] == "OpenAI (96%)"
    assert p.loc["en.5iter.com", "translation"] == "declared translation"
    assert p.loc["New York Post", "renderings"] == "Duobao (misspelling)"
    # New York Post shares 66 words with Hindustan Times's article, all inside quotation marks on one side
    # or the other: shared narration counts only words outside quotes on both sides (issue 23), so 0 of its
    # 479 narration words (06's containment table, shared_narration)
    assert p.loc["New York Post", "reuse_share"] == 0.0
    assert p.loc["ticker.tv", "reuse_share"] == 0.0
    assert set(profiles.sources_table()["column"]) == set(p.columns)


def test_similarity_of_claims_is_the_jaccard_of_the_claims_carried():
    s = profiles.similarity(load_story(BUNDLED)).set_index(["outlet_a", "outlet_b"])
    # Hindustan Times carries 9 claims, tech360.tv 10, 5 of them the same (suspended, built-own-model,
    # terms-violation, minimal-use, change-or-terminate): 5 / 14
    assert s.loc[("Hindustan Times", "tech360.tv"), "claims"] == pytest.approx(5 / 14)
    assert pd.isna(s.loc[("Hindustan Times", "tech360.tv"), "voices"])  # tech360.tv quotes nobody
    assert s.loc[("ticker.tv", "ticker.tv"), "framing"] == 1.0
    for a, b in itertools.permutations(["ticker.tv", "New York Post", "tech360.tv"], 2):
        assert s.loc[(a, b), "framing"] == pytest.approx(s.loc[(b, a), "framing"])


def test_clusters_group_outlets_that_are_alike():
    pairs = {("A", "B"): 0.9, ("C", "D"): 0.85}
    rows = [{"outlet_a": a, "outlet_b": b,
             "framing": 1.0 if a == b else pairs.get((a, b), pairs.get((b, a), 0.2))}
            for a in "ABCD" for b in "ABCD"]
    g = profiles.clusters(None, pd.DataFrame(rows), threshold=0.7).set_index("outlet")["cluster"]
    assert g["A"] == g["B"] and g["C"] == g["D"] and g["A"] != g["C"]
    one = profiles.clusters(None, pd.DataFrame(rows), threshold=0.1).set_index("outlet")["cluster"]
    assert one.nunique() == 1


def _grid(pairs: dict, outlets: str) -> pd.DataFrame:
    return pd.DataFrame([{"outlet_a": a, "outlet_b": b,
                          "framing": 1.0 if a == b else pairs.get((a, b), pairs.get((b, a), 0.2))}
                         for a in outlets for b in outlets])


def test_clusters_read_the_similarity_grid_in_any_row_order():
    # similarity() writes the grid row by row (read without pivoting); any other order is pivoted: same groups
    pairs = {("A", "B"): 0.9, ("C", "D"): 0.85, ("E", "F"): 0.8, ("B", "E"): 0.5}
    grid = _grid(pairs, "ABCDEF")
    want = profiles.clusters(None, grid, threshold=0.7)
    other = grid.sort_values(["outlet_a", "outlet_b"], ascending=[True, False]).reset_index(drop=True)
    got = profiles.clusters(None, other, threshold=0.7)
    pd.testing.assert_frame_equal(got, want)
    g = want.set_index("outlet")["cluster"]
    assert g["A"] == g["B"] and g["C"] == g["D"] and g["E"] == g["F"] and len(set(g)) == 3


def test_clusters_of_many_outlets_skip_the_cubic_optimal_ordering(monkeypatch):
    # scipy's optimal leaf ordering grows with the cube of the outlets (15 s at 2,000): above
    # OPTIMAL_ORDER_MAX outlets the dendrogram's own order is kept, and the groups are the same
    import scipy.cluster.hierarchy as hierarchy
    seen = []
    real = hierarchy.linkage

    def spy(*args, **kwargs):
        seen.append(kwargs.get("optimal_ordering"))
        return real(*args, **kwargs)
    assert profiles.OPTIMAL_ORDER_MAX >= 1000  # stories of up to 1,000 outlets keep the optimal order
    monkeypatch.setattr(hierarchy, "linkage", spy)
    grid = _grid({("A", "B"): 0.9, ("C", "D"): 0.85, ("E", "F"): 0.8, ("B", "E"): 0.5}, "ABCDEF")
    few = profiles.clusters(None, grid, threshold=0.7)
    monkeypatch.setattr(profiles, "OPTIMAL_ORDER_MAX", 5)
    many = profiles.clusters(None, grid, threshold=0.7)
    assert seen == [True, False]
    groups = lambda t: sorted(sorted(g["outlet"]) for _, g in t.groupby("cluster"))  # noqa: E731
    assert groups(many) == groups(few) == [["A", "B"], ["C", "D"], ["E", "F"]]


def test_threshold_parameter_is_checked():
    with pytest.raises(StoryError, match="threshold"):
        setup.check_params(load_story(BUNDLED), threshold=1.5)


FACT_ARTICLES = {
    # outlet: (title, body). Three outlets state the fine in their own words; Courier leaves it out.
    # All four report the appeal. Courier alone reports the shareholders' meeting.
    "Ledger": ("Acme in the news", "The Data Regulator fined Acme two million dollars for selling customer data to brokers.\n\n"
               "Acme said it would appeal the decision in the high court next month."),
    "Gazette": ("Acme under scrutiny", "Acme was fined two million dollars by the Data Regulator for selling customer data to "
                "brokers.\n\nThe company said it would appeal the decision in the high court."),
    "Wire": ("Acme and the watchdog", "The Data Regulator has fined Acme two million dollars over selling customer data to "
             "brokers.\n\nAcme said it will appeal the decision in the high court."),
    "Courier": ("Acme today", "Acme said it would appeal the decision in the high court next month.\n\n"
                "Shareholders will gather in Springfield for their annual meeting on Friday."),
}


def _fact_story(folder):
    (folder / "articles").mkdir(parents=True)
    (folder / "story.yaml").write_text("title: Regulator fines Acme\nquestion: Who told the fine?\nlanguage: en\n"
                                       "actors:\n  - name: Acme\n    kind: company\n", encoding="utf-8")
    for i, (outlet, (title, body)) in enumerate(FACT_ARTICLES.items()):
        (folder / "articles" / f"{i}-{outlet.lower()}.md").write_text(
            f"---\noutlet: {outlet}\ntitle: {title}\npublished: 2024-03-0{i + 1}\nlanguage: en\n---\n{title}\n{body}\n",
            encoding="utf-8")
    return load_story(folder)


def test_profiles_count_the_facts_each_outlet_carries_and_leaves_out(tmp_path):
    st = _fact_story(tmp_path / "facts-story")
    rows = profiles.fact_rows(st)
    fine = rows[rows["label"].str.contains("fined")]["fact"].unique()
    assert len(fine) == 1                               # the three wordings of the fine are one fact
    left = rows[rows["status"] == "left out"]
    assert list(zip(left["outlet"], left["fact"])) == [("Courier", fine[0])]
    # the sentence behind the count: the first carrying outlet's (story order), in its own article
    assert left.iloc[0]["sentence_outlet"] == "Ledger" and left.iloc[0]["article_id"] == "0-ledger"
    assert left.iloc[0]["sentence"].startswith("The Data Regulator fined Acme two million dollars")
    carried = rows[rows["status"] == "carried"]
    assert sorted(carried.loc[carried["outlet"] == "Courier", "label"].str.contains("appeal")) == [True]
    assert (carried["outlet"] == carried["sentence_outlet"]).all()
    p = profiles.profiles(st).set_index("outlet")
    assert p.loc["Courier", ["facts_carried", "facts_left_out"]].tolist() == [1, 1]   # the appeal; the fine
    assert p.loc["Ledger", ["facts_carried", "facts_left_out"]].tolist() == [2, 0]    # the fine and the appeal
