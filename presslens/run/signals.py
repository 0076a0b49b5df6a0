"""Stopping a batch run cleanly: SIGINT, SIGHUP and SIGTERM held while outputs are swapped in,
workers that ignore the terminal's signals and leave the stopping to the parent, a pool stopped
within a grace period.
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
