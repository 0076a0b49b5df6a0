"""Executing one notebook in a worker process: papermill with the story's parameters, figures
staged, the kernel's output in a log file, the executed notebook exported to offline HTML.

A kernel that dies as it starts because a port chosen for it was taken meanwhile (two runs starting kernels at
once: the kernel manager picks free ports, the kernel binds them a moment later, and another process may have
bound one in between; zmq's "Address already in use" in the kernel's log) is no failure of the notebook: it runs
again with a fresh kernel, :data:`KERNEL_START_TRIES` times in all (:func:`port_collision`). A notebook that
failed for any other reason is never run again. Nothing half-written is kept: the failed start's notebook file is
removed before the next try, and the runner moves a notebook's outputs into place only when every notebook of
the run succeeded.
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import time
from pathlib import Path

from presslens import paths
from presslens.engine import misslog
# read by notebook.setup: the run's folder name (SLUG, or a variant's SLUG--...), the same for every
# notebook of a batch run even when a parameter is one only some notebooks have
from presslens.notebook.setup import RUN_NAME_ENV
from . import report_html, signals
from .signals import worker_signals


STAGING_ENV = "PRESSLENS_FIGURES_STAGING"  # read by plots.figures_dir: where a batch run stages figures
QUIET_LOGGERS = ["papermill", "nbclient", "jupyter_client", "traitlets", "nbconvert", "asyncio"]
# kernel chatter that says nothing about why a notebook failed
# lines every kernel log may hold: the TCP notice, and the SIGINT that jupyter_client sends every kernel it
# shuts down (logged when the kernel is idle, so whether it is in the log by the time it is read is a race)
_NOISE = ("Kernel is running over TCP without encryption", "KeyboardInterrupt caught in kernel")
KERNEL_START_TRIES = 3  # runs of a notebook whose kernel died at start on a port another process took, in all
# jupyter_client's KernelClient.wait_for_ready when the kernel process is gone before it answered (nothing ran)
_DIED_AT_START = "Kernel died before replying to kernel_info"
# the kernel's traceback when zmq cannot bind a port of its connection file (EADDRINUSE; "Address in use" on
# Windows), pyzmq adding the address: "zmq.error.ZMQError: Address already in use (addr='tcp://127.0.0.1:5...')"
_PORT_TAKEN = re.compile(r"ZMQError: Address (?:already )?in use")


def port_collision(exc: BaseException, log_text: str) -> bool:
    """Whether a notebook's kernel died as it started because a port chosen for it was taken: the client gave up
    waiting for a kernel that was gone before it answered (:data:`_DIED_AT_START`, no cell ran) and the kernel's
    log of this try says zmq could not bind (:data:`_PORT_TAKEN`). A cell's error, a kernel dying later, a kernel
    dying at start for another reason (an import error, a missing kernel): no."""
    return isinstance(exc, RuntimeError) and _DIED_AT_START in str(exc) and bool(_PORT_TAKEN.search(log_text))


def _log_since(log_file: Path, offset: int) -> str:
    """What the log gained after ``offset`` bytes (this try's kernel output), or ''."""
    try:
        with open(log_file, "rb") as f:
            f.seek(offset)
            return f.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _log_size(log_file: Path) -> int:
    try:
        return log_file.stat().st_size
    except OSError:
        return 0


def rel_path(path: str | Path) -> str:
    """``path`` relative to the repo root (``data/stories/x``, ``../elsewhere/story``), as the notebooks
    resolve it; never a machine path (unless on another drive, where no relative path exists)."""
    try:
        return Path(os.path.relpath(Path(path), paths.REPO_ROOT)).as_posix()
    except ValueError:
        return Path(path).as_posix()


@contextlib.contextmanager
def output_to(log_file: Path):
    """Send this process's file descriptors 1 and 2, and the notebook machinery's loggers, to
    ``log_file`` (a kernel started meanwhile inherits them); restore everything afterwards."""
    fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    stream = open(log_file, "a", encoding="utf-8", errors="replace")  # noqa: SIM115
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("[%(name)s] %(levelname)s | %(message)s"))
    loggers = {name: logging.getLogger(name) for name in QUIET_LOGGERS}
    before = {name: (lg.handlers[:], lg.propagate, lg.level) for name, lg in loggers.items()}
    try:
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        for lg in loggers.values():
            lg.handlers, lg.propagate = [handler], False
            if lg.level == logging.NOTSET or lg.level > logging.WARNING:
                lg.setLevel(logging.WARNING)
        yield
    finally:
        for name, (handlers, propagate, level) in before.items():
            lg = loggers[name]
            lg.handlers, lg.propagate = handlers, propagate
            lg.setLevel(level)
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for f in (*saved, fd):
            os.close(f)
        stream.close()


