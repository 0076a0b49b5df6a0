"""Word choice: the framing lexicon, matching, rates, KWIC.

Expectations on the bundled story were checked by reading the five articles in
data/stories/bytedance-openai-2023/articles/ (see the comments at each assertion).
"""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import pytest

from presslens import load_story
from presslens.analyses.wordchoice import concordance, lexicon, matching
from presslens.analyses.wordchoice.concordance import kwic_terms
from presslens.engine import tables
from presslens.story.model import StoryError
from presslens.text import vocabulary

STORY = "data/stories/bytedance-openai-2023"
HT, TICKER, FIVE, NYP, T360 = "Hindustan Times", "ticker.tv", "en.5iter.com", "New York Post", "tech360.tv"


@pytest.fixture(scope="module")
def story():
    return load_story(STORY)


def write_story(root, articles: dict[str, str], lexicon_yaml: str = "") -> str:
    """A tiny story folder: one article per outlet (name -> text)."""
    (root / "articles").mkdir(parents=True)
    (root / "story.yaml").write_text(
        "title: Tiny story\nquestion: Does matching work?\nlanguage: en\n" + lexicon_yaml, encoding="utf-8")
    for i, (outlet, body) in enumerate(articles.items()):
        (root / "articles" / f"a{i}.md").write_text(
            f"---\noutlet: {outlet}\ntitle: null\npublished: 2023-12-{10 + i:02d}\nlanguage: en\n---\n{body}\n",
            encoding="utf-8")
    return str(root)


def voice(in_quote: bool) -> str:
    return "quote" if in_quote else "narration"


def hits_of(hits: pd.DataFrame, terms: set[str]) -> set[tuple[str, str, str]]:
    sel = hits[hits["term"].isin(terms)]
    return {(o, m.lower(), voice(q)) for o, m, q in zip(sel["outlet"], sel["matched"], sel["in_quote"])}


# ----------------------------------------------------------------------------------------------
# the bundled lexicon


def test_bundled_lexicon_is_versioned_and_complete():
    lex = lexicon.load_lexicon()
    assert lex.version == 2 and lex.sources
    required = {"secrecy_concealment", "wrongdoing_violation", "legality_rules", "hedging_attribution",
                "minimisation", "assertion_certainty", "competition_geopolitics", "compliance_defence"}
    assert required <= set(lex.names) and len(lex.names) >= 8
    for c in lex.categories.values():
        assert c.label and c.definition and c.source and c.terms
    terms = set(lex.table()["term"])
    for t in ["secret*", "cut corners", "whitewash*", "reportedly", "allegedly", "according to", "minimal",
              "limited extent", "small group", "rarely", "clearly", "confirm*", "explicit", "adhere", "licensed",
              "ensure", "conceal*"]:
        assert t in terms, t


# ----------------------------------------------------------------------------------------------
# the bundled story, read by hand


def test_cut_corners_whitewash_secret_on_bundled_story(story):
    hits = matching.match(story)
    # en.5iter.com, lede: wants to "cut corners." (inside straight double quotes); no one else.
    assert hits_of(hits, {"cut corners"}) == {(FIVE, "cut corners", "quote")}
    # HT: how to ‘whitewash’ the evidence (single curly quotes); NYP: how to “whitewash” evidence;
    # en.5iter.com: they discussed how to whitewash evidence through "data desensitization." (narration).
    assert hits_of(hits, {"whitewash*"}) == {(HT, "whitewash", "quote"), (NYP, "whitewash", "quote"),
                                            (FIVE, "whitewash", "narration")}
    # ticker.tv: had been “secretly” utilizing; NYP: was “secretly” using, and a “secretive” internal
    # initiative; en.5iter.com: The company has been secretly using (narration). HT and tech360 have
    # no secret- word (tech360 says "attempting to conceal", matched by conceal*, not secret*).
    assert hits_of(hits, {"secret*"}) == {(TICKER, "secretly", "quote"), (NYP, "secretly", "quote"),
                                         (NYP, "secretive", "quote"), (FIVE, "secretly", "narration")}
    assert hits_of(hits, {"conceal*"}) == {(T360, "conceal", "narration")}


