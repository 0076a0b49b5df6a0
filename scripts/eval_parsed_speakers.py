"""Speakers by the rules, by a dependency parse, and the two combined (issue 24; presslens.analyses.quotes.parsed).

Needs spaCy and the model package of ``parsed.MODEL`` (presslens dependencies since issue 24x: ``make install``).
Development stories only, named one by one (never a glob of data/eval: it holds the test stories):

    python scripts/eval_parsed_speakers.py [--out DIR] data/eval/SLUG [data/eval/SLUG ...]

For each story: the rules' quote table (as ``presslens eval`` scores it), the parse's speaker for each direct
quote and reported clause the rules found, and four variants scored by the scorer of ``presslens eval``
(direct-quote and reported-speech speakers): rules, parser, fill (rules where they name someone, the parse where
they abstain or name a pronoun or fragment), parser-first. Prints tp/fp/fn and P/R per story, variant and
measure, then the sums; with --out, each variant's speaker misses as TSV. Also the parse's CPU time (process
time: the machine is shared), per 1,000 articles.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PRESSLENS_NO_RESULT_CACHE", "1")

import pandas as pd  # noqa: E402

from presslens import load_story  # noqa: E402
from presslens.analyses.quotes import article_paragraphs, parsed, quotes  # noqa: E402
from presslens.engine import screening as screen  # noqa: E402
from presslens.evaluation.score_text import score_quotes  # noqa: E402
from presslens.evaluation.speakers_loso import rules_of  # noqa: E402
from presslens.evaluation.truth import load_truth  # noqa: E402

MODES = ("rules", "parser", "fill", "parser-first")
MEASURES = ("direct quotes: speakers", "reported speech: speakers")
TEST = ("cop28-fossil-deal-2023", "gershkovich-verdict-2024", "noto-earthquake-2024", "taiwan-election-2024")


def variants(story, q: pd.DataFrame, nlp) -> tuple[dict[str, pd.DataFrame], dict[str, float], int]:
    """Each mode's quote table, the parse's CPU seconds (every row parsed: "all"; only rows whose rules' speaker
    may be weak, what "fill" reads: "weak"), and the number of articles with rows."""
    pars = article_paragraphs(story, list(q["article_id"].unique()))
    rows = q.to_dict("records")
    got = {"all": [None] * len(rows), "weak": [None] * len(rows)}
    cpu = {"all": 0.0, "weak": 0.0}
    for aid in dict.fromkeys(q["article_id"]):
        idx = [i for i, r in enumerate(rows) if r["article_id"] == aid]
        for which in ("all", "weak"):
            t0 = time.process_time()
            found = parsed.attribute(nlp, story, pars[aid], [rows[i] for i in idx], only_weak=which == "weak")
            cpu[which] += time.process_time() - t0
            for i, g in zip(idx, found):
                got[which][i] = g
    out = {}
    for mode in MODES + ("fill-weak",):
        v = q.copy()
        cols = {c: [] for c in parsed.SPEAKER_COLS}
        for r, g in zip(rows, got["weak" if mode == "fill-weak" else "all"]):
            for c, x in parsed.combine(r, g, mode.replace("-weak", "")).items():
                cols[c].append(x)
        for c, xs in cols.items():
            v[c] = pd.Series(xs, index=v.index, dtype=object)
        out[mode] = v
    same = out.pop("fill-weak")[list(parsed.SPEAKER_COLS)].equals(out["fill"][list(parsed.SPEAKER_COLS)])
    assert same, "fill from the weak rows' parse differs from fill from the whole parse"
    return out, cpu, len(pars), got["all"]


def table_of(q: pd.DataFrame, got: list, mode: str) -> pd.DataFrame:
    """``q`` with the speaker columns of ``mode`` (the parse ``got``, one entry per row); a row the rules left
    without a speaker is weak whatever the parse said of the rules before."""
    v, cols = q.copy(), {c: [] for c in parsed.SPEAKER_COLS}
    for r, g in zip(q.to_dict("records"), got):
        if g is not None and not isinstance(r.get("speaker"), str):
            g = {**g, "rules_weak": True}
        for c, x in parsed.combine(r, g, mode).items():
            cols[c].append(x)
    for c, xs in cols.items():
        v[c] = pd.Series(xs, index=v.index, dtype=object)
    return v


def held_out_rules(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Each story's rules table with the speakers of the rules that gave speakers in that story only taken away
    (the estimate of presslens.evaluation.speakers_loso, whose rule names this reads)."""
    fired: dict[str, set] = {}
    for slug, q in tables.items():
        for r in q.to_dict("records"):
            for rule in rules_of(r):
                fired.setdefault(rule, set()).add(slug)
    out = {}
    for slug, q in tables.items():
        own = {r for r, where in fired.items() if where == {slug}}
        q = q.copy()
        gone = [bool(set(rules_of(r)) & own) for r in q.to_dict("records")]
        for c in parsed.SPEAKER_COLS:
            q[c] = q[c].astype(object)
            q.loc[gone, c] = None
        out[slug] = q
    return out


