"""Benchmark: wall time of the full run on the bundled story next to its floor.

The floor is what no notebook run can beat: starting the same number of bare Jupyter kernels that
import the same libraries and do nothing else. Printed for one kernel at a time and for as many at
once as the runner uses. Target (issue 2): full run within 1.5 x the floor. Not a test: prints figures.

    python scripts/bench_run.py [STORY] [--repeat N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from presslens import paths
from presslens.run import runner

IMPORTS = "import pandas, numpy, matplotlib.pyplot, textstat, vaderSentiment.vaderSentiment, yaml\nimport presslens.nb"


def bare_kernel(_=None) -> float:
    t0 = time.perf_counter()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(IMPORTS)])
    NotebookClient(nb, kernel_name="python3", timeout=120).execute()
    return time.perf_counter() - t0


def floor(n: int, jobs: int) -> float:
    t0 = time.perf_counter()
    if jobs == 1:
        for _ in range(n):
            bare_kernel()
    else:
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(bare_kernel, range(n)))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("story", nargs="?", default=paths.DEFAULT_STORY)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    n = len(runner.notebook_list())
    jobs = min(2, os.cpu_count() or 1, n)
    bare_kernel()  # warm the file cache once
    fl1 = [floor(n, 1) for _ in range(args.repeat)]
    flj = [floor(n, jobs) for _ in range(args.repeat)]
    runs = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            runner.run(args.story, figures=Path(tmp) / "f", reports=Path(tmp) / "r", log=lambda s: None)
            runs.append(time.perf_counter() - t0)
    f1, fj, r = statistics.median(fl1), statistics.median(flj), statistics.median(runs)
    print(f"notebooks: {n}; cores: {os.cpu_count()}; runner parallelism: {jobs}; median of {args.repeat}")
    print(f"  floor, {n} bare kernels one at a time : {f1:6.2f} s")
    print(f"  floor, {n} bare kernels {jobs} at a time   : {fj:6.2f} s")
    print(f"  full run (papermill + HTML + figures) : {r:6.2f} s")
    print(f"  ratio to the one-at-a-time floor      : {r / f1:6.2f} x   (target <= 1.5)")
    print(f"  ratio to the same-parallelism floor   : {r / fj:6.2f} x")


if __name__ == "__main__":
    main()