def test_hit_table_columns_and_offsets(story):
    hits = matching.match(story)
    assert list(hits.columns[:10]) == ["sent_id", "article_id", "outlet", "category", "term", "matched", "tok_idx",
                                       "n_tokens", "in_quote", "part"]
    sents = tables.process(story).sentences.set_index("sent_id")
    for r in hits.itertuples():
        assert sents.loc[r.sent_id, "text"][r.start:r.end] == r.matched
    # "cut corners" is in the first paragraph (lede) of en.5iter.com, two tokens long
    cc = hits[hits["term"] == "cut corners"].iloc[0]
    assert (cc["part"], cc["n_tokens"], cc["category"]) == ("lede", 2, "wrongdoing_violation")


def test_minimisation_hits_on_bundled_story(story):
    hits = matching.match(story)
    got = hits[hits["category"] == "minimisation"]
    # ticker: "albeit to a limited extent" counts once (longest phrase wins over "limited extent")
    t = got[got["outlet"] == TICKER]
    assert sorted(t["term"]) == ["evaluation and testing", "minimal", "to a limited extent"]
    # OpenAI's "minimal" is quoted by HT and NYP, paraphrased in narration by ticker and tech360;
    # en.5iter.com's translation says "rarely uses" inside the quote instead.
    minimal = {(o, voice(q)) for o, term, q in zip(got["outlet"], got["term"], got["in_quote"]) if term == "minimal"}
    assert minimal == {(HT, "quote"), (NYP, "quote"), (TICKER, "narration"), (T360, "narration")}
    rarely = got[got["term"] == "rarely"]
    assert list(zip(rarely["outlet"], rarely["in_quote"])) == [(FIVE, True)]


# ----------------------------------------------------------------------------------------------
# matching rules on a tiny story


def test_phrase_inflection_case_and_wildcards(tmp_path):
    path = write_story(tmp_path / "tiny", {
        "A": "They were CUTTING Corners again. Staff Whitewashed the logs. It complied with the rules.",
        "B": "He cut, corners were fine. The ban was banned. According to the firm, it ensured compliance.",
    })
    s = load_story(path)
    lex = lexicon.term_lexicon(["cut corners", "whitewash*", "comply", "ban", "according to", "ensure", "rule"])
    h = matching.match(s, lex)
    got = {(o, t, m) for o, t, m in zip(h["outlet"], h["term"], h["matched"])}
    assert got == {
        ("A", "cut corners", "CUTTING Corners"),       # doubled consonant + -ing, any case
        ("A", "whitewash*", "Whitewashed"),             # trailing wildcard
        ("A", "comply", "complied"),                    # y -> ied
        ("A", "rule", "rules"),                         # +s
        ("B", "cut corners", "cut, corners"),           # punctuation between words does not break a phrase
        ("B", "ban", "ban"), ("B", "ban", "banned"),
        ("B", "according to", "According to"),
        ("B", "ensure", "ensured"),                     # e + d
    }


def test_phrases_stay_inside_sentences_and_function_words_are_exact(tmp_path):
    path = write_story(tmp_path / "tiny", {
        "A": "They decided to cut. Corners were tidy. According tos nothing. The thing was secret.",
    })
    s = load_story(path)
    h = matching.match(s, lexicon.term_lexicon(["cut corners", "according to", "the", "secret"]))
    # "cut. Corners" spans two sentences; "tos" is not an inflection of the function word "to";
    # "the" does not match "thing" (function words are never inflected); "secret" matches itself.
    assert sorted(h["matched"]) == ["The", "secret"]
    assert vocabulary.inflections("to") == {"to"}
    assert {"secrets", "secretly"} <= vocabulary.inflections("secret")
    assert "secreted" not in vocabulary.inflections("secret")  # that is the verb "secrete" (glands), not "secret"
    assert {"ensures", "ensured", "ensuring"} <= vocabulary.inflections("ensure")
    assert {"complies", "complied"} <= vocabulary.inflections("comply")
    assert {"cutting", "banned"} <= vocabulary.inflections("cut") | vocabulary.inflections("ban")


