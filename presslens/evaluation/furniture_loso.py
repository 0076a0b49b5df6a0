"""How well the furniture rules should do on stories they were not built on: a leave-one-story-out
estimate over the development stories (issue 25).

The entries of ``furniture.yaml`` and the shape rules were written while reading the development
stories (and real saved pages), so their score there is in-sample: on the test stories (scored once,
never read) the share of measured sentences that are furniture was 7% against 2% on dev. This module
estimates the out-of-sample figure from the development stories alone. A built-in rule (a listed entry
or a shape rule, by its id) that removed labelled furniture in one development story only would not
have been written without that story, so when that story is held out the rule is switched off
(``furniture: {disable: [...]}``) and the story is cleaned again; the held-out share of furniture
among its measured sentences is the estimate for an unseen story. A story's own ``boilerplate`` and
``furniture: add`` patterns stay: a user writes them for every story.

:func:`rule_stories` says, from removals and labels, in which stories each rule removed furniture and
where it removed prose (a rule with furniture in one story only is probably fitted to it);
:func:`held_out_rules` is the rule set each held-out story loses; :func:`estimate` runs both on the
development stories of ``data/eval`` (it refuses any other split: the test stories are scored once by
``presslens eval``, never read while changing rules). Real saved pages count as one more story: a rule
that removed furniture on trafilatura's test pages (``furniture_pages.yaml``, written by
``scripts/eval_furniture_pages.py --support``) is not fitted to one development story. ``python -m presslens.evaluation.furniture_loso
[--show-errors] [--held-errors] data/eval/SLUG ...`` (the development stories named; with no folder it prints its usage and exits 2, reading nothing) prints the per-story table (lines removed right and wrong, furniture kept, the measured share, in sample
and held out) and the rule table; ``--show-errors`` the in-sample misses, ``--held-errors`` the held-out
misses with the line before and after each, and whether a rule fitted to that story alone took it in sample.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

from .adapter import parse_yaml, predict_furniture, removals_alone
from .score_text import NOT_FURNITURE_RULES, score_furniture
from .truth import Truth, load_truth, norm_space

COLUMNS = ["story", "lines_tp", "lines_fp", "lines_fn", "glued_tp", "glued_fp", "glued_fn", "furniture", "sentences"]


def rule_of(row_rule_id, row_rule) -> str:
    """The name a removal's rule goes by here: its built-in id, else "story: NOTE" (the story's own)."""
    return str(row_rule_id) if isinstance(row_rule_id, str) and row_rule_id else f"story: {row_rule}"


def attribute(articles: pd.DataFrame, removed: pd.DataFrame, truth: Truth) -> pd.DataFrame:
    """One row per (rule, removal) on a furniture-labelled article: story, article_id, rule, outcome
    ("furniture" when what it removed is a labelled furniture line or glued text, "prose" otherwise), text."""
    body = dict(zip(articles["id"], articles["text"]))
    rem = removed[~removed["rule"].isin(NOT_FURNITURE_RULES)]
    rows = []
    for r in rem.itertuples(index=False):
        lab = truth.articles.get(r.article_id)
        if not lab or lab.get("furniture") is None or r.article_id not in body:
            continue
        lines = body[r.article_id].split("\n")
        line = lines[int(r.line) - 1] if 0 < int(r.line) <= len(lines) else ""
        labelled = {norm_space(x) for x in lab["furniture"]}
        glued = [norm_space(g) for g in lab["glued_furniture"]]
        cut = norm_space(str(r.removed))
        is_f = norm_space(line) in labelled or any(cut and (cut in g or g in cut) for g in glued)
        rows.append((truth.slug, r.article_id, rule_of(r.rule_id, r.rule), "furniture" if is_f else "prose",
                     str(r.removed)[:120]))
    return pd.DataFrame(rows, columns=["story", "article_id", "rule", "outcome", "text"])


def counts(story: str, outcomes: pd.DataFrame) -> tuple:
    """The :data:`COLUMNS` of one story from :func:`score_furniture`'s outcome rows."""
    def n(measure, outcome):
        return int(((outcomes["measure"] == measure) & (outcomes["outcome"] == outcome)).sum())
    lines, glued, share = "furniture lines removed", "glued furniture cut", "measured sentences that are furniture"
    return (story, n(lines, "tp"), n(lines, "fp"), n(lines, "fn"), n(glued, "tp"), n(glued, "fp"), n(glued, "fn"),
            n(share, "yes"), n(share, "yes") + n(share, "no"))


def rule_stories(attributed: pd.DataFrame) -> pd.DataFrame:
    """One row per rule: the stories where it removed furniture, how many it removed, where it removed
    prose and how many; most general first."""
    if attributed.empty:
        return pd.DataFrame(columns=["rule", "stories", "furniture", "prose", "prose_stories", "own"])
    rows = []
    for rule, g in attributed.groupby("rule", sort=False):
        f, p = g[g["outcome"] == "furniture"], g[g["outcome"] == "prose"]
        rows.append((rule, len(set(f["story"])), len(f), len(p), len(set(p["story"])),
                     ",".join(sorted(set(f["story"]))) if len(set(f["story"])) == 1 else ""))
    out = pd.DataFrame(rows, columns=["rule", "stories", "furniture", "prose", "prose_stories", "own"])
    return out.sort_values(["stories", "furniture", "prose"], ascending=[False, False, True],
                           kind="mergesort").reset_index(drop=True)


