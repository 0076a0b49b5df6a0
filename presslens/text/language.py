"""Text processing, done once per story and cached: cleaning, paragraphs, quote spans, sentences, tokens.

``process(story)`` returns a :class:`Processed` holding three tidy tables:

- ``sentences``: one row per sentence (article, outlet, part = title/lede/body, position, text, quote spans)
- ``tokens``: one row per word token (sentence, lower-cased token, character offsets, inside quotes or not)
- ``removed``: what the cleaner removed, line by line, with the rule that removed it

Quotation marks are resolved per paragraph, before sentences are split, so that a quote running over
several sentences is still a quote and a sentence ending inside a quote ("... for good.”) ends after
the closing mark. Results are cached in memory and on disk (``.cache/presslens``), keyed by the
story's input hashes and this module's source, so every notebook of a run reuses the same tables.
"""
from __future__ import annotations

import functools

from .segment import TOKEN


LANGID_MIN_WORDS = 20  # below this a detection is reported but never trusted
LANGID_CHARS = 3000  # the article's opening (title, lede and more) is plenty to tell its language


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(s: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) from py3langid's calibrated model; (None, 0.0) for text with
    fewer than ``LANGID_MIN_WORDS`` words, where the model's answer means little."""
    if len(TOKEN.findall(s[:4000])) < LANGID_MIN_WORDS:
        return None, 0.0
    lang, p = _identifier().classify(s[:LANGID_CHARS])
    return lang, round(float(p), 4)
