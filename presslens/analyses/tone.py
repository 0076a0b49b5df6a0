"""Tone: VADER sentiment per sentence, for the outlet's own narration apart from quoted material.

Every sentence of a story is scored once with VADER (Hutto & Gilbert 2014,
``vaderSentiment.SentimentIntensityAnalyzer``) three times over: the whole sentence, its narration
(the text outside quotation marks, see ``text.process(story).sentences.narration``) and its quoted
part. The scores are memoised per story (keyed by :func:`presslens.engine.keys.story_key` and the text module's
source hash), so every analysis below reuses them.

Reading the numbers:

- ``compound`` is VADER's normalised score in [-1, 1]. VADER's documented thresholds are used
  throughout: negative when ``compound <= -0.05``, positive when ``compound >= 0.05``, else neutral.
- The unit is the sentence, not the article: an outlet's tone is a distribution over its sentences,
  summarised with a mean and a bootstrap 95% interval (percentile method, resampling sentences).
  A bootstrap interval over a handful of sentences is wide and itself unstable: every aggregate
  carries ``n`` and ``small_sample`` (``n < SMALL_N``).
- VADER was built for social-media English. News prose is mostly neutral to it; words such as
  "secretly" or "whitewash" carry no (or even positive) valence in its lexicon, so loaded framing is
  better read from the word-choice analysis. Tone of a machine-translated article measures the
  translation (see ``translated_from``).
- Before scoring, typographic quotes, apostrophes and dashes are mapped to ASCII (:func:`vader_text`):
  VADER strips only ASCII punctuation, so ``“good”`` would otherwise score 0 and ``don’t`` would not
  negate, which would bias outlets that use curly quotes.

Bootstrap intervals are seeded per group by the group's own values (:func:`presslens.stats.data_rng`), so an
outlet's interval does not change when other outlets are added, removed or reordered, and two outlets that ran the same text (a wire's copy) get the same interval: a finding never
sets one copy "wholly below zero" and another not by resampling noise.
"""
from __future__ import annotations

from typing import Iterable
import numpy as np
import pandas as pd

from presslens.errors import ParameterError
from presslens import stats
from presslens.analyses.naming import names
from presslens.engine import keys, sanity, store, tables
from presslens.engine.memo import story_table
from presslens.story.model import Story
from presslens.text.sentiment import TONE_COLS, score_sentences


NEG_THRESHOLD = -0.05  # VADER's documented thresholds for the compound score
POS_THRESHOLD = 0.05
SMALL_N = 10  # aggregates over fewer sentences are flagged small_sample
VOICES = {"all": "compound", "narration": "narration_compound", "quote": "quote_compound"}
_MEMO: dict[str, pd.DataFrame] = store.in_memory({})


def sentence_tone(story: Story) -> pd.DataFrame:
    """One row per sentence of ``story`` (all parts: title, lede, body) with VADER scores.

    Columns: those of ``text.process(story).sentences`` plus ``translated_from``, ``voice`` and
    ``compound``/``pos``/``neu``/``neg`` for the whole sentence, ``narration_*`` for the text
    outside quotes (NaN when the sentence is all quote) and ``quote_*`` for the quoted part (NaN
    when there is none). Computed once per story and memoised; a fresh copy is returned.
    """
    key = keys.story_key(story)  # see presslens.engine.keys
    if key not in _MEMO:
        if len(_MEMO) > 8:  # a few stories (or subsets) at a time; the tables themselves are cached
            _MEMO.clear()
        p = tables.process(story)
        sents = p.sentences
        if p.tone is not None and len(p.tone) == len(sents):  # scored in the per-article stage
            scored = sents.copy()
            for col in TONE_COLS:
                scored[col] = p.tone[col].to_numpy()
        else:
            scored = score_sentences(sents)
        tr = story.articles.set_index("id")["translated_from"]
        scored.insert(3, "translated_from", scored["article_id"].map(tr))
        _MEMO[key] = scored
    return _MEMO[key].copy()


# ----------------------------------------------------------------------------------------------
# summaries


def _rng(seed: int, values) -> np.random.Generator:
    """A group's random generator, from ``seed`` and the group's own values (see the module docstring)."""
    return stats.data_rng(seed, values)


