"""The furniture line model judged honestly: fitted on the development stories, scored on each
story held out of its fit (issue 25).

The line model (:mod:`presslens.text.linemodel`, Kohlschütter, Fankhauser and Nejdl 2010, "Boilerplate
detection using shallow text features") reads one line at a time through shallow features and removes,
among the lines the rules keep, those it gives a high probability of being furniture. Its in-sample
score says little: for each development story held out, :func:`held_out` fits the model on the
other stories' labelled lines and scores it on the held-out story's, at every threshold of a grid, so
the threshold is chosen on held-out curves (:func:`choose`: the lowest threshold whose summed held-out
precision is at least 0.95, whose recall beats the rules', and whose own removals are 95% furniture).
``--held-rules`` also switches off, for each held-out story, the built-in rules fitted to it alone
(:mod:`.furniture_loso`): the rules and the model both held out. ``python -m presslens.evaluation.furniture_model`` prints the held-out
table; ``scripts/fit_line_model.py`` writes the model fitted on every story with that threshold.

The rules' own decisions are the in-sample ones of ``presslens eval`` (the model is added to them);
the share of measured sentences that are furniture is estimated by dropping the measured sentences
that lie inside a line the model removes.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from .adapter import (cleaned_lines, cleaning_rules, linemodel, load_story, predict_furniture, story_templates,
                      stats, with_rules_off)
from .outcomes import fold
from .score_text import NOT_FURNITURE_RULES, score_furniture
from .truth import load_truth, norm_space

L2 = 1.0          # the ridge penalty on the standardised weights (the bias is not penalised)
GRID = tuple(round(0.1 + 0.02 * k, 2) for k in range(45))   # thresholds 0.10 .. 0.98
PRECISION = 0.95


def line_table(folder: str | Path, disable: Iterable[str] = ()) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per line holding text of every furniture-labelled article of the development story at
    ``folder``: story, article_id, line (1-based), text, furniture (labelled), kept (by the rules),
    candidate (kept, and not protected: what the model may remove, :func:`linemodel.candidates`), headline (removed as the repeated
    headline only, scored by no side); and the :data:`linemodel.FEATURES` of each row. ``disable``:
    built-in rules switched off (those :mod:`.furniture_loso` finds fitted to this story alone)."""
    truth = load_truth(folder)
    story = with_rules_off(load_story(folder), disable)
    rules = [r for r in cleaning_rules(story) if r.get("shape") != "line-model"]
    templates = story_templates(story, rules)
    rows, feats = [], []
    for a in story.articles.itertuples(index=False):
        lab = truth.articles.get(a.id)
        if not lab or lab.get("furniture") is None:
            continue
        labelled = {norm_space(x) for x in lab["furniture"]}
        title = a.title if isinstance(a.title, str) and a.title else None
        template = templates.get(a.id, frozenset())
        kept, removed, lines = cleaned_lines(a.text, title, rules, template)
        held = {no - 1 for no, x in kept if x.strip()}
        counted = {r["line"] - 1 for r in removed if r["rule"] not in NOT_FURNITURE_RULES}
        gone = {i for i, s in enumerate(lines) if s.strip() and i not in held}
        x, idx = linemodel.features(lines, gone, template, title)
        raw = a.text.split("\n")
        cand = set(linemodel.candidates(lines, held, title))
        for k, i in enumerate(idx):
            original = raw[i] if i < len(raw) else lines[i]
            rows.append((truth.slug, a.id, i + 1, lines[i].strip(), norm_space(original) in labelled, i in held,
                         i in cand, i not in held and i not in counted))
        feats.append(x)
    cols = ["story", "article_id", "line", "text", "furniture", "kept", "candidate", "headline"]
    return pd.DataFrame(rows, columns=cols), (np.vstack(feats) if feats else np.zeros((0, len(linemodel.FEATURES))))


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, weight: np.ndarray | None = None) -> dict:
    """A logistic regression of ``y`` on ``x`` (standardised), L2-penalised, by Newton's method from
    zero weights: deterministic; ``weight``: each row's weight (default 1). Returns the model as :func:`linemodel.probabilities` reads it."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    pen = np.full(z.shape[1], l2)
    pen[-1] = 0.0
    w = stats.newton_logistic(z, y, pen + 1e-9, weight, max_iter=50)  # 1e-9: the intercept's Hessian never singular
    return {"mean": mean, "scale": scale, "weights": w[:-1], "bias": float(w[-1])}


def _sentences(folder, disable: Iterable[str] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The measured sentences of the story with their furniture outcome (yes/no), and the rules' line
    outcomes, with the rules ``disable`` off."""
    out = score_furniture(*predict_furniture(folder, disable), load_truth(folder))
    share = out[out["measure"] == "measured sentences that are furniture"]
    lines = out[out["measure"] == "furniture lines removed"]
    return share, lines


