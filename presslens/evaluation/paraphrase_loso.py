"""Held-out check of the paraphrase signal (issue 23): is a chain of sentences retold in the same order
evidence of reuse on a story whose labels chose nothing?

:mod:`presslens.analyses.reuse.paraphrase` calls two texts a paraphrase when :data:`CHAIN` sentences or more
match loosely in the same order. The threshold was read off the labelled development pairs, so an in-sample
score flatters it. Here each development story is held out in turn: the threshold is the smallest chain
that no labelled pair of the *other* stories without reuse (``unrelated``, ``shared_quote_only``) reaches,
and it is applied to the held-out story's labelled pairs that the word indexes do not see as reuse (no
passage of narration, no reworded sentence). A labelled reusing pair (copy, reworded copy, common wire)
at or over it is found (tp), a pair without reuse at or over it a false call (fp), a reusing pair under it
missed (fn).

``python -m presslens.evaluation.paraphrase_loso data/eval/SLUG ...`` prints the table for the development stories
named (a story whose truth.yaml says ``split: test`` is skipped: only its ``split:`` line is read); with no folder it
prints its usage and exits 2, reading nothing.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from .pairs_breakdown import split_of
from .score_story import REUSING
from .truth import load_truth

NOT_REUSE = ("unrelated", "shared_quote_only")
ROW_COLS = ["story", "a", "b", "relation", "chain"]


def unseen_pairs(folder: str | Path) -> pd.DataFrame:
    """The labelled pairs of one story the word indexes do not see as reuse, with the longest chain of
    loosely matched sentences in the same order each holds (0 when none)."""
    from .adapter import reuse_and_chains

    t = load_truth(folder)
    seen, chains = reuse_and_chains(folder)
    rows = [(t.slug, p["a"], p["b"], p["relation"], int(chains.get(frozenset((p["a"], p["b"])), 0)))
            for p in t.pairs if not p.get("unsure") and frozenset((p["a"], p["b"])) not in seen]
    return pd.DataFrame(rows, columns=ROW_COLS)


def threshold(rows: pd.DataFrame) -> int:
    """The smallest chain no labelled pair without reuse among ``rows`` reaches."""
    neg = rows.loc[rows["relation"].isin(NOT_REUSE), "chain"]
    return int(neg.max()) + 1 if len(neg) else 1


def held_out(rows: pd.DataFrame) -> pd.DataFrame:
    """Per story: the threshold chosen on the other stories and tp, fp, fn on this one (module docstring)."""
    out = []
    for s in sorted(rows["story"].unique()):
        thr = threshold(rows[rows["story"] != s])
        mine = rows[rows["story"] == s]
        reusing, hit = mine["relation"].isin(REUSING), mine["chain"] >= thr
        out.append({"story": s, "threshold": thr, "tp": int((reusing & hit).sum()),
                    "fp": int((mine["relation"].isin(NOT_REUSE) & hit).sum()), "fn": int((reusing & ~hit).sum()),
                    "negatives": int(mine["relation"].isin(NOT_REUSE).sum())})
    return pd.DataFrame(out, columns=["story", "threshold", "tp", "fp", "fn", "negatives"])


def main(argv: list[str] | None = None) -> int:
    """Print the held-out table for the development story folders given (data/eval/SLUG ...; none: the usage, exit
    status 2, nothing read)."""
    from .scoreboard import no_folders

    args = sys.argv[1:] if argv is None else argv
    if not args:
        return no_folders("paraphrase_loso")
    folders = [Path(a) for a in args]
    parts = [unseen_pairs(f) for f in folders if split_of(f) == "dev"]
    if not parts:
        print("presslens.evaluation.paraphrase_loso: no development story (truth.yaml with split: dev) among the folders.")
        return 1
    rows = pd.concat(parts, ignore_index=True)
    table = held_out(rows)
    print(table.to_string(index=False))
    tp, fp, fn = (int(table[c].sum()) for c in ("tp", "fp", "fn"))
    print(f"\nheld out: tp {tp}, fp {fp} (of {int(table['negatives'].sum())} pairs without reuse), fn {fn}; "
          f"in sample the threshold is {threshold(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
