"""The batch runner: papermill over every notebook, all-or-nothing.

Every notebook runs with the same parameters into a staging folder (executed notebook + HTML +
figures). Only when all of them succeed are the results moved into ``reports/SLUG/`` and
``figures/SLUG/``; a failure names the notebook, the cell and the error, exits non-zero and leaves
the previous run's outputs as they were.

The notebooks and the manifest record the story and the figures folder as the user gave them,
relative to the repo root; the kernels learn the staging folder from ``PRESSLENS_FIGURES_STAGING``
(see :func:`presslens.plots.figures_dir`). Kernel and library output goes to a log per notebook in
the staging folder, so the terminal shows only presslens's progress lines; a failure quotes the
log's last lines when they say more than the error itself.

``manifest.json`` describes every report in the folder: a record per notebook (parameters, duration,
time, input fingerprint, versions, figures written). A run of some notebooks (``-n``) keeps the
earlier records of the others and marks them ``stale`` when they were made from other inputs.

Output safety. Before any notebook runs, the reports and figures roots are checked (each a folder
that exists or can be created, writable) and so are ``ROOT/SLUG``: never the story folder, inside
it or around it (nor around or inside any folder holding a ``story.yaml``), never the same folder for
reports and figures, and never a folder presslens did not write. Ownership is proven by a marker:
``manifest.json`` in ``REPORTS_ROOT/SLUG``, ``.presslens`` in ``FIGURES_ROOT/SLUG`` (every run writes
it). A problem is one :class:`OutputError` line naming the folder and the fix, before anything is
written. The final swap moves both old folders aside, both new ones in, and puts the old ones back
if any step fails (or an interrupt arrives). SIGHUP and SIGTERM are turned into exceptions during a
run, so the staging folder is removed and the workers and their kernels are stopped; a run also
removes what killed runs left behind (``.staging-SLUG-pidPID-*``, ``.SLUG.old-PID``, ``.SLUG.new-PID``
of processes that are gone), putting an old folder back when its swap was cut short.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor


class Interrupted(KeyboardInterrupt):
    """A run stopped by SIGHUP or SIGTERM (the staging folder and the workers are gone by then)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


# ---------------------------------------------------------------------------------------------
# Signals: a run stops cleanly on Ctrl-C, a closed terminal (SIGHUP) or SIGTERM
# ---------------------------------------------------------------------------------------------

class SignalGuard:
    """While a run is under way (main thread only), SIGHUP and SIGTERM raise :class:`Interrupted` and
    SIGINT ``KeyboardInterrupt``, once: later signals are ignored so the clean-up is not cut short,
    and so are signals after :meth:`hold` (the new outputs are in place). A signal already ignored
    (``nohup``) stays ignored; SIGINT is taken over only from Python's default handler. The previous
    handlers come back on exit."""

    def __init__(self) -> None:
        self.saved: dict[int, object] = {}
        self.fired = False
        self.held = False

    def __enter__(self) -> "SignalGuard":
        if threading.current_thread() is not threading.main_thread():
            return self
        for name in ("SIGINT", "SIGHUP", "SIGTERM"):
            sig = getattr(signal, name, None)
            if sig is None:
                continue
            prev = signal.getsignal(sig)
            if prev is signal.SIG_IGN or (sig == signal.SIGINT and prev is not signal.default_int_handler):
                continue
            self.saved[sig] = prev
            signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        if self.fired or self.held:
            return
        self.fired = True
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Interrupted(signum)

    def hold(self) -> None:
        self.held = True

    def __exit__(self, *exc) -> None:
        for sig, prev in self.saved.items():
            signal.signal(sig, prev if prev is not None else signal.SIG_DFL)


IN_WORKER = False


def _ignore_signal(signum, frame) -> None:
    pass


def worker_signals() -> None:
    """A pool worker leaves Ctrl-C and a closed terminal to the main process, which stops the workers
    and their kernels itself (a no-op Python handler, unlike SIG_IGN, is not inherited by the kernels);
    SIGTERM, the main process's way to stop a worker, keeps its default."""
    for name in ("SIGINT", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, _ignore_signal)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def worker_init(log_file: str) -> None:
    """Pool worker set-up: its output (outside the notebooks' own logs) goes to ``log_file``, never the
    terminal, and signals are left to the main process."""
    global IN_WORKER
    IN_WORKER = True
    with contextlib.suppress(OSError):
        fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
    worker_signals()


def stop_pool(pool: ProcessPoolExecutor, grace: float = 2.0) -> None:
    """Stop a pool at once: cancel what has not started, terminate the workers and their kernels (and
    whatever those started), kill what is still there after ``grace`` seconds, and reap the workers.

    The workers are multiprocessing's children and are waited for through it only: reaping them
    elsewhere (psutil) would leave the pool's manager thread believing they live, and the interpreter
    would hang at exit joining it. Their descendants (the kernels) are psutil's to stop."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil comes with ipykernel
        psutil = None
    kernels = []
    if psutil is not None:
        for w in workers:
            with contextlib.suppress(psutil.Error, ValueError):
                kernels += psutil.Process(w.pid).children(recursive=True)
        for k in kernels:
            with contextlib.suppress(psutil.Error):
                k.terminate()
    for w in workers:
        with contextlib.suppress(Exception):
            w.terminate()
    deadline = time.monotonic() + grace
    if kernels:
        _, alive = psutil.wait_procs(kernels, timeout=grace)
        for k in alive:
            with contextlib.suppress(psutil.Error):
                k.kill()
        psutil.wait_procs(alive, timeout=grace)
    for w in workers:
        with contextlib.suppress(Exception):
            w.join(max(0.0, deadline - time.monotonic()))
            if w.is_alive():
                w.kill()
                w.join(grace)
