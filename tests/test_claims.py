"""Claims: which articles carry each claim, where, and in whose voice (presslens.claims)."""
from __future__ import annotations

import dataclasses

from presslens import load_story
from presslens.analyses import claims
from presslens.story.model import Actor, Claim, Speaker

from .conftest import MINI

BUNDLED = "data/stories/bytedance-openai-2023"
OUTLETS = ["Hindustan Times", "ticker.tv", "en.5iter.com", "New York Post", "tech360.tv"]


def test_bundled_claims_by_outlet_match_the_hand_checked_cells():
    t = claims.by_outlet(load_story(BUNDLED))
    got = {c: [t.loc[c, o] for o in OUTLETS] for c in ("secret", "minimal-use", "whitewash", "dont-get-caught",
                                                         "compliance-defence")}
    # read off the five articles: HT never says secret/conceal; ticker.tv's "secretly" is inside The
    # Verge's reported clause (a partial quote), NYP's a word in quotation marks after "a report that",
    # 5iter's and tech360's ("conceal") their own; "minimal" is OpenAI's quote in HT, NYP and 5iter
    # ("rarely uses"), the narrator's in ticker.tv and tech360.tv; the compliance defence is ByteDance's
    # reported speech in the ledes of ticker.tv ("According to a spokesperson from ByteDance, ...") and
    # tech360.tv ("ByteDance, the parent company of TikTok, has stated that ...")
    assert got == {
        "secret": ["—", "quote", "narration (lede)", "cited term (lede)", "narration"],
        "minimal-use": ["quote", "narration", "quote", "quote", "narration"],
        "whitewash": ["quote", "—", "narration", "quote", "—"],
        "dont-get-caught": ["—", "—", "quote", "quote", "—"],
        "compliance-defence": ["—", "reported speech (lede)", "—", "—", "reported speech (lede)"],
    }
    h = claims.hits(load_story(BUNDLED))
    nyp = h[(h["claim"] == "whitewash") & (h["outlet"] == "New York Post")].iloc[0]
    assert nyp["speaker"] == "employees" and "chatted about how to" in nyp["sentence"]


def _story(*paragraphs: str, claim_patterns: dict[str, list[str]]):
    st = load_story(MINI)
    art = st.articles.iloc[:1].copy()
    art["text"] = "\n\n".join(paragraphs)
    return dataclasses.replace(st, articles=art.reset_index(drop=True),
                               actors=[Actor("Acme", "company", ("Acme",))],
                               speakers=[Speaker("Mary Jones", "Acme", "spokesperson", ("Jones",))],
                               claims=[Claim(k, k, tuple(v)) for k, v in claim_patterns.items()])


def test_voices_positions_and_a_pattern_that_matches_nothing():
    st = _story("Acme was fined on Monday for selling data.",
                "“We did nothing wrong and will appeal,” Mary Jones said.",
                "Acme said it had stopped the sales in March.",
                "The sales were a “data grab” of the worst kind.",
                claim_patterns={"fined": [r"\bfined\b"], "appeal": [r"appeal"], "stopped": [r"stopped"],
                                "grab": [r"data grab"], "bribe": [r"brib\w+"]})
    h = claims.hits(st).set_index("claim")
    assert h.loc["fined", "voice"] == "narration" and h.loc["fined", "sent_idx"] == h["sent_idx"].min()
    assert (h.loc["appeal", "voice"], h.loc["appeal", "speaker"]) == ("quote", "Acme")
    assert (h.loc["stopped", "voice"], h.loc["stopped", "speaker"]) == ("reported speech", "Acme")
    assert h.loc["grab", "voice"] == "cited term"
    assert claims.unmatched(st) == ["bribe"]
    om = claims.omissions(st)  # a claim nobody carries is a pattern to check, not this outlet's omission
    assert (om.loc[0, "n_carried"], om.loc[0, "n_left_out"], om.loc[0, "left_out"]) == (4, 0, "")


def test_an_outlets_share_is_over_its_own_articles(tmp_path):
    """share = the outlet's articles carrying the claim / the outlet's articles (not any other outlet's)."""
    d = tmp_path / "s"
    (d / "articles").mkdir(parents=True)
    (d / "story.yaml").write_text("title: T\nquestion: Q\nlanguage: en\nclaims:\n"
                                  "  - {id: fined, text: Acme was fined., patterns: ['\\bfined\\b']}\n", encoding="utf-8")
    bodies = {"x1": ("Daily", "The regulator fined Acme two million dollars on Monday for selling data."),
              "x2": ("Daily", "Acme said on Tuesday that it would keep selling the data to its partners."),
              "y1": ("Post", "Acme was fined on Monday by the regulator, which had looked into the sales.")}
    for aid, (outlet, body) in bodies.items():
        (d / "articles" / f"{aid}.md").write_text(f"---\noutlet: {outlet}\npublished: 2024-01-01\n---\n{body}\n",
                                                  encoding="utf-8")
    g = claims.grid(load_story(d)).set_index("outlet")
    assert (g.loc["Daily", "n_articles"], g.loc["Daily", "n_carrying"], g.loc["Daily", "share"]) == (2, 1, 0.5)
    assert (g.loc["Post", "n_articles"], g.loc["Post", "n_carrying"], g.loc["Post", "share"]) == (1, 1, 1.0)


def test_a_claim_that_runs_into_a_quote_is_in_the_quotes_voice():
    # the pattern starts in the narration ("sales a") and ends inside the quoted words: the claim is
    # the quote's, as when it matches the quoted words alone
    st = _story("Acme was fined on Monday.", "Critics called the sales a “data grab” of the worst kind.",
                claim_patterns={"into": [r"sales a \W*data grab"], "inside": [r"data grab"]})
    h = claims.hits(st).set_index("claim")
    assert h.loc["inside", "voice"] == "quote" and h.loc["into", "voice"] == "quote"
    assert h.loc["into", "speaker"] == h.loc["inside", "speaker"] == "Critics"
