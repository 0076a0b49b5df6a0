"""How well name discovery should do on stories it was not built on: a leave-one-story-out estimate
over the development stories (issue 26, names).

Discovery's rules (spelling, romanisation, calque, word order, short and long forms, surname, title and
name...) were written while reading the development stories, so their score there is in-sample: on the
test stories (scored once, never read) F1 fell from 0.45 to 0.33. For each held-out story this keeps
only the rules that would have been written from the *other* stories: a rule with a true proposal in
at least one other story and a precision there of at least ``MIN_PRECISION``; the held-out story's
proposals by any other rule are dropped (their labelled variants stay misses).

:func:`held_out` does this on tables (pure: one row per proposal or miss, with its rule, in; counts
out); :func:`rule_table` gives each rule's true and false proposals per story (a rule right in one
story only is probably fitted to it); :func:`rule_precision` each rule's precision in sample and held out;
:func:`estimate` runs discovery on the development stories of ``data/eval`` or the folders given (it skips
any other split). ``python -m presslens.evaluation.names_loso SLUG ...`` prints them (name the development
stories: with no folder it prints its usage and exits 2, reading nothing); with ``--names-only
SLUG ...``, :func:`names_only`, a probe of precision on the forms story.yaml gives, no label needed.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

from .adapter import load_story, predict_names
from .score_story import name_key, score_names
from .truth import load_truth

MIN_PRECISION = 0.5  # a rule kept for the held-out story is right at least this often on the others
COUNTS = ["story", "tp", "fp", "fn"]


def outcomes(story: str, names: pd.DataFrame, known_forms: dict, truth) -> pd.DataFrame:
    """One row per proposal (tp or fp) and per labelled variant missed (fn): story, rule, outcome, item."""
    scored = score_names(names, known_forms, truth)
    scored = scored[scored["measure"] == "name variants proposed"]
    props = names.drop_duplicates(["candidate", "actor"])
    made = scored[scored["outcome"].isin(["tp", "fp"])]
    missed = scored[scored["outcome"] == "fn"]
    return pd.DataFrame({"story": story,
                         "rule": list(props["rule"]) + [None] * len(missed),
                         "outcome": list(made["outcome"]) + list(missed["outcome"]),
                         "item": list(made["item"]) + list(missed["item"])})


def rule_table(rows: pd.DataFrame) -> pd.DataFrame:
    """rule x story: 'tp/fp' of the rule's proposals in each story."""
    made = rows[rows["outcome"].isin(["tp", "fp"])]
    if made.empty:
        return pd.DataFrame()
    c = made.groupby(["rule", "story", "outcome"]).size().unstack("outcome", fill_value=0)
    c = c.reindex(columns=["tp", "fp"], fill_value=0)
    return (c["tp"].astype(str) + "/" + c["fp"].astype(str)).unstack("story", fill_value="0/0")


def kept_rules(rows: pd.DataFrame, held: str, min_precision: float = MIN_PRECISION) -> set:
    """The rules that would have been written from the stories other than ``held``."""
    other = rows[(rows["story"] != held) & rows["outcome"].isin(["tp", "fp"])]
    c = other.groupby(["rule", "outcome"]).size().unstack("outcome", fill_value=0).reindex(columns=["tp", "fp"],
                                                                                           fill_value=0)
    return {r for r, tp, fp in zip(c.index, c["tp"], c["fp"]) if tp >= 1 and tp / (tp + fp) >= min_precision}


def held_out(rows: pd.DataFrame, min_precision: float = MIN_PRECISION) -> pd.DataFrame:
    """Per held-out story, tp, fp and fn with only :func:`kept_rules` proposing (a true proposal
    by a dropped rule becomes a miss), and a total row."""
    out = []
    for story in dict.fromkeys(rows["story"]):
        keep = kept_rules(rows, story, min_precision)
        mine = rows[rows["story"] == story]
        made = mine[mine["outcome"].isin(["tp", "fp"])]
        on = made["rule"].isin(keep)
        tp = int((on & (made["outcome"] == "tp")).sum())
        fp = int((on & (made["outcome"] == "fp")).sum())
        fn = int((mine["outcome"] == "fn").sum()) + int((~on & (made["outcome"] == "tp")).sum())
        out.append((story, tp, fp, fn))
    t = pd.DataFrame(out, columns=COUNTS)
    total = pd.DataFrame([("total", *t[["tp", "fp", "fn"]].sum().tolist())], columns=COUNTS)
    return pd.concat([t, total], ignore_index=True)


def rule_precision(rows: pd.DataFrame, min_precision: float = MIN_PRECISION) -> pd.DataFrame:
    """Per rule, its proposals in sample and held out: ``stories`` (with a proposal), ``right_in`` (with a
    true one), ``tp``/``fp``/``precision`` over all stories, ``held_tp``/``held_fp``/``held_precision`` over
    the stories where :func:`kept_rules` keeps it when that story is held out, and ``lost_tp`` (true
    proposals of the stories where it is dropped). A rule under 0.8 held out is a candidate to tighten."""
    made = rows[rows["outcome"].isin(["tp", "fp"])]
    out = []
    for rule, mine in made.groupby("rule", sort=True):
        tp = fp = htp = hfp = lost = 0
        for story, g in mine.groupby("story", sort=False):
            t, f = int((g["outcome"] == "tp").sum()), int((g["outcome"] == "fp").sum())
            tp, fp = tp + t, fp + f
            if rule in kept_rules(rows, story, min_precision):
                htp, hfp = htp + t, hfp + f
            else:
                lost += t
        right = mine.loc[mine["outcome"] == "tp", "story"].nunique()
        out.append((rule, mine["story"].nunique(), right, tp, fp, _share(tp, fp), htp, hfp, _share(htp, hfp), lost))
    cols = ["rule", "stories", "right_in", "tp", "fp", "precision", "held_tp", "held_fp", "held_precision", "lost_tp"]
    return pd.DataFrame(out, columns=cols).sort_values(["tp", "rule"], ascending=[False, True], ignore_index=True)


