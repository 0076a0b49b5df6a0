"""The scoreboard: every analysis scored against the truth files, per story and per split.

:func:`score_story` validates a story's truth file, runs the story through the analyses
(:func:`presslens.evaluation.adapter.predict`) and returns the scorers' outcome rows.
:func:`summarise` turns outcomes into precision, recall and F1 (or a share: an accuracy, or a share
where lower is better) per measure and scope (all stories, the dev split, the test split, each
story), with 95% percentile intervals from a bootstrap over units (articles; pairs and name variants
where the item is not an article's): ``N_BOOT`` resamples, seeded per measure and scope, so the
output is the same on every run. :func:`markdown` and :func:`to_csv` write it.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from . import adapter
from .outcomes import BY_NAME, MEASURES, Measure
from .score_story import score_claims, score_facts, score_names, score_pairs, score_parties, score_translation
from .score_text import score_furniture, score_quotes, score_sentences
from .truth import Truth, load_truth

SEED = 22
N_BOOT = 1000
SPLITS = ("dev", "test")
EVAL_DIR = "data/eval"
WEAK = 0.7  # a headline figure (F1 or accuracy) below this, or a lower-is-better share above 1 - WEAK, is listed as weak
SUMMARY_COLS = ["analysis", "measure", "scope", "kind", "units", "items", "tp", "fp", "fn", "yes", "no",
                "precision", "precision_lo", "precision_hi", "recall", "recall_lo", "recall_hi", "f1", "f1_lo", "f1_hi",
                "share", "share_lo", "share_hi"]


def eval_folders(stories: list[str] | None = None, root: str | Path = EVAL_DIR) -> list[Path]:
    """The evaluation story folders: every folder of ``root`` holding a truth.yaml, or the ones named
    (a slug under ``root``, or a path)."""
    base = adapter.resolve(root)
    if not stories:
        return sorted(p for p in base.iterdir() if (p / "truth.yaml").is_file()) if base.is_dir() else []
    out = []
    for s in stories:
        p = Path(s)
        cand = p if (p.is_absolute() or p.exists()) else base / s
        if not (cand / "truth.yaml").is_file():
            raise adapter.StoryError([_not_evaluation(str(s), cand, root)])
        out.append(cand.resolve())
    return out


def no_folders(prog: str, options: str = "") -> int:
    """What a held-out estimator (``presslens.evaluation.*_loso``, ``loso``) does when given no story folder: print
    its usage to stderr and return 2 (a usage error), reading nothing. It never globs ``data/eval``: that would open
    the test stories' files (their truth.yaml's split line at least), which nobody developing rules may read; the
    development stories are named (every folder of data/eval but the test stories)."""
    print(f"usage: python -m presslens.evaluation.{prog} {options}data/eval/SLUG [data/eval/SLUG ...]\n"
          f"  name the development stories' folders (every folder of {EVAL_DIR} but the test stories'); with no folder "
          "nothing is read: a glob of data/eval would open the test stories' files too", file=sys.stderr)
    return 2


def _not_evaluation(given: str, folder: Path, root: str | Path) -> adapter.Problem:
    """Why ``folder`` (given as ``given``) cannot be scored, and the fix: its truth.yaml is not a file (a
    folder, a named pipe), or a story folder has none yet (the user's own story), or it is no story."""
    truth = folder / "truth.yaml"
    if os.path.lexists(truth):
        return adapter.Problem(f"{given.rstrip('/')}/truth.yaml", "STORY", f"is {adapter.limits.kind_of(truth)}, not a file",
                               f"make truth.yaml a regular file holding the story's hand labels (see {root}/FORMAT.md)")
    if (folder / "story.yaml").is_file():
        return adapter.Problem(given, "STORY", "is a story, but has no truth.yaml (its hand labels), so it cannot be scored",
                               f"add {adapter.display(folder.resolve() / 'truth.yaml')} (the format: {root}/FORMAT.md)")
    known = ", ".join(f.name for f in eval_folders(None, root)) or "none yet"
    return adapter.Problem(given, "STORY", "is not an evaluation story (no truth.yaml)", f"give a folder of {root} ({known})")


def score_predictions(pred: adapter.Predictions, truth: Truth) -> pd.DataFrame:
    """Every scorer on one story's predictions: the outcome rows, with the story and its split."""
    measured = set(pred.articles.loc[pred.articles["measured"], "id"])
    frames = [
        score_quotes(pred.quotes, truth, measured, dict(zip(pred.articles["id"], pred.articles["text"]))),
        score_pairs(pred.pairs, pred.provenance, truth),
        score_translation(pred.translations, truth, measured),
        score_furniture(pred.articles, pred.removed, pred.measured_sentences, truth),
        score_sentences(pred.articles, pred.sentences, truth),
        score_names(pred.names, pred.known_forms, truth),
        score_claims(pred.claims, pred.claim_texts, truth, sorted(measured)),
        score_facts(pred.facts, truth, sorted(measured), adapter.content_words, pred.claim_texts),
        score_parties(pred.party_voices, pred.parties, pred.parties_of, truth, sorted(measured)),
    ]
    out = pd.concat([f for f in frames if len(f)], ignore_index=True) if any(len(f) for f in frames) else frames[0]
    return out.assign(story=truth.slug, split=truth.split)


def score_story(folder: str | Path, speakers: str | None = None) -> tuple[Truth, pd.DataFrame]:
    """Validate ``folder``'s truth file, then score the story (see :func:`score_predictions`); ``speakers``: the
    quote speakers' source for this run ("rules", "parse-fill"; None: as the story's story.yaml says)."""
    truth = load_truth(folder)
    pred = adapter.predict(folder, withheld_names=[n["form"] for n in truth.names if isinstance(n["form"], str)],
                           speakers=speakers)
    return truth, score_predictions(pred, truth)


def _rates(h: np.ndarray, w: np.ndarray) -> float:
    return float(h.sum() / w.sum()) if w.sum() > 0 else float("nan")


def _one(m: Measure, scope: str, g: pd.DataFrame) -> dict:
    counts = {k: int((g["outcome"] == k).sum()) for k in ("tp", "fp", "fn", "yes", "no")}
    per = g.assign(_u=g["story"] + "/" + g["unit"].astype(str))
    per = pd.crosstab(per["_u"], per["outcome"]).reindex(columns=["tp", "fp", "fn", "yes", "no"], fill_value=0)
    tp, fp, fn, yes, no = (per[c].to_numpy(dtype=float) for c in ("tp", "fp", "fn", "yes", "no"))
    if m.kind == "prf":
        H, W = np.column_stack([tp, tp, 2 * tp]), np.column_stack([tp + fp, tp + fn, 2 * tp + fp + fn])
        names = ("precision", "recall", "f1")
    elif m.kind == "mean":   # a mean of per-item values: the share columns hold it
        v = g.assign(_u=g["story"] + "/" + g["unit"].astype(str)).groupby("_u")["value"].agg(["sum", "count"])
        v = v.reindex(per.index, fill_value=0)
        H, W = v["sum"].to_numpy(dtype=float)[:, None], v["count"].to_numpy(dtype=float)[:, None]
        names = ("share",)
    else:
        H, W = yes[:, None], (yes + no)[:, None]
        names = ("share",)
    lo, hi = adapter.ratio_ci(H, W, N_BOOT, adapter.group_rng(SEED, m.analysis, m.name, scope))
    row = {"analysis": m.analysis, "measure": m.name, "scope": scope, "kind": m.kind, "units": len(per),
           "items": len(g), **counts}
    for i, n in enumerate(names):
        row[n], row[f"{n}_lo"], row[f"{n}_hi"] = _rates(H[:, i], W[:, i]), float(lo[i]), float(hi[i])
    return row


def scopes(outcomes: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """("all", every row), ("dev", ...), ("test", ...), then one per story (dev stories first)."""
    out = [("all", outcomes)] + [(s, outcomes[outcomes["split"] == s]) for s in SPLITS]
    stories = outcomes[["story", "split"]].drop_duplicates()
    for slug in stories.sort_values(["split", "story"])["story"]:
        out.append((slug, outcomes[outcomes["story"] == slug]))
    return out


def summarise(outcomes: pd.DataFrame) -> pd.DataFrame:
    """One row per measure and scope (``SUMMARY_COLS``), measures in ``MEASURES`` order."""
    rows = []
    for scope, o in scopes(outcomes):
        for m in MEASURES:
            g = o[(o["analysis"] == m.analysis) & (o["measure"] == m.name)]
            if len(g):
                rows.append(_one(m, scope, g))
    return pd.DataFrame(rows, columns=SUMMARY_COLS)


def headline(row) -> tuple[str, float]:
    """The figure that sums a row up: F1 for precision/recall measures, else the share."""
    if row["kind"] == "mean":
        return "mean", row["share"]
    return ("F1", row["f1"]) if row["kind"] == "prf" else (("accuracy" if BY_NAME[(row["analysis"], row["measure"])].better
                                                             == "higher" else "share"), row["share"])


def _fmt(x: float) -> str:
    return "–" if pd.isna(x) else f"{x:.2f}"


def cell(row, name: str) -> str:
    v = row[name]
    if pd.isna(v):
        return ""
    return f"{v:.2f} [{_fmt(row[name + '_lo'])}, {_fmt(row[name + '_hi'])}]"


def counts(row) -> str:
    if row["kind"] == "prf":
        return f"tp {row['tp']}, fp {row['fp']}, fn {row['fn']}"
    if row["kind"] == "mean":
        return f"mean of {row['items']}"
    return f"{row['yes']} of {row['yes'] + row['no']}"


def table(summary: pd.DataFrame, scope: str) -> str:
    """The Markdown table of one scope: every measure with its figures, intervals and counts."""
    s = summary[summary["scope"] == scope]
    if s.empty:
        return "_nothing scored_\n"
    lines = ["| analysis | measure | precision | recall | F1 | accuracy / share / mean | counts | units |",
             "|---|---|---|---|---|---|---|---|"]
    for _, r in s.iterrows():
        better = BY_NAME[(r["analysis"], r["measure"])].better
        share = cell(r, "share") + (" (lower is better)" if better == "lower" and r["kind"] == "share" else "")
        lines.append(f"| {r['analysis']} | {r['measure']} | {cell(r, 'precision')} | {cell(r, 'recall')} | "
                     f"{cell(r, 'f1')} | {share} | {counts(r)} | {r['units']} |")
    return "\n".join(lines) + "\n"


def matrix(summary: pd.DataFrame, scope_names: list[str]) -> str:
    """Measures down, scopes across: the headline figure of each (F1, accuracy or share) with its
    95% interval and the number of items scored."""
    head = "| analysis | measure | figure | " + " | ".join(scope_names) + " |"
    lines = [head, "|" + "---|" * (3 + len(scope_names))]
    for m in MEASURES:
        rows = summary[(summary["analysis"] == m.analysis) & (summary["measure"] == m.name)]
        if rows.empty:
            continue
        name = headline(rows.iloc[0])[0] + (" (lower is better)" if m.better == "lower" else "")
        vals = []
        for sc in scope_names:
            r = rows[rows["scope"] == sc]
            if r.empty:
                vals.append("")
                continue
            x = r.iloc[0]
            col = "f1" if x["kind"] == "prf" else "share"
            vals.append(f"{_fmt(x[col])} [{_fmt(x[col + '_lo'])}, {_fmt(x[col + '_hi'])}] n={x['items']}")
        lines.append(f"| {m.analysis} | {m.name} | {name} | " + " | ".join(vals) + " |")
    return "\n".join(lines) + "\n"


def weak_points(summary: pd.DataFrame, scope: str = "all") -> list[str]:
    """Sentences naming the measures whose headline figure is weak (``WEAK``), worst first."""
    out = []
    for _, r in summary[summary["scope"] == scope].iterrows():
        name, v = headline(r)
        better = BY_NAME[(r["analysis"], r["measure"])].better
        bad = (v < WEAK) if better == "higher" else (v > 1 - WEAK)
        if not pd.isna(v) and bad:
            score = v if better == "higher" else 1 - v
            out.append((score, f"{r['analysis']}, {r['measure']}: {name} {v:.2f} ({counts(r)})"))
    return [s for _, s in sorted(out, key=lambda t: t[0])]


def to_csv(summary: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    summary.to_csv(path, index=False, float_format="%.4f", lineterminator="\n")


def errors(outcomes: pd.DataFrame) -> str:
    """Every miss, story by story and measure by measure: what was labelled or found, why it counts
    against presslens, and the sentence it is in."""
    lines = []
    for (story, analysis, measure), g in outcomes.groupby(["story", "analysis", "measure"], sort=False):
        better = BY_NAME[(analysis, measure)].better
        bad = g[g["outcome"].isin(("fp", "fn")) | (g["outcome"] == ("no" if better == "higher" else "yes"))]
        if bad.empty:
            continue
        lines.append(f"\n{story} · {analysis} · {measure}: {len(bad)} miss(es)")
        for r in bad.itertuples(index=False):
            lines.append(f"  [{r.outcome}] {r.unit}: {r.item}" + (f"  ({r.detail})" if r.detail else ""))
            if r.sentence:
                lines.append(f"        in: {' '.join(str(r.sentence).split())[:300]}")
    return "\n".join(lines) + ("\n" if lines else "")
