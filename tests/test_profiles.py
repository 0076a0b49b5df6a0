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
    # 3 of New York Post's 479 narration words are in Hindustan Times's article (06's containment table)
    assert p.loc["New York Post", "reuse_share"] == pytest.approx(3 / 479, abs=1e-4)
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


def test_threshold_parameter_is_checked():
    with pytest.raises(StoryError, match="threshold"):
        setup.check_params(load_story(BUNDLED), threshold=1.5)
