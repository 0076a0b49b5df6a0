"""Readability: textstat formulas, sentence length and lexical diversity, per article.

Everything is measured on the article's *cleaned* body (``text.process(story).clean_text``: the
boilerplate is gone and the headline is not part of it):

- textstat 0.7.13: Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Coleman-Liau,
  Dale-Chall, and ``text_standard(float_output=True)`` as a consensus grade. textstat counts its own
  sentences and syllables (via NLTK's CMU dictionary, provisioned locally by
  :func:`presslens.resources.ensure_cmudict`, never downloaded). SMOG is defined for 30 sentences
  or more and textstat returns 0 below 3; short news items sit near that edge.
- Sentence length from presslens's own, quote-aware sentence split (lede and body sentences):
  mean, standard deviation (sample, ddof=1), min and max words per sentence.
- Lexical diversity as MTLD (McCarthy & Jarvis 2010) on presslens's tokens (lower-cased; possessive
  's dropped): see :func:`mtld`. MTLD was chosen over MATTR because it needs no window size that
  short articles might not reach; it is unstable below about 100 tokens (flagged in ``caveat``).

Translated text: the formulas measure the English the reader sees, i.e. the translation (for
en.5iter.com a machine translation from Chinese), not the original writing. Such rows carry a
non-empty ``caveat`` and :func:`caveat_label` marks the outlet's name in figures with a dagger.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from . import resources
from . import text as _text
from .corpus import Story

MTLD_THRESHOLD = 0.72
MTLD_MIN_TOKENS = 100
DAGGER = " †"
MEASURES = {  # column -> textstat method
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "coleman_liau_index": "coleman_liau_index",
    "dale_chall": "dale_chall_readability_score",
}

_TS = None


def _textstat():
    """A private textstat instance with the library's defaults (en_US, no rounding), so settings
    changed on the global ``textstat`` object elsewhere cannot change our numbers. The CMU
    dictionary is provisioned first, so textstat never tries to download it."""
    global _TS
    resources.ensure_cmudict()
    if _TS is None:
        from textstat.textstat import textstatistics
        _TS = textstatistics()
    return _TS


# ----------------------------------------------------------------------------------------------
# lexical diversity


def _mtld_pass(tokens: Sequence[str], threshold: float) -> tuple[float, int]:
    """One MTLD pass: (number of factors, including the partial one; token count)."""
    factors = 0.0
    types: set[str] = set()
    count = 0
    for tok in tokens:
        count += 1
        types.add(tok)
        if len(types) / count <= threshold:
            factors += 1
            types = set()
            count = 0
    if count:
        factors += (1 - len(types) / count) / (1 - threshold)
    return factors, len(tokens)


def mtld_directional(tokens: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """MTLD in the text's order: tokens / factors (NaN when no factor, full or partial, forms)."""
    factors, n = _mtld_pass(list(tokens), threshold)
    return n / factors if factors > 0 else float("nan")