def counts(scored: pd.DataFrame, measure: str) -> tuple[int, int, int]:
    d = scored[scored["measure"] == measure] if not scored.empty else scored
    return tuple(int((d["outcome"] == o).sum()) if not d.empty else 0 for o in ("tp", "fp", "fn"))


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"{tp}/{fp}/{fn} P {p:.3f} R {r:.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--out")
    a = ap.parse_args(argv)
    nlp = parsed.load()
    if nlp is None:
        print(f"spaCy or {parsed.MODEL} is not installed")
        return 1
    table, cpu, n_art, misses, kept = [], {"all": 0.0, "weak": 0.0}, 0, [], {}
    for f in a.folders:
        if Path(f).name in TEST:
            print(f"{f}: a test story, skipped unread")
            continue
        t = load_truth(f)
        if t.split != "dev" or not any(lab.get("quotes") is not None for lab in t.articles.values()):
            continue
        full = load_story(f)
        st, _ = screen.analysed(full)
        q = quotes(st)
        texts = dict(zip(full.articles["id"], full.articles["text"]))
        vs, c, n, got = variants(st, q, nlp)
        kept[t.slug] = (q, got, t, list(st.articles["id"]), texts)
        cpu, n_art = {k: cpu[k] + c[k] for k in cpu}, n_art + n
        for mode, v in vs.items():
            sc = score_quotes(v, t, list(st.articles["id"]), texts)
            for m in MEASURES:
                table.append((t.slug, mode, m, *counts(sc, m)))
            if not sc.empty:
                bad = sc[sc["measure"].isin(MEASURES) & sc["outcome"].isin(["fp", "fn"])]
                misses.append(bad.assign(story=t.slug, mode=mode))
        print(f"{t.slug}: {n} articles, parse CPU {c['all']:.1f} s (weak rows only {c['weak']:.1f} s)", flush=True)
    ho = held_out_rules({slug: k[0] for slug, k in kept.items()})
    for slug, (q, got, t, ids, texts) in kept.items():
        for mode in ("rules", "fill", "parser-first"):
            sc = score_quotes(table_of(ho[slug], got, mode), t, ids, texts)
            for m in MEASURES:
                table.append((slug, mode + " held out", m, *counts(sc, m)))
    df = pd.DataFrame(table, columns=["story", "mode", "measure", "tp", "fp", "fn"])
    for slug, g in df.groupby("story", sort=False):
        for m in MEASURES:
            print(slug, "|", m, "|", " | ".join(f"{mode} {prf(*r[['tp', 'fp', 'fn']])}"
                                                 for mode, r in g[g["measure"] == m].set_index("mode").iterrows()))
    for name, sel in (("ALL dev", df), ("quotes-pages sets", df[df["story"].str.startswith("quotes-pages")]),
                      ("news stories", df[~df["story"].str.startswith("quotes-pages")]),
                      ("quotes-pages-dev5", df[df["story"] == "quotes-pages-dev5"])):
        s = sel.groupby(["measure", "mode"], sort=False)[["tp", "fp", "fn"]].sum()
        print(f"\n== {name}")
        for (m, mode), r in s.iterrows():
            print(f"{m:28s} {mode:22s} {prf(*r)}")
    for k, what in (("all", "every row (parser, parser-first)"), ("weak", "rows the rules may leave weak (fill)")):
        print(f"parse CPU, {what}: {cpu[k]:.1f} s over {n_art} articles, {1000 * cpu[k] / max(n_art, 1):.1f} s per 1,000")
    if a.out:
        Path(a.out).mkdir(parents=True, exist_ok=True)
        df.to_csv(Path(a.out) / "counts.tsv", sep="\t", index=False)
        if misses:
            pd.concat(misses).to_csv(Path(a.out) / "misses.tsv", sep="\t", index=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
