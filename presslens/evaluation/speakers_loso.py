"""How well speaker attribution should do on stories it was not built on: a leave-one-story-out
estimate over the development stories (issue 24), the counterpart of :mod:`.loso` for quotes.

The reporting verbs and the attribution frames were written while reading the development stories, so
their speaker scores there are in-sample figures: on the test stories (scored once, never read) direct
speaker precision fell from 0.98 to 0.85. This module estimates the out-of-sample figure from the
development stories alone. A found speaker carries the rules that gave it: its reporting verb (by base
form: "said", "says" and "saying" are one rule, "say") and its attribution frame ("after", "before",
"partial", "continues", "sentence end"...). For each held-out story, a rule that gave a speaker in
that story and in no other development story is taken out (the speakers it gave are dropped, as if the
rule had never been written), and the story is scored again with the scorer of ``presslens eval``.

:func:`rules_of` names a row's rules, :func:`held_out` does the rest on tables (pure: quote tables and
truth files in, counts out), :func:`rule_spread` says in how many stories each rule gave a speaker;
:func:`estimate` runs them on the development stories of ``data/eval`` (the test stories are skipped
unread). ``python -m presslens.evaluation.speakers_loso data/eval/SLUG ...`` prints the tables (the development
stories named; with no folder it prints its usage and exits 2, reading nothing).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from .adapter import predict_quotes, verb_lemma
from .outcomes import fold
from .score_text import score_quotes
from .truth import Truth, load_truth

MEASURES = ("direct quotes: speakers", "reported speech: speakers")
COUNTS = ["story", "measure", "tp", "fp", "fn", "in_tp", "in_fp", "in_fn"]


def _base(verb: str) -> str:
    v = fold(verb)
    if not v or " " in v:
        return v or str(verb)  # "according to", ":" (a colon introduction) stay as written
    return verb_lemma(v)


def rules_of(row: dict) -> tuple[str, ...]:
    """The rules that gave a found speaker: ('verb BASE', 'frame FRAME'); none for a row without one."""
    if not isinstance(row.get("speaker"), str):
        return ()
    out = []
    if isinstance(row.get("verb"), str) and row["verb"].strip():
        out.append(f"verb {_base(row['verb'])}")
    if isinstance(row.get("attribution"), str):
        out.append(f"frame {row['attribution']}")
    return tuple(out)


def _fired(quotes: dict[str, pd.DataFrame]) -> dict[str, set]:
    """rule -> the stories where it gave a speaker."""
    out: dict[str, set] = {}
    for story, q in quotes.items():
        for row in q.to_dict("records"):
            for rule in rules_of(row):
                out.setdefault(rule, set()).add(story)
    return out


def _without(q: pd.DataFrame, drop: set) -> pd.DataFrame:
    """``q`` with the speakers given by a rule of ``drop`` taken away."""
    q = q.copy()
    gone = [bool(set(rules_of(r)) & drop) for r in q.to_dict("records")]
    for c in ("speaker", "speaker_kind", "actor", "speaker_text"):
        if c in q:
            q[c] = q[c].astype(object)
            q.loc[gone, c] = None
    return q


def _counts(scored: pd.DataFrame, measure: str) -> tuple[int, int, int]:
    d = scored[scored["measure"] == measure] if not scored.empty else scored
    return tuple(int((d["outcome"] == o).sum()) if not d.empty else 0 for o in ("tp", "fp", "fn"))


def held_out(quotes: dict[str, pd.DataFrame], truths: dict[str, Truth], measured: dict[str, list] | None = None,
             texts: dict[str, dict] | None = None) -> pd.DataFrame:
    """Per story and speaker measure: the held-out counts (the rules that gave speakers in that story only
    taken out) and the in-sample counts (every rule). Columns: story, measure, tp, fp, fn, in_tp, in_fp, in_fn."""
    fired = _fired(quotes)
    rows = []
    for story, q in quotes.items():
        own_only = {r for r, where in fired.items() if where == {story}}
        m, t = (measured or {}).get(story), (texts or {}).get(story)
        inside = score_quotes(q, truths[story], m, t)
        out = score_quotes(_without(q, own_only), truths[story], m, t)
        for measure in MEASURES:
            rows.append((story, measure, *_counts(out, measure), *_counts(inside, measure)))
    return pd.DataFrame(rows, columns=COUNTS)


def rule_spread(quotes: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per rule: in how many stories it gave a speaker, and how many speakers, most general first."""
    counts: dict[str, list] = {}
    for story, q in quotes.items():
        for row in q.to_dict("records"):
            for rule in rules_of(row):
                c = counts.setdefault(rule, [set(), 0])
                c[0].add(story)
                c[1] += 1
    out = pd.DataFrame([(r, len(s), n) for r, (s, n) in counts.items()], columns=["rule", "stories", "speakers"])
    return out.sort_values(["stories", "speakers", "rule"], ascending=[False, False, True],
                           kind="mergesort").reset_index(drop=True)


def prf(counts: pd.DataFrame, measure: str, prefix: str = "") -> tuple[float, float, float]:
    """Precision, recall and F1 of one measure's summed counts (prefix 'in_' for the in-sample ones)."""
    d = counts[counts["measure"] == measure]
    tp, fp, fn = (int(d[prefix + c].sum()) for c in ("tp", "fp", "fn"))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def estimate(folders: list[str | Path]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`held_out` and :func:`rule_spread` over the development stories among ``folders`` (a story
    whose truth.yaml says ``split: test`` is skipped: only its split is looked at)."""
    quotes, truths, measured, texts = {}, {}, {}, {}
    for f in folders:
        t = load_truth(f)
        if t.split != "dev":
            continue
        truths[t.slug] = t
        quotes[t.slug], measured[t.slug], texts[t.slug] = predict_quotes(f)
    return held_out(quotes, truths, measured, texts), rule_spread(quotes)


def main(argv: list[str] | None = None) -> int:
    """Print the held-out estimate for the development story folders given (data/eval/SLUG ...; none: the usage,
    exit status 2, nothing read), then the rules that gave speakers in one story only."""
    from .scoreboard import eval_folders, no_folders

    args = sys.argv[1:] if argv is None else argv
    if not args:
        return no_folders("speakers_loso")
    counts, spread = estimate(eval_folders(args))
    if counts.empty:
        print("presslens.evaluation.speakers_loso: no development story (truth.yaml with split: dev) among the "
              "folders; give data/eval/SLUG folders whose truth.yaml says split: dev.")
        return 1
    lines = [counts.to_string(index=False)]
    lines += [f"{measure}, {name}: precision {p:.2f}, recall {r:.2f}, F1 {f1:.2f}"
              for measure in MEASURES for name, prefix in (("in sample", "in_"), ("held out", ""))
              for p, r, f1 in [prf(counts, measure, prefix)]]
    lines += ["", "rules that gave speakers in one story only:", spread[spread["stories"] <= 1].to_string(index=False)]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