def held_out_rules(attributed: pd.DataFrame, story: str, alone: pd.DataFrame | None = None,
                   outside: dict[str, dict] | None = None) -> set[str]:
    """The built-in rules that removed furniture in ``story`` and in no other story (switched off when
    ``story`` is held out); the story's own patterns are never among them. ``alone``: what rules remove
    when each runs without the others (:func:`presslens.evaluation.adapter.removals_alone`, attributed):
    a rule that would find furniture in another story, though another rule took those lines first there,
    is not fitted to ``story`` and stays. ``outside``: rule id -> ``{"furniture": n, "prose": m}``
    snippets it removed on real pages outside the development stories (:func:`outside_support`); a rule
    that removed more furniture than prose there counts as found in a second story and stays."""
    second = {r for r, c in (outside or {}).items() if int(c.get("furniture", 0)) > int(c.get("prose", 0))}
    def stories(t):
        f = t[t["outcome"] == "furniture"]
        return f.groupby("rule")["story"].agg(lambda s: set(s)).to_dict()
    where = stories(attributed)
    elsewhere = stories(alone) if alone is not None and len(alone) else {}
    return {r for r, s in where.items() if s == {story} and not r.startswith("story: ")
            and not (elsewhere.get(r, set()) - {story}) and r not in second}


OUTSIDE = Path(__file__).with_name("furniture_pages.yaml")


def outside_support(path: Path = OUTSIDE) -> dict[str, dict]:
    """Rule id -> ``{"furniture": n, "prose": m}``: the snippets each built-in rule removed on
    trafilatura's saved pages (written by ``scripts/eval_furniture_pages.py --support``); {} when the
    file is absent."""
    if not Path(path).is_file():
        return {}
    data = parse_yaml(Path(path).read_text(encoding="utf-8")) or {}
    return {str(k): dict(v) for k, v in (data.get("rules") or {}).items() if isinstance(v, dict)}


def is_dev(folder: Path) -> bool:
    """Whether the truth.yaml of ``folder`` says ``split: dev`` (read from its head only)."""
    head = (Path(folder) / "truth.yaml").read_text(encoding="utf-8")[:2000]
    return bool(re.search(r"(?m)^split:\s*dev\s*$", head))


def errors(outcomes: pd.DataFrame) -> pd.DataFrame:
    """The misses among :func:`score_furniture`'s outcome rows: lines kept or removed wrongly, glued
    furniture left or prose cut, measured sentences that are furniture."""
    bad = outcomes["outcome"].isin(["fp", "fn"]) | (outcomes["outcome"] == "yes")
    return outcomes[bad]


def held_misses(articles: pd.DataFrame, held: pd.DataFrame, inside: pd.DataFrame, story: str) -> pd.DataFrame:
    """The furniture lines the held-out rules kept, each with the text line before and after it in
    its article (what a reader sees around it) and ``in_sample``: whether the rules in sample removed
    it (a rule fitted to this story alone, switched off held out) or not (every rule misses it).
    ``held``, ``inside``: :func:`score_furniture`'s outcome rows held out and in sample."""
    lines = "furniture lines removed"
    caught = {(r.unit, r.item) for r in inside.itertuples(index=False) if r.measure == lines and r.outcome == "tp"}
    body = dict(zip(articles["id"], articles["text"]))
    rows = []
    for r in held.itertuples(index=False):
        if r.measure != lines or r.outcome != "fn":
            continue
        text = [x.strip() for x in str(body.get(r.unit, "")).split("\n") if x.strip()]
        at = next((k for k, x in enumerate(text) if x[:200] == r.item), None)
        before = text[at - 1] if at is not None and at > 0 else ""
        after = text[at + 1] if at is not None and at + 1 < len(text) else ""
        rows.append((story, r.unit, r.item, before[:200], after[:200], (r.unit, r.item) in caught))
    return pd.DataFrame(rows, columns=["story", "article_id", "line", "before", "after", "in_sample"])