def held_out(folders: list[str | Path], grid=GRID, l2: float = L2, train: str = "all",
             held_rules: dict[str, set[str]] | None = None) -> pd.DataFrame:
    """Per development story held out and threshold: the rules' line tp/fp/fn plus the model's (fitted
    without that story), and the estimated furniture share. ``train``: "all" lines of the other
    stories, or "kept" lines only (those the rules leave). ``held_rules``: story -> the built-in rules
    switched off when it is held out (:func:`.furniture_loso.estimate`); the model is fitted on the
    other stories cleaned by every rule, and scored on the held-out story cleaned without those."""
    tables, scored = {}, {}
    for f in folders:
        if load_truth(f).split != "dev":
            continue
        t, x = line_table(f)
        if len(t) and t["furniture"].any():
            slug = t["story"].iloc[0]
            tables[slug] = (f, t, x)
            off = (held_rules or {}).get(slug) or set()
            scored[slug] = line_table(f, off) if off else (t, x)
    rows = []
    for slug, (folder, _, _) in tables.items():
        t, x = scored[slug]
        others = [(tt, xx) for s, (_, tt, xx) in tables.items() if s != slug]
        tt = pd.concat([o[0] for o in others], ignore_index=True)
        xx = np.vstack([o[1] for o in others])
        use = (~tt["headline"]).to_numpy() if train == "all" else tt["kept"].to_numpy()
        model = fit(xx[use], tt["furniture"].to_numpy()[use].astype(float), l2)
        p = linemodel.probabilities(x, model)
        share, lines = _sentences(folder, (held_rules or {}).get(slug) or ())
        base = {o: int((lines["outcome"] == o).sum()) for o in ("tp", "fp", "fn")}
        cand = t["candidate"].to_numpy()
        lab = t["furniture"].to_numpy()
        yes = [fold(s) for s in share["item"][share["outcome"] == "yes"]]
        no = [fold(s) for s in share["item"][share["outcome"] == "no"]]
        for th in grid:
            hit = cand & (p >= th)
            gone = [fold(s) for s in t["text"][hit]]
            def inside(s):
                return len(s) >= 4 and any(s in g for g in gone)
            fy, fn_ = sum(map(inside, yes)), sum(map(inside, no))
            rows.append((slug, th, base["tp"] + int((hit & lab).sum()), base["fp"] + int((hit & ~lab).sum()),
                         base["fn"] - int((hit & lab).sum()), len(yes) - fy, len(yes) + len(no) - fy - fn_,
                         base["tp"], base["fp"], base["fn"], len(yes), len(yes) + len(no)))
    return pd.DataFrame(rows, columns=["story", "threshold", "tp", "fp", "fn", "furniture", "sentences",
                                       "rules_tp", "rules_fp", "rules_fn", "rules_furniture", "rules_sentences"])


def fit_without(folders: list[str | Path], held: str, l2: float = L2) -> dict:
    """The model fitted on the lines of the development stories among ``folders`` other than ``held`` (a slug)."""
    tables = [line_table(f) for f in folders if load_truth(f).split == "dev" and load_truth(f).slug != held]
    t = pd.concat([a for a, _ in tables if len(a)], ignore_index=True)
    x = np.vstack([b for a, b in tables if len(a)])
    use = (~t["headline"]).to_numpy()
    return fit(x[use], t["furniture"].to_numpy()[use].astype(float), l2)


