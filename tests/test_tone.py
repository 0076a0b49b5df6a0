"""Tone: VADER per sentence, narration apart from quotes, actors by alias, bootstrap intervals.

Expected scores are VADER's own output on the same strings (the analyser is the reference); the
sentence splits, voices, counts and means are checked by hand.
"""

import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from presslens import load_story
from presslens.analyses import tone
from presslens.text import sentiment

from .conftest import BUNDLED

VADER = SentimentIntensityAnalyzer()


def vader(s):
    return VADER.polarity_scores(s)["compound"]


STORY_YAML = """\
title: Tone test story
question: Does the tone module split narration from quotes?
actors:
  - name: OpenAI
    aliases: [OpenAI, ChatGPT-maker]
  - name: ChatGPT
    aliases: [ChatGPT]
  - name: GPT
    aliases: [GPT, GPT-4]
  - name: Doubao
    aliases: [Doubao]
    renderings:
      - form: Duobao
        kind: misspelling
"""

ALPHA = """\
---
outlet: Alpha
title: Company faces questions
published: 2023-12-19
language: en
translated_from: null
---
The company released a report on Tuesday. A spokesperson said: "This is a terrible, disgusting failure."
Duobao was launched in August. ChatGPT is widely used. OpenAI sells GPT models to the ChatGPT-maker's rivals.
"We will fix it quickly."
"""

BETA = """\
---
outlet: Beta
title: null
published: 2023-12-20
language: en
translated_from: zh
---
The wonderful Doubao app is great. The GPT-4 model is good.
"""


@pytest.fixture
def tiny(tmp_path):
    root = tmp_path / "tone-story"
    (root / "articles").mkdir(parents=True)
    (root / "story.yaml").write_text(STORY_YAML, encoding="utf-8")
    (root / "articles" / "alpha.md").write_text(ALPHA, encoding="utf-8")
    (root / "articles" / "beta.md").write_text(BETA, encoding="utf-8")
    return load_story(root)


@pytest.fixture(scope="module")
def bundled():
    return load_story(BUNDLED)


def row(df, start):
    hit = df[df["text"].str.startswith(start)]
    assert len(hit) == 1, (start, df["text"].tolist())
    return hit.iloc[0]


# ----------------------------------------------------------------------------------------------


def test_curly_quotes_and_apostrophes_are_made_ascii_before_vader():
    # VADER strips only ASCII punctuation: “good” would be an unknown word and don’t would not negate
    assert vader("It was “good”") == 0.0
    assert sentiment.score_text("It was “good”")["compound"] == vader('It was "good"') > 0
    assert vader("it isn’t good") > 0 > sentiment.score_text("it isn’t good")["compound"] == vader("it isn't good")


def test_every_sentence_is_scored_and_narration_is_split_from_the_quote(tiny):
    st = tone.sentence_tone(tiny)
    assert len(st) == 9  # Alpha: title + 6 sentences; Beta: 2 sentences (no title)
    assert st["compound"].notna().all()

    mixed = row(st, "A spokesperson said:")
    assert mixed["voice"] == "mixed"
    assert mixed["narration"] == "A spokesperson said: …"
    assert mixed["quoted"] == "This is a terrible, disgusting failure."
    # the quoted words are clearly negative, the outlet's own words neutral
    assert mixed["quote_compound"] == vader("This is a terrible, disgusting failure.") < -0.7
    assert mixed["narration_compound"] == vader("A spokesperson said: …") == 0.0
    assert mixed["compound"] == vader('A spokesperson said: "This is a terrible, disgusting failure."')
    for k in ("pos", "neu", "neg"):
        assert mixed[f"quote_{k}"] == VADER.polarity_scores("This is a terrible, disgusting failure.")[k]

    plain = row(st, "The company released")
    assert plain["voice"] == "narration"
    assert plain["narration_compound"] == plain["compound"] == vader("The company released a report on Tuesday.")
    assert np.isnan(plain["quote_compound"])

    allquote = row(st, '"We will fix it quickly."')
    assert allquote["voice"] == "quote"
    assert np.isnan(allquote["narration_compound"])
    assert allquote["quote_compound"] == vader("We will fix it quickly.")

    assert row(st, "The wonderful Doubao")["translated_from"] == "zh"


def test_sentence_tone_is_memoised_and_returns_a_fresh_copy(tiny):
    a = tone.sentence_tone(tiny)
    a.loc[:, "compound"] = 99.0
    b = tone.sentence_tone(tiny)
    assert (b["compound"] != 99.0).all()
    # the memo is used: the same table object is copied, not recomputed
    assert b is not tone.sentence_tone(tiny) and tone.sentence_tone(tiny).equals(b)


