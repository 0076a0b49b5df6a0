"""Benchmark tone scoring and readability on a synthetic corpus of >= 1,000 articles.

The corpus is built in memory by resampling the bundled story's lede and body sentences (with
their narration/quote splits) into articles of 15-30 sentences. Each sentence copy gets a unique
marker token ("[ref N]", neutral to VADER) so that no step benefits from scoring repeated strings:
the timings are for distinct text, as in a real corpus. Prints words per second for every step of
tone scoring and readability, and names the slowest.

    .venv/bin/python scripts/bench_tone.py [--articles 1000] [--seed 0]

Not a test: numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from presslens import load_story, paths
from presslens.analyses import readability as analyses_readability, tone
from presslens.engine import tables
from presslens.text import readability, resources, segment, sentiment


def build_corpus(n_articles: int, seed: int):
    """(articles, clean_text, sentences, tokens) for ``n_articles`` resampled articles."""
    story = load_story(paths.DEFAULT_STORY)
    base = tables.process(story).sentences
    base = base[base["part"] != "title"].reset_index(drop=True)
    rng = np.random.default_rng(seed)
    outlets = [f"outlet-{i:02d}" for i in range(10)]
    sent_rows, tok_rows, arts, clean = [], [], [], {}
    sid = 0
    for a in range(n_articles):
        aid = f"synthetic-{a:05d}"
        outlet = outlets[a % len(outlets)]
        k = int(rng.integers(15, 31))
        picks = base.iloc[rng.integers(0, len(base), size=k)]
        pars, par = [], []
        for idx, r in enumerate(picks.itertuples(index=False)):
            mark = f" [ref {sid}]"
            t = r.text + mark
            toks = segment.tokenize(t)
            spans = r.quote_spans
            inq = [any(s <= ts and te <= e for s, e in spans) for _, ts, te in toks]
            sent_rows.append({
                "sent_id": sid, "article_id": aid, "outlet": outlet, "sent_idx": idx, "para_idx": idx // 3,
                "part": "lede" if idx == 0 else "body", "position": idx / (k - 1), "text": t,
                "n_words": len(toks), "n_quoted": sum(inq), "quote_spans": spans,
                "narration": (r.narration + mark) if r.narration else r.narration,
                "quoted": (r.quoted + mark) if r.quoted else r.quoted,
            })
            for t_idx, ((tok, ts, te), q) in enumerate(zip(toks, inq)):
                tok_rows.append((sid, aid, outlet, t_idx, tok, ts, te, q, sent_rows[-1]["part"]))
            par.append(t)
            if len(par) == 3:
                pars.append(" ".join(par))
                par = []
            sid += 1
        if par:
            pars.append(" ".join(par))
        clean[aid] = "\n".join(pars)
        arts.append({"id": aid, "outlet": outlet, "translated_from": "zh" if a % 10 == 3 else None})
    sentences = pd.DataFrame(sent_rows)
    tokens = pd.DataFrame(tok_rows, columns=["sent_id", "article_id", "outlet", "tok_idx", "token", "start", "end",
                                             "in_quote", "part"])
    return pd.DataFrame(arts), clean, sentences, tokens


def timed(label, fn, words, results):
    t0 = time.perf_counter()
    out = fn()
    dt = time.perf_counter() - t0
    results.append((label, dt, words / dt if dt > 0 else float("inf")))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.articles < 1000:
        print("note: fewer than 1,000 articles requested; the benchmark is meant for >= 1,000")

    t0 = time.perf_counter()
    arts, clean, sents, toks = build_corpus(args.articles, args.seed)
    n_words = int(sents["n_words"].sum())
    print(f"synthetic corpus: {len(arts):,} articles, {len(sents):,} sentences, {n_words:,} words "
          f"(built in {time.perf_counter() - t0:.1f}s)")

    results: list[tuple[str, float, float]] = []
    # --- tone ------------------------------------------------------------------------------
    timed("tone: load VADER lexicon (once)", sentiment.analyzer, n_words, results)
    scored = timed("tone: score_sentences (whole + narration + quote)",
                   lambda: sentiment.score_sentences(sents), n_words, results)
    timed("tone: VADER on whole sentences only",
          lambda: [sentiment.score_text(t) for t in sents["text"]], n_words, results)
    rng = np.random.default_rng(0)
    timed("tone: bootstrap CIs per outlet (2,000 resamples)",
          lambda: [tone.bootstrap_ci(g.to_numpy(), 2000, rng) for _, g in scored.groupby("outlet")["compound"]],
          n_words, results)

    # --- readability -----------------------------------------------------------------------
    timed("readability: provision/load cmudict (once)",
          lambda: (resources.ensure_cmudict(), readability._textstat().syllable_count("warm up")), n_words, results)
    sent_toks = [g.tolist() for _, g in toks.groupby("sent_id", sort=False)["token"]]
    timed("readability: counts (syllables, easy words) on presslens's sentences",
          lambda: readability.counts(sent_toks), n_words, results)
    by_art = {k: g["token"].tolist() for k, g in toks.groupby("article_id", sort=False)}
    timed("readability: MTLD (both directions)", lambda: [readability.mtld(v) for v in by_art.values()],
          n_words, results)
    timed("readability: sentence-length stats",
          lambda: [readability.sentence_length_stats(g.to_numpy()) for _, g in sents.groupby("article_id")["n_words"]],
          n_words, results)
    # end to end on fresh texts (textstat's caches are keyed by text, so nothing above is reused);
    # within an article text_standard reuses the formulas computed just before it
    fresh = {k: v + " End." for k, v in clean.items()}
    timed("readability: readability_table end to end (fresh texts)",
          lambda: analyses_readability.readability_table(arts, fresh, sents, toks), n_words, results)

    width = max(len(r[0]) for r in results)
    print(f"\n{'step':<{width}}  {'seconds':>8}  {'words/s':>12}")
    for label, dt, wps in results:
        rate = "-" if "(once)" in label else f"{wps:,.0f}"
        print(f"{label:<{width}}  {dt:8.2f}  {rate:>12}")
    steps = [r for r in results if "(once)" not in r[0] and "end to end" not in r[0]]
    slowest = max(steps, key=lambda r: r[1])
    tone_total = sum(dt for label, dt, _ in results if label.startswith("tone: score_sentences"))
    read_total = [dt for label, dt, _ in results if "end to end" in label][0]
    print(f"\ntone scoring: {n_words / tone_total:,.0f} words/s; readability: {n_words / read_total:,.0f} words/s")
    print(f"slowest step: {slowest[0]} ({slowest[1]:.2f}s, {slowest[2]:,.0f} words/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