def bootstrap_ci(values: Iterable[float], n_boot: int = 2000, rng: np.random.Generator | None = None,
                 level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval for the mean of ``values`` (:func:`presslens.stats.mean_ci`).

    NaN for no values; the value itself for one value (a degenerate interval: read ``n``).
    """
    v = np.asarray(list(values) if not isinstance(values, np.ndarray) else values, dtype=float)
    return stats.mean_ci(v, n_boot, rng, level)  # no rng: seed 0


def _summary(values: np.ndarray, n_boot: int, rng: np.random.Generator | None) -> dict:
    v = np.asarray(values, dtype=float)
    v = v[~np.isnan(v)]
    n = len(v)
    lo, hi = bootstrap_ci(v, n_boot, rng)
    return {
        "n_sentences": n,
        "mean": float(v.mean()) if n else np.nan,
        "ci_low": lo,
        "ci_high": hi,
        "median": float(np.median(v)) if n else np.nan,
        "share_negative": float((v <= NEG_THRESHOLD).mean()) if n else np.nan,
        "share_positive": float((v >= POS_THRESHOLD).mean()) if n else np.nan,
        "small_sample": n < SMALL_N,
    }


def _column(voice: str) -> str:
    if voice not in VOICES:
        raise ParameterError.bad("tone", "voice", f"voice={voice!r} is not a voice",
                                 f"use one of {sorted(VOICES)} ('all' = whole sentences)")
    return VOICES[voice]


def _select_parts(df: pd.DataFrame, parts: Iterable[str] | None) -> pd.DataFrame:
    if parts is None:
        return df
    parts = [parts] if isinstance(parts, str) else list(parts)
    bad = sorted(set(parts) - {"title", "lede", "body"})
    if bad:
        raise ParameterError.bad("tone", "parts", f"parts={bad} are not parts of an article", "use any of 'title', 'lede', 'body'")
    return df[df["part"].isin(parts)]


def outlet_tone(story: Story, voice: str = "all", n_boot: int = 2000, seed: int = 0,
                parts: Iterable[str] | None = None) -> pd.DataFrame:
    """Tone per outlet: the distribution of sentence compound scores, summarised.

    ``voice``: ``'all'`` (whole sentences), ``'narration'`` (the text outside quotes, sentences that
    are all quote left out) or ``'quote'`` (quoted parts only). ``parts`` restricts to title/lede/
    body (default: all). One row per outlet in ``story.outlets`` order with ``n_sentences``,
    ``mean``, ``ci_low``/``ci_high`` (bootstrap 95%, ``n_boot`` resamples of the outlet's sentences),
    ``median``, ``share_negative`` (compound <= -0.05), ``share_positive`` (>= 0.05),
    ``small_sample`` (n < 10) and ``translated_from``.
    """
    col = _column(voice)
    df = _select_parts(sentence_tone(story), parts)
    tr = story.translations
    rows = []
    values = df[col].to_numpy(dtype=float)
    at = df.groupby("outlet", sort=False).indices  # outlet -> row positions, in one pass
    empty = np.array([], dtype=int)
    for outlet in story.outlets:
        vals = values[at.get(outlet, empty)]
        rows.append({"outlet": outlet, "voice": voice,
                     **_summary(vals, n_boot, _rng(seed, vals)), "translated_from": tr.get(outlet)})
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------------------------
# actors


@story_table
def outlet_tone_by_voice(story: Story, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """:func:`outlet_tone` for the three voices at once (narration, quote, all), with a ``voice`` column:
    the one table behind the tone-by-outlet figure and its table."""
    parts = [outlet_tone(story, voice=v, n_boot=n_boot, seed=seed).assign(voice=v) for v in ("narration", "quote", "all")]
    return sanity.tag_language(pd.concat(parts, ignore_index=True), story)


def actor_mentions(story: Story) -> pd.DataFrame:
    """Drill-down: one row per mention of an actor in a sentence, found by the story's one resolver
    (:func:`presslens.analyses.naming.names.mentions`: any name, alias or rendering, so "Duobao" is Doubao).

    Columns: sent_id, article_id, outlet, part, actor, form (the form from story.yaml that matched),
    kind (name, alias or rendering), matched (as written in the text), start, end (character offsets
    in the sentence), in_quote, compound (the sentence's), text.
    """
    m = names.mentions(story)
    st = sentence_tone(story)
    compound = m["sent_id"].map(pd.Series(st["compound"].to_numpy(), index=st["sent_id"]))
    cols = ["sent_id", "article_id", "outlet", "part", "actor", "form", "kind", "matched", "start", "end", "in_quote",
            "compound", "text"]
    return m.assign(compound=compound.to_numpy(dtype=float))[cols]


@story_table
def actor_tone(story: Story, voice: str = "all", n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Tone of the sentences that mention each actor, per outlet.

    A sentence counts once for an actor however many times it names it (by any form, see
    :func:`presslens.text.resolver.actor_regex`), and counts for every actor it names: sentence-level VADER cannot tell whom
    the sentiment is about. ``voice`` picks which score is summarised (``'narration'`` drops
    sentences that are all quote). One row per outlet x actor (every combination, n = 0 included,
    in ``story.outlets`` and story.yaml order): outlet, actor, n_sentences, n_mentions, mean,
    ci_low, ci_high, median, share_negative, share_positive, small_sample. Drill down with
    :func:`actor_mentions`.
    """
    col = _column(voice)
    st = sentence_tone(story).set_index("sent_id")
    men = actor_mentions(story)
    n_mentions = men.groupby(["outlet", "actor"]).size()
    once = men.drop_duplicates(["sent_id", "actor"])
    pos = pd.Series(np.arange(len(st)), index=st.index).reindex(once["sent_id"]).to_numpy()
    values = st[col].to_numpy(dtype=float)
    groups = {k: values[pos[ix]] for k, ix in once.groupby(["outlet", "actor"]).indices.items()}
    n_mentions = n_mentions.to_dict()
    rows = []
    empty = np.array([])
    for outlet in story.outlets:
        for a in story.actors:
            vals = groups.get((outlet, a.name), empty)
            rng = _rng(seed, vals) if len(vals) > 1 else None  # one value needs no resampling
            rows.append({"outlet": outlet, "actor": a.name, "voice": voice,
                         "n_mentions": int(n_mentions.get((outlet, a.name), 0)),
                         **_summary(vals, n_boot, rng)})
    cols = ["outlet", "actor", "voice", "n_sentences", "n_mentions", "mean", "ci_low", "ci_high", "median",
            "share_negative", "share_positive", "small_sample"]
    return pd.DataFrame(rows, columns=cols)  # no actors in story.yaml: an empty table, not an error


# ----------------------------------------------------------------------------------------------
# arc and extremes


@story_table
def tone_arc(story: Story, bins: int = 5, voice: str = "all", n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Mean compound per outlet along the article: body sentences (lede included, title excluded)
    binned by ``position`` (0 = first sentence, 1 = last) into ``bins`` equal bins.

    One row per outlet x bin (empty bins kept with n = 0): outlet, bin (0-based), bin_start,
    bin_end, bin_mid, n_sentences, mean, ci_low, ci_high, small_sample. With one article per outlet
    a bin holds only a few sentences: read ``n`` and the interval, not the line alone.
    """
    if not isinstance(bins, (int, np.integer)) or bins < 1:
        raise ParameterError.bad("tone_arc", "bins", f"bins={bins!r} is not a whole number >= 1", "give e.g. bins=5")
    col = _column(voice)
    st = sentence_tone(story)
    st = st[st["position"].notna()].copy()
    st["bin"] = np.minimum((st["position"] * bins).astype(int), bins - 1)
    rows = []
    values = st[col].to_numpy(dtype=float)
    at = st.groupby(["outlet", "bin"], sort=False).indices  # (outlet, bin) -> row positions
    empty = np.array([], dtype=int)
    for outlet in story.outlets:
        for b in range(bins):
            vals = values[at.get((outlet, b), empty)]
            s = _summary(vals, n_boot, _rng(seed, vals))
            rows.append({"outlet": outlet, "bin": b, "bin_start": b / bins, "bin_end": (b + 1) / bins,
                         "bin_mid": (b + 0.5) / bins, "n_sentences": s["n_sentences"], "mean": s["mean"],
                         "ci_low": s["ci_low"], "ci_high": s["ci_high"], "small_sample": s["small_sample"]})
    return pd.DataFrame(rows)


@story_table
def extremes(story: Story, n: int = 3, voice: str = "all") -> pd.DataFrame:
    """Drill-down: each outlet's ``n`` most negative and ``n`` most positive sentences.

    Only sentences past VADER's thresholds qualify (compound <= -0.05 for 'most negative', >= 0.05
    for 'most positive'), so an outlet with fewer such sentences shows fewer rows. Ties are broken by
    sentence order. Columns: outlet, kind, rank (1 = most extreme), sent_id, article_id, part,
    position, voice, score (the chosen voice's compound), compound, narration_compound,
    quote_compound, text.
    """
    col = _column(voice)
    st = sentence_tone(story)
    st = st[st[col].notna()].assign(score=lambda d: d[col])
    order = {o: i for i, o in enumerate(story.outlets)}
    neg = st[st["score"] <= NEG_THRESHOLD].sort_values(["score", "sent_id"], kind="mergesort")
    pos = st[st["score"] >= POS_THRESHOLD].sort_values(["score", "sent_id"], ascending=[False, True], kind="mergesort")
    frames = []
    for k, (kind, d) in enumerate((("most negative", neg), ("most positive", pos))):
        d = d.groupby("outlet", sort=False).head(n)  # each outlet's n most extreme, in one pass
        frames.append(d.assign(kind=kind, _k=k, rank=d.groupby("outlet", sort=False).cumcount() + 1))
    cols = ["outlet", "kind", "rank", "sent_id", "article_id", "part", "position", "voice", "score", "compound",
            "narration_compound", "quote_compound", "text"]
    out = pd.concat(frames, ignore_index=True)
    out = out.assign(_o=out["outlet"].map(order)).sort_values(["_o", "_k", "rank"], kind="mergesort")
    out = out.reset_index(drop=True)
    out["voice"] = out["voice"].astype(str)
    return out[cols]
