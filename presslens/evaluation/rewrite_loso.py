"""Held-out check of a story-relative rewrite signal (issue 23): is "the same distinctive content in the same
order" evidence of reuse where the sentence-by-sentence chain sees nothing?

A reader sees a rewrite when the names, numbers and rare words of one text come back in another in the same
order, even where sentences were merged, split or reworded past what the paraphrase chain
(:mod:`presslens.analyses.reuse.paraphrase`, a loose match sentence by sentence) matches. Two reports of one event
share some of those words too, so the signal is weighed against the story's own baseline:

- each article's narration (sentences less than half quoted) becomes the sequence of its **distinctive words**:
  content words (no stop word) found in at most :data:`SHARE` of the story's articles (names, numbers, rare words;
  a word most articles of the story carry is the topic, not evidence);
- the **order score** of a pair is the longest common subsequence of the two sequences, each cut to the words
  the other holds (:func:`order_score`): how many distinctive words the two share in the same order;
- the **relative score** sets it against the story's every other pair (:func:`relative`): its distance above the
  story's median pair in units of the gap between the median and the 90th percentile: how unusual the pair is
  among the story's own pairs, most of which are two outlets covering one event.

As :mod:`.paraphrase_loso` does for the chain, each development story is held out in turn: a score's threshold is
the highest value a labelled pair without reuse (unrelated, shared quotation only) of the *other* stories
reaches, and it is applied to the held-out story's labelled pairs the word indexes do not see as reuse. The
module prints tp, fp and fn for the chain, the order score, the relative score and the chain or the relative
score together, so a rule can be judged before it enters :mod:`presslens.analyses.verdicts`.

The unit may be the word or the **word pair** (:func:`grams`: two consecutive content words, "timber piles",
"engine room"): a pair of rare words kept side by side is wording kept, where a single name or number is a fact
any report of the event names.

Measured in session 19 on the 11 development stories with labelled pairs (15 reusing pairs the word indexes do not
see, 90 without reuse), held out (tp / false calls):

- words: the chain of four 4 / 0; the relative score 3 / 0 (2 of them in a chain already); the chain or the
  relative score 5 / 0 with :data:`SHARE` 0.25, but 4 / 1 at 0.1 and 5 / 1 at 0.5. Independent reports of one event
  share as many distinctive words in order (11 to 17) as the heavy rewrites the chain misses (7 to 14);
- word pairs: the order score 7 / 0 at 0.25 (2 / 1 at 0.1, 9 / 1 at 0.5), the chain or the order score 8 / 0; the
  relative score does worse (4 / 0). Every story's held-out threshold is 10 word pairs in order, and the weakest
  reusing pairs found hold 10 while three pairs without reuse, in three stories, hold 9: a margin of one. On the
  crafted Harbour stories of the tests, two own reports of one fire hold 9 and a report written with another's
  words in its own order 10.

So neither enters :mod:`presslens.analyses.verdicts` yet: the word-pair score is the lead, to be confirmed on
pairs scored before they are read.

``python -m presslens.evaluation.rewrite_loso data/eval/SLUG ...`` prints the table for the development stories
named (a story whose truth.yaml says ``split: test`` is skipped: only its ``split:`` line is read); with no folder it
prints its usage and exits 2, reading nothing.
"""
from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

from .pairs_breakdown import split_of
from .paraphrase_loso import NOT_REUSE, threshold as chain_threshold
from .score_story import REUSING
from .truth import load_truth

SHARE = 0.25  # a distinctive word is in at most this share of the story's articles (and always allowed in 2)
UNITS = {1: "words", 2: "word pairs"}  # the units the order score is measured in (main prints both)
ROW_COLS = ["story", "a", "b", "relation", "chain", "order", "relative"]
SCORES = ("chain", "order", "relative")


def grams(words: list[str], n: int) -> list[str]:
    """The text's units in order: its words (``n`` 1) or each two consecutive words joined by a space (``n`` 2)."""
    return list(words) if n == 1 else [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]


def sequences(texts: dict[str, list[str]], share: float = SHARE) -> dict[str, list[str]]:
    """Each article's content words (``texts``: article -> its narration's content words in order) kept when found
    in at most ``share`` of the articles (two at least): its distinctive words, in order."""
    df: dict[str, int] = {}
    for words in texts.values():
        for w in set(words):
            df[w] = df.get(w, 0) + 1
    limit = max(2.0, share * len(texts))
    return {a: [w for w in words if df[w] <= limit] for a, words in texts.items()}


def order_score(sa: list[str], sb: list[str]) -> int:
    """The distinctive words two sequences share in the same order: the longest common subsequence of each cut to
    the words the other holds."""
    from rapidfuzz.distance import LCSseq

    both = set(sa) & set(sb)
    if not both:
        return 0
    return int(LCSseq.similarity([w for w in sa if w in both], [w for w in sb if w in both]))