def test_irregular_forms_come_from_the_dictionary():
    assert {"hid", "hidden", "hiding"} <= vocabulary.inflections("hide")
    assert {"stole", "stolen"} <= vocabulary.inflections("steal")
    assert {"shown", "showed"} <= vocabulary.inflections("show")
    assert {"lied", "lying"} <= vocabulary.inflections("lie")
    assert "liing" not in vocabulary.inflections("lie") and "lay" not in vocabulary.inflections("lie")  # "lay" is a verb of its own
    toks = pd.DataFrame({"sent_id": [0] * 6, "article_id": ["a"] * 6, "outlet": ["o"] * 6, "tok_idx": range(6),
                         "token": ["it", "was", "proven", "and", "lay", "hidden"], "start": range(6), "end": range(6),
                         "in_quote": [False] * 6, "part": ["body"] * 6})
    h = matching.match(toks, lexicon.term_lexicon(["prove", "lie", "hide"]))
    assert sorted(h["term"]) == ["hide", "prove"]  # proven -> prove through its lemma; lay is not lie


def test_possessive_and_curly_apostrophes_in_terms(tmp_path):
    path = write_story(tmp_path / "tiny", {"A": "ByteDance’s staff don’t want to get caught. They can't."})
    s = load_story(path)
    h = matching.match(s, lexicon.term_lexicon(["bytedance's", "don't want", "can’t"]))
    assert sorted(h["term"]) == ["bytedance's", "can’t", "don't want"]


def test_overlaps_resolved_within_a_category_not_across(tmp_path):
    path = write_story(tmp_path / "tiny", {"A": "It was used to a limited extent by a small group."})
    s = load_story(path)
    (tmp_path / "lex.yaml").write_text(textwrap.dedent("""\
        version: 1
        sources: [{id: test, cite: written for this test}]
        categories:
          minimisation:
            label: Min
            definition: d
            source: test
            terms: [limited extent, to a limited extent, limited, small group]
          scale:
            label: Scale
            definition: d
            source: test
            terms: [limited]
        """), encoding="utf-8")
    lex = lexicon.load_lexicon(tmp_path / "lex.yaml")
    h = matching.match(s, lex)
    got = sorted(zip(h["category"], h["term"]))
    assert got == [("minimisation", "small group"), ("minimisation", "to a limited extent"), ("scale", "limited")]


def test_match_on_a_bare_token_table_equals_story(story):
    from_story = matching.match(story)
    from_tokens = matching.match(tables.process(story).tokens, lexicon.lexicon_for(story))
    cols = ["sent_id", "category", "term", "tok_idx", "n_tokens", "in_quote"]
    pd.testing.assert_frame_equal(from_story[cols], from_tokens[cols])
    # shuffled input gives the same hits
    shuffled = tables.process(story).tokens.sample(frac=1, random_state=1)
    pd.testing.assert_frame_equal(from_story[cols], matching.match(shuffled, lexicon.lexicon_for(story))[cols])


# ----------------------------------------------------------------------------------------------
# validation


