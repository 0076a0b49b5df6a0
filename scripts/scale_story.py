"""Build a synthetic story of N articles by resampling the bundled story's paragraphs (for benchmarks).

    python scripts/scale_story.py OUT_DIR N [--outlets M | --one-each] [--seed S]

Each article takes 6-14 paragraphs drawn from the bundled articles, an outlet from M synthetic
outlets (drawn at random; ``--one-each``: an outlet of its own per article, N outlets of one article each), a date
in December 2023 and a unique URL; story.yaml is the bundled one. Deterministic for a given seed. Used by
scripts/bench_scale.py and by tests of many outlets (the figure check).
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from presslens import load_story, paths
from presslens.engine import tables


def build(out: Path, n: int, outlets: int | None = None, seed: int = 0, every_outlet: bool = False,
          one_each: bool = False) -> Path:
    """The story folder ``out``: ``n`` articles over ``outlets`` outlets (drawn at random; with
    ``every_outlet``, the first ``outlets`` articles take one outlet each, so each has an article; with
    ``one_each``, every article has an outlet of its own)."""
    src = paths.resolve(paths.DEFAULT_STORY)
    st = load_story(src)
    pars = [p.strip() for t in st.articles["text"] for p in t.split("\n") if len(p.split()) >= 8]
    rng = random.Random(seed)
    outlets = outlets or max(2, n // 5)
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    shutil.copy(src / "story.yaml", out / "story.yaml")
    for i in range(n):
        body = "\n\n".join(rng.sample(pars, rng.randint(6, min(14, len(pars)))))
        pick = rng.randrange(outlets)
        o = f"Outlet {i if one_each or (every_outlet and i < outlets) else pick:04d}"
        day = rng.randint(1, 31)
        (out / "articles" / f"a{i:06d}.md").write_text(
            f"---\noutlet: {o}\ntitle: Synthetic article {i}\nurl: https://example.org/{i}\npublished: 2023-12-{day:02d}\n"
            f"language: en\ntranslated_from: null\nderived_from: []\nbyline: null\nnotes: resampled for benchmarks\n---\n"
            f"{body}\n", encoding="utf-8")
    return out


def build_wire(out: Path, n: int, seed: int = 0, credit_every: int = 3) -> Path:
    """The story folder ``out``: ``n`` articles of ``n`` outlets all carrying one wire passage (the bundled
    story's first three long paragraphs), each with text of its own (random words, shared with no other);
    every ``credit_every``-th article (0: none) credits the wire in its first line, the rest credit nothing; dates over three days.
    The heavily shared text of a real story (a wire's copy republished by dozens of sites), for timing
    the reuse verdicts and provenance."""
    src = paths.resolve(paths.DEFAULT_STORY)
    st = load_story(src)
    pars = [p.strip() for t in st.articles["text"] for p in t.split("\n") if len(p.split()) >= 20]
    wire = pars[:3]
    vocab = sorted({w for p in pars for w in p.split() if w.isalpha()})
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)
    shutil.copy(src / "story.yaml", out / "story.yaml")
    for i in range(n):
        own = [" ".join(" ".join(rng.choice(vocab) for _ in range(rng.randint(12, 20))).capitalize() + "."
                        for _ in range(3)) for _ in range(4)]
        lead = "(Reuters) - " if credit_every and i % credit_every == 0 else ""
        body = "\n\n".join(own[:2] + [lead + wire[0]] + wire[1:] + own[2:])
        (out / "articles" / f"w{i:06d}.md").write_text(
            f"---\noutlet: Outlet {i:04d}\ntitle: Synthetic wire article {i}\nurl: https://example.org/w/{i}\n"
            f"published: 2023-12-{10 + i % 3:02d}\nlanguage: en\ntranslated_from: null\nderived_from: []\n"
            f"byline: null\nnotes: built for benchmarks\n---\n{body}\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--outlets", type=int, default=None)
    ap.add_argument("--one-each", action="store_true", help="every article an outlet of its own")
    ap.add_argument("--wire", action="store_true", help="one wire passage in every article (build_wire)")
    ap.add_argument("--credit-every", type=int, default=3, help="with --wire: every K-th article credits the wire (0: none)")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    print(build_wire(Path(a.out), a.n, a.seed, a.credit_every) if a.wire else build(Path(a.out), a.n, a.outlets, a.seed, one_each=a.one_each))


def time_steps(n: int, title: str, steps, target: str) -> None:
    """A benchmark of story-level steps on a resampled story of ``n`` articles: builds it in a temporary
    folder with its own, empty cache (so every step computes, and a step that reuses an earlier
    step's table reads it as a notebook would), runs the
    per-article stage (timed apart), then each (label, function of the story) of ``steps``; prints
    the times and ``target``."""
    import os
    import tempfile
    import time

    work = Path(tempfile.mkdtemp(prefix=f"presslens-bench-{title}-"))
    os.environ["PRESSLENS_CACHE"] = str(work / "cache")

    story = load_story(build(work / f"scale-{n}", n))
    t = time.perf_counter()
    tables.process(story)
    print(f"{n:,} articles: per-article stage {time.perf_counter() - t:.1f} s (not part of the target)")
    total = 0.0
    for label, fn in steps:
        t = time.perf_counter()
        fn(story)
        dt = time.perf_counter() - t
        total += dt
        print(f"  {label:40s} {dt:6.2f} s")
    print(f"  {'total (one process)':40s} {total:6.2f} s   target {target}")
