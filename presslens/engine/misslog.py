"""What the caches computed, and what it cost: one line per cached product looked up, for benchmarks.

With ``PRESSLENS_CACHE_LOG`` naming a file, every lookup of a cached product (a story table of
:mod:`.memo`, a per-article measure of :mod:`.perarticle`, the per-article stage of :mod:`.fanout`)
appends one JSON line to it: ``event`` (``hit`` or ``miss``), ``kind``, ``product`` (the function or
measure), ``cpu`` (CPU seconds of this process and its reaped workers the lookup took, computing included on a miss),
``self`` (the same without the products computed inside it), ``pid`` and ``notebook`` (the notebook
whose kernel looked it up, from the batch run's staging folder, or ``-`` outside a run). Lines are
short and appended whole (one ``write`` each), so several processes can share one file. Unset (the
default), nothing is recorded and nothing is paid but one environment read per lookup.
"""
from __future__ import annotations

import contextlib
import json
import os
import resource
import time
from pathlib import Path

ENV = "PRESSLENS_CACHE_LOG"
_STAGING_ENV = "PRESSLENS_FIGURES_STAGING"  # set by presslens.run.execute for each notebook's kernel
_STACK: list[list[float]] = []  # CPU seconds of the products computed inside each open lookup


def cpu_now() -> float:
    """CPU seconds of this process and of its children reaped so far (worker pools a lookup ran)."""
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + ch.ru_utime + ch.ru_stime


def notebook() -> str:
    """The notebook whose kernel this process is (its staging folder's name), or ``-``."""
    staging = os.environ.get(_STAGING_ENV)
    return Path(staging).name if staging else os.environ.get("PRESSLENS_CACHE_LOG_WHO", "-")


class Lookup:
    """One lookup being timed; :meth:`miss` marks it computed (the default is a hit)."""

    __slots__ = ("event", "extra")

    def __init__(self) -> None:
        self.event = "hit"
        self.extra: dict = {}

    def miss(self, **extra) -> None:
        self.event = "miss"
        self.extra.update(extra)


@contextlib.contextmanager
def lookup(kind: str, product: str):
    """Time the block as one lookup of ``product``; yields a :class:`Lookup` (call ``.miss()`` when the
    block computes it). Records nothing unless ``PRESSLENS_CACHE_LOG`` is set."""
    path = os.environ.get(ENV)
    got = Lookup()
    if not path:
        yield got
        return
    t0 = cpu_now()
    _STACK.append([0.0])
    try:
        yield got
    finally:
        inner = _STACK.pop()[0]
        cpu = cpu_now() - t0
        if _STACK:
            _STACK[-1][0] += cpu
        line = {"event": got.event, "kind": kind, "product": product, "cpu": round(cpu, 3),
                "self": round(cpu - inner, 3), "pid": os.getpid(), "notebook": notebook(), **got.extra}
        with contextlib.suppress(OSError):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            try:
                os.write(fd, (json.dumps(line) + "\n").encode("utf-8"))
            finally:
                os.close(fd)
