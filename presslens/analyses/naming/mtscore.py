"""A machine-translation score learned on the development labels (issue 26): the indicator rows of
:func:`presslens.analyses.naming.translation.translation_indicators` summed per **signal class** into rates per
1,000 words, and a logistic regression over them whose weights live in ``presslens/data/mt_score.yaml`` (written by
``scripts/train_mt_score.py``, never by hand).

The classes follow what a reader weighs: the tells (a formula of ``mt_phrases.yaml``, a calque of a story actor,
letters of another script, a locale format, an MT grammar shape, a respelt name, a site's template) and the
corroboration that English copy written by people shows too (glued sentences, a rare word, a weak grammar shape
or an ``english: true`` formula; the word profile, an English edition's address and stray full stops, which are
not rates but the article's state). A rate class adds each row's weight (0.5 for a listed, weight-0 row) per 1,000
words, taken as log(1 + rate).

This score is **not** the verdict: :mod:`presslens.evaluation.loso` scores each development story by a model trained
without it, and on those held-out figures the hand-weighted rule of :mod:`.translation` stayed ahead (the data file
records both), so the verdict is the rule's. :func:`learned_scores` gives the probability beside it.
"""
from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd

from presslens import paths, stats
from presslens.errors import Problem, StoryError
from presslens.story.yamlio import parse_yaml
from presslens.text import mtpage, slips
from . import translation

RATE_CLASSES = ("phrase", "calque", "script", "locale", "grammar", "transliteration", "template", "glued",
                "rare word", "weak grammar")
STATE_CLASSES = ("profile", "edition", "slips")
FEATURES = RATE_CLASSES + STATE_CLASSES
TELL_CLASSES = RATE_CLASSES[:7]
MIN_WORDS = 50  # a shorter article's rates are taken over 50 words (three hits in a 20-word capture are no rate)
_KIND_CLASS = {"MT phrase": "phrase", "calque": "calque", "untranslated script": "script", "locale format": "locale",
               "MT grammar": "grammar", "transliteration": "transliteration", "site template": "template"}


def signal_class(kind: str, rule: str) -> str | None:
    """The class of one indicator row (None: a declaration or the outlet's other articles, not the article's text)."""
    if kind == "translationese":
        return "profile"
    if rule == mtpage.EDITION_RULE:
        return "edition"
    if kind == "typed by a person" or rule == slips.RULE:
        return "slips"
    if kind == "glued sentences":
        return "glued"
    if kind == "rare word":
        return "rare word"
    if kind in ("declared", "outlet translates"):
        return None
    if translation.corroborates(kind, rule):
        return "weak grammar"
    return _KIND_CLASS.get(kind)


def article_features(ind: pd.DataFrame, words: dict[str, int], articles=None, drop=frozenset(),
                     log: bool = True) -> pd.DataFrame:
    """One row per article of ``articles`` (default: every article of ``words``): article_id, declared, tell (a tell
    class fired), and the :data:`FEATURES` (log(1 + rate per 1,000 words) for a rate class; the profile's weight,
    1/0 for an English edition's address and for stray full stops). ``words``: article -> its word count; ``drop``:
    rules (as :func:`presslens.evaluation.loso.general_rule` names them) left out; ``log=False``: the rates themselves
    (the diagnosis table of ``scripts/mt_diagnose.py``)."""
    ids = list(words if articles is None else articles)
    f = {a: dict.fromkeys(FEATURES, 0.0) for a in ids}
    declared = dict.fromkeys(ids, False)
    for aid, kind, rule, w in zip(ind["article_id"].tolist(), ind["kind"].tolist(), ind["rule"].tolist(),
                                  ind["weight"].tolist()):
        if aid not in f:
            continue
        if kind == "declared":
            declared[aid] = True
            continue
        rule = str(rule)
        if ("calque" if rule.startswith("calque of") else rule) in drop:
            continue
        c = signal_class(kind, rule)
        if c is None:
            continue
        if c == "profile":
            f[aid][c] = max(f[aid][c], float(w))
        elif c in STATE_CLASSES:
            f[aid][c] = 1.0
        else:
            f[aid][c] += (float(w) if w else 0.5) * 1000.0 / max(int(words.get(aid, 0)), MIN_WORDS)
    rows = [(a, declared[a], any(f[a][c] > 0 for c in TELL_CLASSES),
             *[np.log1p(f[a][c]) if log and c in RATE_CLASSES else f[a][c] for c in FEATURES]) for a in ids]
    return pd.DataFrame(rows, columns=["article_id", "declared", "tell", *FEATURES])


def fit(features: pd.DataFrame, labels, l2: float = 1.0, min_precision: float = 0.9) -> dict:
    """A model from :func:`article_features` rows of undeclared articles and their 0/1 labels: coefficients per
    feature, intercept, and the threshold (:func:`presslens.stats.precision_threshold` on the same rows) at which the
    articles called hold ``min_precision``."""
    X = features[list(FEATURES)].to_numpy(float)
    y = np.asarray(labels, dtype=float)
    coef, b = stats.logistic_fit(X, y, l2)
    t = stats.precision_threshold(stats.logistic_prob(X, coef, b), y, min_precision)
    return {"coefficients": {c: round(float(v), 6) for c, v in zip(FEATURES, coef)}, "intercept": round(b, 6),
            "threshold": None if t is None else round(float(t), 6), "l2": l2, "min_precision": min_precision}


def probabilities(features: pd.DataFrame, model: dict) -> np.ndarray:
    """The learned probability of each row of :func:`article_features` under ``model`` (:func:`fit`'s dict)."""
    coef = [model["coefficients"][c] for c in FEATURES]
    return stats.logistic_prob(features[list(FEATURES)].to_numpy(float), coef, model["intercept"])


@functools.lru_cache(maxsize=2)
def load_model(path: str | None = None) -> dict:
    """``presslens/data/mt_score.yaml``: version, features (in :data:`FEATURES` order), coefficients, intercept,
    threshold, and what it scored held out; checked against :data:`FEATURES`."""
    p = paths.PACKAGE_DATA / "mt_score.yaml" if path is None else Path(path)
    data = parse_yaml(p.read_text(encoding="utf-8"))
    if list(data.get("features") or []) != list(FEATURES) or set(data.get("coefficients") or {}) != set(FEATURES):
        raise StoryError([Problem(p.name, "features", f"{data.get('features')!r} are not {list(FEATURES)}",
                                  "rewrite the file with scripts/train_mt_score.py")], p.name)
    return data


def learned_scores(ind: pd.DataFrame, words: dict[str, int]) -> pd.DataFrame:
    """Per article of ``words``: article_id and the learned probability (``mt_score.yaml``'s model) beside the
    rule's verdict; a reading aid, not the verdict (see the module docstring)."""
    feats = article_features(ind, words)
    return feats[["article_id"]].assign(learned=probabilities(feats, load_model()).round(3))
