"""How well the machine-translation verdict should do on stories it was not built on: a
leave-one-story-out estimate over the development stories (issue 26).

The rules of ``mt_phrases.yaml`` and of the signal modules were written while reading the development
stories, so their score there is an in-sample figure: on the test stories (scored once, never read)
recall fell from 0.94 to 0.28. This module estimates the out-of-sample figure from the development
stories alone. For each held-out story it keeps only the rules that would have been written from the
*other* stories: a rule (a formula, a grammar pattern, a format) that fires on a labelled translation of
the held-out story and on no translation of any other story is taken out, and the verdicts are
recomputed from the indicators that remain. Calques are one rule ("calque"): they come from the story's
own story.yaml renderings, which a user writes for any story, not from a list fitted to one.

:func:`held_out` does this on tables (pure: indicator rows and labels in, counts out); :func:`rule_spread`
says in how many stories each rule fired on a translation (a rule that fires in one only is probably
fitted to it); :func:`estimate` runs both on the development stories of ``data/eval`` (it refuses any
other split: the test stories are scored once by ``presslens eval``, never read while changing rules).
``python -m presslens.evaluation.loso data/eval/SLUG ...`` prints the table (the development stories named;
with no folder it prints its usage and exits 2, reading nothing).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from .adapter import (TRANSLATION_VERDICTS, article_words, mtscore, naming, precision_threshold,
                      translation_evidence, translation_verdicts)
from .truth import load_truth

COUNTS = ["story", "tp", "fp", "fn"]


def general_rule(rule: str) -> str:
    """A rule as the held-out check groups them: every calque of a story actor is the rule 'calque'."""
    return "calque" if str(rule).startswith("calque of") else str(rule)


def _rules_on_translations(indicators: dict[str, pd.DataFrame], labels: dict[str, dict[str, bool]]) -> dict[str, set]:
    """rule -> the stories where it fired on an article labelled a machine translation."""
    out: dict[str, set] = {}
    for story, ind in indicators.items():
        mt = {a for a, v in labels[story].items() if v}
        for rule, aid, kind in zip(ind["rule"].tolist(), ind["article_id"].tolist(), ind["kind"].tolist()):
            if kind != "declared" and aid in mt:
                out.setdefault(general_rule(rule), set()).add(story)
    return out


def _count(story: str, positive: set, labels: dict[str, bool]) -> tuple:
    tp = sum(1 for a, v in labels.items() if v and a in positive)
    fp = sum(1 for a, v in labels.items() if not v and a in positive)
    return story, tp, fp, sum(labels.values()) - tp


def _positives(ind: pd.DataFrame) -> set:
    if ind.empty:
        return set()
    v = translation_verdicts(ind)
    return set(v.loc[v["verdict"].isin(TRANSLATION_VERDICTS), "article_id"])


def held_out(indicators: dict[str, pd.DataFrame], labels: dict[str, dict[str, bool]]) -> pd.DataFrame:
    """Per story: the in-sample counts (every rule) and the held-out counts (the rules that fired on a
    translation of that story only taken out). ``indicators``: story -> naming.translation_indicators;
    ``labels``: story -> article id -> labelled machine-translated (articles without a label left out).
    Columns: story, tp, fp, fn, in_tp, in_fp, in_fn."""
    fired = _rules_on_translations(indicators, labels)
    rows = []
    for story, ind in indicators.items():
        own_only = _own_only(fired, story)
        keep = ind[~ind["rule"].map(general_rule).isin(own_only) | (ind["kind"] == "declared")]
        _, tp, fp, fn = _count(story, _positives(keep), labels[story])
        _, itp, ifp, ifn = _count(story, _positives(ind), labels[story])
        rows.append((story, tp, fp, fn, itp, ifp, ifn))
    return pd.DataFrame(rows, columns=COUNTS + ["in_tp", "in_fp", "in_fn"])


def _own_only(fired: dict[str, set], story: str) -> set:
    return {r for r, where in fired.items() if where == {story}}


def learned_held_out(indicators: dict[str, pd.DataFrame], labels: dict[str, dict[str, bool]],
                     words: dict[str, dict[str, int]], l2: float = 1.0, min_precision: float = 0.9,
                     need_tell: bool = True) -> pd.DataFrame:
    """The learned score (:mod:`presslens.analyses.naming.mtscore`) held out: each story scored by a model trained
    on the other stories' labelled undeclared articles (their threshold chosen there for ``min_precision``), its own
    rows without the rules fitted to it alone (as :func:`held_out`). A declared translation counts as called; with
    ``need_tell`` an article is called only when a tell class fired (the rule's "corroboration never founds a
    verdict"). ``words``: story -> article -> word count. Columns: story, tp, fp, fn, threshold."""
    fired = _rules_on_translations(indicators, labels)
    full = {s: mtscore.article_features(ind, words[s], labels[s]) for s, ind in indicators.items()}
    rows = []
    for story, ind in indicators.items():
        train = pd.concat([full[s] for s in indicators if s != story], ignore_index=True)
        y = [labels[s][a] for s in indicators if s != story for a in full[s]["article_id"]]
        keep = ~train["declared"].to_numpy()
        model = mtscore.fit(train[keep], [v for v, k in zip(y, keep) if k], l2, min_precision)
        if need_tell and model["threshold"] is not None:  # the threshold among articles with a tell only
            p = mtscore.probabilities(train[keep], model)
            tell = train[keep]["tell"].to_numpy()
            model["threshold"] = precision_threshold(
                [v if t else 0.0 for v, t in zip(p, tell)], [v for v, k in zip(y, keep) if k], min_precision)
        mine = mtscore.article_features(ind, words[story], labels[story], _own_only(fired, story))
        p = mtscore.probabilities(mine, model)
        thr = model["threshold"]
        called = {a for a, pr, d, t in zip(mine["article_id"], p, mine["declared"], mine["tell"])
                  if d or thr is not None and pr >= thr and (t or not need_tell)}
        rows.append((*_count(story, called, labels[story]), thr))
    return pd.DataFrame(rows, columns=COUNTS + ["threshold"])


def rule_spread(indicators: dict[str, pd.DataFrame], labels: dict[str, dict[str, bool]]) -> pd.DataFrame:
    """One row per rule: kind, stories (in how many stories it fired on a translation), translations
    and others (the labelled articles it fired on, each way), most general first."""
    rows: dict[str, dict] = {}
    for story, ind in indicators.items():
        for rule, kind, aid in zip(ind["rule"].tolist(), ind["kind"].tolist(), ind["article_id"].tolist()):
            if kind == "declared" or aid not in labels[story]:
                continue
            r = rows.setdefault(general_rule(rule), {"kind": kind, "stories": set(), "translations": set(), "others": set()})
            if labels[story][aid]:
                r["stories"].add(story)
                r["translations"].add((story, aid))
            else:
                r["others"].add((story, aid))
    out = pd.DataFrame([(k, r["kind"], len(r["stories"]), len(r["translations"]), len(r["others"]))
                        for k, r in rows.items()], columns=["rule", "kind", "stories", "translations", "others"])
    return out.sort_values(["stories", "translations", "others"], ascending=[False, False, True],
                           kind="mergesort").reset_index(drop=True)


def human_margins(indicators: dict[str, pd.DataFrame], labels: dict[str, dict[str, bool]]) -> pd.DataFrame:
    """Every article labelled not a translation, riskiest first: how close its own signals bring it to a verdict.
    Columns: story, article_id, score, n_rules, kinds, verdict, tell and corroboration (the least weight one more
    signal of a new rule must carry to make it a likely translation, as a tell and as corroboration; 0: it already
    is one; None: no weight would). The first row's margin is the risk on an unseen story: an article needing one
    more corroborating signal of weight 1 (a glued sentence, a foreign word) is that far from a false verdict."""
    rows = []
    for story, ind in indicators.items():
        verdicts = translation_verdicts(ind).set_index("article_id") if not ind.empty else None
        for aid, is_mt in labels[story].items():
            if is_mt:
                continue
            mine = ind[ind["article_id"] == aid]
            tell, corr = naming.translation.needs(mine)
            v = verdicts.loc[aid] if verdicts is not None and aid in verdicts.index else None
            rows.append((story, aid, 0 if v is None else int(v["score"]), 0 if v is None else int(v["n_rules"]),
                         "" if v is None else v["kinds"], "no signal" if v is None else v["verdict"], tell, corr))
    out = pd.DataFrame(rows, columns=["story", "article_id", "score", "n_rules", "kinds", "verdict", "tell",
                                      "corroboration"])
    out = out.assign(_c=out["corroboration"].fillna(99), _t=out["tell"].fillna(99))
    return out.sort_values(["_c", "_t", "score"], ascending=[True, True, False], kind="mergesort").drop(
        columns=["_c", "_t"]).reset_index(drop=True)


def prf(counts: pd.DataFrame, prefix: str = "") -> tuple[float, float, float]:
    """Precision, recall and F1 of summed counts (columns tp, fp, fn, or in_tp ... with prefix 'in_')."""
    tp, fp, fn = (int(counts[prefix + c].sum()) for c in ("tp", "fp", "fn"))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def dev_tables(folders: list[str | Path], words: bool = False) -> tuple[dict, dict, dict]:
    """(indicators, labels, words) of the development stories among ``folders``, by slug: each story's
    translation indicators of its labelled articles, its ``mt`` labels (unsure ones left out) and, with
    ``words``, its articles' word counts (empty otherwise). Test stories are skipped unread (only their split)."""
    indicators, labels, counts = {}, {}, {}
    for f in folders:
        t = load_truth(f)
        if t.split != "dev":
            continue
        labels[t.slug] = {a: bool(lab["mt"]) for a, lab in t.articles.items()
                          if lab.get("mt") is not None and not lab.get("unsure")}
        ind = translation_evidence(f)
        indicators[t.slug] = ind[ind["article_id"].isin(labels[t.slug])].reset_index(drop=True)
        if words:
            counts[t.slug] = article_words(f)
    return indicators, labels, counts


def estimate(folders: list[str | Path], humans: bool = False, learned: bool = False) -> tuple[pd.DataFrame, ...]:
    """:func:`held_out` and :func:`rule_spread` over the development stories among ``folders`` (stories
    whose truth.yaml says ``split: test`` are skipped unread: only their split is looked at); with ``humans``
    also :func:`human_margins`; with ``learned`` also :func:`learned_held_out` (last)."""
    indicators, labels, words = dev_tables(folders, words=learned)
    out = (held_out(indicators, labels), rule_spread(indicators, labels))
    out = out + (human_margins(indicators, labels),) if humans else out
    return out + (learned_held_out(indicators, labels, words),) if learned else out


def main(argv: list[str] | None = None) -> int:
    """Print the held-out estimate for the development story folders given (data/eval/SLUG ...; none: the usage,
    exit status 2, nothing read)."""
    from .scoreboard import no_folders

    args = sys.argv[1:] if argv is None else argv
    if not args:
        return no_folders("loso")
    folders = [Path(a) for a in args]
    counts, spread, humans, learned = estimate(folders, humans=True, learned=True)
    if counts.empty:
        print("presslens.evaluation.loso: no development story (truth.yaml with split: dev) among the folders; "
              "give data/eval/SLUG folders whose truth.yaml says split: dev.")
        return 1
    print(counts.to_string(index=False))
    for name, prefix in (("in sample", "in_"), ("held out", "")):
        p, r, f1 = prf(counts, prefix)
        print(f"{name}: precision {p:.2f}, recall {r:.2f}, F1 {f1:.2f}")
    p, r, f1 = prf(learned)
    print(f"learned score (mtscore), held out (trained without the story): precision {p:.2f}, recall {r:.2f}, "
          f"F1 {f1:.2f}; per story tp/fp/fn: " + ", ".join(f"{x.story} {x.tp}/{x.fp}/{x.fn}" for x in
                                                          learned.itertuples() if x.tp + x.fp + x.fn))
    print()
    print(spread.to_string(index=False))
    print()
    called = humans[humans["verdict"] == "likely undeclared translation"]
    print(f"articles labelled written in English: {len(humans)}, called likely translations: {len(called)}; "
          "the riskiest (tell / corroboration: the least weight one more signal of a new rule must carry to make a "
          "verdict, as a tell or as corroboration):")
    print(humans.head(15).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