def _share(tp: int, fp: int) -> float | None:
    return round(tp / (tp + fp), 2) if tp + fp else None


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _dev(folder: Path) -> bool:
    """The truth file's head says split: dev (read before the file is parsed, so a test story's labels are not)."""
    return bool(re.search(r"(?m)^split:\s*dev\s*$", (folder / "truth.yaml").read_text(encoding="utf-8")[:2000]))


def estimate(folders: list[Path]) -> pd.DataFrame:
    """Every proposal and miss of discovery on the development stories among ``folders`` (see
    :func:`outcomes`); a test story is never read."""
    frames = []
    for folder in folders:
        if not _dev(folder):
            continue  # the test stories are scored once by `presslens eval`, never read here
        truth = load_truth(folder, load_story(folder))
        if truth.split != "dev":
            continue
        names, known = predict_names(folder, [n["form"] for n in truth.names if isinstance(n["form"], str)])
        frames.append(outcomes(truth.slug, names, known, truth))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["story", "rule", "outcome", "item"])


def given_forms(story) -> dict[str, set[str]]:
    """Every form story.yaml gives an actor or a speaker (name, aliases, renderings), as name_key -> the owners."""
    out: dict[str, set[str]] = {}
    for a in story.actors:
        for f in (a.name, *a.aliases, *(r["form"] for r in a.renderings)):
            out.setdefault(name_key(f), set()).add(a.name)
    for sp in story.speakers:
        for f in (sp.name, *sp.aliases):
            out.setdefault(name_key(f), set()).add(sp.name)
    return out


def judged(story: str, names: pd.DataFrame, given: dict[str, set[str]], labelled: dict[str, set[str]]) -> pd.DataFrame:
    """Discovery's proposals (candidate, actor, rule) marked ``alias`` (a form story.yaml gives that actor),
    ``labelled`` (a labelled variant of it) or ``other`` (neither: read it to judge)."""
    props = names.drop_duplicates(["candidate", "actor"])
    what = ["alias" if a in given.get(name_key(c), ()) else "labelled" if a in labelled.get(name_key(c), ())
            else "other" for c, a in zip(props["candidate"], props["actor"])]
    return pd.DataFrame({"story": story, "candidate": list(props["candidate"]), "actor": list(props["actor"]),
                         "rule": list(props["rule"]), "what": what})


def names_only(folders: list[Path]) -> pd.DataFrame:
    """A probe of precision no label was written for: each development story run with story.yaml cut to the
    actors' and speakers' own names (every alias and rendering withheld, as a new user writes it), so that
    the forms story.yaml gave become variants to find; every proposal :func:`judged`."""
    frames = []
    for folder in folders:
        if not _dev(folder):
            continue  # the test stories are scored once by `presslens eval`, never read here
        story = load_story(folder)
        truth = load_truth(folder, story)
        if truth.split != "dev" or not truth.names:
            continue
        given = given_forms(story)
        labelled: dict[str, set[str]] = {}
        for n in truth.names:
            if isinstance(n["form"], str):
                labelled.setdefault(name_key(n["form"]), set()).add(n["actor"])
        forms = [f for a in story.actors for f in (*a.aliases, *(r["form"] for r in a.renderings))]
        forms += [f for sp in story.speakers for f in sp.aliases]
        names, _ = predict_names(folder, forms)
        frames.append(judged(truth.slug, names, given, labelled))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["story", "candidate", "actor", "rule", "what"])


def main(argv: list[str] | None = None) -> int:
    """Print the rule table and the held-out estimate for the development story folders given (data/eval/SLUG ...;
    none: the usage, exit status 2, nothing read)."""
    from .scoreboard import eval_folders, no_folders

    args = sys.argv[1:] if argv is None else argv
    if not args or args == ["--names-only"]:
        return no_folders("names_loso")
    if args[:1] == ["--names-only"]:
        t = names_only(eval_folders(args[1:]))
        print(t.groupby(["rule", "what"]).size().unstack("what", fill_value=0).to_string())
        print(t[t["what"] == "other"].to_string(index=False))
        return 0
    rows = estimate(eval_folders(args))
    if rows.empty:
        print("presslens.evaluation.names_loso: no development story (truth.yaml with split: dev) among the folders; "
              "give data/eval/SLUG folders whose truth.yaml says split: dev.")
        return 1
    print(rule_table(rows).to_string())
    print("\nper rule, in sample and held out (a rule's proposals counted where it is kept):")
    print(rule_precision(rows).to_string(index=False))
    t = held_out(rows)
    t["f1"] = [round(f1(a, b, c), 2) for a, b, c in zip(t["tp"], t["fp"], t["fn"])]
    print("\nheld out (rules kept only when right on the other stories):")
    print(t.to_string(index=False))
    made = rows[rows["outcome"].isin(["tp", "fp"])]
    tp, fp = int((made["outcome"] == "tp").sum()), int((made["outcome"] == "fp").sum())
    print(f"in sample: tp {tp} fp {fp} fn {int((rows['outcome'] == 'fn').sum())} "
          f"F1 {f1(tp, fp, int((rows['outcome'] == 'fn').sum())):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