def on_removals(folder: str | Path, articles: pd.DataFrame, removed: pd.DataFrame, sentences: pd.DataFrame,
                fitted: dict, grid=GRID) -> pd.DataFrame:
    """The model on top of given removals (another version's rules, say: the rules as they were before
    a set's pages were read, ``scripts/line_model_unseen.py``): per threshold, the lines tp/fp/fn and the
    furniture share of the rules plus the model. The kept lines are those the removals leave (as
    :func:`.score_text.score_furniture` counts a line dropped)."""
    from .score_text import line_dropped
    from .adapter import furniture_hygiene

    truth = load_truth(folder)
    story = load_story(folder)
    templates = story_templates(story, cleaning_rules(story))
    out = score_furniture(articles, removed, sentences, truth)
    lines_o = out[out["measure"] == "furniture lines removed"]
    share = out[out["measure"] == "measured sentences that are furniture"]
    base = {o: int((lines_o["outcome"] == o).sum()) for o in ("tp", "fp", "fn")}
    body = dict(zip(articles["id"], articles["text"]))
    cand_p, cand_f, cand_t = [], [], []
    for a in story.articles.itertuples(index=False):
        lab = truth.articles.get(a.id)
        if not lab or lab.get("furniture") is None or a.id not in body:
            continue
        labelled = {norm_space(x) for x in lab["furniture"]}
        raw = body[a.id].split("\n")
        lines = furniture_hygiene(body[a.id])[0].split("\n")
        cuts: dict[int, list[str]] = {}
        r = removed[removed["article_id"] == a.id]
        for no, txt in zip(r["line"].tolist(), r["removed"].tolist()):
            cuts.setdefault(int(no), []).append(str(txt))
        held = {i for i, s in enumerate(lines) if s.strip() and i < len(raw) and not (i + 1 in cuts and line_dropped(raw[i], cuts[i + 1]))}
        gone = {i for i, s in enumerate(lines) if s.strip() and i not in held}
        title = a.title if isinstance(a.title, str) and a.title else None
        x, idx = linemodel.features(lines, gone, templates.get(a.id, frozenset()), title)
        p = linemodel.probabilities(x, fitted)
        cand = set(linemodel.candidates(lines, held, title))
        for k, i in enumerate(idx):
            if i in cand:
                cand_p.append(p[k])
                cand_f.append(norm_space(raw[i]) in labelled)
                cand_t.append(fold(lines[i]))
    cp, cf = np.asarray(cand_p), np.asarray(cand_f, dtype=bool)
    yes = [fold(s) for s in share["item"][share["outcome"] == "yes"]]
    no = [fold(s) for s in share["item"][share["outcome"] == "no"]]
    rows = []
    for th in grid:
        hit = cp >= th
        gone_t = [t for t, h in zip(cand_t, hit) if h]
        fy = sum(1 for s in yes if len(s) >= 4 and any(s in g for g in gone_t))
        fn_ = sum(1 for s in no if len(s) >= 4 and any(s in g for g in gone_t))
        rows.append((truth.slug, th, base["tp"] + int((hit & cf).sum()), base["fp"] + int((hit & ~cf).sum()),
                     base["fn"] - int((hit & cf).sum()), len(yes) - fy, len(yes) + len(no) - fy - fn_,
                     base["tp"], base["fp"], base["fn"], len(yes), len(yes) + len(no)))
    return pd.DataFrame(rows, columns=["story", "threshold", "tp", "fp", "fn", "furniture", "sentences",
                                       "rules_tp", "rules_fp", "rules_fn", "rules_furniture", "rules_sentences"])


def curve(table: pd.DataFrame) -> pd.DataFrame:
    """Summed held-out precision, recall and share at each threshold (and the rules alone)."""
    g = table.groupby("threshold").sum(numeric_only=True).reset_index()
    g["precision"] = g["tp"] / (g["tp"] + g["fp"])
    g["recall"] = g["tp"] / (g["tp"] + g["fn"])
    g["share"] = g["furniture"] / g["sentences"]
    g["rules_precision"] = g["rules_tp"] / (g["rules_tp"] + g["rules_fp"])
    g["rules_recall"] = g["rules_tp"] / (g["rules_tp"] + g["rules_fn"])
    g["rules_share"] = g["rules_furniture"] / g["rules_sentences"]
    return g


def choose(curves: pd.DataFrame, precision: float = PRECISION) -> float | None:
    """The lowest threshold at which, held out, the precision stays at least ``precision``, the recall
    beats the rules alone, and the lines the model adds are themselves at least ``precision``
    furniture (a model that removes one prose line for each furniture line it finds trades the one for
    the other); None when no threshold does, and the model stays off."""
    add_tp = curves["tp"] - curves["rules_tp"]
    add_fp = curves["fp"] - curves["rules_fp"]
    added = add_tp / (add_tp + add_fp).where(add_tp + add_fp > 0)
    ok = curves[(curves["precision"] >= precision) & (curves["recall"] > curves["rules_recall"]) & (added >= precision)]
    return float(ok["threshold"].min()) if len(ok) else None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    train = "kept" if "--kept" in args else "all"
    names = [a for a in args if not a.startswith("--")]
    from .furniture_loso import is_dev
    from .scoreboard import eval_folders

    folders = [f for f in eval_folders(names or None) if is_dev(f)]
    held = None
    if "--held-rules" in args:
        from .furniture_loso import estimate

        est = estimate(folders)[0]
        held = {s: {r for r in off.split(", ") if r} for s, off in zip(est["story"], est["switched_off"])}
    table = held_out(folders, train=train, held_rules=held)
    cur = curve(table)
    with pd.option_context("display.width", 250, "display.max_rows", 500):
        cur["added_tp"], cur["added_fp"] = cur["tp"] - cur["rules_tp"], cur["fp"] - cur["rules_fp"]
        print(cur[["threshold", "tp", "fp", "fn", "added_tp", "added_fp", "precision", "recall", "share"]].round(4)
              .to_string(index=False))
        th = choose(cur)
        print(f"rules alone: precision {cur['rules_precision'].iloc[0]:.3f}, recall {cur['rules_recall'].iloc[0]:.3f}, "
              f"share {cur['rules_share'].iloc[0]:.4f}; chosen threshold: {th}")
        shown = next((float(a.split("=", 1)[1]) for a in args if a.startswith("--at=")), th if th is not None else GRID[-1])
        print(f"per story at threshold {shown}:")
        at = table[(table["threshold"] - shown).abs() < 1e-9]
        print(at.drop(columns=["threshold"]).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
