"""Fact discovery benchmark: 1,000 and 10,000 synthetic articles, grouped into facts.

    python scripts/bench_facts.py [--workers K] [N ...]        (default: 1000 10000; K: workers.WORKERS)

Articles are drawn from the sentences of the bundled story and the evaluation DEVELOPMENT stories
(never the test stories): each takes 25 sentences, and 9 in 10 of them are perturbed (a word
dropped, a number changed, a word swapped for one from another sentence) so that nearly every
sentence is distinct, as in a real story of that size, and copies are versions, not duplicates. Timed: the
whole of ``facts.from_sentences`` (clauses, versions, embeddings, candidates, scores, grouping,
voices) in one process, with ``K`` threads where the work splits (:mod:`presslens.analyses.facts.workers`);
the figures say how the time grows with N (near-linear is the goal: the ratio of time per article
between the sizes). Each size prints the wall clock and the CPU (all threads and the worker process; the main
thread's own: what no second core takes over), the workers, the
process's peak RSS so far (run one size per process to read each size's own), the load average (a
wall clock is the goal's measure only on an idle machine), the hashes of the member and fact tables
(the same at any worker count), and whether the goal (10,000 articles in under 2 minutes of wall
clock on 2 cores) holds. Prints only; never fails.
"""
from __future__ import annotations

import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from presslens import load_story  # noqa: E402
from presslens.analyses import facts  # noqa: E402
from presslens.analyses.facts import workers  # noqa: E402
from presslens.engine.keys import frame_hash  # noqa: E402
from presslens.engine import tables  # noqa: E402

GOAL_ARTICLES, GOAL_SECONDS = 10_000, 120
DEV = ["otis-acapulco-2023", "change6-far-side-2024", "rubiales-hermoso-2023", "mpox-emergency-2024"]


def pool() -> list[str]:
    stories = [ROOT / "data" / "stories" / "bytedance-openai-2023"] + [ROOT / "data" / "eval" / s for s in DEV]
    return [t for p in stories for t in tables.sentences(load_story(p))["text"].tolist()]


def perturb(text: str, rng: random.Random, vocab: list[str]) -> str:
    words = text.split()
    if len(words) > 6 and rng.random() < 0.5:
        del words[rng.randrange(1, len(words) - 1)]
    words = [str(int(w) + rng.randint(1, 9)) if w.isdigit() else w for w in words]
    if len(words) > 3:
        words[rng.randrange(len(words))] = rng.choice(vocab)
    return " ".join(words)


def synthetic(n: int, sentences: list[str], seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    vocab = sorted({w for t in sentences for w in t.split()})
    rows = []
    for a in range(n):
        for i, t in enumerate(rng.sample(sentences, 25)):
            rows.append({"article_id": f"a{a:06d}", "outlet": f"Outlet {a % max(2, n // 5):04d}", "sent_idx": i,
                         "part": "title" if i == 0 else ("lede" if i == 1 else "body"), "position": i / 25,
                         "text": perturb(t, rng, vocab) if rng.random() < 0.9 else t})
    return pd.DataFrame(rows)


def verdict(n: int, wall: float) -> str:
    """Whether the goal holds at this size (said at 10,000 articles and above only)."""
    if n < GOAL_ARTICLES:
        return f"goal judged at {GOAL_ARTICLES:,} articles"
    load = os.getloadavg()[0]
    idle = "" if load < 1.5 else f"; not idle (load {load:.1f}): the wall clock overstates"
    held = "holds" if wall < GOAL_SECONDS else "does not hold"
    return f"goal ({GOAL_ARTICLES:,} articles < {GOAL_SECONDS} s wall on 2 cores) {held}: {wall:.1f} s{idle}"


def children_cpu() -> float:
    """CPU seconds of this process's reaped children (fact discovery's worker process)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def critical(cpu: float, main: float) -> str:
    """What the wall clock would be on an idle machine at best: the main thread's CPU (what no second
    core takes over), or half of all the CPU (two cores), whichever is more."""
    return (f"critical path on an idle 2-core machine at least {max(main, cpu / 2):.1f} s (main thread {main:.1f} s; "
            f"all CPU {cpu:.1f} s over 2 cores {cpu / 2:.1f} s)")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--workers"]:
        workers.WORKERS, args = int(args[1]), args[2:]
    sizes = [int(x) for x in args] or [1000, 10000]
    sents = pool()
    facts.embedder(), facts.marks("warm up")  # load the model and the verb list once, outside the timings
    print(f"fact discovery; {len(sents)} distinct source sentences; cores: {os.cpu_count()}; workers: {workers.WORKERS}; "
          f"embedding: {facts.EMBEDDING if facts.embedder() is not None else 'none (lexical only)'}")
    base = None
    for n in sizes:
        df = synthetic(n, sents)
        load = os.getloadavg()[0]
        t, c, th, k = time.perf_counter(), time.process_time(), time.thread_time(), children_cpu()
        m = facts.from_sentences(df)
        dt, main = time.perf_counter() - t, time.thread_time() - th
        side = children_cpu() - k
        cpu = time.process_time() - c + side
        s = facts.summarise(m)
        per = dt / n * 1000
        base = base or per
        print(f"  {n:>6} articles, {len(df):>7} sentences ({df['text'].nunique()} distinct): {dt:7.1f} s wall, "
              f"{cpu:.1f} s CPU (main thread {main:.1f} s, threads {cpu - main - side:.1f} s, worker process {side:.1f} s), "
              f"{workers.WORKERS} workers, load {load:.1f}  ({per:.2f} ms/article, x{per / base:.2f} of the "
              f"smallest size per article); {len(s)} facts in 2+ articles; {len(m)} member rows "
              f"({len(m) / len(df):.1f} a sentence); peak RSS so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.2f} GB "
              f"(worker process {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20:.2f} GB, mostly pages shared with this one); "
              f"tables {frame_hash(m)[:12]} {frame_hash(s)[:12]}\n    {verdict(n, dt)}\n    {critical(cpu, main)}", flush=True)