def estimate(folders: list[str | Path], shown: list | None = None,
             outside: dict[str, dict] | None = None,
             held_shown: list | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(per-story counts in sample and held out, the rule table, the removals with their rule) over the
    development stories among ``folders``; a story whose truth.yaml does not say ``split: dev`` is not read.
    ``shown``: a list that receives each story's in-sample misses (:func:`errors`). ``outside``: support
    on real pages outside these stories (:func:`held_out_rules`); by default :func:`outside_support`.
    ``held_shown``: a list that receives each story's held-out misses in context (:func:`held_misses`)."""
    outside = outside_support() if outside is None else outside
    runs, attributed = {}, []
    for folder in folders:
        if not is_dev(Path(folder)):
            continue  # the test stories are scored once by `presslens eval`, never read here
        truth = load_truth(folder)
        if truth.split != "dev":
            continue
        arts, rem, sents = predict_furniture(folder)
        runs[truth.slug] = (folder, truth, score_furniture(arts, rem, sents, truth), arts)
        if shown is not None:
            shown.append(errors(runs[truth.slug][2]).assign(story=truth.slug))
        attributed.append(attribute(arts, rem, truth))
    att = (pd.concat(attributed, ignore_index=True) if attributed
           else pd.DataFrame(columns=["story", "article_id", "rule", "outcome", "text"]))
    single = set(rule_stories(att).query("stories == 1")["rule"]) - {r for r in att["rule"] if r.startswith("story: ")}
    alone = [attribute(*_alone(folder, single), truth) for folder, truth, _, _ in runs.values()] if single else []
    alone_att = pd.concat(alone, ignore_index=True) if alone else None
    rows = []
    for slug, (folder, truth, inside, arts) in runs.items():
        off = held_out_rules(att, slug, alone_att, outside)
        held = score_furniture(*predict_furniture(folder, off), truth) if off else inside
        if held_shown is not None:
            held_shown.append(held_misses(arts, held, inside, slug))
        rows.append(counts(slug, inside) + counts(slug, held)[1:] + (", ".join(sorted(off)),))
    cols = COLUMNS + ["held_" + c for c in COLUMNS[1:]] + ["switched_off"]
    return pd.DataFrame(rows, columns=cols), rule_stories(att), att


def _alone(folder, rules) -> tuple[pd.DataFrame, pd.DataFrame]:
    arts, _, _ = predict_furniture(folder)
    return arts, removals_alone(folder, sorted(rules))


def totals(table: pd.DataFrame, prefix: str = "") -> dict:
    """Summed counts of :func:`estimate`'s table: lines precision, recall, F1 and the furniture share."""
    s = {c: int(table[prefix + c].sum()) for c in COLUMNS[1:]}
    tp, fp, fn = s["lines_tp"], s["lines_fp"], s["lines_fn"]
    s["precision"] = tp / (tp + fp) if tp + fp else 0.0
    s["recall"] = tp / (tp + fn) if tp + fn else 0.0
    s["f1"] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    s["share"] = s["furniture"] / s["sentences"] if s["sentences"] else 0.0
    return s


def main(argv: list[str] | None = None) -> int:
    """Print the held-out estimate for the development story folders given (data/eval/SLUG ...; none: the usage,
    exit status 2, nothing read)."""
    from .scoreboard import eval_folders, no_folders

    args = sys.argv[1:] if argv is None else argv
    show = "--show-errors" in args
    shown: list = []
    held_shown: list | None = [] if "--held-errors" in args else None
    folders = [a for a in args if a not in ("--show-errors", "--held-errors")]
    if not folders:
        return no_folders("furniture_loso", "[--show-errors] [--held-errors] ")
    table, rules, _ = estimate(eval_folders(folders), shown, held_shown=held_shown)
    if table.empty:
        print("presslens.evaluation.furniture_loso: no development story (truth.yaml with split: dev) among the "
              "folders; give data/eval/SLUG folders whose truth.yaml says split: dev.")
        return 1
    with pd.option_context("display.width", 250, "display.max_colwidth", 80, "display.max_rows", 500):
        print(rules.to_string(index=False))
        print()
        wide = table.assign(share=(table["furniture"] / table["sentences"]).round(3),
                            held_share=(table["held_furniture"] / table["held_sentences"]).round(3))
        print(wide.drop(columns=["switched_off"]).to_string(index=False))
        for slug, off in zip(table["story"], table["switched_off"]):
            print(f"  {slug} held out: {off or 'no rule switched off'}")
    if show:
        for e in shown:
            for r in e.itertuples(index=False):
                print(f"{r.story[:12]} {r.unit[:28]:28s} {r.measure[:14]:14s} {r.outcome:3s} {str(r.item)[:150]!r}")
    for e in held_shown or []:
        for r in e.itertuples(index=False):
            print(f"held {r.story[:12]} {r.article_id[:20]:20s} {'in-sample' if r.in_sample else 'every-rule'}\n"
                  f"   before {r.before[:110]!r}\n   MISSED {r.line[:150]!r}\n   after  {r.after[:110]!r}")
    for name, prefix in (("in sample", ""), ("held out", "held_")):
        t = totals(table, prefix)
        print(f"{name}: lines precision {t['precision']:.3f}, recall {t['recall']:.3f}, F1 {t['f1']:.3f} "
              f"(tp {t['lines_tp']}, fp {t['lines_fp']}, fn {t['lines_fn']}); glued tp {t['glued_tp']} fp {t['glued_fp']} "
              f"fn {t['glued_fn']}; furniture share {t['furniture']}/{t['sentences']} = {t['share']:.3%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
