"""VADER sentiment per sentence: the whole sentence, the outlet's narration apart from the quoted
material, and the quoted material; per-article work, cached with the article.
"""
from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from . import segment


SCORE_KEYS = ("compound", "pos", "neu", "neg")

# VADER's cost grows with the square of a sentence's length (each word's negation and idiom checks
# lower-case the whole sentence again): a capture that lost its full stops, one "sentence" of 20,000
# words, takes minutes. A string longer than this many words is scored in consecutive windows of at
# most this many words, and its scores are the mean of the windows' scores weighted by their words.
# A little over the 80 words (``screening.LONG_SENTENCE``) beyond which ``presslens check`` already
# warns of a sentence that lost its punctuation; no sentence of the bundled or evaluation stories
# comes near it (the longest has 85 words), so their scores are VADER's own.
VADER_WORDS = 100

_ANALYZER = None

# VADER only strips ASCII punctuation and knows only ASCII contractions (don't, isn't).
_ASCII = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
                        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                        "–": " - ", "—": " - ", "\u00a0": " "})


def analyzer():
    """The module's one VADER analyser, created on first use (loading its lexicon takes ~0.1 s)."""
    global _ANALYZER
    if _ANALYZER is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        _ANALYZER = SentimentIntensityAnalyzer()
    return _ANALYZER


def vader_text(s: str) -> str:
    """``s`` as handed to VADER: curly quotes and apostrophes made ASCII, dashes spaced out."""
    return s.translate(_ASCII)


def score_text(s: str) -> dict[str, float]:
    """VADER's scores (compound, pos, neu, neg) for one string, after :func:`vader_text`; a string
    of more than ``VADER_WORDS`` words is scored in windows of ``VADER_WORDS`` words (whitespace
    separated, as VADER splits), combined as their mean weighted by each window's words."""
    t = vader_text(s)
    words = t.split()
    if len(words) <= VADER_WORDS:
        return analyzer().polarity_scores(t)
    total = {k: 0.0 for k in SCORE_KEYS}
    for i in range(0, len(words), VADER_WORDS):
        window = words[i:i + VADER_WORDS]
        r = analyzer().polarity_scores(" ".join(window))
        for k in SCORE_KEYS:
            total[k] += r[k] * len(window)
    return {k: round(v / len(words), 4) for k, v in total.items()}


def _has_words(s: str) -> bool:
    return bool(s) and bool(segment.TOKEN.search(s))


TONE_COLS = ["voice"] + [p + k for p in ("", "narration_", "quote_") for k in SCORE_KEYS]


# strings scored in this process -> their scores (read only): a sentence repeated across articles (a
# wire's paragraph, a site's template line, the scaled benchmark's resampled paragraphs) is scored once;
# VADER is a pure function of the string. The least recently used go first when full (bounded memory).
SCORE_MEMO = 16384


@functools.lru_cache(maxsize=SCORE_MEMO)
def _score(s: str) -> dict[str, float]:
    return score_text(s)


def score_rows(items) -> list[tuple]:
    """VADER for (text, narration, quoted) triples: one row per sentence, ``TONE_COLS`` in order
    (voice, then the whole sentence's, the narration's and the quoted part's scores; NaN where that
    part has no words). The per-article stage calls it, so scores are cached with the article.
    Identical strings are scored once per process (the last :data:`SCORE_MEMO` of them)."""
    score = _score

    nan = {k: np.nan for k in SCORE_KEYS}
    out = []
    for t, n_text, q_text in items:
        has_n, has_q = _has_words(n_text), _has_words(q_text)
        whole = score(t)
        if not has_q:
            narr, quote, voice = whole, nan, "narration"
        elif not has_n:
            narr, quote, voice = nan, score(q_text), "quote"
        else:
            narr, quote, voice = score(n_text), score(q_text), "mixed"
        out.append((voice, *(float(r[k]) for r in (whole, narr, quote) for k in SCORE_KEYS)))
    return out


def score_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """Score a sentence table (as made by ``text.process``) with VADER.

    Adds, for the whole sentence, its narration and its quoted part, the columns ``compound``,
    ``pos``, ``neu``, ``neg`` / ``narration_compound`` ... / ``quote_compound`` ...; narration
    scores are NaN when the sentence is all quote and quote scores NaN when it has no quote. Also
    adds ``voice``: ``'narration'`` (no quoted words), ``'quote'`` (no words outside the quote)
    or ``'mixed'``. Identical strings are scored once. Pure: the input is not modified.
    """
    rows = score_rows(zip(sentences["text"], sentences["narration"], sentences["quoted"]))
    scores = pd.DataFrame(rows, columns=TONE_COLS, index=sentences.index)
    out = sentences.copy()
    for col in TONE_COLS:
        out[col] = scores[col]
    return out
