"""What every scorer returns: one row per scored item (a label or a prediction), with its outcome.

A scorer is a pure function (predictions table(s) + truth -> outcomes). Its rows carry the
analysis and measure they count for, the unit the bootstrap resamples (an article, or a pair or a
name where the item is not an article's), and an outcome: ``tp`` / ``fp`` / ``fn`` for measures
scored by precision and recall, ``yes`` / ``no`` for measures that are a share (an accuracy, or a
share where lower is better), ``value`` for measures that are a mean (``value`` holds the number).
``item`` says what was labelled or predicted, ``sentence`` where, and ``detail`` what went wrong, for
``--show-errors``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

OUTCOME_COLS = ["analysis", "measure", "unit", "outcome", "item", "sentence", "detail", "value"]


@dataclass(frozen=True)
class Measure:
    analysis: str
    name: str
    kind: str      # "prf": precision/recall/F1 from tp/fp/fn; "share": yes / (yes + no); "mean": mean of value
    better: str    # "higher" or "lower" (for a share)
    what: str      # one line for the scoreboard's notes


MEASURES = [
    Measure("quotes", "direct quotes: spans", "prf", "higher",
            "quoted stretches presslens calls direct speech, matched to the labelled direct quotes by their words "
            "(equal, 90% similar, or one holding the other and 80% of its length)"),
    Measure("quotes", "direct quotes: speakers", "prf", "higher",
            "a matched direct quote with the labelled speaker (the same person by name, or the same organisation "
            "for a role or anonymous source; a pronoun counts only resolved to the labelled person; a quote "
            "labelled with its actor alone, one that goes on from the quote before, is scored against that actor)"),
    Measure("quotes", "cited terms: spans", "prf", "higher",
            "quoted words nobody is quoted as saying (scare quotes, names, titles), matched as above"),
    Measure("quotes", "reported speech: spans", "prf", "higher",
            "reported-speech clauses without quotation marks, matched as above"),
    Measure("quotes", "reported speech: speakers", "prf", "higher",
            "a reported statement with the labelled speaker; the statement matched as above or by its opening or "
            "close, word for word, at least 4 words (the guide leaves where a reported clause ends open, and who "
            "speaks does not depend on it)"),
    Measure("quotes", "reported speech: speakers, strict span", "prf", "higher",
            "as above, the statement matched by the span criterion alone (the figure before session 21)"),
    Measure("quotes", "parties: speaks in article", "prf", "higher",
            "each party of story.yaml (accused, accusers) in each article with labelled quotes: whether it speaks "
            "there (quoted, reported, or through a speaker tied to it) against the labelled quotes' actors; a miss "
            "is a balance finding that states an absence wrongly"),
    Measure("pairs", "relation", "share", "higher",
            "labelled article pairs whose relation (same page, copy, reworded copy, common wire, shared quote only, "
            "unrelated) presslens's reuse and provenance tables give (accuracy)"),
    Measure("pairs", "uncredited copying", "prf", "higher",
            "pairs labelled copy or reworded copy without credit, against provenance's 'copied without credit' "
            "(with the direction known or not: 'copied without credit, direction unknown')"),
    Measure("pairs", "common wire called copied without credit", "share", "lower",
            "pairs labelled common wire that provenance calls copied without credit (direction known or not): false accusations"),
    Measure("pairs", "credit status", "share", "higher",
            "reusing pairs whose credit (yes, or partial counted as yes / no) provenance gives (accuracy)"),
    Measure("pairs", "direction", "share", "higher",
            "pairs with a labelled direction whose direction provenance gives (accuracy)"),
    Measure("translation", "machine translation", "prf", "higher",
            "articles labelled machine-translated against the translation verdicts ('likely undeclared translation' "
            "or 'declared translation')"),
    Measure("translation", "source language", "share", "higher",
            "machine translations flagged with an implied original language: the language right (accuracy)"),
    Measure("furniture", "furniture lines removed", "prf", "higher",
            "whole lines the cleaner removed against the lines labelled web furniture"),
    Measure("furniture", "glued furniture cut", "prf", "higher",
            "furniture cut out of a prose line against the labelled glued furniture"),
    Measure("furniture", "measured sentences that are furniture", "share", "lower",
            "sentences of the measured articles (what tone, word choice and keyness count) that are labelled furniture"),
    Measure("sentences", "sentence boundaries", "prf", "higher",
            "sentence ends inside a line (a line's end is not counted) against the labelled sentences"),
    Measure("names", "name variants proposed", "prf", "higher",
            "variants `presslens names` proposes, run on story.yaml with the labelled variants taken out of its "
            "aliases and renderings (what a user would have written before), against the labelled variants"),
    Measure("names", "false proposals", "share", "lower",
            "proposals of `presslens names` that are no labelled variant (or name the wrong actor): what a user "
            "must read past"),
    Measure("claims", "articles carrying a claim", "prf", "higher",
            "story.yaml's claim patterns: the articles they find against the labelled articles, per claim id"),
    Measure("facts", "claims matched by a discovered fact", "share", "higher",
            "labelled claims for which one fact discovered without patterns (`analyses.facts`, which never reads "
            "the claims) is carried by the labelled articles: article-level F1 of at least 0.8 against them, on "
            "the measured articles (the issue's goal: a share of 0.8)"),
    Measure("facts", "claims matched by a fact sharing their words", "share", "higher",
            "the same, counting only the facts whose sentences share two content words or more with the claim's "
            "text: a fact that holds a small claim's few articles by chance, saying something else, does not count"),
    Measure("facts", "best F1 of a claim's fact", "mean", "higher",
            "the mean over labelled claims of the article-level F1 of the discovered fact that best matches the "
            "claim's labelled articles"),
]
BY_NAME = {(m.analysis, m.name): m for m in MEASURES}
ANALYSES = tuple(dict.fromkeys(m.analysis for m in MEASURES))


def outcome(analysis: str, measure: str, unit: str, result: str, item: str, sentence: str = "", detail: str = "",
            value: float = float("nan")) -> dict:
    """One outcome row (see the module docstring)."""
    assert (analysis, measure) in BY_NAME, (analysis, measure)
    return {"analysis": analysis, "measure": measure, "unit": unit, "outcome": result, "item": item,
            "sentence": sentence or "", "detail": detail or "", "value": value}


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=OUTCOME_COLS)


def fold(s) -> str:
    """Lower case, accents and punctuation dropped, white space collapsed: names and words compared loosely."""
    if not isinstance(s, str):
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold()).split())


def context(text: str | None, needle: str, width: int = 300) -> str:
    """The line of ``text`` that holds ``needle`` (white space loosened), cut to ``width`` characters
    around it; "" when it is not there."""
    if not isinstance(text, str) or not needle:
        return ""
    flat_needle = " ".join(needle.split())
    for line in text.split("\n"):
        flat = " ".join(line.split())
        at = flat.find(flat_needle)
        if at >= 0:
            start = max(0, min(at - width // 3, len(flat) - width))
            return flat[start:start + width]
    return ""


STOP = frozenset({"the", "a", "an", "of"})


def same_name(x, y) -> bool:
    """Two names of one person or organisation: the words of one (articles aside) all in the other
    ("Ruiz Soto" ~ "Ana María Ruiz Soto")."""
    a, b = set(fold(x).split()) - STOP, set(fold(y).split()) - STOP
    return bool(a) and bool(b) and (a <= b or b <= a)
