"""Both cores for fact discovery, the same result whatever their number.

The work that splits cleanly is the per-pair arithmetic of :func:`.grouping.scores` (each block of
candidate pairs is scored alone: sparse row products and sums in scipy's compiled routines, and
numpy's products, all of which release the GIL, so threads run on two cores) and rapidfuzz's ratios
(its own ``workers``). Every block writes only its own slice of the output arrays, so the scores are
the same bytes with one worker or many; ``WORKERS`` (default: two, or one on a one-core machine) sets
how many. The embeddings already run in a thread of their own beside the candidate search
(:func:`.grouping.group`).

The text work that needs the sentences alone, not the grouping (the story's names and cast, the
quoted terms: regular expressions per sentence, which hold the GIL), runs in a forked process
beside the grouping (:func:`beside`): it reads the sentences the parent already holds (a fork copies
nothing up front) and sends back only its small results, the same objects it would have computed in
the parent. A worker that fails raises its error in the parent; one that dies (killed, out of
memory) raises a :class:`~presslens.errors.RunError` naming it, never a hang.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import traceback
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterator

from presslens.errors import RunError

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


class Beside:
    """The results of a generator function run beside this process (:func:`beside`), taken in order
    with :meth:`next`: in a forked process, or here (when asked, on one worker or where no fork is
    possible)."""

    def __init__(self, fn: Callable[[], Iterator], what: str, fork: bool):
        self.what, self._proc, self._conn, self._gen = what, None, None, None
        if not fork:
            self._gen = fn()
            return
        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_child, args=(fn, child), name=f"presslens facts: {what}", daemon=True)
        self._proc.start()
        child.close()

    def next(self):
        """The generator's next result (computed here, or received from the process)."""
        if self._proc is None:
            return next(self._gen)
        try:
            ok, value = self._conn.recv()
        except (EOFError, OSError):
            self._proc.join(5)
            raise RunError(f"fact discovery's worker process ({self.what}) stopped without its result (exit code "
                           f"{self._proc.exitcode}: killed, or out of memory?). Fix: free memory and run again, or set "
                           f"presslens.analyses.facts.workers.WORKERS = 1 to compute in one process") from None
        if not ok:
            if isinstance(value, BaseException):
                raise value
            raise RunError(f"fact discovery's worker process ({self.what}) failed:\n{value}")
        return value

    def close(self) -> None:
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.terminate()
            self._proc.join()
            self._conn.close()
            self._proc = None


def _child(fn: Callable[[], Iterator], conn) -> None:
    """In the forked process: send each result of ``fn()``, or the error that stopped it."""
    try:
        for value in fn():
            conn.send((True, value))
    except BaseException as e:       # noqa: BLE001 - every error goes to the parent, which raises it
        try:
            pickle.dumps(e)
            conn.send((False, e))
        except Exception:            # noqa: BLE001 - an error that does not pickle: its text
            conn.send((False, traceback.format_exc()))
    finally:
        conn.close()


@contextlib.contextmanager
def beside(fn: Callable[[], Iterator], what: str, workers: int | None = None) -> Iterator[Beside]:
    """Run the generator function ``fn`` in a forked process while the block runs, its results taken
    in order with ``.next()`` (``what`` names the work in an error). With one worker (``WORKERS``
    when None), where fork is not available, or inside a daemonic process, ``fn`` runs here when its
    results are asked for: the same results. The process is ended when the block ends."""
    k = WORKERS if workers is None else workers
    fork = (k >= 2 and "fork" in multiprocessing.get_all_start_methods()
            and not multiprocessing.current_process().daemon)
    side = Beside(fn, what, fork)
    try:
        yield side
    finally:
        side.close()