def mtld(tokens: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of Textual Lexical Diversity (McCarthy & Jarvis 2010), bidirectional.

    Reading forward, the type-token ratio (TTR) of the current stretch is computed after each token;
    when it falls to ``threshold`` (0.72) or below, one *factor* is complete and the count restarts
    at the next token. Leftover tokens make a partial factor ``(1 - TTR) / (1 - threshold)``.
    MTLD = tokens / factors. The same is done reading backward and the two are averaged. Higher
    means more varied vocabulary (roughly: the mean length of a stretch before words start
    repeating). NaN when no factor forms in either direction (e.g. every token distinct). Tokens
    are compared as given: pass them lower-cased.
    """
    toks = list(tokens)
    fwd = mtld_directional(toks, threshold)
    bwd = mtld_directional(toks[::-1], threshold)
    vals = [v for v in (fwd, bwd) if not np.isnan(v)]
    return float(np.mean(vals)) if vals else float("nan")


# ----------------------------------------------------------------------------------------------
# per article


def translated_outlets(story: Story) -> dict[str, str]:
    """Outlets with at least one translated article -> source language code(s) (see :attr:`Story.translations`)."""
    return story.translations


def caveat_label(outlet: str, story: Story) -> str:
    """The outlet's name for figure labels: with ``" †"`` appended when its text is a translation
    (explain the dagger in the caption, e.g. "† translated from zh: measures the translation")."""
    return outlet + DAGGER if outlet in translated_outlets(story) else outlet


def translation_caveat(lang: str | None) -> str:
    """The caveat attached to a translated article ('' when ``lang`` is empty)."""
    if not isinstance(lang, str) or not lang:
        return ""
    return (f"translated from {lang}: the formulas measure the English translation (possibly machine-made), "
            f"not the original writing")


def measure_text(body: str) -> dict[str, float]:
    """The textstat measures of one text (see ``MEASURES``) plus ``consensus_grade``
    (``text_standard(float_output=True)``), exactly as textstat computes them."""
    ts = _textstat()
    out = {col: float(getattr(ts, fn)(body)) for col, fn in MEASURES.items()}
    out["consensus_grade"] = float(ts.text_standard(body, float_output=True))
    out["textstat_sentences"] = int(ts.sentence_count(body))
    return out


def sentence_length_stats(n_words: Sequence[int]) -> dict[str, float]:
    """Mean, sample standard deviation (ddof=1; NaN for one sentence), min and max of sentence lengths."""
    v = np.asarray(n_words, dtype=float)
    if len(v) == 0:
        return {"n_sentences": 0, "sentence_len_mean": np.nan, "sentence_len_std": np.nan,
                "sentence_len_min": np.nan, "sentence_len_max": np.nan}
    return {"n_sentences": int(len(v)), "sentence_len_mean": float(v.mean()),
            "sentence_len_std": float(v.std(ddof=1)) if len(v) > 1 else np.nan,
            "sentence_len_min": float(v.min()), "sentence_len_max": float(v.max())}


def readability_table(articles: pd.DataFrame, clean_text: dict[str, str], sentences: pd.DataFrame,
                      tokens: pd.DataFrame) -> pd.DataFrame:
    """Readability of each article from its parts (the engine behind :func:`readability`, usable
    on any corpus shaped like ``text.process`` output). ``articles`` needs id, outlet and
    translated_from."""
    body_parts = ("lede", "body")
    sents = sentences[sentences["part"].isin(body_parts)]
    toks = tokens[tokens["part"].isin(body_parts)]
    sent_groups = {k: g["n_words"].to_numpy() for k, g in sents.groupby("article_id", sort=False)}
    tok_groups = {k: g.sort_values(["sent_id", "tok_idx"])["token"].tolist()
                  for k, g in toks.groupby("article_id", sort=False)}
    rows = []
    for art in articles.itertuples(index=False):
        body = clean_text.get(art.id, "")
        words = tok_groups.get(art.id, [])
        caveats = []
        tr = translation_caveat(art.translated_from)
        if tr:
            caveats.append(tr)
        if len(words) < MTLD_MIN_TOKENS:
            caveats.append(f"only {len(words)} tokens: MTLD is unstable below {MTLD_MIN_TOKENS}")
        row = {"article_id": art.id, "outlet": art.outlet,
               "translated_from": art.translated_from if isinstance(art.translated_from, str) else None,
               "n_words": len(words)}
        row.update(sentence_length_stats(sent_groups.get(art.id, [])))
        row.update(measure_text(body) if body.strip() else {**{c: np.nan for c in MEASURES},
                                                             "consensus_grade": np.nan, "textstat_sentences": 0})
        row["mtld"] = mtld(words)
        row["caveat"] = "; ".join(caveats)
        rows.append(row)
    cols = ["article_id", "outlet", "translated_from", "n_words", "n_sentences", "sentence_len_mean",
            "sentence_len_std", "sentence_len_min", "sentence_len_max", *MEASURES, "consensus_grade",
            "textstat_sentences", "mtld", "caveat"]
    return pd.DataFrame(rows, columns=cols)


def readability(story: Story) -> pd.DataFrame:
    """One row per article of ``story`` (in the story's article order), on the cleaned body text.

    Columns: article_id, outlet, translated_from, n_words (presslens tokens), n_sentences and
    sentence_len_mean/std/min/max (presslens sentences, lede and body), flesch_reading_ease,
    flesch_kincaid_grade, gunning_fog, smog_index, coleman_liau_index, dale_chall,
    consensus_grade (textstat ``text_standard``), textstat_sentences (textstat's own sentence
    count, which differs from presslens's on quotes and abbreviations), mtld, caveat (non-empty for
    translated articles and very short ones). Add :func:`caveat_label` to outlet names in figures.
    """
    p = _text.process(story)
    return readability_table(story.articles, p.clean_text, p.sentences, p.tokens)


def longest_sentences(story: Story, n: int = 15) -> pd.DataFrame:
    """The drill-down behind the sentence-length figures: the ``n`` longest sentences (headline excluded)."""
    s = _text.sentences(story)
    s = s[s["part"] != "title"].sort_values(["n_words", "sent_id"], ascending=[False, True])
    return s[["outlet", "article_id", "part", "sent_idx", "n_words", "text"]].head(n).reset_index(drop=True)