def relative(scores: dict) -> dict:
    """Each pair's score set against all the pairs of its story: (score - median) / (90th percentile - median),
    the gap at least 1 (a story whose pairs mostly share nothing)."""
    if not scores:
        return {}
    v = np.array(list(scores.values()), dtype=float)
    med, q90 = float(np.median(v)), float(np.quantile(v, 0.9))
    gap = max(1.0, q90 - med)
    return {k: round((s - med) / gap, 3) for k, s in scores.items()}


def story_rows(slug: str, labelled: list[dict], seen: set, chains: dict, texts: dict[str, list[str]],
               share: float = SHARE) -> pd.DataFrame:
    """The rows (:data:`ROW_COLS`) of one story's labelled pairs not seen as reuse by the word indexes (``seen``:
    frozensets), with their chain (``chains``: frozenset -> sentences), order score and relative score, every
    pair of ``texts`` making the story's baseline."""
    seq = sequences(texts, share)
    scores = {frozenset((a, b)): order_score(seq[a], seq[b]) for a, b in combinations(sorted(seq), 2)}
    rel = relative(scores)
    rows = []
    for p in labelled:
        key = frozenset((p["a"], p["b"]))
        if p.get("unsure") or key in seen:
            continue
        rows.append((slug, p["a"], p["b"], p["relation"], int(chains.get(key, 0)), scores.get(key, 0),
                     rel.get(key, 0.0)))
    return pd.DataFrame(rows, columns=ROW_COLS)


def held_out(rows: pd.DataFrame, col: str) -> dict[str, int]:
    """tp, fp, fn, summed over the stories, of score ``col`` when each story's threshold is chosen on the others:
    a pair counts when it is over the highest value a pair without reuse of the other stories reaches (for the
    chain: at or over :func:`presslens.evaluation.paraphrase_loso.threshold`); ``col`` may be "chain or relative"."""
    tp = fp = fn = 0
    for s in sorted(rows["story"].unique()):
        rest, mine = rows[rows["story"] != s], rows[rows["story"] == s]
        hit = np.zeros(len(mine), dtype=bool)
        for c in col.split(" or "):
            if c == "chain":
                hit |= (mine["chain"] >= chain_threshold(rest)).to_numpy()
            else:
                neg = rest.loc[rest["relation"].isin(NOT_REUSE), c]
                hit |= (mine[c] > (neg.max() if len(neg) else -np.inf)).to_numpy()
        reusing = mine["relation"].isin(REUSING).to_numpy()
        tp += int((reusing & hit).sum())
        fp += int((mine["relation"].isin(NOT_REUSE).to_numpy() & hit).sum())
        fn += int((reusing & ~hit).sum())
    return {"tp": tp, "fp": fp, "fn": fn}


def unseen_pairs(folder: str | Path, share: float = SHARE, unit: int = 1) -> pd.DataFrame:
    """:func:`story_rows` of the story at ``folder`` (its screened articles), in words (``unit`` 1) or word pairs (2)."""
    from .adapter import narration_words, reuse_and_chains

    t = load_truth(folder)
    seen, chains = reuse_and_chains(folder)
    texts = {a: grams(w, unit) for a, w in narration_words(folder).items()}
    return story_rows(t.slug, t.pairs, seen, chains, texts, share)


def main(argv: list[str] | None = None) -> int:
    """Print the held-out tables for the development story folders given (data/eval/SLUG ...; none: the usage, exit
    status 2, nothing read)."""
    from .scoreboard import no_folders

    args = sys.argv[1:] if argv is None else argv
    if not args:
        return no_folders("rewrite_loso")
    folders = [Path(a) for a in args]
    dev = [f for f in folders if split_of(f) == "dev"]
    if not dev:
        print("presslens.evaluation.rewrite_loso: no development story (truth.yaml with split: dev) among the folders.")
        return 1
    for unit, name in UNITS.items():
        rows = pd.concat([unseen_pairs(f, unit=unit) for f in dev], ignore_index=True)
        with pd.option_context("display.width", 200, "display.max_rows", 500):
            print(f"in {name}:")
            print(rows[rows["order"] > 0].sort_values("order", ascending=False).head(25).to_string(index=False))
        n_pos, n_neg = int(rows["relation"].isin(REUSING).sum()), int(rows["relation"].isin(NOT_REUSE).sum())
        print(f"\nheld out, in {name}, of {n_pos} reusing pairs and {n_neg} without reuse unseen by the word indexes:")
        for col in (*SCORES, "chain or relative", "chain or order"):
            c = held_out(rows, col)
            print(f"  {col:18} tp {c['tp']:3}  fp {c['fp']:3}  fn {c['fn']:3}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
