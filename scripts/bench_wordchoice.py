"""Benchmark word-choice analyses on a large synthetic corpus (not a test).

Builds a corpus of N articles (default 1,000) in memory by resampling the bundled story's
sentences: each synthetic article takes one real outlet and draws as many sentences as that outlet's
article has, with replacement, from that outlet's sentences. Nothing is written to disk. Then it
times lexicon matching (presslens.analyses.wordchoice.match, all categories in one pass) and keyness
(presslens.keyness.keyness, every outlet against the rest) and prints words per second.

    .venv/bin/python scripts/bench_wordchoice.py [--articles 1000] [--repeat 3] [--seed 0]
"""
from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from presslens import load_story, paths
from presslens.analyses import keyness
from presslens.analyses.wordchoice import lexicon, matching
from presslens.engine import tables


def synthetic_tokens(n_articles: int, seed: int = 0) -> pd.DataFrame:
    """A token table of ``n_articles`` articles resampled from the bundled story's sentences."""
    story = load_story(paths.DEFAULT_STORY)
    p = tables.process(story)
    sents, toks = p.sentences, p.tokens.sort_values(["sent_id", "tok_idx"], kind="mergesort").reset_index(drop=True)
    rng = np.random.default_rng(seed)
    outlets = sents["outlet"].unique()
    by_outlet = {o: sents.loc[sents["outlet"] == o, "sent_id"].to_numpy() for o in outlets}
    # draw the sentences of every synthetic article
    art_outlet = rng.choice(outlets, size=n_articles)
    picked, art_of = [], []
    for a, o in enumerate(art_outlet):
        pool = by_outlet[o]
        picked.append(rng.choice(pool, size=len(pool)))
        art_of.append(np.full(len(pool), a))
    picked = np.concatenate(picked)  # original sent_id of each new sentence
    art_of = np.concatenate(art_of)
    # token rows of each picked sentence, without a Python loop over tokens
    first = np.searchsorted(toks["sent_id"].to_numpy(), sents["sent_id"].to_numpy())
    n_tok = sents["n_words"].to_numpy()
    pos = pd.Series(np.arange(len(sents)), index=sents["sent_id"].to_numpy())[picked].to_numpy()
    lens = n_tok[pos]
    new_sent = np.repeat(np.arange(len(picked)), lens)
    offs = np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens)
    rows = np.repeat(first[pos], lens) + offs
    out = toks.iloc[rows].reset_index(drop=True)
    out["sent_id"] = new_sent
    out["article_id"] = np.char.add("synthetic-", np.repeat(art_of, lens).astype(str))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="synthetic articles (default 1000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported (default 3)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    t0 = time.perf_counter()
    tokens = synthetic_tokens(args.articles, args.seed)
    build = time.perf_counter() - t0
    n_words = len(tokens)
    print(f"synthetic corpus: {args.articles:,} articles, {tokens['sent_id'].nunique():,} sentences, "
          f"{n_words:,} words, {tokens['outlet'].nunique()} outlets (built in {build:.2f} s)")
    lex = lexicon.load_lexicon()
    print(lex)

    def best(fn):
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            res = fn()
            times.append(time.perf_counter() - t)
        return min(times), res

    t_match, hits = best(lambda: matching.match(tokens, lex))
    print(f"lexicon match: {len(hits):,} hits in {t_match:.3f} s -> {n_words / t_match:,.0f} words/s")
    t_key, key = best(lambda: keyness.keyness(tokens, min_count=3))
    print(f"keyness:       {len(key):,} outlet x term rows in {t_key:.3f} s -> {n_words / t_key:,.0f} words/s")


if __name__ == "__main__":
    main()
