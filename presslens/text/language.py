"""Language identification of one article's text (py3langid, calibrated): a code and its
probability, none for texts too short to tell.
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
