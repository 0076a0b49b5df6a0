"""Which pair verdicts go wrong across stories, not in one (issue 23): a per-story error breakdown of the
pair relation and credit status on the development stories.

Dev gains of the pair verdicts (``analyses.verdicts``) barely transferred to the test stories, so a
change to them should fix an error that recurs across stories, not one story's quirk. This module lays
the dev errors out so that the difference shows: :func:`pair_rows` scores every labelled pair of a story
(truth and prediction side by side, the verdict's words), :func:`confusion` counts truth x prediction
with the number of stories each cell occurs in, and :func:`systematic` keeps the off-diagonal cells seen
in at least two stories (a cell seen in one story only is more likely that story's quirk: a rule fitted to
it would not transfer). The same for credit status (labelled yes / partial counted as "yes", as
``score_story.score_pairs`` scores it).

``python -m presslens.evaluation.pairs_breakdown`` prints the tables for the development stories of
data/eval (a story whose truth.yaml says ``split: test`` is skipped: only its ``split:`` line is read).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from .score_story import REUSING, predicted_pair
from .truth import load_truth

ROW_COLS = ["story", "a", "b", "relation", "predicted", "credit", "predicted_credit", "direction",
            "predicted_direction", "evidence"]


def split_of(folder: str | Path) -> str:
    """The ``split:`` of a story's truth.yaml, read from that one line (nothing else of the file)."""
    p = Path(folder) / "truth.yaml"
    if not p.is_file():
        return ""
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("split:"):
                return line.split(":", 1)[1].split("#")[0].strip().strip("'\"")
    return ""


def pair_rows(story: str, pairs: pd.DataFrame, truth_pairs: list[dict]) -> pd.DataFrame:
    """Every labelled pair (unsure ones left out) with truth and prediction side by side. ``pairs``: the
    verdict table (article_a, article_b, kind, relation, credited, direction, accusation); credit is
    "yes" / "no" (labelled partial counts as yes) and None where the truth has no credit to score."""
    rows = []
    for t in truth_pairs:
        if t.get("unsure"):
            continue
        p = predicted_pair(pairs, pd.DataFrame(), t["a"], t["b"])
        credit = None
        if t["relation"] in REUSING and t.get("credited") in ("yes", "no", "partial"):
            credit = "no" if t["credited"] == "no" else "yes"
        rows.append((story, t["a"], t["b"], t["relation"], p["relation"], credit,
                     p["credit"] if credit is not None else None, t.get("direction"), p["direction"], p["evidence"]))
    return pd.DataFrame(rows, columns=ROW_COLS)


def confusion(rows: pd.DataFrame, truth: str = "relation", predicted: str = "predicted") -> pd.DataFrame:
    """Truth x prediction: one row per (truth, predicted) cell with its count and the number of stories it
    occurs in, errors first, most widespread first."""
    r = rows[rows[truth].notna()].copy()
    r[predicted] = r[predicted].fillna("not said")
    g = r.groupby([truth, predicted]).agg(pairs=("story", "size"), stories=("story", "nunique")).reset_index()
    g["error"] = g[truth] != g[predicted]
    return g.sort_values(["error", "stories", "pairs"], ascending=[False, False, False], kind="mergesort").reset_index(drop=True)


def systematic(cells: pd.DataFrame, min_stories: int = 2) -> pd.DataFrame:
    """The error cells of :func:`confusion` seen in at least ``min_stories`` stories."""
    return cells[cells["error"] & (cells["stories"] >= min_stories)].reset_index(drop=True)


def per_story(rows: pd.DataFrame) -> pd.DataFrame:
    """Per story: pairs, relation errors, credit items and credit errors."""
    r = rows.assign(rel_err=rows["relation"] != rows["predicted"],
                    cred=rows["credit"].notna(), cred_err=rows["credit"].notna() & (rows["credit"] != rows["predicted_credit"]))
    return r.groupby("story").agg(pairs=("a", "size"), relation_errors=("rel_err", "sum"), credit_items=("cred", "sum"),
                                  credit_errors=("cred_err", "sum")).reset_index()


def breakdown(folders: list[str | Path]) -> pd.DataFrame:
    """:func:`pair_rows` of every development story among ``folders`` (test stories skipped unread)."""
    from .adapter import predict_pairs

    out = []
    for f in folders:
        if split_of(f) != "dev":
            continue
        t = load_truth(f)
        out.append(pair_rows(t.slug, predict_pairs(f), t.pairs))
    return pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=ROW_COLS)


def main(argv: list[str] | None = None) -> int:
    """Print the breakdown for the development stories of data/eval (or the folders given)."""
    from .scoreboard import EVAL_DIR

    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    folders = [Path(a) for a in args if a != "-v"] or sorted(p.parent for p in Path(EVAL_DIR).glob("*/truth.yaml"))
    rows = breakdown(folders)
    if rows.empty:
        print("presslens.evaluation.pairs_breakdown: no development story (truth.yaml with split: dev) among the "
              "folders; give data/eval/SLUG folders whose truth.yaml says split: dev.")
        return 1
    pd.set_option("display.width", 200)
    print(per_story(rows).to_string(index=False), end="\n\n")
    for name, t, p in (("relation", "relation", "predicted"), ("credit", "credit", "predicted_credit")):
        cells = confusion(rows, t, p)
        print(f"{name}: truth x predicted (errors first; 'stories' = in how many stories the cell occurs)")
        print(cells.to_string(index=False), end="\n\n")
    if verbose:
        bad = rows[(rows["relation"] != rows["predicted"]) | (rows["credit"].notna() & (rows["credit"] != rows["predicted_credit"]))]
        with pd.option_context("display.max_colwidth", 120):
            print(bad.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
