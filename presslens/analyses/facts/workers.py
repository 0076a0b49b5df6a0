"""Both cores for fact discovery, the same result whatever their number.

The work that splits cleanly is the per-pair arithmetic of :func:`.grouping.scores` (each block of
candidate pairs is scored alone: sparse row products and sums in scipy's compiled routines, and
numpy's products, all of which release the GIL, so threads run on two cores) and rapidfuzz's ratios
(its own ``workers``). Every block writes only its own slice of the output arrays, so the scores are
the same bytes with one worker or many; ``WORKERS`` (default: two, or one on a one-core machine) sets
how many. The embeddings already run in a thread of their own beside the candidate search
(:func:`.grouping.group`).
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

WORKERS = min(2, os.cpu_count() or 1)


def blocks(fn, n: int, size: int, workers: int | None = None) -> None:
    """Call ``fn(start, stop)`` on the blocks of ``size`` of ``range(n)``, in ``workers`` threads
    (``WORKERS`` when None; one: in this thread, in order). ``fn`` writes its block's slice of its
    output arrays and returns nothing, so the order the blocks finish in changes nothing."""
    starts = range(0, n, size)
    k = WORKERS if workers is None else workers
    if k <= 1 or len(starts) <= 1:
        for s in starts:
            fn(s, min(s + size, n))
        return
    with ThreadPoolExecutor(max_workers=k) as pool:
        for f in [pool.submit(fn, s, min(s + size, n)) for s in starts]:
            f.result()          # an error in a block is raised here