def log_tail(log_file: Path, lines: int = 8) -> str:
    """The last lines of a notebook's kernel log worth showing (known noise left out), or ''."""
    try:
        text = log_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    kept = [ln.rstrip() for ln in text.splitlines() if ln.strip() and not any(n in ln for n in _NOISE)]
    return "\n".join(f"      {ln}" for ln in kept[-lines:])


def execute_one(nb: str, out_dir: str, params: dict, cwd: str, figures_staging: str, log_file: str,
                 recorded_output: str, run_name: str = "") -> tuple[str, float, str | None]:
    """Run one notebook with papermill and export HTML. Returns (name, seconds, error or None).

    Runs in a worker process. The kernel's and the libraries' output goes to ``log_file``, never to
    the terminal; figures go to ``figures_staging`` (passed to the kernel in ``PRESSLENS_FIGURES_STAGING``,
    so the notebook's ``figures_dir`` parameter can say what the user asked for). The executed
    notebook records ``recorded_output`` (its final place, relative to the repo root) as its path. A kernel
    that died at start on a port another process took is started afresh (:func:`port_collision`,
    :data:`KERNEL_START_TRIES`); the seconds returned count every try.
    """
    name = Path(nb).name
    out = Path(out_dir) / name
    log = Path(log_file)
    t0 = time.perf_counter()
    before = os.environ.get(STAGING_ENV)
    before_name = os.environ.get(RUN_NAME_ENV)
    os.environ[STAGING_ENV] = figures_staging
    if run_name:
        os.environ[RUN_NAME_ENV] = run_name
    try:
        with output_to(log), misslog.lookup("notebook", name) as seen:
            seen.event = "run"  # with PRESSLENS_CACHE_LOG: the CPU of this notebook (kernel, papermill, HTML)
            import papermill as pm
            from papermill.exceptions import PapermillExecutionError

            for attempt in range(1, KERNEL_START_TRIES + 1):
                start = _log_size(log)
                try:
                    pm.execute_notebook(nb, str(out), parameters=params, kernel_name="python3", progress_bar=False,
                                        log_output=False, cwd=cwd)
                except PapermillExecutionError as exc:
                    src = exc.source.strip().splitlines()
                    first = src[0] if src else ""
                    err = f"{name}: cell {exc.exec_count} failed ({first[:80]!r}...)\n    {exc.ename}: {exc.evalue}"
                except Exception as exc:  # kernel died, bad notebook file, ...
                    err = f"{name}: {type(exc).__name__}: {exc}"
                    if attempt < KERNEL_START_TRIES and port_collision(exc, _log_since(log, start)):
                        out.unlink(missing_ok=True)  # papermill's record of the failed start: the next try writes anew
                        os.write(2, (f"presslens: {name}: the kernel died at start on a port another process took; "
                                     f"starting a fresh kernel (try {attempt + 1} of {KERNEL_START_TRIES})\n").encode())
                        continue
                else:
                    err = None
                    _record_paths(out, rel_path(nb), recorded_output)
                    _export_html(out)
                break
    except Exception as exc:  # the HTML export or the log file itself
        err = f"{name}: {type(exc).__name__}: {exc}"
    finally:
        if before is None:
            os.environ.pop(STAGING_ENV, None)
        else:
            os.environ[STAGING_ENV] = before
        if before_name is None:
            os.environ.pop(RUN_NAME_ENV, None)
        else:
            os.environ[RUN_NAME_ENV] = before_name
        if signals.IN_WORKER:  # nbclient's own signal handlers replaced the worker's while the kernel ran
            worker_signals()
    if err:
        tail = log_tail(log)
        if tail:
            err += f"\n    last lines of the kernel's log:\n{tail}"
    return name, time.perf_counter() - t0, err


def _record_paths(executed: Path, input_path: str, output_path: str) -> None:
    """Papermill records where it read and wrote the notebook (here: absolute, and the staging
    folder); record the notebook's and the report's places relative to the repo root instead."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    meta = nb.metadata.get("papermill")
    if meta is not None:
        meta["input_path"], meta["output_path"] = input_path, output_path
        nbformat.write(nb, executed)


# nbconvert's page loads require.js and MathJax from a CDN; the reports use neither (the interactive
# tables' library travels in the notebook itself, see presslens.notebook.tables), and must work offline
_REMOTE_SCRIPT = re.compile(r"""<script\b[^>]*\bsrc=["']https?://[^"']*["'][^>]*>\s*</script>\n?""")


def offline_html(body: str) -> str:
    """An nbconvert HTML page without the scripts it would fetch from elsewhere."""
    return _REMOTE_SCRIPT.sub("", body)


def _export_html(executed: Path) -> None:
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    body = offline_html(report_html.export(nb))
    executed.with_suffix(".html").write_text(body, encoding="utf-8")
