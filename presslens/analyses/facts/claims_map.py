"""Hand-written claims and discovered facts: which facts a claim matches, story.yaml snippets for
facts nobody named, and the score of the discovery against claims labelled by hand.

A claim (its ``text``) matches a fact when the claim's content words are mostly found in a good share
of the fact's sentences (idf-weighted containment, blended with the embedding cosine as in the
grouping; :func:`matches`); a claim may match several facts (a claim is often wider than one sentence). :func:`snippets` writes
a story.yaml ``claims`` entry for a discovered fact: an id from its words, its label as the text,
and a pattern of its rarest content words, for the user to check and promote to a named claim.

:func:`score` is the figure the issue asks for: for each hand-labelled claim (id, text, the articles
that carry it), the discovered fact whose articles best match (article-level F1), and the F1 of the
facts the claim's text maps to; ``share_matched`` is the share of claims with a best F1 of at least
``F1_GOAL``.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from presslens.analyses.facts import features, grouping
from presslens.engine.memo import story_table

CLAIM_MATCH = 0.45   # blended containment score at which a claim's text matches a fact sentence
F1_GOAL = 0.8
FACT_SHARE = 0.3     # share of a fact's clauses that must match a claim for the fact to be the claim's
MATCH_COLS = ["claim", "fact", "score", "share", "sentence"]
SCORE_COLS = ["claim", "n_true", "best_fact", "best_f1", "best_label", "mapped_facts", "mapped_f1", "all_f1"]


def _sets(m: pd.DataFrame) -> dict[int, set]:
    return {int(f): set(g) for f, g in m.groupby("fact")["article_id"]}


def f1(pred: set, true: set) -> float:
    tp = len(pred & true)
    return 0.0 if not tp else 2 * tp / (len(pred) + len(true))


@story_table
def matches(m: pd.DataFrame, claims: list[tuple[str, str]], threshold: float = CLAIM_MATCH,
            top: int | None = None) -> pd.DataFrame:
    """Every (claim, fact) pair where at least ``FACT_SHARE`` of the fact's clauses score ``threshold``
    with the claim's text (``MATCH_COLS``: ``score`` is the best clause's, ``share`` the share of the
    fact's clauses that match, ``sentence`` the best clause), most matching share first within each
    claim (the ``top`` first only, when given). ``claims``: (id, text) pairs. A fact is what most of
    its sentences say: one clause matching a claim inside a fact about something else (a sentence
    states more than one fact, and joins each) does not make the fact the claim's (on the six
    development stories, claims whose mapped facts carry their articles at F1 >= 0.8: 14 of 57 when one
    clause sufficed, 31 at a share of 0.3, 28 at 0.5; held out, each story's share chosen on the
    other five: 27). Cached on disk by the member table's content and the arguments (notebook 07's
    warm kernel reads it)."""
    if m.empty or not claims:
        return pd.DataFrame(columns=MATCH_COLS)
    sents = m.drop_duplicates("clause")
    texts = sents["clause"].tolist()
    toks = [set(features.content(t)) for t in texts]
    df: dict[str, int] = {}
    for ts in toks:
        for t in ts:
            df[t] = df.get(t, 0) + 1
    n = len(texts)
    idf = {t: np.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    emb_s = features.embed(texts)
    emb_c = features.embed([t for _, t in claims])
    pairs = m.drop_duplicates(["fact", "clause"])             # each fact's distinct clauses
    at = pd.Series(np.arange(n), index=texts)
    clause_at = at[pairs["clause"]].to_numpy()
    fact_ids, fact_of = np.unique(pairs["fact"].to_numpy(), return_inverse=True)
    n_clauses = np.bincount(fact_of, minlength=len(fact_ids))
    rows = []
    for ci, (cid, ctext) in enumerate(claims):
        cw = set(features.content(ctext))
        tot = sum(idf.get(t, np.log(n + 1)) for t in cw) or 1.0
        cont = np.array([sum(idf[t] for t in cw & ts) / tot for ts in toks])
        sc = cont if emb_s is None else grouping.LEX_WEIGHT * cont + (1 - grouping.LEX_WEIGHT) * (emb_s @ emb_c[ci])
        per = sc[clause_at]
        share = np.bincount(fact_of, weights=per >= threshold, minlength=len(fact_ids)) / n_clauses
        o = np.lexsort((-per, fact_of))                      # each fact's best clause first
        best = o[np.r_[True, np.diff(fact_of[o]) != 0]]      # the row of each fact's best clause
        keep = sorted(np.flatnonzero(share >= FACT_SHARE), key=lambda f: (-share[f], -per[best[f]], fact_ids[f]))
        for f in keep[:top]:
            rows.append({"claim": cid, "fact": int(fact_ids[f]), "score": round(float(per[best[f]]), 3),
                         "share": round(float(share[f]), 3), "sentence": texts[clause_at[best[f]]]})
    return pd.DataFrame(rows, columns=MATCH_COLS)


def score(m: pd.DataFrame, truth: list[dict], threshold: float = CLAIM_MATCH) -> pd.DataFrame:
    """Per labelled claim (dicts with ``id``, ``text``, ``articles``): its best fact by article-level
    F1 and that F1, the F1 of the union of the facts its text maps to, and ``all_f1``: the F1 of
    saying that every article carries the claim (the baseline: a claim most articles carry is
    matched by any fact that covers the whole story, so read best_f1 against it) (``SCORE_COLS``)."""
    sets = _sets(m)
    every = set(m["article_id"])
    labels = m[m["centre"]].drop_duplicates("fact").set_index("fact")["clause"].to_dict()
    mt = matches(m, [(c["id"], c["text"]) for c in truth], threshold)
    rows = []
    for c in truth:
        true = set(c["articles"])
        best = max(((f1(a, true), f) for f, a in sets.items() if a & true), default=(0.0, None))
        mapped = mt.loc[mt["claim"] == c["id"], "fact"].tolist()
        pred = set().union(*(sets[f] for f in mapped)) if mapped else set()
        rows.append({"claim": c["id"], "n_true": len(true), "best_fact": best[1], "best_f1": round(best[0], 3),
                     "best_label": labels.get(best[1]), "mapped_facts": mapped, "mapped_f1": round(f1(pred, true), 3),
                     "all_f1": round(f1(every, true), 3)})
    return pd.DataFrame(rows, columns=SCORE_COLS)


def share_matched(scores: pd.DataFrame, column: str = "best_f1") -> float:
    """Share of claims whose ``column`` reaches ``F1_GOAL``."""
    return float((scores[column] >= F1_GOAL).mean()) if len(scores) else 0.0


def _pattern(words: list[str]) -> str:
    return ".{0,80}".join(re.escape(w) + r"\w*" for w in words)


def _best_pair(words: list[str], own: list[str], posting: dict[str, set], own_ids: set, df: dict[str, int]):
    """The two words of the label (in its order) whose pattern finds most of the fact's own sentences
    and fewest of the story's other fact sentences (then the rarer, then the earlier): a pattern of the
    label's rarest words finds the label's own wording only, not the fact as the other outlets word it."""
    best = None
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            rx = re.compile(_pattern([a, b]), re.I | re.S)
            inside = sum(1 for t in own if rx.search(t))
            outside = len((posting.get(a, set()) & posting.get(b, set())) - own_ids)
            key = (-(inside - outside), df.get(a, 0) + df.get(b, 0), i)
            if inside and (best is None or key < best[0]):
                best = (key, [a, b])
    return best[1] if best else None


def snippets(summary: pd.DataFrame, m: pd.DataFrame, n: int = 5) -> str:
    """story.yaml ``claims`` entries for the ``n`` largest discovered facts (a user checks the
    pattern, renames the id and pastes it under ``claims:``). The pattern is the pair of the label's
    words that finds most of the fact's own sentences, less those it finds in other facts' sentences
    (the label's rarest words, when no pair finds any)."""
    out = []
    df: dict[str, int] = {}
    texts = m["text"].drop_duplicates().tolist()
    posting: dict[str, set] = {}
    for k, ts in enumerate(set(features.content(t)) for t in texts):
        for t in ts:
            df[t] = df.get(t, 0) + 1
            posting.setdefault(t, set()).add(k)
    at = {t: k for k, t in enumerate(texts)}
    for r in summary.head(n).itertuples(index=False):
        words = [w for w in dict.fromkeys(features.content(r.label)) if not w[0].isdigit()]
        own = m.loc[m["fact"] == r.fact, "text"].drop_duplicates().tolist()
        pair = _best_pair(words[:15], own, posting, {at[t] for t in own}, df)
        rare = pair or sorted(sorted(words, key=lambda w: (df.get(w, 0), w))[:2], key=words.index)
        ident = "-".join(re.sub(r"[^a-z0-9]", "", w) for w in words[:3]) or f"fact-{r.fact}"
        text = r.label.replace('"', "'")
        out.append(f"  - id: {ident}\n    text: \"{text}\"\n    patterns: ['{_pattern(rare)}']")
    return "claims:\n" + "\n".join(out) if out else ""
