"""The story's redundancy: one statement quoted by several outlets is one statement.

A quote that several articles carry (the same words, at least ``MATCH`` similar, as the fidelity
alignment groups them) has one speaker. Where the articles that attribute it agree on a speaker
(two articles or more, and more than half of those that attribute it), an article that quotes the
same words without an attribution the rules can read gets that speaker, with attribution
``"other outlets"`` (never guessed from one other article). An article that gives the statement to
someone else keeps its own attribution, and :func:`disagreements` lists it: "outlet X gives this
statement to Microsoft; 6 outlets to OpenAI".
"""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from presslens.text import segment
from .similar import similar_pairs

MATCH = 90  # rapidfuzz ratio of two quotes' words for them to be the same statement
MIN_WORDS = 6  # shorter quotes ("a mistake") are too common to be one statement
DISAGREEMENT_COLS = ["quote", "outlet", "article_id", "speaker", "majority_speaker", "n_majority", "n_attributed",
                     "outlets_majority"]


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold()).split())


def _groups(rows: list[dict]) -> list[list[int]]:
    """Indices of direct quotes of MIN_WORDS words or more, grouped by statement (two articles or more)."""
    idx = [i for i, r in enumerate(rows) if r["kind"] == "direct" and len(segment.TOKEN.findall(r["quote"])) >= MIN_WORDS]
    if not idx:
        return []
    norm = [_norm(rows[i]["quote"]) for i in idx]
    uniq = sorted(set(norm))
    pos = {u: k for k, u in enumerate(uniq)}
    parent = list(range(len(uniq)))

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in similar_pairs(uniq, MATCH):  # blocked by rare words past a few thousand quotes
        parent[find(b)] = find(a)
    groups: dict[int, list[int]] = {}
    for i, n in zip(idx, norm):
        groups.setdefault(find(pos[n]), []).append(i)
    return [g for g in groups.values() if len({rows[i]["article_id"] for i in g}) >= 2]


def _majority(rows: list[dict], members: list[int]) -> tuple[dict | None, int, int]:
    """The row of the majority speaker among the articles that attribute the statement themselves
    (one vote per article), its count and the number of attributing articles."""
    by_article: dict[str, dict] = {}
    for i in members:
        r = rows[i]
        if isinstance(r.get("speaker"), str) and r.get("attribution") != "other outlets":
            by_article.setdefault(r["article_id"], r)
    votes = Counter(r["speaker"] for r in by_article.values())
    if not votes:
        return None, 0, 0
    top, n = votes.most_common(1)[0]
    total = sum(votes.values())
    if n < 2 or n * 2 <= total or list(votes.values()).count(n) > 1:
        return None, n, total
    return next(r for r in by_article.values() if r["speaker"] == top), n, total


def propagate(rows: list[dict]) -> None:
    """Give an unattributed direct quote the speaker that most outlets quoting the same words give
    it (see the module docstring). In place."""
    for members in _groups(rows):
        best, _, _ = _majority(rows, members)
        if best is None:
            continue
        for i in members:
            r = rows[i]
            if not isinstance(r.get("speaker"), str):
                r.update(speaker=best["speaker"], speaker_kind=best["speaker_kind"], actor=best["actor"],
                         speaker_text=None, verb=None, verb_class=None, attribution="other outlets")


def disagreements(q: pd.DataFrame) -> pd.DataFrame:
    """Quotes an article gives to another speaker than the majority of the outlets that carry the same
    words (columns ``DISAGREEMENT_COLS``), from the quotes table."""
    rows = q.astype(object).where(q.notna(), None).to_dict("records")
    out = []
    for members in _groups(rows):
        best, n, total = _majority(rows, members)
        if best is None:
            continue
        majority_outlets = sorted({rows[i]["outlet"] for i in members if rows[i].get("speaker") == best["speaker"]})
        for i in members:
            r = rows[i]
            if isinstance(r.get("speaker"), str) and r["speaker"] != best["speaker"] and \
                    r.get("attribution") != "other outlets" and not (r.get("actor") and r.get("actor") == best.get("actor")
                                                                     and r.get("speaker_kind") != "named"):
                out.append({"quote": r["quote"], "outlet": r["outlet"], "article_id": r["article_id"],
                            "speaker": r["speaker"], "majority_speaker": best["speaker"], "n_majority": n,
                            "n_attributed": total, "outlets_majority": ", ".join(majority_outlets)})
    return pd.DataFrame(out, columns=DISAGREEMENT_COLS)


def disagreement_sentences(table: pd.DataFrame) -> list[str]:
    """One sentence per disagreement: "X gives this statement to A; 6 outlets to B"."""
    return [f"{r.outlet} gives “{r.quote[:80]}{'…' if len(r.quote) > 80 else ''}” to {r.speaker}; "
            f"{r.n_majority} outlets to {r.majority_speaker}." for r in table.itertuples(index=False)]