def test_outlet_tone_by_hand(tiny):
    st = tone.sentence_tone(tiny)
    ot = tone.outlet_tone(tiny, n_boot=500).set_index("outlet")
    assert list(ot.index) == ["Alpha", "Beta"]  # story.outlets order (by date)
    beta = st[st["outlet"] == "Beta"]["compound"].to_numpy()
    assert list(beta) == [vader("The wonderful Doubao app is great."), vader("The GPT-4 model is good.")]
    b = ot.loc["Beta"]
    assert b["n_sentences"] == 2 and b["small_sample"]
    assert b["mean"] == pytest.approx(beta.mean())
    assert b["median"] == pytest.approx(np.median(beta))
    assert b["share_positive"] == 1.0 and b["share_negative"] == 0.0
    assert beta.min() <= b["ci_low"] <= b["mean"] <= b["ci_high"] <= beta.max()
    assert b["translated_from"] == "zh"

    alpha = st[st["outlet"] == "Alpha"]["compound"].to_numpy()
    a = ot.loc["Alpha"]
    assert a["n_sentences"] == 7
    assert a["share_negative"] == pytest.approx(np.mean(alpha <= -0.05))
    assert a["share_positive"] == pytest.approx(np.mean(alpha >= 0.05))

    # narration leaves out the all-quote sentence; quote keeps only sentences with a quote
    assert tone.outlet_tone(tiny, voice="narration").set_index("outlet").loc["Alpha", "n_sentences"] == 6
    q = tone.outlet_tone(tiny, voice="quote").set_index("outlet")
    assert q.loc["Alpha", "n_sentences"] == 2 and q.loc["Beta", "n_sentences"] == 0
    assert np.isnan(q.loc["Beta", "mean"])
    # parts: the title can be left out
    assert tone.outlet_tone(tiny, parts=["lede", "body"]).set_index("outlet").loc["Alpha", "n_sentences"] == 6
    with pytest.raises(ValueError, match="voice"):
        tone.outlet_tone(tiny, voice="quotes")


def test_bootstrap_is_reproducible_and_seed_dependent(bundled):
    a = tone.outlet_tone(bundled, seed=0)
    b = tone.outlet_tone(bundled, seed=0)
    c = tone.outlet_tone(bundled, seed=1)
    pd.testing.assert_frame_equal(a, b)
    assert (a["mean"] == c["mean"]).all()  # the point estimate does not depend on the seed
    assert not np.allclose(a[["ci_low", "ci_high"]], c[["ci_low", "ci_high"]])
    assert (a["ci_low"] <= a["mean"]).all() and (a["mean"] <= a["ci_high"]).all()
    # an outlet's interval does not depend on which other outlets are in the analysis
    one = tone.outlet_tone(bundled.subset(["New York Post"]), seed=0)
    full = a.set_index("outlet").loc["New York Post"]
    assert one.iloc[0]["ci_low"] == full["ci_low"] and one.iloc[0]["ci_high"] == full["ci_high"]


def test_bootstrap_ci_by_hand():
    # every resample of a constant is the constant; one value gives a degenerate interval
    assert tone.bootstrap_ci([0.5, 0.5, 0.5]) == (0.5, 0.5)
    assert tone.bootstrap_ci([0.3]) == (0.3, 0.3)
    assert all(np.isnan(tone.bootstrap_ci([])))
    lo, hi = tone.bootstrap_ci([-1.0, 1.0] * 50, n_boot=4000, rng=np.random.default_rng(0))
    # mean of 100 draws of +-1: sd 0.1, so the 95% interval is about +-0.196
    assert lo == pytest.approx(-0.196, abs=0.03) and hi == pytest.approx(0.196, abs=0.03)


def test_actor_mentions_by_alias_and_word_boundary(tiny):
    m = tone.actor_mentions(tiny)
    got = sorted(zip(m["outlet"], m["actor"], m["form"], m["matched"]))
    assert got == sorted([
        ("Alpha", "Doubao", "Duobao", "Duobao"),             # the misspelling counts for Doubao
        ("Alpha", "ChatGPT", "ChatGPT", "ChatGPT"),          # ... and is not a GPT mention
        ("Alpha", "OpenAI", "OpenAI", "OpenAI"),
        ("Alpha", "GPT", "GPT", "GPT"),
        ("Alpha", "OpenAI", "ChatGPT-maker", "ChatGPT-maker"),  # longest form wins: not ChatGPT
        ("Beta", "Doubao", "Doubao", "Doubao"),
        ("Beta", "GPT", "GPT-4", "GPT-4"),
    ])
    at = tone.actor_tone(tiny, n_boot=200).set_index(["outlet", "actor"])
    assert len(at) == 2 * 4  # every outlet x actor, zeros included
    assert at.loc[("Alpha", "OpenAI"), "n_sentences"] == 1 and at.loc[("Alpha", "OpenAI"), "n_mentions"] == 2
    assert at.loc[("Alpha", "GPT"), "n_sentences"] == 1
    assert at.loc[("Beta", "ChatGPT"), "n_sentences"] == 0 and np.isnan(at.loc[("Beta", "ChatGPT"), "mean"])
    assert at.loc[("Alpha", "Doubao"), "mean"] == vader("Duobao was launched in August.")
    assert at["small_sample"].all()