def test_bad_lexicon_file_names_file_and_fields(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(textwrap.dedent("""\
        version: one
        sources: [{id: x, cite: somewhere}]
        categories:
          secrecy:
            label: Secrecy
            definition: hidden things
            source: test
            terms: secret*
          wrongdoing:
            label: Wrongdoing
            definition: bad things
            source: test
            termz: [violat*]
          hedging:
            label: Hedging
            definition: distance
            source: test
            terms: ['con*ceal', 'se*', 'secret\\\\w+', 'reportedly', 'Reportedly']
          empty:
            label: Empty
            definition: nothing
            source: test
            terms: []
        """), encoding="utf-8")
    with pytest.raises(StoryError) as err:
        lexicon.load_lexicon(bad)
    msg = str(err.value)
    fields = {p.field for p in err.value.problems}
    assert all(p.file.endswith("bad.yaml") for p in err.value.problems)
    assert "bad.yaml" in msg
    assert {"version", "categories.secrecy.terms", "categories.wrongdoing.termz", "categories.wrongdoing.terms",
            "categories.hedging.terms[0]", "categories.hedging.terms[1]", "categories.hedging.terms[2]",
            "categories.hedging.terms[4]", "categories.empty.terms"} <= fields
    assert "must be a list" in msg and "may only end a word" in msg and "at least 3 letters" in msg
    assert "not regular expressions" in msg and "repeats" in msg
    assert "rename it to 'terms'" in msg  # the typo gets a suggestion


def test_missing_and_invalid_yaml(tmp_path):
    with pytest.raises(StoryError, match="is not a file"):
        lexicon.load_lexicon(tmp_path / "nope.yaml")
    (tmp_path / "broken.yaml").write_text("categories: [unclosed\n", encoding="utf-8")
    with pytest.raises(StoryError, match="broken.yaml.*not valid YAML"):
        lexicon.load_lexicon(tmp_path / "broken.yaml")


# ----------------------------------------------------------------------------------------------
# story overrides


def test_story_overrides_add_remove_and_new_category(tmp_path):
    path = write_story(tmp_path / "tiny", {"A": "It was quietly done, all hush-hush, by a spin doctor."}, textwrap.dedent("""\
        lexicon:
          secrecy_concealment:
            add: [hush-hush, secret*]
            remove: [quietly]
          spin:
            label: Spin
            definition: public-relations language
            terms: [spin doctor*]
        """))
    s = load_story(path)
    lex = lexicon.lexicon_for(s)
    sec = lex.categories["secrecy_concealment"]
    assert "hush-hush" in sec.terms and "quietly" not in sec.terms
    assert sec.terms.count("secret*") == 1  # adding a term already there is a no-op
    assert "story overrides in tiny/story.yaml" in sec.source
    assert lex.names[-1] == "spin" and lex.categories["spin"].source == "story override in tiny/story.yaml"
    h = matching.match(s)  # match() applies the story's overrides by default
    assert set(zip(h["category"], h["matched"])) >= {("secrecy_concealment", "hush-hush"), ("spin", "spin doctor")}
    assert "quietly" not in set(h["matched"])
    # the base lexicon is untouched
    assert "quietly" in lexicon.load_lexicon().categories["secrecy_concealment"].terms


def test_bad_story_overrides(tmp_path):
    path = write_story(tmp_path / "tiny", {"A": "text."}, textwrap.dedent("""\
        lexicon:
          secrecy:
            add: [hush-hush]
          secrecy_concealment:
            remove: [quietlyy]
            replace: [x]
          wrongdoing_violation: [cheat]
        """))
    s = load_story(path)
    with pytest.raises(StoryError) as err:
        lexicon.lexicon_for(s)
    probs = {(p.file, p.field) for p in err.value.problems}
    assert {("tiny/story.yaml", "lexicon.secrecy"), ("tiny/story.yaml", "lexicon.secrecy_concealment.remove"),
            ("tiny/story.yaml", "lexicon.secrecy_concealment.replace"),
            ("tiny/story.yaml", "lexicon.wrongdoing_violation")} <= probs
    msg = str(err.value)
    assert "did you mean 'secrecy_concealment'" in msg and "did you mean 'quietly'" in msg


# ----------------------------------------------------------------------------------------------
# rates, by part, bootstrap


def test_rates_counts_by_voice(story):
    r = matching.rates(story, n_boot=200)
    sents = tables.process(story).sentences
    assert len(r) == len(story.outlets) * len(lexicon.lexicon_for(story).names) * 3
    sec = r[r["category"] == "secrecy_concealment"].set_index(["outlet", "voice"])
    # by hand: HT ‘whitewash’ (quote); ticker “secretly” (quote); en.5iter secretly + whitewash
    # (narration) and "data desensitization" (quote); NYP “secretly”, “secretive”, “whitewash” (all
    # quoted); tech360 "attempting to conceal" (narration).
    expected = {HT: (0, 1), TICKER: (0, 1), FIVE: (2, 1), NYP: (0, 3), T360: (1, 0)}
    for outlet, (narr, quote) in expected.items():
        assert sec.loc[(outlet, "narration"), "hits"] == narr
        assert sec.loc[(outlet, "quote"), "hits"] == quote
        assert sec.loc[(outlet, "all"), "hits"] == narr + quote
        o = sents[sents["outlet"] == outlet]
        assert sec.loc[(outlet, "all"), "words"] == o["n_words"].sum()
        assert sec.loc[(outlet, "quote"), "words"] == o["n_quoted"].sum()
        assert sec.loc[(outlet, "narration"), "rate_per_1000"] == pytest.approx(
            1000 * narr / (o["n_words"].sum() - o["n_quoted"].sum()))
    # tech360 quotes no one: no quoted words, so no quote rate
    assert sec.loc[(T360, "quote"), "words"] == 0 and np.isnan(sec.loc[(T360, "quote"), "rate_per_1000"])
    # ticker.tv's only quoted word is “secretly”: 1 hit in 1 word, flagged
    assert sec.loc[(TICKER, "quote"), "words"] == 1 and sec.loc[(TICKER, "quote"), "few_words"]
    ok = r.dropna(subset=["ci_low"])
    assert (ok["ci_low"] <= ok["ci_high"]).all()


def test_bootstrap_is_reproducible(story):
    a = matching.rates(story, n_boot=300, seed=7)
    b = matching.rates(story, n_boot=300, seed=7)
    c = matching.rates(story, n_boot=300, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["ci_high"].fillna(-1), c["ci_high"].fillna(-1))
    pd.testing.assert_frame_equal(matching.by_part(story, n_boot=100, seed=3), matching.by_part(story, n_boot=100, seed=3))


def test_by_part_splits_title_lede_from_body(story):
    p = matching.by_part(story, n_boot=50)
    r = matching.rates(story, n_boot=50)
    total = p.groupby(["outlet", "category"])["hits"].sum()
    alls = r[r["voice"] == "all"].set_index(["outlet", "category"])["hits"]
    assert (total.sort_index() == alls.sort_index()).all()
    wd = p[(p["category"] == "wrongdoing_violation") & (p["outlet"] == FIVE)].set_index("section")
    # en.5iter.com's first paragraph: "cut corners" and "violates"
    assert wd.loc["title+lede", "hits"] == 2
    # HT's headline "OpenAI temporarily suspends ..." is minimisation in the title
    mn = p[(p["category"] == "minimisation") & (p["outlet"] == HT)].set_index("section")
    assert mn.loc["title+lede", "hits"] == 1


# ----------------------------------------------------------------------------------------------
# KWIC


def test_kwic_term_and_regex(story):
    k = concordance.kwic(story, "Cut Corners")
    assert len(k) == 1
    row = k.iloc[0]
    assert (row["outlet"], row["voice"], row["match"], row["part"]) == (FIVE, "quote", "cut corners", "lede")
    assert row["left"].endswith('wants to "') and row["right"] == '."'
    assert list(k.columns) == ["article_id", "outlet", "sent_id", "sent_idx", "part", "voice", "left", "match",
                               "right", "sentence"]
    term = concordance.kwic(story, "secret*", window=3)
    rx = concordance.kwic(story, r"\bsecret\w*", regex=True, window=3)
    pd.testing.assert_frame_equal(term, rx)
    assert list(term["outlet"]) == [TICKER, FIVE, NYP, NYP]  # story order of outlets
    assert list(term["voice"]) == ["quote", "narration", "quote", "quote"]
    assert term.iloc[1]["left"] == "company has been" and term.iloc[1]["right"] == "using OpenAI's technology"
    with pytest.raises(ValueError, match="not a valid regular expression"):
        concordance.kwic(story, "secret(", regex=True)
    with pytest.raises(StoryError, match="may only end a word"):
        concordance.kwic(story, "*secret")


def test_kwic_hits_drill_down(story):
    hits = matching.match(story)
    k = concordance.kwic_hits(story, hits[hits["category"] == "secrecy_concealment"])
    assert len(k) == (hits["category"] == "secrecy_concealment").sum()
    assert set(k["term"]) == {"secret*", "whitewash*", "conceal*", "desensitiz*"}


def test_kwic_terms_stacks_focus_terms_in_order():
    from .conftest import BUNDLED

    k = kwic_terms(load_story(BUNDLED), ["cut corners", "whitewash"])
    assert k.columns[0] == "term"
    assert k[["term", "outlet", "voice"]].values.tolist() == [
        ["cut corners", "en.5iter.com", "quote"],
        ["whitewash", "Hindustan Times", "quote"], ["whitewash", "en.5iter.com", "narration"],
        ["whitewash", "New York Post", "quote"]]
