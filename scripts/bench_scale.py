"""Scale benchmark (`make bench-scale`): the whole suite on resampled stories of 1,000 and 10,000 articles.

Prints, per size: the per-article stage alone (cold: empty cache; warm: cache filled), then the
whole `presslens run` cold and warm with time per notebook and peak memory, and the ratio of the
10,000-article time to the 1,000-article time; then the whole run, cold, on 300 and on 1,500
outlets of one article each (what grows with outlets, not articles) and their ratio. Targets
(issues 10 and 20): 10,000 articles cold under 5 minutes, warm under 60 s, peak memory under 4 GB,
ratio under 12; 1,500 / 300 one-article outlets under 6.5 (linear is 5). Wall seconds, with the
load average at the start and end of each step (2 cores shared make wall time vary). A benchmark,
not a test: it prints figures and never fails on them.

    python scripts/bench_scale.py [--sizes 1000 10000] [--outlets 300 1500] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from scale_story import build  # noqa: E402

STAGE = """
import json, os, resource, sys, time
t = time.perf_counter()
from presslens import load_story
from presslens.engine import tables
st = load_story(sys.argv[1]); t_load = time.perf_counter() - t
t = time.perf_counter(); p = tables.process(st); t_proc = time.perf_counter() - t
print(json.dumps({"load": t_load, "process": t_proc, "words": int(len(p.tokens)),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

RUN = """
import json, resource, sys, time
from presslens.run import runner
t = time.perf_counter()
res = runner.run(sys.argv[1], figures=sys.argv[2], reports=sys.argv[3], log=lambda s: None)
print(json.dumps({"total": time.perf_counter() - t, "durations": res.durations,
                  "rss_mb": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024}))
"""


def child(code: str, *args: str, cache: Path) -> dict:
    env = {**os.environ, "PRESSLENS_CACHE": str(cache), "MPLBACKEND": "Agg"}
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT)
    if r.returncode:
        raise SystemExit(f"benchmark step failed:\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--outlets", type=int, nargs="*", default=[300, 1500],
                    help="stories of this many outlets of one article each, run cold (none, or 0: skip)")
    ap.add_argument("--keep", default=None, help="work folder to keep (default: a temporary one)")
    a = ap.parse_args()
    a.outlets = [m for m in a.outlets if m > 0]  # --outlets 0 skips them (a story of no article is no story)
    small = [n for n in a.sizes + a.outlets if n < 5]
    if small:
        ap.error(f"sizes and outlet counts must be 5 or more (got {small}); to skip the outlets runs, "
                 "give --outlets 0 or --outlets with no number")
    work = Path(a.keep or tempfile.mkdtemp(prefix="presslens-bench-"))
    print(f"presslens scale benchmark on {os.cpu_count()} cores; work folder {work}")
    totals = {}
    for n in a.sizes:
        story = build(work / f"scale-{n}", n)
        cache = work / f"cache-{n}"
        shutil.rmtree(cache, ignore_errors=True)
        print(f"\n{n:,} articles ({n // 5:,} outlets)")
        for label in ("cold", "warm"):
            s = child(STAGE, str(story), cache=cache)
            print(f"  per-article stage {label}: load {s['load']:6.1f} s, process {s['process']:6.1f} s, "
                  f"{s['words']:,} words, peak {s['rss_mb']:,.0f} MB")
        shutil.rmtree(cache, ignore_errors=True)  # the whole run starts cold again
        for label in ("cold", "warm"):
            totals[(n, label)] = whole_run(story, work / f"out-{n}", cache, label)
    if len(a.sizes) >= 2:
        lo, hi = min(a.sizes), max(a.sizes)
        print(f"\nratio {hi:,} / {lo:,} articles, cold: {totals[(hi, 'cold')] / totals[(lo, 'cold')]:.1f} "
              f"(near-linear would be {hi / lo:.0f} or less)")
    for m in a.outlets:
        story = build(work / f"outlets-{m}", m, one_each=True)
        cache = work / f"cache-outlets-{m}"
        shutil.rmtree(cache, ignore_errors=True)
        print(f"\n{m:,} outlets of one article each")
        totals[("outlets", m)] = whole_run(story, work / f"out-outlets-{m}", cache, "cold")
    if len(a.outlets) >= 2:
        lo, hi = min(a.outlets), max(a.outlets)
        print(f"\nratio {hi:,} / {lo:,} one-article outlets, cold: {totals[('outlets', hi)] / totals[('outlets', lo)]:.1f} "
              f"(linear is {hi / lo:.0f})")
    print("targets: 10,000 cold < 300 s, warm < 60 s, peak < 4,096 MB, ratio < 12; outlets ratio < 6.5")


def whole_run(story: Path, out: Path, cache: Path, label: str) -> float:
    """One whole `presslens run` of ``story`` into ``out`` with the cache ``cache``; prints it (time per
    notebook, peak memory, load average before and after) and returns its wall seconds."""
    shutil.rmtree(out, ignore_errors=True)
    before = os.getloadavg()[0]
    r = child(RUN, str(story), str(out / "figures"), str(out / "reports"), cache=cache)
    per = ", ".join(f"{k.split('-')[0]} {v:.0f} s" for k, v in sorted(r["durations"].items()))
    print(f"  whole run {label}: {r['total']:6.1f} s ({per}); peak {r['rss_mb']:,.0f} MB in one process; "
          f"load average {before:.1f} -> {os.getloadavg()[0]:.1f}")
    return r["total"]


if __name__ == "__main__":
    main()