def test_actor_aliases_in_the_bundled_story(bundled):
    m = tone.actor_mentions(bundled)
    nyp = m[m["outlet"] == "New York Post"]
    duobao = nyp[nyp["form"] == "Duobao"]
    assert set(duobao["actor"]) == {"Doubao"} and len(duobao) == 2
    assert list(duobao["in_quote"]) == [True, False]  # dubbed “Duobao,” ... Duobao is already available
    assert set(m.loc[m["form"] == "Beanbao", "outlet"]) == {"en.5iter.com"}
    assert set(m.loc[m["form"] == "ChatGPT-maker", "actor"]) == {"OpenAI"}
    # no form ever matches inside a longer word
    for r in m.itertuples():
        before = r.text[r.start - 1] if r.start else " "
        after = r.text[r.end] if r.end < len(r.text) else " "
        assert not before.isalnum() and not after.isalnum(), (r.matched, r.text)
    # "GPT" inside "ChatGPT" is never a GPT-form match
    gpt = m[m["form"] == "GPT"]
    assert not any(t[max(0, s - 4):s].lower() == "chat" for t, s in zip(gpt["text"], gpt["start"]))


def test_tone_arc_bins_by_position(tiny):
    arc = tone.tone_arc(tiny, bins=2, n_boot=100)
    assert len(arc) == 2 * 2
    st = tone.sentence_tone(tiny)
    alpha = st[(st["outlet"] == "Alpha") & st["position"].notna()].sort_values("sent_idx")
    # 6 lede/body sentences at positions 0, .2, .4, .6, .8, 1 -> bins [0, .5) and [.5, 1]
    assert list(alpha["position"]) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    a = arc[arc["outlet"] == "Alpha"].set_index("bin")
    assert list(a["n_sentences"]) == [3, 3]
    assert a.loc[0, "mean"] == pytest.approx(alpha["compound"].iloc[:3].mean())
    assert a.loc[1, "mean"] == pytest.approx(alpha["compound"].iloc[3:].mean())
    with pytest.raises(ValueError):
        tone.tone_arc(tiny, bins=0)


def test_extremes_are_past_vaders_thresholds(tiny):
    ex = tone.extremes(tiny, n=1)
    a = ex[ex["outlet"] == "Alpha"].set_index("kind")
    assert a.loc["most negative", "text"].startswith("A spokesperson said:")
    assert a.loc["most negative", "score"] <= -0.05
    b = ex[ex["outlet"] == "Beta"]
    assert list(b["kind"]) == ["most positive"]  # Beta has no negative sentence: no row, not a neutral one
    assert b.iloc[0]["text"] == "The wonderful Doubao app is great."


def test_a_sentence_that_lost_its_full_stops_is_scored_in_bounded_time():
    """VADER is quadratic in a sentence's length (20,000 words took minutes): a string over
    ``VADER_WORDS`` words is scored in windows of that many words, their mean weighted by words."""
    import time
    words = ("the good plan was bad great and terrible for happy members " * 1000).split()  # lexicon words cost
    t0 = time.process_time()
    got = sentiment.score_text(" ".join(words))
    assert time.process_time() - t0 < 3, "VADER on an 11,000-word sentence must take seconds, not minutes"
    window = VADER.polarity_scores(" ".join(words[:sentiment.VADER_WORDS]))
    assert set(got) == {"compound", "pos", "neu", "neg"}
    assert abs(got["pos"] - window["pos"]) < 0.05 and abs(got["neg"] - window["neg"]) < 0.05


def test_sentences_within_the_window_are_vaders_own_scores():
    s = " ".join(["good"] * sentiment.VADER_WORDS)
    assert sentiment.score_text(s) == VADER.polarity_scores(s)
    assert sentiment.score_text("It was not a “bad” plan — really.") == VADER.polarity_scores('It was not a "bad" plan  -  really.')


def test_score_rows_scores_a_repeated_string_once_per_process(monkeypatch):
    """A sentence repeated across articles (a wire's paragraph in many outlets) is scored by VADER once;
    the rows are the same as scoring it afresh, and the memo keeps the last SCORE_MEMO strings only
    (bounded memory: the least recently used is scored again)."""
    calls = []
    real = sentiment.score_text
    monkeypatch.setattr(sentiment, "score_text", lambda s: calls.append(s) or real(s))
    sentiment._score.cache_clear()
    s = "The Harbour council said the ferry plan was a terrible mistake."
    first = sentiment.score_rows([(s, s, "")])  # one article
    again = sentiment.score_rows([(s, s, "")])  # another article, the same sentence
    assert first == again
    assert first[0][0] == "narration" and first[0][1] == VADER.polarity_scores(s)["compound"] < 0
    assert calls == [s]  # scored once for both articles
    assert sentiment._score.cache_info().maxsize == sentiment.SCORE_MEMO
    monkeypatch.setattr(sentiment, "score_text", lambda s: calls.append(s) or {k: 0.0 for k in sentiment.SCORE_KEYS})
    for i in range(sentiment.SCORE_MEMO):  # SCORE_MEMO other strings: the first one is the least recently used
        sentiment._score(f"Harbour line {i}.")
    assert sentiment._score.cache_info().currsize == sentiment.SCORE_MEMO
    calls.clear()
    sentiment._score(f"Harbour line {sentiment.SCORE_MEMO - 1}.")  # still kept
    sentiment._score(s)  # pushed out: scored again
    assert calls == [s]
    sentiment._score.cache_clear()
